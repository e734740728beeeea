package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/arnews/arnews"
)

const articlePath = "../../testdata/qatar-us-protecting-power.txt"

// runCLI runs the command in-process and returns its exit status, standard
// output and standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// jsonlLine is one input line of the -jsonl test and what it must give.
type jsonlLine struct {
	line    string
	id      string // the id expected on the output line, as raw JSON
	failure bool   // an error line is expected
}

// testLines returns n lines mixing good records with every kind of bad
// one: malformed JSON, non-string text, missing ref (good), missing text,
// invalid UTF-8, empty and blank lines, a bad ref, CRLF, a long line.
func testLines(t *testing.T, n int) []jsonlLine {
	t.Helper()
	art, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(art)), "\n\n")
	q := func(s string) string {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	lines := make([]jsonlLine, n)
	for i := range lines {
		text := paras[i%len(paras)]
		id := fmt.Sprint(i)
		var l jsonlLine
		switch i % 13 {
		case 0, 1, 2:
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"text":%s,"ref":"2021-11-12"}`, id, q(text)), id, false}
		case 3: // string id, missing ref: good
			id = q(fmt.Sprintf("doc-%d", i))
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"text":%s}`, id, q(text)), id, false}
		case 4: // malformed JSON: the id cannot be recovered
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"text":%s`, id, q(text)), "null", true}
		case 5: // non-string text
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"text":42}`, id), id, true}
		case 6: // missing text
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"ref":"2021-11-12"}`, id), id, true}
		case 7: // invalid UTF-8 inside the text
			l = jsonlLine{fmt.Sprintf("{\"id\":%s,\"text\":\"قطر \xff\xd8 واشنطن\"}", id), id, true}
		case 8: // empty line
			l = jsonlLine{"", "null", true}
		case 9: // bad ref
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"text":%s,"ref":"2021-13-45"}`, id, q(text)), id, true}
		case 10: // CRLF line ending, escapes, NUL
			l = jsonlLine{fmt.Sprintf(`{"id":%s,"text":"\u0000قطر\n\tواشنطن \ud83d\ude00"}`+"\r", id), id, false}
		case 11: // not an object
			l = jsonlLine{fmt.Sprintf(`[%s]`, id), "null", true}
		case 12: // blank line
			l = jsonlLine{" \t ", "null", true}
		}
		lines[i] = l
	}
	// One line longer than bufio.Scanner's default 64 KB buffer.
	long := strings.Repeat(paras[0]+" ", 200<<10/len(paras[0]))
	lines[n/2] = jsonlLine{fmt.Sprintf(`{"id":"long","text":%s,"ref":"2021-11-12"}`, q(long)), `"long"`, false}
	return lines
}

func joinLines(lines []jsonlLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.line)
		b.WriteByte('\n')
	}
	return b.String()
}

// checkJSONL checks that out has exactly one line per input line, in order,
// with the expected id, and that error lines are exactly
// {"id":...,"error":"arnews: line N: ..."}.
func checkJSONL(t *testing.T, in []jsonlLine, out string) {
	t.Helper()
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasSuffix(out, "\n") || len(got) != len(in) {
		t.Fatalf("%d input lines gave %d output lines (want one each, newline-terminated)", len(in), len(got))
	}
	nerr := 0
	for i, g := range got {
		no := i + 1
		var rec struct {
			ID        json.RawMessage `json:"id"`
			Error     *string         `json:"error"`
			Sentences []arnews.Span   `json:"sentences"`
		}
		if err := json.Unmarshal([]byte(g), &rec); err != nil {
			t.Errorf("output line %d is not JSON: %v: %.200s", no, err, g)
			nerr++
			continue
		}
		if string(rec.ID) != in[i].id {
			t.Errorf("output line %d: id %s, want %s (output out of order?)", no, rec.ID, in[i].id)
			nerr++
		}
		if in[i].failure {
			var keys map[string]json.RawMessage
			json.Unmarshal([]byte(g), &keys)
			prefix := fmt.Sprintf("arnews: line %d: ", no)
			if rec.Error == nil || !strings.HasPrefix(*rec.Error, prefix) || len(keys) != 2 || !strings.HasPrefix(g, `{"id":`) {
				t.Errorf("output line %d: got %.200s, want {\"id\":%s,\"error\":\"%s...\"}", no, g, in[i].id, prefix)
				nerr++
			}
		} else if rec.Error != nil || rec.Sentences == nil {
			t.Errorf("output line %d: got %.200s, want a Document", no, g)
			nerr++
		}
		if nerr > 10 {
			t.Fatal("too many errors")
		}
	}
}

