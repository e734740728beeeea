package arnews

import (
	"unicode/utf8"
)

// This file holds the tagger's features, over the tagger's own view of
// the tokens (tagDoc, filled by tagInput in tagger_marks.go). A feature is
// a 64-bit key: the hash of its template and of the strings or marks it
// reads. Each token's strings are hashed once; the templates mix those
// hashes, so no feature string is ever built. featurize
// (tagger_featurize_test.go, beside training) lists the keys of each
// token, as training reads them; the decoder (tagger_decode.go) sums the
// same keys in another order, built by the same functions (intrinsicFeatures,
// nearKeys, markKey and the keys of the second stage).

// featureSetVersion names the feature set; the model header records it,
// and a model trained on another version is rejected.
const featureSetVersion = "arnews-tagger-features/1"

// tagDoc is the tagger's view of a prepared text.
type tagDoc struct {
	toks  []tagTok
	sents []tagSent
	// typ gives each token its word type, an index into types: tokens
	// with the same strings share one. They are set by index.
	typ   []int32
	types []wordType
}

// wordType is a word of a document: its hashes and its first token.
type wordType struct {
	h   tokHash
	tok int32
}

// index sets d's word types, once, if tagInput has not: what a word's
// features score is computed once per document and stage, not at each of
// its tokens. A word type is a normalized form: a token's stem,
// proclitics and shape follow from it (TestTagInputTypes).
func (d *tagDoc) index() {
	if d.typ != nil && len(d.typ) == len(d.toks) {
		return
	}
	d.typ = make([]int32, len(d.toks))
	d.types = d.types[:0]
	ids := newTypeIndex(len(d.toks))
	for i := range d.toks {
		t, ok := ids[d.toks[i].norm]
		if !ok {
			t = d.addType(ids, i)
		}
		d.typ[i] = t
	}
}

// newTypeIndex returns a map from normalized forms to word types, for a
// document of n tokens: news has about one distinct word in four tokens.
func newTypeIndex(n int) map[string]int32 { return make(map[string]int32, n/4) }

// addType adds the word of token i as a new type, and returns it.
func (d *tagDoc) addType(ids map[string]int32, i int) int32 {
	t := int32(len(d.types))
	ids[d.toks[i].norm] = t
	d.types = append(d.types, wordType{hashTok(&d.toks[i]), int32(i)})
	return t
}

// tagSent is a sentence: the tokens [first, last).
type tagSent struct{ first, last int }

// tagTok is one token as the tagger sees it.
type tagTok struct {
	norm    string // in the Search form
	stem    string // norm without its longest proclitic reading
	clitics string // the proclitics cut off norm (و، ب، ال…), or ""
	shape   tokShape
	marks   tokMarks
}

// tokShape is the script class of a token.
type tokShape uint8

const (
	shapeArabic   tokShape = iota + 1 // Arabic letters only
	shapeLatin                        // Latin letters only, lower case first
	shapeLatinCap                     // Latin letters only, capital first
	shapeDigits                       // a number
	shapePunct                        // punctuation or a symbol
	shapeMixed                        // letters of several scripts
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
	mCountryB   tokMarks = 1 << iota // begins a country name of the gazetteer
	mCountryI                        // continues a country name
	mCityB                           // begins a city name
	mCityI                           // continues a city name
	mOrgB                            // begins an organisation name or acronym
	mOrgI                            // continues an organisation name
	mAmbiguous                       // the gazetteer phrase needs context
	mDemonym                         // a demonym
	mOffice                          // head of an office title
	mHonor                           // honorific or rank
	mSpeech                          // speech verb
	mFunc                            // function word
	mConnect                         // link of a name chain
	mCue                             // a word that introduces a place or body
	mStop                            // a common word never in a name
	mInst                            // head of a national institution
	mCounter                         // counterpart (نظيره)
	mGiven                           // a given name
	mFamily                          // a family name
	mRare                            // a word rare in the training data
	mSeenPER                         // a word seen inside a person in training
	mSeenORG                         // a word seen inside an organisation in training
	mSeenLOC                         // a word seen inside a place in training
	mCommonName                      // a name that is also a common word
)

// template identifies a feature template; it is mixed into every key,
// so the values below are part of the model: add templates at the end.
type template uint64

