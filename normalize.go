package arnews

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Form is a set of normalization steps. Combine the constants with |; the
// zero Form changes nothing except ill-formed UTF-8, which always becomes
// U+FFFD.
type Form uint32

// The normalization steps. Each is independent of the others; [Search] is the
// default set used by [Normalize] and by [Extract].
const (
	// StripDiacritics deletes harakat, tanween, shadda, sukun and the other
	// marks U+064B–U+065F, superscript alef U+0670 and the Quranic marks
	// U+0610–U+061A and U+06D6–U+06ED. A combining hamza (U+0654, U+0655) or
	// madda (U+0653) first composes with the letter before it (ا+ٔ → أ,
	// ا+ٕ → إ, ا+ٓ → آ, و+ٔ → ؤ, ي+ٔ → ئ), so no hamza is lost; one that
	// follows no such letter is deleted.
	StripDiacritics Form = 1 << iota
	// StripTatweel deletes the tatweel (kashida) U+0640.
	StripTatweel
	// FoldAlef maps أ إ آ ٱ ٲ ٳ ٵ to ا.
	FoldAlef
	// FoldYa maps alef maqsura ى to ي (never ى to ا), and Persian ی U+06CC
	// and Urdu ے U+06D2 to ي.
	FoldYa
	// FoldTehMarbuta maps ة to ه.
	FoldTehMarbuta
	// FoldHamza maps the hamza carriers ؤ to و and ئ to ي.
	FoldHamza
	// FoldPersian maps Persian and Urdu letters to their Arabic
	// counterparts: ک to ك, and ە ہ ھ ۀ to ه.
	FoldPersian
	// FoldDigits maps Arabic-Indic digits ٠–٩ and Persian digits ۰–۹ to
	// ASCII 0–9, and the Arabic decimal and thousands separators ٫ and ٬ to
	// "." and "," when they stand between two digits.
	FoldDigits
	// FoldPresentation replaces Arabic presentation forms (U+FB50–U+FDFF,
	// U+FE70–U+FEFE) by their compatibility decomposition, recomposing the
	// hamza so that lam-alef ligatures keep it: ﻷ → لأ.
	FoldPresentation
	// StripInvisible deletes ZWNJ, ZWJ, LRM, RLM, ALM U+061C, the bidi
	// embeddings and isolates U+202A–U+202E and U+2066–U+2069, the byte order
	// mark U+FEFF and the soft hyphen U+00AD.
	StripInvisible
	// FoldPunctuation maps ، to ",", ؛ to ";", ؟ to "?" and the quotation
	// marks « » “ ” „ to '"'.
	FoldPunctuation
	// FoldSpaces maps no-break and typographic spaces (U+00A0,
	// U+2000–U+200A, U+202F, U+3000) to " " and collapses each run of spaces
	// into one.
	FoldSpaces

	// Search is the default form: every step except FoldHamza,
	// FoldPunctuation and FoldSpaces. It is the form [Normalize] applies.
	Search = StripDiacritics | StripTatweel | FoldAlef | FoldYa | FoldTehMarbuta |
		FoldPersian | FoldDigits | FoldPresentation | StripInvisible

	// All is every step.
	All = Search | FoldHamza | FoldPunctuation | FoldSpaces
)

// formNames are the names of the steps, in bit order.
var formNames = [...]string{"StripDiacritics", "StripTatweel", "FoldAlef", "FoldYa", "FoldTehMarbuta", "FoldHamza",
	"FoldPersian", "FoldDigits", "FoldPresentation", "StripInvisible", "FoldPunctuation", "FoldSpaces"}

// String returns the names of the steps of f joined by "|", with Search
// and All for those sets: "Search", "Search|FoldSpaces", "FoldAlef|FoldYa",
// "0" for no step. Bits that are no step are written as a number.
func (f Form) String() string {
	var parts []string
	rest := f
	switch {
	case f&All == All:
		parts, rest = append(parts, "All"), f&^All
	case f&Search == Search:
		parts, rest = append(parts, "Search"), f&^Search
	}
	for i, name := range formNames {
		if rest&(1<<i) != 0 {
			parts = append(parts, name)
			rest &^= 1 << i
		}
	}
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("0x%x", uint32(rest)))
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "|")
}

// lookahead bounds how many deleted runes the normalizer looks through to
// find the rune that follows (for hamza composition, digit separators and
// space runs). The bound keeps streaming memory constant.
const lookahead = 64

