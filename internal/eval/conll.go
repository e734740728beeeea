package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/arnews/arnews/internal/conllsplit"
)

// Token is one "token TAG" line of a CoNLL file.
type Token struct {
	Text string
	Tag  string // O, B-TYPE or I-TYPE
}

// Sentence is a run of tokens between blank lines.
type Sentence struct {
	Tokens []Token
	// Line is the line of the file its first token is on, from 1.
	Line int
}

// Text returns the tokens joined by single spaces: the document arnews
// reads for the sentence.
func (s Sentence) Text() string {
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = t.Text
	}
	return strings.Join(words, " ")
}

// ReadCoNLL reads sentences from r, a CoNLL file named name (for
// messages): one "token TAG" per line, the two fields separated by spaces
// or tabs, TAG being O, B-TYPE or I-TYPE; blank lines end sentences (runs of
// them count as one). A UTF-8 byte order mark and CR line endings are
// allowed. Any other line is an error that names the file and the line.
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []Sentence
	var cur Sentence
	for no := 1; sc.Scan(); no++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if no == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if strings.TrimSpace(line) == "" {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
			}
			cur = Sentence{}
			continue
		}
		tok, err := parseCoNLLLine(line)
		if err != nil {
			return nil, fmt.Errorf("arnews: %s:%d: %w", name, no, err)
		}
		if len(cur.Tokens) == 0 {
			cur.Line = no
		}
		cur.Tokens = append(cur.Tokens, tok)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("arnews: %s: %w", name, err)
	}
	if len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("arnews: %s: no sentences", name)
	}
	return out, nil
}

// parseCoNLLLine reads one non-blank line.
func parseCoNLLLine(line string) (Token, error) {
	f := strings.Fields(line)
	if len(f) != 2 {
		return Token{}, fmt.Errorf("want \"token TAG\", got %d fields in %q", len(f), line)
	}
	tag := f[1]
	if tag != "O" {
		prefix, typ, ok := strings.Cut(tag, "-")
		if !ok || (prefix != "B" && prefix != "I") || typ == "" {
			return Token{}, fmt.Errorf("bad tag %q: want O, B-TYPE or I-TYPE", tag)
		}
	}
	return Token{Text: f[0], Tag: tag}, nil
}

// TokenSpan is an entity over tokens [Start, End) of a sentence.
type TokenSpan struct {
	Type       string // LOC, ORG, PERS, MISC…
	Start, End int
}

// Entities returns the entities the BIO tags of s mark, in order. An I-
// tag that does not continue an entity of its type starts a new one.
func (s Sentence) Entities() []TokenSpan {
	var out []TokenSpan
	open := -1 // index in out of the entity the previous token is in
	for i, t := range s.Tokens {
		prefix, typ, _ := strings.Cut(t.Tag, "-")
		switch {
		case t.Tag == "O":
			open = -1
		case prefix == "I" && open >= 0 && out[open].Type == typ:
			out[open].End = i + 1
		default:
			out = append(out, TokenSpan{Type: typ, Start: i, End: i + 1})
			open = len(out) - 1
		}
	}
	return out
}

// SplitCoNLL cuts sentences into a training part and a development part,
// the last sixth of the tokens cut at a sentence boundary: with T the
// number of tokens and P(i) the number of tokens in sentences[:i], dev
// starts at the smallest i with 6·P(i) ≥ 5·T. The split depends only on the
// sentence lengths, so every tool that calls it (arnews eval, a tagger
// trainer) gets the same sentences.
func SplitCoNLL(sentences []Sentence) (train, dev []Sentence) {
	sizes := make([]int, len(sentences))
	for i, s := range sentences {
		sizes[i] = len(s.Tokens)
	}
	i := conllsplit.DevStart(sizes)
	return sentences[:i], sentences[i:]
}
