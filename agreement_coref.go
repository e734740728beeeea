package arnews

import "unicode/utf8"

// This file holds the rules that decide whether an instrument noun names
// an instrument at all, and which earlier instrument a definite mention
// refers back to.

// notInstrument reports whether the noun n is no instrument: a
// hypothetical one (see hypothetical), a weak noun that holds a meeting
// (عقد محادثات), or the act of agreeing rather than an instrument:
//
//	بالاتفاق مع            "in agreement with"
//	passive اتفاق على       تم الاتفاق على، جرى الاتفاق على: "it was agreed to"
//	اتفاق passive           اتفاق جرى بإنشاء: "it was agreed to set up"
//	اتفاق على consensus     اتفاق على ضرورة، أهمية، أن: "a consensus that"
func (f *agreementFinder) notInstrument(n nounMatch) bool {
	t := f.t
	tk := &t.toks[n.i]
	if f.hypothetical(n) || n.in.weak && n.j+1 < len(t.toks) && t.toks[n.j+1].is(cMeeting) {
		return true // عقد محادثات is holding talks
	}
	if n.in.kind != InstrumentAgreement || n.in.plural {
		return false
	}
	var next *token
	if n.j+1 < len(t.toks) && t.toks[n.j+1].sent == tk.sent {
		next = &t.toks[n.j+1]
	}
	switch {
	case next == nil:
		return false
	case tk.leadingBiArticle() && next.is(cWith):
		return true
	case n.i > 0 && t.toks[n.i-1].has(cPassive) && next.is(cOn):
		return true
	case next.has(cPassive):
		return true // اتفاق جرى بإنشاء منطقة: agreed on, not an instrument
	case next.is(cOn) && n.j+2 < len(t.toks):
		return t.toks[n.j+2].is(cConsensus)
	}
	return false
}

// hypothetical reports whether the noun n names an instrument that does
// not exist yet: أي اتفاق, اتفاقيات تعاون مستقبلية, صفقة محتملة (a
// hypothetical word before it, or within three words after it, before a
// clause break).
func (f *agreementFinder) hypothetical(n nounMatch) bool {
	t := f.t
	sent := t.toks[n.i].sent
	if n.i > 0 && t.toks[n.i-1].sent == sent && t.toks[n.i-1].is(cHypothetical) {
		return true
	}
	for k := n.j + 1; k < len(t.toks) && k <= n.j+3 && t.toks[k].sent == sent && !isClausePunct(&t.toks[k]); k++ {
		if t.toks[k].is(cHypothetical) {
			return true
		}
	}
	return false
}

// resolve returns the earlier agreement a definite mention refers to, or
// nil for a new instrument:
//
//	def-noun date               a new instrument: الاتفاق عام 2015
//	def-noun subject            the latest of its kind with no subject or a shared word
//	def-noun (مع | بين) …       a new instrument: الاتفاقية الأمنية مع ليبيا
//	def-noun adjective          a new instrument: الاتفاقية العامة للتعاون
//	def-noun ordinal            one of a list: مذكرة التفاهم الأولى
//	def-noun                    the latest reported one of its kind (see latest)
func (f *agreementFinder) resolve(n nounMatch) *Agreement {
	if !n.c.def || len(f.out) == 0 || n.ordinal != 0 {
		return nil
	}
	t := f.t
	if k := n.j + 1; k < len(t.toks) && f.dates.at(k) >= 0 && t.toks[k].sent == t.toks[n.i].sent {
		return nil
	}
	if st := f.subjectStart(n); st >= 0 && st <= n.j+2 && !n.in.plural {
		end := f.clauseEnd(st, t.sents[t.toks[n.i].sent].last, nil, 0)
		for i := len(f.out) - 1; i >= max(0, len(f.out)-recent); i-- {
			a := &f.out[i]
			if a.Kind == n.in.kind && (a.Subject.Text == "" || f.sharesWord(a.Subject.Span, st, end)) {
				return a
			}
		}
		return nil
	}
	if f.namesOwnParties(n) || f.qualified(n) {
		return nil
	}
	return f.latest(n)
}

// qualified reports whether the definite noun n has an adjective of its
// own that makes it a new name (الاتفاقية العامة للتعاون، الاتفاق
// النووي), not one that refers back (الاتفاقية الموقعة، الاتفاقيات
// المبرمة): a definite word after it that names no entity or date and is
// no signing word.
func (f *agreementFinder) qualified(n nounMatch) bool {
	t := f.t
	k := n.j + 1
	if k >= len(t.toks) || t.toks[k].sent != t.toks[n.i].sent || t.toks[k].kind != tokWord {
		return false
	}
	tk := &t.toks[k]
	return tk.leadingArticle() && f.ents.at(k) < 0 && f.dates.at(k) < 0 && f.triggerAt(k) == trigNone &&
		!tk.has(cDual, cClauseEnd, cInstrument)
}

// namesOwnParties reports whether the definite noun n is followed, within
// its adjectives, by مع or بين: البروتوكول الموقع مع الجانب السوداني.
func (f *agreementFinder) namesOwnParties(n nounMatch) bool {
	t := f.t
	for k := n.j + 1; k <= n.j+2 && k < len(t.toks) && t.toks[k].sent == t.toks[n.i].sent; k++ {
		if t.toks[k].is(cWith, cBetween) {
			return true
		}
		if !t.toks[k].leadingArticle() {
			break
		}
	}
	return false
}

// latest returns the agreement a definite noun refers back to: the most
// recent agreement of the same kind that the text reports as an event;
// then, for the generic nouns (الاتفاق، الاتفاقية، الترتيبات), any
// reported one, then the most recent. A specific noun (البروتوكول،
// المعاهدة، المذكرة) refers only to its own kind.
func (f *agreementFinder) latest(n nounMatch) *Agreement {
	generic := n.in.kind == "agreement" || n.in.kind == "arrangement"
	for pass := 0; pass < 3; pass++ {
		for i := len(f.out) - 1; i >= max(0, len(f.out)-recent); i-- {
			a := &f.out[i]
			sameKind, reported := a.Kind == n.in.kind, a.Status != "mentioned"
			switch {
			case pass == 0 && (!sameKind || !reported):
				continue
			case pass > 0 && !generic && !sameKind:
				continue
			case pass == 1 && generic && !reported:
				continue
			}
			return a
		}
	}
	return nil
}

// sharesWord reports whether a content word of tokens [lo, hi) (a stem of
// at least three letters) also stands in the span sp.
func (f *agreementFinder) sharesWord(sp Span, lo, hi int) bool {
	words := map[string]bool{}
	coverTokens(f.t, sp, func(i int) {
		tk := &f.t.toks[i]
		if tk.kind == tokWord {
			c := tk.stems()
			words[tk.stem(c[len(c)-1])] = true
		}
	})
	for i := lo; i < hi; i++ {
		tk := &f.t.toks[i]
		if tk.kind != tokWord {
			continue
		}
		c := tk.stems()
		w := tk.stem(c[len(c)-1])
		if e := f.lx.lookup(w); utf8.RuneCountInString(w) >= 3 && words[w] && (e == nil || !e.lit.has(cSubjectPrep)) {
			return true
		}
	}
	return false
}

// coverTokens calls mark(i) for every token that overlaps sp.
func coverTokens(t *text, sp Span, mark func(i int)) {
	lo, hi := 0, len(t.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if t.toks[m].span.End <= sp.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(t.toks) && t.toks[i].span.Start < sp.End; i++ {
		mark(i)
	}
}