// Normalizer applies a [Form] to text. It implements
// transform.SpanningTransformer, so it can be used with transform.NewReader
// and transform.Chain. A Normalizer holds no state between calls: one value
// may be used from any number of goroutines at once, and Reset does nothing.
//
// The zero Normalizer applies the zero Form.
type Normalizer struct {
	t *table
}

// NewNormalizer returns a Normalizer for the form f.
func NewNormalizer(f Form) *Normalizer {
	return &Normalizer{t: newTable(f)}
}

// searchNormalizer is the Normalizer for the Search form, built on first use.
var searchNormalizer = sync.OnceValue(func() *Normalizer { return NewNormalizer(Search) })

// Normalize returns s in the [Search] form. If s is already in that form it
// is returned as is, without allocating. Normalize(Normalize(s)) ==
// Normalize(s) for every s.
func Normalize(s string) string {
	return searchNormalizer().String(s)
}

// Form reports the steps n applies.
func (n *Normalizer) Form() Form {
	return n.table().form
}

func (n *Normalizer) table() *table {
	if n == nil || n.t == nil {
		return zeroTable()
	}
	return n.t
}

// zeroTable is the table of the zero Form, built on first use.
var zeroTable = sync.OnceValue(func() *table { return newTable(0) })

// String returns s normalized. If nothing changes, s itself is returned and
// nothing is allocated.
func (n *Normalizer) String(s string) string {
	t := n.table()
	k, _ := keepLen(t, s, true)
	if k == len(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	buf = append(buf, s[:k]...)
	buf = appendNormalized(t, buf, s[k:], nil, k)
	return bytesToString(buf)
}

// bytesToString returns the bytes of buf as a string without copying them,
// as strings.Builder does. buf must not be used afterwards.
func bytesToString(buf []byte) string {
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// Bytes returns b normalized, in a new slice.
func (n *Normalizer) Bytes(b []byte) []byte {
	return n.Append(make([]byte, 0, len(b)), b)
}

// Append appends the normalization of src to dst and returns the extended
// buffer. With a buffer reused from call to call (dst[:0]), normalizing a
// stream of tokens allocates nothing.
func (n *Normalizer) Append(dst, src []byte) []byte {
	return appendAll(n.table(), dst, src)
}

// AppendString is like Append with a string source.
func (n *Normalizer) AppendString(dst []byte, src string) []byte {
	return appendAll(n.table(), dst, src)
}

func appendAll[S ~string | ~[]byte](t *table, dst []byte, src S) []byte {
	k, _ := keepLen(t, src, true)
	dst = append(dst, src[:k]...)
	if k < len(src) {
		dst = appendNormalized(t, dst, src[k:], nil, k)
	}
	return dst
}

// StringMap returns s normalized together with an [OffsetMap] from byte
// offsets in the result back to byte offsets in s.
func (n *Normalizer) StringMap(s string) (string, *OffsetMap) {
	t := n.table()
	k, _ := keepLen(t, s, true)
	m := &OffsetMap{}
	if k == len(s) {
		m.nlen, m.olen = len(s), len(s)
		m.add(seg{n: 0, o: 0, nl: len(s), ol: len(s), copied: true})
		return s, m
	}
	buf := make([]byte, 0, len(s))
	buf = append(buf, s[:k]...)
	m.add(seg{n: 0, o: 0, nl: k, ol: k, copied: true})
	buf = appendNormalized(t, buf, s[k:], m, k)
	m.nlen, m.olen = len(buf), len(s)
	return bytesToString(buf), m
}

// Reset implements transform.Transformer. A Normalizer has no state, so
// Reset does nothing.
func (n *Normalizer) Reset() {}

// Span implements transform.SpanningTransformer: it returns the length of
// the longest prefix of src that the normalizer leaves unchanged.
func (n *Normalizer) Span(src []byte, atEOF bool) (int, error) {
	k, short := keepLen(n.table(), src, atEOF)
	switch {
	case k == len(src):
		return k, nil
	case short:
		return k, transform.ErrShortSrc
	default:
		return k, transform.ErrEndOfSpan
	}
}

// Transform implements transform.Transformer. Its output does not depend on
// how the input is split between calls.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	t := n.table()
	var u unit
	for nSrc < len(src) {
		k, short := keepLen(t, src[nSrc:], atEOF)
		if k > 0 {
			if avail := len(dst) - nDst; k > avail {
				// Copy whole runes only: every kept unit is one rune.
				k = avail
				for k > 0 && !utf8.RuneStart(src[nSrc+k]) {
					k--
				}
				nDst += copy(dst[nDst:], src[nSrc:nSrc+k])
				nSrc += k
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], src[nSrc:nSrc+k])
			nSrc += k
			continue
		}
		if short {
			return nDst, nSrc, transform.ErrShortSrc
		}
		if next(t, src[nSrc:], atEOF, &u) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		if u.len > len(dst)-nDst {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], u.buf[:u.len])
		nSrc += u.n
	}
	return nDst, nSrc, nil
}

