// Command beam runs arnews as an Apache Beam pipeline, so that a corpus too
// large for one machine can be read on Dataflow, Flink or Spark, or locally
// on the prism runner.
//
// It reads articles, as JSON Lines ({"id":…,"text":…,"ref":"YYYY-MM-DD"}
// per line, as for arnews -jsonl) or as plain text files (one article per
// file), and writes three files:
//
//   - -output: one Document per article, as JSON Lines, with its id;
//   - -pairs: the number of agreements per unordered pair of state parties
//     per month, as JSON Lines {"parties":["AE","SA"],"month":"2021-08","agreements":2};
//   - -errors: one record per input line that could not be read, written
//     only if there is one.
//
// Usage:
//
//	go run . -input='articles/*.jsonl' -output=documents.jsonl -pairs=pairs.jsonl -errors=errors.jsonl
//	go run . -format=text -ref=2021-11-12 -input='../../testdata/*.txt' -output=documents.jsonl
//
// The runner is chosen with -runner (prism by default); see README.md for
// Dataflow, Flink and Spark.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

func main() {
	var o options
	flag.StringVar(&o.Input, "input", "", "`pattern` of the input files (local path or gs://…, with * wildcards)")
	flag.StringVar(&o.Format, "format", "jsonl", "input `format`: jsonl (one article per line) or text (one article per file)")
	flag.StringVar(&o.Ref, "ref", "", "publication `date` YYYY-MM-DD for text files and for JSON lines without \"ref\" (default today, UTC)")
	flag.StringVar(&o.Output, "output", "documents.jsonl", "`file` for the Documents, as JSON Lines")
	flag.StringVar(&o.Pairs, "pairs", "pairs.jsonl", "`file` for the agreement counts per pair of states per month")
	flag.StringVar(&o.Errors, "errors", "errors.jsonl", "`file` for the input lines that could not be read")
	flag.Parse()
	// On a distributed runner this same binary is started as a worker: Init
	// then runs the worker and never returns, so nothing below runs there.
	beam.Init()

	if o.Ref == "" {
		// Fixed once, here, so that every worker resolves dates alike.
		o.Ref = time.Now().UTC().Format(time.DateOnly)
	}
	if err := o.check(); err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v (see -help)\n", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, o)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("beam: pipeline failed: %v", err)
	}
}
