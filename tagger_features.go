package arnews

import (
	"unicode/utf8"
)

// This file holds the tagger's features. They are computed by the same
// code at training and at inference, over the tagger's own view of the
// tokens (tagDoc, filled by tagInput in tagger_marks.go). A feature is a
// 64-bit key: the hash of its template and of the strings or marks it
// reads. Each token's strings are hashed once; the templates mix those
// hashes, so no feature string is ever built.

// featureSetVersion names the feature set; the model header records it,
// and a model trained on another version is rejected.
const featureSetVersion = "arnews-tagger-features/1"

// tagDoc is the tagger's view of a prepared text.
type tagDoc struct {
	toks  []tagTok
	sents []tagSent
}

// tagSent is a sentence: the tokens [first, last).
type tagSent struct{ first, last int }

// tagTok is one token as the tagger sees it.
type tagTok struct {
	word    string // as written in the caller's text
	norm    string // in the Search form
	stem    string // norm without its longest proclitic reading
	clitics string // the proclitics cut off norm (و، ب، ال…), or ""
	shape   tokShape
	marks   tokMarks
}

// tokShape is the script class of a token.
type tokShape uint8

const (
	shapeArabic tokShape = iota + 1 // Arabic letters only
	shapeLatin                      // Latin letters only, lower case first
	shapeLatinCap                   // Latin letters only, capital first
	shapeDigits                     // a number
	shapePunct                      // punctuation or a symbol
	shapeMixed                      // letters of several scripts
)

// shapeOf returns the shape of the normalized token s.
func shapeOf(s string, number, punct bool) tokShape {
	switch {
	case number:
		return shapeDigits
	case punct:
		return shapePunct
	}
	arabic, latin := false, false
	for _, r := range s {
		if r >= 0x600 && r <= 0x6FF {
			arabic = true
		} else {
			latin = true
		}
	}
	switch {
	case arabic && latin:
		return shapeMixed
	case arabic:
		return shapeArabic
	case s != "" && s[0] >= 'A' && s[0] <= 'Z':
		return shapeLatinCap
	}
	return shapeLatin
}

// tokMarks are the lexicon and name-list facts about a token.
type tokMarks uint32

// The marks. The lexicon marks come from tagger_marks.go; mGiven, mFamily
// and mRare from the model's name lists and vocabulary.
const (
	mCountryB  tokMarks = 1 << iota // begins a country name of the gazetteer
	mCountryI                       // continues a country name
	mCityB                          // begins a city name
	mCityI                          // continues a city name
	mOrgB                           // begins an organisation name or acronym
	mOrgI                           // continues an organisation name
	mAmbiguous                      // the gazetteer phrase needs context
	mDemonym                        // a demonym
	mOffice                         // head of an office title
	mHonor                          // honorific or rank
	mSpeech                         // speech verb
	mFunc                           // function word
	mConnect                        // link of a name chain
	mCue                            // a word that introduces a place or body
	mStop                           // a common word never in a name
	mInst                           // head of a national institution
	mCounter                        // counterpart (نظيره)
	mGiven                          // a given name
	mFamily                         // a family name
	mRare                           // a word rare in the training data
	mSeenPER                        // a word seen inside a person in training
	mSeenORG                        // a word seen inside an organisation in training
	mSeenLOC                        // a word seen inside a place in training
	numMarks   = iota
)

// template identifies a feature template; it is mixed into every key.
type template uint64

const (
	tBias     template = iota + 1 // the label prior
	tWord                         // the word as written
	tNorm                         // the normalized word
	tStem                         // the stem
	tClitics                      // the proclitics
	tPrefix                       // a prefix of the word, by length
	tSuffix                       // a suffix of the word, by length
	tStemPre                      // a prefix of the stem, by length
	tStemSuf                      // a suffix of the stem, by length
	tGram                         // a character 3- or 4-gram of the stem
	tShape                        // the shape
	tNormAt                       // the normalized word at an offset in -2..2
	tStemAt                       // the stem at offset -1 or +1
	tShapeAt                      // the shape at offset -1 or +1
	tBigram                       // the previous and this normalized word
	tBigramR                      // this and the next normalized word
	tMarkAt                       // a mark of the word at an offset in -1..1
	tMarks2                       // the marks of the previous and this word together
	tStack                        // the first stage's label
	tStackCtx                     // the first stage's labels around and at the token
	tDocTypes                     // the types other tokens of the stem have in the document
	tDocTypesLabel                // tDocTypes × the first stage's label
	tTrans                        // previous label
	tPrevWord                     // previous label × normalized word
	tPrevStem                     // previous label × stem
)

