package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/arnews/arnews/internal/eval"
)

// evalUsage is the help of arnews eval: the three inputs and, briefly, the
// scoring definitions (package internal/eval has them in full).
const evalUsage = `usage: arnews eval [-v] [-json] DIR
       arnews eval [-v] [-json] -conll FILE [-split dev|train|all]
       arnews eval [-v] [-json] -recognizers DIR [-declined FILE]

Scores arnews on annotated text and prints a table (figure, P, R, F1,
counts); -v also lists every miss and false positive with the text around
it, one line each; -json writes the figures and counts as JSON instead.

DIR: a corpus folder: gold.jsonl (one JSON object per article: file, ref,
dates, entities, agreements) and the articles NN.txt, whose body is
everything after the first newline. Each body is extracted with the gold
ref. Summed over articles:
  spans       every text in the output equals body[start:end]
  dates       a gold date is found when a predicted date whose text contains,
              or is contained in, its text has its value (P the same way)
  countries   the set of gold country ids with mentions vs predicted IDs
  people,     a gold entity is found when a predicted mention contains, or is
  orgs        contained in, one of its mentions or its name (strings over
              2 bytes); a predicted entity with mentions is right likewise
  found with  a gold agreement's state parties (two-letter codes) are all
  parties     among some predicted agreement's parties
  one-to-one  each gold agreement claims one prediction of the same kind
              with the same set of state parties; the rest are wrong
  matched     status equal; signed date equal; subject contains or is
              contained in the gold one, or shares half of its words

-conll FILE: CoNLL/ANERcorp, one "token TAG" per line (BIO over PERS, LOC,
ORG, MISC), blank lines between sentences. Each sentence is extracted as
one document; a mention covers the tokens it overlaps. Exact-span P/R/F1
for LOC (country, city, region), ORG, PERS and all three; MISC ignored.
-split dev scores the development split: the sentences from the first
boundary at or after 5/6 of the tokens to the end; -split train the rest.

-recognizers DIR: Microsoft Recognizers-Text Arabic DateTime specs
(*.json). A date or daterange result is found when a date of FindDates
overlapping its text has one of its values, compared as days (start equal;
end inclusive, exclusive or the start of B in "from A to B"; a part of a
period also accepts the whole period); extractor results need only the
overlap. Unresolvable results are counted as unscored; the cases of the
declined list (built in, or -declined FILE) are listed but not scored.

Bad input (a gold line that does not parse, a missing article, a malformed
CoNLL line or spec) stops with an error naming the file and the line.

Exit status: 0 on success, 2 for a usage error, 3 for input that cannot be
read or used.

flags:`

// evalFlags are the flags of arnews eval.
type evalFlags struct {
	verbose, json             bool
	conll, split, recognizers string
	declined                  string
	dir                       string
}

func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("arnews eval")
	var f evalFlags
	fs.BoolVar(&f.verbose, "v", false, "list every miss and false positive, one line each")
	fs.BoolVar(&f.json, "json", false, "write the figures and counts as JSON")
	fs.StringVar(&f.conll, "conll", "", "score the CoNLL `FILE`")
	fs.StringVar(&f.split, "split", "all", "with -conll, the `part` to score: dev, train or all")
	fs.StringVar(&f.recognizers, "recognizers", "", "score the Recognizers-Text specs of `DIR`")
	fs.StringVar(&f.declined, "declined", "", "with -recognizers, the declined cases `FILE` (default: the built-in list)")
	if code, done := parseFlags(fs, args, stdout, stderr, evalUsage); done {
		return code
	}
	if err := f.check(fs.Args()); err != nil {
		return fail(stderr, err)
	}
	out := bufio.NewWriter(stdout)
	var err error
	switch {
	case f.conll != "":
		err = evalCoNLL(out, f)
	case f.recognizers != "":
		err = evalRecognizers(out, f)
	default:
		err = evalCorpus(out, f)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}