func TestJSONL(t *testing.T) {
	in := testLines(t, 10_000)
	stdin := joinLines(in)
	var outs []string
	for _, j := range []string{"1", "8"} {
		t.Run("j="+j, func(t *testing.T) {
			code, out, errOut := runCLI(t, stdin, "-jsonl", "-j", j, "-ref", "2021-11-12")
			if code != 1 {
				t.Errorf("exit status %d, want 1 (some lines are bad); stderr %q", code, errOut)
			}
			if errOut != "" {
				t.Errorf("stderr %q, want nothing: errors go on the output lines", errOut)
			}
			checkJSONL(t, in, out)
			outs = append(outs, out)
		})
	}
	if len(outs) == 2 && outs[0] != outs[1] {
		t.Errorf("-j 1 and -j 8 give different output")
	}
}

func TestJSONLAllGood(t *testing.T) {
	var in []jsonlLine
	for _, l := range testLines(t, 200) {
		if !l.failure {
			in = append(in, l)
		}
	}
	code, out, errOut := runCLI(t, joinLines(in), "-jsonl", "-ref", "2021-11-12")
	if code != 0 || errOut != "" {
		t.Errorf("exit status %d, stderr %q; want 0 and nothing", code, errOut)
	}
	checkJSONL(t, in, out)
	// No trailing newline on the last line.
	code, out2, _ := runCLI(t, strings.TrimSuffix(joinLines(in), "\n"), "-jsonl", "-ref", "2021-11-12")
	if code != 0 || out2 != out {
		t.Errorf("without the final newline: exit status %d, output differs: %v", code, out2 != out)
	}
	// Empty input: no output.
	if code, out, _ := runCLI(t, "", "-jsonl"); code != 0 || out != "" {
		t.Errorf("empty input: exit status %d, output %q; want 0 and nothing", code, out)
	}
}

