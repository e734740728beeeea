// Package conllsplit holds the development split of a CoNLL corpus, the
// one rule shared by arnews eval (internal/eval) and the tagger's training
// (tagger_train_test.go), so that the figures of the two agree and no
// development sentence is ever trained on.
package conllsplit

// DevStart returns the index of the first sentence of the development
// split of sentences whose token counts are sizes: the last sixth of the
// tokens, from the first sentence that has at least five sixths of all
// tokens before it. It returns len(sizes) when no sentence does.
func DevStart(sizes []int) int {
	total := 0
	for _, n := range sizes {
		total += n
	}
	before := 0
	for i, n := range sizes {
		if 6*before >= 5*total {
			return i
		}
		before += n
	}
	return len(sizes)
}
