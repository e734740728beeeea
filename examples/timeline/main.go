// Command timeline reads a folder of Arabic news articles and prints a
// dated list of the agreements they report, oldest first.
//
// Each article is a .txt file. Its publication date is taken from the file
// name when it starts with YYYY-MM-DD (2021-11-12-qatar.txt), else from the
// -ref flag, else from a date the text states at its top; with none,
// relative dates (أمس، الجمعة) are left out and their agreements listed
// with "?" for a date.
//
// Exit status: 0 on success; 1 when the folder cannot be read, holds no
// .txt file, or a file cannot be read; 2 for a bad command line.
//
//	go run ./examples/timeline -ref 2021-11-12 testdata
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/arnews/arnews"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// row is one agreement in the timeline.
type row struct {
	date    string // ISO value at its grain, or "" when unknown
	file    string
	kind    arnews.AgreementKind
	status  arnews.Status
	parties string
	subject string
}

// run runs the command and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	refFlag := fs.String("ref", "", "publication date `YYYY-MM-DD` for files whose name has none")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: timeline [-ref YYYY-MM-DD] DIR")
		return 2
	}
	var ref time.Time
	if *refFlag != "" {
		t, err := time.Parse(time.DateOnly, *refFlag)
		if err != nil {
			fmt.Fprintf(stderr, "timeline: -ref %q: want YYYY-MM-DD\n", *refFlag)
			return 2
		}
		ref = t
	}
	rows, err := readFolder(fs.Arg(0), ref)
	if err != nil {
		fmt.Fprintln(stderr, "timeline:", err)
		return 1
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].date < rows[j].date })
	for _, r := range rows {
		date := r.date
		if date == "" {
			date = "?"
		}
		fmt.Fprintf(stdout, "%-10s  %-11s %-10s %s — %s  [%s]\n", date, r.kind, r.status, r.parties, r.subject, r.file)
	}
	return 0
}

// readFolder returns the agreements of the .txt files of dir, whose
// publication date is in their name or else ref (which may be zero).
func readFolder(dir string, ref time.Time) ([]row, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	x, err := arnews.NewExtractor()
	if err != nil {
		return nil, err
	}
	var rows []row
	found := false
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".txt" {
			continue
		}
		found = true
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		rows = append(rows, agreements(x, e.Name(), string(b), ref)...)
	}
	if !found {
		return nil, fmt.Errorf("%s: no .txt files", dir)
	}
	return rows, nil
}

// agreements returns the rows of the agreements of one article.
func agreements(x *arnews.Extractor, name, text string, ref time.Time) []row {
	if len(name) >= 10 {
		if t, err := time.Parse(time.DateOnly, name[:10]); err == nil {
			ref = t
		}
	}
	var opts []arnews.Option
	if !ref.IsZero() {
		opts = append(opts, arnews.WithRef(ref))
	}
	doc := x.Extract(text, opts...)
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.ID] = e.Name
	}
	var rows []row
	for _, a := range doc.Agreements {
		r := row{file: name, kind: a.Kind, status: a.Status, subject: a.Subject.Text}
		if a.Signed != nil {
			r.date = a.Signed.Value()
		}
		var ps []string
		for _, id := range a.Parties {
			ps = append(ps, names[id])
		}
		r.parties = strings.Join(ps, "، ")
		rows = append(rows, r)
	}
	return rows
}
