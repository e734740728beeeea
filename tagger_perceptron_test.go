package arnews

import (
	"time"
)

// This file holds the structured averaged perceptron that trains the
// tagger. All arithmetic is on integers, so training gives the same
// weights on every machine.

// perceptron holds the weights of training: w[f*nLabels+c] is the current
// weight of feature f for label c, and u accumulates each update times
// the step it was made at, so that the average of w over all steps is
// w - u/step (Daumé's trick).
type perceptron struct {
	w      []int32
	u      []int64
	step   int64
	margin int64 // added to the score of every wrong label in training
}

// newPerceptron returns a perceptron over nf features.
func newPerceptron(nf int) *perceptron {
	return &perceptron{w: make([]int32, nf*nLabels), u: make([]int64, nf*nLabels), step: 1}
}

// averaged returns the averaged weights times the step: w*step - u.
func (pc *perceptron) averaged() []int64 {
	a := make([]int64, len(pc.w))
	for i, w := range pc.w {
		a[i] = int64(w)*pc.step - pc.u[i]
	}
	return a
}

// ownLattice is a lattice whose tokens have edge scores of their own, as
// training fills them.
type ownLattice struct {
	lattice
	own [][nPrev][nLabels]int64
}

// reset sizes the lattice for n tokens, all scores zero.
func (l *ownLattice) reset(n int) {
	l.resize(n)
	if cap(l.own) < n {
		l.own = make([][nPrev][nLabels]int64, n)
	}
	l.own = l.own[:n]
	clear(l.emit)
	clear(l.own)
	for k := range l.edge {
		l.edge[k] = &l.own[k]
	}
}

// fill fills the lattice of s from the weights w.
func fill(s *seq, w []int64, lat *ownLattice) {
	lat.reset(len(s.labels))
	for k := range s.labels {
		e := &lat.emit[k]
		for _, f := range s.feats[s.off[k]:s.off[k+1]] {
			addRow(w, f, e)
		}
		for p := range nPrev {
			if !validPrev(k, p) {
				continue
			}
			for _, f := range s.edge[k][p] {
				addRow(w, f, &lat.edge[k][p])
			}
		}
	}
}

// addRow adds the weights of feature f to s; f < 0 has none.
func addRow(w []int64, f int32, s *[nLabels]int64) {
	if f < 0 {
		return
	}
	row := w[int(f)*nLabels : int(f)*nLabels+nLabels]
	for c, v := range row {
		s[c] += v
	}
}

// update moves the weights towards gold and away from pred.
func (pc *perceptron) update(s *seq, pred []uint8) {
	prevG, prevP := uint8(startLabel), uint8(startLabel)
	for k, g := range s.labels {
		p := pred[k]
		if g != p {
			for _, f := range s.feats[s.off[k]:s.off[k+1]] {
				pc.bump(f, g, 1)
				pc.bump(f, p, -1)
			}
		}
		if g != p || prevG != prevP {
			for j := range 2 {
				pc.bump(s.edge[k][prevG][j], g, 1)
				pc.bump(s.edge[k][prevP][j], p, -1)
			}
		}
		prevG, prevP = g, p
	}
}

// bump adds d to the weight of feature f for label c.
func (pc *perceptron) bump(f int32, c uint8, d int32) {
	if f < 0 {
		return
	}
	i := int(f)*nLabels + int(c)
	pc.w[i] += d
	pc.u[i] += pc.step * int64(d)
}

// epoch trains one pass over train in the order given.
func (pc *perceptron) epoch(train []*seq, order []int) {
	var lat ownLattice
	var pred []uint8
	for _, i := range order {
		s := train[i]
		pc.fillCurrent(s, &lat)
		if pc.margin != 0 {
			for k, g := range s.labels {
				for c := range uint8(nLabels) {
					if c != g {
						lat.emit[k][c] += pc.margin
					}
				}
			}
		}
		pred = lat.viterbi(pred)
		if !slices8Equal(pred, s.labels) {
			pc.update(s, pred)
		}
		pc.step++
	}
}