// fnv64 returns the FNV-1a hash of s.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the finalizer of SplitMix64: a bijection that spreads every
// input bit over the output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// fkey returns the key of template t over the values a and b.
func fkey(t template, a, b uint64) uint64 {
	return mix64(mix64(uint64(t)*0x9e3779b97f4a7c15^a) + b)
}

// Hash values of the positions outside a sentence.
var (
	padBefore = fnv64("<s>")
	padAfter  = fnv64("</s>")
)

// tokHash holds the hashes of one token's strings.
type tokHash struct {
	word, norm, stem, clitics, shape uint64
}

// sentFeatures is the feature keys of one sentence: the emission keys of
// token k are keys[off[k]:off[k+1]]; edge holds the word and stem hashes
// that the transition templates mix with the previous label.
type sentFeatures struct {
	keys []uint64
	off  []int32
	edge []tokHash
}

// featurize computes the features of sentence s of d, reading the name
// lists nl and, for the second stage, the first stage's output st (nil
// for the first stage); buffers of f are reused.
func (f *sentFeatures) featurize(d *tagDoc, s tagSent, nl *nameLists, st *stackInput) {
	n := s.last - s.first
	f.keys = f.keys[:0]
	f.off = append(f.off[:0], 0)
	f.edge = f.edge[:0]
	marks := make([]tokMarks, n)
	for k := range n {
		tk := &d.toks[s.first+k]
		h := tokHash{word: fnv64(tk.word), norm: fnv64(tk.norm), stem: fnv64(tk.stem),
			clitics: fnv64(tk.clitics), shape: uint64(tk.shape)}
		f.edge = append(f.edge, h)
		marks[k] = tk.marks | nl.marks(h)
	}
	for k := range n {
		f.keys = tokenFeatures(f.keys, &d.toks[s.first+k], f.edge, marks, k)
		if st != nil {
			f.keys = st.features(f.keys, s, s.first+k, f.edge[k].stem)
		}
		f.off = append(f.off, int32(len(f.keys)))
	}
}

// at returns the hashes of token k of the sentence, or the padding of
// the side it falls off.
func at(hs []tokHash, k int) tokHash {
	switch {
	case k < 0:
		return tokHash{padBefore, padBefore, padBefore, padBefore, padBefore}
	case k >= len(hs):
		return tokHash{padAfter, padAfter, padAfter, padAfter, padAfter}
	}
	return hs[k]
}

// tokenFeatures appends the emission keys of token k of a sentence whose
// token hashes are hs and marks are marks.
func tokenFeatures(keys []uint64, tk *tagTok, hs []tokHash, marks []tokMarks, k int) []uint64 {
	h := hs[k]
	keys = append(keys,
		fkey(tBias, 0, 0),
		fkey(tWord, h.word, 0),
		fkey(tNorm, h.norm, 0),
		fkey(tStem, h.stem, 0),
		fkey(tClitics, h.clitics, 0),
		fkey(tShape, h.shape, 0),
	)
	keys = affixFeatures(keys, tPrefix, tSuffix, tk.norm)
	if tk.clitics != "" {
		keys = affixFeatures(keys, tStemPre, tStemSuf, tk.stem)
	}
	keys = gramFeatures(keys, tk.stem)
	for o := -2; o <= 2; o++ {
		if o != 0 {
			keys = append(keys, fkey(tNormAt, uint64(o+2), at(hs, k+o).norm))
		}
	}
	p, nx := at(hs, k-1), at(hs, k+1)
	keys = append(keys,
		fkey(tStemAt, p.stem, 0), fkey(tStemAt, nx.stem, 1),
		fkey(tShapeAt, p.shape, 0), fkey(tShapeAt, nx.shape, 1),
		fkey(tBigram, p.norm, h.norm), fkey(tBigramR, h.norm, nx.norm),
	)
	return markFeatures(keys, marks, k)
}

// affixFeatures appends the prefixes and suffixes of one to three letters
// of s.
func affixFeatures(keys []uint64, pre, suf template, s string) []uint64 {
	// Byte offsets after the first three runes and before the last three.
	var heads, tails [3]int
	nh, nt := 0, 0
	for i := 0; i < len(s) && nh < 3; {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		heads[nh] = i
		nh++
	}
	for j := len(s); j > 0 && nt < 3; {
		_, sz := utf8.DecodeLastRuneInString(s[:j])
		j -= sz
		tails[nt] = j
		nt++
	}
	for l := range nh {
		if heads[l] == len(s) {
			break // the whole word, which tNorm holds
		}
		keys = append(keys, fkey(pre, uint64(l), fnv64(s[:heads[l]])))
	}
	for l := range nt {
		if tails[l] == 0 {
			break
		}
		keys = append(keys, fkey(suf, uint64(l), fnv64(s[tails[l]:])))
	}
	return keys
}

// maxGramRunes bounds the runes of a stem read for character n-grams.
const maxGramRunes = 24

