// Command jsonl streams JSON Lines of articles through arnews with a pool
// of workers and writes one line per article with its agreements, in input
// order. It shows one Extractor shared by many goroutines; arnews -jsonl
// does the same job with more care for long runs.
//
// Input lines: {"id": ..., "text": "...", "ref": "YYYY-MM-DD"}, "ref"
// optional: without it, relative dates are resolved against a date the text
// states at its top, or left out. Blank lines are skipped.
//
// Output lines: {"id": ..., "agreements": [...]}, or {"id": ..., "error":
// "..."} for a line that cannot be used: not JSON, "text" missing or not a
// string, a bad "ref".
//
// Exit status: 0 when every line gave its agreements; 1 when a line gave an
// error line or the input could not be read; 2 for a bad command line.
//
//	go run ./examples/jsonl [-j N] < articles.jsonl
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
	"time"

	"github.com/arnews/arnews"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// input is one input line.
type input struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"` // a pointer, to tell a missing text from an empty one
	Ref  string          `json:"ref"`
}

// output is the output line of an article.
type output struct {
	ID         json.RawMessage    `json:"id"`
	Agreements []arnews.Agreement `json:"agreements"`
}

// failure is the output line of a line that cannot be used.
type failure struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// result is what one line gives: its output value, and whether it failed.
type result struct {
	v      any
	failed bool
}

// run runs the command and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jsonl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of `workers`")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *workers < 1 {
		fmt.Fprintln(stderr, "usage: jsonl [-j N] < articles.jsonl")
		return 2
	}
	x, err := arnews.NewExtractor() // one Extractor, shared by every worker
	if err != nil {
		fmt.Fprintln(stderr, "jsonl:", err)
		return 1
	}

	// Each line gets a channel for its result; the writer reads the
	// channels in input order, so output order is input order while the
	// workers run in parallel. The buffered channels bound memory.
	type job struct {
		no   int
		line []byte
		out  chan result
	}
	jobs := make(chan job, *workers)
	order := make(chan chan result, 2*(*workers))
	for range *workers {
		go func() {
			for j := range jobs {
				j.out <- process(x, j.no, j.line)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for no := 1; sc.Scan(); no++ {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue // a blank line
			}
			j := job{no: no, line: bytes.Clone(line), out: make(chan result, 1)}
			order <- j.out
			jobs <- j
		}
		readErr = sc.Err()
	}()
	return write(order, &readErr, stdout, stderr)
}

// write writes the results in order and returns the exit status. It reads
// *readErr once order is closed.
func write(order <-chan chan result, readErr *error, stdout, stderr io.Writer) int {
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	failed, writeErr := 0, error(nil)
	for c := range order {
		r := <-c
		if r.failed {
			failed++
		}
		if writeErr == nil {
			writeErr = enc.Encode(r.v)
		}
	}
	if writeErr == nil {
		writeErr = w.Flush()
	}
	switch {
	case *readErr != nil:
		fmt.Fprintln(stderr, "jsonl: reading the input:", *readErr)
	case writeErr != nil:
		fmt.Fprintln(stderr, "jsonl: writing the output:", writeErr)
	case failed == 1:
		fmt.Fprintln(stderr, `jsonl: 1 line failed; see its "error"`)
	case failed > 1:
		fmt.Fprintf(stderr, "jsonl: %d lines failed; see their \"error\"\n", failed)
	default:
		return 0
	}
	return 1
}

// process returns the output of line number no.
func process(x *arnews.Extractor, no int, line []byte) result {
	var in input
	fail := func(msg string) result {
		return result{failure{ID: in.ID, Error: fmt.Sprintf("line %d: %s", no, msg)}, true}
	}
	if err := json.Unmarshal(line, &in); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return fail(fmt.Sprintf("%q must be a string (got %s)", te.Field, te.Value))
		}
		return fail("not a JSON object: " + err.Error())
	}
	if in.Text == nil {
		return fail(`missing "text"`)
	}
	var opts []arnews.Option
	if in.Ref != "" {
		ref, err := time.Parse(time.DateOnly, in.Ref)
		if err != nil {
			return fail(fmt.Sprintf("ref %q: want YYYY-MM-DD", in.Ref))
		}
		opts = append(opts, arnews.WithRef(ref))
	}
	doc := x.Extract(*in.Text, opts...)
	agreements := doc.Agreements
	if agreements == nil {
		agreements = []arnews.Agreement{} // [] rather than null
	}
	return result{output{ID: in.ID, Agreements: agreements}, false}
}
