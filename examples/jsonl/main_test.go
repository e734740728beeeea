package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	signed  = `{"id":1,"text":"وقعت قطر وتركيا اتفاقية للتعاون الاقتصادي أمس","ref":"2021-11-12"}`
	nothing = `{"id":2,"text":"قال المتحدث إن الجو جميل"}`
)

// summarize reduces each output line to "ID: N agreements (SIGNED...)" or
// "ID: error MESSAGE".
func summarize(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		var rec struct {
			ID         json.RawMessage
			Agreements []struct{ Signed struct{ Value string } }
			Error      *string
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		s := string(rec.ID) + ": "
		if rec.Error != nil {
			got = append(got, s+"error "+*rec.Error)
			continue
		}
		if rec.Agreements == nil {
			t.Errorf("output line %q: no \"agreements\" array", l)
		}
		for _, a := range rec.Agreements {
			s += "signed " + a.Signed.Value + " "
		}
		got = append(got, strings.TrimSpace(s))
	}
	return got
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		in     string
		want   []string
		code   int
		stderr string
	}{
		{"good lines", nil, signed + "\n" + nothing + "\n", []string{"1: signed 2021-11-11", "2:"}, 0, ""},
		{"blank lines skipped", []string{"-j", "1"}, "\n" + signed + "\n \r\n" + nothing, []string{"1: signed 2021-11-11", "2:"}, 0, ""},
		{"missing text", nil, signed + "\n" + `{"id":3}` + "\n" + nothing + "\n",
			[]string{"1: signed 2021-11-11", `3: error line 2: missing "text"`, "2:"}, 1, "jsonl: 1 line failed; see its \"error\"\n"},
		{"two lines fail", nil, `{"id":3}` + "\n" + `{"id":4}`, []string{`3: error line 1: missing "text"`, `4: error line 2: missing "text"`}, 1, "jsonl: 2 lines failed; see their \"error\"\n"},
		{"text not a string", nil, `{"id":4,"text":42}`, []string{`4: error line 1: "text" must be a string (got number)`}, 1, "jsonl: 1 line failed; see its \"error\"\n"},
		{"not JSON", nil, "hello\n" + signed, []string{"null: error line 1: not a JSON object: invalid character 'h' looking for beginning of value", "1: signed 2021-11-11"}, 1, "jsonl: 1 line failed; see its \"error\"\n"},
		{"bad ref", nil, `{"id":5,"text":"قطر","ref":"2021-02-30"}`, []string{`5: error line 1: ref "2021-02-30": want YYYY-MM-DD`}, 1, "jsonl: 1 line failed; see its \"error\"\n"},
		{"line too long for the scanner", nil, signed + "\n" + strings.Repeat("x", 64<<20+1) + "\n" + signed, []string{"1: signed 2021-11-11"}, 1, "jsonl: reading the input: bufio.Scanner: token too long\n"},
		{"an argument", []string{"articles.jsonl"}, "", nil, 2, "usage: jsonl [-j N] < articles.jsonl\n"},
		{"zero workers", []string{"-j", "0"}, "", nil, 2, "usage: jsonl [-j N] < articles.jsonl\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.in), &out, &errOut)
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			if diff := cmp.Diff(tc.want, summarize(t, out.String())); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if errOut.String() != tc.stderr {
				t.Errorf("stderr %q, want %q", errOut.String(), tc.stderr)
			}
		})
	}
}
