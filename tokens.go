package arnews

import (
	"math"
	"slices"
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
	sent   int    // index of the sentence the token belongs to
	// cls holds the lexicon classes of the word (see classify); nil for
	// numbers and for words and marks in no class.
	cls  *wordClasses
	kind tokKind
	brk  bool // a line break stands between the previous token and this one
	ncut uint8
	cuts [maxCuts]cut // clitic splits; cuts[0] is always the whole word
	// dateCuts has bit k set when the stem of cuts[k] is a key of the date
	// lexicon (see classify).
	dateCuts uint8
}

// wordClasses are the lexicon classes of a word: asWritten of the word
// exactly as written, inStems of any of its stems taken literally, reads
// of its readings with the article understood; strict is reads as the
// tagger's marks read them (readingClasses), which drop the classes of
// words that never take a proclitic from every reading behind one, و and
// ف included.
type wordClasses struct {
	asWritten, inStems, reads, strict wclass
}

// classes returns the word's classes; the zero value for a word in none.
func (t *token) classes() wordClasses {
	if t.cls == nil {
		return wordClasses{}
	}
	return *t.cls
}

// asWritten returns the classes of the word exactly as written.
func (t *token) asWritten() wclass { return t.classes().asWritten }

// inStems returns the classes of any of the word's stems taken literally.
func (t *token) inStems() wclass { return t.classes().inStems }

// reads returns the classes of the word's readings.
func (t *token) reads() wclass { return t.classes().reads }

// is reports whether the word, exactly as written, is in a class of c.
func (t *token) is(cs ...class) bool { return t.cls != nil && t.cls.asWritten.has(cs...) }

// has reports whether a stem of the word, after any proclitics and taken
// literally, is in a class of c: والتوقيع has التوقيع and توقيع.
func (t *token) has(cs ...class) bool { return t.cls != nil && t.cls.inStems.has(cs...) }

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

// prepare normalizes src, tokenizes it, splits it into sentences and
// looks every word up in the lexicon.
func prepare(src string) *text {
	t := splitText(src)
	t.classify(builtinLexicon())
	return t
}

// splitText normalizes src, tokenizes it and splits it into sentences,
// without the lexicon (which is itself built with it).
func splitText(src string) *text {
	t, _ := splitTextUpTo(src, math.MaxInt)
	return t
}

// splitTextUpTo is splitText that reads at most limit tokens. When src
// has more, it returns over, the offset in src where the limit-th token
// ends, and a text that holds only the tokens before it: one to be
// discarded. Otherwise over is -1.
func splitTextUpTo(src string, limit int) (t *text, over int) {
	norm, omap := searchNormalizer().StringMap(src)
	t = &text{src: src, norm: norm, omap: omap}
	t.cur.m = omap
	if t.tokenize(limit) {
		return t, t.toks[limit-1].span.End
	}
	t.splitSentences()
	return t, -1
}

// classify records the lexicon classes of every word. A reading through a
// preposition (ب ل ك, with or without و) is no function word, name link,
// not-name word or و-name (بفي, لبن); a reading through و or ف alone keeps
// them except the و-name (وفي is في, but ولي is not وليد's kind).
func (t *text) classify(lx *lexicon) {
	// The classes of a word live in slabs, so that a word costs no
	// allocation of its own. They follow from its normalized form: in a
	// long text, where words recur, a word is looked up once and its
	// tokens share its classes (which nothing changes); in an article the
	// map would cost more than the lookups it saves.
	var slab []wordClasses
	type classes struct {
		cls      *wordClasses
		dateCuts uint8
	}
	var seen map[string]classes
	if len(t.toks) >= memoTokens {
		seen = make(map[string]classes, min(len(t.toks)/4, 4096))
	}
	for i := range t.toks {
		tk := &t.toks[i]
		if tk.kind == tokNumber {
			continue
		}
		if seen != nil {
			if s, ok := seen[tk.norm]; ok {
				tk.cls, tk.dateCuts = s.cls, s.dateCuts
				continue
			}
		}
		c, dateCuts := wordClassesOf(tk, lx)
		tk.dateCuts = dateCuts
		if c != (wordClasses{}) {
			if len(slab) == cap(slab) {
				slab = make([]wordClasses, 0, min(len(t.toks)-i, max(len(t.toks)/4, 16), 1024))
			}
			slab = append(slab, c)
			tk.cls = &slab[len(slab)-1]
		}
		if seen != nil {
			seen[tk.norm] = classes{tk.cls, dateCuts}
		}
	}
}

