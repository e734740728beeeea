package arnews

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConcurrencySameResult checks that a text of many pieces gives the
// same Document, entities and dates whether its pieces are read on the
// calling goroutine or by several at once, with and without the tagger.
func TestConcurrencySameResult(t *testing.T) {
	text := scalingCorpus(t, 5*pieceBytes/2) + "\n\n\xff" + strings.Repeat("1-", pieceBytes/2)
	ref := WithRef(reliabilityRef)
	for _, tagger := range []bool{true, false} {
		var opts []ExtractorOption
		if !tagger {
			opts = append(opts, WithoutTagger())
		}
		one, err := NewExtractor(append(opts, WithConcurrency(1))...)
		if err != nil {
			t.Fatal(err)
		}
		want := one.Extract(text, ref)
		if len(want.Sentences) == 0 || len(want.Dates) == 0 || len(want.Entities) == 0 || len(want.Agreements) == 0 {
			t.Fatalf("tagger %v: the sequential Document is missing a layer: %d sentences, %d dates, %d entities, %d agreements",
				tagger, len(want.Sentences), len(want.Dates), len(want.Entities), len(want.Agreements))
		}
		for _, n := range []int{0, 3} {
			x, err := NewExtractor(append(opts, WithConcurrency(n))...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, x.Extract(text, ref)); diff != "" {
				t.Errorf("tagger %v, WithConcurrency(%d): Extract differs from WithConcurrency(1) (-want +got):\n%s", tagger, n, diff)
			}
			if diff := cmp.Diff(one.FindEntities(text), x.FindEntities(text)); diff != "" {
				t.Errorf("tagger %v, WithConcurrency(%d): FindEntities differs (-want +got):\n%s", tagger, n, diff)
			}
			if diff := cmp.Diff(one.FindDates(text, reliabilityRef), x.FindDates(text, reliabilityRef)); diff != "" {
				t.Errorf("tagger %v, WithConcurrency(%d): FindDates differs (-want +got):\n%s", tagger, n, diff)
			}
		}
	}
}

// TestMapPieces checks that mapPieces returns one result per piece, in
// order, with workers or without, and that a panic in a worker reaches
// the caller.
func TestMapPieces(t *testing.T) {
	text := strings.Repeat("كلمة ", 7*pieceBytes/len("كلمة "))
	offsets := func(workers int) []int {
		return mapPieces(text, workers, func(p piece) int { return p.off })
	}
	want := offsets(1)
	if len(want) < 7 {
		t.Fatalf("%d pieces of %d bytes, want 7 or more", len(want), len(text))
	}
	for i := 1; i < len(want); i++ {
		if want[i] <= want[i-1] {
			t.Fatalf("piece offsets %v are not increasing", want)
		}
	}
	for _, workers := range []int{0, 2, 5, 16} {
		if diff := cmp.Diff(want, offsets(workers)); diff != "" {
			t.Errorf("workers %d: offsets differ (-want +got):\n%s", workers, diff)
		}
	}
	defer func() {
		if r := recover(); r != "piece 3" {
			t.Errorf("recovered %v, want the worker's panic, piece 3", r)
		}
	}()
	mapPieces(text, 4, func(p piece) int {
		if p.off == want[3] {
			panic("piece 3")
		}
		return 0
	})
	t.Error("mapPieces returned after a worker panicked")
}

// TestWithConcurrencyNegative checks that NewExtractor refuses a negative
// number of goroutines, with an error that says which option.
func TestWithConcurrencyNegative(t *testing.T) {
	_, err := NewExtractor(WithConcurrency(-1))
	if err == nil || !strings.HasPrefix(err.Error(), "arnews: WithConcurrency(-1)") {
		t.Fatalf("NewExtractor(WithConcurrency(-1)) = %v, want an arnews: error naming the option", err)
	}
}