// appendNormalized appends the normalization of s to buf. If m is not nil it
// records the offsets; base is the offset of s in the original text. Runs of
// unchanged bytes are copied at once, and one-rune folds of the Arabic block
// are done inline; everything else goes through next. The fast path for
// unchanged runes repeats the one in keepLen on purpose: as a shared
// function it is not inlined, and the call per rune doubles the time of the
// no-change case.
func appendNormalized[S ~string | ~[]byte](t *table, buf []byte, s S, m *OffsetMap, base int) []byte {
	cp := 0 // start of the pending run of unchanged bytes
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !t.ascii[c] || i+1 < len(s) && s[i+1] < utf8.RuneSelf && s[i+1] != ' ' || i+1 == len(s) {
				i++
				continue
			}
		} else if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			e := &t.arabic[uint8(c&0x03)<<6|s[i+1]&0x3F]
			if e.keep {
				i += 2
				continue
			}
			simple := e.kind == kPlain || e.kind == kMark ||
				e.kind == kBase && (i+2 == len(s) || !markAt(t, s, i+2))
			if simple {
				if e.same {
					i += 2
					continue
				}
				if i > cp {
					if m != nil {
						m.add(seg{n: len(buf), o: base + cp, nl: i - cp, ol: i - cp, copied: true})
					}
					buf = append(buf, s[cp:i]...)
				}
				switch {
				case e.to >= 0:
					if m != nil {
						// A two-byte letter for a two-byte letter (ة → ه)
						// maps byte for byte, like a copy.
						nl := utf8.RuneLen(e.to)
						m.add(seg{n: len(buf), o: base + i, nl: nl, ol: 2, copied: nl == 2})
					}
					buf = utf8.AppendRune(buf, e.to)
				case m == nil:
				case e.kind == kMark:
					m.widen(base + i + 2)
				default:
					m.stopWiden()
				}
				i += 2
				cp = i
				continue
			}
		}
		if i > cp {
			if m != nil {
				m.add(seg{n: len(buf), o: base + cp, nl: i - cp, ol: i - cp, copied: true})
			}
			buf = append(buf, s[cp:i]...)
		}
		var k int
		buf, k = appendUnit(t, buf, s[i:], m, base+i)
		i += k
		cp = i
	}
	if i > cp {
		if m != nil {
			m.add(seg{n: len(buf), o: base + cp, nl: i - cp, ol: i - cp, copied: true})
		}
		buf = append(buf, s[cp:i]...)
	}
	return buf
}

// An OffsetMap maps byte offsets in normalized text back to byte offsets in
// the text it was made from. It is returned by [Normalizer.StringMap] and is
// safe for concurrent use.
//
// It stores one 24-byte record per stretch of text copied unchanged and per
// run of identical changes (a fold repeated back to back, such as the bytes
// of a run of ill-formed UTF-8), so that its size follows the number of
// changes, not the length of the text, in chunks that never need copying.
type OffsetMap struct {
	// chunks hold the segments in order, at most chunkLen to a chunk, so
	// that a long map grows without copying itself.
	chunks     []chunk
	nlen, olen int
	widening   bool
}

// chunkLen is the number of segments of a full chunk (24 KiB).
const chunkLen = 1024

// chunk is a run of segments whose offsets count from n and o.
type chunk struct {
	n, o int
	segs []mseg
}

// seg says that normalized bytes [n, n+nl) came from original bytes
// [o, o+ol). Copied segments map byte for byte; the others map as a unit.
// It is what the normalizer records; the map stores it as an mseg.
type seg struct {
	n, o, nl, ol int
	copied       bool
}

// mseg is a stored segment, its offsets n and o counted from its chunk's:
// either copied bytes (rep == 0: normalized [n, n+nl) are original
// [o, o+nl) byte for byte) or a run of rep units, each of nl normalized
// bytes made from ol original bytes. wd widens the original end of the last
// byte over combining marks deleted after it.
type mseg struct {
	n, o, nl, ol, rep, wd uint32
}

// maxSegLen bounds the offsets and lengths an mseg holds.
const maxSegLen = 1<<32 - 1

