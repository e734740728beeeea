package arnews

import (
	"testing"
)

// referenceLattice fills lat with the scores of sentence s of d the way
// training sees them: the sum of the weights of every key featurize lists
// for each token, and the transition keys.
func referenceLattice(sg *stage, d *tagDoc, s tagSent, nl nameLists, st *stackInput, lat *lattice) {
	var f sentFeatures
	f.featurize(d, s, nl, st, true)
	lat.reset(s.last - s.first)
	for k := range s.last - s.first {
		var sum packed
		for _, key := range f.keys[f.off[k]:f.off[k+1]] {
			sg.w.add(key, &sum)
		}
		lat.emit[k] = sum.unpack()
		for p := range uint64(nPrev) {
			if k == 0 && p != startLabel || k > 0 && p == startLabel {
				continue
			}
			var e packed
			sg.w.add(fkey(tTrans, p, 0), &e)
			sg.w.add(fkey(tPrevWord, p, f.edge[k].norm), &e)
			lat.edge[k][p] = e.unpack()
		}
	}
}

// TestDecoderMatchesFeatures checks that the decoder, which sums each
// word's weights once per document and the closed-set features once per
// model, fills every sentence's lattice with the scores of the keys
// featurize lists, in both stages, on the testdata articles with their
// lexicon marks and the model's word lists.
func TestDecoderMatchesFeatures(t *testing.T) {
	m := loadTagger(t)
	for i, text := range taggerTexts(t) {
		tx := prepare(text)
		d := tagInput(tx, lexiconMarks(tx))
		var (
			dec   decoder
			ref   lattice
			st    *stackInput
			sents int
		)
		for k, sg := range m.stages {
			dec.scoreWords(sg, d, m.lists, st != nil)
			for _, s := range d.sents {
				if s.last == s.first {
					continue
				}
				dec.fill(sg, d, s, st)
				referenceLattice(sg, d, s, m.lists, st, &ref)
				if !sameLattice(&dec.lat, &ref) {
					t.Fatalf("article %d, stage %d, sentence at token %d: the decoder's lattice differs from the features'", i, k+1, s.first)
				}
				sents++
			}
			labels := dec.decode(sg, d, m.lists, st)
			st = &stackInput{labels: labels, ev: evidenceOf(d, labels)}
		}
		if sents == 0 {
			t.Fatalf("article %d: no sentence compared", i)
		}
	}
}

// sameLattice reports whether a and b hold the same scores.
func sameLattice(a, b *lattice) bool {
	if len(a.emit) != len(b.emit) {
		return false
	}
	for k := range a.emit {
		if a.emit[k] != b.emit[k] || a.edge[k] != b.edge[k] {
			return false
		}
	}
	return true
}
