package conllsplit

import "testing"

func TestDevStart(t *testing.T) {
	for _, tc := range []struct {
		sizes []int
		want  int
	}{
		{[]int{5, 5, 1, 1}, 2}, // 12 tokens: dev starts once 10 are before
		{[]int{4, 4, 4}, 3},    // 8 before the last: no dev
		{[]int{10, 1, 1}, 1},
		{[]int{1, 1, 1, 1, 1, 1}, 5},
		{nil, 0},
	} {
		if got := DevStart(tc.sizes); got != tc.want {
			t.Errorf("DevStart(%v) = %d, want %d", tc.sizes, got, tc.want)
		}
	}
}
