package eval

import (
	"fmt"
	"strings"
)

// Score counts one precision/recall figure. Gold items are found or not,
// predicted items are right or not; the two need not agree (a predicted
// date may find two gold dates), so both counts are kept.
type Score struct {
	Gold      int `json:"gold"`      // gold items
	Predicted int `json:"predicted"` // predicted items
	Found     int `json:"found"`     // gold items found
	Right     int `json:"right"`     // predicted items that are right
}

// Add returns the sum of s and o.
func (s Score) Add(o Score) Score {
	return Score{s.Gold + o.Gold, s.Predicted + o.Predicted, s.Found + o.Found, s.Right + o.Right}
}

// Precision returns Right/Predicted, or 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.Right, s.Predicted) }

// Recall returns Found/Gold, or 0 when there is no gold item.
func (s Score) Recall() float64 { return ratio(s.Found, s.Gold) }

// F1 returns the harmonic mean of precision and recall, or 0 when both
// are 0.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Ratio is a figure k out of n.
type Ratio struct {
	K int `json:"k"`
	N int `json:"n"`
}

// Add returns the sum of r and o.
func (r Ratio) Add(o Ratio) Ratio { return Ratio{r.K + o.K, r.N + o.N} }

// Value returns K/N, or 0 when N is 0.
func (r Ratio) Value() float64 { return ratio(r.K, r.N) }

// String returns "k/n".
func (r Ratio) String() string { return fmt.Sprintf("%d/%d", r.K, r.N) }

// tally adds one item to r: always to N, and to K when ok.
func (r *Ratio) tally(ok bool) {
	r.N++
	if ok {
		r.K++
	}
}

func ratio(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// overlapsText reports whether a contains b or b contains a, both being
// longer than minLen bytes.
func overlapsText(a, b string, minLen int) bool {
	if len(a) <= minLen || len(b) <= minLen {
		return false
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// Figures is a flat set of named figures, each a fraction in [0, 1] where
// higher is better: the form the floors file and -json use. Names are
// paths such as "corpus/dates/f1".
type Figures map[string]float64

// addScore records the precision, recall and F1 of s under prefix.
func (f Figures) addScore(prefix string, s Score) {
	f[prefix+"/precision"] = s.Precision()
	f[prefix+"/recall"] = s.Recall()
	f[prefix+"/f1"] = s.F1()
}