// segAt is a stored segment with its absolute offsets.
type segAt struct {
	n, o int
	*mseg
}

// at returns segment k of the chunk.
func (c *chunk) at(k int) segAt {
	s := &c.segs[k]
	return segAt{c.n + int(s.n), c.o + int(s.o), s}
}

// nlen returns the number of normalized bytes the segment covers.
func (s segAt) nlen() int {
	if s.rep == 0 {
		return int(s.nl)
	}
	return int(s.nl) * int(s.rep)
}

// nend returns the normalized end of the segment.
func (s segAt) nend() int { return s.n + s.nlen() }

// oend returns the original end of the segment, before widening.
func (s segAt) oend() int {
	if s.rep == 0 {
		return s.o + int(s.nl)
	}
	return s.o + int(s.ol)*int(s.rep)
}

// start maps normalized byte p, within the segment, to the original
// offset of the first byte that produced it.
func (s segAt) start(p int) int {
	if s.rep == 0 {
		return s.o + p - s.n
	}
	return s.o + (p-s.n)/int(s.nl)*int(s.ol)
}

// end maps normalized byte p-1, within the segment, to the original offset
// just past the bytes that produced it.
func (s segAt) end(p int) int {
	if p >= s.nend() {
		return s.oend() + int(s.wd)
	}
	if s.rep == 0 {
		return s.o + p - s.n
	}
	return s.o + ((p-1-s.n)/int(s.nl)+1)*int(s.ol)
}

func (m *OffsetMap) add(s seg) {
	if s.nl == 0 {
		return
	}
	m.widening = true
	if p, ok := m.last(); ok && p.wd == 0 && p.nend() == s.n && p.oend() == s.o {
		switch {
		case s.copied && p.rep == 0 && int(p.nl)+s.nl <= maxSegLen:
			p.nl += uint32(s.nl)
			return
		case !s.copied && p.rep > 0 && int(p.nl) == s.nl && int(p.ol) == s.ol && p.rep < maxSegLen:
			p.rep++
			return
		}
	}
	if s.nl > maxSegLen || s.ol > maxSegLen {
		// Only a copied stretch can be this long: store it in parts.
		m.add(seg{n: s.n, o: s.o, nl: maxSegLen, ol: maxSegLen, copied: true})
		m.add(seg{n: s.n + maxSegLen, o: s.o + maxSegLen, nl: s.nl - maxSegLen, ol: s.ol - maxSegLen, copied: true})
		return
	}
	k := len(m.chunks) - 1
	if k < 0 || len(m.chunks[k].segs) == chunkLen || s.n-m.chunks[k].n > maxSegLen || s.o-m.chunks[k].o > maxSegLen {
		m.chunks = append(m.chunks, chunk{n: s.n, o: s.o})
		k++
	}
	c := &m.chunks[k]
	ms := mseg{n: uint32(s.n - c.n), o: uint32(s.o - c.o), nl: uint32(s.nl), ol: uint32(s.ol)}
	if !s.copied {
		ms.rep = 1
	}
	c.segs = append(c.segs, ms)
}

// last returns the last segment, if there is one.
func (m *OffsetMap) last() (segAt, bool) {
	if len(m.chunks) == 0 {
		return segAt{}, false
	}
	c := &m.chunks[len(m.chunks)-1]
	return c.at(len(c.segs) - 1), true
}

// widen extends the last segment's widened end to end, over a deleted mark.
func (m *OffsetMap) widen(end int) {
	if p, ok := m.last(); m.widening && ok {
		p.wd = uint32(min(end-p.oend(), maxSegLen))
	}
}

func (m *OffsetMap) stopWiden() { m.widening = false }

// cursor maps offsets that mostly come in increasing order, starting its
// search at the segment it found last: chunk c, segment k, kept as cur
// with its normalized end.
type cursor struct {
	m    *OffsetMap
	c, k int
	cur  segAt
	end  int // cur.nend(); 0 before the first find
}

// find returns the segment containing normalized byte p, which must be
// below m.nlen.
func (c *cursor) find(p int) segAt {
	if c.end > 0 && c.cur.n <= p && p < c.end {
		return c.cur
	}
	m := c.m
	if c.c >= len(m.chunks) || m.chunks[c.c].at(c.k).n > p {
		c.c, c.k = m.find(p)
	}
	for {
		ch := &m.chunks[c.c]
		s := ch.at(c.k)
		if s.nend() > p {
			c.cur, c.end = s, s.nend()
			return s
		}
		switch {
		case c.k+1 < len(ch.segs):
			c.k++
		case c.c+1 < len(m.chunks):
			c.c, c.k = c.c+1, 0
		default:
			c.cur, c.end = s, s.nend()
			return s
		}
	}
}

