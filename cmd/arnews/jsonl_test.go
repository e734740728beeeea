package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Lines of the -jsonl tests.
const (
	signedLine = `{"id":1,"text":"وقعت قطر وتركيا اتفاقية للتعاون الاقتصادي","ref":"2021-11-12"}`
	statedLine = `{"id":2,"text":"الدوحة 12 نوفمبر 2021 (قنا) - وقعت قطر وتركيا أمس اتفاقية للتعاون"}`
	plainLine  = `{"id":3,"text":"قال المتحدث إن الجو جميل"}`
)

// shapes reduces output to one short line per output line: "ID doc REF
// REF_FROM", "ID agreement KIND", or "ID error MESSAGE", after "FILE " when
// the line has a "file", and without "ID" when it has no "id". It fails the
// test when a line is not one JSON object that starts with "id" or "file".
func shapes(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, l := range strings.SplitAfter(out, "\n") {
		if l == "" {
			continue
		}
		var m map[string]json.RawMessage
		err := json.Unmarshal([]byte(l), &m)
		if err != nil || !strings.HasPrefix(l, `{"id":`) && !strings.HasPrefix(l, `{"file":`) || !strings.HasSuffix(l, "}\n") {
			t.Fatalf("output line %q: not one JSON object that starts with \"id\" or \"file\" (%v)", l, err)
		}
		str := func(key string) string {
			var s string
			json.Unmarshal(m[key], &s)
			return s
		}
		s := string(m["id"])
		if m["file"] != nil {
			s = strings.TrimSpace(filepath.Base(str("file")) + " " + s)
		}
		switch {
		case m["error"] != nil:
			s += " error " + str("error")
		case m["sentences"] != nil:
			s += fmt.Sprintf(" doc %s %s", str("ref"), str("ref_from"))
		case m["kind"] != nil:
			s += " agreement " + str("kind")
		}
		got = append(got, strings.TrimSpace(s))
	}
	return got
}

// throughput matches the throughput at the end of the summary, which
// depends on the size of the input.
var throughput = regexp.MustCompile(`: [0-9.]+ lines/s, [0-9.]+ (B|KiB|MiB)/s\n`)

// refWarn is the warning for line N without a reference date.
func refWarn(where string) string {
	return "arnews: warning: " + where + ` has no "ref" and -ref is not set: ` + refWarning + "\n"
}

// recordCase is a case of the -jsonl table tests: input lines and what
// they give.
type recordCase struct {
	name   string
	args   []string // after -jsonl
	in     string
	want   []string // shapes of the output lines
	stderr string   // with the throughput cut
	code   int
}