// fillCurrent fills the lattice of s from the current weights.
func (pc *perceptron) fillCurrent(s *seq, lat *ownLattice) {
	lat.reset(len(s.labels))
	add := func(f int32, e *[nLabels]int64) {
		if f < 0 {
			return
		}
		for c, v := range pc.w[int(f)*nLabels : int(f)*nLabels+nLabels] {
			e[c] += int64(v)
		}
	}
	for k := range s.labels {
		for _, f := range s.feats[s.off[k]:s.off[k+1]] {
			add(f, &lat.emit[k])
		}
		for p := range nPrev {
			if validPrev(k, p) {
				for _, f := range s.edge[k][p] {
					add(f, &lat.edge[k][p])
				}
			}
		}
	}
}

// slices8Equal reports whether a and b hold the same labels.
func slices8Equal(a, b []uint8) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// evaluate scores the weights w on seqs.
func evaluate(seqs []*seq, w []int64) entityScores {
	var e entityScores
	var lat ownLattice
	var pred []uint8
	for _, s := range seqs {
		fill(s, w, &lat)
		pred = lat.viterbi(pred)
		e.add(spansOf(s.labels, 0, nil), spansOf(pred, 0, nil))
	}
	return e
}

// fit trains up to cfg.maxEpochs epochs, shuffling train before each with
// a generator seeded by cfg.seed, and stops when the dev F1 of the
// averaged weights has not improved for cfg.patience epochs. It returns
// the averaged weights (times the step) of the best epoch, and that epoch.
func (pc *perceptron) fit(train, dev []*seq, cfg trainConfig, logf func(string, ...any)) ([]int64, int) {
	rng := splitMix{cfg.seed}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best []int64
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= cfg.maxEpochs && ep-bestEpoch <= cfg.patience; ep++ {
		start := time.Now()
		rng.shuffle(order)
		pc.epoch(train, order)
		avg := pc.averaged()
		e := evaluate(dev, avg)
		logf("epoch %2d  %6s  dev F1 all %.4f  PER %.4f  ORG %.4f  LOC %.4f", ep, time.Since(start).Round(time.Millisecond),
			e.f1(), f1Of(e[tagPER]), f1Of(e[tagORG]), f1Of(e[tagLOC]))
		if f := e.f1(); f > bestF {
			best, bestF, bestEpoch = avg, f, ep
		}
	}
	return best, bestEpoch
}

// f1Of returns the F1 of c.
func f1Of(c prf) float64 {
	_, _, f := c.scores()
	return f
}

// splitMix is the SplitMix64 generator: small, and the same everywhere.
type splitMix struct{ s uint64 }

// next returns the next value.
func (r *splitMix) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

// shuffle permutes a (Fisher–Yates).
func (r *splitMix) shuffle(a []int) {
	for i := len(a) - 1; i > 0; i-- {
		j := int(r.next() % uint64(i+1))
		a[i], a[j] = a[j], a[i]
	}
}

// quantize maps the averaged weights a of the features ids to int16, the
// largest magnitude to 32767, and drops the features left with no
// weight.
func quantize(a []int64, ids []uint32) stageWeights {
	var maxAbs int64 = 1
	for _, v := range a {
		maxAbs = max(maxAbs, v, -v)
	}
	var sw stageWeights
	for f, id := range ids {
		var q [nLabels]int16
		nz := false
		for c := range nLabels {
			q[c] = int16(roundDiv(a[f*nLabels+c]*32767, maxAbs))
			nz = nz || q[c] != 0
		}
		if nz {
			sw.ids = append(sw.ids, id)
			sw.weights = append(sw.weights, q)
		}
	}
	return sw
}

// roundDiv returns a/b rounded to the nearest integer, halves away from
// zero; b > 0.
func roundDiv(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}
