package arnews

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/arnews/arnews/internal/conllsplit"
)

// This file reads the tagger's training data, ANERcorp in CoNLL form,
// aligns its labels to the library's own tokens, and scores tagged
// entities against the gold ones.

// anercorpPath is the ANERcorp train split the tagger is trained on.
const anercorpPath = "../shared/data/anercorp/ANERCorp_CamelLab_train.txt"

// conllSent is one sentence of a CoNLL file: tokens and their BIO tags.
type conllSent struct {
	toks, tags []string
}

// readCoNLL reads "token TAG" lines, sentences separated by blank lines.
func readCoNLL(r io.Reader) ([]conllSent, error) {
	var out []conllSent
	var cur conllSent
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch len(f) {
		case 0:
			if len(cur.toks) > 0 {
				out = append(out, cur)
				cur = conllSent{}
			}
		case 2:
			cur.toks = append(cur.toks, f[0])
			cur.tags = append(cur.tags, f[1])
		default:
			return nil, fmt.Errorf("line %d: %d fields", line, len(f))
		}
	}
	if len(cur.toks) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// devSplitRule is the development split, as the model header records it.
// It is the split of arnews eval -conll -split dev (internal/eval
// SplitCoNLL), so that the dev figures of the two agree and no dev sentence
// is trained on.
const devSplitRule = "sentences are blank-line separated; dev starts at the first sentence with at least 5/6 of all tokens before it, train is the sentences before"

// splitDev returns the train and development parts of sents: dev is the
// last sixth of the tokens, from the first sentence whose preceding tokens
// make at least five sixths of all.
func splitDev(sents []conllSent) (train, dev []conllSent) {
	sizes := make([]int, len(sents))
	for i, s := range sents {
		sizes[i] = len(s.toks)
	}
	i := conllsplit.DevStart(sizes)
	return sents[:i], sents[i:]
}

// labelOf returns the label index of a BIO tag; MISC and unknown types
// are O.
func labelOf(tag string) uint8 {
	bio, typ, _ := strings.Cut(tag, "-")
	var t uint8
	switch typ {
	case "PERS", "PER":
		t = 1
	case "ORG":
		t = 2
	case "LOC":
		t = 3
	default:
		return labelO
	}
	if bio == "B" {
		return 2*t - 1
	}
	return 2 * t
}

// aligned is one CoNLL sentence on the library's tokens.
type aligned struct {
	src    string   // the CoNLL tokens joined with single spaces
	t      *text    // src prepared
	doc    *tagDoc  // the tagger's view of t, with its lexicon marks
	labels []uint8  // one per library token
	gold   []Span   // the CoNLL entities' byte spans in src, all types
	goldT  []uint8  // their types (tagType)
	issues alignIss // what did not map one to one
}

// alignIss counts the ways the tokenizations of a sentence differ.
type alignIss struct {
	split   int // CoNLL entity tokens cut into several library tokens
	lost    int // CoNLL entity tokens with no library token
	crossed int // entities cut by a library sentence boundary
	changed int // CoNLL entities whose span no library-token entity has
}

// any reports whether some token did not map one to one.
func (a alignIss) any() bool { return a.split+a.lost+a.crossed+a.changed > 0 }

// align joins the tokens of s with single spaces, prepares the result
// and gives each library token the label of the CoNLL token it starts
// in: the first word or number of a CoNLL token takes its tag, the
// following ones continue it (I), and punctuation at either edge of an
// entity token is left out (O).
func align(s conllSent) *aligned {
	a := &aligned{}
	starts := make([]int, len(s.toks))
	var b strings.Builder
	for j, w := range s.toks {
		if j > 0 {
			b.WriteByte(' ')
		}
		starts[j] = b.Len()
		b.WriteString(w)
	}
	a.src = b.String()
	a.t = prepare(a.src)
	a.doc = tagInput(a.t, lexiconMarks(a.t))
	a.labels = make([]uint8, len(a.t.toks))
	owner := make([]int, len(a.t.toks)) // the CoNLL token of each library token
	j := 0
	for i := range a.t.toks {
		for j+1 < len(starts) && starts[j+1] <= a.t.toks[i].span.Start {
			j++
		}
		owner[i] = j
	}
	a.labelTokens(s, owner)
	a.goldSpans(s, starts)
	a.countIssues(s, owner)
	return a
}

// labelTokens gives the library tokens their labels from the CoNLL token
// each belongs to.
func (a *aligned) labelTokens(s conllSent, owner []int) {
	toks := a.t.toks
	for i := range toks {
		l := labelOf(s.tags[owner[i]])
		if l == labelO {
			continue
		}
		if toks[i].kind == tokPunct && a.edgePunct(owner, i) {
			continue
		}
		if i > 0 && owner[i-1] == owner[i] && a.labels[i-1] != labelO {
			l = 2 * uint8(labelType(l)) // continues the CoNLL token's entity
		}
		a.labels[i] = l
	}
}

