package arnews

import (
	"encoding/json"
	"strings"
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
// Extractor that made it.
//
// Its JSON form (see MarshalJSON) is an output format: it writes dates as
// ISO values and agreement dates without their spans, so it is not meant
// to be decoded back into a Document.
type Document struct {
	// Ref is the publication date that relative dates were resolved
	// against, at midnight UTC.
	Ref time.Time
	// Sentences are the spans of the text's sentences, in order.
	Sentences []Span
	// Dates are the date expressions found, in text order.
	Dates []Date
	// Entities are the parties named in the text, each with all its
	// mentions, in the order of their first mention.
	Entities []Entity
	// Agreements are the agreements reported, in the order of their first
	// mention.
	Agreements []Agreement
}

// documentJSON is the JSON shape of a Document.
type documentJSON struct {
	Ref        string      `json:"ref"`
	Sentences  []Span      `json:"sentences"`
	Dates      []Date      `json:"dates"`
	Entities   []Entity    `json:"entities"`
	Agreements []Agreement `json:"agreements"`
}

// MarshalJSON writes the Document in the schema documented in the package
// overview: ref as YYYY-MM-DD and every list as an array, never null.
func (d *Document) MarshalJSON() ([]byte, error) {
	j := documentJSON{
		Ref:        d.Ref.Format(time.DateOnly),
		Sentences:  orEmpty(d.Sentences),
		Dates:      orEmpty(d.Dates),
		Entities:   orEmpty(d.Entities),
		Agreements: orEmpty(d.Agreements),
	}
	return json.Marshal(j)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Option configures an [Extractor] or one call of [Extract].
type Option func(*config)

type config struct {
	ref     time.Time
	refSet  bool
	entries []GazetteerEntry
}

// WithRef sets the publication date that relative dates (الجمعة، أمس،
// هذا العام، أغسطس without a year) are resolved against. Only its
// year, month and day matter. Without it, Extract uses today's date in UTC.
func WithRef(t time.Time) Option {
	return func(c *config) {
		c.ref = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		c.refSet = true
	}
}

// WithEntries adds entries to the gazetteer of countries, cities and
// organisations, next to the built-in ones. An entry with the ID of a
// built-in entry adds names to it.
func WithEntries(entries ...GazetteerEntry) Option {
	return func(c *config) {
		c.entries = append(c.entries, entries...)
	}
}

// Extractor extracts Documents with a fixed configuration. Build one with
// [NewExtractor] when you add gazetteer entries, so the gazetteer is built
// once; an Extractor is safe for concurrent use by any number of
// goroutines.
type Extractor struct {
	cfg config
	gaz *gazetteer
}

// NewExtractor returns an Extractor configured by opts.
func NewExtractor(opts ...Option) *Extractor {
	x := &Extractor{}
	for _, o := range opts {
		o(&x.cfg)
	}
	if len(x.cfg.entries) > 0 {
		x.gaz = newGazetteer(x.cfg.entries)
	} else {
		x.gaz = builtinGazetteer()
	}
	return x
}

// Extract returns the facts found in text, with the Extractor's options
// overridden by opts (typically [WithRef] for the article's date). Entries
// passed here with [WithEntries] are ignored: give them to NewExtractor.
//
// Extract never fails: any input, including invalid UTF-8, gives a valid
// Document.
func (x *Extractor) Extract(text string, opts ...Option) *Document {
	cfg := x.cfg
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.refSet {
		cfg.ref = today()
	}
	if len(text) <= maxPiece {
		return x.extract(text, cfg.ref)
	}
	// A huge text is read in pieces cut at paragraph breaks, so that memory
	// stays proportional to the input: entities are merged by ID across
	// pieces, while agreement coreference and name linking stay within a
	// piece.
	doc := &Document{Ref: cfg.ref}
	byID := map[string]int{}
	for start := 0; start < len(text); {
		end := pieceEnd(text, start, start+maxPiece/2)
		d := x.extract(text[start:end], cfg.ref)
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
	doc := &Document{Ref: ref, Sentences: make([]Span, len(t.sents))}
	for i, s := range t.sents {
		doc.Sentences[i] = s.span
	}
	dates := findDates(t, ref)
	ents := findEntities(t, x.gaz)
	agreements, implied := findAgreements(t, dates, ents, x.gaz, ref)
	doc.Dates, doc.Entities, doc.Agreements = dates.dates, ents.ents, agreements
	for _, code := range implied {
		doc.Entities = append(doc.Entities, Entity{ID: code, Kind: "country", Name: x.gaz.countryName(code), Country: code, Mentions: []Mention{}})
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

// today returns today's date in UTC at midnight, the default publication
// date.
func today() time.Time {
	n := time.Now().UTC()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// Extract returns the facts found in text. It is shorthand for
// NewExtractor(opts...).Extract(text); with [WithEntries], prefer an
// [Extractor] so the gazetteer is built once.
func Extract(text string, opts ...Option) *Document {
	return NewExtractor(opts...).Extract(text)
}
