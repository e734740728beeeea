package arnews

import "unicode/utf8"

// This file holds the steps that find what an agreement is about: the
// subject phrase after the instrument noun, and where it ends.

// subjectAfterNoun takes the subject phrase after the noun, when the
// agreement has none yet, up to the end of its clause; else the
// complement of a verb that says what it is about (see subjectPredicate).
func subjectAfterNoun(f *agreementFinder, x *nounCtx) {
	if x.a.Subject.Text != "" {
		return
	}
	subject, c := f.subjectStart(x.n), cut{}
	if subject < 0 {
		if subject, c = f.subjectPredicate(x); subject < 0 {
			return
		}
	}
	if end := f.clauseEnd(subject, x.s.last, x.nouns, x.k); end > subject {
		sp := f.t.spanOf(subject, c, end-1)
		x.a.Subject = Mention{Text: f.t.src[sp.Start:sp.End], Span: sp}
	}
}

// subjectPredicate finds the subject in the complement of a verb that says
// what the instrument is about, right before the noun or after it in its
// clause, and returns its first token and the cut that leaves out the
// preposition:
//
//	concerns noun [ordinal] بـX          وتتعلق مذكرة التفاهم الأولى بالتعاون …
//	noun … concerns (على | إلى | بـ)X    الاتفاق يهدف إلى …، اتفاقا … يقضي بسحب …
func (f *agreementFinder) subjectPredicate(x *nounCtx) (int, cut) {
	t := f.t
	n := x.n
	if n.i > 0 && t.toks[n.i-1].has(cConcerns) {
		k := n.after + 1
		if k < x.s.last && t.toks[k].has(cClauseEnd) {
			k = f.afterRelative(k, x.s.last) // ويتعلق الاتفاق الأول الذي وقعه …، بالتعاون
		}
		if st, c := f.predicateObject(k, x.s.last); st >= 0 {
			return st, c
		}
	}
	for k := n.after + 1; k < x.s.last && k <= n.after+12; k++ {
		tk := &t.toks[k]
		if isClausePunct(tk) && !tk.is(cQuote, cComma) {
			break
		}
		if tk.has(cConcerns) {
			return f.predicateObject(k+1, x.s.last)
		}
	}
	return -1, cut{}
}

// afterRelative returns the token after the comma that closes the relative
// clause starting at k, or k when there is none within twenty words.
func (f *agreementFinder) afterRelative(k, last int) int {
	for j := k + 1; j < last && j <= k+20; j++ {
		if f.t.toks[j].is(cComma) {
			return j + 1
		}
	}
	return k
}

// predicateObject reads the object of a verb of concern at token k: after
// على or إلى, or a word with ب, read without it; or, right after the
// noun, a content word (وتشمل مذكرة التفاهم الثانية التعاون في …، شملت
// مجالات دبلوماسية).
func (f *agreementFinder) predicateObject(k, last int) (int, cut) {
	t := f.t
	for k < last && t.toks[k].is(cComma) {
		k++
	}
	if k >= last || t.toks[k].kind != tokWord {
		return -1, cut{}
	}
	tk := &t.toks[k]
	switch {
	case tk.is(cOn, cTo):
		return k + 1, cut{}
	case tk.leadingBi():
		return k, tk.cuts[1]
	case tk.is(cFunc) || tk.has(cClauseEnd) || f.ents.at(k) >= 0 || f.triggerAt(k) != trigNone:
		return -1, cut{}
	}
	return k, cut{}
}

// subjectStart returns the first token of the subject phrase after the
// noun n, or -1. Punctuation, a date and عام may stand between. The first
// word after the noun decides, through the steps of subjectOpeners.
func (f *agreementFinder) subjectStart(n nounMatch) int {
	t := f.t
	sent := t.toks[n.i].sent
	for i := n.after + 1; i < len(t.toks) && i <= n.after+6 && t.toks[i].sent == sent; i++ {
		tk := &t.toks[i]
		switch {
		case tk.kind == tokPunct && tk.is(cComma):
			continue
		case f.dates.at(i) >= 0 || tk.is(cYearNoun) && tk.ncut == 1:
			continue
		case tk.kind != tokWord:
			return -1
		}
		for _, open := range subjectOpeners {
			if st, ok := open(f, n, i); ok {
				return st
			}
		}
		return -1
	}
	return -1
}

