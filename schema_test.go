package arnews

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// This file checks the JSON of Documents against document.schema.json, with
// a validator of the part of JSON Schema the file uses (type, required,
// properties, additionalProperties false, items, enum, pattern, minimum,
// minLength and local $ref), and checks that the JSON reads back into an
// equal Document.

// schemaNode is a JSON Schema object, decoded.
type schemaNode map[string]any

// schemaValidator checks values against a schema and its $defs.
type schemaValidator struct {
	root schemaNode
}

func loadSchema(tb testing.TB) *schemaValidator {
	tb.Helper()
	b, err := os.ReadFile("document.schema.json")
	if err != nil {
		tb.Fatal(err)
	}
	var root schemaNode
	if err := json.Unmarshal(b, &root); err != nil {
		tb.Fatalf("document.schema.json: %v", err)
	}
	return &schemaValidator{root: root}
}

// validate returns the places where v breaks schema s.
func (sv *schemaValidator) validate(s schemaNode, v any, path string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		def, ok := sv.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return []string{path + ": unknown $ref " + ref}
		}
		return sv.validate(def, v, path)
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		fail("%v not in %v", v, enum)
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			fail("not an object")
			return errs
		}
		errs = append(errs, sv.validateObject(s, obj, path)...)
	case "array":
		arr, ok := v.([]any)
		if !ok {
			fail("not an array")
			return errs
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range arr {
				errs = append(errs, sv.validate(items, x, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			fail("not a string")
			return errs
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
		if n, ok := s["minLength"].(float64); ok && float64(len([]rune(str))) < n {
			fail("%q shorter than %v", str, n)
		}
	case "integer":
		n, ok := v.(float64)
		if !ok || n != math.Trunc(n) {
			fail("not an integer")
			return errs
		}
		if m, ok := s["minimum"].(float64); ok && n < m {
			fail("%v below %v", n, m)
		}
	}
	return errs
}

func (sv *schemaValidator) validateObject(s schemaNode, obj map[string]any, path string) []string {
	var errs []string
	props, _ := s["properties"].(map[string]any)
	for _, r := range s["required"].([]any) {
		if _, ok := obj[r.(string)]; !ok {
			errs = append(errs, fmt.Sprintf("%s: missing %s", path, r))
		}
	}
	for k, x := range obj {
		p, ok := props[k].(map[string]any)
		if !ok {
			if s["additionalProperties"] == false {
				errs = append(errs, fmt.Sprintf("%s: unexpected property %s", path, k))
			}
			continue
		}
		errs = append(errs, sv.validate(p, x, path+"."+k)...)
	}
	return errs
}

// checkJSON checks that doc marshals to JSON valid under the schema and
// reads back into an equal Document.
func checkJSON(tb testing.TB, sv *schemaValidator, doc *Document) {
	tb.Helper()
	b, err := json.Marshal(doc)
	if err != nil {
		tb.Fatalf("marshal: %v", err)
	}
	if sv != nil {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			tb.Fatal(err)
		}
		if errs := sv.validate(sv.root, v, "$"); len(errs) > 0 {
			tb.Errorf("JSON breaks document.schema.json:\n%s", strings.Join(errs[:min(len(errs), 10)], "\n"))
		}
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil {
		tb.Fatalf("unmarshal: %v", err)
	}
	// JSON strings are UTF-8: each ill-formed byte of a text comes back as
	// U+FFFD (see Document.MarshalJSON).
	if diff := cmp.Diff(*doc, back, cmp.Transformer("jsonString", jsonString)); diff != "" {
		tb.Errorf("Document changed through JSON (-extracted +read back):\n%s", diff)
	}
}

// jsonString returns s as encoding/json writes it: each byte of ill-formed
// UTF-8 replaced by U+FFFD.
func jsonString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r) // an ill-formed byte ranges as utf8.RuneError, one byte at a time
	}
	return b.String()
}

// TestJSONRoundTrip extracts every test article (and the corpus articles
// when ../shared is present), with and without a reference date, and
// checks the JSON against the schema and back.
func TestJSONRoundTrip(t *testing.T) {
	sv := loadSchema(t)
	files, _ := filepath.Glob("testdata/*.txt")
	corpus, _ := filepath.Glob("../shared/corpus/[0-9]*.txt")
	for _, name := range append(files, corpus...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			checkJSON(t, sv, Extract(string(b), WithRef(mustDate(t, "2021-11-12"))))
			checkJSON(t, sv, Extract(string(b)))
		})
	}
}

// TestSchemaValidatorFails checks that the validator can fail: a Document
// with a bad grain, an unknown property and a missing list is rejected.
func TestSchemaValidatorFails(t *testing.T) {
	sv := loadSchema(t)
	var v any
	bad := `{"ref":"2021-11-12","sentences":[],"dates":[{"text":"x","start":0,"end":1,"value":"2021-13","grain":"hour","calendar":"gregorian"}],"entities":[],"extra":1}`
	if err := json.Unmarshal([]byte(bad), &v); err != nil {
		t.Fatal(err)
	}
	errs := sv.validate(sv.root, v, "$")
	for _, want := range []string{"grain", "extra", "agreements"} {
		if !strings.Contains(strings.Join(errs, "\n"), want) {
			t.Errorf("no error about %s in %q", want, errs)
		}
	}
}
