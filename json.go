package arnews

import (
	"encoding/json"
	"fmt"
	"time"
)

// This file holds the JSON form of a Document and its parts, in both
// directions: what MarshalJSON writes, UnmarshalJSON reads back into an
// equal value. The schema is in the package documentation and, as a JSON
// Schema, in document.schema.json.

// documentJSON is the JSON shape of a Document.
type documentJSON struct {
	Ref        string      `json:"ref,omitempty"`
	RefFrom    RefSource   `json:"ref_from,omitempty"`
	Sentences  []Span      `json:"sentences"`
	Dates      []Date      `json:"dates"`
	Entities   []Entity    `json:"entities"`
	Agreements []Agreement `json:"agreements"`
}

// MarshalJSON writes the Document in the schema documented in the package
// overview: ref as YYYY-MM-DD (left out when unknown) and every list as an
// array, never null. JSON strings are UTF-8: a text field whose span holds
// ill-formed bytes of the original carries U+FFFD for each of them, as
// encoding/json writes it; the offsets stay exact, so text[start:end] of
// the original gives the bytes back.
func (d Document) MarshalJSON() ([]byte, error) {
	j := documentJSON{
		RefFrom:    d.RefFrom,
		Sentences:  orEmpty(d.Sentences),
		Dates:      orEmpty(d.Dates),
		Entities:   orEmpty(d.Entities),
		Agreements: orEmpty(d.Agreements),
	}
	if !d.Ref.IsZero() {
		j.Ref = d.Ref.Format(time.DateOnly)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form MarshalJSON writes. Empty lists become nil,
// as Extract leaves them.
func (d *Document) UnmarshalJSON(b []byte) error {
	var j documentJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	out := Document{RefFrom: j.RefFrom, Sentences: orNil(j.Sentences), Dates: orNil(j.Dates),
		Entities: orNil(j.Entities), Agreements: orNil(j.Agreements)}
	if j.Ref != "" {
		t, err := time.Parse(time.DateOnly, j.Ref)
		if err != nil {
			return fmt.Errorf("arnews: ref %q: want YYYY-MM-DD", j.Ref)
		}
		out.Ref = t
	}
	switch j.RefFrom {
	case RefNone, RefGiven, RefText:
	default:
		return fmt.Errorf("arnews: unknown ref_from %q (want given or text)", j.RefFrom)
	}
	*d = out
	return nil
}

// entityJSON is the JSON shape of an Entity.
type entityJSON struct {
	ID       string     `json:"id"`
	Kind     EntityKind `json:"kind"`
	Name     string     `json:"name"`
	Country  string     `json:"country,omitempty"`
	Title    string     `json:"title,omitempty"`
	Mentions []Mention  `json:"mentions"`
}

// MarshalJSON writes id, kind, name, country and title (when known) and
// the mentions, an array even when empty.
func (e Entity) MarshalJSON() ([]byte, error) {
	return json.Marshal(entityJSON{ID: e.ID, Kind: e.Kind, Name: e.Name, Country: e.Country, Title: e.Title,
		Mentions: orEmpty(e.Mentions)})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (e *Entity) UnmarshalJSON(b []byte) error {
	var j entityJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*e = Entity{ID: j.ID, Kind: j.Kind, Name: j.Name, Country: j.Country, Title: j.Title, Mentions: orNil(j.Mentions)}
	return nil
}

// agreementJSON is the JSON shape of an Agreement.
type agreementJSON struct {
	Kind         AgreementKind `json:"kind"`
	Status       Status        `json:"status"`
	Text         string        `json:"text"`
	Start        int           `json:"start"`
	End          int           `json:"end"`
	Count        int           `json:"count,omitempty"`
	Mentions     []Mention     `json:"mentions"`
	Parties      []string      `json:"parties"`
	Signatories  []string      `json:"signatories"`
	Subject      string        `json:"subject,omitempty"`
	SubjectStart int           `json:"subject_start,omitempty"`
	SubjectEnd   int           `json:"subject_end,omitempty"`
	Signed       *Date         `json:"signed,omitempty"`
	Effective    *Date         `json:"effective,omitempty"`
	Place        string        `json:"place,omitempty"`
	Venue        string        `json:"venue,omitempty"`
	Source       string        `json:"source,omitempty"`
	CAMEO        string        `json:"cameo,omitempty"`
}

// MarshalJSON writes the agreement in the schema of the package overview:
// the subject as its text with its span, the signing and effective dates
// as dates (with their text, value, grain and calendar).
func (a Agreement) MarshalJSON() ([]byte, error) {
	j := agreementJSON{
		Kind: a.Kind, Status: a.Status, Text: a.Text, Start: a.Start, End: a.End, Count: a.Count,
		Mentions: orEmpty(a.Mentions), Parties: orEmpty(a.Parties), Signatories: orEmpty(a.Signatories),
		Subject: a.Subject.Text, Signed: a.Signed, Effective: a.Effective,
		Place: a.Place, Venue: a.Venue, Source: a.Source, CAMEO: a.CAMEO,
	}
	if a.Subject.Text != "" {
		j.SubjectStart, j.SubjectEnd = a.Subject.Start, a.Subject.End
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (a *Agreement) UnmarshalJSON(b []byte) error {
	var j agreementJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*a = Agreement{
		Kind: j.Kind, Status: j.Status, Text: j.Text, Span: Span{j.Start, j.End}, Count: j.Count,
		Mentions: orNil(j.Mentions), Parties: orNil(j.Parties), Signatories: orNil(j.Signatories),
		Signed: j.Signed, Effective: j.Effective, Place: j.Place, Venue: j.Venue, Source: j.Source, CAMEO: j.CAMEO,
	}
	if j.Subject != "" {
		a.Subject = Mention{Text: j.Subject, Span: Span{j.SubjectStart, j.SubjectEnd}}
	}
	return nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func orNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
