package arnews

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

// This file builds the tagger's name lists at training: given and family
// names harvested from the gold people of the train part of ANERcorp
// (jackknifed, see jackknifeLists) and from the project's name files when
// present, and the words frequent in train, whose absence marks a word
// as rare.

// nameFiles are the project's name lists (columns name, gender, origin,
// flags, source; # starts a comment), and whether each lists given names.
var nameFiles = []struct {
	path  string
	given bool
}{
	{"data/given-names-arabic.tsv", true},
	{"data/given-names-foreign.tsv", true},
	{"data/family-names.tsv", false},
}

// listedName is a word of a name file.
type listedName struct {
	norm   string // normalized
	common bool   // the row is flagged common: the name is also an ordinary word
}

// parseNameList returns the normalized words of the names in a name file
// (columns name, gender, origin, flags, source; # starts a comment; the
// first other row is the column header): every word of every name, in
// file order.
func parseNameList(src string) []listedName {
	var out []listedName
	for line := range strings.SplitSeq(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		name := strings.TrimSpace(f[0])
		if name == "" || name == "name" {
			continue
		}
		common := len(f) > 3 && slices.Contains(strings.Split(f[3], ","), "common")
		for _, tk := range tagInput(prepare(name), nil).toks {
			if tk.shape != shapePunct {
				out = append(out, listedName{tk.norm, common})
			}
		}
	}
	return out
}

// externalNames reads the name files that are present, returning their
// lists and a header field recording each file's SHA-256 or absence.
func externalNames() (nameLists, modelHeader, error) {
	nl := nameLists{}
	var rec []string
	for _, f := range nameFiles {
		b, err := os.ReadFile(f.path)
		if errors.Is(err, os.ErrNotExist) {
			rec = append(rec, f.path+"=absent")
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		sum := sha256.Sum256(b)
		rec = append(rec, f.path+"="+hex.EncodeToString(sum[:]))
		l := listFamily
		if f.given {
			l = listGiven
		}
		for _, w := range parseNameList(string(b)) {
			if w.common {
				nl.add(listCommonName, fnv64(w.norm))
			} else {
				nl.add(l, fnv64(w.norm))
			}
		}
	}
	return nl, modelHeader{{"name-files", strings.Join(rec, " ")}}, nil
}

// harvest is what the gold labels of some train sentences give: the
// first words of people (given names), the last words of people of two
// words or more (family names), the words inside each type of entity, and
// the count of every word.
type harvest struct {
	sets  nameLists // all but listFrequent
	count map[uint64]int
}

func newHarvest() *harvest {
	return &harvest{sets: nameLists{}, count: map[uint64]int{}}
}

// typeList is the list of the words seen inside entities of each type.
var typeList = [...]int{tagPER: listPER, tagORG: listORG, tagLOC: listLOC}

// add harvests the aligned sentence a.
func (h *harvest) add(a *aligned) {
	d := tagInput(a.t, nil)
	for _, tk := range d.toks {
		h.count[fnv64(tk.norm)]++
	}
	for _, sp := range a.sentSpans(a.labels) {
		for k := sp.first; k < sp.last; k++ {
			h.sets.add(typeList[sp.typ], fnv64(d.toks[k].norm))
		}
		if sp.typ != tagPER {
			continue
		}
		h.sets.add(listGiven, fnv64(d.toks[sp.first].norm))
		if sp.last-sp.first > 1 {
			h.sets.add(listFamily, fnv64(d.toks[sp.last-1].norm))
		}
	}
}

// lists returns the lists of the harvests hs plus ext: frequent words
// are those seen at least twice in hs.
func lists(hs []*harvest, ext nameLists) nameLists {
	nl := nameLists{}
	count := map[uint64]int{}
	for _, h := range append(hs, &harvest{sets: ext}) {
		for w, set := range h.sets {
			nl[w] |= set &^ (1 << listFrequent)
		}
		for w, n := range h.count {
			count[w] += n
		}
	}
	for w, n := range count {
		if n >= 2 {
			nl.add(listFrequent, w)
		}
	}
	return nl
}

// jackknifeLists returns the lists for each of folds contiguous blocks of
// train, each built without its own block, so that a sentence's features
// never read lists made from its own labels; and the lists of all of
// train, which the model ships and dev is tagged with.
func jackknifeLists(train []*aligned, folds int, ext nameLists) (byFold []nameLists, full nameLists) {
	hs := make([]*harvest, folds)
	for k := range hs {
		hs[k] = newHarvest()
	}
	for i, a := range train {
		hs[foldOf(i, len(train), folds)].add(a)
	}
	for k := range folds {
		others := slices.Concat(hs[:k], hs[k+1:])
		byFold = append(byFold, lists(others, ext))
	}
	return byFold, lists(hs, ext)
}

// sorted returns the lists as sorted hashes, for the model file.
func (nl nameLists) sorted() (out [numLists][]uint64) {
	for w, set := range nl {
		for l := range numLists {
			if set&(1<<l) != 0 {
				out[l] = append(out[l], w)
			}
		}
	}
	for l := range out {
		slices.Sort(out[l])
	}
	return out
}

// String summarizes the lists' sizes.
func (nl nameLists) String() string {
	s := nl.sorted()
	return fmt.Sprintf("given %d, family %d, frequent %d, PER %d, ORG %d, LOC %d", len(s[listGiven]), len(s[listFamily]),
		len(s[listFrequent]), len(s[listPER]), len(s[listORG]), len(s[listLOC]))
}