// memoTokens is the length of a text from which classify remembers the
// classes of its words.
const memoTokens = 4096

// wordClassesOf looks the word up in the lexicon, under each of its stems,
// and returns its classes and which of its stems are keys of the date
// lexicon (bit k for cuts[k]).
func wordClassesOf(tk *token, lx *lexicon) (wc wordClasses, dateCuts uint8) {
	for k, c := range tk.stems() {
		e := lx.lookup(tk.stem(c))
		if e == nil {
			continue
		}
		if e.date {
			dateCuts |= 1 << k
		}
		if c.at == 0 {
			wc.asWritten = e.lit
		}
		wc.inStems = wc.inStems.with(e.lit)
		wc.strict = wc.strict.with(readingClasses(e, c))
		if c.def {
			wc.reads = wc.reads.with(e.def)
			continue
		}
		b := e.bare
		if c.at != 0 && !conjOnly(tk, c) {
			b = b.without(cFunc, cStop, cWaName).without(connectClasses...)
		}
		if c.at != 0 {
			b = b.without(cWaName)
		}
		wc.reads = wc.reads.with(b)
	}
	return wc, dateCuts
}

// conjOnly reports whether the proclitics cut by c are only و or ف.
func conjOnly(tk *token, c cut) bool {
	return c.at == 2 && !c.def && (strings.HasPrefix(tk.norm, "و") || strings.HasPrefix(tk.norm, "ف"))
}

// The proclitics a word starts with. They are letters of the word, so the
// token layer, which splits them, is the one place that spells them.

// preposition reports whether token i is a word of class on (على) as
// written in the original text, with ى: normalization folds it into علي,
// the name Ali, which a text writes with ي.
func (t *text) preposition(i int) bool {
	tk := &t.toks[i]
	if !tk.is(cOn) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t.src[tk.span.Start:tk.span.End])
	return r == 'ى'
}

// leadingWa reports whether the word starts with the conjunction و, split
// off as a proclitic: وقطر, والرئيس.
func (t *token) leadingWa() bool { return t.ncut > 1 && strings.HasPrefix(t.norm, "و") }

// startsWithWa reports whether the word starts with و, split off or not:
// وعن, و.
func (t *token) startsWithWa() bool { return strings.HasPrefix(t.norm, "و") }

// readsCounterpart reports whether a reading of the word is a
// counterpart: نظيره، نظيرته.
func (t *token) readsCounterpart() bool { return t.reads().has(cCounter) }

// readsOffice reports whether a reading of the word is the head of an
// office (وزير، رئيس), read without the article.
func (t *token) readsOffice() bool { return t.reads().has(cOffice) }

// pronounSuffixed reports whether the word ends in a pronoun suffix ه,
// ها or هم: after a particle (أنها، إنه), or on a noun of four letters or
// more (مهامها، قراراتهم: possessives, which names do not carry; there
// the one-letter ه is left out, as many names end in it).
func (t *token) pronounSuffixed(particle bool) bool {
	if particle {
		return strings.HasSuffix(t.norm, "ه") || strings.HasSuffix(t.norm, "ها") || strings.HasSuffix(t.norm, "هم")
	}
	return utf8.RuneCountInString(t.norm) >= 4 && (strings.HasSuffix(t.norm, "ها") || strings.HasSuffix(t.norm, "هم"))
}

// adjectiveEnding reports whether the word ends as an indefinite adjective
// often does: the accusative alef (تاريخيا) or the nisba ي, ية
// (استراتيجي، دفاعية).
func (t *token) adjectiveEnding() bool {
	return strings.HasSuffix(t.norm, "ا") || strings.HasSuffix(t.norm, "ي") || strings.HasSuffix(t.norm, "يه")
}