// edgePunct reports whether the punctuation token i has only punctuation
// between it and one edge of its CoNLL token.
func (a *aligned) edgePunct(owner []int, i int) bool {
	toks := a.t.toks
	before, after := true, true
	for k := i - 1; k >= 0 && owner[k] == owner[i]; k-- {
		before = before && toks[k].kind == tokPunct
	}
	for k := i + 1; k < len(toks) && owner[k] == owner[i]; k++ {
		after = after && toks[k].kind == tokPunct
	}
	return before || after
}

// goldSpans records the CoNLL entities as byte spans of src.
func (a *aligned) goldSpans(s conllSent, starts []int) {
	open := -1
	var typ uint8
	closeAt := func(j int) {
		if open >= 0 {
			end := starts[j-1] + len(s.toks[j-1])
			a.gold = append(a.gold, Span{starts[open], end})
			a.goldT = append(a.goldT, typ)
			open = -1
		}
	}
	for j, tag := range s.tags {
		l := labelOf(tag)
		switch {
		case l == labelO:
			closeAt(j)
		case isBegin(l) || open < 0 || uint8(labelType(l)) != typ:
			closeAt(j)
			open, typ = j, uint8(labelType(l))
		}
	}
	closeAt(len(s.tags))
}

// countIssues counts the alignment issues of the sentence.
func (a *aligned) countIssues(s conllSent, owner []int) {
	n := make([]int, len(s.toks))
	for _, j := range owner {
		n[j]++
	}
	for j, tag := range s.tags {
		if labelOf(tag) == labelO {
			continue
		}
		switch {
		case n[j] == 0:
			a.issues.lost++
		case n[j] > 1:
			a.issues.split++
		}
	}
	spans := a.sentSpans(a.labels)
	for _, sp := range spans {
		if a.t.toks[sp.first].sent != a.t.toks[sp.last-1].sent {
			a.issues.crossed++
		}
	}
	have := map[Span]bool{}
	for _, sp := range spansOf(a.labels, 0, nil) {
		have[a.byteSpan(sp)] = true
	}
	for _, g := range a.gold {
		if !have[trimSpan(a.src, g)] {
			a.issues.changed++
		}
	}
}

// sentSpans returns the entity spans of labels over the library
// sentences of a: an entity never crosses a sentence boundary.
func (a *aligned) sentSpans(labels []uint8) []tagSpan {
	var out []tagSpan
	for _, s := range a.t.sents {
		out = spansOf(labels[s.first:s.last], s.first, out)
	}
	return out
}

// byteSpan returns the span of src from the start of the first token of
// sp to the end of its last.
func (a *aligned) byteSpan(sp tagSpan) Span {
	return Span{a.t.toks[sp.first].span.Start, a.t.toks[sp.last-1].span.End}
}

// trimSpan returns sp without the punctuation and spaces at its edges,
// as the library tokens see it.
func trimSpan(src string, sp Span) Span {
	t := prepare(src[sp.Start:sp.End])
	var words []int
	for i := range t.toks {
		if t.toks[i].kind != tokPunct {
			words = append(words, i)
		}
	}
	if len(words) == 0 {
		return sp
	}
	first, last := t.toks[words[0]].span, t.toks[words[len(words)-1]].span
	return Span{sp.Start + first.Start, sp.Start + last.End}
}

// prf accumulates exact-span matches of one entity type.
type prf struct{ tp, fp, fn int }

// scores returns precision, recall and F1.
func (c prf) scores() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// entityScores holds prf per type (index tagType) and over all (index 0).
type entityScores [4]prf

// add scores the predicted spans against the gold ones.
func (e *entityScores) add(gold, pred []tagSpan) {
	in := map[tagSpan]bool{}
	for _, g := range gold {
		in[g] = true
	}
	for _, p := range pred {
		if in[p] {
			e[p.typ].tp++
			e[0].tp++
			delete(in, p)
		} else {
			e[p.typ].fp++
			e[0].fp++
		}
	}
	for g := range in {
		e[g.typ].fn++
		e[0].fn++
	}
}

// f1 returns the F1 of all types.
func (e *entityScores) f1() float64 {
	_, _, f := e[0].scores()
	return f
}

// String formats the scores as a table, one row per type.
func (e *entityScores) String() string {
	var b strings.Builder
	b.WriteString("| type | P | R | F1 | gold | predicted |\n|---|---|---|---|---|---|\n")
	for _, k := range []tagType{tagPER, tagORG, tagLOC, 0} {
		name := k.String()
		if k == 0 {
			name = "all"
		}
		c := e[k]
		p, r, f := c.scores()
		fmt.Fprintf(&b, "| %s | %.4f | %.4f | %.4f | %d | %d |\n", name, p, r, f, c.tp+c.fn, c.tp+c.fp)
	}
	return b.String()
}
