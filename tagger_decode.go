package arnews

import (
	"math"
	"math/bits"
)

// This file holds the tagger's decoder. It scores the same features as
// featurize lists (tagger_features.go), which is what training reads, but
// sums them in an order that looks each weight up once where it can:
//
//   - a word's intrinsic features, and the features it gives the tokens
//     up to two places around it (their tNormAt, tStemAt, tSufAt and
//     tShapeAt keys), depend on the word alone: they are summed once per
//     word of the document (wordScores);
//   - the features over small closed sets (marks, the first stage's
//     labels, the document's view) are summed once per stage, when the
//     model is loaded (stage);
//   - only the word bigrams are looked up at every token.
//
// TestDecoderMatchesFeatures checks that both ways give the same lattice.

// stage is one stage of a model: its weights, and the weights of its
// features over small closed sets, looked up once. It is immutable.
type stage struct {
	w     featTable
	trans [nPrev]packed                 // tTrans by previous label
	marks [3][32]packed                 // tMarkAt by offset+1 and mark bit
	ctx   [nPrev][nPrev][nLabels]packed // ctxKey by previous, next and own label
	// label is labelKeys by the document's types of the token's stem and
	// its label; doc is docKeys by the begins, the share and the types.
	label  [8][nLabels]packed
	doc    [8][4][8]packed
	around [8][8][8]packed // aroundKey by the neighbours' types and the token's
}

// newStage returns the stage of the weights w.
func newStage(w featTable) *stage {
	sg := &stage{w: w}
	for p := range uint64(nPrev) {
		w.add(fkey(tTrans, p, 0), &sg.trans[p])
	}
	for o := range 3 {
		for b := range 32 {
			w.add(markKey(o-1, b), &sg.marks[o][b])
		}
	}
	for l := range uint64(nLabels) {
		for p := range uint64(nPrev) {
			for n := range uint64(nPrev) {
				w.add(ctxKey(p, n, l), &sg.ctx[p][n][l])
			}
		}
	}
	for t := range uint64(8) {
		for l := range uint64(nLabels) {
			for _, k := range labelKeys(l, t) {
				w.add(k, &sg.label[t][l])
			}
		}
		for b := range uint64(8) {
			for s := range uint64(4) {
				for _, k := range docKeys(b, s, t) {
					w.add(k, &sg.doc[b][s][t])
				}
			}
		}
		for p := range uint64(8) {
			for n := range uint64(8) {
				w.add(aroundKey(p, n, t), &sg.around[p][n][t])
			}
		}
	}
	return sg
}

// decoder holds the buffers of decoding, and the scores of the words of
// the document being decoded.
type decoder struct {
	lat    lattice
	buf    []uint8
	keys   []uint64
	marks  []tokMarks
	views  []docView
	ev     [][nLabels + 1]int32 // the document's evidence of each word type's stem
	scores []wordScores         // by word type of the document (tagDoc.typ)
	pad    [2]wordScores        // the padding before and after a sentence
	// edges holds the transition scores of the words that have weights
	// of their own after some label; edges[0] those of every other word,
	// the label-pair weights alone.
	edges [][nPrev][nLabels]int64
}

// wordScores are what a word's features give, the same wherever it
// occurs: its emission scores from its intrinsic keys, the scores it
// gives the tokens around it (near), its transition scores after each
// previous label (with the label-pair weights), and the marks of the
// model's word lists.
type wordScores struct {
	emit packed
	// near[q] is what the word gives the token it stands two places
	// before (q = 0), one before (1), one after (2) or two after (3).
	near  [4]packed
	edge  int32 // index in decoder.edges
	marks tokMarks
}

// decode returns the labels that stage sg gives every token of d,
// sentence by sentence; st is the first stage's output for every stage
// after the first, else nil.
func (dec *decoder) decode(sg *stage, d *tagDoc, nl nameLists, st *stackInput) []uint8 {
	out := make([]uint8, len(d.toks))
	dec.start(sg, d, nl, st)
	for _, s := range d.sents {
		if s.last == s.first || !hasLetters(d.toks[s.first:s.last]) {
			continue // no word, no name: every label is O
		}
		dec.fill(sg, d, s, st)
		dec.buf = dec.lat.viterbi(dec.buf)
		copy(out[s.first:s.last], dec.buf)
	}
	return out
}

