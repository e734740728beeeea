package arnews

import "strings"

// This file reads the embedded data files of data/: tab-separated tables
// with a header block of # comments (format and provenance), one header
// line naming the columns, then one row per fact.

// tsvRows returns the fields of the data rows of the table src: every line
// that is not empty, not a comment and not the column header (the first
// such line), split at tabs, each field trimmed, padded with empty fields
// to cols. Rows with fewer than min fields are left out; the validation
// tests of each table check its rows one by one.
func tsvRows(src string, min, cols int) [][]string {
	var rows [][]string
	header := true
	for line := range strings.SplitSeq(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < min {
			continue
		}
		for len(f) < cols {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		rows = append(rows, f)
	}
	return rows
}

// hasFlag reports whether the comma-separated list flags holds flag.
func hasFlag(flags, flag string) bool {
	for f := range strings.SplitSeq(flags, ",") {
		if strings.TrimSpace(f) == flag {
			return true
		}
	}
	return false
}

// splitBar splits a |-separated list of names, dropping empty ones.
func splitBar(s string) []string {
	var out []string
	for v := range strings.SplitSeq(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