// checkRecords runs arnews -jsonl on each case.
func checkRecords(t *testing.T, cases []recordCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.in, append([]string{"-jsonl"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			for _, l := range strings.SplitAfter(out, "\n") {
				if l != "" && !strings.HasPrefix(l, `{"id":`) {
					t.Errorf("output line %.60q does not start with the id", l)
				}
			}
			if diff := cmp.Diff(tc.want, shapes(t, out)); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			got := throughput.ReplaceAllString(errOut, "")
			if tc.code != exitInput {
				got = strings.TrimSuffix(got, "\n")
			}
			if diff := cmp.Diff(tc.stderr, got); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONLBlankLinesAndBOM checks that blank lines, CR before the line end and a leading byte order mark are skipped, not errors.
func TestJSONLBlankLinesAndBOM(t *testing.T) {
	checkRecords(t, []recordCase{
		{
			name:   "blank lines skipped",
			in:     "\n" + signedLine + "\n   \n\t\r\n" + signedLine + "\n\n",
			want:   []string{"1 doc 2021-11-12 given", "1 doc 2021-11-12 given"},
			stderr: "arnews: 6 lines (4 blank), 2 documents, 0 errors in 1s",
		},
		{
			name:   "CRLF line ends",
			in:     signedLine + "\r\n" + signedLine + "\r\n",
			want:   []string{"1 doc 2021-11-12 given", "1 doc 2021-11-12 given"},
			stderr: "arnews: 2 lines, 2 documents, 0 errors in 1s",
		},
		{
			name:   "byte order mark skipped",
			in:     "\uFEFF" + signedLine + "\n",
			want:   []string{"1 doc 2021-11-12 given"},
			stderr: "arnews: 1 line, 1 document, 0 errors in 1s",
		},
		{
			name:   "empty input",
			in:     "",
			stderr: "arnews: 0 lines, 0 documents, 0 errors in 1s",
		},
	})
}

// TestJSONLNotJSONLines checks that a first line that is not a JSON object stops the run with one message; a later one is an error record.
func TestJSONLNotJSONLines(t *testing.T) {
	checkRecords(t, []recordCase{
		{
			name:   "byte order mark, then text",
			in:     "\uFEFFأبرمت الولايات المتحدة وقطر اتفاقا\n",
			stderr: "arnews: line 1 is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)\n",
			code:   exitInput,
		},
		{
			name:   "first line not JSON: one message",
			in:     "أبرمت الولايات المتحدة وقطر اتفاقا\nووقع وزير الخارجية\n" + signedLine + "\n",
			stderr: "arnews: line 1 is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)\n",
			code:   exitInput,
		},
		{
			name:   "first line not blank is line 3",
			in:     "\n \n[" + signedLine + "]\n",
			stderr: "arnews: line 3 is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)\n",
			code:   exitInput,
		},
		{
			name:   "pretty-printed JSON",
			in:     "{\n  \"id\": 1,\n  \"text\": \"قطر\"\n}\n",
			stderr: "arnews: line 1 is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)\n",
			code:   exitInput,
		},
		{
			name: "later lines that are not JSON: error records",
			in:   signedLine + "\nقطر\n{\"id\":7,\"text\":\"قطر\"\n{\"id\":8 \"text\":\"قطر\"}\n" + signedLine + "\n",
			want: []string{"1 doc 2021-11-12 given",
				`null error arnews: line 2: not valid JSON at byte 1: unexpected 'ق'`,
				`null error arnews: line 3: not valid JSON: the line ends before the JSON object does`,
				`null error arnews: line 4: not valid JSON at byte 9: invalid character '"' after object key:value pair`,
				"1 doc 2021-11-12 given"},
			stderr: "arnews: line 2: not valid JSON at byte 1: unexpected 'ق'\n" +
				"arnews: line 3: not valid JSON: the line ends before the JSON object does\n" +
				`arnews: line 4: not valid JSON at byte 9: invalid character '"' after object key:value pair` + "\n" +
				"arnews: 5 lines, 2 documents, 3 errors in 1s",
			code: exitFailed,
		},
	})
}

// TestJSONLMessages checks that error records and the summary say what is wrong in the terms of the input, and the summary lists the first few.
func TestJSONLMessages(t *testing.T) {
	bad := func(n int) string { return strings.Repeat(`{"id":9,"text":9}`+"\n", n) }
	// badMsgs returns the messages of n lines from bad, from line from on.
	badMsgs := func(from, n int, prefix string) []string {
		var msgs []string
		for i := range n {
			msgs = append(msgs, fmt.Sprintf(`%sarnews: line %d: "text" must be a string, not a number`, prefix, from+i))
		}
		return msgs
	}
	checkRecords(t, []recordCase{
		{
			name: "messages in the terms of the input",
			args: []string{"-ref", "2021-11-12"},
			in: signedLine + "\n" + `{"id":2,"text":42}` + "\n" + `{"id":3,"text":null}` + "\n" + `{"id":4,"text":["قطر"]}` + "\n" +
				`{"id":5}` + "\n" + `{"id":6,"text":"قطر","ref":20211112}` + "\n" + `{"id":7,"text":"قطر","ref":"12/11/2021"}` + "\n" +
				`"قطر"` + "\n" + `42` + "\n" + "{\"id\":\"a\",\"text\":\"قطر \xff\"}\n" + `{"id":{"n":11},"text":"قطر","ref":""}` + "\n",
			want: []string{"1 doc 2021-11-12 given",
				`2 error arnews: line 2: "text" must be a string, not a number`,
				`3 error arnews: line 3: "text" must be a string, not null`,
				`4 error arnews: line 4: "text" must be a string, not an array`,
				`5 error arnews: line 5: missing "text"`,
				`6 error arnews: line 6: "ref" must be a string "YYYY-MM-DD", not a number`,
				`7 error arnews: line 7: "ref" "12/11/2021" is not a date YYYY-MM-DD`,
				`null error arnews: line 8: want a JSON object {"id":…,"text":"…"}, not a string`,
				`null error arnews: line 9: want a JSON object {"id":…,"text":"…"}, not a number`,
				`"a" error arnews: line 10: not valid UTF-8 (at byte 25)`,
				`{"n":11} doc 2021-11-12 given`},
			stderr: `arnews: line 2: "text" must be a string, not a number` + "\n" +
				`arnews: line 3: "text" must be a string, not null` + "\n" +
				`arnews: line 4: "text" must be a string, not an array` + "\n" +
				`arnews: line 5: missing "text"` + "\n" +
				`arnews: line 6: "ref" must be a string "YYYY-MM-DD", not a number` + "\n" +
				`arnews: line 7: "ref" "12/11/2021" is not a date YYYY-MM-DD` + "\n" +
				`arnews: line 8: want a JSON object {"id":…,"text":"…"}, not a string` + "\n" +
				`arnews: line 9: want a JSON object {"id":…,"text":"…"}, not a number` + "\n" +
				`arnews: line 10: not valid UTF-8 (at byte 25)` + "\n" +
				"arnews: 11 lines, 2 documents, 9 errors in 1s",
			code: exitFailed,
		},
		{
			name: "more errors than listed",
			args: []string{"-ref", "2021-11-12"},
			in:   signedLine + "\n" + bad(12),
			want: append([]string{"1 doc 2021-11-12 given"}, badMsgs(2, 12, "9 error ")...),
			stderr: strings.Join(badMsgs(2, 10, ""), "\n") + "\n" +
				"arnews: and 2 more errors; each has an error record in the output\n" +
				"arnews: 13 lines, 1 document, 12 errors in 1s",
			code: exitFailed,
		},
	})
}

// TestJSONLAgreements checks that -agreements in -jsonl writes one line per agreement, with the id.
func TestJSONLAgreements(t *testing.T) {
	checkRecords(t, []recordCase{
		{
			name: "-agreements: one line per agreement, with the id",
			args: []string{"-agreements", "-ref", "2021-11-12"},
			in:   signedLine + "\n" + plainLine + "\n" + `{"id":4,"text":4}` + "\n" + statedLine + "\n",
			want: []string{"1 agreement agreement", `4 error arnews: line 3: "text" must be a string, not a number`, "2 agreement agreement"},
			stderr: `arnews: line 3: "text" must be a string, not a number` + "\n" +
				"arnews: 4 lines, 3 documents, 2 agreements, 1 error in 1s",
			code: exitFailed,
		},
	})
}

// TestJSONLMaxLine checks that a line longer than -max-line is an error record in its place, and the run goes on.
func TestJSONLMaxLine(t *testing.T) {
	checkRecords(t, []recordCase{
		{
			name: "-max-line: a longer line is an error record in its place",
			args: []string{"-max-line", fmt.Sprint(len(signedLine)), "-ref", "2021-11-12"},
			in:   signedLine + "\n" + `{"id":"long","text":"` + strings.Repeat("قطر ", 40) + `"}` + "\n" + signedLine + "\n",
			want: []string{"1 doc 2021-11-12 given",
				fmt.Sprintf(`"long" error arnews: line 2: longer than %d bytes (see -max-line)`, len(signedLine)),
				"1 doc 2021-11-12 given"},
			stderr: fmt.Sprintf("arnews: line 2: longer than %d bytes (see -max-line)\narnews: 3 lines, 2 documents, 1 error in 1s", len(signedLine)),
			code:   exitFailed,
		},
		{
			name:   "-max-line: one byte short",
			args:   []string{"-max-line", fmt.Sprint(len(signedLine) - 1), "-ref", "2021-11-12"},
			in:     signedLine + "\n" + strings.Replace(signedLine, `"id":1,`, "", 1) + "\n",
			want:   []string{fmt.Sprintf("1 error arnews: line 1: longer than %d bytes (see -max-line)", len(signedLine)-1), "null doc 2021-11-12 given"},
			stderr: fmt.Sprintf("arnews: line 1: longer than %d bytes (see -max-line)\narnews: 2 lines, 1 document, 1 error in 1s", len(signedLine)-1),
			code:   exitFailed,
		},
	})
}

// TestJSONLRefWarning checks that arnews warns once when a line has no reference date.
func TestJSONLRefWarning(t *testing.T) {
	checkRecords(t, []recordCase{
		{
			name:   "no -ref: one warning, at the first line without ref",
			in:     signedLine + "\n" + statedLine + "\n" + plainLine + "\n",
			want:   []string{"1 doc 2021-11-12 given", "2 doc 2021-11-12 text", "3 doc"},
			stderr: refWarn("line 2") + "arnews: 3 lines, 3 documents, 0 errors in 1s",
		},
		{
			name:   "-ref: no warning; the line's ref first",
			args:   []string{"-ref", "2020-01-01"},
			in:     signedLine + "\n" + statedLine + "\n" + plainLine + "\n",
			want:   []string{"1 doc 2021-11-12 given", "2 doc 2020-01-01 given", "3 doc 2020-01-01 given"},
			stderr: "arnews: 3 lines, 3 documents, 0 errors in 1s",
		},
	})
}

// writeFiles writes the named files into a new folder and returns their
// paths.
func writeFiles(t *testing.T, files ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := 0; i < len(files); i += 2 {
		p := filepath.Join(dir, files[i])
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// fileCase is a case of the tests of several inputs.
type fileCase struct {
	name   string
	args   []string
	stdin  string
	want   []string // shapes of the output lines
	stderr string   // with the throughput cut
	code   int
}

// checkFileCases runs arnews on each case.
func checkFileCases(t *testing.T, cases []fileCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			if diff := cmp.Diff(tc.want, shapes(t, out)); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.stderr, throughput.ReplaceAllString(errOut, "\n")); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSeveralFiles(t *testing.T) {
	jsonl := writeFiles(t, "a.jsonl", signedLine+"\n"+plainLine+"\n", "b.jsonl", "\uFEFF"+`{"id":5,"text":5}`+"\n"+signedLine+"\n",
		"c.txt", "قطر\n")
	checkFileCases(t, []fileCase{
		{
			name: "jsonl: each line with its file",
			args: []string{"-jsonl", "-ref", "2021-11-12", jsonl[0], jsonl[1]},
			want: []string{"a.jsonl 1 doc 2021-11-12 given", "a.jsonl 3 doc 2021-11-12 given",
				`b.jsonl 5 error arnews: ` + jsonl[1] + `: line 1: "text" must be a string, not a number`,
				"b.jsonl 1 doc 2021-11-12 given"},
			stderr: "arnews: " + jsonl[1] + `: line 1: "text" must be a string, not a number` + "\n" +
				"arnews: 2 files, 4 lines, 3 documents, 1 error in 1s\n",
			code: exitFailed,
		},
		{
			name:   "jsonl: one file, no file field",
			args:   []string{"-jsonl", "-ref", "2021-11-12", jsonl[0]},
			want:   []string{"1 doc 2021-11-12 given", "3 doc 2021-11-12 given"},
			stderr: "arnews: 2 lines, 2 documents, 0 errors in 1s\n",
		},
		{
			name:   "jsonl: standard input among files",
			args:   []string{"-jsonl", "-agreements", "-ref", "2021-11-12", "-", jsonl[0]},
			stdin:  statedLine + "\n",
			want:   []string{"- 2 agreement agreement", "a.jsonl 1 agreement agreement"},
			stderr: "arnews: 2 files, 3 lines, 3 documents, 2 agreements, 0 errors in 1s\n",
		},
		{
			name: "jsonl: a text file after JSON Lines stops the run, after the summary",
			args: []string{"-jsonl", "-ref", "2021-11-12", jsonl[0], jsonl[2], jsonl[1]},
			want: []string{"a.jsonl 1 doc 2021-11-12 given", "a.jsonl 3 doc 2021-11-12 given"},
			stderr: "arnews: 3 files, 2 lines, 2 documents, 0 errors in 1s\n" +
				"arnews: " + jsonl[2] + ": line 1 is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)\n",
			code: exitInput,
		},
	})
}

// TestSeveralTextAgreements checks the agreements of several texts: each
// with its "file", and one warning without -ref.
func TestSeveralTextAgreements(t *testing.T) {
	texts := writeFiles(t, "qatar.txt", "وقعت قطر وتركيا اتفاقية للتعاون الاقتصادي", "none.txt", "قال المتحدث إن الجو جميل")
	checkFileCases(t, []fileCase{
		{
			name: "text: each agreement with its file",
			args: []string{"-agreements", "-ref", "2021-11-12", texts[0], texts[1], texts[0]},
			want: []string{"qatar.txt agreement agreement", "qatar.txt agreement agreement"},
		},
		{
			name:   "text: one warning without -ref",
			args:   []string{"-agreements", texts[0], texts[1]},
			want:   []string{"qatar.txt agreement agreement"},
			stderr: "arnews: warning: no -ref: " + refWarning + "\n",
		},
	})
}

// TestSeveralTexts checks that the Documents of several texts each start
// with their "file", and that one text has none.
func TestSeveralTexts(t *testing.T) {
	texts := writeFiles(t, "qatar.txt", "وقعت قطر وتركيا اتفاقية للتعاون الاقتصادي", "none.txt", "قال المتحدث إن الجو جميل")
	code, out, errOut := runCLI(t, "", append([]string{"-ref", "2021-11-12"}, texts...)...)
	if code != 0 || errOut != "" {
		t.Errorf("exit status %d, stderr %q", code, errOut)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	for i := 0; dec.More(); i++ {
		var doc struct {
			File       string
			Agreements []json.RawMessage
		}
		if err := dec.Decode(&doc); err != nil || i >= len(texts) || doc.File != texts[i] {
			t.Fatalf("Document %d: file %q (want %q), %v", i, doc.File, texts[min(i, len(texts)-1)], err)
		}
	}
	if !strings.HasPrefix(out, "{\n  \"file\": ") {
		t.Errorf("output starts %.40q, want the file first", out)
	}
	_, out, _ = runCLI(t, "", "-ref", "2021-11-12", texts[0])
	if strings.Contains(out, `"file"`) {
		t.Errorf("one text: the Document has a \"file\"")
	}
}

func TestHelp(t *testing.T) {
	main := []string{"usage: arnews", "arnews help [normalize | eval]", "JSON Lines (-jsonl)", "Exit status:",
		"  0  success", "  1  -jsonl: some lines failed", "  2  usage error", "  3  an input cannot be read",
		"-max-line SIZE", "(default 64MiB)", "-progress", "-ref YYYY-MM-DD", "\"file\"", "Blank lines are skipped",
		"byte order mark", "never reads the clock"}
	normalize := []string{"usage: arnews normalize", "-form steps", "Exit status"}
	eval := []string{"usage: arnews eval", "-conll FILE"}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-h"}, main},
		{[]string{"-help"}, main},
		{[]string{"-jsonl", "-h"}, main},
		{[]string{"help"}, main},
		{[]string{"help", "help"}, main},
		{[]string{"help", "normalize"}, normalize},
		{[]string{"normalize", "-h"}, normalize},
		{[]string{"help", "eval"}, eval},
		{[]string{"eval", "-h"}, eval},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tc.args...)
			if code != exitOK || errOut != "" {
				t.Errorf("exit status %d, stderr %q; want 0 and nothing", code, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("help does not mention %q", w)
				}
			}
		})
	}
}

func TestProgress(t *testing.T) {
	in := signedLine + "\n" + signedLine + "\n"
	n := len(signedLine) + 1
	// The stepping clock is read at the start, when the progress writer is
	// made, after each record, and at the end.
	line1 := fmt.Sprintf("arnews: 1 line, 1 document, 0 errors, %d B in 2s", n)
	line2 := fmt.Sprintf("arnews: 2 lines, 2 documents, 0 errors, %d B in 3s", 2*n)
	summary := fmt.Sprintf("arnews: 2 lines, 2 documents, 0 errors in 4s: 0.5 lines/s, %s/s\n", bytesize(float64(2*n)/4))
	for _, tc := range []struct {
		name     string
		terminal bool
		args     []string
		want     string
	}{
		{"not a terminal", false, nil, fmt.Sprintf("arnews: 2 lines, 2 documents, 0 errors in 1s: 2.0 lines/s, %d B/s\n", 2*n)},
		{"-progress", false, []string{"-progress"}, line1 + "\n" + line2 + "\n" + summary},
		{"terminal", true, nil, "\r" + line1 + "\x1b[K\r" + line2 + "\x1b[K\r\x1b[K" + summary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			c := &cli{stdin: strings.NewReader(in), stdout: &out, stderr: &errOut, now: steppingClock(), terminal: tc.terminal, every: time.Second}
			code := c.main(append([]string{"-jsonl", "-ref", "2021-11-12", "-j", "1"}, tc.args...))
			if code != 0 {
				t.Errorf("exit status %d", code)
			}
			if diff := cmp.Diff(tc.want, errOut.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
	// The warning clears the progress line first.
	var errOut bytes.Buffer
	c := &cli{stdin: strings.NewReader(in + plainLine + "\n"), stdout: io.Discard, stderr: &errOut, now: steppingClock(), terminal: true, every: time.Second}
	c.main([]string{"-jsonl", "-j", "1"})
	if want := "\x1b[K\r\x1b[K" + refWarn("line 3"); !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q: the warning does not clear the progress line", errOut.String())
	}
}

// TestRun checks run, which wires the command to real streams and clock.
func TestRun(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"-jsonl", "-ref", "2021-11-12"}, strings.NewReader(signedLine+"\n"), &out, &errOut)
	summary := regexp.MustCompile(`^arnews: 1 line, 1 document, 0 errors in [0-9.]+m?s: [0-9.]+ lines/s, [0-9.]+ (B|KiB|MiB)/s\n$`)
	if code != 0 || !summary.MatchString(errOut.String()) || !strings.HasPrefix(out.String(), `{"id":1,`) {
		t.Errorf("exit status %d, stdout %.40q, stderr %q", code, out.String(), errOut.String())
	}
}

// failingReader returns its error once r is read through.
type failingReader struct {
	r   io.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if errors.Is(err, io.EOF) {
		return n, f.err
	}
	return n, err
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write(p []byte) (int, error) { return 0, errors.New("no space left on device") }

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestInputOutputErrors(t *testing.T) {
	t.Run("read error", func(t *testing.T) {
		in := &failingReader{strings.NewReader(signedLine + "\n" + signedLine), errors.New("input/output error")}
		code, out, errOut := runCLIFrom(t, in, "-jsonl", "-ref", "2021-11-12")
		want := "arnews: 1 line, 1 document, 0 errors in 1s\narnews: reading line 2: input/output error\n"
		if code != exitInput || len(shapes(t, out)) != 1 || throughput.ReplaceAllString(errOut, "\n") != want {
			t.Errorf("exit status %d, %d output lines, stderr %q; want %d, 1 and %q", code, len(shapes(t, out)), errOut, exitInput, want)
		}
	})
	t.Run("write error stops the reading", func(t *testing.T) {
		in := &countingReader{r: strings.NewReader(strings.Repeat(signedLine+"\n", 20_000))}
		var errOut bytes.Buffer
		c := &cli{stdin: in, stdout: failingWriter{}, stderr: &errOut, now: steppingClock()}
		code := c.main([]string{"-jsonl", "-ref", "2021-11-12", "-j", "2"})
		lines := strings.Split(errOut.String(), "\n")
		if code != exitInput || lines[len(lines)-2] != "arnews: writing the output: no space left on device" {
			t.Errorf("exit status %d, stderr %q", code, errOut.String())
		}
		if in.n > 20_000*len(signedLine)/2 {
			t.Errorf("read %d bytes of %d after the output failed", in.n, 20_000*(len(signedLine)+1))
		}
	})
	t.Run("write error, text", func(t *testing.T) {
		var errOut bytes.Buffer
		c := &cli{stdin: strings.NewReader("قطر"), stdout: failingWriter{}, stderr: &errOut, now: steppingClock()}
		code := c.main([]string{"-ref", "2021-11-12"})
		if code != exitInput || errOut.String() != "arnews: writing the output: no space left on device\n" {
			t.Errorf("exit status %d, stderr %q", code, errOut.String())
		}
	})
}

// patternReader reads n bytes of a repeated pattern.
type patternReader struct {
	pattern string
	n       int64 // left to read
	off     int
}

func (p *patternReader) Read(b []byte) (int, error) {
	if p.n == 0 {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), p.n)]
	for i := range b {
		b[i] = p.pattern[p.off]
		p.off = (p.off + 1) % len(p.pattern)
	}
	p.n -= int64(len(b))
	return len(b), nil
}

// TestLineOver64MiB reads a 70 MB line between two short ones with the
// default -max-line: three records in order, the middle one an error with
// the line's id. The test holds no copy of the long line; the command
// allocates the 64 MiB it reads before it knows the line is too long, once,
// then reads through the rest.
func TestLineOver64MiB(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 70 MB")
	}
	const size = 70_000_000
	head, tail := `{"id":"long","text":"`, `"}`
	in := io.MultiReader(strings.NewReader(signedLine+"\n"), strings.NewReader(head),
		&patternReader{pattern: "وقعت قطر وتركيا اتفاقية ", n: size - int64(len(head)+len(tail))},
		strings.NewReader(tail+"\n"+signedLine+"\n"))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	code, out, errOut := runCLIFrom(t, in, "-jsonl", "-ref", "2021-11-12")
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("70 MB line read in %v, %.1f MiB allocated", elapsed, float64(alloc)/(1<<20))
	if alloc > 96<<20 {
		t.Errorf("%.1f MiB allocated; want the 64 MiB of -max-line and little more", float64(alloc)/(1<<20))
	}
	want := []string{"1 doc 2021-11-12 given", `"long" error arnews: line 2: longer than 67108864 bytes (see -max-line)`, "1 doc 2021-11-12 given"}
	if diff := cmp.Diff(want, shapes(t, out)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if code != exitFailed {
		t.Errorf("exit status %d, want %d", code, exitFailed)
	}
	wantErr := "arnews: line 2: longer than 67108864 bytes (see -max-line)\narnews: 3 lines, 2 documents, 1 error in 1s: 3.0 lines/s, 66.8 MiB/s\n"
	if errOut != wantErr {
		t.Errorf("stderr %q, want %q", errOut, wantErr)
	}
}

func TestLineReader(t *testing.T) {
	const buf = 64 << 10 // the bufio.Reader's size
	long := func(n int) string { return strings.Repeat("x", n) }
	for _, tc := range []struct {
		name string
		in   string
		max  int
		want []string // lines; "LONG n" for an overlong line of n bytes with its end
	}{
		{"empty", "", 10, nil},
		{"one newline", "\n", 10, []string{""}},
		{"no final newline", "ab\ncd", 10, []string{"ab", "cd"}},
		{"at the limit", "abc\nabcd\n", 3, []string{"abc", "LONG 5"}},
		{"CR kept for the caller", "ab\r\n", 3, []string{"ab\r"}},
		{"byte order mark", "\uFEFFab\n\uFEFFcd", 5, []string{"ab", "\uFEFFcd"}},
		{"line over the buffer, kept", long(buf+10) + "\nab", buf + 10, []string{long(buf + 10), "ab"}},
		{"line over the buffer, too long", long(buf+10) + "\nab", buf + 9, []string{fmt.Sprintf("LONG %d", buf+11), "ab"}},
		{"lines of three buffers, the last without end", long(3*buf) + "\n" + long(3*buf), 3 * buf, []string{long(3 * buf), long(3 * buf)}},
		{"long line at the end without newline", "ab\n" + long(2*buf), buf, []string{"ab", fmt.Sprintf("LONG %d", 2*buf)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lr := newLineReader(strings.NewReader(tc.in), tc.max)
			var got []string
			for {
				line, n, isLong, err := lr.next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if isLong {
					if len(line) > headSize || !strings.Contains(tc.in, string(line)) {
						t.Errorf("overlong line: head of %d bytes %.20q", len(line), line)
					}
					got = append(got, fmt.Sprintf("LONG %d", n))
					continue
				}
				got = append(got, string(line))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIDFromHead(t *testing.T) {
	for _, tc := range []struct{ head, want string }{
		{`{"id":"long","text":"قطر`, `"long"`},
		{`{"ID": [1, 2], "text":"قطر`, `[1, 2]`},
		{`{"ref":"2021-11-12","id":7,"text":"قطر`, `7`},
		{`{"text":"قطر قطر","id":7`, `7`},
		{`{"text":"قطر قطر`, ``},
		{`{"id":"lo`, ``},
		{`["id",1]`, ``},
		{``, ``},
	} {
		if got := string(idFromHead([]byte(tc.head))); got != tc.want {
			t.Errorf("idFromHead(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

func TestByteSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64 // 0 for an error
		str  string
	}{
		{"1", 1, "1"},
		{"1048576", 1 << 20, "1MiB"},
		{"1536", 1536, "1536"},
		{"64MiB", 64 << 20, "64MiB"},
		{"64M", 64 << 20, "64MiB"},
		{"64 MB", 64 << 20, "64MiB"},
		{"512KiB", 512 << 10, "512KiB"},
		{"2GiB", 2 << 30, "2GiB"},
		{"1024GiB", 1 << 40, "1024GiB"},
		{"1025GiB", 0, ""},
		{"0", 0, ""},
		{"-1", 0, ""},
		{"MiB", 0, ""},
		{"1.5MiB", 0, ""},
		{"64MiBMiB", 0, ""},
	} {
		var s byteSize
		err := s.Set(tc.in)
		switch {
		case tc.want == 0 && err == nil:
			t.Errorf("Set(%q) = %d, want an error", tc.in, s)
		case tc.want != 0 && (err != nil || int64(s) != tc.want || s.String() != tc.str):
			t.Errorf("Set(%q) = %d %q, %v; want %d %q", tc.in, s, s.String(), err, tc.want, tc.str)
		}
	}
}