// span is [OffsetMap.Span] through the cursor.
func (c *cursor) span(sp Span) Span {
	m := c.m
	start := m.olen
	if sp.Start < m.nlen {
		start = c.find(max(sp.Start, 0)).start(max(sp.Start, 0))
	}
	if sp.End <= sp.Start {
		return Span{start, start}
	}
	p := min(sp.End, m.nlen)
	return Span{start, c.find(p - 1).end(p)}
}

// find returns the chunk and index of the segment containing normalized
// byte p, which must be below m.nlen.
func (m *OffsetMap) find(p int) (int, int) {
	ci := sort.Search(len(m.chunks), func(i int) bool {
		c := &m.chunks[i]
		return c.at(len(c.segs)-1).nend() > p
	})
	ci = min(ci, len(m.chunks)-1)
	c := &m.chunks[ci]
	k := sort.Search(len(c.segs), func(i int) bool { return c.at(i).nend() > p })
	return ci, min(k, len(c.segs)-1)
}

// seg returns the segment containing normalized byte p < m.nlen.
func (m *OffsetMap) seg(p int) segAt {
	c, k := m.find(p)
	return m.chunks[c].at(k)
}

// Start maps a normalized offset used as the start of a span to the
// original offset of the first byte that produced it. An offset out of
// range is clamped: below 0 to 0, at or past the end of the normalized
// text to the end of the original.
func (m *OffsetMap) Start(p int) int {
	p = max(p, 0)
	if p >= m.nlen {
		return m.olen
	}
	return m.seg(p).start(p)
}

// End maps a normalized offset used as the end of a span to the original
// offset just past the last byte that produced it, widened over combining
// marks that normalization deleted right after it. An offset out of range
// is clamped: at or below 0 to 0, past the end of the normalized text to
// its end.
func (m *OffsetMap) End(p int) int {
	if p <= 0 {
		return 0
	}
	if p > m.nlen {
		p = m.nlen
	}
	return m.seg(p - 1).end(p)
}

// Span maps a span of the normalized text to the smallest span of the
// original text that produced it. An empty span maps to an empty span.
func (m *OffsetMap) Span(sp Span) Span {
	start := m.Start(sp.Start)
	if sp.End <= sp.Start {
		return Span{start, start}
	}
	return Span{start, m.End(sp.End)}
}

// unit is the output of one normalization step: n source bytes became
// buf[:len].
type unit struct {
	n    int
	len  int
	mark bool // a deleted combining mark
	buf  [80]byte
}

func (u *unit) put(r rune) {
	if r < utf8.RuneSelf {
		u.buf[u.len] = byte(r)
		u.len++
		return
	}
	u.len += utf8.EncodeRune(u.buf[u.len:], r)
}

// entry says what the normalizer does with one rune of the Arabic block
// U+0600–U+06FF.
type entry struct {
	to   rune // the replacement; -1 deletes; the rune itself keeps it
	kind uint8
	keep bool // the fast path copies it without looking further
	same bool // to is the rune itself
}

// markAt reports whether s[j:] may start with a mark that the form deletes
// or a hamza or madda that composes: the things a base letter must look
// at. It needs at least one byte at s[j], and says true when the rune is
// cut short, so that the caller takes the careful path.
func markAt[S ~string | ~[]byte](t *table, s S, j int) bool {
	c := s[j]
	if c < 0xD8 || c > 0xDB {
		return false
	}
	if j+1 >= len(s) {
		return true
	}
	k := t.arabic[uint8(c&0x03)<<6|s[j+1]&0x3F].kind
	return k == kMark || k == kHamza
}

const (
	kPlain uint8 = iota
	kBase        // a letter a following hamza or madda composes with
	kMark        // a diacritic this form deletes
	kHamza       // a combining hamza or madda (composes or is deleted)
	kDigit       // a digit that may be followed by a separator
	kSep         // ٫ or ٬
)

// table is everything a Normalizer needs, built once per Form.
type table struct {
	form   Form
	arabic [256]entry
	ascii  [128]bool // true: the byte may need a closer look
}

