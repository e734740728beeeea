// Command arnews extracts dates, parties and agreements from Arabic news
// text and prints them as JSON, with byte offsets into the input.
//
// Usage:
//
//	arnews [-ref YYYY-MM-DD] [-agreements] [FILE ...]
//	arnews -jsonl [-ref YYYY-MM-DD] [-agreements] [-j N] [-max-line SIZE] [-progress] [FILE ...]
//	arnews normalize [-form LIST] [FILE ...]
//	arnews eval [-v] [-json] DIR | -conll FILE [-split dev] | -recognizers DIR
//	arnews help [normalize | eval]
//
// With no FILE, or with -, arnews reads standard input. The first form reads
// each FILE as one article and prints its Document, indented, or with
// -agreements its agreements, one compact JSON object per line.
//
// With -jsonl, each input line is a JSON object {"id":..., "text":"...",
// "ref":"YYYY-MM-DD"} ("id" and "ref" optional) and each output line is the
// compact Document for it with "id" first, in input order whatever the
// number of workers (-j), with the same bytes from run to run; with
// -agreements, one line per agreement instead, with the "id". With several
// FILEs, every output object also carries "file". Blank lines are skipped
// and a leading byte order mark is ignored. A line that cannot be used
// gives an error record {"id":...,"error":"arnews: line N: ..."} in its
// place and the run goes on: bad JSON, "text" missing or not a string, a
// bad "ref", invalid UTF-8, or a line longer than -max-line (64 MiB by
// default), which is read through without being held in memory. If the
// first line of a file is not a JSON object, the file is not JSON Lines
// and arnews stops with one message. At the end arnews writes a summary
// on standard error (lines, documents, errors with their line numbers,
// time, throughput), and while it runs a progress line when standard error
// is a terminal or with -progress.
//
// Relative dates (أمس، الجمعة، مارس without a year) are resolved against the
// line's "ref", else -ref, else a date the text states at its top; with
// none they are left out. arnews never reads the clock, and warns once
// when it is given no reference date.
//
// The normalize subcommand writes the text in the Search form, or in the
// form named by -form, a comma-separated list of steps. The eval
// subcommand measures arnews on annotated text: a gold corpus folder, a
// CoNLL file such as ANERcorp, or Microsoft Recognizers-Text's Arabic date
// specs (see arnews help eval).
//
// Exit status: 0 on success; 1 when -jsonl wrote error records for some
// lines; 2 for a usage error (a bad flag, flag value or subcommand); 3
// when an input cannot be read or is not JSON Lines, or the output cannot
// be written. Errors are one line on standard error, starting "arnews: ".
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/arnews/arnews"
)

// Exit statuses, listed in the usage.
const (
	exitOK     = 0 // everything was read and written
	exitFailed = 1 // -jsonl wrote error records for some lines
	exitUsage  = 2 // the command line is wrong
	exitInput  = 3 // an input cannot be read or is not JSON Lines, or the output cannot be written
)

// usage is the help of arnews; the flags follow it.
const usage = `usage: arnews [-ref YYYY-MM-DD] [-agreements] [FILE ...]
       arnews -jsonl [-ref YYYY-MM-DD] [-agreements] [-j N] [-max-line SIZE] [-progress] [FILE ...]
       arnews normalize [-form LIST] [FILE ...]
       arnews eval [-v] [-json] DIR | -conll FILE [-split dev] | -recognizers DIR
       arnews help [normalize | eval]

Extracts dates, parties and agreements from Arabic news text and prints
them as JSON, every fact with byte offsets [start,end) into its text. With
no FILE, or with -, reads standard input.

Text: each FILE is one article. arnews prints its Document, indented, or
with -agreements its agreements, one compact JSON object per line.

JSON Lines (-jsonl): each input line is one article,
  {"id": any JSON value, "text": "...", "ref": "YYYY-MM-DD"}
("id" and "ref" optional). Each output line is its Document, compact, with
"id" first; with -agreements, one line per agreement, with "id". Output
keeps input order whatever -j, byte for byte. Blank lines are skipped; a
leading byte order mark is ignored. A line that cannot be used gives an
error record in its place, {"id":...,"error":"arnews: line N: ..."}, and
the run goes on: bad JSON, "text" missing or not a string, a bad "ref",
invalid UTF-8, or longer than -max-line (read through, not kept). If the
first line of a file is not a JSON object, the file is not JSON Lines:
arnews stops. At the end, a summary goes to standard error: lines,
documents, errors (the first 10, with their line numbers), time and
throughput; while it runs, a progress line, when standard error is a
terminal or with -progress.

With several FILEs, every output object also has "file", the FILE's name.

Reference date: relative dates (أمس, الجمعة, مارس without a year) are
resolved against the line's "ref", else -ref, else a date the text states
at its top (a dateline or date stamp); with none, they are left out.
arnews never reads the clock; without -ref it warns once.

Exit status:
  0  success
  1  -jsonl: some lines failed; each gave an error record, the rest was written
  2  usage error: a bad flag, flag value or subcommand
  3  an input cannot be read or is not JSON Lines, or the output cannot be written

Flags:`

