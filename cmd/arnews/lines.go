package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// lineReader reads the lines of a JSON Lines input. A line longer than max
// bytes is read through and reported by its size only: it is never held
// whole in memory, whatever its length.
type lineReader struct {
	r   *bufio.Reader
	max int
}

// bom is the UTF-8 byte order mark, which some editors put at the start
// of a file.
var bom = []byte("\uFEFF")

// newLineReader returns a lineReader of r for lines of at most max bytes,
// past a leading byte order mark.
func newLineReader(r io.Reader, max int) *lineReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(len(bom)); err == nil && bytes.Equal(b, bom) {
		br.Discard(len(bom))
	}
	return &lineReader{r: br, max: max}
}

// next returns the next line without its "\n", the number of bytes it
// took in the input, and whether it was longer than the maximum: line is
// then only its first bytes (at most headSize), where the "id" usually is.
// The error is io.EOF after the last line, which may lack its "\n".
//
// A line is kept as the buffer-sized pieces it is read in, joined once at
// its end, so that a long line costs its length once, not the sum of the
// sizes a growing slice goes through.
func (lr *lineReader) next() (line []byte, n int64, long bool, err error) {
	var pieces [][]byte
	size := 0
	for {
		frag, err := lr.r.ReadSlice('\n')
		n += int64(len(frag))
		content := bytes.TrimSuffix(frag, []byte{'\n'})
		switch {
		case long: // read through
		case size+len(content) > lr.max:
			long, line, pieces = true, head(append(pieces, content)), nil
		default:
			pieces = append(pieces, bytes.Clone(content))
			size += len(content)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil && (!errors.Is(err, io.EOF) || n == 0):
			return nil, n, false, err
		case long:
			return line, n, long, nil
		case len(pieces) == 1:
			return pieces[0], n, false, nil
		}
		return bytes.Join(pieces, nil), n, false, nil
	}
}

// head returns a copy of the first headSize bytes of the pieces.
func head(pieces [][]byte) []byte {
	var h []byte
	for _, p := range pieces {
		if len(h) >= headSize {
			break
		}
		h = append(h, p[:min(len(p), headSize-len(h))]...)
	}
	return h
}

// headSize is how much of an overlong line next keeps.
const headSize = 4 << 10

// byteSize is a size in bytes, given as a number with an optional unit:
// KiB, MiB or GiB (K, M, G and KB, MB, GB mean the same).
type byteSize int64

// units are the units of byteSize, largest first.
var units = []struct {
	names []string
	size  int64
}{
	{[]string{"GiB", "GB", "G"}, 1 << 30},
	{[]string{"MiB", "MB", "M"}, 1 << 20},
	{[]string{"KiB", "KB", "K"}, 1 << 10},
}

// String returns the size with the largest unit that divides it.
func (s *byteSize) String() string {
	for _, u := range units {
		if *s != 0 && int64(*s)%u.size == 0 {
			return fmt.Sprintf("%d%s", int64(*s)/u.size, u.names[0])
		}
	}
	return strconv.FormatInt(int64(*s), 10)
}

// Set reads a size such as 1048576, 512KiB or 64MiB.
func (s *byteSize) Set(v string) error {
	num, mult := strings.TrimSpace(v), int64(1)
	for _, u := range units {
		for _, name := range u.names {
			if rest, ok := strings.CutSuffix(num, name); ok && mult == 1 {
				num, mult = strings.TrimSpace(rest), u.size
			}
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 1 || n > (1<<40)/mult {
		return fmt.Errorf("want a size such as 1048576, 512KiB or 64MiB, at least 1 byte and at most 1024GiB")
	}
	*s = byteSize(n * mult)
	return nil
}