// gramFeatures appends the character 3- and 4-grams of s.
func gramFeatures(keys []uint64, s string) []uint64 {
	// pos[i] is the byte offset of rune i; pos[n] is the end of the last.
	var pos [maxGramRunes + 1]int
	n := 0
	for i := range s {
		pos[n] = i
		n++
		if n > maxGramRunes {
			break
		}
	}
	if n <= maxGramRunes {
		pos[n] = len(s)
	} else {
		n = maxGramRunes
	}
	for g := 3; g <= 4; g++ {
		if n <= g {
			continue // the whole stem, which tStem holds
		}
		for i := 0; i+g <= n; i++ {
			keys = append(keys, fkey(tGram, uint64(g), fnv64(s[pos[i]:pos[i+g]])))
		}
	}
	return keys
}

// markFeatures appends one key per mark of the tokens k-1, k and k+1,
// and one for the marks of k-1 and k together.
func markFeatures(keys []uint64, marks []tokMarks, k int) []uint64 {
	for o := -1; o <= 1; o++ {
		j := k + o
		if j < 0 || j >= len(marks) {
			continue
		}
		for m := marks[j]; m != 0; m &= m - 1 {
			bit := uint64(m & -m)
			keys = append(keys, fkey(tMarkAt, uint64(o+1), bit))
		}
	}
	prev := tokMarks(1 << 31) // the start of the sentence
	if k > 0 {
		prev = marks[k-1]
	}
	if prev|marks[k] != 0 {
		keys = append(keys, fkey(tMarks2, uint64(prev), uint64(marks[k])))
	}
	return keys
}

// The word lists a model carries beside its weights, each a set of
// hashes (fnv64) of normalized words.
const (
	listGiven    = iota // given names
	listFamily          // family names
	listFrequent        // words seen at least twice in training
	listPER             // words seen inside a person in training
	listORG             // words seen inside an organisation in training
	listLOC             // words seen inside a place in training
	numLists
)

// nameLists are the word lists the tagger's marks read beside the
// lexicon, indexed by the list constants.
type nameLists [numLists]map[uint64]struct{}

// listMarks are the marks of the lists that mark a listed word.
var listMarks = [numLists]tokMarks{listGiven: mGiven, listFamily: mFamily, listPER: mSeenPER, listORG: mSeenORG, listLOC: mSeenLOC}

// marks returns the list marks of a token with hashes h: a list's mark
// if its normalized form or its stem is listed, and rare if its
// normalized form is an Arabic word that is not frequent.
func (nl *nameLists) marks(h tokHash) tokMarks {
	var m tokMarks
	for l, set := range nl {
		if listMarks[l] != 0 && (has(set, h.norm) || has(set, h.stem)) {
			m |= listMarks[l]
		}
	}
	if h.shape == uint64(shapeArabic) && !has(nl[listFrequent], h.norm) {
		m |= mRare
	}
	return m
}

// has reports whether set holds h.
func has(set map[uint64]struct{}, h uint64) bool {
	_, ok := set[h]
	return ok
}

// stackInput is what the second stage reads of the first: the first
// stage's label of every token of the document, and the document's
// evidence.
type stackInput struct {
	labels []uint8
	ev     docEvidence
}

// docEvidence counts, for each stem (by hash) of a document, its tokens
// ([0]) and those the first stage put inside an entity of each type
// ([tagPER], [tagORG], [tagLOC]).
type docEvidence map[uint64][4]int32

// add counts a token of stem hash h with first-stage label l, n times
// (n is -1 to take one back).
func (ev docEvidence) add(h uint64, l uint8, n int32) {
	c := ev[h]
	c[0] += n
	if t := labelType(l); t != 0 {
		c[t] += n
	}
	ev[h] = c
}

// features appends the second-stage keys of token i, in sentence s,
// whose stem hashes to stem: the first stage's labels at and around it,
// and the types the first stage gave the other tokens of its stem in the
// document.
func (st *stackInput) features(keys []uint64, s tagSent, i int, stem uint64) []uint64 {
	l := st.labels[i]
	prev, next := uint64(startLabel), uint64(startLabel)
	if i > s.first {
		prev = uint64(st.labels[i-1])
	}
	if i+1 < s.last {
		next = uint64(st.labels[i+1])
	}
	c := st.ev[stem]
	if t := labelType(l); t != 0 {
		c[t]--
	}
	var types uint64
	for t := range 3 {
		if c[t+1] > 0 {
			types |= 1 << t
		}
	}
	return append(keys,
		fkey(tStack, uint64(l), 0),
		fkey(tStackCtx, prev<<8|next, uint64(l)),
		fkey(tDocTypes, types, 0),
		fkey(tDocTypesLabel, types, uint64(l)),
	)
}
