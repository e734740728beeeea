package eval

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

// Declined is a Recognizers case kept out of the figure: one whose Arabic
// keeps a meaning of the English it was translated from, or whose expected
// value does not belong to its text.
type Declined struct {
	File   string // spec file, such as DateParser.json
	Input  string // the case's Input, compared without surrounding spaces
	Reason string
	Line   int // line of the list, for messages
}

//go:embed recognizers-declined.tsv
var builtinDeclined string

// BuiltinDeclined returns the list of declined cases that ships with this
// package (recognizers-declined.tsv), the one arnews eval uses by default.
func BuiltinDeclined() ([]Declined, error) {
	return ReadDeclined(strings.NewReader(builtinDeclined), "recognizers-declined.tsv")
}

// declinedHeader is the first line of a declined list.
const declinedHeader = "file\tinput\treason"

// ReadDeclined reads a list of declined cases from r, a file named name (for
// messages): the header line "file<TAB>input<TAB>reason", then one case per
// line with those three fields, none empty. Blank lines and lines starting
// with # are comments.
func ReadDeclined(r io.Reader, name string) ([]Declined, error) {
	sc := bufio.NewScanner(r)
	var out []Declined
	header := false
	for no := 1; sc.Scan(); no++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != declinedHeader {
				return nil, fmt.Errorf("arnews: %s:%d: want the header %q", name, no, declinedHeader)
			}
			header = true
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" || strings.TrimSpace(f[2]) == "" {
			return nil, fmt.Errorf("arnews: %s:%d: want three non-empty fields file, input and reason separated by tabs", name, no)
		}
		out = append(out, Declined{File: f[0], Input: strings.TrimSpace(f[1]), Reason: f[2], Line: no})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("arnews: %s: %w", name, err)
	}
	return out, nil
}

// ApplyDeclined marks the cases of files that list names as declined.
// Entries for a file that is not among files are ignored (a folder may
// hold some of the specs only); an entry for a file that is there but
// matches none of its cases is an error naming list (the list's name) and
// the entry's line: a stale list must not hide anything.
func ApplyDeclined(files []SpecFile, list []Declined, name string) error {
	for _, d := range list {
		present, n := false, 0
		for fi := range files {
			if files[fi].Name != d.File {
				continue
			}
			present = true
			for ci := range files[fi].Cases {
				c := &files[fi].Cases[ci]
				if strings.TrimSpace(c.Input) == d.Input {
					c.Declined = d.Reason
					n++
				}
			}
		}
		if present && n == 0 {
			return fmt.Errorf("arnews: %s:%d: no case of %s has the input %q", name, d.Line, d.File, d.Input)
		}
	}
	return nil
}
