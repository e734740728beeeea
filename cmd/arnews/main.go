// Command arnews extracts dates, parties and agreements from Arabic news
// text and prints them as JSON.
//
// Usage:
//
//	arnews [-ref YYYY-MM-DD] [-agreements] [FILE ...]
//	arnews -jsonl [-j N] [FILE ...]
//	arnews normalize [-form LIST] [FILE ...]
//	arnews eval [-v] [-json] DIR | -conll FILE [-split dev] | -recognizers DIR
//
// With no FILE, arnews reads standard input. The first form prints one
// indented Document per input, or with -agreements only its agreements, one
// compact JSON object per line. With -jsonl, each input line is a JSON
// object {"id":..., "text":"...", "ref":"YYYY-MM-DD"} and each output line
// is the compact Document for it, with "id" echoed, in input order; a line
// that cannot be read gives {"id":...,"error":"arnews: ..."} and the exit
// status is 1 at the end. The normalize subcommand writes the text in the
// Search form, or in the form named by -form, a comma-separated list of
// steps (see -help). The eval subcommand measures arnews on annotated text:
// a gold corpus folder, a CoNLL file such as ANERcorp, or Microsoft
// Recognizers-Text's Arabic date specs, and prints the figures (see
// arnews eval -h).
//
// A bad flag or an unreadable file prints one line on standard error and
// exits with status 2.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/arnews/arnews"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is an error in the command line: exit status 2.
type usageError struct{ msg string }

// Error returns the message.
func (e usageError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "normalize" {
		return runNormalize(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "eval" {
		return runEval(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("arnews", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	refFlag := fs.String("ref", "", "publication date `YYYY-MM-DD` for relative dates (default: today, UTC)")
	jsonl := fs.Bool("jsonl", false, "read JSON Lines {\"id\",\"text\",\"ref\"} and write one Document per line")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of `workers` for -jsonl")
	onlyAgreements := fs.Bool("agreements", false, "print only the agreements, one JSON object per line")
	if code, done := parseFlags(fs, args, stderr,
		"usage: arnews [-ref YYYY-MM-DD] [-agreements] [-jsonl] [-j N] [FILE ...]\n       arnews normalize [-form LIST] [FILE ...]\n       arnews eval [-v] [-json] DIR | -conll FILE [-split dev] | -recognizers DIR"); done {
		return code
	}
	ref := time.Time{}
	if *refFlag != "" {
		t, err := time.Parse(time.DateOnly, *refFlag)
		if err != nil {
			return fail(stderr, usageError{fmt.Sprintf("-ref %q: want YYYY-MM-DD", *refFlag)})
		}
		ref = t
	}
	if *workers < 1 {
		return fail(stderr, usageError{fmt.Sprintf("-j %d: want at least 1", *workers)})
	}
	x, _ := arnews.NewExtractor() // no options: cannot fail
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	status := 0
	err := eachInput(fs.Args(), stdin, func(name string, r io.Reader) error {
		if *jsonl {
			bad, err := runJSONL(x, r, out, *workers, ref)
			if bad {
				status = 1
			}
			return err
		}
		b, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		var opts []arnews.Option
		if !ref.IsZero() {
			opts = append(opts, arnews.WithRef(ref))
		}
		doc := x.Extract(string(b), opts...)
		if *onlyAgreements {
			for _, a := range doc.Agreements {
				j, err := json.Marshal(a)
				if err != nil {
					return err
				}
				out.Write(j)
				out.WriteByte('\n')
			}
			return nil
		}
		j, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			return err
		}
		out.Write(j)
		return out.WriteByte('\n')
	})
	if err != nil {
		out.Flush()
		return fail(stderr, err)
	}
	if err := out.Flush(); err != nil {
		return fail(stderr, err)
	}
	return status
}

// parseFlags parses args with fs. done is true when the command must stop
// with status code: 0 after printing usage for -h, 2 after a one-line error.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, usage string) (code int, done bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stderr)
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
		return 0, true
	}
	return fail(stderr, usageError{err.Error()}), true
}

func fail(stderr io.Writer, err error) int {
	msg := err.Error()
	if !strings.HasPrefix(msg, "arnews: ") {
		msg = "arnews: " + msg
	}
	fmt.Fprintln(stderr, strings.ReplaceAll(msg, "\n", " "))
	return 2
}

// eachInput calls f for each named file, or for stdin when there is none.
func eachInput(names []string, stdin io.Reader, f func(name string, r io.Reader) error) error {
	if len(names) == 0 {
		return f("-", stdin)
	}
	for _, name := range names {
		file, err := os.Open(name)
		if err != nil {
			return err
		}
		err = f(name, file)
		file.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// jsonlInput is one input line of -jsonl.
type jsonlInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Ref  string          `json:"ref"`
}

// job is one line to process; its result goes to out.
type job struct {
	no   int // line number, from 1
	line []byte
	out  chan result
}

// result is the output line for one input line; failed marks an error line.
type result struct {
	line   []byte
	failed bool
}

// maxLine bounds one JSON Lines record.
const maxLine = 64 << 20

// runJSONL processes JSON Lines from r with n workers and writes results in
// input order. Memory stays bounded: at most a few lines per worker are in
// flight. bad reports whether any line failed.
func runJSONL(x *arnews.Extractor, r io.Reader, w io.Writer, n int, ref time.Time) (bad bool, err error) {
	jobs := make(chan job, 2*n)
	order := make(chan chan result, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				line, ok := processLine(x, j.no, j.line, ref)
				j.out <- result{line, !ok}
			}
		}()
	}
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), maxLine)
		for no := 1; sc.Scan(); no++ {
			line := bytes.TrimSpace(sc.Bytes())
			j := job{no: no, line: bytes.Clone(line), out: make(chan result, 1)}
			order <- j.out
			jobs <- j
		}
		readErr = sc.Err()
	}()
	for c := range order {
		res := <-c
		bad = bad || res.failed
		w.Write(res.line)
		w.Write([]byte{'\n'})
	}
	wg.Wait()
	if readErr != nil {
		return true, fmt.Errorf("reading JSON Lines: %w", readErr)
	}
	return bad, nil
}