// conjunctionAlone reports whether the token is the conjunction و written
// apart from the next word.
func (t *token) conjunctionAlone() bool { return t.norm == "و" }

// leadingBi reports whether the word starts with the preposition ب, split
// off as a proclitic: بوزارة, بالدوحة.
func (t *token) leadingBi() bool { return t.ncut > 1 && strings.HasPrefix(t.norm, "ب") }

// leadingLi reports whether the word starts with the preposition ل (or لل),
// split off as a proclitic: لترسيم, للتعاون.
func (t *token) leadingLi() bool { return t.ncut > 1 && strings.HasPrefix(t.norm, "ل") }

// leadingArticle reports whether the word, as written, starts with the
// article ال.
func (t *token) leadingArticle() bool { return strings.HasPrefix(t.norm, "ال") }

// leadingBiArticle reports whether the word starts with ب + the article:
// بالاتفاق.
func (t *token) leadingBiArticle() bool { return strings.HasPrefix(t.norm, "بال") }

// articleBefore reports whether the article ال is written right before the
// stem of the cut c (not in لل, where its alef is dropped).
func (t *token) articleBefore(c cut) bool {
	return c.def && c.at >= 4 && t.norm[c.at-4:c.at] == "ال"
}

// withoutArticle returns the word without a leading article (الاتفاق →
// اتفاق), or the word itself.
func (t *token) withoutArticle() string {
	for _, c := range t.stems() {
		if c.def && c.at == 4 {
			return t.stem(c)
		}
	}
	return t.norm
}

// definiteStem returns the stem of the first reading with the article
// (والجانب → جانب), or the word itself.
func (t *token) definiteStem() string {
	for _, c := range t.stems() {
		if c.def {
			return t.stem(c)
		}
	}
	return t.norm
}

// definite reports whether the word has a reading with the article.
func (t *token) definite() bool {
	for _, c := range t.stems() {
		if c.def {
			return true
		}
	}
	return false
}

// spanOf returns the original span from the start of token i (after the
// proclitics cut by c) to the end of token j: the tokens' own spans where
// they hold it, without a search of the offset map.
func (t *text) spanOf(i int, c cut, j int) Span {
	a, b := &t.toks[i], &t.toks[j]
	start := a.span.Start
	if c.at > 0 {
		start = t.omap.Start(a.nStart + int(c.at))
	}
	return Span{start, b.span.End}
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	switch {
	case r >= 0x621 && r <= 0x65F, r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true // with the Arabic letters, their marks (harakat, shadda…)
	case r < 0x80, r >= 0x660 && r <= 0x66D:
		return false // Arabic-Indic digits and the Arabic signs after them
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// tokenize reads the tokens of t.norm, up to limit of them, and reports
// whether the text has more.
func (t *text) tokenize(limit int) (more bool) {
	// About one word per space, and some punctuation. When the guess falls
	// short (a text of tokens without spaces, such as 1-1-1-), the rest is
	// guessed from the bytes per token so far, so that the slice grows once
	// or twice rather than by append's quarters, each leaving its garbage.
	spaces := strings.Count(t.norm, " ")
	t.toks = make([]token, 0, min(spaces+spaces/4+4, limit))
	for i := 0; ; {
		start, end, k, brk, ok := scanToken(t.norm, i)
		if !ok {
			return false
		}
		if len(t.toks) == limit {
			return true
		}
		if n := len(t.toks); n == cap(t.toks) {
			perTok := max(end/(n+1), 1)
			guess := (len(t.norm) - end) / perTok * 9 / 8
			t.toks = slices.Grow(t.toks, min(guess, max(maxPieceTokens-n, 0))+16)
		}
		t.add(start, end, k, brk)
		i = end
	}
}

// scanToken finds the first token of s at or after i: its bounds, its
// kind, and whether a line break stands between i and it; ok is false when
// none is left. Spaces, controls, format characters (such as bidi marks),
// private-use and unassigned code points and U+FFFD (where the normalizer
// met ill-formed UTF-8) make no token: they are skipped.
func scanToken(s string, i int) (start, end int, k tokKind, brk, ok bool) {
	for i < len(s) {
		r, n := decodeFast(s, i)
		switch {
		case r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == 0x85:
			brk = true
		case r >= '0' && r <= '9':
			return i, numberEnd(s, i), tokNumber, brk, true
		case isWordRune(r):
			return i, wordEnd(s, i+n), tokWord, brk, true
		case isMarkRune(r):
			return i, i + n, tokPunct, brk, true
		}
		i += n
	}
	return len(s), len(s), 0, brk, false
}

// wordEnd returns the end of the word that goes on at s[j]: the first
// byte at or after j that starts no word rune. The letters of the Arabic
// block and their marks (U+0621–U+065F, lead byte D8 or D9) and ASCII
// letters, nearly all of a word, are read without decoding.
func wordEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		// U+0621–U+065F are D8 A1 to D9 9F: between them, only the pairs
		// of a lead byte and a continuation byte are letters (D8 C0 and
		// D9 00 are no UTF-8). One test, whichever the lead byte.
		if j+1 < len(s) {
			if x := uint16(c)<<8 | uint16(s[j+1]); x-0xD8A1 <= 0xD99F-0xD8A1 && s[j+1]&0xC0 == 0x80 {
				j += 2
				continue
			}
		}
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			j++
			continue
		case c < utf8.RuneSelf:
			return j
		}
		r, n := decodeFast(s, j)
		if !isWordRune(r) {
			return j
		}
		j += n
	}
	return j
}