func newTable(f Form) *table {
	t := &table{form: f}
	for i := range t.arabic {
		r := rune(0x600 + i)
		to := foldRune(f, r)
		e := entry{to: to}
		switch {
		case f&StripDiacritics != 0 && (r == 0x653 || r == 0x654 || r == 0x655):
			e.kind = kHamza
		case f&StripDiacritics != 0 && isMark(r):
			e.kind = kMark
		case f&StripDiacritics != 0 && composesWith(r, 0x654) != 0:
			e.kind = kBase
		case f&FoldDigits != 0 && (r >= 0x660 && r <= 0x669 || r >= 0x6F0 && r <= 0x6F9):
			e.kind = kDigit
		case f&FoldDigits != 0 && (r == 0x66B || r == 0x66C):
			e.kind = kSep
		}
		e.keep = to == r && e.kind == kPlain
		e.same = to == r
		t.arabic[i] = e
	}
	if f&FoldDigits != 0 {
		for c := '0'; c <= '9'; c++ {
			t.ascii[c] = true
		}
	}
	if f&FoldSpaces != 0 {
		t.ascii[' '] = true
	}
	return t
}

// isMark reports whether r is one of the diacritics StripDiacritics deletes
// (not counting the composing hamza and madda).
func isMark(r rune) bool {
	return r >= 0x64B && r <= 0x65F && r != 0x653 && r != 0x654 && r != 0x655 ||
		r == 0x670 || r >= 0x610 && r <= 0x61A || r >= 0x6D6 && r <= 0x6ED
}

// composesWith returns the letter that base followed by the combining hamza
// or madda m composes to, or 0.
func composesWith(base, m rune) rune {
	switch m {
	case 0x653: // madda
		if base == 'ا' {
			return 'آ'
		}
	case 0x654: // hamza above
		switch base {
		case 'ا':
			return 'أ'
		case 'و':
			return 'ؤ'
		case 'ي', 'ى':
			return 'ئ'
		case 'ە':
			return 'ۀ'
		case 'ہ':
			return 'ۂ'
		case 'ے':
			return 'ۓ'
		}
	case 0x655: // hamza below
		if base == 'ا' {
			return 'إ'
		}
	}
	return 0
}

// isSpace reports whether r is a space FoldSpaces folds.
func isSpace(r rune) bool {
	return r == ' ' || r == 0xA0 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x3000
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 0x660 && r <= 0x669 || r >= 0x6F0 && r <= 0x6F9
}

func isPresentation(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFE
}

// foldRune maps one rune under f, ignoring context: -1 deletes it. Hamza
// composition, digit separators and space runs are handled by next. The
// steps of foldSteps touch disjoint sets of runes, so their order does not
// matter.
func foldRune(f Form, r rune) rune {
	if r < 0x80 {
		return r
	}
	for _, st := range foldSteps {
		if f&st.form != 0 {
			if x, ok := st.fold(r); ok {
				return x
			}
		}
	}
	return r
}

// foldSteps are the context-free steps of the forms: each maps the runes
// it changes and reports whether r is one of them.
var foldSteps = [...]struct {
	form Form
	fold func(r rune) (rune, bool)
}{
	{StripDiacritics, func(r rune) (rune, bool) { return -1, isMark(r) || r == 0x653 || r == 0x654 || r == 0x655 }},
	{StripTatweel, func(r rune) (rune, bool) { return -1, r == 0x640 }},
	{StripInvisible, func(r rune) (rune, bool) { return -1, isInvisible(r) }},
	{FoldAlef, func(r rune) (rune, bool) {
		return 'ا', r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ' || r == 0x672 || r == 0x673 || r == 0x675
	}},
	{FoldYa, func(r rune) (rune, bool) { return 'ي', r == 'ى' || r == 0x6CC || r == 0x6D2 }},
	{FoldTehMarbuta, func(r rune) (rune, bool) { return 'ه', r == 'ة' }},
	{FoldHamza, foldHamza},
	{FoldPersian, foldPersian},
	{FoldDigits, foldDigit},
	{FoldPunctuation, foldPunctuation},
	{FoldSpaces, func(r rune) (rune, bool) { return ' ', isSpace(r) }},
}

// isInvisible reports whether r is a mark of StripInvisible: ALM, soft
// hyphen, ZWNJ, ZWJ, LRM, RLM, the bidi embeddings and isolates, BOM.
func isInvisible(r rune) bool {
	return r == 0x61C || r == 0xAD || r >= 0x200C && r <= 0x200F ||
		r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0xFEFF
}

func foldHamza(r rune) (rune, bool) {
	switch r {
	case 'ؤ':
		return 'و', true
	case 'ئ':
		return 'ي', true
	}
	return r, false
}

