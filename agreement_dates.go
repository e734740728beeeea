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
		for j := i + 1; j < s.last && j <= i+6; j++ {
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
// sentence outside the subject and other than the effective date: one
// written with digits beats one relative to the publication date.
func signedInSentence(f *agreementFinder, x *nounCtx) {
	if x.a.Signed != nil || x.status != StatusSigned {
		return
	}
	var best *Date
	for i := x.s.first; i < x.s.last; i++ {
		d := f.dateAt(i)
		if d == nil || x.inSubject(f.t, i) || x.isEffective(d) || d == best {
			continue
		}
		if best == nil || explicit(d) && !explicit(best) {
			best = d
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