const (
	tBias          template = iota + 1 // the label prior
	tNorm                              // the normalized word
	tStem                              // the stem
	tClitics                           // the proclitics
	tPrefix                            // a prefix of the word, by length
	tSuffix                            // a suffix of the word, by length
	tStemPre                           // a prefix of the stem, by length
	tStemSuf                           // a suffix of the stem, by length
	tGram                              // a character 3- or 4-gram of the stem
	tShape                             // the shape
	tNormAt                            // the normalized word at an offset in -2..2
	tStemAt                            // the stem at offset -1 or +1
	tShapeAt                           // the shape at offset -1 or +1
	tSufAt                             // the last two letters of the word at offset -1 or +1
	tBigram                            // the previous and this normalized word
	tBigramR                           // this and the next normalized word
	tMarkAt                            // a mark of the word at an offset in -1..1
	tStack                             // the first stage's label
	tStackCtx                          // the first stage's labels around and at the token
	tDocTypes                          // the types other tokens of the stem have in the document
	tDocTypesLabel                     // tDocTypes × the first stage's label
	tDocBegins                         // the types other tokens of the stem begin in the document
	tDocShare                          // how many other tokens of the stem are inside an entity
	tDocAround                         // the document types of the neighbours' stems and the token's
	tTrans                             // previous label
	tPrevWord                          // previous label × normalized word
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
	return mix64(uint64(t)*0x9e3779b97f4a7c15 ^ a ^ (b*0xc2b2ae3d27d4eb4f + 0x165667b19e3779f9))
}

// Hash values of the positions outside a sentence.
var (
	padBefore = fnv64("<s>")
	padAfter  = fnv64("</s>")
)

// tokHash holds the hashes of one token's strings.
type tokHash struct {
	norm, stem, clitics, shape, suf2 uint64
}

// hashTok returns the hashes of the token's strings.
func hashTok(tk *tagTok) tokHash {
	suf := tk.norm
	for n := 0; n < 2 && len(suf) > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(suf)
		suf = suf[:len(suf)-sz]
	}
	return tokHash{norm: fnv64(tk.norm), stem: fnv64(tk.stem), clitics: fnv64(tk.clitics), shape: uint64(tk.shape),
		suf2: fnv64(tk.norm[len(suf):])}
}

// intrinsicFeatures appends the intrinsic keys of the token tk with
// hashes h: for the first stage its word, stem, proclitics, shape,
// affixes of word and stem and the character n-grams of the stem; for
// the second, its word, stem and the affixes of the word.
func intrinsicFeatures(keys []uint64, tk *tagTok, h tokHash, second bool) []uint64 {
	keys = append(keys,
		fkey(tBias, 0, 0),
		fkey(tNorm, h.norm, 0),
		fkey(tStem, h.stem, 0),
	)
	keys = affixFeatures(keys, tPrefix, tSuffix, tk.norm)
	if second {
		return keys
	}
	keys = append(keys,
		fkey(tClitics, h.clitics, 0),
		fkey(tShape, h.shape, 0),
	)
	if tk.clitics != "" {
		keys = affixFeatures(keys, tStemPre, tStemSuf, tk.stem)
	}
	return gramFeatures(keys, tk.stem)
}

// nearOffsets are the places, from a token, of the words its context
// keys read: two before, one before, one after, two after.
var nearOffsets = [4]int{-2, -1, 1, 2}

