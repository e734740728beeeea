package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/arnews/arnews"
)

// This file holds arnews -jsonl: a reader goroutine cuts the inputs into
// records, workers extract them, and the caller writes the results in
// input order. Memory stays bounded: a few records per worker are in
// flight, each at most -max-line bytes.

// record is one input line on its way through the pipeline.
type record struct {
	name string // the input's name, "-" for standard input
	no   int    // line number in the input, from 1
	line []byte // the line, trimmed; nil for blank and overlong lines
	size int64  // bytes the line took in the input, with its end
	res  chan result
}

// where names the record's line for messages: "line 3", or "a.jsonl:
// line 3" for a named file.
func (r *record) where() string {
	if r.name == "-" {
		return fmt.Sprintf("line %d", r.no)
	}
	return fmt.Sprintf("%s: line %d", r.name, r.no)
}

// result is what a record gives.
type result struct {
	out        []byte // output lines, each ending in "\n"; none for a blank line
	err        string // the message of an error record, or ""
	blank      bool   // a blank line, skipped
	noRef      bool   // extracted with no reference date given
	agreements int    // agreements written with -agreements
}

// pipeline is one run of arnews -jsonl.
type pipeline struct {
	o     *options
	stdin io.Reader
	jobs  chan *record  // records for the workers
	order chan *record  // every record, in input order, for the writer
	stop  chan struct{} // closed by the writer when the output fails
	err   error         // why reading stopped early; set before order is closed
}

// errStopped stops the reader when the output has failed.
var errStopped = errors.New("stopped")

func newPipeline(o *options, stdin io.Reader) *pipeline {
	return &pipeline{o: o, stdin: stdin, jobs: make(chan *record, 2*o.workers),
		order: make(chan *record, 4*o.workers), stop: make(chan struct{})}
}

// runJSONL runs arnews -jsonl and returns the exit status.
func (c *cli) runJSONL(o *options) int {
	p := newPipeline(o, c.stdin)
	t := &tally{start: c.now(), files: len(o.files)}
	go p.read()
	var wg sync.WaitGroup
	for range o.workers {
		wg.Go(p.work)
	}
	prog := c.progress(o)
	werr := c.writeResults(p, t, prog)
	wg.Wait()
	prog.clear()
	fatal := werr
	if fatal == nil && p.err != nil && !errors.Is(p.err, errStopped) {
		fatal = p.err
	}
	if fatal == nil || t.docs+t.failed > 0 {
		t.summary(c.stderr, c.now(), o.agreements)
	}
	switch {
	case fatal != nil:
		return fail(c.stderr, fatal)
	case t.failed > 0:
		return exitFailed
	}
	return exitOK
}

// writeResults writes the results in input order, counts them and warns
// once about a missing reference date. When the output fails it stops
// the reader and drains the records.
func (c *cli) writeResults(p *pipeline, t *tally, prog *progress) error {
	out := bufio.NewWriterSize(c.stdout, 64<<10)
	var err error
	warned := false
	for r := range p.order {
		if err != nil {
			continue // draining after a failed write
		}
		res := <-r.res
		t.add(r, res)
		if res.noRef && !warned {
			warned = true
			prog.clear()
			fmt.Fprintf(c.stderr, "arnews: warning: %s has no \"ref\" and -ref is not set: %s\n", r.where(), refWarning)
		}
		if _, err = out.Write(res.out); err != nil {
			close(p.stop)
			continue
		}
		prog.tick(c.now, t)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return outputError{err}
	}
	return nil
}

// read cuts every input into records and sends them on; it closes the
// channels when done.
func (p *pipeline) read() {
	defer close(p.order)
	defer close(p.jobs)
	p.err = eachInput(p.o.files, p.stdin, p.readInput)
}

// readInput reads one input. It stops at a read error, or when the first
// line that is not blank is not a JSON object: the input is then not JSON
// Lines, and reading on would give an error record per line.
func (p *pipeline) readInput(name string, r io.Reader) error {
	lr := newLineReader(r, int(p.o.maxLine))
	first := true
	for no := 1; ; no++ {
		line, n, long, err := lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading line %d: %w", no, err)
		}
		rec := &record{name: name, no: no, line: bytes.TrimSpace(line), size: n, res: make(chan result, 1)}
		work := false
		switch {
		case long:
			msg := fmt.Sprintf("longer than %d bytes (see -max-line)", p.o.maxLine)
			rec.res <- p.errorRecord(rec, idFromHead(rec.line), msg)
			rec.line = nil
		case len(rec.line) == 0:
			rec.res <- result{blank: true}
		case first && !isJSONObject(rec.line):
			return fmt.Errorf("line %d is not a JSON object, so the input is not JSON Lines (for a text, leave out -jsonl)", no)
		default:
			work = true
		}
		first = first && len(rec.line) == 0 && !long
		if !p.send(rec, work) {
			return errStopped
		}
	}
}

// idFromHead returns the "id" of a JSON object of which head is the
// start, if the "id" comes before any value that head cuts; else nil.
func idFromHead(head []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(head))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
		if k, _ := key.(string); strings.EqualFold(k, "id") {
			return v
		}
	}
	return nil
}

