package arnews

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Span is a half-open range [Start, End) of byte offsets into the text the
// caller passed in. The text of a span is text[Start:End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Mention is one place where an entity or an agreement is named: its span
// and its verbatim text, text[Start:End].
type Mention struct {
	Text string `json:"text"`
	Span
}

// Document holds every fact arnews extracts from one text. All spans point
// into that text. A Document is a plain value: it shares nothing with the
// Extractor that made it. Its JSON form (see [Document.MarshalJSON]) reads
// back into an equal Document.
type Document struct {
	// Ref is the publication date that relative dates were resolved
	// against, at midnight UTC, or the zero time when none is known (see
	// RefFrom).
	Ref time.Time
	// RefFrom says where Ref came from.
	RefFrom RefSource
	// Sentences are the spans of the text's sentences, in order.
	Sentences []Span
	// Dates are the date expressions found, in text order.
	Dates []Date
	// Entities are the parties named in the text, each with all its
	// mentions, in the order of their first mention; the states that the
	// agreements imply without naming them follow, with no mentions.
	Entities []Entity
	// Agreements are the agreements reported, in the order of their first
	// mention.
	Agreements []Agreement
}

// RefSource says where a Document's reference date came from.
type RefSource string

// The sources of a reference date.
const (
	// RefNone: no reference date is known; dates relative to the
	// publication date (أمس، الجمعة، مارس without a year) are left out.
	RefNone RefSource = ""
	// RefGiven: the caller gave it with [WithRef].
	RefGiven RefSource = "given"
	// RefText: the text states it in a date stamp or a dateline at its top
	// (الرياض 12 نوفمبر 2021 (واس) -).
	RefText RefSource = "text"
)

// Option configures one extraction: a call of [Extract] or
// [Extractor.Extract]. Build one with [WithRef].
type Option struct {
	ref time.Time
}

// WithRef sets the publication date that relative dates (الجمعة، أمس،
// هذا العام، أغسطس without a year) are resolved against. Only its year,
// month and day, in its own location, matter. Without it, Extract takes
// the date the text states at its top, and leaves relative dates out when
// there is none: it never reads the clock.
func WithRef(t time.Time) Option {
	return Option{ref: refDay(t)}
}

// ExtractorOption configures an [Extractor]: see [NewExtractor]. Build one
// with [WithEntries], [WithoutTagger] or [WithHelpers].
type ExtractorOption struct {
	entries  []GazetteerEntry
	noTagger bool
	// helpers is WithHelpers's n; set says it was given.
	helpers int
	set     bool
}

// WithoutTagger makes an Extractor that finds entities with the gazetteer
// and the rules only, without the trained tagger: about two and a half
// times faster on a long text and five on one article, and it finds only
// the people the rules see (after a title, an office or a verb of saying)
// and the organisations and places the gazetteer holds.
// See the package documentation, "Parties".
func WithoutTagger() ExtractorOption {
	return ExtractorOption{noTagger: true}
}

// WithHelpers sets how many helper goroutines an Extractor may run at
// once, over all its calls, to read long texts. A text is read in pieces
// of about 64 KiB (see the package documentation, "Time and memory"); for
// a longer one, the calling goroutine prepares the pieces in order and
// hands each to a helper, and reads it itself when the Extractor's
// helpers are all busy with other calls. This speeds up one long text on
// a machine with cores to spare, and a program that already keeps its
// cores busy with many calls finds the helpers taken and loses nothing.
// The result is the same whatever n. The default is runtime.GOMAXPROCS
// when the Extractor is made; n = 0 reads everything on the calling
// goroutine. A text of one piece, such as a news article, is always read
// on the calling goroutine. [NewExtractor] fails when n is negative.
func WithHelpers(n int) ExtractorOption {
	return ExtractorOption{helpers: n, set: true}
}

// WithEntries adds entries to the gazetteer of countries, cities, regions
// and organisations, next to the built-in ones. An entry with the ID of a
// built-in entry adds names to it; a name that is both a new entry's and a
// built-in entry's names the new entry. [NewExtractor] checks every entry.
func WithEntries(entries ...GazetteerEntry) ExtractorOption {
	return ExtractorOption{entries: entries}
}

// Extractor extracts Documents with a fixed configuration, such as extra
// gazetteer entries, which it compiles once. An Extractor is safe for
// concurrent use by any number of goroutines.
type Extractor struct {
	gaz *gazetteer
	tm  *tagModel // nil: WithoutTagger
	// helpers holds a token for each helper goroutine reading a piece of
	// a long text (see mapPieces); its capacity is the most at once.
	helpers chan struct{}
}

// NewExtractor returns an Extractor configured by opts. It fails when a
// gazetteer entry is invalid; the error names the entry and the field.
func NewExtractor(opts ...ExtractorOption) (*Extractor, error) {
	var entries []GazetteerEntry
	noTagger, helpers := false, -1 // -1: the default
	for _, o := range opts {
		entries = append(entries, o.entries...)
		noTagger = noTagger || o.noTagger
		if o.set {
			if o.helpers < 0 {
				return nil, fmt.Errorf("arnews: WithHelpers(%d): the number of helper goroutines must be 0 or more", o.helpers)
			}
			helpers = o.helpers
		}
	}
	if len(entries) == 0 && !noTagger && helpers < 0 {
		return defaultExtractor(), nil
	}
	for i := range entries {
		if err := checkEntry(i, &entries[i]); err != nil {
			return nil, err
		}
	}
	x := &Extractor{gaz: builtinGazetteer(), helpers: newHelpers(helpers)}
	if len(entries) > 0 {
		x.gaz = newGazetteer(entries)
	}
	if !noTagger {
		tm, err := builtinTagger()
		if err != nil {
			return nil, fmt.Errorf("arnews: the embedded tagger model: %w", err)
		}
		x.tm = tm
	}
	return x, nil
}