func foldPersian(r rune) (rune, bool) {
	switch r {
	case 0x6A9:
		return 'ك', true
	case 0x6D5, 0x6C1, 0x6BE, 0x6C0:
		return 'ه', true
	}
	return r, false
}

func foldDigit(r rune) (rune, bool) {
	switch {
	case r >= 0x660 && r <= 0x669:
		return '0' + r - 0x660, true
	case r >= 0x6F0 && r <= 0x6F9:
		return '0' + r - 0x6F0, true
	}
	return r, false
}

func foldPunctuation(r rune) (rune, bool) {
	switch r {
	case 0x60C: // Arabic comma
		return ',', true
	case 0x61B: // Arabic semicolon
		return ';', true
	case 0x61F: // Arabic question mark
		return '?', true
	case '«', '»', '“', '”', '„':
		return '"', true
	}
	return r, false
}

// fold maps r with the table when it can.
func (t *table) fold(r rune) rune {
	if r >= 0x600 && r <= 0x6FF {
		return t.arabic[r-0x600].to
	}
	return foldRune(t.form, r)
}

// decode decodes the first rune of s. short reports an incomplete but
// possibly valid encoding at the end of s.
func decode[S ~string | ~[]byte](s S) (r rune, size int, short bool) {
	var b [utf8.UTFMax]byte
	k := copy(b[:], s[:min(len(s), utf8.UTFMax)])
	r, size = utf8.DecodeRune(b[:k])
	if r == utf8.RuneError && size == 1 && !utf8.FullRune(b[:k]) {
		short = true
	}
	return r, size, short
}

// expansion is the runes one source rune stands for before folding: itself,
// or its decomposition if it is a presentation form.
type expansion struct {
	r [20]rune
	n int
}

func (t *table) expand(r rune, size int, e *expansion) {
	e.n = 0
	if t.form&FoldPresentation != 0 && isPresentation(r) {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		d := norm.NFKD.Properties(b[:size]).Decomposition()
		for len(d) > 0 && e.n < len(e.r) {
			dr, ds := utf8.DecodeRune(d)
			d = d[ds:]
			if e.n > 0 {
				if c := composesWith(e.r[e.n-1], dr); c != 0 {
					e.r[e.n-1] = c
					continue
				}
			}
			e.r[e.n] = dr
			e.n++
		}
		if e.n > 0 {
			return
		}
	}
	e.r[0] = r
	e.n = 1
}

// peek finds the first rune at or after the start of s that survives
// normalization, looking through at most lookahead deleted runes. ok is false
// when there is none within reach; short is true when more input is needed
// to know.
func peek[S ~string | ~[]byte](t *table, s S, atEOF bool) (r rune, size int, ok, short bool) {
	var e expansion
	pos := 0
	for range lookahead {
		if pos >= len(s) {
			return 0, 0, false, !atEOF
		}
		c, n, sh := decode(s[pos:])
		if sh && !atEOF {
			return 0, 0, false, true
		}
		t.expand(c, n, &e)
		for _, x := range e.r[:e.n] {
			if f := t.fold(x); f >= 0 {
				return f, pos + n, true, false
			}
		}
		pos += n
	}
	return 0, 0, false, false
}

// next computes the normalization of the first unit of s into u. It returns
// true when more input is needed.
func next[S ~string | ~[]byte](t *table, s S, atEOF bool, u *unit) (short bool) {
	u.n, u.len, u.mark = 0, 0, false
	r, size, sh := decode(s)
	if sh && !atEOF {
		return true
	}
	if r == utf8.RuneError && size == 1 {
		u.n = 1
		u.put(utf8.RuneError)
		return false
	}
	u.n = size
	var e expansion
	t.expand(r, size, &e)
	if t.form&StripDiacritics != 0 && composeHamza(s, size, atEOF, &e, u) {
		return true
	}
	if t.form&FoldDigits != 0 && e.n == 1 && isDigit(e.r[0]) {
		if done, short := digitSeparator(t, s, size, atEOF, e.r[0], u); short || done {
			return short
		}
	}
	allMarks := true
	for _, x := range e.r[:e.n] {
		y := t.fold(x)
		if y < 0 {
			allMarks = allMarks && (isMark(x) || x == 0x653 || x == 0x654 || x == 0x655)
			continue
		}
		allMarks = false
		u.put(y)
	}
	u.mark = u.len == 0 && allMarks
	if t.form&FoldSpaces != 0 && u.len > 0 && u.buf[u.len-1] == ' ' {
		return collapseSpace(t, s, atEOF, u)
	}
	return false
}

