package arnews

import (
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// articlePath is the seed article the golden tests are built from.
const articlePath = "testdata/qatar-us-protecting-power.txt"

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// articleSentences returns the sentences of the seed article, for fuzz
// seeds.
func articleSentences(tb testing.TB) []string {
	s := readArticle(tb)
	t := prepare(s)
	out := make([]string, 0, len(t.sents))
	for _, sn := range t.sents {
		out = append(out, s[sn.span.Start:sn.span.End])
	}
	return out
}

// openShared opens a file of ../shared, the project's reference data, and
// skips the test when it is absent, as it is outside this workplace.
func openShared(tb testing.TB, path string) *os.File {
	tb.Helper()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("%s not present", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// joinTo joins parts, in turn and as often as needed, with blank lines
// between them, and cuts the result to n bytes on a rune boundary: the
// large inputs of the benchmarks and of the scaling tests.
func joinTo(parts []string, n int) string {
	var b strings.Builder
	b.Grow(n + 8<<10)
	for i := 0; b.Len() < n && len(parts) > 0; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteString("\n\n")
	}
	return cutAt(b.String(), n)
}

// mustDateValue parses a YYYY-MM-DD date for package-level test values.
func mustDateValue(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// readTestFile returns the content of a file of the package directory.
func readTestFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// tableLine is a data row of an embedded table and its line number.
type tableLine struct {
	no     int
	fields []string
}

// tableLines returns the data rows of the table src (a file of data/),
// split at tabs: not comments, not empty, not the header line, which
// starts with the name of the first column.
func tableLines(src, firstColumn string) []tableLine {
	var out []tableLine
	for i, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, firstColumn+"\t") {
			continue
		}
		out = append(out, tableLine{no: i + 1, fields: strings.Split(line, "\t")})
	}
	return out
}
