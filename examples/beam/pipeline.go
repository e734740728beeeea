package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/arnews/arnews"
)

// Beam finds DoFns and element types by name when a worker decodes the
// pipeline, so they are registered at package initialization, before
// beam.Init starts a worker. The register package also generates callers
// that avoid reflection on every element.
func init() {
	register.Function5x0[context.Context, string, string, func(article), func(string)](parseLine)
	register.Function3x1[context.Context, fileio.ReadableFile, func(article), error](readArticle)
	register.DoFn4x1[context.Context, article, func(string), func(string), error](&extractFn{})
	register.Function2x1[string, int, string](formatPair)
	register.Emitter1[article]()
	register.Emitter1[string]()
}

// Counters, shown by the runner while the pipeline runs.
var (
	articlesRead = beam.NewCounter("arnews", "articles")
	badLines     = beam.NewCounter("arnews", "bad_lines")
)

// options are the pipeline's settings, from the command line.
type options struct {
	Input  string // pattern of the input files
	Format string // "jsonl" or "text"
	Ref    string // YYYY-MM-DD: the publication date of articles that give none
	Output string // the Documents, as JSON Lines
	Pairs  string // the agreement counts per pair of states per month
	Errors string // the input lines that could not be read
}

// check reports the first option that is missing or malformed.
func (o options) check() error {
	switch {
	case o.Input == "":
		return errors.New("-input is required")
	case o.Format != "jsonl" && o.Format != "text":
		return fmt.Errorf("-format %q: want jsonl or text", o.Format)
	case o.Output == "" || o.Pairs == "" || o.Errors == "":
		return errors.New("-output, -pairs and -errors must not be empty")
	}
	if _, err := time.Parse(time.DateOnly, o.Ref); err != nil {
		return fmt.Errorf("-ref %q: want YYYY-MM-DD", o.Ref)
	}
	return nil
}

// buildPipeline adds the whole pipeline to s: read the articles, extract a
// Document from each, write the Documents, the pair counts and the bad
// input lines.
func buildPipeline(s beam.Scope, o options) {
	var articles, bad beam.PCollection
	if o.Format == "text" {
		files := fileio.ReadMatches(s, fileio.MatchFiles(s, o.Input))
		articles = beam.ParDo(s, readArticle, files)
	} else {
		lines := textio.ReadWithFilename(s, o.Input)
		articles, bad = beam.ParDo2(s, parseLine, lines)
	}
	// A file is read by one worker (textio splits only files over 64 MB),
	// and the steps after a read run where it ran unless a shuffle moves the
	// articles: spread them over every worker before the costly step.
	articles = beam.Reshuffle(s, articles)
	docs, keys := beam.ParDo2(s, &extractFn{Ref: o.Ref}, articles)

	textio.Write(s, o.Output, docs)
	textio.Write(s, o.Pairs, beam.ParDo(s, formatPair, stats.Count(s, keys)))
	if bad.IsValid() { // text files have no bad lines
		textio.Write(s, o.Errors, bad)
	}
}

// article is one article to read.
type article struct {
	// ID is the article's id as JSON text: the "id" value of a JSON line
	// (null when it has none), or the quoted path of a text file.
	ID string
	// Text is the article.
	Text string
	// Ref is its publication date, YYYY-MM-DD, or "" for the pipeline's
	// -ref.
	Ref string
}

// jsonLine is one input line in JSON Lines format.
type jsonLine struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Ref  string          `json:"ref"`
}

// parseLine reads one line of the JSON Lines file at path and emits it as
// an article, or emits an error record to bad when the line cannot be read:
// an empty line, invalid UTF-8, bad JSON, no "text", a malformed "ref".
func parseLine(ctx context.Context, path, line string, emit func(article), bad func(string)) {
	line = strings.TrimSpace(line)
	var in jsonLine
	fail := func(msg string) {
		badLines.Inc(ctx, 1)
		bad(errorRecord(path, in.ID, msg))
	}
	switch {
	case line == "":
		fail("empty line")
	case !utf8.ValidString(line):
		// Recover the id if the rest parses once the bad bytes are replaced.
		json.Unmarshal([]byte(strings.ToValidUTF8(line, "\uFFFD")), &in)
		fail("line is not valid UTF-8")
	default:
		if err := json.Unmarshal([]byte(line), &in); err != nil {
			// Keep the id when only another field is wrong.
			var idOnly struct {
				ID json.RawMessage `json:"id"`
			}
			json.Unmarshal([]byte(line), &idOnly)
			in = jsonLine{ID: idOnly.ID}
			fail("bad JSON: " + err.Error())
			return
		}
		if in.Text == nil {
			fail(`missing "text"`)
			return
		}
		if in.Ref != "" {
			if _, err := time.Parse(time.DateOnly, in.Ref); err != nil {
				fail(fmt.Sprintf("ref %q: want YYYY-MM-DD", in.Ref))
				return
			}
		}
		emit(article{ID: idText(in.ID), Text: *in.Text, Ref: in.Ref})
	}
}

// idText returns the JSON text of an id, null when there is none.
func idText(id json.RawMessage) string {
	if len(id) == 0 {
		return "null"
	}
	var b bytes.Buffer
	if json.Compact(&b, id) != nil {
		return "null"
	}
	return b.String()
}

// errorRecord returns the JSON line that reports a bad input line.
func errorRecord(path string, id json.RawMessage, msg string) string {
	b, _ := json.Marshal(struct {
		ID     json.RawMessage `json:"id"`
		Source string          `json:"source"`
		Error  string          `json:"error"`
	}{json.RawMessage(idText(id)), path, "arnews: " + msg})
	return string(b)
}

// readArticle emits a whole text file as one article whose id is its path.
func readArticle(ctx context.Context, f fileio.ReadableFile, emit func(article)) error {
	text, err := f.ReadString(ctx)
	if err != nil {
		return err // an I/O error: the runner retries the bundle
	}
	id, _ := json.Marshal(f.Metadata.Path)
	emit(article{ID: string(id), Text: text})
	return nil
}

// extractFn extracts a Document from each article. Each worker builds one
// Extractor, in Setup, and uses it for every article of every bundle it is
// given.
type extractFn struct {
	// Ref is the publication date, YYYY-MM-DD, of articles that give none.
	Ref string `json:"ref"`

	x *arnews.Extractor
}

// Setup builds the worker's Extractor.
func (f *extractFn) Setup() error {
	x, err := newExtractor()
	f.x = x
	return err
}

// ProcessElement emits the article's Document as a JSON line to docs, and
// the pair-month key of each pair of states of each agreement to keys.
func (f *extractFn) ProcessElement(ctx context.Context, a article, docs, keys func(string)) error {
	ref := a.Ref
	if ref == "" {
		ref = f.Ref
	}
	t, err := time.Parse(time.DateOnly, ref)
	if err != nil {
		return fmt.Errorf("article %s: ref %q: want YYYY-MM-DD", a.ID, ref)
	}
	line, pairs, err := extract(f.x, a.ID, a.Text, t)
	if err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	articlesRead.Inc(ctx, 1)
	docs(line)
	for _, p := range pairs {
		keys(p.key())
	}
	return nil
}

// formatPair writes the count of one pair-month key as a JSON line.
func formatPair(key string, n int) string {
	p := parseKey(key)
	b, _ := json.Marshal(struct {
		Parties    [2]string `json:"parties"`
		Month      string    `json:"month"`
		Agreements int       `json:"agreements"`
	}{[2]string{p.A, p.B}, p.Month, n})
	return string(b)
}
