package arnews

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the one token layer every annotator shares: the text is
// normalized once (Search form, with its offset map), cut into words,
// numbers and punctuation, each word with its possible clitic splits, and
// the tokens are grouped into sentences.

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokWord   tokKind = iota // a run of letters
	tokNumber                // a run of ASCII digits, with "." or "," between digits
	tokPunct                 // any other single rune that is not a space
)

// maxCuts bounds the clitic splits kept per word.
const maxCuts = 5

// token is one word, number or punctuation mark of the normalized text.
type token struct {
	norm   string // normalized text of the token
	nStart int    // byte offsets of norm in the normalized text
	span   Span   // the token's span in the original text
	kind   tokKind
	sent   int  // index of the sentence the token belongs to
	brk    bool // a line break stands between the previous token and this one
	ncut   uint8
	cuts   [maxCuts]cut // clitic splits; cuts[0] is always the whole word
}

// cut is one way to read a word as proclitics + stem: the stem is
// norm[at:]. def says the proclitics end in the article ال (or the لل of
// ل + ال), so the stem is definite.
type cut struct {
	at  uint8
	def bool
}

// stems returns the word's possible clitic splits, the whole word first and
// the longest proclitic sequence last.
func (t *token) stems() []cut { return t.cuts[:t.ncut] }

// stem returns the stem of the i-th cut.
func (t *token) stem(c cut) string { return t.norm[c.at:] }

// text is the prepared form of a document that the annotators share.
type text struct {
	src   string     // the caller's text, never modified
	norm  string     // src in the Search form
	omap  *OffsetMap // from norm offsets to src offsets
	toks  []token
	sents []sentence
	cur   cursor // maps token offsets, which come in order
}

// sentence is a run of tokens toks[first:last] and its span in src.
type sentence struct {
	first, last int
	span        Span
}

// prepare normalizes src, tokenizes it and splits it into sentences.
func prepare(src string) *text {
	norm, omap := searchNormalizer().StringMap(src)
	t := &text{src: src, norm: norm, omap: omap}
	t.cur.m = omap
	t.tokenize()
	t.splitSentences()
	return t
}

// origSpan maps a span of the normalized text to the original text.
func (t *text) origSpan(nStart, nEnd int) Span {
	return t.omap.Span(Span{nStart, nEnd})
}

// spanOf returns the original span from the start of token i (after the
// proclitics cut by c) to the end of token j.
func (t *text) spanOf(i int, c cut, j int) Span {
	a, b := &t.toks[i], &t.toks[j]
	return t.origSpan(a.nStart+int(c.at), b.nStart+len(b.norm))
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	switch {
	case r >= 0x621 && r <= 0x64A, r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func (t *text) tokenize() {
	s := t.norm
	// About one word per space, and some punctuation.
	t.toks = make([]token, 0, strings.Count(s, " ")*5/4+16)
	brk := false
	for i := 0; i < len(s); {
		r, n := decodeFast(s, i)
		switch {
		case r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == 0x85:
			brk = true
			i += n
		case unicode.IsSpace(r) || r == 0x200B:
			i += n
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(s) {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == '.' || c == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			t.add(i, j, tokNumber, brk)
			brk = false
			i = j
		case isWordRune(r):
			j := i + n
			for j < len(s) {
				r2, n2 := decodeFast(s, j)
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			t.add(i, j, tokWord, brk)
			brk = false
			i = j
		default:
			t.add(i, i+n, tokPunct, brk)
			brk = false
			i += n
		}
	}
}

// decodeFast decodes the rune at s[i:], with the two-byte runes of the
// Arabic block and ASCII decoded inline.
func decodeFast(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

func (t *text) add(i, j int, k tokKind, brk bool) {
	tk := token{norm: t.norm[i:j], nStart: i, kind: k, brk: brk, span: t.cur.span(Span{i, j})}
	tk.cuts[0] = cut{}
	tk.ncut = 1
	if k == tokWord {
		splitClitics(&tk)
	}
	t.toks = append(t.toks, tk)
}

// splitClitics records every way to read the word as proclitics + stem,
// with the proclitics in the order Arabic allows them: a conjunction و or
// ف, then a preposition ب ل ك, then the article ال (ل + ال is written لل).
// A stem keeps at least two letters.
func splitClitics(tk *token) {
	w := tk.norm
	// All proclitic letters are two bytes long in UTF-8; a stem keeps at
	// least two letters, so at least three bytes.
	addCut := func(at int, def bool) {
		if len(w)-at < 3 || utf8.RuneCountInString(w[at:]) < 2 || int(tk.ncut) >= maxCuts {
			return
		}
		tk.cuts[tk.ncut] = cut{at: uint8(at), def: def}
		tk.ncut++
	}
	if len(w) < 4 || w[0] != 0xD9 && w[0] != 0xD8 {
		return // no Arabic proclitic can start it
	}
	p := 0
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		p = 2
		addCut(p, false)
	}
	switch {
	case strings.HasPrefix(w[p:], "لل"):
		addCut(p+2, false) // ل + a stem starting with ل
		addCut(p+4, true)  // ل + ال
		return
	case strings.HasPrefix(w[p:], "ب") || strings.HasPrefix(w[p:], "ل") || strings.HasPrefix(w[p:], "ك"):
		if !strings.HasPrefix(w[p:], "ال") {
			p += 2
			addCut(p, false)
		}
	}
	if strings.HasPrefix(w[p:], "ال") {
		addCut(p+4, true)
	}
}

// isAbbreviation reports whether w, followed by a full stop, is an
// abbreviation rather than the end of a sentence: any single letter (د. for
// doctor, م. for the Gregorian era, ص. for page, U.S.) and a few common
// Latin-script ones.
func isAbbreviation(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Dr", "St", "No", "Jr", "Inc", "Ltd", "Co", "vs", "Prof", "Gen":
		return true
	}
	return false
}

// endsSentence reports whether the punctuation token i ends its sentence.
func (t *text) endsSentence(i int) bool {
	tk := &t.toks[i]
	switch tk.norm {
	case "؟", "?", "!", "…":
		return true
	case ".":
		if i > 0 && t.toks[i-1].kind == tokWord && t.toks[i-1].span.End == tk.span.Start {
			if isAbbreviation(t.toks[i-1].norm) {
				// An abbreviation, unless the line ends here.
				return i+1 >= len(t.toks) || t.toks[i+1].brk
			}
		}
		return true
	}
	return false
}

// closers may follow the end of a sentence and still belong to it.
func isCloser(s string) bool {
	switch s {
	case "”", "»", "\"", "'", ")", "]", "’", "}", ".", "!", "?", "؟", "…":
		return true
	}
	return false
}

func (t *text) splitSentences() {
	t.sents = t.sents[:0]
	start := 0
	closeAt := func(end int) {
		if end <= start {
			return
		}
		idx := len(t.sents)
		for k := start; k < end; k++ {
			t.toks[k].sent = idx
		}
		t.sents = append(t.sents, sentence{first: start, last: end,
			span: Span{t.toks[start].span.Start, t.toks[end-1].span.End}})
		start = end
	}
	for i := 0; i < len(t.toks); i++ {
		if t.toks[i].brk {
			closeAt(i)
		}
		if t.toks[i].kind == tokPunct && t.endsSentence(i) {
			j := i + 1
			for j < len(t.toks) && !t.toks[j].brk && t.toks[j].kind == tokPunct && isCloser(t.toks[j].norm) {
				j++
			}
			closeAt(j)
			i = j - 1
		}
	}
	closeAt(len(t.toks))
}
