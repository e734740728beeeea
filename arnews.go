package arnews

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"
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
// with [WithEntries].
type ExtractorOption struct {
	entries []GazetteerEntry
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
}

// NewExtractor returns an Extractor configured by opts. It fails when a
// gazetteer entry is invalid; the error names the entry and the field.
func NewExtractor(opts ...ExtractorOption) (*Extractor, error) {
	var entries []GazetteerEntry
	for _, o := range opts {
		entries = append(entries, o.entries...)
	}
	if len(entries) == 0 {
		return defaultExtractor(), nil
	}
	for i := range entries {
		if err := checkEntry(i, &entries[i]); err != nil {
			return nil, err
		}
	}
	return &Extractor{gaz: newGazetteer(entries)}, nil
}

// defaultExtractor is the Extractor of the built-in gazetteer, which the
// package-level functions share.
var defaultExtractor = sync.OnceValue(func() *Extractor { return &Extractor{gaz: builtinGazetteer()} })

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
	if len(text) <= maxPiece {
		doc := x.extract(text, ref)
		doc.RefFrom = from
		return doc
	}
	doc := x.extractPieces(text, ref)
	doc.RefFrom = from
	return doc
}

// FindEntities returns the countries, cities, regions, organisations and
// people named in text, with the Extractor's gazetteer; see the package
// function [FindEntities].
func (x *Extractor) FindEntities(text string) []Entity {
	return findEntities(prepare(text), x.gaz).documentEntities()
}

// FindDates returns the date expressions of text resolved against ref; see
// the package function [FindDates].
func (x *Extractor) FindDates(text string, ref time.Time) []Date {
	return FindDates(text, ref)
}

// Extract returns the facts found in text. It uses one Extractor of the
// built-in gazetteer, shared by every call; to add gazetteer entries, use
// [NewExtractor].
func Extract(text string, opts ...Option) *Document {
	return defaultExtractor().Extract(text, opts...)
}

// extractPieces reads a huge text in pieces cut at paragraph breaks, so
// that memory stays proportional to the input: entities are merged by ID
// across pieces, while agreement coreference and name linking stay within
// a piece.
func (x *Extractor) extractPieces(text string, ref time.Time) *Document {
	doc := &Document{Ref: ref}
	byID := map[string]int{}
	for start := 0; start < len(text); {
		end := pieceEnd(text, start, start+maxPiece/2)
		d := x.extract(text[start:end], ref)
		d.shift(start)
		doc.Sentences = append(doc.Sentences, d.Sentences...)
		doc.Dates = append(doc.Dates, d.Dates...)
		for _, e := range d.Entities {
			if i, ok := byID[e.ID]; ok {
				doc.Entities[i].Mentions = append(doc.Entities[i].Mentions, e.Mentions...)
				continue
			}
			byID[e.ID] = len(doc.Entities)
			doc.Entities = append(doc.Entities, e)
		}
		doc.Agreements = append(doc.Agreements, d.Agreements...)
		start = end
	}
	return doc
}

// maxPiece is the size above which Extract reads a text in pieces of
// about half of it.
const maxPiece = 2 << 20

// pieceEnd returns where the piece of text that starts at start and should
// end near want ends: after the last paragraph break, line break, sentence
// end or space before want, or at want itself on a rune boundary.
func pieceEnd(text string, start, want int) int {
	if want >= len(text) {
		return len(text)
	}
	low := start + (want-start)/2
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(text[low:want], sep); i >= 0 {
			return low + i + len(sep)
		}
	}
	for want > start+1 && !utf8.RuneStart(text[want]) {
		want--
	}
	return want
}

// extract runs the pipeline on one text: the token layer (tokens.go), then
// the dates (dates.go), the entities (entities.go) and the agreements
// (agreements.go), each stage reading the layers before it. The Document is
// assembled here: the states that agreements imply without the text naming
// them are added to its entities, with no mentions.
func (x *Extractor) extract(text string, ref time.Time) *Document {
	t := prepare(text)
	doc := &Document{Ref: ref}
	if len(t.sents) > 0 {
		doc.Sentences = make([]Span, len(t.sents))
		for i, s := range t.sents {
			doc.Sentences[i] = s.span
		}
	}
	dates := findDates(t, ref)
	ents := findEntities(t, x.gaz)
	agreements, implied := findAgreements(t, dates, ents, x.gaz, ref)
	doc.Dates, doc.Entities, doc.Agreements = dates.dates, ents.documentEntities(), agreements
	for _, code := range implied {
		doc.Entities = append(doc.Entities, Entity{ID: code, Kind: KindCountry, Name: x.gaz.countryName(code), Country: code})
	}
	return doc
}

// shift moves every span of d by off bytes.
func (d *Document) shift(off int) {
	mv := func(s *Span) { s.Start += off; s.End += off }
	for i := range d.Sentences {
		mv(&d.Sentences[i])
	}
	for i := range d.Dates {
		mv(&d.Dates[i].Span)
	}
	for i := range d.Entities {
		for j := range d.Entities[i].Mentions {
			mv(&d.Entities[i].Mentions[j].Span)
		}
	}
	for i := range d.Agreements {
		a := &d.Agreements[i]
		mv(&a.Span)
		for j := range a.Mentions {
			mv(&a.Mentions[j].Span)
		}
		if a.Subject.Text != "" {
			mv(&a.Subject.Span)
		}
		for _, dt := range []*Date{a.Signed, a.Effective} {
			if dt != nil {
				mv(&dt.Span)
			}
		}
	}
}