// subjectOpeners are the ways a subject phrase opens at token i after the
// noun n, tried in order; each returns the first token of the subject.
var subjectOpeners = []func(f *agreementFinder, n nounMatch, i int) (int, bool){
	subjectAfterPreposition,
	subjectPurpose,
	subjectQualifyingNoun,
	subjectAfterParties,
	subjectInField,
	subjectAfterRelational,
	subjectByVirtue,
	subjectVerbalNoun,
	subjectNounInField,
	subjectConstructChain,
	subjectDefiniteConstruct,
	subjectAfterQualifiers,
	subjectFieldsAfterComma,
}

// subjectAfterPreposition: noun (بشأن | حول | بخصوص | حيال) X → X.
func subjectAfterPreposition(f *agreementFinder, _ nounMatch, i int) (int, bool) {
	return i + 1, f.t.toks[i].is(cSubjectPrep)
}

// subjectPurpose: noun من أجل X → X: مذكرة تفاهم من أجل إقامة شراكة.
func subjectPurpose(f *agreementFinder, _ nounMatch, i int) (int, bool) {
	t := f.t
	return i + 2, t.toks[i].is(cFrom) && i+1 < len(t.toks) && t.toks[i+1].is(cPurpose)
}

// subjectQualifyingNoun: noun noun2 … → noun2 …, an instrument noun right
// after the first qualifies it: اتفاق شراكة استراتيجية.
func subjectQualifyingNoun(f *agreementFinder, n nounMatch, i int) (int, bool) {
	tk := &f.t.toks[i]
	return i, i == n.j+1 && tk.ncut > 0 && tk.cuts[0].at == 0 && tk.is(cInstrument)
}

// subjectAfterParties: noun (بين | مع) parties (بشأن X | لـX) → X: اتفاقية
// بين تركيا وأذربيجان بشأن النقل; مذكرات تفاهم بين الحكومة وشركات …
// لإقامة مشروعات.
func subjectAfterParties(f *agreementFinder, n nounMatch, i int) (int, bool) {
	t := f.t
	if !t.toks[i].is(cBetween, cWith) {
		return 0, false
	}
	sent := t.toks[i].sent
	for k := i + 1; k < len(t.toks) && k <= i+8 && t.toks[k].sent == sent; k++ {
		tk := &t.toks[k]
		if tk.is(cSubjectPrep) {
			return k + 1, true
		}
		if k > i+1 && !n.c.def && f.opensVerbalNoun(k) {
			return k, true
		}
		if tk.kind != tokWord && !tk.is(cParen) {
			break
		}
	}
	return -1, true
}

// subjectInField: noun في مجال X → X.
func subjectInField(f *agreementFinder, _ nounMatch, i int) (int, bool) {
	t := f.t
	return i + 2, t.toks[i].is(cIn) && i+1 < len(t.toks) && t.toks[i+1].has(cField) && t.toks[i+1].ncut == 1
}

// subjectAfterRelational: noun (الخاصة | المتعلقة) بـX → بـX.
func subjectAfterRelational(f *agreementFinder, _ nounMatch, i int) (int, bool) {
	return i + 1, f.t.toks[i].is(cRelational) && i+1 < len(f.t.toks)
}

// subjectByVirtue: noun [word] بموجبه … → the clause: اتفاقا تتولى بموجبه
// قطر رعاية المصالح.
func subjectByVirtue(f *agreementFinder, _ nounMatch, i int) (int, bool) {
	t := f.t
	return i, t.toks[i].has(cByVirtue) || i+1 < len(t.toks) && t.toks[i+1].has(cByVirtue)
}

// subjectVerbalNoun: indefinite-noun لـverbal-noun … → لـverbal-noun …:
// اتفاقا لتقاسم مياه النيل.
func subjectVerbalNoun(f *agreementFinder, n nounMatch, i int) (int, bool) {
	return i, !n.c.def && f.opensVerbalNoun(i) && i == f.firstWordAfter(n.j)
}

// opensVerbalNoun reports whether token i is ل + a word of four letters or
// more that names no entity and is no function word: لترسيم, للتعاون.
func (f *agreementFinder) opensVerbalNoun(i int) bool {
	tk := &f.t.toks[i]
	return tk.leadingLi() && !tk.is(cNotSubject) && f.ents.at(i) < 0 && utf8.RuneCountInString(tk.norm) >= 4
}

