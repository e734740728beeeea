package main

// Every use of the arnews API is in this file.

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/arnews/arnews"
)

// newExtractor returns the Extractor a worker uses for all its articles.
func newExtractor() (*arnews.Extractor, error) {
	return arnews.NewExtractor()
}

// extract returns the Document of text, published on ref, as one JSON line
// that starts with the article's id (JSON text), as arnews -jsonl writes
// it, and the pair-month keys of its agreements.
func extract(x *arnews.Extractor, id, text string, ref time.Time) (string, []pairMonth, error) {
	doc := x.Extract(text, arnews.WithRef(ref))
	body, err := json.Marshal(doc)
	if err != nil {
		return "", nil, err
	}
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	b.WriteString(id)
	b.WriteByte(',')
	b.Write(body[1:])
	return b.String(), agreementKeys(doc), nil
}

// pairMonth is one agreement between two states, A < B, counted in Month
// (YYYY-MM).
type pairMonth struct {
	A, B, Month string
}

// key encodes p as a string, the key the counts are grouped by.
func (p pairMonth) key() string { return p.A + "\t" + p.B + "\t" + p.Month }

// parseKey decodes a key made by pairMonth.key.
func parseKey(k string) pairMonth {
	f := strings.SplitN(k, "\t", 3)
	for len(f) < 3 {
		f = append(f, "")
	}
	return pairMonth{f[0], f[1], f[2]}
}

// agreementKeys returns one pairMonth for each unordered pair of state
// parties of each agreement of doc: three for an agreement between three
// states, none for one with a single state. Its month is the month of the
// signing date when that date gives one (grain day, week or month), else
// the month of the publication date.
func agreementKeys(doc *arnews.Document) []pairMonth {
	isState := map[string]bool{}
	for _, e := range doc.Entities {
		isState[e.ID] = e.Kind == arnews.KindCountry
	}
	var keys []pairMonth
	for _, a := range doc.Agreements {
		month := doc.Ref.Format("2006-01")
		if a.Signed != nil && a.Signed.Grain != arnews.GrainYear {
			month = a.Signed.Time().Format("2006-01")
		}
		var states []string
		for _, p := range a.Parties {
			if isState[p] && !slices.Contains(states, p) {
				states = append(states, p)
			}
		}
		slices.Sort(states)
		for i, s := range states {
			for _, t := range states[i+1:] {
				keys = append(keys, pairMonth{s, t, month})
			}
		}
	}
	return keys
}
