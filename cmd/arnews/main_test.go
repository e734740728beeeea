package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/arnews/arnews"
)

const articlePath = "../../testdata/qatar-us-protecting-power.txt"

// runCLI runs the command in-process, with a clock that moves one second
// each time it is read, and returns its exit status, standard output and
// standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runCLIFrom(t, strings.NewReader(stdin), args...)
}

// runCLIFrom is runCLI with any standard input.
func runCLIFrom(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &cli{stdin: stdin, stdout: &out, stderr: &errOut, now: steppingClock()}
	code := c.main(args)
	return code, out.String(), errOut.String()
}

// steppingClock returns a clock that starts at 2021-11-12 and moves one
// second each time it is read, so that summaries are the same every run.
func steppingClock() func() time.Time {
	t := time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// jsonlLine is one input line of the -jsonl test and what it must give.
type jsonlLine struct {
	line    string
	id      string // the id expected on the output line, as raw JSON
	failure bool   // an error line is expected
	blank   bool   // no output line is expected
}

// testLines returns n lines mixing good records with every kind of bad
// one: malformed JSON, non-string text, missing ref (good), missing text,
// invalid UTF-8, empty and blank lines (skipped), a bad ref, CRLF, a long
// line. The first line is good.
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
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"text":%s,"ref":"2021-11-12"}`, id, q(text)), id: id, failure: false}
		case 3: // string id, missing ref: good
			id = q(fmt.Sprintf("doc-%d", i))
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"text":%s}`, id, q(text)), id: id, failure: false}
		case 4: // malformed JSON: the id cannot be recovered
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"text":%s`, id, q(text)), id: "null", failure: true}
		case 5: // non-string text
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"text":42}`, id), id: id, failure: true}
		case 6: // missing text
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"ref":"2021-11-12"}`, id), id: id, failure: true}
		case 7: // invalid UTF-8 inside the text
			l = jsonlLine{line: fmt.Sprintf("{\"id\":%s,\"text\":\"قطر \xff\xd8 واشنطن\"}", id), id: id, failure: true}
		case 8: // empty line: skipped
			l = jsonlLine{line: "", blank: true}
		case 9: // bad ref
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"text":%s,"ref":"2021-13-45"}`, id, q(text)), id: id, failure: true}
		case 10: // CRLF line ending, escapes, NUL
			l = jsonlLine{line: fmt.Sprintf(`{"id":%s,"text":"\u0000قطر\n\tواشنطن \ud83d\ude00"}`+"\r", id), id: id, failure: false}
		case 11: // not an object
			l = jsonlLine{line: fmt.Sprintf(`[%s]`, id), id: "null", failure: true}
		case 12: // blank line: skipped
			l = jsonlLine{line: " \t \r", blank: true}
		}
		lines[i] = l
	}
	// One line longer than bufio.Scanner's default 64 KB buffer.
	long := strings.Repeat(paras[0]+" ", 200<<10/len(paras[0]))
	lines[n/2] = jsonlLine{line: fmt.Sprintf(`{"id":"long","text":%s,"ref":"2021-11-12"}`, q(long)), id: `"long"`, failure: false}
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

// checkJSONL checks that out has exactly one line per input line that is
// not blank, in order, with the expected id, and that error lines are
// exactly {"id":...,"error":"arnews: line N: ..."}.
func checkJSONL(t *testing.T, in []jsonlLine, out string) {
	t.Helper()
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var want []int // input line numbers, from 1, that give an output line
	for i, l := range in {
		if !l.blank {
			want = append(want, i+1)
		}
	}
	if !strings.HasSuffix(out, "\n") || len(got) != len(want) {
		t.Fatalf("%d input lines that are not blank gave %d output lines (want one each, newline-terminated)", len(want), len(got))
	}
	nerr := 0
	for i, g := range got {
		no := want[i]
		l := in[no-1]
		var rec struct {
			ID        json.RawMessage `json:"id"`
			Error     *string         `json:"error"`
			Sentences []arnews.Span   `json:"sentences"`
		}
		if err := json.Unmarshal([]byte(g), &rec); err != nil {
			t.Errorf("output line %d is not JSON: %v: %.200s", i+1, err, g)
			nerr++
			continue
		}
		if string(rec.ID) != l.id {
			t.Errorf("output line %d (input line %d): id %s, want %s (output out of order?)", i+1, no, rec.ID, l.id)
			nerr++
		}
		if l.failure {
			var keys map[string]json.RawMessage
			json.Unmarshal([]byte(g), &keys)
			prefix := fmt.Sprintf("arnews: line %d: ", no)
			if rec.Error == nil || !strings.HasPrefix(*rec.Error, prefix) || len(keys) != 2 || !strings.HasPrefix(g, `{"id":`) {
				t.Errorf("output line %d: got %.200s, want {\"id\":%s,\"error\":\"%s...\"}", i+1, g, l.id, prefix)
				nerr++
			}
		} else if rec.Error != nil || rec.Sentences == nil {
			t.Errorf("output line %d: got %.200s, want a Document", i+1, g)
			nerr++
		}
		if nerr > 10 {
			t.Fatal("too many errors")
		}
	}
}

