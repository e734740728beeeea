package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/text/transform"

	"github.com/arnews/arnews"
)

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

// formNames lists the names of forms, sorted and comma-separated.
func formNames() string {
	names := make([]string, 0, len(forms))
	for k := range forms {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// normalizeUsage is the help of arnews normalize.
const normalizeUsage = `usage: arnews normalize [-form LIST] [FILE ...]

Writes the text of each FILE (or of standard input) normalized, as a
stream: in the Search form arnews matches on, or in the form made of the
steps that -form lists. The package documentation describes each step.

Exit status: 0 on success, 2 for a usage error, 3 when an input cannot be
read or the output cannot be written.

Flags:`

// normalize runs arnews normalize.
func (c *cli) normalize(args []string) int {
	fs := flagSet("arnews normalize")
	formFlag := fs.String("form", "search", "comma-separated `steps`: "+formNames())
	if code, done := parseFlags(fs, args, c.stdout, c.stderr, normalizeUsage); done {
		return code
	}
	var f arnews.Form
	for _, name := range strings.Split(*formFlag, ",") {
		v, ok := forms[strings.TrimSpace(name)]
		if !ok {
			return fail(c.stderr, usageError{fmt.Sprintf("-form: unknown step %q (want %s)", name, formNames())})
		}
		f |= v
	}
	if err := checkFiles(fs.Args()); err != nil {
		return fail(c.stderr, err)
	}
	n := arnews.NewNormalizer(f)
	out := bufio.NewWriter(c.stdout)
	err := eachInput(fs.Args(), c.stdin, func(name string, r io.Reader) error {
		_, err := io.Copy(out, transform.NewReader(r, n))
		return err
	})
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = outputError{ferr}
	}
	if err != nil {
		return fail(c.stderr, err)
	}
	return exitOK
}
