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
	d := &tagDoc{toks: make([]tagTok, len(t.toks)), sents: make([]tagSent, 0, len(t.sents))}
	for i := range t.toks {
		tk := &t.toks[i]
		c := tk.cuts[tk.ncut-1] // the longest proclitic reading
		tt := &d.toks[i]
		tt.norm = tk.norm
		tt.stem = tk.stem(c)
		tt.clitics = tk.norm[:c.at]
		tt.shape = shapeOf(tk.norm, tk.kind == tokNumber, tk.kind == tokPunct)
		if marks != nil {
			tt.marks = marks[i]
		}
	}
	for _, s := range t.sents {
		d.sents = append(d.sents, tagSent{s.first, s.last})
	}
	return d
}

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
		best, bestLen := (*phrase)(nil), 0
		for _, c := range tk.stems() {
			e := g.lex[tk.stem(c)]
			if e == nil {
				continue
			}
			marks[i] |= classMarks(readingClasses(e, c))
			for k := range e.phrases {
				p := &e.phrases[k]
				n := len(p.rest) + 1
				if p.kind == pDemonym && n == 1 {
					marks[i] |= mDemonym
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
// word whose lexicon entry is e: the classes with the article for a
// definite reading, and for a reading behind a preposition none of the
// classes of words that never take one (function words, stop words,
// name-chain links).
func readingClasses(e *lexEntry, c cut) wclass {
	switch {
	case c.def:
		return e.def
	case c.at == 0:
		return e.bare
	}
	return e.bare &^ (wFunc | wStop | wConnect)
}

// classMarks maps the word classes the tagger reads to marks.
func classMarks(w wclass) tokMarks {
	var m tokMarks
	for _, p := range [...]struct {
		c wclass
		m tokMarks
	}{
		{wOffice, mOffice}, {wHonor, mHonor}, {wSpeech, mSpeech}, {wFunc, mFunc},
		{wConnect, mConnect}, {wCue, mCue}, {wStop, mStop}, {wInst, mInst}, {wCounter, mCounter},
	} {
		if w&p.c != 0 {
			m |= p.m
		}
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
func markPhrase(marks []tokMarks, kind string, ambig bool) {
	b, in := mOrgB, mOrgI
	switch kind {
	case "country":
		b, in = mCountryB, mCountryI
	case "city":
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
