// Command timeline reads a folder of Arabic news articles and prints a
// dated list of the agreements they report, oldest first.
//
// Each article is a .txt file. Its publication date is taken from the file
// name when it starts with YYYY-MM-DD (2021-11-12-qatar.txt), else from the
// -ref flag.
//
//	go run ./examples/timeline -ref 2021-11-12 testdata
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/arnews/arnews"
)

// row is one agreement in the timeline.
type row struct {
	date    string // ISO value at its grain, or "" when unknown
	file    string
	kind    string
	status  string
	parties string
	subject string
}

func main() {
	refFlag := flag.String("ref", "", "publication date `YYYY-MM-DD` for files whose name has none (default: today)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: timeline [-ref YYYY-MM-DD] DIR")
		os.Exit(2)
	}
	defRef := time.Now().UTC()
	if *refFlag != "" {
		t, err := time.Parse(time.DateOnly, *refFlag)
		if err != nil {
			fmt.Fprintf(os.Stderr, "timeline: -ref %q: want YYYY-MM-DD\n", *refFlag)
			os.Exit(2)
		}
		defRef = t
	}
	files, err := filepath.Glob(filepath.Join(flag.Arg(0), "*.txt"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "timeline:", err)
		os.Exit(2)
	}
	x, _ := arnews.NewExtractor() // no options: cannot fail
	var rows []row
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "timeline:", err)
			os.Exit(1)
		}
		ref := defRef
		base := filepath.Base(name)
		if len(base) >= 10 {
			if t, err := time.Parse(time.DateOnly, base[:10]); err == nil {
				ref = t
			}
		}
		doc := x.Extract(string(b), arnews.WithRef(ref))
		names := map[string]string{}
		for _, e := range doc.Entities {
			names[e.ID] = e.Name
		}
		for _, a := range doc.Agreements {
			r := row{file: base, kind: string(a.Kind), status: string(a.Status), subject: a.Subject.Text}
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
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].date < rows[j].date })
	for _, r := range rows {
		date := r.date
		if date == "" {
			date = "?"
		}
		fmt.Printf("%-10s  %-11s %-10s %s — %s  [%s]\n", date, r.kind, r.status, r.parties, r.subject, r.file)
	}
}
