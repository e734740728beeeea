package arnews

// This file is the tagger's only window on the rest of the package: it
// reads the token layer (token fields, clitic cuts, sentences) and the
// lexicon (gazetteer phrases, word classes) and turns them into the
// tagger's own view, a tagDoc of tagToks with tokMarks. When the token
// layer or the lexicon is reshaped, these two functions are the ones to
// re-point; the features, the model and the decoder never look further.

// tagInput returns the tagger's view of the prepared text t: for each
// token its normalized form, stem and proclitics, shape and
// lexicon marks, and the token ranges of the sentences. marks may be nil;
// otherwise it holds one entry per token of t.
func tagInput(t *text, marks []tokMarks) *tagDoc {
	d := &tagDoc{toks: make([]tagTok, len(t.toks)), sents: make([]tagSent, 0, len(t.sents)), typ: make([]int32, len(t.toks))}
	ids := newTypeIndex(len(t.toks))
	for i := range t.toks {
		tk := &t.toks[i]
		tt := &d.toks[i]
		if typ, ok := ids[tk.norm]; ok {
			*tt = d.toks[d.types[typ].tok] // the same word
			d.typ[i] = typ
		} else {
			c := tk.cuts[tk.ncut-1] // the longest proclitic reading
			tt.norm = tk.norm
			tt.stem = tk.stem(c)
			tt.clitics = tk.norm[:c.at]
			tt.shape = shapeOf(tk.norm, tk.kind == tokNumber, tk.kind == tokPunct)
			d.typ[i] = d.addType(ids, i)
		}
		tt.marks = 0
		if marks != nil {
			tt.marks = marks[i]
		}
	}
	for _, s := range t.sents {
		// A sentence longer than maxTagSent tokens is no prose (a table, a
		// list, text without punctuation): it is tagged in parts, so that
		// the decoder's lattice stays small whatever the input.
		for first := s.first; first < s.last; first += maxTagSent {
			d.sents = append(d.sents, tagSent{first, min(first+maxTagSent, s.last)})
		}
	}
	return d
}

// maxTagSent is the longest run of tokens the tagger decodes at once.
const maxTagSent = 256

// lexiconMarks returns, for each token of t, what the built-in lexicon
// says about it: the gazetteer phrase it begins or continues (country,
// city, organisation; demonyms apart) and the word classes of its clitic
// readings that the tagger uses (office, honorific, speech verb, function
// word, name-chain link, cue, stop word, institution, counterpart).
func lexiconMarks(t *text) []tokMarks {
	g := builtinGazetteer()
	marks := make([]tokMarks, len(t.toks))
	for i := range t.toks {
		tk := &t.toks[i]
		if tk.kind != tokWord {
			continue
		}
		marks[i] |= classMarks(tk.classes().strict)
		best, bestLen := (*phrase)(nil), 0
		for _, c := range tk.stems() {
			ps := g.phrases(tk.stem(c))
			for k := range ps {
				p := &ps[k]
				n := len(p.rest) + 1
				switch {
				case p.kind == pDemonym && n == 1:
					marks[i] |= mDemonym
				case p.kind == pInst && p.def == c.def && !g.insts.heads[p.ref].proper:
					// A head that names a body only with a proper name
					// (مجلس، محكمة) is a common noun otherwise.
					marks[i] |= mInst
				}
				if (p.kind != pEntity && p.kind != pAcronym) || p.def != c.def || n <= bestLen || !restFollows(t, i, p.rest) {
					continue
				}
				best, bestLen = p, n
			}
		}
		if best != nil {
			markPhrase(marks[i:i+bestLen], g.ents[best.ref].kind, best.ambig)
		}
	}
	return marks
}

// readingClasses returns the word classes of the clitic reading c of a
// word whose lexicon entry is w: the classes with the article for a
// definite reading, and for a reading behind a preposition none of the
// classes of words that never take one (function words, stop words,
// name-chain links).
func readingClasses(w *lexWord, c cut) wclass {
	switch {
	case c.def:
		return w.def
	case c.at == 0:
		return w.bare
	}
	return w.bare.without(cFunc, cStop).without(connectClasses...)
}

// classMarks maps the word classes the tagger reads to marks.
func classMarks(w wclass) tokMarks {
	if w == (wclass{}) {
		return 0 // a word of no class, as most are
	}
	var m tokMarks
	for _, p := range [...]struct {
		c class
		m tokMarks
	}{
		{cOffice, mOffice}, {cHonor, mHonor}, {cSpeech, mSpeech}, {cFunc, mFunc},
		{cCue, mCue}, {cStop, mStop}, {cCounter, mCounter},
	} {
		if w.has(p.c) {
			m |= p.m
		}
	}
	if w.connect() {
		m |= mConnect
	}
	return m
}

// restFollows reports whether the tokens after i are rest, in i's
// sentence.
func restFollows(t *text, i int, rest []string) bool {
	if i+len(rest) >= len(t.toks) {
		return len(rest) == 0
	}
	for k, w := range rest {
		tk := &t.toks[i+1+k]
		if tk.norm != w || tk.sent != t.toks[i].sent {
			return false
		}
	}
	return true
}

// markPhrase marks the tokens of one gazetteer phrase of the given kind
// (country, city or organization): the first as its beginning, the others
// as its inside; ambig adds the mark of a phrase that needs context.
func markPhrase(marks []tokMarks, kind EntityKind, ambig bool) {
	b, in := mOrgB, mOrgI
	switch kind {
	case KindCountry:
		b, in = mCountryB, mCountryI
	case KindCity, KindRegion:
		b, in = mCityB, mCityI
	}
	for k := range marks {
		if k == 0 {
			marks[k] |= b
		} else {
			marks[k] |= in
		}
		if ambig {
			marks[k] |= mAmbiguous
		}
	}
}
