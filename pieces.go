package arnews

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pieces. A text is read in pieces of at most pieceBytes bytes and
// maxPieceTokens tokens, cut at paragraph breaks where it has them: the
// memory a piece takes is bounded by the token budget, whatever the bytes,
// and news articles, even long ones (about 6,000 words), fit in one piece.
const (
	pieceBytes     = 64 << 10
	maxPieceTokens = 8 << 10
)

// piece is a piece of a text: its offset in the text, and its prepared
// form.
type piece struct {
	off int
	t   *text
}

// forPieces prepares each piece of src in order and calls fn with it. A
// piece of pieceBytes bytes is cut at a break in its second half; when it
// holds more than maxPieceTokens tokens (text of numbers and marks:
// 1-1-1-), it is cut again after at least half of them. Each piece ends
// after at least half of its budget, so the text is read in linear time,
// and each piece is prepared once, or a few times when cut again.
func forPieces(src string, fn func(p piece)) {
	lx := builtinLexicon()
	start := 0
	for {
		end := pieceEnd(src, start, start+pieceBytes)
		t, over := splitTextUpTo(src[start:end], maxPieceTokens)
		for over >= 0 {
			// A cut can split a token in two: the shorter piece may
			// still be one token over, and is cut again.
			end = pieceEnd(src, start, start+over)
			t, over = splitTextUpTo(src[start:end], maxPieceTokens)
		}
		t.classify(lx)
		fn(piece{start, t})
		if end >= len(src) {
			return
		}
		start = end
	}
}

// pieceEnd returns where the piece of text that starts at start and should
// end near want ends: after the last paragraph break, line break, sentence
// end or space in the second half of the piece, or at want itself on a
// rune boundary.
func pieceEnd(text string, start, want int) int {
	if want >= len(text) {
		return len(text)
	}
	low := start + (want-start)/2
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(text[low:want], sep); i >= 0 {
			return low + i + len(sep)
		}
	}
	// Back up to the start of the rune want falls in. A rune is at most
	// utf8.UTFMax bytes, so a longer run of continuation bytes is ill-formed
	// and each of its bytes decodes as a rune of its own: any cut in it is a
	// rune boundary, and the piece still advances by (want-start)/2 or more.
	for back := 0; back < utf8.UTFMax-1 && want > start+1 && !utf8.RuneStart(text[want]); back++ {
		want--
	}
	return want
}

// joinParts returns the parts one after the other, in a slice of their
// exact total length (nil when it is 0): pieces joined without the copies
// of a growing slice.
func joinParts[T any](parts [][]T) []T {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n == 0 {
		return nil
	}
	return slices.Concat(parts...)
}

// joinEntities joins the entities of the pieces of a text: an entity found
// in several pieces is one, with the mentions of each in order.
func joinEntities(parts [][]Entity) []Entity {
	if len(parts) == 1 {
		return parts[0]
	}
	byID := map[string]int{}
	var all []Entity
	var mentions [][][]Mention
	for _, p := range parts {
		for _, e := range p {
			i, ok := byID[e.ID]
			if !ok {
				i = len(all)
				byID[e.ID] = i
				all = append(all, e)
				mentions = append(mentions, nil)
			}
			mentions[i] = append(mentions[i], e.Mentions)
		}
	}
	for i := range all {
		if len(mentions[i]) > 1 {
			all[i].Mentions = joinParts(mentions[i])
		}
	}
	return all
}

// mapPieces returns fn of each piece of src (see forPieces), in the
// order of the pieces. The calling goroutine prepares the pieces in order
// and hands each to a helper goroutine of its own that is free, or to a
// new one when it can take a token from helpers (the Extractor's, shared
// by all its calls); when it has helpers and all are busy, it waits for
// one; when it has none and can take no token, it reads the piece itself.
// So at most cap(helpers) helpers run for all the calls of one Extractor,
// and a call holds at most one piece more than it has helpers. A text of
// one piece, or helpers of capacity 0, runs on the calling goroutine
// alone. The pieces are independent (nothing is linked across them), so
// the result does not depend on who read which piece; a panic in fn
// reaches the caller of mapPieces, as it would without helpers.
func mapPieces[T any](src string, helpers chan struct{}, fn func(p piece) T) []T {
	var out []T
	if cap(helpers) == 0 || len(src) <= pieceBytes {
		forPieces(src, func(p piece) { out = append(out, fn(p)) })
		return out
	}
	type job struct {
		i int
		p piece
	}
	var (
		jobs     = make(chan job)
		mu       sync.Mutex
		panicked any
		wg       sync.WaitGroup
	)
	run := func(j job) {
		defer func() {
			if r := recover(); r != nil {
				mu.Lock()
				if panicked == nil {
					panicked = r
				}
				mu.Unlock()
			}
		}()
		r := fn(j.p)
		mu.Lock()
		if j.i >= len(out) {
			out = append(out, make([]T, j.i+1-len(out))...)
		}
		out[j.i] = r
		mu.Unlock()
	}
	help := func() {
		defer func() { <-helpers }()
		for j := range jobs {
			run(j)
		}
	}
	func() {
		defer close(jobs) // the helpers end even if preparing panics
		i, own := 0, 0
		forPieces(src, func(p piece) {
			j := job{i, p}
			i++
			select {
			case jobs <- j: // a helper of this call was free
				return
			default:
			}
			select {
			case helpers <- struct{}{}:
				own++
				wg.Go(help)
				jobs <- j
			default:
				if own > 0 {
					jobs <- j // wait for a helper of this call
				} else {
					run(j)
				}
			}
		})
	}()
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	return out
}
