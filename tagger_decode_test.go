package arnews

import (
	"testing"
)

// referenceLattice fills lat with the scores of sentence s of d the way
// training sees them: the sum of the weights of every key featurize lists
// for each token, and the transition keys.
func referenceLattice(sg *stage, d *tagDoc, s tagSent, nl nameLists, st *stackInput, lat *ownLattice) {
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
			ref   ownLattice
			st    *stackInput
			sents int
		)
		for k, sg := range m.stages {
			dec.start(sg, d, m.lists, st)
			for _, s := range d.sents {
				if s.last == s.first {
					continue
				}
				dec.fill(sg, d, s, st)
				referenceLattice(sg, d, s, m.lists, st, &ref)
				if !sameLattice(&dec.lat, &ref.lattice) {
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

// sameLattice reports whether a and b hold the same scores where viterbi
// reads them: the edges after the start at the first token, after a
// label at the others.
func sameLattice(a, b *lattice) bool {
	if len(a.emit) != len(b.emit) {
		return false
	}
	for k := range a.emit {
		if a.emit[k] != b.emit[k] {
			return false
		}
		for p := range nPrev {
			if (k == 0) == (p == startLabel) && a.edge[k][p] != b.edge[k][p] {
				return false
			}
		}
	}
	return true
}

// TestTagInputTypes checks the invariant tagInput's word types rest on:
// two tokens with one normalized form have the same stem, proclitics and
// shape, so that each token's view, copied from the first token of its
// type, is the one computed from the token itself.
func TestTagInputTypes(t *testing.T) {
	texts := taggerTexts(t)
	texts = append(texts, "2021 ٢٠٢١ 2021، «و» وو ولل ... A a Ab AB ب5 5ب")
	for i, text := range texts {
		tx := prepare(text)
		d := tagInput(tx, nil)
		if len(d.typ) != len(tx.toks) {
			t.Fatalf("text %d: %d types for %d tokens", i, len(d.typ), len(tx.toks))
		}
		for k := range tx.toks {
			tk := &tx.toks[k]
			c := tk.cuts[tk.ncut-1]
			want := tagTok{norm: tk.norm, stem: tk.stem(c), clitics: tk.norm[:c.at],
				shape: shapeOf(tk.norm, tk.kind == tokNumber, tk.kind == tokPunct)}
			if got := d.toks[k]; got != want {
				t.Fatalf("text %d, token %d: %+v, want %+v", i, k, got, want)
			}
			if got := d.types[d.typ[k]].h; got != hashTok(&want) {
				t.Fatalf("text %d, token %d %q: type hashes differ", i, k, tk.norm)
			}
		}
	}
}