// wantSummary returns the summary line that in gives with the stepping
// clock (one second).
func wantSummary(in []jsonlLine) string {
	var blank, failed int
	var size int
	for _, l := range in {
		size += len(l.line) + 1
		switch {
		case l.blank:
			blank++
		case l.failure:
			failed++
		}
	}
	docs := len(in) - blank - failed
	b := fmt.Sprintf("%d lines", len(in))
	if blank > 0 {
		b += fmt.Sprintf(" (%d blank)", blank)
	}
	return fmt.Sprintf("arnews: %s, %s, %s in 1s: %s lines/s, %s/s\n", b, plural(docs, "document"), plural(failed, "error"),
		rate(float64(len(in))), bytesize(float64(size)))
}

func TestJSONL(t *testing.T) {
	in := testLines(t, 10_000)
	stdin := joinLines(in)
	var outs []string
	for _, j := range []string{"1", "8"} {
		t.Run("j="+j, func(t *testing.T) {
			code, out, errOut := runCLI(t, stdin, "-jsonl", "-j", j, "-ref", "2021-11-12")
			if code != exitFailed {
				t.Errorf("exit status %d, want %d (some lines are bad); stderr %q", code, exitFailed, errOut)
			}
			lines := strings.SplitAfter(errOut, "\n")
			if len(lines) != maxListed+3 || !strings.HasPrefix(lines[0], "arnews: line 5: ") ||
				!strings.HasPrefix(lines[maxListed], "arnews: and ") || lines[maxListed+1] != wantSummary(in) {
				t.Errorf("stderr %q, want the first %d errors, the count of the others and the summary %q", errOut, maxListed, wantSummary(in))
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
		if !l.failure && !l.blank {
			in = append(in, l)
		}
	}
	code, out, errOut := runCLI(t, joinLines(in), "-jsonl", "-ref", "2021-11-12")
	if code != 0 || errOut != wantSummary(in) {
		t.Errorf("exit status %d, stderr %q; want 0 and only the summary %q", code, errOut, wantSummary(in))
	}
	checkJSONL(t, in, out)
	// No trailing newline on the last line.
	code, out2, _ := runCLI(t, strings.TrimSuffix(joinLines(in), "\n"), "-jsonl", "-ref", "2021-11-12")
	if code != 0 || out2 != out {
		t.Errorf("without the final newline: exit status %d, output differs: %v", code, out2 != out)
	}
	// Empty input: no output.
	if code, out, errOut := runCLI(t, "", "-jsonl"); code != 0 || out != "" || errOut != "arnews: 0 lines, 0 documents, 0 errors in 1s: 0.0 lines/s, 0 B/s\n" {
		t.Errorf("empty input: exit status %d, output %q, stderr %q; want 0, nothing and an empty summary", code, out, errOut)
	}
}

// checkSpan checks that the span of m is in text, not empty, on rune
// boundaries, and that its text, unless "", is text[Start:End].
func checkSpan(t *testing.T, text, what string, m arnews.Mention) {
	t.Helper()
	sp := m.Span
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		t.Errorf("%s: span [%d,%d) empty or out of bounds (%d bytes)", what, sp.Start, sp.End, len(text))
		return
	}
	onBoundary := func(p int) bool { return p == len(text) || utf8.RuneStart(text[p]) }
	if !onBoundary(sp.Start) || !onBoundary(sp.End) {
		t.Errorf("%s: span [%d,%d) not on rune boundaries", what, sp.Start, sp.End)
	}
	if m.Text != "" && text[sp.Start:sp.End] != m.Text {
		t.Errorf("%s: text %q, text[%d:%d] = %q", what, m.Text, sp.Start, sp.End, text[sp.Start:sp.End])
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
	for i, s := range doc.Sentences {
		checkSpan(t, text, fmt.Sprintf("sentence %d", i), arnews.Mention{Span: s})
	}
	for i, d := range doc.Dates {
		checkSpan(t, text, fmt.Sprintf("date %d", i), d)
	}
	for i, a := range doc.Agreements {
		checkSpan(t, text, fmt.Sprintf("agreement %d", i), a.Mention)
		for j, m := range a.Mentions {
			checkSpan(t, text, fmt.Sprintf("agreement %d mention %d", i, j), m)
		}
	}
	for _, e := range doc.Entities {
		for j, m := range e.Mentions {
			checkSpan(t, text, fmt.Sprintf("entity %s mention %d", e.ID, j), m)
		}
	}
	// Standard input gives the same output as the file.
	code, out2, _ := runCLI(t, text, "-ref", "2021-11-12")
	if code != 0 || out2 != out {
		t.Errorf("from stdin: exit status %d, output differs from the file's: %v", code, out2 != out)
	}
}

// TestErrorStatus checks the errors that stop arnews before it writes
// anything: one line on standard error, and the exit status of its kind.
func TestErrorStatus(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // the message, after "arnews: "
	}{
		{"bad flag", []string{"-nope"}, exitUsage, "flag provided but not defined: -nope (see arnews -h)"},
		{"bad flag jsonl", []string{"-jsonl", "-x"}, exitUsage, "flag provided but not defined: -x (see arnews -h)"},
		{"malformed ref", []string{"-ref", "12/11/2021"}, exitUsage, `-ref "12/11/2021": want a date YYYY-MM-DD`},
		{"impossible ref", []string{"-ref", "2021-02-30"}, exitUsage, `-ref "2021-02-30": want a date YYYY-MM-DD`},
		{"zero workers", []string{"-jsonl", "-j", "0"}, exitUsage, "-j 0: want at least 1"},
		{"bad max-line", []string{"-jsonl", "-max-line", "64 MB?"}, exitUsage, `invalid value "64 MB?" for flag -max-line: want a size such as 1048576, 512KiB or 64MiB, at least 1 byte and at most 1024GiB (see arnews -h)`},
		{"zero max-line", []string{"-jsonl", "-max-line", "0"}, exitUsage, `invalid value "0" for flag -max-line: want a size such as 1048576, 512KiB or 64MiB, at least 1 byte and at most 1024GiB (see arnews -h)`},
		{"help of an unknown subcommand", []string{"help", "extract"}, exitUsage, `help: unknown subcommand "extract" (want normalize or eval)`},
		{"help of two subcommands", []string{"help", "eval", "normalize"}, exitUsage, "help: want at most one subcommand"},
		{"normalize bad flag", []string{"normalize", "-nope"}, exitUsage, "flag provided but not defined: -nope (see arnews normalize -h)"},
		{"normalize bad form", []string{"normalize", "-form", "alef,bogus"}, exitUsage, `-form: unknown step "bogus" (want alef,all,diacritics,digits,hamza,invisible,persian,presentation,punctuation,search,spaces,tatweel,teh-marbuta,ya)`},
		{"missing file", []string{filepath.Join(dir, "missing.txt")}, exitInput, filepath.Join(dir, "missing.txt") + ": no such file or directory"},
		{"folder", []string{dir}, exitInput, dir + ": is a folder, not a file"},
		{"missing file jsonl", []string{"-jsonl", articlePath, filepath.Join(dir, "missing.jsonl")}, exitInput, filepath.Join(dir, "missing.jsonl") + ": no such file or directory"},
		{"normalize missing file", []string{"normalize", filepath.Join(dir, "missing.txt")}, exitInput, filepath.Join(dir, "missing.txt") + ": no such file or directory"},
		{"text given to -jsonl", []string{"-jsonl", articlePath}, exitInput, articlePath + ": line 1 is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "قطر", tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			if want := "arnews: " + tc.want + "\n"; errOut != want {
				t.Errorf("stderr %q, want %q", errOut, want)
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