// nearKeys appends the context keys that the word with hashes h gives the
// token it stands nearOffsets[q] places from: its normalized form, and one
// place away its stem, shape and last two letters; in the second stage
// (second), its normalized form one place away.
func nearKeys(keys []uint64, h tokHash, q int, second bool) []uint64 {
	if second && (q == 0 || q == 3) {
		return keys
	}
	keys = append(keys, fkey(tNormAt, uint64(nearOffsets[q]+2), h.norm))
	if second || q == 0 || q == 3 {
		return keys
	}
	side := uint64(q - 1) // 0 before the token, 1 after it
	return append(keys, fkey(tSufAt, h.suf2, side), fkey(tStemAt, h.stem, side), fkey(tShapeAt, h.shape, side))
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

// markKey returns the key of mark bit b of the token o places from the
// one scored (o in -1..1).
func markKey(o, b int) uint64 { return fkey(tMarkAt, uint64(o+1), 1<<b) }

// The word lists a model carries beside its weights, each a set of
// hashes (fnv64) of normalized words.
const (
	listGiven      = iota // given names
	listFamily            // family names
	listFrequent          // words seen at least twice in training
	listPER               // words seen inside a person in training
	listORG               // words seen inside an organisation in training
	listLOC               // words seen inside a place in training
	listCommonName        // names that are also common words (the name files' "common" flag)
	numLists
)

// nameLists are the word lists the tagger's marks read beside the
// lexicon: for each listed word (by the hash of its normalized form), the
// lists that hold it.
type nameLists map[uint64]listSet

// listSet is a set of lists: bit l is the list l.
type listSet uint8

// add puts the word hash h in list l.
func (nl nameLists) add(l int, h uint64) { nl[h] |= 1 << l }

// listMarks are the marks of the lists that mark a listed word.
var listMarks = [numLists]tokMarks{listGiven: mGiven, listFamily: mFamily, listPER: mSeenPER, listORG: mSeenORG, listLOC: mSeenLOC,
	listCommonName: mCommonName}

// marks returns the list marks of a token with hashes h: a list's mark
// if its normalized form or its stem is listed, and rare if its
// normalized form is an Arabic word that is not frequent.
func (nl nameLists) marks(h tokHash) tokMarks {
	norm := nl[h.norm]
	set := norm | nl[h.stem]
	var m tokMarks
	for l := range numLists {
		if set&(1<<l) != 0 {
			m |= listMarks[l]
		}
	}
	if h.shape == uint64(shapeArabic) && norm&(1<<listFrequent) == 0 {
		m |= mRare
	}
	return m
}

// stackInput is what the second stage reads of the first: the first
// stage's label of every token of the document, and the document's
// evidence.
type stackInput struct {
	labels []uint8
	ev     docEvidence
}

// docEvidence counts, for each stem (by hash) of a document, its tokens
// with each first-stage label, and ([nLabels]) all its tokens.
type docEvidence map[uint64][nLabels + 1]int32

// merge adds the counts n to those of stem hash h.
func (ev docEvidence) merge(h uint64, n *[nLabels + 1]int32) {
	c := ev[h]
	for k, v := range n {
		c[k] += v
	}
	ev[h] = c
}

// docView is what the document says about one token: the labels the
// first stage gave the other tokens of its stem, as masks over the
// entity types (bit t-1 for type t).
type docView struct {
	types  uint8 // types inside which some other token of the stem was
	begins uint8 // types some other token of the stem began
	share  uint8 // 0: no other token; 1–3: less than half, half or more, all of them inside an entity
}

// viewOf returns the view of a token with first-stage label l, whose
// stem's counts in the document are c.
func viewOf(c [nLabels + 1]int32, l uint8) docView {
	c[l]--
	c[nLabels]--
	var v docView
	inside := int32(0)
	for l := uint8(1); l < nLabels; l++ {
		if c[l] > 0 {
			v.types |= 1 << (labelType(l) - 1)
			if isBegin(l) {
				v.begins |= 1 << (labelType(l) - 1)
			}
			inside += c[l]
		}
	}
	switch {
	case c[nLabels] == 0:
	case inside == c[nLabels]:
		v.share = 3
	case 2*inside >= c[nLabels]:
		v.share = 2
	default:
		v.share = 1
	}
	return v
}

// The keys of the second stage, over the first stage's label l of a
// token, those of its neighbours (prev, next), and the document's view of
// it and of them (types, begins, share: see docView). Each set of values
// is small: the decoder sums the weights of every combination once, when
// the model is loaded.

// labelKeys returns the keys of label l and of the types of the token's
// stem in the document.
func labelKeys(l, types uint64) [3]uint64 {
	return [3]uint64{fkey(tStack, l, 0), fkey(tDocTypes, types, 0), fkey(tDocTypesLabel, types, l)}
}

// ctxKey returns the key of the labels around and at the token.
func ctxKey(prev, next, l uint64) uint64 { return fkey(tStackCtx, prev<<8|next, l) }

// docKeys returns the keys of the types the token's stem begins and of
// the share of its tokens inside an entity.
func docKeys(begins, share, types uint64) [2]uint64 {
	return [2]uint64{fkey(tDocBegins, begins<<8|types, 0), fkey(tDocShare, share<<8|types, 0)}
}

// aroundKey returns the key of the neighbours' types and the token's.
func aroundKey(prevTypes, nextTypes, types uint64) uint64 {
	return fkey(tDocAround, prevTypes<<8|nextTypes, types)
}
