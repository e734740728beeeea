package arnews

import (
	"strings"
	"unicode"
)

// This file holds the steps that date an agreement: when it takes effect,
// and when it was signed.

// effectiveDate takes the first date within four tokens after a word that
// introduces the date it takes effect, or after an entry-into-force word:
//
//	(effective | in-force) … date      يبدأ تطبيقها في، حيز التنفيذ اعتبارا من، بدء سريان
func effectiveDate(f *agreementFinder, x *nounCtx) {
	if x.a.Effective != nil {
		return
	}
	s := x.s
	for i := s.first; i < s.last; i++ {
		if c := f.triggerAt(i); c != trigEffective && c != trigInForce {
			continue
		}
		for j := i + 1; j < s.last && j <= i+4; j++ {
			if d := f.dateAt(j); d != nil {
				dd := *d
				x.a.Effective = &dd
				return
			}
		}
	}
}

// isEffective reports whether d is the agreement's effective date.
func (x *nounCtx) isEffective(d *Date) bool {
	return x.a.Effective != nil && d.Span == x.a.Effective.Span
}

// signedNearNoun takes a date attached to the noun or to the end of its
// subject, at most two gap words away:
//
//	noun [gap] date                اتفاق عام 2020
//	noun subject [gap] date        اتفاقية للربط الكهربائي عام 2020
func signedNearNoun(f *agreementFinder, x *nounCtx) {
	if x.a.Signed != nil || x.status == StatusNegotiating {
		return
	}
	t, s := f.t, x.s
	after := []int{x.n.j + 1}
	if x.a.Subject.Text != "" {
		for i := x.n.j + 1; i < s.last; i++ {
			if t.toks[i].span.Start >= x.a.Subject.End {
				after = append(after, i)
				break
			}
		}
	}
	for _, at := range after {
		if d := f.dateNear(at, s.last, 2); d != nil && !x.isEffective(d) {
			dd := *d
			x.a.Signed = &dd
			return
		}
	}
}

// signedAfterTrigger takes a date right after a signing word that follows
// the noun, within its clause:
//
//	noun … sign … date      الموقعة في أوت الماضي
func signedAfterTrigger(f *agreementFinder, x *nounCtx) {
	if x.a.Signed != nil || x.status == StatusNegotiating {
		return
	}
	t, s := f.t, x.s
	for i := x.n.j + 1; i < s.last && i <= x.n.j+16; i++ {
		if f.triggerAt(i) != trigSign {
			continue
		}
		for j := i + 1; j < s.last && j <= i+10; j++ {
			if isClausePunct(&t.toks[j]) {
				break
			}
			if d := f.dateAt(j); d != nil && !x.isEffective(d) {
				dd := *d
				x.a.Signed = &dd
				break
			}
		}
		return
	}
}

// signedInSentence takes, for a signing, the most explicit date of the
// sentence outside the subject and other than the effective date and the
// dateline's: one written with digits beats one relative to the
// publication date, and of two alike the one nearer the noun wins.
func signedInSentence(f *agreementFinder, x *nounCtx) {
	if x.a.Signed != nil || x.status != StatusSigned {
		return
	}
	var best *Date
	bestDist := 0
	for i := x.s.first; i < x.s.last; i++ {
		d := f.dateAt(i)
		if d == nil || x.inSubject(f.t, i) || x.isEffective(d) || d == best || f.inDateline(i) {
			continue
		}
		dist := abs(i - x.n.i)
		if best == nil || explicit(d) && !explicit(best) || explicit(d) == explicit(best) && dist < bestDist && d.Value() != best.Value() {
			best, bestDist = d, dist
		}
	}
	if best != nil {
		dd := *best
		x.a.Signed = &dd
	}
}

// dateNear returns the date that starts at token i or after at most gap
// tokens of في، عام، يوم، خلال، منذ, or nil. The first token may also be
// a definite word or a trigger (الموقع في 2020).
func (f *agreementFinder) dateNear(i, last, gap int) *Date {
	for k := i; k < last && k <= i+gap; k++ {
		if d := f.dateAt(k); d != nil {
			return d
		}
		tk := &f.t.toks[k]
		if tk.is(cIn, cYearNoun, cDateGap) {
			continue
		}
		if k > i || tk.kind != tokWord || f.triggerAt(k) == trigNone && !tk.leadingArticle() {
			return nil
		}
	}
	return nil
}

// explicit reports whether a date is written with digits (31 ديسمبر 2021)
// rather than relative to the publication date (أمس، الأربعاء).
func explicit(d *Date) bool {
	return strings.IndexFunc(d.Text, unicode.IsDigit) >= 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// inDateline reports whether token i is in the dateline of the text: among
// its first dozen words, before a dash or a parenthesis (الدوحة 12 نوفمبر
// 2021 (قنا) -): the publication date, not the event's.
func (f *agreementFinder) inDateline(i int) bool {
	t := f.t
	if i >= 12 {
		return false
	}
	for k := i + 1; k < len(t.toks) && k <= i+6; k++ {
		if t.toks[k].is(cDash, cParen) && f.dates.at(k-1) >= 0 {
			return true
		}
	}
	return false
}

// leadDate returns the date of the event the story reports, when no
// signing gives one: the first date at the day's grain, not after the
// publication date nor an effective date, in the sentences that start in
// the first 1,200 bytes of the text (a relative one, اليوم الجمعة، أمس
// الخميس, before a page stamp), or nil.
func (f *agreementFinder) leadDate() *Date {
	const leadBytes = 1200
	var stamp *Date
	for si := 0; si < len(f.t.sents) && f.t.sents[si].span.Start < leadBytes; si++ {
		s := f.t.sents[si]
		for i := s.first; i < s.last; i++ {
			d := f.dateAt(i)
			if d == nil || d.Grain != GrainDay || f.stale(d) || d.Time().After(f.ref) || f.isEffective(d) {
				continue
			}
			if !explicit(d) {
				return d
			}
			if stamp == nil {
				stamp = d
			}
		}
	}
	return stamp
}

// isEffective reports whether d is the date an agreement takes effect.
func (f *agreementFinder) isEffective(d *Date) bool {
	for i := range f.out {
		if e := f.out[i].Effective; e != nil && e.Span == d.Span {
			return true
		}
	}
	return false
}