// subcommand returns the runner of the subcommand name, or nil.
func subcommand(name string) func(c *cli, args []string) int {
	switch name {
	case "normalize":
		return (*cli).normalize
	case "eval":
		return func(c *cli, args []string) int { return runEval(args, c.stdout, c.stderr) }
	case "help":
		return (*cli).help
	}
	return nil
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs arnews with the command-line arguments args (without the
// program name) and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, terminal: isTerminal(stderr)}
	return c.main(args)
}

// cli is one run of the command: its streams, and the clock and terminal
// test, which tests replace.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	terminal       bool          // standard error is a terminal: progress by default
	every          time.Duration // between progress lines; 0 for the default
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// main dispatches to a subcommand or extracts.
func (c *cli) main(args []string) int {
	if len(args) > 0 {
		if sub := subcommand(args[0]); sub != nil {
			return sub(c, args[1:])
		}
	}
	o, code, done := c.parseOptions(args)
	if done {
		return code
	}
	if err := checkFiles(o.files); err != nil {
		return fail(c.stderr, err)
	}
	if o.jsonl {
		return c.runJSONL(o)
	}
	return c.runText(o)
}

// help prints the usage of arnews or of one subcommand on standard output.
func (c *cli) help(args []string) int {
	switch {
	case len(args) == 0 || len(args) == 1 && args[0] == "help":
		return c.main([]string{"-h"})
	case len(args) > 1:
		return fail(c.stderr, usageError{"help: want at most one subcommand"})
	case args[0] == "normalize" || args[0] == "eval":
		return subcommand(args[0])(c, []string{"-h"})
	}
	return fail(c.stderr, usageError{fmt.Sprintf("help: unknown subcommand %q (want normalize or eval)", args[0])})
}

// options are the flags and arguments of the extracting forms.
type options struct {
	ref        time.Time // -ref, or zero
	agreements bool
	jsonl      bool
	workers    int
	maxLine    byteSize
	progress   bool
	files      []string
}

// parseOptions parses the command line of the extracting forms. done is
// true when the command must stop with status code.
func (c *cli) parseOptions(args []string) (o *options, code int, done bool) {
	o = &options{maxLine: 64 << 20}
	fs := flagSet("arnews")
	refFlag := fs.String("ref", "", "publication date `YYYY-MM-DD` for relative dates, for inputs that give none")
	fs.BoolVar(&o.agreements, "agreements", false, "print only the agreements, one JSON object per line")
	fs.BoolVar(&o.jsonl, "jsonl", false, `read JSON Lines, one {"id","text","ref"} per line (see above)`)
	fs.IntVar(&o.workers, "j", runtime.GOMAXPROCS(0), "number of `workers` for -jsonl")
	fs.Var(&o.maxLine, "max-line", "with -jsonl, the longest line kept, a `SIZE` in bytes or with KiB, MiB, GiB; a longer line gives an error record")
	fs.BoolVar(&o.progress, "progress", false, "with -jsonl, write progress on standard error even when it is not a terminal")
	if code, done := parseFlags(fs, args, c.stdout, c.stderr, usage); done {
		return nil, code, true
	}
	o.files = fs.Args()
	if *refFlag != "" {
		t, err := time.Parse(time.DateOnly, *refFlag)
		if err != nil {
			return nil, fail(c.stderr, usageError{fmt.Sprintf("-ref %q: want a date YYYY-MM-DD", *refFlag)}), true
		}
		o.ref = t
	}
	if o.workers < 1 {
		return nil, fail(c.stderr, usageError{fmt.Sprintf("-j %d: want at least 1", o.workers)}), true
	}
	return o, 0, false
}

// extractOptions returns the per-call options for a document whose own
// ref, if any, is lineRef.
func (o *options) extractOptions(lineRef time.Time) []arnews.Option {
	switch {
	case !lineRef.IsZero():
		return []arnews.Option{arnews.WithRef(lineRef)}
	case !o.ref.IsZero():
		return []arnews.Option{arnews.WithRef(o.ref)}
	}
	return nil
}

// fileField returns the "file" member for output from the file name: the
// name with several files, else "".
func (o *options) fileField(name string) string {
	if len(o.files) > 1 {
		return name
	}
	return ""
}

// runText extracts each input as one article.
func (c *cli) runText(o *options) int {
	out := bufio.NewWriter(c.stdout)
	warned := false
	err := eachInput(o.files, c.stdin, func(name string, r io.Reader) error {
		b, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		if o.ref.IsZero() && !warned {
			warned = true
			fmt.Fprintln(c.stderr, "arnews: warning: no -ref: "+refWarning)
		}
		doc := arnews.Extract(string(b), o.extractOptions(time.Time{})...)
		return writeText(out, doc, o.fileField(name), o.agreements)
	})
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = outputError{ferr}
	}
	if err != nil {
		return fail(c.stderr, err)
	}
	return exitOK
}

