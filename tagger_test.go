package arnews

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// taggerTexts returns the articles of testdata, for the tagger's
// benchmarks and fuzz seeds.
func taggerTexts(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no testdata articles: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, strings.TrimSpace(string(b)))
	}
	return out
}

// taggerCorpus returns the articles of testdata one after the other, as
// often as needed, cut to n bytes on a rune boundary.
func taggerCorpus(tb testing.TB, n int) string {
	texts := taggerTexts(tb)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(texts[i%len(texts)])
		b.WriteString("\n\n")
	}
	s := b.String()[:n]
	for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
		s = s[:len(s)-1]
	}
	return strings.ToValidUTF8(s, "")
}

// loadTagger returns the embedded model or fails.
func loadTagger(tb testing.TB) *tagModel {
	tb.Helper()
	m, err := builtinTagger()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkTagger measures the tagger alone (features and Viterbi of both
// stages) on text already prepared, with its lexicon marks.
func BenchmarkTagger(b *testing.B) {
	m := loadTagger(b)
	for _, c := range []struct{ name, text string }{
		{"article", readArticle(b)},
		{"1MB", taggerCorpus(b, 1<<20)},
	} {
		t := prepare(c.text)
		marks := lexiconMarks(t)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				m.tag(t, marks)
			}
		})
	}
}

// BenchmarkTaggerMarks measures lexiconMarks, which the tagger's caller
// computes.
func BenchmarkTaggerMarks(b *testing.B) {
	text := taggerCorpus(b, 1<<20)
	t := prepare(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		lexiconMarks(t)
	}
}

// TestTaggerModelHeader checks the embedded model: it decodes (so its body
// checksum and feature-set version match), and when the training file is
// present its SHA-256 is the one the header records.
func TestTaggerModelHeader(t *testing.T) {
	m := loadTagger(t)
	for _, name := range []string{"training-sha256", "split", "seed", "feature-set", "dev-f1"} {
		if m.header.get(name) == "" {
			t.Errorf("header has no %s", name)
		}
	}
	checkNameFiles(t, m.header.get("name-files"))
	f := openShared(t, anercorpPath)
	defer f.Close()
	h := sha256.New()
	if _, err := f.WriteTo(h); err != nil {
		t.Fatal(err)
	}
	if got, want := hex.EncodeToString(h.Sum(nil)), m.header.get("training-sha256"); got != want {
		t.Errorf("training file SHA-256 %s, model trained on %s: rerun go generate", got, want)
	}
}

// markFiles are the data files the tagger's lexicon marks read
// (lexiconMarks): the model learned weights for those marks, so a change to
// one of them needs a new model.
var markFiles = []string{"data/gazetteer.tsv", "data/lexicon.tsv", "data/institutions.tsv"}

// markFilesDigest records the mark files as path=SHA-256, space-separated.
func markFilesDigest() string {
	var rec []string
	for _, path := range markFiles {
		got := "absent"
		if b, err := os.ReadFile(path); err == nil {
			sum := sha256.Sum256(b)
			got = hex.EncodeToString(sum[:])
		}
		rec = append(rec, path+"="+got)
	}
	return strings.Join(rec, " ")
}

// TestTaggerMarkFiles checks that the model was trained with the data
// files its marks read as they are now: editing the gazetteer, the lexicon
// or the institutions needs go generate (with ../shared present).
func TestTaggerMarkFiles(t *testing.T) {
	m := loadTagger(t)
	if got, want := markFilesDigest(), m.header.get("mark-files"); got != want {
		t.Errorf("the mark files are\n  %s\nthe model was trained with\n  %s\nrerun go generate", got, want)
	}
}

// checkNameFiles checks that each name file is as the model header
// records it (its SHA-256, or absent): the word lists are baked into the
// model, so a changed, added or removed name file needs a new model.
func checkNameFiles(t *testing.T, rec string) {
	t.Helper()
	fields := strings.Fields(rec)
	if len(fields) != len(nameFiles) {
		t.Fatalf("header name-files %q: want %d files", rec, len(nameFiles))
	}
	for i, f := range nameFiles {
		path, want, _ := strings.Cut(fields[i], "=")
		if path != f.path {
			t.Fatalf("header name-files %q: file %d is %s, want %s", rec, i, path, f.path)
		}
		got := "absent"
		if b, err := os.ReadFile(f.path); err == nil {
			sum := sha256.Sum256(b)
			got = hex.EncodeToString(sum[:])
		}
		if got != want {
			t.Errorf("%s is %s, the model was trained with %s: rerun go generate", f.path, got, want)
		}
	}
}

