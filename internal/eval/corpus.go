package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Gold is one line of gold.jsonl: the facts a reader extracts from one
// article (see ../shared/corpus/README.md for the schema). Fields the
// scorer does not use (notes, ref_basis) are ignored.
type Gold struct {
	File        string          `json:"file"`
	Ref         string          `json:"ref"`
	Dates       []GoldDate      `json:"dates"`
	Entities    []GoldEntity    `json:"entities"`
	NotEntities []string        `json:"not_entities"`
	Agreements  []GoldAgreement `json:"agreements"`
}

// GoldDate is a date expression of the body with its ISO value.
type GoldDate struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Grain string `json:"grain"`
}

// GoldEntity is a country, city, organisation, person or region with its
// distinct surface forms in the body.
type GoldEntity struct {
	Kind     string   `json:"kind"`
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Country  string   `json:"country"`
	Mentions []string `json:"mentions"`
}

// GoldAgreement is an instrument the article reports.
type GoldAgreement struct {
	Trigger     string   `json:"trigger"`
	Kind        string   `json:"kind"`
	Status      string   `json:"status"`
	Parties     []string `json:"parties"`
	Signatories []string `json:"signatories"`
	Subject     string   `json:"subject"`
	Signed      string   `json:"signed"`
	Effective   string   `json:"effective"`
	Place       string   `json:"place"`
	Source      string   `json:"source"`
}

// Article is a gold line with the body it describes.
type Article struct {
	Gold
	// Body is the article text: its file after the first newline.
	Body string
	// Ref is Gold.Ref parsed, at midnight UTC.
	Ref time.Time
	// Line is the line of gold.jsonl the gold came from, from 1.
	Line int
}

// maxGoldLine bounds one line of gold.jsonl.
const maxGoldLine = 16 << 20

// ReadCorpus reads dir/gold.jsonl and the article file of each of its
// lines. Blank lines are allowed. A line that does not parse, an article
// that is missing or has no header line, a bad ref, a file named twice or a
// gold text (date, mention, trigger, subject, signatory) that is not in the
// body is an error naming gold.jsonl and the line.
func ReadCorpus(dir string) ([]Article, error) {
	path := filepath.Join(dir, "gold.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("arnews: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxGoldLine)
	var arts []Article
	seen := map[string]int{}
	for no := 1; sc.Scan(); no++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		a, err := readArticle(dir, line, no)
		if err == nil && seen[a.File] != 0 {
			err = fmt.Errorf("%s is already the file of line %d", a.File, seen[a.File])
		}
		if err != nil {
			return nil, fmt.Errorf("arnews: %s:%d: %w", path, no, err)
		}
		seen[a.File] = no
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("arnews: %s: %w", path, err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("arnews: %s: no articles", path)
	}
	return arts, nil
}

// readArticle parses one gold line and reads its article.
func readArticle(dir string, line []byte, no int) (Article, error) {
	a := Article{Line: no}
	if err := json.Unmarshal(line, &a.Gold); err != nil {
		return a, fmt.Errorf("bad JSON: %w", err)
	}
	if a.File == "" || a.File != filepath.Base(a.File) {
		return a, fmt.Errorf("bad \"file\" %q: want the name of a file in %s", a.File, dir)
	}
	ref, err := time.Parse(time.DateOnly, a.Gold.Ref)
	if err != nil {
		return a, fmt.Errorf("bad \"ref\" %q: want YYYY-MM-DD", a.Gold.Ref)
	}
	a.Ref = ref
	b, err := os.ReadFile(filepath.Join(dir, a.File))
	if err != nil {
		return a, fmt.Errorf("article: %w", err)
	}
	_, body, ok := strings.Cut(string(b), "\n")
	if !ok {
		return a, fmt.Errorf("%s has no header line: the body starts after the first newline", a.File)
	}
	a.Body = body
	return a, checkGoldTexts(a)
}

// checkGoldTexts reports the first gold text that is not in the body.
func checkGoldTexts(a Article) error {
	need := func(what, s string) error {
		if s == "" || !strings.Contains(a.Body, s) {
			return fmt.Errorf("%s %q is not in the body of %s", what, s, a.File)
		}
		return nil
	}
	var errs []error
	for _, d := range a.Dates {
		errs = append(errs, need("date", d.Text))
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			errs = append(errs, need("mention of "+e.Name+":", m))
		}
	}
	for _, g := range a.Agreements {
		errs = append(errs, need("trigger", g.Trigger))
		if g.Subject != "" {
			errs = append(errs, need("subject", g.Subject))
		}
		for _, s := range g.Signatories {
			errs = append(errs, need("signatory", s))
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