func TestPlainArticle(t *testing.T) {
	art, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(art)
	code, out, errOut := runCLI(t, "", "-ref", "2021-11-12", articlePath)
	if code != 0 || errOut != "" {
		t.Fatalf("exit status %d, stderr %q", code, errOut)
	}
	// Decoded field by field rather than into an arnews.Document, so that
	// this test checks the output and not Document.UnmarshalJSON.
	var doc struct {
		Ref       string
		Sentences []arnews.Span
		Dates     []arnews.Mention
		Entities  []struct {
			ID       string
			Mentions []arnews.Mention
		}
		Agreements []struct {
			arnews.Mention
			Mentions []arnews.Mention
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not a Document: %v", err)
	}
	if got := doc.Ref; got != "2021-11-12" {
		t.Errorf("ref %s, want 2021-11-12", got)
	}
	if len(doc.Sentences) != 12 {
		t.Errorf("%d sentences, want 12", len(doc.Sentences))
	}
	onBoundary := func(p int) bool { return p == len(text) || utf8.RuneStart(text[p]) }
	checkSpan := func(what string, sp arnews.Span, want string, hasText bool) {
		t.Helper()
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			t.Errorf("%s: span [%d,%d) empty or out of bounds (%d bytes)", what, sp.Start, sp.End, len(text))
			return
		}
		if !onBoundary(sp.Start) || !onBoundary(sp.End) {
			t.Errorf("%s: span [%d,%d) not on rune boundaries", what, sp.Start, sp.End)
		}
		if hasText && text[sp.Start:sp.End] != want {
			t.Errorf("%s: text %q, text[%d:%d] = %q", what, want, sp.Start, sp.End, text[sp.Start:sp.End])
		}
	}
	for i, s := range doc.Sentences {
		checkSpan(fmt.Sprintf("sentence %d", i), s, "", false)
	}
	for i, d := range doc.Dates {
		checkSpan(fmt.Sprintf("date %d", i), d.Span, d.Text, true)
	}
	for i, a := range doc.Agreements {
		checkSpan(fmt.Sprintf("agreement %d", i), a.Span, a.Text, true)
		for j, m := range a.Mentions {
			checkSpan(fmt.Sprintf("agreement %d mention %d", i, j), m.Span, m.Text, true)
		}
	}
	for _, e := range doc.Entities {
		for j, m := range e.Mentions {
			checkSpan(fmt.Sprintf("entity %s mention %d", e.ID, j), m.Span, m.Text, true)
		}
	}
	// Standard input gives the same output as the file.
	code, out2, _ := runCLI(t, text, "-ref", "2021-11-12")
	if code != 0 || out2 != out {
		t.Errorf("from stdin: exit status %d, output differs from the file's: %v", code, out2 != out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"bad flag", []string{"-nope"}},
		{"bad flag jsonl", []string{"-jsonl", "-x"}},
		{"missing file", []string{filepath.Join(dir, "missing.txt")}},
		{"directory", []string{dir}},
		{"missing file jsonl", []string{"-jsonl", filepath.Join(dir, "missing.jsonl")}},
		{"malformed ref", []string{"-ref", "12/11/2021"}},
		{"impossible ref", []string{"-ref", "2021-02-30"}},
		{"zero workers", []string{"-jsonl", "-j", "0"}},
		{"normalize bad flag", []string{"normalize", "-nope"}},
		{"normalize bad form", []string{"normalize", "-form", "alef,bogus"}},
		{"normalize missing file", []string{"normalize", filepath.Join(dir, "missing.txt")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "قطر", tc.args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if !strings.HasPrefix(errOut, "arnews: ") || strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
				t.Errorf("stderr %q, want one line starting \"arnews: \"", errOut)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

func TestNormalizeCommand(t *testing.T) {
	const in = "سُؤالٌ، «مهم»  جداً في مدرسة على ٢٠٢١٫٥ ﻷن إِسلام\n"
	for _, tc := range []struct {
		name string
		args []string
		in   string
		want string
	}{
		{"default", nil, in, "سؤال، «مهم»  جدا في مدرسه علي 2021.5 لان اسلام\n"},
		{"search", []string{"-form", "search"}, in, "سؤال، «مهم»  جدا في مدرسه علي 2021.5 لان اسلام\n"},
		{"all", []string{"-form", "all"}, in, "سوال, \"مهم\" جدا في مدرسه علي 2021.5 لان اسلام\n"},
		{"two steps", []string{"-form", "diacritics, alef"}, in, "سؤال، «مهم»  جدا في مدرسة على ٢٠٢١٫٥ ﻷن اسلام\n"},
		{"empty", nil, "", ""},
		{"invalid UTF-8", []string{"-form", "all"}, "قطر\xff", "قطر\uFFFD"},
		{"tatweel and marks", nil, "الـــقُـــدْس", "القدس"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.in, append([]string{"normalize"}, tc.args...)...)
			if code != 0 || errOut != "" {
				t.Errorf("exit status %d, stderr %q", code, errOut)
			}
			if out != tc.want {
				t.Errorf("got %+q, want %+q", out, tc.want)
			}
		})
	}
	// A file gives the same as standard input.
	art, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	_, fromFile, _ := runCLI(t, "", "normalize", "-form", "all", articlePath)
	_, fromStdin, _ := runCLI(t, string(art), "normalize", "-form", "all")
	if fromFile != fromStdin || fromFile == "" {
		t.Errorf("normalize of the article: file and stdin differ or are empty")
	}
	if got := arnews.NewNormalizer(arnews.All).String(string(art)); got != fromFile {
		t.Errorf("normalize -form all differs from NewNormalizer(All).String")
	}
}
