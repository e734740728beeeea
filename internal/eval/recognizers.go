package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultRecognizersRef is the reference date of a Recognizers case that
// gives none (the extractor files): the date most of the suite uses.
const DefaultRecognizersRef = "2016-11-07"

// SpecFile is one JSON file of Recognizers-Text specs.
type SpecFile struct {
	Name  string // base name, such as DateParser.json
	Cases []Case
}

// Case is one spec: an input, its reference date and the results expected.
type Case struct {
	Input   string
	Ref     time.Time
	Results []Result
	// Line is the line of the file where the case starts.
	Line int
	// Declined is the reason the case is out of the figure, or "".
	Declined string
}

// Result is one expected result of a case.
type Result struct {
	Text string
	// Start is the offset Recognizers gives for Text, in UTF-16 code
	// units (-1 in a few cases).
	Start int
	// Type is the result's type without the "datetimeV2." prefix: date,
	// daterange, time, duration…
	Type string
	// HasValue is false for an extractor result, which has no resolution.
	HasValue bool
	// Values are the values it accepts (past, future, every model value,
	// and the whole period of a part of one); empty when no value can be
	// read as days.
	Values []Expected
	// Unusable says why a result with a resolution has no Values.
	Unusable string
}

// InScope reports whether the result is a date or a date range.
func (r Result) InScope() bool { return r.Type == "date" || r.Type == "daterange" }

// rawCase is a case as the JSON has it.
type rawCase struct {
	Input   *string `json:"Input"`
	Context *struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results []rawResult `json:"Results"`
}

// rawResult is a result as the JSON has it: parser files have Value,
// model files Resolution (or Value with "values").
type rawResult struct {
	Text       string          `json:"Text"`
	Start      int             `json:"Start"`
	Type       string          `json:"Type"`
	TypeName   string          `json:"TypeName"`
	Value      json.RawMessage `json:"Value"`
	Resolution json.RawMessage `json:"Resolution"`
}

// ReadRecognizers reads every *.json file of dir, in name order. A file
// may start with a UTF-8 byte order mark. JSON that does not parse, a case
// without Input or with a bad ReferenceDateTime is an error naming the file
// and the line.
func ReadRecognizers(dir string) ([]SpecFile, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("arnews: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("arnews: %s: no *.json spec files", dir)
	}
	sort.Strings(names)
	var files []SpecFile
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("arnews: %w", err)
		}
		f, err := ParseSpecFile(filepath.Base(name), data)
		if err != nil {
			return nil, fmt.Errorf("arnews: %s:%w", name, err)
		}
		files = append(files, f)
	}
	return files, nil
}

// ParseSpecFile parses the content of one spec file. Its error reads
// "LINE: message", for the caller to prefix with the file's path.
func ParseSpecFile(name string, data []byte) (SpecFile, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	f := SpecFile{Name: name}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return f, fmt.Errorf("%d: want a JSON array of cases", lineAt(data, 0))
	}
	for dec.More() {
		start := skipSeparators(data, int(dec.InputOffset()))
		var raw rawCase
		if err := dec.Decode(&raw); err != nil {
			return f, fmt.Errorf("%d: bad JSON: %w", lineAt(data, errorOffset(err, start)), err)
		}
		c, err := convertCase(raw, lineAt(data, start))
		if err != nil {
			return f, fmt.Errorf("%d: %w", c.Line, err)
		}
		f.Cases = append(f.Cases, c)
	}
	if _, err := dec.Token(); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return f, fmt.Errorf("%d: bad JSON: %w", lineAt(data, skipSeparators(data, int(dec.InputOffset()))), err)
	}
	return f, nil
}

// convertCase checks a raw case and reads its results.
func convertCase(raw rawCase, line int) (Case, error) {
	c := Case{Line: line}
	if raw.Input == nil {
		return c, errors.New(`case without "Input"`)
	}
	c.Input = *raw.Input
	ref := DefaultRecognizersRef
	if raw.Context != nil && raw.Context.ReferenceDateTime != "" {
		ref = raw.Context.ReferenceDateTime
	}
	t, err := time.Parse(time.DateOnly, ref[:min(len(ref), len(time.DateOnly))])
	if err != nil {
		return c, fmt.Errorf("bad ReferenceDateTime %q", ref)
	}
	c.Ref = t
	for _, rr := range raw.Results {
		c.Results = append(c.Results, convertResult(rr))
	}
	return c, nil
}

