package arnews

import "strings"

// This file joins the tagger (tagger.go) to the entity stage: the people,
// organisations and places the tagger finds where the gazetteer and the
// rules found nothing, and the later mentions of what it found. The
// gazetteer and the rules run first and win: a tagger span that overlaps
// one of their mentions is dropped, and one that is exactly an ambiguous
// gazetteer name (which the gazetteer left for want of context) takes the
// gazetteer's entity when the types agree. Spans never move: the tagger
// chooses token ranges, and a mention starts after the proclitics of its
// first word (see nameCut).

// tag runs the tagger on the text, before the rules, which read its
// spans (taggedAt).
func (f *finder) tag() {
	if f.tm == nil {
		return
	}
	f.tspans = f.tm.tag(f.t, lexiconMarks(f.t))
	f.tagAt = make([]int32, len(f.t.toks))
	f.endNamesBeforeOn()
	for k, sp := range f.tspans {
		f.tagAt[sp.first] = int32(k + 1)
	}
}

// endNamesBeforeOn ends each of the tagger's people before a على it
// ends with: normalization folds على into علي, the name Ali, and the
// tagger reads محمد الحكيم على هامش as one name.
func (f *finder) endNamesBeforeOn() {
	for k := range f.tspans {
		sp := &f.tspans[k]
		for sp.typ == tagPER && sp.last > sp.first+1 && f.t.preposition(sp.last-1) {
			sp.last--
		}
	}
}

// taggedAt returns the tagger's span that starts at token i.
func (f *finder) taggedAt(i int) (tagSpan, bool) {
	if f.tagAt == nil || f.tagAt[i] == 0 {
		return tagSpan{}, false
	}
	return f.tspans[f.tagAt[i]-1], true
}

// taggedNameEnd returns the end of a name that a rule read from token j to
// end after a title, as the tagger bounds it, and whether it is a name at
// all. A title is followed by a name or by something else (رئيس بعثة،
// الفريق استقدم): with the tagger, the name is the tagger's person that
// starts at j, or, when the tagger has none there, the rule's words if the
// first is a known name. Within the rule's words the name then goes on
// over the words that are known names or start another of the tagger's
// people (ياسر | عباس), and a rare last word with the article (صالح
// الخرابشة), and stops at any other word (صالح تعهد، عبد الله خسارة
// جابر). Without the tagger the rule's end stands.
func (f *finder) taggedNameEnd(j, end int) (int, bool) {
	if f.tagAt == nil {
		return end, true
	}
	k := j + 1
	if sp, ok := f.taggedAt(j); ok {
		if sp.typ != tagPER {
			return end, false
		}
		k = sp.last
	} else if !f.listed(j, personLists) {
		return end, false
	}
	for k < end {
		if f.t.preposition(k) {
			break // محمد الحكيم على هامش: على, not علي
		}
		if sp, ok := f.taggedAt(k); ok && sp.typ == tagPER {
			k = sp.last
			continue
		}
		if f.tagAt[k] != 0 {
			break
		}
		if !f.listed(k, personLists) {
			// A rare word with the article ends a name: صالح الخرابشة.
			if k == end-1 && f.info[k].def && !f.listed(k, 1<<listFrequent) {
				k++
			}
			break
		}
		k++
	}
	return k, true
}

// personLists are the tagger's lists of names: given and family names (also
// those that are common words, جو، السوداني) and words seen in people's
// names in training.
const personLists listSet = 1<<listGiven | 1<<listFamily | 1<<listCommonName | 1<<listPER

// listed reports whether the word at token i is in one of the tagger's
// lists in set.
func (f *finder) listed(i int, set listSet) bool {
	return f.tm.lists[fnv64(f.t.toks[i].norm)]&set != 0
}

// tagged adds the tagger's entities that the gazetteer and the rules did
// not find.
func (f *finder) tagged() {
	if f.tm == nil {
		return
	}
	covered := f.coveredTokens()
	var found []taggedName
	for _, sp := range f.tspans {
		if f.anyCovered(covered, sp.first, sp.last) {
			continue
		}
		c := f.nameCut(sp.first)
		k := f.taggedEntity(sp, c)
		if k < 0 {
			continue
		}
		for i := sp.first; i < sp.last; i++ {
			covered[i] = true
		}
		found = append(found, taggedName{ent: k, first: sp.first, c: c, last: sp.last})
	}
	f.repeatTagged(found, covered)
}

// taggedName is an entity the tagger found, at tokens [first, last), the
// first read through the cut c.
type taggedName struct {
	ent         int
	first, last int
	c           cut
}

// taggedEntity adds the entity of the tagger span sp, its first token read
// through c, and returns its index, or -1 when sp names nothing.
func (f *finder) taggedEntity(sp tagSpan, c cut) int {
	if m := f.matchAt(sp.first); m != nil && m.end == sp.last {
		// A gazetteer name the gazetteer left for want of context: one
		// word is a common word too (مالي), and stays one; a longer name
		// the tagger confirms, if the types agree.
		ge := &f.g.ents[m.p.ref]
		if m.end-m.start == 1 || m.c != c || !tagAgrees(sp.typ, ge.kind) {
			return -1
		}
		k := f.entity(ge.id, ge.kind, ge.name, ge.country)
		f.add(k, sp.first, c, sp.last-1)
		return k
	}
	if sp.typ == tagLOC && sp.last-sp.first == 1 && f.info[sp.first].dem != 0 {
		return -1 // a demonym: an adjective, not a place
	}
	switch sp.typ {
	case tagPER:
		return f.addPersonCut(sp.first, c, sp.last, "", "")
	case tagORG:
		return f.namedEntity("org:", KindOrganization, sp.first, c, sp.last, "")
	case tagLOC:
		return f.namedEntity("region:", KindRegion, sp.first, c, sp.last, "")
	}
	return -1
}