// subjectNounInField: noun X (في مجال | بشأن | حول) Y → Y, past the
// indefinite word that qualifies the noun (اتفاقيات تعاون في مجالات
// الطاقة، اتفاق شامل حول إدارة القطاع); → X … for a definite X (مذكرة
// تفاهم التعاون في مجال الطاقة).
func subjectNounInField(f *agreementFinder, n nounMatch, i int) (int, bool) {
	t := f.t
	if i != n.after+1 || i+2 >= len(t.toks) || f.ents.at(i) >= 0 || f.triggerAt(i) != trigNone {
		return 0, false
	}
	skip := 0 // a definite X names the subject itself: التعاون في مجال الطاقة
	switch next := &t.toks[i+1]; {
	case next.is(cIn) && t.toks[i+2].has(cField) && t.toks[i+2].ncut == 1:
		skip = 3
	case next.is(cSubjectPrep):
		skip = 2
	default:
		return 0, false
	}
	if t.toks[i].leadingArticle() {
		return i, true
	}
	return i + skip, i+skip < len(t.toks)
}

// subjectConstructChain: indefinite-noun chain → chain: معاهدة تسليم
// المطلوبين، اتفاق وقف إطلاق النار (see constructChain).
func subjectConstructChain(f *agreementFinder, n nounMatch, i int) (int, bool) {
	return i, i == n.j+1 && !n.c.def && f.constructChain(i, f.t.toks[i].sent)
}

// subjectDefiniteConstruct: indefinite-noun def-word → def-word: اتفاقية
// التعاون في مجال الطاقة, a construct whose second noun names the subject.
func subjectDefiniteConstruct(f *agreementFinder, n nounMatch, i int) (int, bool) {
	tk := &f.t.toks[i]
	return i, i == n.j+1 && !n.c.def && tk.leadingArticle() && f.ents.at(i) < 0 &&
		f.triggerAt(i) == trigNone && !tk.has(cClauseEnd) && !tk.has(cDual)
}

// constructChain reports whether tokens from i read as the second member of
// a construct chain after an indefinite instrument: one to three indefinite
// content words ending in a definite word or a name (تسليم المطلوبين، وقف
// إطلاق النار، انضمام السويد).
func (f *agreementFinder) constructChain(i int, sent int) bool {
	t := f.t
	for k := i; k < len(t.toks) && k <= i+2 && t.toks[k].sent == sent; k++ {
		tk := &t.toks[k]
		if tk.kind != tokWord || tk.leadingArticle() || f.ents.at(k) >= 0 || tk.is(cAnother) ||
			f.triggerAt(k) != trigNone || tk.has(cClauseEnd) || tk.is(cSubjectPrep) ||
			utf8.RuneCountInString(tk.norm) < 2 || k == i && utf8.RuneCountInString(tk.norm) < 3 ||
			tk.is(cFunc) || tk.is(cOn) {
			return false // على folds to علي, the name Ali
		}
		if k+1 < len(t.toks) && t.toks[k+1].sent == sent && t.toks[k+1].kind == tokWord &&
			(t.toks[k+1].leadingArticle() || f.ents.at(k+1) >= 0) && !t.toks[k+1].has(cClauseEnd) {
			return true
		}
	}
	return false
}

// firstWordAfter returns the first word token after i, skipping
// punctuation, dates and عام.
func (f *agreementFinder) firstWordAfter(i int) int {
	for k := i + 1; k < len(f.t.toks); k++ {
		tk := &f.t.toks[k]
		if tk.kind == tokWord && f.dates.at(k) < 0 && !(tk.is(cYearNoun) && tk.ncut == 1) {
			return k
		}
	}
	return -1
}