// start readies the decoder for the sentences of d: it computes the
// scores of every word type of d and of the padding, and for a second
// stage (st not nil) looks up the evidence of every word type's stem.
func (dec *decoder) start(sg *stage, d *tagDoc, nl nameLists, st *stackInput) {
	d.index()
	second := st != nil
	if second {
		dec.ev = dec.ev[:0]
		for _, wt := range d.types {
			dec.ev = append(dec.ev, st.ev[wt.h.stem])
		}
	}
	if cap(dec.scores) < len(d.types) {
		dec.scores = make([]wordScores, len(d.types))
	}
	dec.scores = dec.scores[:len(d.types)]
	dec.edges = dec.edges[:0]
	var plain [nPrev][nLabels]int64
	for p := range nPrev {
		plain[p] = sg.trans[p].unpack()
	}
	dec.edges = append(dec.edges, plain)
	for t, wt := range d.types {
		dec.scoreWord(&dec.scores[t], sg, &d.toks[wt.tok], wt.h, second)
		dec.scores[t].marks = nl.marks(wt.h)
	}
	for k, h := range []uint64{padBefore, padAfter} {
		dec.scoreNear(&dec.pad[k], sg, tokHash{h, h, h, h, h}, second)
	}
}

// scoreWord computes the scores ws of the token tk with hashes h.
func (dec *decoder) scoreWord(ws *wordScores, sg *stage, tk *tagTok, h tokHash, second bool) {
	ws.emit = packed{}
	dec.keys = intrinsicFeatures(dec.keys[:0], tk, h, second)
	for _, k := range dec.keys {
		sg.w.add(k, &ws.emit)
	}
	ws.edge = 0
	for p := range uint64(nPrev) {
		var own packed
		if !sg.w.add(fkey(tPrevWord, p, h.norm), &own) {
			continue
		}
		if ws.edge == 0 {
			ws.edge = int32(len(dec.edges))
			dec.edges = append(dec.edges, dec.edges[0])
		}
		edge := sg.trans[p]
		edge.addTo(&own)
		dec.edges[ws.edge][p] = edge.unpack()
	}
	dec.scoreNear(ws, sg, h, second)
}

// scoreNear computes what the word with hashes h gives the context
// features of the tokens around it (nearKeys).
func (dec *decoder) scoreNear(ws *wordScores, sg *stage, h tokHash, second bool) {
	for q := range ws.near {
		ws.near[q] = packed{}
		dec.keys = nearKeys(dec.keys[:0], h, q, second)
		for _, k := range dec.keys {
			sg.w.add(k, &ws.near[q])
		}
	}
}

// fill fills the lattice with the scores of sentence s of d.
func (dec *decoder) fill(sg *stage, d *tagDoc, s tagSent, st *stackInput) {
	n := s.last - s.first
	dec.lat.resize(n) // every score viterbi reads is set below
	typ := d.typ[s.first:s.last]
	dec.marks = dec.marks[:0]
	for k, t := range typ {
		dec.marks = append(dec.marks, d.toks[s.first+k].marks|dec.scores[t].marks)
	}
	second := st != nil
	if second {
		dec.views = dec.views[:0]
		for k, t := range typ {
			dec.views = append(dec.views, viewOf(dec.ev[t], st.labels[s.first+k]))
		}
	}
	for k, t := range typ {
		ws := &dec.scores[t]
		sum := ws.emit
		sum.addTo(dec.near(typ, k-1, 1))
		sum.addTo(dec.near(typ, k+1, 2))
		if second { // the second stage reads no word two places away
			dec.addStack(&sum, sg, st, s, k)
		} else {
			sum.addTo(dec.near(typ, k-2, 0))
			sum.addTo(dec.near(typ, k+2, 3))
			prev, next := padBefore, padAfter
			if k > 0 {
				prev = d.types[typ[k-1]].h.norm
			}
			if k+1 < n {
				next = d.types[typ[k+1]].h.norm
			}
			norm := d.types[t].h.norm
			sg.w.add(fkey(tBigram, prev, norm), &sum)
			sg.w.add(fkey(tBigramR, norm, next), &sum)
		}
		for o := -1; o <= 1; o++ {
			if j := k + o; j >= 0 && j < n {
				for m := uint32(dec.marks[j]); m != 0; m &= m - 1 {
					sum.addTo(&sg.marks[o+1][bits.TrailingZeros32(m)])
				}
			}
		}
		dec.lat.emit[k] = sum.unpack()
		dec.lat.edge[k] = &dec.edges[ws.edge]
	}
}

// near returns what the word at place j of a sentence of word types typ
// gives the token it stands near[q] of (wordScores), or the padding's
// when j falls off the sentence.
func (dec *decoder) near(typ []int32, j, q int) *packed {
	switch {
	case j < 0:
		return &dec.pad[0].near[q]
	case j >= len(typ):
		return &dec.pad[1].near[q]
	}
	return &dec.scores[typ[j]].near[q]
}