// convertResult reads the type and the values of a result.
func convertResult(rr rawResult) Result {
	typ := rr.Type
	if typ == "" {
		typ = rr.TypeName
	}
	r := Result{Text: rr.Text, Start: rr.Start, Type: strings.TrimPrefix(typ, "datetimeV2.")}
	res := rr.Value
	if len(res) == 0 || string(res) == "null" {
		res = rr.Resolution
	}
	if len(res) == 0 || string(res) == "null" {
		return r
	}
	r.HasValue = true
	r.Values, r.Unusable = readResolution(res)
	return r
}

// skipSeparators returns the offset of the first byte at or after off that
// is not white space or a comma: where the next value starts.
func skipSeparators(data []byte, off int) int {
	for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return off
}

// errorOffset returns the byte offset a JSON error gives, or def.
func errorOffset(err error, def int) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return int(se.Offset)
	case errors.As(err, &te):
		return int(te.Offset)
	}
	return def
}

// lineAt returns the line of data that byte off is on, from 1.
func lineAt(data []byte, off int) int {
	off = max(0, min(off, len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// rawAlternative is one value of a resolution, as dates in text.
type rawAlternative struct {
	timex, mod string
	start, end string // a day: start == end
}

// readResolution returns the values a resolution accepts, or why it has
// none that can be read as days.
func readResolution(res json.RawMessage) ([]Expected, string) {
	var s string
	if json.Unmarshal(res, &s) == nil {
		return nil, fmt.Sprintf("resolution %q", s)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(res, &m); err != nil {
		return nil, "resolution is not an object"
	}
	var alts []rawAlternative
	if vs, ok := m["values"]; ok {
		var values []map[string]json.RawMessage
		if err := json.Unmarshal(vs, &values); err != nil {
			return nil, "values is not a list of objects"
		}
		for _, v := range values {
			alts = append(alts, modelAlternative(v))
		}
	} else {
		timex, mod := jsonString(m["Timex"]), jsonString(m["Mod"])
		for _, key := range []string{"PastResolution", "FutureResolution"} {
			var r map[string]json.RawMessage
			json.Unmarshal(m[key], &r) // a missing or odd one reads as empty
			alts = append(alts, parserAlternative(r, timex, mod))
		}
	}
	return expectedValues(alts)
}

// modelAlternative reads one of the "values" of a model result.
func modelAlternative(v map[string]json.RawMessage) rawAlternative {
	a := rawAlternative{timex: jsonString(v["timex"]), mod: jsonString(v["Mod"])}
	if val := jsonString(v["value"]); val != "" {
		a.start, a.end = val, val
		return a
	}
	a.start, a.end = jsonString(v["start"]), jsonString(v["end"])
	return a
}

// parserAlternative reads a PastResolution or FutureResolution.
func parserAlternative(r map[string]json.RawMessage, timex, mod string) rawAlternative {
	a := rawAlternative{timex: timex, mod: mod}
	if d := jsonString(r["date"]); d != "" {
		a.start, a.end = d, d
		return a
	}
	a.start, a.end = jsonString(r["startDate"]), jsonString(r["endDate"])
	return a
}

// expectedValues converts the alternatives to days, with the widened
// period of each; it returns the first reason an alternative cannot be
// read when none can.
func expectedValues(alts []rawAlternative) ([]Expected, string) {
	var out []Expected
	reason := ""
	add := func(e Expected) {
		for _, o := range out {
			if o == e {
				return
			}
		}
		out = append(out, e)
	}
	for _, a := range alts {
		e, why := a.days()
		if why != "" {
			if reason == "" {
				reason = why
			}
			continue
		}
		add(e)
		if w, ok := widen(e, a.timex); ok {
			add(w)
		}
	}
	if len(out) == 0 && reason == "" {
		reason = "no resolution"
	}
	return out, reason
}

// placeholder is the date Recognizers gives when it cannot resolve one.
const placeholder = "0001-01-01"

// days reads the alternative as days, or says why it cannot.
func (a rawAlternative) days() (Expected, string) {
	switch {
	case a.start == "" && a.end == "":
		return Expected{}, fmt.Sprintf("Timex only (%q)", a.timex)
	case a.start == "" || a.end == "":
		return Expected{}, fmt.Sprintf("open range (Mod %q)", a.mod)
	case a.start == "not resolved" || a.end == "not resolved":
		return Expected{}, "not resolved"
	case a.start == placeholder || a.end == placeholder:
		return Expected{}, "placeholder " + placeholder
	}
	s, ok1 := parseDay(a.start)
	e, ok2 := parseDay(a.end)
	if !ok1 || !ok2 || e < s {
		return Expected{}, fmt.Sprintf("unreadable dates %q..%q", a.start, a.end)
	}
	return Expected{Start: s, End: e}, ""
}

// jsonString returns raw as a string, or "" when it is not one.
func jsonString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}