// numberEnd returns the end of the number that starts at s[i]: ASCII
// digits, with "." or "," between two digits.
func numberEnd(s string, i int) int {
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
	return j
}

// isMarkRune reports whether r, which is no letter or digit, is a token of
// its own: a punctuation mark or a symbol.
func isMarkRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r > ' ' && r < 0x7f
	case r == 0x60C, r == 0x61B, r == 0x61F, r == 0xAB, r == 0xBB:
		return true // ، ؛ ؟ « », the marks of Arabic prose
	}
	return r != utf8.RuneError && (unicode.IsPunct(r) || unicode.IsSymbol(r))
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
	t.toks = append(t.toks, token{}) // filled in place: a token is 72 bytes
	tk := &t.toks[len(t.toks)-1]
	tk.norm, tk.nStart, tk.kind, tk.brk, tk.span = t.norm[i:j], i, k, brk, t.cur.span(Span{i, j})
	tk.ncut = 1 // cuts[0], the whole word, is the zero cut
	if k == tokWord {
		splitClitics(tk)
	}
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
		// Three bytes that start with a rune of one or two bytes are two
		// runes at least; only a longer rune needs counting.
		if len(w)-at < 3 || w[at] >= 0xE0 && utf8.RuneCountInString(w[at:]) < 2 || int(tk.ncut) >= maxCuts {
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

// isClausePunct reports whether tk is a punctuation mark that ends a
// phrase (، . : ( ) « » - …).
func isClausePunct(tk *token) bool { return tk.kind == tokPunct && tk.is(cClausePunct) }

// inURL reports whether token i is part of a web address: the text around
// it, up to the spaces on either side (at most 256 bytes away), holds ://
// or www. or .htm.
func (t *text) inURL(i int) bool {
	const reach = 256 // bytes looked at on either side
	sp := t.toks[i].span
	lo, hi := max(0, sp.Start-reach), min(len(t.src), sp.End+reach)
	start := lo + strings.LastIndexAny(t.src[lo:sp.Start], " \t\n") + 1
	end := strings.IndexAny(t.src[sp.End:hi], " \t\n")
	if end < 0 {
		end = hi
	} else {
		end += sp.End
	}
	chunk := t.src[start:end]
	return strings.Contains(chunk, "://") || strings.Contains(chunk, "www.") || strings.Contains(chunk, ".htm")
}
