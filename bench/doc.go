// Package bench compares arnews with the Go libraries a user would
// otherwise pick: bleve's Arabic normalization filter and go-dateparser.
// It is a separate module so that the library's go.mod stays free of them;
// everything is in the tests and benchmarks. See README.md.
package bench
