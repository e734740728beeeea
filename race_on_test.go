//go:build race

package arnews

// raceEnabled reports whether the tests run under the race detector, which
// makes code 5–20× slower: the reliability tests scale their inputs down.
const raceEnabled = true