// tagAgrees reports whether a tagger type and a gazetteer kind agree.
func tagAgrees(typ tagType, kind EntityKind) bool {
	switch typ {
	case tagORG:
		return kind == KindOrganization
	case tagLOC:
		return kind == KindCountry || kind == KindCity || kind == KindRegion
	}
	return false
}

// coveredTokens returns, for each token, whether a mention found so far or
// a person's name covers it.
func (f *finder) coveredTokens() []bool {
	covered := make([]bool, len(f.t.toks))
	for _, e := range f.ents {
		for _, r := range e.ranges {
			for i := r.first; i <= r.last; i++ {
				covered[i] = true
			}
		}
	}
	for i := range f.info {
		if f.info[i].claimed {
			covered[i] = true
		}
	}
	return covered
}

// anyCovered reports whether a token of [first, last) is covered.
func (f *finder) anyCovered(covered []bool, first, last int) bool {
	for i := first; i < last; i++ {
		if covered[i] {
			return true
		}
	}
	return false
}

// nameCut returns the cut through which a name starts at token i: after
// proclitics before the article (والأمم → الأمم, as visible keeps the
// article), after a conjunction و or ف that the name does not start
// with, and after a preposition when the rest is a known name (بلندن →
// لندن, but بلينكن stays whole). A word that is itself a known name or a
// name starting with و (وليد) stays whole.
func (f *finder) nameCut(i int) cut {
	tk := &f.t.toks[i]
	if tk.ncut == 1 || f.knownName(tk.norm) || tk.is(cWaName) {
		return cut{}
	}
	for _, c := range tk.stems()[1:] {
		if c.def {
			return c
		}
	}
	for _, c := range tk.stems()[1:] {
		if f.knownName(tk.stem(c)) || conjOnly(tk, c) {
			return c
		}
	}
	return cut{}
}

// knownName reports whether the normalized word w is in the tagger's name
// lists (given and family names, words seen inside names in training) or
// starts a gazetteer phrase.
func (f *finder) knownName(w string) bool {
	const names = 1<<listGiven | 1<<listFamily | 1<<listPER | 1<<listORG | 1<<listLOC
	return f.tm.lists[fnv64(w)]&names != 0 || len(f.g.phrases(w)) > 0
}

// nameKey returns the ID key of the name at tokens [a, b), its first word
// read through c: the normalized words joined by "-".
func (f *finder) nameKey(a int, c cut, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		w := f.t.toks[k].norm
		if k == a {
			w = f.t.toks[k].stem(f.visible(a, c))
		}
		if k > a {
			sb.WriteByte('-')
		}
		sb.WriteString(w)
	}
	return sb.String()
}

// repeatTagged is the document pass: an organisation or place the tagger
// found is found again wherever its words recur in the text, through
// clitics (the people recur through their surnames, see names).
func (f *finder) repeatTagged(found []taggedName, covered []bool) {
	type entry struct {
		ent  int
		rest []string
	}
	byFirst := map[string][]entry{}
	for _, n := range found {
		if f.ents[n.ent].Kind == KindPerson {
			continue
		}
		first := f.t.toks[n.first].stem(f.visible(n.first, n.c))
		rest := make([]string, 0, n.last-n.first-1)
		for k := n.first + 1; k < n.last; k++ {
			rest = append(rest, f.t.toks[k].norm)
		}
		byFirst[first] = append(byFirst[first], entry{n.ent, rest})
	}
	if len(byFirst) == 0 {
		return
	}
	toks := f.t.toks
	for i := 0; i < len(toks); i++ {
		if covered[i] || toks[i].kind != tokWord {
			continue
		}
		for _, c := range toks[i].stems() {
			es := byFirst[toks[i].stem(f.visible(i, c))]
			matched := false
			for _, e := range es {
				end := i + 1 + len(e.rest)
				if !f.follows(i, e.rest) || f.anyCovered(covered, i, end) {
					continue
				}
				f.add(e.ent, i, c, end-1)
				for k := i; k < end; k++ {
					covered[k] = true
				}
				i, matched = end-1, true
				break
			}
			if matched {
				break
			}
		}
	}
}

// linkTaggedSurnames adds the later mentions of the people the tagger
// found by their surname alone, as names does for the rest.
func (f *finder) linkTaggedSurnames() {
	if f.tm == nil || f.surnames.empty() {
		return
	}
	covered := f.coveredTokens()
	toks := f.t.toks
	for i := 0; i < len(toks); i++ {
		if covered[i] || toks[i].kind != tokWord {
			continue
		}
		if p, end := f.surnameAt(i); p >= 0 && !f.anyCovered(covered, i, end) {
			f.add(p, i, f.surnameCut(i), end-1)
			i = end - 1
		}
	}
}
