package arnews

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// This file holds the tagger's model file and its in-memory form.
//
// The file is a text header, one "name: value" line each, ended by an
// empty line, then a binary body (little-endian):
//
//	uint32 s                  number of stages, then for each stage:
//	  uint32 n                number of features
//	  n × uint32              feature IDs, strictly increasing
//	  n × (uint8 mask, int16…) the nonzero weights of each feature: bit c of
//	                          mask says label c has a weight; one int16 follows
//	                          per set bit, in label order
//	uint32 l                  number of word lists (numLists)
//	l × (uint32 m, m × uint64) the word lists (given names, family names,
//	                          frequent words…, see nameLists), as sorted
//	                          hashes (fnv64) of normalized words
//
// The header records how the model was made (training file and its
// SHA-256, split, hyper-parameters, seed, feature-set version, dev
// scores) and the SHA-256 of the body, which decodeModel checks.

// modelFormat is the first line of a model file.
const modelFormat = "arnews-tagger-model/1"

// featID returns the ID of feature key: its high 32 bits, never 0, which
// marks an empty slot. Training and inference both know a feature only
// by its ID, so a collision merges two features in both alike.
func featID(key uint64) uint32 {
	if id := uint32(key >> 32); id != 0 {
		return id
	}
	return 1
}

// tagModel is a decoded model. It is immutable, and safe for concurrent
// use.
type tagModel struct {
	header modelHeader
	stages []*stage // the weights of each stage, in order
	lists  nameLists
}

// featTable is the weights of one stage: open addressing on the feature
// ID, linear probing. The IDs are apart from the weights, so that looking
// up a feature the model lacks, as most n-grams and bigrams of new text
// are, reads only the compact ID array.
type featTable struct {
	ids  []uint32 // the feature ID of each slot; 0 is empty
	w    []packed // the weights of each slot's feature
	mask uint32   // len(ids) - 1
}

// nPacked is the number of words a feature's packed weights take.
const nPacked = (nLabels + 1) / 2

// packed holds scores or weights of the labels two to a word: word k is
// v[2k] + v[2k+1]·2³², so that adding words adds the values of both
// labels at once. A sum unpacks exactly while each label's part stays
// within int32, as sums of a few hundred int16 weights do.
type packed [nPacked]int64

// addTo adds the packed values v to s.
func (s *packed) addTo(v *packed) {
	for k := range nPacked {
		s[k] += v[k]
	}
}

// pack returns the weights w packed.
func pack(w *[nLabels]int16) packed {
	var p packed
	for c, v := range w {
		p[c/2] += int64(v) << (32 * (c % 2))
	}
	return p
}

// unpack returns the values of p, one per label.
func (p *packed) unpack() [nLabels]int64 {
	var out [nLabels]int64
	for k, x := range p {
		lo := int64(int32(x))
		out[2*k] = lo
		if 2*k+1 < nLabels {
			out[2*k+1] = (x - lo) >> 32
		}
	}
	return out
}

// add adds the weights of the feature key to s, and reports whether
// the model has the feature.
func (w *featTable) add(key uint64, s *packed) bool {
	id := featID(key)
	for i := id & w.mask; ; i = (i + 1) & w.mask {
		switch w.ids[i] {
		case id:
			s.addTo(&w.w[i])
			return true
		case 0:
			return false
		}
	}
}

// modelHeader is the header of a model file: its fields in order.
type modelHeader []headerField

// headerField is one "name: value" line of a model header.
type headerField struct{ name, value string }

// get returns the value of the field name, or "".
func (h modelHeader) get(name string) string {
	for _, f := range h {
		if f.name == name {
			return f.value
		}
	}
	return ""
}

// errModel is the error of a damaged model file.
var errModel = errors.New("arnews: damaged tagger model")

// decodeModel decodes a model file, checking its format, feature-set
// version and body checksum.
func decodeModel(file []byte) (*tagModel, error) {
	h, body, err := splitModel(file)
	if err != nil {
		return nil, err
	}
	if v := h.get("feature-set"); v != featureSetVersion {
		return nil, fmt.Errorf("%w: feature set %q, want %q", errModel, v, featureSetVersion)
	}
	sum := sha256.Sum256(body)
	if h.get("body-sha256") != hex.EncodeToString(sum[:]) {
		return nil, fmt.Errorf("%w: body checksum mismatch", errModel)
	}
	m := &tagModel{header: h}
	r := &bodyReader{b: body}
	ns := r.uint32()
	if ns == 0 || ns > 4 {
		return nil, fmt.Errorf("%w: %d stages", errModel, ns)
	}
	m.stages = make([]*stage, ns)
	for k := range m.stages {
		sw := r.stage()
		m.stages[k] = newStage(newFeatTable(&sw))
	}
	if n := r.uint32(); n != numLists {
		return nil, fmt.Errorf("%w: %d word lists, want %d", errModel, n, numLists)
	}
	m.lists = nameLists{}
	for l := range numLists {
		r.readList(m.lists, l)
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, fmt.Errorf("%w: body malformed", errModel)
	}
	return m, nil
}

