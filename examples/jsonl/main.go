// Command jsonl streams JSON Lines of articles through arnews with a pool
// of workers and writes one line per article with its agreements, in input
// order.
//
// Input lines: {"id": ..., "text": "...", "ref": "YYYY-MM-DD"}.
// Output lines: {"id": ..., "agreements": [...]} or {"id": ..., "error": "..."}.
//
//	go run ./examples/jsonl < articles.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/arnews/arnews"
)

type input struct {
	ID   json.RawMessage `json:"id"`
	Text string          `json:"text"`
	Ref  string          `json:"ref"`
}

type output struct {
	ID         json.RawMessage    `json:"id"`
	Agreements []arnews.Agreement `json:"agreements,omitempty"`
	Error      string             `json:"error,omitempty"`
}

func main() {
	x, _ := arnews.NewExtractor() // one Extractor, shared by every worker; no options: cannot fail
	workers := runtime.GOMAXPROCS(0)

	// Each line gets a channel for its result; the writer reads the
	// channels in input order, so output order is input order while the
	// workers run in parallel. The buffered channels bound memory.
	type job struct {
		line []byte
		out  chan output
	}
	jobs := make(chan job, workers)
	order := make(chan chan output, 2*workers)
	for range workers {
		go func() {
			for j := range jobs {
				j.out <- process(x, j.line)
			}
		}()
	}
	go func() {
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			j := job{line: append([]byte(nil), sc.Bytes()...), out: make(chan output, 1)}
			order <- j.out
			jobs <- j
		}
		if err := sc.Err(); err != nil {
			fmt.Fprintln(os.Stderr, "jsonl:", err)
		}
		close(jobs)
		close(order)
	}()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for c := range order {
		if err := enc.Encode(<-c); err != nil {
			fmt.Fprintln(os.Stderr, "jsonl:", err)
			os.Exit(1)
		}
	}
}

func process(x *arnews.Extractor, line []byte) output {
	var in input
	if err := json.Unmarshal(line, &in); err != nil {
		return output{ID: in.ID, Error: err.Error()}
	}
	ref := time.Now().UTC()
	if in.Ref != "" {
		t, err := time.Parse(time.DateOnly, in.Ref)
		if err != nil {
			return output{ID: in.ID, Error: fmt.Sprintf("ref %q: want YYYY-MM-DD", in.Ref)}
		}
		ref = t
	}
	doc := x.Extract(in.Text, arnews.WithRef(ref))
	return output{ID: in.ID, Agreements: doc.Agreements}
}