// addStack adds to sum the second-stage scores of token k of sentence s:
// the keys stackFeatures makes, looked up in the stage's tables.
func (dec *decoder) addStack(sum *packed, sg *stage, st *stackInput, s tagSent, k int) {
	i := s.first + k
	l := st.labels[i]
	prev, next := uint8(startLabel), uint8(startLabel)
	var pv, nv docView
	if k > 0 {
		prev, pv = st.labels[i-1], dec.views[k-1]
	}
	if i+1 < s.last {
		next, nv = st.labels[i+1], dec.views[k+1]
	}
	v := dec.views[k]
	sum.addTo(&sg.label[v.types][l])
	sum.addTo(&sg.ctx[prev][next][l])
	sum.addTo(&sg.doc[v.begins][v.share][v.types])
	sum.addTo(&sg.around[pv.types][nv.types][v.types])
}

// lattice holds the scores of one sentence: emit[k][c] of label c at
// token k, edge[k][p][c] of label c at token k after label p. The edge
// scores of a token are those of its word, shared by its occurrences
// (decoder.fill); training gives each token its own (ownLattice).
type lattice struct {
	emit []([nLabels]int64)
	edge []*[nPrev][nLabels]int64
	back []([nLabels]uint8)
}

// resize sizes the lattice for n tokens, leaving their scores as they
// were.
func (l *lattice) resize(n int) {
	if cap(l.emit) < n {
		l.emit = make([][nLabels]int64, n)
		l.edge = make([]*[nPrev][nLabels]int64, n)
		l.back = make([][nLabels]uint8, n)
	}
	l.emit, l.edge, l.back = l.emit[:n], l.edge[:n], l.back[:n]
}

// unreachable is the score of a label no path reaches (an I label at the
// start of a sentence): far below any sum of weights, and far from
// overflowing when they are added to it.
const unreachable = math.MinInt64 / 4

// bestBefore returns the best score of label c after any of the
// labels, whose scores are prev, with the edge scores e, and the label
// that gives it (the lower one of a tie). It is written out label by
// label, the inner loop of Viterbi for O and B labels.
func bestBefore(prev *[nLabels]int64, e *[nPrev][nLabels]int64, c uint8) (int64, uint8) {
	best, bp := prev[0]+e[0][c], uint8(0)
	if s := prev[1] + e[1][c]; s > best {
		best, bp = s, 1
	}
	if s := prev[2] + e[2][c]; s > best {
		best, bp = s, 2
	}
	if s := prev[3] + e[3][c]; s > best {
		best, bp = s, 3
	}
	if s := prev[4] + e[4][c]; s > best {
		best, bp = s, 4
	}
	if s := prev[5] + e[5][c]; s > best {
		best, bp = s, 5
	}
	if s := prev[6] + e[6][c]; s > best {
		best, bp = s, 6
	}
	return best, bp
}

// bestBefore reads labels 0 to 6: there are seven.
const _ = uint(nLabels-7) + uint(7-nLabels)

// viterbi returns the best label sequence of the lattice under the BIO
// constraints (allowed), reusing out. Ties go to the lower label.
func (l *lattice) viterbi(out []uint8) []uint8 {
	n := len(l.emit)
	if cap(out) < n {
		out = make([]uint8, n)
	}
	out = out[:n]
	var cur [nLabels]int64
	for c := range uint8(nLabels) {
		cur[c] = l.edge[0][startLabel][c] + l.emit[0][c]
		if !allowed(startLabel, c) {
			cur[c] = unreachable
		}
	}
	for k := 1; k < n; k++ {
		prev, e, back, emit := cur, l.edge[k], &l.back[k], &l.emit[k]
		// Every label may precede O or B; only B and I of its type
		// precede an I label, and they are the two labels before it.
		for c := uint8(0); c < nLabels; c++ {
			if c != labelO && !isBegin(c) {
				best, bp := prev[c-1]+e[c-1][c], c-1
				if s := prev[c] + e[c][c]; s > best {
					best, bp = s, c
				}
				cur[c], back[c] = best+emit[c], bp
				continue
			}
			best, bp := bestBefore(&prev, e, c)
			cur[c], back[c] = best+emit[c], bp
		}
	}
	last := uint8(0)
	for c := range uint8(nLabels) {
		if cur[c] > cur[last] {
			last = c
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = last
		last = l.back[k][last]
	}
	return out
}
