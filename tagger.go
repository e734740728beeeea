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
// tagger_features.go, the model file in tagger_model.go, and the tagger's
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
	for k := range m.stages {
		labels = dec.decode(&m.stages[k], d, m.lists, st)
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
	ev := make(docEvidence, min(len(d.toks)/4, 1024))
	for i := range d.toks {
		ev.add(fnv64(d.toks[i].stem), labels[i])
	}
	return ev
}

// decoder holds the buffers of decoding, and the scores of the words of
// the document being decoded.
type decoder struct {
	f      sentFeatures
	lat    lattice
	buf    []uint8
	keys   []uint64
	words  map[uint64]int32 // tokHash.key → index in scores
	scores []wordScores
}

// wordScores are what a word's intrinsic keys give, the same wherever it
// occurs: its emission scores, and its transition scores after each
// previous label (with the label-pair weights).
type wordScores struct {
	emit [nLabels]int32
	edge [nPrev][nLabels]int32
}

// decode returns the labels that the weights w give every token of d,
// sentence by sentence.
func (dec *decoder) decode(w *featTable, d *tagDoc, nl nameLists, st *stackInput) []uint8 {
	out := make([]uint8, len(d.toks))
	var trans [nPrev]packed
	for p := range uint64(nPrev) {
		w.add(fkey(tTrans, p, 0), &trans[p])
	}
	if dec.words == nil {
		dec.words = make(map[uint64]int32, len(d.toks)/2)
	}
	clear(dec.words)
	dec.scores = dec.scores[:0]
	for _, s := range d.sents {
		n := s.last - s.first
		if n == 0 || !hasLetters(d.toks[s.first:s.last]) {
			continue // no word, no name: every label is O
		}
		dec.f.featurize(d, s, nl, st, false)
		dec.lat.reset(n)
		for k := range n {
			ws := &dec.scores[dec.word(w, &trans, &d.toks[s.first+k], dec.f.edge[k], st != nil)]
			var ctx packed
			for _, key := range dec.f.keys[dec.f.off[k]:dec.f.off[k+1]] {
				w.add(key, &ctx)
			}
			e := &dec.lat.emit[k]
			*e = ctx.unpack()
			for c, v := range ws.emit {
				e[c] += int64(v)
			}
			if k == 0 {
				widen(&dec.lat.edge[k][startLabel], &ws.edge[startLabel])
			} else {
				for p := range nLabels {
					widen(&dec.lat.edge[k][p], &ws.edge[p])
				}
			}
		}
		dec.buf = dec.lat.viterbi(dec.buf)
		copy(out[s.first:s.last], dec.buf)
	}
	return out
}

// word returns the index in dec.scores of the scores of the token tk
// with hashes h, computing them on its first occurrence in the document.
func (dec *decoder) word(w *featTable, trans *[nPrev]packed, tk *tagTok, h tokHash, second bool) int32 {
	key := h.key()
	if i, ok := dec.words[key]; ok {
		return i
	}
	var emit packed
	edge := *trans
	dec.keys = intrinsicFeatures(dec.keys[:0], tk, h, second)
	for _, k := range dec.keys {
		w.add(k, &emit)
	}
	for p := range uint64(nPrev) {
		w.add(fkey(tPrevWord, p, h.norm), &edge[p])
	}
	var ws wordScores
	narrow(&ws.emit, &emit)
	for p := range nPrev {
		narrow(&ws.edge[p], &edge[p])
	}
	i := int32(len(dec.scores))
	dec.scores = append(dec.scores, ws)
	dec.words[key] = i
	return i
}

// widen copies the scores s into d.
func widen(d *[nLabels]int64, s *[nLabels]int32) {
	for c, v := range s {
		d[c] = int64(v)
	}
}

// narrow unpacks the scores s into d. A word's scores are sums of a few
// dozen int16 weights, far inside the range of int32.
func narrow(d *[nLabels]int32, s *packed) {
	for c, v := range s.unpack() {
		d[c] = int32(v)
	}
}

// lattice holds the scores of one sentence: emit[k][c] of label c at
// token k, edge[k][p][c] of label c at token k after label p.
type lattice struct {
	emit []([nLabels]int64)
	edge []([nPrev][nLabels]int64)
	back []([nLabels]uint8)
}

// reset sizes the lattice for n tokens, all scores zero.
func (l *lattice) reset(n int) {
	if cap(l.emit) < n {
		l.emit = make([][nLabels]int64, n)
		l.edge = make([][nPrev][nLabels]int64, n)
		l.back = make([][nLabels]uint8, n)
	}
	l.emit, l.edge, l.back = l.emit[:n], l.edge[:n], l.back[:n]
	clear(l.emit)
	clear(l.edge)
}

// viterbi returns the best label sequence of the lattice under the BIO
// constraints (allowed), reusing out. Ties go to the lower label.
func (l *lattice) viterbi(out []uint8) []uint8 {
	n := len(l.emit)
	if cap(out) < n {
		out = make([]uint8, n)
	}
	out = out[:n]
	var cur [nLabels]int64
	var ok [nLabels]bool // a label is reachable at the current token
	for c := range uint8(nLabels) {
		ok[c] = allowed(startLabel, c)
		cur[c] = l.edge[0][startLabel][c] + l.emit[0][c]
	}
	for k := 1; k < n; k++ {
		prev, prevOK := cur, ok
		for c := range uint8(nLabels) {
			ok[c] = false
			var best int64
			// Every label may precede O or B; only B and I of its type
			// precede an I label, and they are the two labels before it.
			lo, hi := uint8(0), uint8(nLabels)
			if c != labelO && !isBegin(c) {
				lo, hi = c-1, c+1
			}
			for p := lo; p < hi; p++ {
				if !prevOK[p] {
					continue
				}
				if s := prev[p] + l.edge[k][p][c]; !ok[c] || s > best {
					best, ok[c], l.back[k][c] = s, true, p
				}
			}
			cur[c] = best + l.emit[k][c]
		}
	}
	last := uint8(0)
	for c := range uint8(nLabels) {
		if ok[c] && (!ok[last] || cur[c] > cur[last]) {
			last = c
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = last
		last = l.back[k][last]
	}
	return out
}
