package arnews

import (
	_ "embed"
	"sync"
)

// This file holds the sequence tagger, for the people, organisations and
// places no gazetteer holds: first-order structured averaged perceptrons
// over BIO labels, decoded with Viterbi, in two stages. The first tags
// each sentence from its words, their affixes and n-grams, their
// neighbours and their lexicon and name-list marks; the second tags it
// again reading also the first stage's labels and what the first stage
// found elsewhere in the document for the same stems (a name recognised
// once in full is recognised alone later). The model is trained on
// ANERcorp by TestTrainTagger (tagger_train_test.go); the features are in
// tagger_features.go, the decoder that scores them in tagger_decode.go,
// the model file in tagger_model.go, and the tagger's
// view of the token layer and the lexicon in tagger_marks.go, the one
// file that reads the rest of the package.
//
// The entry points for the entity stage are builtinTagger, lexiconMarks
// and tagModel.tag; a tagModel is immutable and safe for concurrent use.

//go:generate go test -run=^TestTrainTagger$DOLLAR -count=1 -timeout=60m -v . -args -train-tagger

//go:embed data/tagger.model
var taggerModelFile []byte

// builtinTagger returns the embedded model, decoded on first use. The
// model is immutable and safe for concurrent use; the error is non-nil
// only if the embedded file is damaged.
var builtinTagger = sync.OnceValues(func() (*tagModel, error) { return decodeModel(taggerModelFile) })

// The labels: O, then B and I of each entity type. A label l > 0 has the
// type (l+1)/2 and is a B label when odd.
const (
	labelO     = 0
	nLabels    = 7
	startLabel = nLabels     // the previous label of a sentence's first token
	nPrev      = nLabels + 1 // the previous labels, with startLabel
)

// tagType is the type of an entity the tagger finds.
type tagType uint8

const (
	tagPER tagType = iota + 1 // a person
	tagORG                    // an organisation
	tagLOC                    // a place
)

// String returns PER, ORG or LOC.
func (k tagType) String() string {
	switch k {
	case tagPER:
		return "PER"
	case tagORG:
		return "ORG"
	case tagLOC:
		return "LOC"
	}
	return "O"
}

// labelType returns the entity type of label l, or 0 for O.
func labelType(l uint8) tagType { return tagType((l + 1) / 2) }

// isBegin reports whether l is a B label.
func isBegin(l uint8) bool { return l%2 == 1 }

// allowed reports whether label c may follow label p: an I label only
// continues a B or I label of its own type.
func allowed(p, c uint8) bool {
	if c == labelO || isBegin(c) {
		return true
	}
	return p != startLabel && p != labelO && labelType(p) == labelType(c)
}

// tagSpan is an entity the tagger found: the tokens [first, last) of the
// text, all in one sentence.
type tagSpan struct {
	first, last int
	typ         tagType
}

// spansOf converts the labels of the tokens from first on to entity
// spans. An I label that does not continue an entity of its type starts
// one, as a B label would.
func spansOf(labels []uint8, first int, out []tagSpan) []tagSpan {
	open := -1
	var typ tagType
	closeAt := func(k int) {
		if open >= 0 {
			out = append(out, tagSpan{first + open, first + k, typ})
			open = -1
		}
	}
	for k, l := range labels {
		switch {
		case l == labelO:
			closeAt(k)
		case isBegin(l) || open < 0 || labelType(l) != typ:
			closeAt(k)
			open, typ = k, labelType(l)
		}
	}
	closeAt(len(labels))
	return out
}

// tag returns the entities the model finds in t, in text order. marks
// are the lexicon marks of t's tokens (lexiconMarks), or nil to tag
// without them. tag never moves offsets: spans are token ranges of t.
func (m *tagModel) tag(t *text, marks []tokMarks) []tagSpan {
	return m.tagDoc(tagInput(t, marks))
}

// tagDoc tags every sentence of d. Each stage of the model decodes the
// whole document; every stage after the first also reads the labels of
// the one before, with the document's evidence (stackInput).
func (m *tagModel) tagDoc(d *tagDoc) []tagSpan {
	var (
		dec    decoder
		labels []uint8
		st     *stackInput
	)
	for _, sg := range m.stages {
		labels = dec.decode(sg, d, m.lists, st)
		st = &stackInput{labels: labels, ev: evidenceOf(d, labels)}
	}
	var out []tagSpan
	for _, s := range d.sents {
		out = spansOf(labels[s.first:s.last], s.first, out)
	}
	return out
}

// hasLetters reports whether a token of toks is a word, in any script.
func hasLetters(toks []tagTok) bool {
	for i := range toks {
		if toks[i].shape != shapeDigits && toks[i].shape != shapePunct {
			return true
		}
	}
	return false
}

// evidenceOf counts the stems of d and their labels.
func evidenceOf(d *tagDoc, labels []uint8) docEvidence {
	// A stem recurs: news has about one distinct stem in four tokens, and
	// a text that repeats a few tokens far fewer.
	d.index()
	byType := make([][nLabels + 1]int32, len(d.types))
	for i, t := range d.typ {
		byType[t][labels[i]]++
		byType[t][nLabels]++
	}
	ev := make(docEvidence, min(len(d.types), 1024))
	for t := range d.types {
		ev.merge(d.types[t].h.stem, &byType[t])
	}
	return ev
}