// refWarning ends the warning given when no reference date is given.
const refWarning = "relative dates (أمس، الجمعة، مارس without a year) are resolved only against a date the text states at its top, and left out when it states none"

// writeText writes doc, or with agreements its agreements, with the file
// name first unless it is "".
func writeText(w io.Writer, doc *arnews.Document, file string, agreements bool) error {
	if !agreements {
		b, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := json.Indent(&buf, withHeader(nil, file, b), "", "  "); err != nil {
			return err
		}
		buf.WriteByte('\n')
		return writeOut(w, buf.Bytes())
	}
	for _, a := range doc.Agreements {
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if err := writeOut(w, append(withHeader(nil, file, b), '\n')); err != nil {
			return err
		}
	}
	return nil
}

// writeOut writes b to w; a failure is an outputError.
func writeOut(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return outputError{err}
	}
	return nil
}

// withHeader returns the JSON object body with the members "id" (unless id
// is nil) and "file" (unless file is "") put first.
func withHeader(id json.RawMessage, file string, body []byte) []byte {
	if id == nil && file == "" {
		return body
	}
	b := make([]byte, 0, len(body)+len(id)+len(file)+20)
	b = append(b, '{')
	if id != nil {
		b = append(b, `"id":`...)
		b = append(b, id...)
		b = append(b, ',')
	}
	if file != "" {
		q, _ := json.Marshal(file) // a string always marshals
		b = append(b, `"file":`...)
		b = append(b, q...)
		b = append(b, ',')
	}
	if len(body) > 2 {
		return append(b, body[1:]...)
	}
	return append(b[:len(b)-1], '}') // body is {}: drop the last comma
}

// usageError is an error in the command line: exit status 2.
type usageError struct{ msg string }

// Error returns the message.
func (e usageError) Error() string { return e.msg }

// outputError is a failure to write the output: exit status 3.
type outputError struct{ err error }

// Error returns the message.
func (e outputError) Error() string { return "writing the output: " + e.err.Error() }

// flagSet returns an empty flag set that reports errors to its caller.
func flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args with fs. done is true when the command must stop
// with status code: 0 after printing help, with usage and the flags, on
// stdout for -h; 2 after a one-line error on stderr.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, usage string) (code int, done bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fmt.Fprintln(stdout, usage)
		fs.PrintDefaults()
		return exitOK, true
	}
	return fail(stderr, usageError{err.Error() + " (see " + fs.Name() + " -h)"}), true
}

// fail prints err as one line on stderr and returns the exit status for
// it: 2 for a usage error, else 3.
func fail(stderr io.Writer, err error) int {
	msg := err.Error()
	if !strings.HasPrefix(msg, "arnews: ") {
		msg = "arnews: " + msg
	}
	fmt.Fprintln(stderr, strings.ReplaceAll(msg, "\n", " "))
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitInput
}

// checkFiles checks that every named file can be opened and is not a
// folder, so that a long run does not stop on a mistyped name at its end.
func checkFiles(names []string) error {
	for _, name := range names {
		if name == "-" {
			continue
		}
		f, err := os.Open(name)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s: %w", name, pe.Err) // not "open NAME: ..."
		}
		if err != nil {
			return err
		}
		st, err := f.Stat()
		f.Close()
		if err != nil {
			return err
		}
		if st.IsDir() {
			return fmt.Errorf("%s: is a folder, not a file", name)
		}
	}
	return nil
}

// eachInput calls f for each named file, or for stdin when there is none
// or the name is "-". An error, unless it is an outputError, gets the
// file's name in front.
func eachInput(names []string, stdin io.Reader, f func(name string, r io.Reader) error) error {
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if name == "-" {
			if err := f(name, stdin); err != nil {
				return err
			}
			continue
		}
		file, err := os.Open(name)
		if err != nil {
			return err
		}
		err = f(name, file)
		file.Close()
		var oe outputError
		if err != nil && !errors.As(err, &oe) {
			err = fmt.Errorf("%s: %w", name, err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