// composeHamza composes a combining hamza or madda with the letter before
// it (the last rune of e), looking through other marks that are being
// deleted: ا + ٔ → أ. It extends the unit over what it read, and returns
// true when more input is needed.
func composeHamza[S ~string | ~[]byte](s S, size int, atEOF bool, e *expansion, u *unit) (short bool) {
	last := e.r[e.n-1]
	if composesWith(last, 0x654)|composesWith(last, 0x655)|composesWith(last, 0x653) == 0 {
		return false
	}
	pos := size
	for range lookahead {
		if pos >= len(s) {
			return !atEOF
		}
		c, n, sh := decode(s[pos:])
		if sh && !atEOF {
			return true
		}
		if isMark(c) {
			pos += n
			continue
		}
		if x := composesWith(last, c); x != 0 {
			e.r[e.n-1] = x
			u.n = pos + n
		}
		return false
	}
	return false
}

// digitSeparator writes a digit followed by an Arabic decimal or thousands
// separator and another digit as the digit and . or ,: ١٫٥ → 1.5. done
// reports that it wrote the unit; short that more input is needed.
func digitSeparator[S ~string | ~[]byte](t *table, s S, size int, atEOF bool, digit rune, u *unit) (done, short bool) {
	sep, n1, ok, sh := peek(t, s[size:], atEOF)
	if sh {
		return false, true
	}
	if !ok || sep != 0x66B && sep != 0x66C {
		return false, false
	}
	d, _, ok, sh := peek(t, s[size+n1:], atEOF)
	if sh {
		return false, true
	}
	if !ok || !isDigit(d) {
		return false, false
	}
	u.put(t.fold(digit))
	if sep == 0x66B {
		u.put('.')
	} else {
		u.put(',')
	}
	u.n = size + n1
	return true, false
}

// collapseSpace drops the space that ends the unit when another space
// follows: of a run of spaces only the last is kept. It returns true when
// more input is needed.
func collapseSpace[S ~string | ~[]byte](t *table, s S, atEOF bool, u *unit) (short bool) {
	nr, _, ok, sh := peek(t, s[u.n:], atEOF)
	if sh {
		return true
	}
	if ok && nr == ' ' {
		u.len--
	}
	return false
}

// appendUnit appends the normalization of the first unit of s, which
// starts at offset base of the original text, records it in m if m is not
// nil, and returns the buffer and the unit's length in s.
func appendUnit[S ~string | ~[]byte](t *table, buf []byte, s S, m *OffsetMap, base int) ([]byte, int) {
	var u unit
	next(t, s, true, &u)
	if m != nil {
		switch {
		case u.len > 0:
			_, size, _ := decode(s)
			oneToOne := u.len == u.n && size == u.n && utf8.RuneCount(u.buf[:u.len]) == 1
			m.add(seg{n: len(buf), o: base, nl: u.len, ol: u.n, copied: oneToOne})
		case u.mark:
			m.widen(base + u.n)
		default:
			m.stopWiden()
		}
	}
	return append(buf, u.buf[:u.len]...), u.n
}

// keepLen returns the length of the longest prefix of s that normalization
// leaves unchanged, made of whole units, and whether it stopped because more
// input is needed.
func keepLen[S ~string | ~[]byte](t *table, s S, atEOF bool) (n int, short bool) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !t.ascii[c] || i+1 < len(s) && s[i+1] < utf8.RuneSelf && s[i+1] != ' ' || i+1 == len(s) && atEOF {
				i++
				continue
			}
		} else if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			e := &t.arabic[uint8(c&0x03)<<6|s[i+1]&0x3F]
			if e.keep || e.same && e.kind == kBase && (i+2 < len(s) && !markAt(t, s, i+2) || i+2 == len(s) && atEOF) {
				i += 2
				continue
			}
			if !e.same {
				return i, false // folded or deleted whatever follows
			}
		}
		k, short := keptUnit(t, s[i:], atEOF)
		if k == 0 {
			return i, short
		}
		i += k
	}
	return i, false
}

// keptUnit returns the length of the first unit of s if normalization
// leaves it unchanged, or 0, and whether more input is needed. It is the
// slow path of keepLen, apart so that the unit is only set up when needed.
func keptUnit[S ~string | ~[]byte](t *table, s S, atEOF bool) (int, bool) {
	var u unit
	if next(t, s, atEOF, &u) {
		return 0, true
	}
	if u.len != u.n || string(u.buf[:u.len]) != string(s[:u.n]) {
		return 0, false
	}
	return u.n, false
}