// check validates the combination of flags and arguments.
func (f *evalFlags) check(args []string) error {
	modes := 0
	for _, s := range []string{f.conll, f.recognizers} {
		if s != "" {
			modes++
		}
	}
	switch {
	case modes > 1:
		return usageError{"eval: give one of DIR, -conll FILE and -recognizers DIR"}
	case modes == 1 && len(args) > 0:
		return usageError{fmt.Sprintf("eval: unexpected argument %q", args[0])}
	case modes == 0 && len(args) != 1:
		return usageError{"eval: want one corpus DIR, -conll FILE or -recognizers DIR (see -h)"}
	case f.split != "all" && f.split != "dev" && f.split != "train":
		return usageError{fmt.Sprintf("eval: -split %q: want dev, train or all", f.split)}
	case f.split != "all" && f.conll == "":
		return usageError{"eval: -split goes with -conll"}
	case f.declined != "" && f.recognizers == "":
		return usageError{"eval: -declined goes with -recognizers"}
	}
	if modes == 0 {
		f.dir = args[0]
	}
	return nil
}

// evalCorpus scores a corpus folder.
func evalCorpus(w io.Writer, f evalFlags) error {
	arts, err := eval.ReadCorpus(f.dir)
	if err != nil {
		return err
	}
	rep := eval.ScoreCorpus(arts)
	if f.json {
		return writeJSON(w, rep.Figures(), rep.Total)
	}
	fmt.Fprintf(w, "%s: %d articles\n\n", f.dir, len(arts))
	if err := rep.WriteTable(w); err != nil || !f.verbose {
		return err
	}
	return rep.WriteIssues(w)
}

// evalCoNLL scores a CoNLL file, or one of its splits.
func evalCoNLL(w io.Writer, f evalFlags) error {
	file, err := os.Open(f.conll)
	if err != nil {
		return err
	}
	defer file.Close()
	sentences, err := eval.ReadCoNLL(file, f.conll)
	if err != nil {
		return err
	}
	train, dev := eval.SplitCoNLL(sentences)
	part := map[string][]eval.Sentence{"all": sentences, "train": train, "dev": dev}[f.split]
	if len(part) == 0 {
		return fmt.Errorf("arnews: %s: the %s split is empty", f.conll, f.split)
	}
	rep := eval.ScoreCoNLL(part)
	if f.json {
		return writeJSON(w, rep.Figures("conll/"+f.split), rep)
	}
	fmt.Fprintf(w, "%s, split %s: %d sentences from line %d, %d tokens\n\n",
		f.conll, f.split, rep.Sentences, part[0].Line, rep.Tokens)
	if err := rep.WriteTable(w); err != nil || !f.verbose {
		return err
	}
	fmt.Fprintln(w)
	return rep.WriteIssues(w)
}

// evalRecognizers scores a folder of Recognizers-Text specs.
func evalRecognizers(w io.Writer, f evalFlags) error {
	files, err := eval.ReadRecognizers(f.recognizers)
	if err != nil {
		return err
	}
	declined, name, err := readDeclined(f.declined)
	if err != nil {
		return err
	}
	if err := eval.ApplyDeclined(files, declined, name); err != nil {
		return err
	}
	rep := eval.ScoreRecognizers(files)
	if f.json {
		return writeJSON(w, rep.Figures(), rep)
	}
	fmt.Fprintf(w, "%s: %d files, declined cases from %s\n\n", f.recognizers, len(files), name)
	if err := rep.WriteTable(w); err != nil || !f.verbose {
		return err
	}
	return rep.WriteIssues(w)
}

// readDeclined reads the declined list of path, or the built-in one.
func readDeclined(path string) ([]eval.Declined, string, error) {
	if path == "" {
		list, err := eval.BuiltinDeclined()
		return list, "internal/eval/recognizers-declined.tsv", err
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, path, err
	}
	defer file.Close()
	list, err := eval.ReadDeclined(file, path)
	return list, path, err
}

// writeJSON writes the figures and the counts behind them.
func writeJSON(w io.Writer, figures eval.Figures, counts any) error {
	b, err := json.MarshalIndent(struct {
		Figures eval.Figures `json:"figures"`
		Counts  any          `json:"counts"`
	}{figures, counts}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
