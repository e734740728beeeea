package arnews

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// This file is the tagger's generator: TestTrainTagger trains the model on
// the train part of ANERcorp and writes data/tagger.model. It runs only
// with -train-tagger (go generate runs it so); without the corpus it logs
// that and leaves the model alone. Training is deterministic: the same
// inputs give a byte-identical model.

var trainTagger = flag.Bool("train-tagger", false, "train the tagger on ANERcorp and rewrite "+taggerModelPath)

// taggerModelPath is the model file the generator writes.
const taggerModelPath = "data/tagger.model"

// trainConfig holds the hyper-parameters of training.
type trainConfig struct {
	seed      uint64 // of the shuffle before each epoch
	maxEpochs int    // the cap on epochs
	patience  int    // epochs without a better dev F1 before stopping
	folds     int    // jackknife folds of the lists harvested from train
	minCount  int    // a feature seen fewer times in train is dropped
	docWindow int    // sentences on each side that make a training document
	margin    int64  // added to wrong labels' scores when training
}

// defaultTrainConfig is the configuration of the shipped model.
var defaultTrainConfig = trainConfig{seed: 20080101, maxEpochs: 30, patience: 5, folds: 10, minCount: 2, docWindow: 5, margin: 100}

// header returns the header fields recording the configuration.
func (c trainConfig) header() modelHeader {
	return modelHeader{
		{"seed", strconv.FormatUint(c.seed, 10)},
		{"max-epochs", strconv.Itoa(c.maxEpochs)},
		{"patience", strconv.Itoa(c.patience)},
		{"jackknife-folds", strconv.Itoa(c.folds)},
		{"min-feature-count", strconv.Itoa(c.minCount)},
		{"doc-window", strconv.Itoa(c.docWindow)},
		{"margin", strconv.FormatInt(c.margin, 10)},
	}
}