// BenchmarkTaggerLoad measures decoding the embedded model, which the
// first use of the tagger pays once.
func BenchmarkTaggerLoad(b *testing.B) {
	b.SetBytes(int64(len(taggerModelFile)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeModel(taggerModelFile); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTaggerDev tags the development split of ANERcorp with the embedded
// model and checks the F1 figures the header records.
func TestTaggerDev(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("one goroutine, slow under the race detector; runs in the plain test run")
	}
	m := loadTagger(t)
	f := openShared(t, anercorpPath)
	defer f.Close()
	sents, err := readCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	_, devSents := splitDev(sents)
	dev := make([]*aligned, len(devSents))
	for i, s := range devSents {
		dev[i] = align(s)
	}
	window, err := strconv.Atoi(m.header.get("doc-window"))
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := evalModel(m, dev, window)
	if got, want := devF1Field(&lib), m.header.get("dev-f1"); got != want {
		t.Errorf("dev F1 %s, header records %s", got, want)
	}
}

// greedy decodes the lattice one token at a time, each label the best
// after the one before: what Viterbi improves on.
func greedy(l *lattice) []uint8 {
	out := make([]uint8, len(l.emit))
	prev := uint8(startLabel)
	for k := range l.emit {
		best, bestS := uint8(0), int64(0)
		for c := range uint8(nLabels) {
			if !allowed(prev, c) {
				continue
			}
			if s := l.edge[k][prev][c] + l.emit[k][c]; c == 0 || s > bestS {
				best, bestS = c, s
			}
		}
		out[k], prev = best, best
	}
	return out
}

// Label indices, for readable tests.
const (
	lO uint8 = iota
	lBPER
	lIPER
	lBORG
	lIORG
	lBLOC
	lILOC
)

func TestViterbi(t *testing.T) {
	// A tiny model where greedy and Viterbi differ: the first token looks
	// slightly more like the start of a person, but nothing may follow a
	// person here, and the second token is clearly O.
	var l ownLattice
	l.reset(2)
	l.emit[0][lO], l.emit[0][lBPER] = 4, 5
	l.emit[1][lO] = 3
	for c := range nLabels {
		l.edge[1][lBPER][c] = -10
	}
	if got, want := greedy(&l.lattice), []uint8{lBPER, lO}; !slices.Equal(got, want) {
		t.Errorf("greedy = %v, want %v", got, want)
	}
	if got, want := l.viterbi(nil), []uint8{lO, lO}; !slices.Equal(got, want) {
		t.Errorf("viterbi = %v, want %v", got, want)
	}

	// An I label never follows O or another type, however it scores.
	l.reset(3)
	l.emit[0][lO] = 1
	l.emit[1][lIPER] = 100
	l.emit[2][lIORG] = 100
	l.emit[2][lBORG] = 1
	got := l.viterbi(nil)
	for k := range got {
		prev := uint8(startLabel)
		if k > 0 {
			prev = got[k-1]
		}
		if !allowed(prev, got[k]) {
			t.Errorf("viterbi = %v: %d after %d", got, got[k], prev)
		}
	}
	if want := []uint8{lBPER, lIPER, lBORG}; !slices.Equal(got, want) {
		t.Errorf("viterbi = %v, want %v", got, want)
	}
}

func TestSpansOf(t *testing.T) {
	tests := []struct {
		name   string
		labels []uint8
		want   []tagSpan
	}{
		{"empty", nil, nil},
		{"all O", []uint8{lO, lO}, nil},
		{"one word", []uint8{lO, lBLOC, lO}, []tagSpan{{11, 12, tagLOC}}},
		{"at the end", []uint8{lBPER, lIPER}, []tagSpan{{10, 12, tagPER}}},
		{"two Bs", []uint8{lBPER, lBPER}, []tagSpan{{10, 11, tagPER}, {11, 12, tagPER}}},
		{"stray I starts one", []uint8{lO, lIORG, lIORG}, []tagSpan{{11, 13, tagORG}}},
		{"I of another type", []uint8{lBPER, lIORG}, []tagSpan{{10, 11, tagPER}, {11, 12, tagORG}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, spansOf(tc.labels, 10, nil), cmp.AllowUnexported(tagSpan{})); diff != "" {
				t.Errorf("spansOf (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuantizeRoundTrip(t *testing.T) {
	// Averaged weights of three features; the third is too small to keep.
	a := []int64{
		1000, -1000, 0, 0, 0, 0, 333,
		0, 0, 0, 0, 0, 0, -1,
		0, 0, 0, 0, 0, 0, 0,
	}
	sw := quantize(a, []uint32{5, 9, 12})
	if !slices.Equal(sw.ids, []uint32{5, 9}) {
		t.Fatalf("kept %v, want [5 9]", sw.ids)
	}
	want := [][nLabels]int16{{32767, -32767, 0, 0, 0, 0, 10911}, {0, 0, 0, 0, 0, 0, -33}}
	if diff := cmp.Diff(want, sw.weights); diff != "" {
		t.Errorf("quantize (-want +got):\n%s", diff)
	}
	var nl nameLists = map[uint64]listSet{}
	nl.add(listGiven, 77)
	file := encodeModel(modelHeader{{"feature-set", featureSetVersion}}, &modelWeights{stages: []stageWeights{sw}, lists: nl.sorted()})
	m, err := decodeModel(file)
	if err != nil {
		t.Fatal(err)
	}
	for k, id := range sw.ids {
		var p packed
		m.stages[0].w.add(uint64(id)<<32, &p)
		got := p.unpack()
		for c := range nLabels {
			if got[c] != int64(sw.weights[k][c]) {
				t.Errorf("feature %d label %d: %d, want %d", id, c, got[c], sw.weights[k][c])
			}
		}
	}
	var none packed
	m.stages[0].w.add(uint64(12)<<32, &none)
	if none != (packed{}) {
		t.Errorf("dropped feature has weights %v", none)
	}
	if m.lists[77] != 1<<listGiven {
		t.Errorf("lists = %v", m.lists)
	}
	// Any damage to the body is caught.
	bad := slices.Clone(file)
	bad[len(bad)-1] ^= 1
	if _, err := decodeModel(bad); err == nil {
		t.Error("damaged model decoded")
	}
	for n := range len(file) {
		decodeModel(file[:n]) // must not panic
	}
}

// articleFeatures returns the feature keys of every sentence of the seed
// article, without lexicon marks or word lists.
func articleFeatures(t *testing.T) []uint64 {
	tx := prepare(readArticle(t))
	d := tagInput(tx, nil)
	var f sentFeatures
	var keys []uint64
	for _, s := range d.sents {
		f.featurize(d, s, nameLists{}, nil, true)
		keys = append(keys, f.keys...)
		for _, h := range f.edge {
			keys = append(keys, h.norm, h.stem)
		}
	}
	return keys
}

func TestTaggerFeaturesDeterministic(t *testing.T) {
	a, b := articleFeatures(t), articleFeatures(t)
	if !slices.Equal(a, b) {
		t.Fatal("two runs give different features")
	}
}

// frozenFeatures is the SHA-256 of the seed article's features under
// featureSetVersion (articleFeatures), in the order featurize lists them.
const frozenFeatures = "312aa6f4ecbee92f64a5a374c387aab68c0e01eca7f3caf95036a16cca058cc5"

// TestTaggerFeatureSetFrozen checks that the features of the seed article
// are those the embedded model was trained with. When features change on
// purpose (templates, hashing, the token layer), bump featureSetVersion,
// rerun go generate and update frozenFeatures. Listing a token's keys in
// another order changes the hash but not the model (training sums them):
// rerun go generate, check that the model is unchanged, and update
// frozenFeatures alone.
func TestTaggerFeatureSetFrozen(t *testing.T) {
	h := sha256.New()
	for _, k := range articleFeatures(t) {
		h.Write(binary.LittleEndian.AppendUint64(nil, k))
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != frozenFeatures {
		t.Errorf("features of %s under %s hash to %s, want %s", articlePath, featureSetVersion, got, frozenFeatures)
	}
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name   string
		toks   []string
		tags   []string
		labels []uint8 // one per library token
		issues alignIss
	}{
		{"one to one", []string{"زار", "أنان", "القاهرة"}, []string{"O", "B-PERS", "B-LOC"},
			[]uint8{lO, lBPER, lBLOC}, alignIss{}},
		{"multi-word", []string{"الأمم", "المتحدة", "في", "نيويورك"}, []string{"B-ORG", "I-ORG", "O", "B-LOC"},
			[]uint8{lBORG, lIORG, lO, lBLOC}, alignIss{}},
		{"punctuation at an edge stays out", []string{"(ألمانيا", "اليوم"}, []string{"B-LOC", "O"},
			[]uint8{lO, lBLOC, lO}, alignIss{split: 1}},
		{"MISC is O", []string{"الأوروبي", "برند"}, []string{"B-MISC", "B-PERS"},
			[]uint8{lO, lBPER}, alignIss{}},
		{"a split token continues its entity", []string{"جون-بولتون", "قال"}, []string{"B-PERS", "O"},
			[]uint8{lBPER, lIPER, lIPER, lO}, alignIss{split: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := align(conllSent{toks: tc.toks, tags: tc.tags})
			if !slices.Equal(a.labels, tc.labels) {
				t.Errorf("labels = %v, want %v", a.labels, tc.labels)
			}
			if a.issues != tc.issues {
				t.Errorf("issues = %+v, want %+v", a.issues, tc.issues)
			}
		})
	}
}

func TestPacked(t *testing.T) {
	ws := [][nLabels]int16{
		{32767, -32767, -1, 1, 0, -32768, 5},
		{-32767, -32767, 32767, 32767, -1, -1, -5},
	}
	var sum packed
	var want [nLabels]int64
	for range 300 { // more features than any token has
		for _, w := range ws {
			p := pack(&w)
			for k := range sum {
				sum[k] += p[k]
			}
			for c, v := range w {
				want[c] += int64(v)
			}
		}
	}
	if got := sum.unpack(); got != want {
		t.Errorf("unpacked %v, want %v", got, want)
	}
}

func TestSplitDev(t *testing.T) {
	// The rule is conllsplit.DevStart's; here, that sentences are counted
	// by their tokens: 12 tokens, dev from the sentence with 10 before it.
	var sents []conllSent
	for _, n := range []int{5, 5, 1, 1} {
		sents = append(sents, conllSent{toks: make([]string, n)})
	}
	if train, dev := splitDev(sents); len(train) != 2 || len(dev) != 2 {
		t.Errorf("train %d, dev %d; want 2 and 2", len(train), len(dev))
	}
}

func TestTaggerConcurrent(t *testing.T) {
	m := loadTagger(t)
	texts := taggerTexts(t)
	want := make([][]tagSpan, len(texts))
	for i, s := range texts {
		tx := prepare(s)
		want[i] = m.tag(tx, lexiconMarks(tx))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range texts {
				k := (i + g) % len(texts)
				tx := prepare(texts[k])
				if got := m.tag(tx, lexiconMarks(tx)); !slices.Equal(got, want[k]) {
					t.Errorf("text %d: concurrent result differs", k)
				}
			}
		})
	}
	wg.Wait()
}

func FuzzTagger(f *testing.F) {
	for _, s := range articleSentences(f) {
		f.Add(s)
	}
	f.Add("")
	f.Add("\xff\xd8 (د ب أ) الرئيس")
	m := loadTagger(f)
	f.Fuzz(func(t *testing.T, s string) {
		tx := prepare(s)
		checkSpans(t, tx, m.tag(tx, lexiconMarks(tx)))
		checkSpans(t, tx, m.tag(tx, nil))
	})
}

// checkSpans checks that spans are in range, ordered, apart, and each
// within one sentence.
func checkSpans(t *testing.T, tx *text, spans []tagSpan) {
	t.Helper()
	last := 0
	for _, sp := range spans {
		if sp.first < last || sp.last <= sp.first || sp.last > len(tx.toks) {
			t.Fatalf("span %+v after %d of %d tokens", sp, last, len(tx.toks))
		}
		if tx.toks[sp.first].sent != tx.toks[sp.last-1].sent {
			t.Fatalf("span %+v crosses a sentence", sp)
		}
		if sp.typ < tagPER || sp.typ > tagLOC {
			t.Fatalf("span %+v has no type", sp)
		}
		last = sp.last
	}
}