// splitModel splits a model file into its parsed header and its body.
func splitModel(file []byte) (modelHeader, []byte, error) {
	end := bytes.Index(file, []byte("\n\n"))
	if end < 0 {
		return nil, nil, fmt.Errorf("%w: no header", errModel)
	}
	lines := strings.Split(string(file[:end]), "\n")
	if lines[0] != modelFormat {
		return nil, nil, fmt.Errorf("%w: format %q, want %q", errModel, lines[0], modelFormat)
	}
	var h modelHeader
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(l, ": ")
		if !ok {
			return nil, nil, fmt.Errorf("%w: header line %q", errModel, l)
		}
		h = append(h, headerField{name, value})
	}
	return h, file[end+2:], nil
}

// stage reads the features of a stage and their weights.
func (r *bodyReader) stage() stageWeights {
	n := int(r.uint32())
	if r.err != nil || n > len(r.b)/5 {
		r.err = errModel
		return stageWeights{}
	}
	sw := stageWeights{ids: make([]uint32, n), weights: make([][nLabels]int16, n)}
	ids := r.take(4 * n)
	for k := range n {
		sw.ids[k] = binary.LittleEndian.Uint32(ids[4*k:])
		mask := r.byte()
		for c := range nLabels {
			if mask&(1<<c) != 0 {
				sw.weights[k][c] = int16(r.uint16())
			}
		}
	}
	return sw
}

// newFeatTable returns the lookup table of the weights sw.
func newFeatTable(sw *stageWeights) featTable {
	n := len(sw.ids)
	size := 1 << bits.Len(uint(n*4/3)) // a load factor of 3/8 to 3/4
	w := featTable{ids: make([]uint32, size), w: make([]packed, size), mask: uint32(size - 1)}
	for k, id := range sw.ids {
		i := id & w.mask
		for w.ids[i] != 0 {
			i = (i + 1) & w.mask
		}
		w.ids[i], w.w[i] = id, pack(&sw.weights[k])
	}
	return w
}

// bodyReader reads a model body; the first short read sets err.
type bodyReader struct {
	b   []byte
	err error
}

// take returns the next n bytes, or zeros after an error.
func (r *bodyReader) take(n int) []byte {
	if r.err != nil || len(r.b) < n {
		r.err = errModel
		return make([]byte, n)
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *bodyReader) byte() byte     { return r.take(1)[0] }
func (r *bodyReader) uint16() uint16 { return binary.LittleEndian.Uint16(r.take(2)) }
func (r *bodyReader) uint32() uint32 { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *bodyReader) uint64() uint64 { return binary.LittleEndian.Uint64(r.take(8)) }

// readList reads a counted list of hashes into list l of nl.
func (r *bodyReader) readList(nl nameLists, l int) {
	n := int(r.uint32())
	if r.err != nil || n > len(r.b)/8 {
		r.err = errModel
		return
	}
	for range n {
		nl.add(l, r.uint64())
	}
}

// modelWeights is a model's content before encoding: the weights of
// each stage and the word lists.
type modelWeights struct {
	stages []stageWeights
	lists  [numLists][]uint64
}

// stageWeights is the weights of one stage: feature IDs with their
// quantized weights.
type stageWeights struct {
	ids     []uint32 // strictly increasing
	weights [][nLabels]int16
}

// encodeModel writes a model file: the header fields h, the body
// checksum, then the body.
func encodeModel(h modelHeader, mw *modelWeights) []byte {
	var body []byte
	body = binary.LittleEndian.AppendUint32(body, uint32(len(mw.stages)))
	for _, sw := range mw.stages {
		body = sw.append(body)
	}
	body = binary.LittleEndian.AppendUint32(body, numLists)
	for _, set := range mw.lists {
		set = slices.Clone(set)
		slices.Sort(set)
		set = slices.Compact(set)
		body = binary.LittleEndian.AppendUint32(body, uint32(len(set)))
		for _, v := range set {
			body = binary.LittleEndian.AppendUint64(body, v)
		}
	}
	sum := sha256.Sum256(body)
	var b bytes.Buffer
	b.WriteString(modelFormat + "\n")
	for _, f := range h {
		fmt.Fprintf(&b, "%s: %s\n", f.name, f.value)
	}
	fmt.Fprintf(&b, "body-sha256: %s\n\n", hex.EncodeToString(sum[:]))
	b.Write(body)
	return b.Bytes()
}

// append appends the stage's part of a model body to body.
func (sw *stageWeights) append(body []byte) []byte {
	body = binary.LittleEndian.AppendUint32(body, uint32(len(sw.ids)))
	for _, id := range sw.ids {
		body = binary.LittleEndian.AppendUint32(body, id)
	}
	for _, w := range sw.weights {
		var mask byte
		for c, v := range w {
			if v != 0 {
				mask |= 1 << c
			}
		}
		body = append(body, mask)
		for _, v := range w {
			if v != 0 {
				body = binary.LittleEndian.AppendUint16(body, uint16(v))
			}
		}
	}
	return body
}