// isJSONObject reports whether line is one JSON object.
func isJSONObject(line []byte) bool {
	return len(line) > 0 && line[0] == '{' && json.Valid(line)
}

// send queues rec for the writer and, if work, for the workers. It
// reports false when the output has failed.
func (p *pipeline) send(rec *record, work bool) bool {
	select {
	case p.order <- rec:
	case <-p.stop:
		return false
	}
	if !work {
		return true
	}
	select {
	case p.jobs <- rec:
		return true
	case <-p.stop:
		return false
	}
}

// work extracts the records of p.jobs.
func (p *pipeline) work() {
	for r := range p.jobs {
		r.res <- p.process(r)
		r.line = nil
	}
}

// process returns the result of one non-blank line.
func (p *pipeline) process(r *record) result {
	in, msg := parseInput(r.line)
	if msg != "" {
		return p.errorRecord(r, in.id, msg)
	}
	if in.id == nil {
		in.id = json.RawMessage("null")
	}
	doc := arnews.Extract(in.text, p.o.extractOptions(in.ref)...)
	res := result{noRef: in.ref.IsZero() && p.o.ref.IsZero()}
	file := p.o.fileField(r.name)
	if !p.o.agreements {
		body, err := json.Marshal(doc)
		if err != nil {
			return p.errorRecord(r, in.id, err.Error())
		}
		res.out = append(withHeader(in.id, file, body), '\n')
		return res
	}
	for _, a := range doc.Agreements {
		body, err := json.Marshal(a)
		if err != nil {
			return p.errorRecord(r, in.id, err.Error())
		}
		res.out = append(res.out, withHeader(in.id, file, body)...)
		res.out = append(res.out, '\n')
	}
	res.agreements = len(doc.Agreements)
	return res
}

// errorRecord returns the error record of r with the message msg, and the
// id when it could be read.
func (p *pipeline) errorRecord(r *record, id json.RawMessage, msg string) result {
	if id == nil {
		id = json.RawMessage("null")
	}
	full := "arnews: " + r.where() + ": " + msg
	body, _ := json.Marshal(struct { // strings always marshal
		Error string `json:"error"`
	}{full})
	return result{out: append(withHeader(id, p.o.fileField(r.name), body), '\n'), err: full}
}

// input is what one line of -jsonl gives.
type input struct {
	id   json.RawMessage // the "id", as written, or nil
	text string
	ref  time.Time // the "ref", or zero
}

// parseInput reads one line. On failure, msg says what is wrong in the
// terms of the input format, and in.id is the id if it could be read.
func parseInput(line []byte) (in input, msg string) {
	var raw struct {
		ID   json.RawMessage `json:"id"`
		Text json.RawMessage `json:"text"`
		Ref  json.RawMessage `json:"ref"`
	}
	if i := invalidUTF8(line); i >= 0 {
		json.Unmarshal(bytes.ToValidUTF8(line, []byte("\uFFFD")), &raw) // for the id, if the rest is JSON
		return input{id: raw.ID}, fmt.Sprintf("not valid UTF-8 (at byte %d)", i)
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return input{}, jsonProblem(line, err)
	}
	in.id = raw.ID
	switch {
	case raw.Text == nil:
		return in, `missing "text"`
	case raw.Text[0] != '"':
		return in, `"text" must be a string, not ` + jsonKind(raw.Text)
	}
	json.Unmarshal(raw.Text, &in.text) // a JSON string always reads into a string
	if raw.Ref == nil || string(raw.Ref) == "null" || string(raw.Ref) == `""` {
		return in, ""
	}
	var ref string
	if raw.Ref[0] != '"' {
		return in, `"ref" must be a string "YYYY-MM-DD", not ` + jsonKind(raw.Ref)
	}
	json.Unmarshal(raw.Ref, &ref)
	t, err := time.Parse(time.DateOnly, ref)
	if err != nil {
		return in, fmt.Sprintf(`"ref" %q is not a date YYYY-MM-DD`, ref)
	}
	in.ref = t
	return in, ""
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// jsonProblem says what is wrong with a line that json.Unmarshal rejected.
func jsonProblem(line []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se) && se.Offset >= int64(len(line)):
		return "not valid JSON: the line ends before the JSON object does"
	case errors.As(err, &se) && se.Offset > 0 && line[se.Offset-1] >= utf8.RuneSelf:
		r, _ := utf8.DecodeRune(line[se.Offset-1:])
		return fmt.Sprintf("not valid JSON at byte %d: unexpected %q", se.Offset, r)
	case errors.As(err, &se):
		return fmt.Sprintf("not valid JSON at byte %d: %s", se.Offset, se.Error())
	case errors.As(err, &te):
		return `want a JSON object {"id":…,"text":"…"}, not ` + jsonKind(line)
	}
	return "not valid JSON: " + err.Error()
}

// jsonKind names the kind of the JSON value v, with its article.
func jsonKind(v []byte) string {
	switch v[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