// defaultExtractor is the Extractor of the built-in gazetteer, which the
// package-level functions share.
var defaultExtractor = sync.OnceValue(func() *Extractor {
	// The embedded model is checked by the tests (TestTaggerModelHeader):
	// a damaged one would be a broken build, and the default Extractor
	// then runs without it rather than fail every call.
	tm, _ := builtinTagger()
	return &Extractor{gaz: builtinGazetteer(), tm: tm, helpers: newHelpers(-1)}
})

// newHelpers returns the tokens of an Extractor's n helper goroutines
// (see WithHelpers), runtime.GOMAXPROCS of them for n = -1.
func newHelpers(n int) chan struct{} {
	if n < 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return make(chan struct{}, n)
}

// Extract returns the facts found in text, with the per-call options opts
// (typically [WithRef] for the article's date).
//
// Extract never fails: any input, including invalid UTF-8, gives a valid
// Document.
func (x *Extractor) Extract(text string, opts ...Option) *Document {
	ref, from := time.Time{}, RefNone
	for _, o := range opts {
		if !o.ref.IsZero() {
			ref, from = o.ref, RefGiven
		}
	}
	if from == RefNone {
		if t, ok := statedRef(text); ok {
			ref, from = t, RefText
		}
	}
	doc := x.extractPieces(text, ref)
	doc.RefFrom = from
	return doc
}

// FindEntities returns the countries, cities, regions, organisations and
// people named in text, with the Extractor's gazetteer; see the package
// function [FindEntities].
func (x *Extractor) FindEntities(text string) []Entity {
	return joinEntities(mapPieces(text, x.helpers, func(p piece) []Entity {
		ents := findEntities(p.t, x.gaz, x.tm).documentEntities()
		shiftEntities(ents, p.off)
		return ents
	}))
}

// FindDates returns the date expressions of text resolved against ref; see
// the package function [FindDates].
func (x *Extractor) FindDates(text string, ref time.Time) []Date {
	return joinParts(mapPieces(text, x.helpers, func(p piece) []Date {
		dates := findDates(p.t, ref).dates
		shiftDates(dates, p.off)
		return dates
	}))
}

// Extract returns the facts found in text. It uses one Extractor of the
// built-in gazetteer, shared by every call; to add gazetteer entries, use
// [NewExtractor].
func Extract(text string, opts ...Option) *Document {
	return defaultExtractor().Extract(text, opts...)
}

// extractPieces reads text in pieces (see mapPieces), so that memory stays
// proportional to the input: entities are merged by ID across pieces,
// while agreement coreference and name linking stay within a piece.
func (x *Extractor) extractPieces(text string, ref time.Time) *Document {
	docs := mapPieces(text, x.helpers, func(p piece) *Document {
		d := x.extract(p.t, ref)
		d.shift(p.off)
		return d
	})
	if len(docs) == 1 {
		return docs[0]
	}
	doc := &Document{Ref: ref}
	var sents [][]Span
	var dates [][]Date
	var ents [][]Entity
	var agrs [][]Agreement
	for _, d := range docs {
		sents, dates = append(sents, d.Sentences), append(dates, d.Dates)
		ents, agrs = append(ents, d.Entities), append(agrs, d.Agreements)
	}
	doc.Sentences, doc.Dates = joinParts(sents), joinParts(dates)
	doc.Entities, doc.Agreements = joinEntities(ents), joinParts(agrs)
	return doc
}

// extract runs the pipeline on one text: the token layer (tokens.go), then
// the dates (dates.go), the entities (entities.go) and the agreements
// (agreements.go), each stage reading the layers before it. The Document is
// assembled here: the states that agreements imply without the text naming
// them are added to its entities, with no mentions.
func (x *Extractor) extract(t *text, ref time.Time) *Document {
	doc := &Document{Ref: ref}
	if len(t.sents) > 0 {
		doc.Sentences = make([]Span, len(t.sents))
		for i, s := range t.sents {
			doc.Sentences[i] = s.span
		}
	}
	dates := findDates(t, ref)
	ents := findEntities(t, x.gaz, x.tm)
	agreements, implied := findAgreements(t, dates, ents, x.gaz, ref)
	doc.Dates, doc.Entities, doc.Agreements = dates.dates, ents.documentEntities(), agreements
	for _, code := range implied {
		doc.Entities = append(doc.Entities, Entity{ID: code, Kind: KindCountry, Name: x.gaz.countryName(code), Country: code})
	}
	return doc
}

// shift moves every span of d by off bytes.
func (d *Document) shift(off int) {
	for i := range d.Sentences {
		d.Sentences[i].move(off)
	}
	shiftDates(d.Dates, off)
	shiftEntities(d.Entities, off)
	for i := range d.Agreements {
		a := &d.Agreements[i]
		a.Span.move(off)
		for j := range a.Mentions {
			a.Mentions[j].move(off)
		}
		if a.Subject.Text != "" {
			a.Subject.move(off)
		}
		for _, dt := range []*Date{a.Signed, a.Effective} {
			if dt != nil {
				dt.move(off)
			}
		}
	}
}

// move moves the span by off bytes.
func (s *Span) move(off int) { s.Start += off; s.End += off }

// shiftDates moves the span of every date by off bytes.
func shiftDates(dates []Date, off int) {
	for i := range dates {
		dates[i].move(off)
	}
}

// shiftEntities moves the span of every mention by off bytes.
func shiftEntities(ents []Entity, off int) {
	for i := range ents {
		for j := range ents[i].Mentions {
			ents[i].Mentions[j].move(off)
		}
	}
}