// clauseEnd returns the token index where the phrase starting at i ends,
// within 30 tokens, at the first of:
//
//	clause punctuation
//	[في | عام | منذ] date     the date is not the subject
//	clause-end word, negation, بين, مع
//	في city                   where it was signed, not what about
//	a signing, effective or entry-into-force word
//	و next-instrument         the next coordinated instrument (، ومذكرة تفاهم)
func (f *agreementFinder) clauseEnd(i, last int, nouns []nounMatch, k int) int {
	t := f.t
	end := min(last, i+30)
	p := min(k+1, len(nouns)) // the next instrument noun to watch for
	for j := i; j < end; j++ {
		tk := &t.toks[j]
		switch {
		case isClausePunct(tk):
			return j
		case f.dates.at(j) >= 0 && j > i:
			if t.toks[j-1].is(cIn, cYearNoun, cDateGap) && j-1 > i {
				return j - 1
			}
			return j
		case j > i && tk.kind == tokWord && (tk.has(cClauseEnd) || tk.is(cNegation, cBetween, cWith)):
			return j
		case j > i && tk.is(cIn) && j+1 < end && f.isCity(j+1):
			return j
		case j > i && f.endsSubject(j):
			return j
		case j > i && tk.is(cFrom) && j+1 < end && t.toks[j+1].is(cAgent):
			return j // … من قبل وزير الصحة: who signed, not what about
		}
		for p < len(nouns) && nouns[p].i < j {
			p++
		}
		if p < len(nouns) && nouns[p].i == j && (tk.leadingWa() || j > 0 && t.toks[j-1].conjunctionAlone()) {
			return j
		}
	}
	return end
}

// isCity reports whether token i is part of a city's mention.
func (f *agreementFinder) isCity(i int) bool {
	e, _ := f.entityAt(i)
	return e != nil && e.Kind == KindCity
}

// endsSubject reports whether token i is a signing, effective or
// entry-into-force word, which no subject phrase crosses.
func (f *agreementFinder) endsSubject(i int) bool {
	switch f.triggerAt(i) {
	case trigSign, trigEffective, trigInForce:
		return true
	}
	return false
}

// subjectAfterQualifiers: noun qualifier [qualifier] (لـverbal-noun | من
// أجل X | حول X | الرامي إلى X) → the subject, after adjectives and names
// that qualify the noun: اتفاقا جديدا لوضع حد، اتفاق الدوحة، لوضع حد،
// إعلان الجزائر من أجل شراكة متجددة، الاتفاق السياسي الليبي الرامي إلى
// تسوية.
func subjectAfterQualifiers(f *agreementFinder, n nounMatch, i int) (int, bool) {
	t := f.t
	sent := t.toks[i].sent
	for k := i; k < len(t.toks) && k <= i+4 && t.toks[k].sent == sent; k++ {
		tk := &t.toks[k]
		switch {
		case k > i && tk.is(cSubjectPrep):
			return k + 1, true
		case k > i && tk.is(cFrom) && k+1 < len(t.toks) && t.toks[k+1].is(cPurpose):
			return k + 2, true
		case k > i && tk.has(cConcerns) && k+1 < len(t.toks) && t.toks[k+1].is(cTo):
			return k + 2, true
		case k > i && f.opensVerbalNoun(k):
			return k, true
		case k > i && tk.is(cRelational):
			return k + 1, true
		case tk.is(cComma, cQuote), f.qualifier(k), k == i && f.beforeSubjectPrep(k+1):
			continue
		}
		return 0, false
	}
	return 0, false
}

// beforeSubjectPrep reports whether token k, or the one after a quotation
// mark at k, opens a subject (اتفاق شامل» حول).
func (f *agreementFinder) beforeSubjectPrep(k int) bool {
	t := f.t
	for k < len(t.toks) && t.toks[k].is(cQuote) {
		k++
	}
	return k < len(t.toks) && t.toks[k].is(cSubjectPrep)
}

// qualifier reports whether token k can qualify an instrument noun before
// its subject: a name (الدوحة), a definite adjective (السياسي), or an
// indefinite one in the accusative or of relation (تاريخيا، جديدا،
// استراتيجية).
func (f *agreementFinder) qualifier(k int) bool {
	tk := &f.t.toks[k]
	if tk.kind != tokWord || tk.is(cFunc) || tk.has(cClauseEnd) || f.triggerAt(k) != trigNone || f.dates.at(k) >= 0 {
		return false
	}
	return f.ents.at(k) >= 0 || tk.leadingArticle() || tk.adjectiveEnding()
}

// subjectFieldsAfterComma: noun ، مجالات X → مجالات X: عدة اتفاقيات،
// مجالات الصناعة والطاقة والنقل.
func subjectFieldsAfterComma(f *agreementFinder, n nounMatch, i int) (int, bool) {
	t := f.t
	return i, i > n.after+1 && t.toks[i-1].is(cComma) && t.toks[i].has(cField) && t.toks[i].ncut == 1
}
