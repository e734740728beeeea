package arnews

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestHelpersSameResult checks that a text of many pieces gives the
// same Document, entities and dates whether its pieces are read on the
// calling goroutine or by several at once, with and without the tagger.
func TestHelpersSameResult(t *testing.T) {
	text := scalingCorpus(t, 5*pieceBytes/2) + "\n\n\xff" + strings.Repeat("1-", pieceBytes/2)
	ref := WithRef(reliabilityRef)
	for _, tagger := range []bool{true, false} {
		var opts []ExtractorOption
		if !tagger {
			opts = append(opts, WithoutTagger())
		}
		one, err := NewExtractor(append(opts, WithHelpers(0))...)
		if err != nil {
			t.Fatal(err)
		}
		want := one.Extract(text, ref)
		if len(want.Sentences) == 0 || len(want.Dates) == 0 || len(want.Entities) == 0 || len(want.Agreements) == 0 {
			t.Fatalf("tagger %v: the sequential Document is missing a layer: %d sentences, %d dates, %d entities, %d agreements",
				tagger, len(want.Sentences), len(want.Dates), len(want.Entities), len(want.Agreements))
		}
		for _, n := range []int{-1, 1, 3} {
			xopts := opts
			if n >= 0 {
				xopts = append(xopts, WithHelpers(n))
			}
			x, err := NewExtractor(xopts...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, x.Extract(text, ref)); diff != "" {
				t.Errorf("tagger %v, helpers %d (-1: the default): Extract differs from WithHelpers(0) (-want +got):\n%s", tagger, n, diff)
			}
			if diff := cmp.Diff(one.FindEntities(text), x.FindEntities(text)); diff != "" {
				t.Errorf("tagger %v, helpers %d: FindEntities differs (-want +got):\n%s", tagger, n, diff)
			}
			if diff := cmp.Diff(one.FindDates(text, reliabilityRef), x.FindDates(text, reliabilityRef)); diff != "" {
				t.Errorf("tagger %v, helpers %d: FindDates differs (-want +got):\n%s", tagger, n, diff)
			}
		}
	}
}

// TestMapPieces checks that mapPieces returns one result per piece, in
// order, with helpers or without; that two helpers read at once; that
// the helpers of one channel are shared by all calls; and that a panic
// in a helper reaches the caller.
func TestMapPieces(t *testing.T) {
	text := strings.Repeat("كلمة ", 7*pieceBytes/len("كلمة "))
	offsets := func(helpers int) []int {
		return mapPieces(text, make(chan struct{}, helpers), func(p piece) int { return p.off })
	}
	want := offsets(0)
	if len(want) < 7 {
		t.Fatalf("%d pieces of %d bytes, want 7 or more", len(want), len(text))
	}
	for i := 1; i < len(want); i++ {
		if want[i] <= want[i-1] {
			t.Fatalf("piece offsets %v are not increasing", want)
		}
	}
	for _, helpers := range []int{1, 4, 15} {
		if diff := cmp.Diff(want, offsets(helpers)); diff != "" {
			t.Errorf("%d helpers: offsets differ (-want +got):\n%s", helpers, diff)
		}
	}

	// The first two pieces go to two new helpers; the first waits until
	// the second has started.
	second := make(chan struct{})
	mapPieces(text, make(chan struct{}, 2), func(p piece) int {
		switch p.off {
		case want[0]:
			select {
			case <-second:
			case <-time.After(10 * time.Second):
				t.Error("the first piece's helper waited 10 s for the second piece to start")
			}
		case want[1]:
			close(second)
		}
		return 0
	})

	// Three calls at once with one channel of two helpers: a caller reads
	// only while it has no helper, so at most four pieces are read at once
	// (the two helpers', and two callers' when one call has both).
	var now, most atomic.Int32
	helpers := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			mapPieces(text, helpers, func(p piece) int {
				n := now.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				time.Sleep(time.Millisecond)
				now.Add(-1)
				return 0
			})
		})
	}
	wg.Wait()
	if most.Load() > 4 {
		t.Errorf("%d pieces read at once by three calls sharing two helpers, want at most 4", most.Load())
	}
	if len(helpers) != 0 {
		t.Errorf("%d helper tokens still taken after the calls returned", len(helpers))
	}

	defer func() {
		if r := recover(); r != "piece 3" {
			t.Errorf("recovered %v, want the helper's panic, piece 3", r)
		}
	}()
	mapPieces(text, make(chan struct{}, 3), func(p piece) int {
		if p.off == want[3] {
			panic("piece 3")
		}
		return 0
	})
	t.Error("mapPieces returned after a helper panicked")
}

// TestWithHelpersNegative checks that NewExtractor refuses a negative
// number of helpers, with an error that says which option.
func TestWithHelpersNegative(t *testing.T) {
	_, err := NewExtractor(WithHelpers(-1))
	if err == nil || !strings.HasPrefix(err.Error(), "arnews: WithHelpers(-1)") {
		t.Fatalf("NewExtractor(WithHelpers(-1)) = %v, want an arnews: error naming the option", err)
	}
}