func TestTrainTagger(t *testing.T) {
	if !*trainTagger {
		t.Skip("run with -args -train-tagger to train the tagger")
	}
	raw, err := os.ReadFile(anercorpPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Logf("%s not present: the model is left as it is", anercorpPath)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	model, report, err := trainModel(raw, defaultTrainConfig, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("training took %v", time.Since(start).Round(time.Millisecond))
	t.Logf("dev scores of the shipped model (library tokens):\n%s", report)
	old, _ := os.ReadFile(taggerModelPath)
	if bytes.Equal(old, model) {
		t.Logf("%s unchanged (%d bytes)", taggerModelPath, len(model))
		return
	}
	if err := os.WriteFile(taggerModelPath, model, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", taggerModelPath, len(model))
}

// corpus is the aligned training data.
type corpus struct {
	train, dev []*aligned
	nSents     int
}

// loadCorpus parses and aligns the CoNLL file raw and reports how many
// sentences did not align one to one.
func loadCorpus(raw []byte, logf func(string, ...any)) (*corpus, error) {
	sents, err := readCoNLL(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	tr, dv := splitDev(sents)
	c := &corpus{nSents: len(sents)}
	var tot alignIss
	bad := 0
	for _, s := range sents {
		a := align(s)
		if len(c.train) < len(tr) {
			c.train = append(c.train, a)
		} else {
			c.dev = append(c.dev, a)
		}
		tot.split += a.issues.split
		tot.lost += a.issues.lost
		tot.crossed += a.issues.crossed
		tot.changed += a.issues.changed
		if a.issues.any() {
			bad++
		}
	}
	logf("%d sentences: train %d, dev %d", len(sents), len(tr), len(dv))
	logf("alignment: %d sentences with issues; entity tokens split %d, lost %d; entities crossing a library sentence %d, changed span %d",
		bad, tot.split, tot.lost, tot.crossed, tot.changed)
	return c, nil
}

// trainModel trains a model on the CoNLL file raw with configuration
// cfg and returns the model file and its dev scores.
func trainModel(raw []byte, cfg trainConfig, logf func(string, ...any)) ([]byte, string, error) {
	c, err := loadCorpus(raw, logf)
	if err != nil {
		return nil, "", err
	}
	ext, extHeader, err := externalNames()
	if err != nil {
		return nil, "", err
	}
	foldLists, full := jackknifeLists(c.train, cfg.folds, ext)
	logf("word lists: %v", full)
	train := make([]example, len(c.train))
	for i, a := range c.train {
		train[i] = example{a: a, lists: foldLists[foldOf(i, len(c.train), cfg.folds)]}
	}
	dev := make([]example, len(c.dev))
	for i, a := range c.dev {
		dev[i] = example{a: a, lists: full}
	}
	s1, e1 := trainStage("stage 1", train, dev, cfg, logf)
	setStacks(dev, firstLabels(newStage(newFeatTable(&s1)), dev), cfg.docWindow)
	setStacks(train, outOfFold(train, dev, cfg, logf), cfg.docWindow)
	s2, e2 := trainStage("stage 2", train, dev, cfg, logf)
	mw := &modelWeights{stages: []stageWeights{s1, s2}, lists: full.sorted()}
	sum := sha256.Sum256(raw)
	h := modelHeader{
		{"feature-set", featureSetVersion},
		{"training-file", "ANERCorp_CamelLab_train.txt (ANERcorp, CAMeL Lab train split, CC BY-SA 4.0)"},
		{"training-sha256", hex.EncodeToString(sum[:])},
		{"split", fmt.Sprintf("%s; n = %d, train = %d, dev = %d", devSplitRule, c.nSents, len(c.train), len(c.dev))},
		{"labels", "O B-PER I-PER B-ORG I-ORG B-LOC I-LOC (MISC is O)"},
	}
	h = append(h, cfg.header()...)
	h = append(h, extHeader...)
	h = append(h, headerField{"mark-files", markFilesDigest()})
	h = append(h,
		headerField{"best-epochs", fmt.Sprintf("stage 1: %d, stage 2: %d", e1, e2)},
		headerField{"features", fmt.Sprintf("stage 1: %d, stage 2: %d", len(s1.ids), len(s2.ids))},
		headerField{"quantization", "int16, the largest averaged weight of each stage at 32767"},
	)
	m, err := decodeModel(encodeModel(h, mw))
	if err != nil {
		return nil, "", err
	}
	lib, src := evalModel(m, c.dev, cfg.docWindow)
	logf("dev scores on ANERcorp's own token spans:\n%s", src.String())
	h = append(h, headerField{"dev-f1", devF1Field(&lib)})
	return encodeModel(h, mw), lib.String(), nil
}

// example is one CoNLL sentence ready for training: its alignment, the
// word lists its features read and, for the second stage, the first
// stage's output.
type example struct {
	a     *aligned
	lists nameLists
	stack *stackInput
}

// trainStage trains one stage on train, stopping early on dev, and
// returns its quantized weights and best epoch.
func trainStage(name string, train, dev []example, cfg trainConfig, logf func(string, ...any)) (stageWeights, int) {
	trainSeqs, devSeqs := rawSeqs(train), rawSeqs(dev)
	idx := indexFeatures(trainSeqs, cfg.minCount)
	logf("%s: %d train sequences, %d dev sequences, %d features", name, len(trainSeqs), len(devSeqs), len(idx.ids))
	pc := newPerceptron(len(idx.ids))
	pc.margin = cfg.margin
	best, epoch := pc.fit(idx.compile(trainSeqs), idx.compile(devSeqs), cfg, logf)
	return quantize(best, idx.ids), epoch
}

// firstLabels returns the labels the first-stage weights w give the
// tokens of each example.
func firstLabels(w *stage, exs []example) [][]uint8 {
	var dec decoder
	out := make([][]uint8, len(exs))
	for i, ex := range exs {
		out[i] = dec.decode(w, ex.a.doc, ex.lists, nil)
	}
	return out
}

// outOfFold returns the first-stage labels of train, each fold's from a
// first stage trained without it, as the second stage will meet them on
// unseen text.
func outOfFold(train, dev []example, cfg trainConfig, logf func(string, ...any)) [][]uint8 {
	out := make([][]uint8, len(train))
	for k := range cfg.folds {
		var in, held []example
		var at []int
		for i, ex := range train {
			if foldOf(i, len(train), cfg.folds) == k {
				held, at = append(held, ex), append(at, i)
			} else {
				in = append(in, ex)
			}
		}
		var last string
		sw, _ := trainStage(fmt.Sprintf("stage 1 without fold %d", k), in, dev, cfg, func(f string, a ...any) { last = fmt.Sprintf(f, a...) })
		logf("%s", last)
		for j, l := range firstLabels(newStage(newFeatTable(&sw)), held) {
			out[at[j]] = l
		}
	}
	return out
}

// setStacks gives each example the first-stage labels of its tokens and
// the evidence of its document. ANERcorp marks no article boundaries, so
// an example's document is the window of the examples within window of
// it.
func setStacks(exs []example, labels [][]uint8, window int) {
	evs := make([]docEvidence, len(exs))
	for i, ex := range exs {
		evs[i] = evidenceOf(ex.a.doc, labels[i])
	}
	for i := range exs {
		ev := docEvidence{}
		for j := max(0, i-window); j <= min(len(exs)-1, i+window); j++ {
			for h, c := range evs[j] {
				sum := ev[h]
				for t := range sum {
					sum[t] += c[t]
				}
				ev[h] = sum
			}
		}
		exs[i].stack = &stackInput{labels: labels[i], ev: ev}
	}
}

// devF1Field formats the dev F1 of all types and of each type.
func devF1Field(e *entityScores) string {
	var parts []string
	for _, k := range []tagType{0, tagPER, tagORG, tagLOC} {
		name := k.String()
		if k == 0 {
			name = "all"
		}
		_, _, f := e[k].scores()
		parts = append(parts, fmt.Sprintf("%s=%.4f", name, f))
	}
	return strings.Join(parts, " ")
}

// evalModel tags the dev sentences with m through the inference path and
// scores it on library-token spans and on the CoNLL tokens' byte spans.
// Each sentence is tagged as part of a document made of the sentences
// within window of it, as training made its documents.
func evalModel(m *tagModel, dev []*aligned, window int) (lib, src entityScores) {
	for i, a := range dev {
		lo, hi := max(0, i-window), min(len(dev), i+window+1)
		docs := make([]*tagDoc, 0, hi-lo)
		for _, b := range dev[lo:hi] {
			docs = append(docs, b.doc)
		}
		d, offs := joinDocs(docs)
		var pred []tagSpan
		for _, sp := range m.tagDoc(d) {
			if sp.first >= offs[i-lo] && sp.last <= offs[i-lo]+len(a.doc.toks) {
				pred = append(pred, tagSpan{sp.first - offs[i-lo], sp.last - offs[i-lo], sp.typ})
			}
		}
		lib.add(a.sentSpans(a.labels), pred)
		var g, p []tagSpan
		for k, sp := range a.gold {
			t := trimSpan(a.src, sp)
			g = append(g, tagSpan{t.Start, t.End, tagType(a.goldT[k])})
		}
		for _, sp := range pred {
			b := a.byteSpan(sp)
			p = append(p, tagSpan{b.Start, b.End, sp.typ})
		}
		src.add(g, p)
	}
	return lib, src
}

// joinDocs returns the documents one after the other as one, and the
// index of each one's first token in it.
func joinDocs(docs []*tagDoc) (*tagDoc, []int) {
	d := &tagDoc{}
	offs := make([]int, len(docs))
	for k, x := range docs {
		offs[k] = len(d.toks)
		for _, s := range x.sents {
			d.sents = append(d.sents, tagSent{s.first + offs[k], s.last + offs[k]})
		}
		d.toks = append(d.toks, x.toks...)
	}
	return d, offs
}

// foldOf returns the jackknife fold of train sentence i of n: folds are
// contiguous blocks, so that an article's repeated names stay in one.
func foldOf(i, n, folds int) int { return i * folds / n }

// rawSeq is one library sentence with its gold labels and feature IDs:
// the emission IDs of token k are ids[off[k]:off[k+1]], the transition
// IDs after label p are edge[k][p].
type rawSeq struct {
	labels []uint8
	ids    []uint32
	off    []int32
	edge   [][nPrev][2]uint32
}

// rawSeqs featurizes the library sentences of the examples.
func rawSeqs(exs []example) []*rawSeq {
	var f sentFeatures
	var out []*rawSeq
	for _, ex := range exs {
		d := ex.a.doc
		for _, s := range d.sents {
			f.featurize(d, s, ex.lists, ex.stack, true)
			r := &rawSeq{labels: ex.a.labels[s.first:s.last], off: slices.Clone(f.off)}
			for _, k := range f.keys {
				r.ids = append(r.ids, featID(k))
			}
			r.edge = make([][nPrev][2]uint32, len(f.edge))
			for k, h := range f.edge {
				for p := range uint64(nPrev) {
					r.edge[k][p] = [2]uint32{featID(fkey(tTrans, p, 0)), featID(fkey(tPrevWord, p, h.norm))}
				}
			}
			out = append(out, r)
		}
	}
	return out
}

// validPrev reports whether p may precede token k: the start label only
// at the first token, a label only after it.
func validPrev(k int, p int) bool { return (k == 0) == (p == startLabel) }

// featIndex numbers the feature IDs kept for training, in increasing
// order.
type featIndex struct {
	ids []uint32
	pos map[uint32]int32
}

// indexFeatures numbers the IDs seen at least minCount times in seqs.
func indexFeatures(seqs []*rawSeq, minCount int) *featIndex {
	count := map[uint32]int{}
	for _, s := range seqs {
		for _, id := range s.ids {
			count[id]++
		}
		for k := range s.edge {
			for p := range nPrev {
				if validPrev(k, p) {
					for _, id := range s.edge[k][p] {
						count[id]++
					}
				}
			}
		}
	}
	x := &featIndex{pos: map[uint32]int32{}}
	for id, n := range count {
		if n >= minCount {
			x.ids = append(x.ids, id)
		}
	}
	slices.Sort(x.ids)
	for i, id := range x.ids {
		x.pos[id] = int32(i)
	}
	return x
}

// seq is a rawSeq with feature indices; -1 is a feature not kept.
type seq struct {
	labels []uint8
	feats  []int32
	off    []int32
	edge   [][nPrev][2]int32
}

// compile maps the IDs of seqs to indices.
func (x *featIndex) compile(seqs []*rawSeq) []*seq {
	out := make([]*seq, len(seqs))
	look := func(id uint32) int32 {
		if i, ok := x.pos[id]; ok {
			return i
		}
		return -1
	}
	for n, r := range seqs {
		s := &seq{labels: r.labels, off: r.off, feats: make([]int32, len(r.ids)), edge: make([][nPrev][2]int32, len(r.edge))}
		for i, id := range r.ids {
			s.feats[i] = look(id)
		}
		for k := range r.edge {
			for p := range nPrev {
				for j, id := range r.edge[k][p] {
					s.edge[k][p][j] = look(id)
				}
			}
		}
		out[n] = s
	}
	return out
}