// processLine returns the output line for one input line, and false if the
// line could not be processed.
func processLine(x *arnews.Extractor, no int, line []byte, ref time.Time) ([]byte, bool) {
	var in jsonlInput
	fail := func(msg string) ([]byte, bool) {
		id := in.ID
		if len(id) == 0 {
			id = json.RawMessage("null")
		}
		b, _ := json.Marshal(struct {
			ID    json.RawMessage `json:"id"`
			Error string          `json:"error"`
		}{id, fmt.Sprintf("arnews: line %d: %s", no, msg)})
		return b, false
	}
	if len(line) == 0 {
		return fail("empty line")
	}
	if !utf8.Valid(line) {
		// Recover the id if the rest parses once the bad bytes are replaced.
		json.Unmarshal(bytes.ToValidUTF8(line, []byte("\uFFFD")), &in)
		return fail("line is not valid UTF-8")
	}
	if err := json.Unmarshal(line, &in); err != nil {
		in = jsonlInput{}
		// Keep the id when only another field is wrong.
		var idOnly struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(line, &idOnly) == nil {
			in.ID = idOnly.ID
		}
		return fail("bad JSON: " + err.Error())
	}
	if in.Text == nil {
		return fail(`missing "text"`)
	}
	opts := []arnews.Option{}
	switch {
	case in.Ref != "":
		t, err := time.Parse(time.DateOnly, in.Ref)
		if err != nil {
			return fail(fmt.Sprintf("ref %q: want YYYY-MM-DD", in.Ref))
		}
		opts = append(opts, arnews.WithRef(t))
	case !ref.IsZero():
		opts = append(opts, arnews.WithRef(ref))
	}
	doc := x.Extract(*in.Text, opts...)
	body, err := json.Marshal(doc)
	if err != nil {
		return fail(err.Error())
	}
	id := in.ID
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	// Splice the id in front of the Document's fields.
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	b.Write(id)
	b.WriteByte(',')
	b.Write(body[1:])
	return b.Bytes(), true
}

// forms names the normalization steps for -form.
var forms = map[string]arnews.Form{
	"diacritics":   arnews.StripDiacritics,
	"tatweel":      arnews.StripTatweel,
	"alef":         arnews.FoldAlef,
	"ya":           arnews.FoldYa,
	"teh-marbuta":  arnews.FoldTehMarbuta,
	"hamza":        arnews.FoldHamza,
	"persian":      arnews.FoldPersian,
	"digits":       arnews.FoldDigits,
	"presentation": arnews.FoldPresentation,
	"invisible":    arnews.StripInvisible,
	"punctuation":  arnews.FoldPunctuation,
	"spaces":       arnews.FoldSpaces,
	"search":       arnews.Search,
	"all":          arnews.All,
}

func formNames() string {
	names := make([]string, 0, len(forms))
	for k := range forms {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("arnews normalize", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	formFlag := fs.String("form", "search", "comma-separated `steps`: "+formNames())
	if code, done := parseFlags(fs, args, stderr, "usage: arnews normalize [-form LIST] [FILE ...]"); done {
		return code
	}
	var f arnews.Form
	for _, name := range strings.Split(*formFlag, ",") {
		v, ok := forms[strings.TrimSpace(name)]
		if !ok {
			return fail(stderr, usageError{fmt.Sprintf("-form: unknown step %q (want %s)", name, formNames())})
		}
		f |= v
	}
	n := arnews.NewNormalizer(f)
	out := bufio.NewWriter(stdout)
	err := eachInput(fs.Args(), stdin, func(name string, r io.Reader) error {
		_, err := io.Copy(out, transform.NewReader(r, n))
		return err
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}
