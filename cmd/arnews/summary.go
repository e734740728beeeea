package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// tally counts what a run of arnews -jsonl read and wrote, for the
// progress line and the summary on standard error.
type tally struct {
	files        int // named inputs
	lines, blank int
	docs, failed int
	agreements   int
	bytes        int64
	errs         []string // the first maxListed error messages
	start        time.Time
}

// maxListed is how many error messages the summary lists.
const maxListed = 10

// add counts one record.
func (t *tally) add(r *record, res result) {
	t.lines++
	t.bytes += r.size
	t.agreements += res.agreements
	switch {
	case res.blank:
		t.blank++
	case res.err != "":
		t.failed++
		if len(t.errs) < maxListed {
			t.errs = append(t.errs, res.err)
		}
	default:
		t.docs++
	}
}

// counts describes the counts: "3 lines (1 blank), 1 document, 1 error".
func (t *tally) counts(agreements bool) string {
	var b strings.Builder
	if t.files > 1 {
		fmt.Fprintf(&b, "%d files, ", t.files)
	}
	b.WriteString(plural(t.lines, "line"))
	if t.blank > 0 {
		fmt.Fprintf(&b, " (%d blank)", t.blank)
	}
	fmt.Fprintf(&b, ", %s", plural(t.docs, "document"))
	if agreements {
		fmt.Fprintf(&b, ", %s", plural(t.agreements, "agreement"))
	}
	fmt.Fprintf(&b, ", %s", plural(t.failed, "error"))
	return b.String()
}

// summary writes the first error messages, then the counts, the time and
// the throughput:
//
//	arnews: line 2: longer than 67108864 bytes (see -max-line)
//	arnews: 3 lines, 2 documents, 1 error in 1.2s: 2.5 lines/s, 58.3 MiB/s
func (t *tally) summary(w io.Writer, end time.Time, agreements bool) {
	for _, e := range t.errs {
		fmt.Fprintln(w, e)
	}
	if more := t.failed - len(t.errs); more > 0 {
		fmt.Fprintf(w, "arnews: and %d more %s; each has an error record in the output\n", more, noun(more, "error"))
	}
	d := end.Sub(t.start)
	fmt.Fprintf(w, "arnews: %s in %s", t.counts(agreements), duration(d))
	if s := d.Seconds(); s > 0 {
		fmt.Fprintf(w, ": %s lines/s, %s/s", rate(float64(t.lines)/s), bytesize(float64(t.bytes)/s))
	}
	fmt.Fprintln(w)
}

// plural returns "1 line", "2 lines".
func plural(n int, word string) string {
	return fmt.Sprintf("%d %s", n, noun(n, word))
}

// noun returns word for one, else its plural.
func noun(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// duration rounds d for people: 12ms, 1.2s, 3m4.5s.
func duration(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(100 * time.Millisecond).String()
}

// rate formats a rate with three significant digits or so.
func rate(x float64) string {
	if x >= 100 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// bytesize formats a number of bytes: 812 B, 3.4 KiB, 2.1 MiB, 1.2 GiB.
func bytesize(n float64) string {
	for _, u := range []struct {
		name string
		size float64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size {
			return fmt.Sprintf("%.1f %s", n/u.size, u.name)
		}
	}
	return fmt.Sprintf("%.0f B", n)
}

// progress writes a progress line on standard error while arnews -jsonl
// runs: on a terminal, one line rewritten in place every second; else,
// with -progress, a new line every ten seconds. A nil *progress writes
// nothing.
type progress struct {
	w       io.Writer
	every   time.Duration
	inPlace bool // rewrite one line (a terminal)
	shown   bool // a line is on the terminal, to clear before other output
	last    time.Time
	agr     bool // count agreements
}

// progress returns the progress writer of a run, or nil for none.
func (c *cli) progress(o *options) *progress {
	if !c.terminal && !o.progress {
		return nil
	}
	p := &progress{w: c.stderr, every: 10 * time.Second, inPlace: c.terminal, last: c.now(), agr: o.agreements}
	if c.terminal {
		p.every = time.Second
	}
	if c.every > 0 {
		p.every = c.every
	}
	return p
}

// tick writes the progress line if it is time to.
func (p *progress) tick(now func() time.Time, t *tally) {
	if p == nil {
		return
	}
	at := now()
	if at.Sub(p.last) < p.every {
		return
	}
	p.last = at
	line := fmt.Sprintf("arnews: %s, %s in %s", t.counts(p.agr), bytesize(float64(t.bytes)), duration(at.Sub(t.start)))
	if p.inPlace {
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		p.shown = true
		return
	}
	fmt.Fprintln(p.w, line)
}

// clear erases the progress line from the terminal, before other output.
func (p *progress) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
