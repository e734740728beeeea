package arnews

import (
	"math/bits"
)

// This file lists each token's feature keys as training reads them
// (featurize); the decoder sums the same keys (tagger_decode.go), and
// TestDecoderMatchesFeatures checks that both agree.

// sentFeatures is the feature keys of one sentence. The keys of a token
// are of two kinds: intrinsic keys read the token alone (its word, stem,
// affixes…), so that a word's intrinsic score is the same wherever it
// occurs; context keys read its neighbours, its marks and the first
// stage. keys[off[k]:off[k+1]] are the context keys of token k, and with
// the intrinsic ones too when featurize was asked for them; edge holds the
// token hashes.
type sentFeatures struct {
	keys  []uint64
	off   []int32
	edge  []tokHash
	marks []tokMarks
	views []docView // for the second stage
}

// featurize computes the features of sentence s of d, reading the name
// lists nl and, for the second stage, the first stage's output st (nil
// for the first stage); with intrinsic, each token's keys include its
// intrinsic keys. The buffers of f are reused.
func (f *sentFeatures) featurize(d *tagDoc, s tagSent, nl nameLists, st *stackInput, intrinsic bool) {
	n := s.last - s.first
	f.keys = f.keys[:0]
	f.off = append(f.off[:0], 0)
	f.edge = f.edge[:0]
	f.marks = f.marks[:0]
	for k := range n {
		h := hashTok(&d.toks[s.first+k])
		f.edge = append(f.edge, h)
		f.marks = append(f.marks, d.toks[s.first+k].marks|nl.marks(h))
	}
	f.views = f.views[:0]
	if st != nil {
		for k := range n {
			f.views = append(f.views, st.view(s.first+k, f.edge[k].stem))
		}
	}
	for k := range n {
		if intrinsic {
			f.keys = intrinsicFeatures(f.keys, &d.toks[s.first+k], f.edge[k], st != nil)
		}
		if st != nil {
			f.keys = liteContextFeatures(f.keys, f.edge, f.marks, k)
			f.keys = st.stackFeatures(f.keys, s, k, f.views)
		} else {
			f.keys = contextFeatures(f.keys, f.edge, f.marks, k)
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

// contextFeatures appends the first stage's context keys of token k of a
// sentence whose token hashes are hs and marks are marks: the words at
// ±1 and ±2, the stems and shapes at ±1, the bigrams and the marks.
func contextFeatures(keys []uint64, hs []tokHash, marks []tokMarks, k int) []uint64 {
	for q, o := range nearOffsets {
		keys = nearKeys(keys, at(hs, k+o), q, false)
	}
	h, p, nx := hs[k], at(hs, k-1), at(hs, k+1)
	keys = append(keys, fkey(tBigram, p.norm, h.norm), fkey(tBigramR, h.norm, nx.norm))
	return markFeatures(keys, marks, k)
}

// liteContextFeatures appends the second stage's share of the first
// stage's context keys of token k: the words at ±1 and the marks.
func liteContextFeatures(keys []uint64, hs []tokHash, marks []tokMarks, k int) []uint64 {
	for q, o := range nearOffsets {
		keys = nearKeys(keys, at(hs, k+o), q, true)
	}
	return markFeatures(keys, marks, k)
}

// markFeatures appends one key per mark of the tokens k-1, k and k+1.
func markFeatures(keys []uint64, marks []tokMarks, k int) []uint64 {
	for o := -1; o <= 1; o++ {
		j := k + o
		if j < 0 || j >= len(marks) {
			continue
		}
		for m := marks[j]; m != 0; m &= m - 1 {
			keys = append(keys, markKey(o, bits.TrailingZeros32(uint32(m))))
		}
	}
	return keys
}

// view returns the document's view of token i, with stem hash stem.
func (st *stackInput) view(i int, stem uint64) docView {
	return viewOf(st.ev[stem], st.labels[i])
}

// stackFeatures appends the second-stage keys of token k of sentence s:
// the first stage's labels at and around it, and the document's view of
// it and of its neighbours (views holds the views of the sentence).
func (st *stackInput) stackFeatures(keys []uint64, s tagSent, k int, views []docView) []uint64 {
	i := s.first + k
	l := uint64(st.labels[i])
	prev, next := uint64(startLabel), uint64(startLabel)
	var pv, nv docView
	if k > 0 {
		prev, pv = uint64(st.labels[i-1]), views[k-1]
	}
	if i+1 < s.last {
		next, nv = uint64(st.labels[i+1]), views[k+1]
	}
	v := views[k]
	lk, dk := labelKeys(l, uint64(v.types)), docKeys(uint64(v.begins), uint64(v.share), uint64(v.types))
	keys = append(keys, lk[:]...)
	keys = append(keys, ctxKey(prev, next, l))
	keys = append(keys, dk[:]...)
	return append(keys, aroundKey(uint64(pv.types), uint64(nv.types), uint64(v.types)))
}
