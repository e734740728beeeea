package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// folder returns a new folder holding the named files, each a copy of a
// file of the repository's testdata.
func folder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		b, err := os.ReadFile(filepath.Join("../../testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRun(t *testing.T) {
	dir := folder(t, map[string]string{
		"2021-11-12-qatar.txt": "qatar-us-protecting-power.txt",
		"levant.txt":           "levant-jordan-iraq-mou.txt",
		"notes.md":             "month-names.tsv", // not a .txt: skipped
	})
	empty := folder(t, map[string]string{"notes.md": "month-names.tsv"})
	unreadable := folder(t, nil)
	if err := os.Symlink(filepath.Join(unreadable, "missing"), filepath.Join(unreadable, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		want   []string // lines of the output, cut before " — "
		code   int
		stderr string
	}{
		{"dates from the name and -ref", []string{"-ref", "2024-01-14", dir}, []string{
			"2020        agreement   mentioned  ",
			"2020        agreement   mentioned  الأردن، العراق",
			"2021-11-12  agreement   signed     الولايات المتحدة، قطر",
			"2021-11-12  arrangement signed     قطر، الولايات المتحدة",
			"2021-11-12  memorandum  signed     قطر، الولايات المتحدة",
			"2021-11-12  agreement   signed     قطر، الولايات المتحدة",
			"2024-01-14  memorandum  signed     الأردن، العراق",
			"2024-01-14  memorandum  signed     الأردن، العراق",
		}, 0, ""},
		{"missing folder", []string{"-ref", "2021-11-12", "/nonexistent"}, nil, 1, "timeline: open /nonexistent: no such file or directory\n"},
		{"no .txt file", []string{empty}, nil, 1, "timeline: " + empty + ": no .txt files\n"},
		{"unreadable file", []string{unreadable}, nil, 1, "timeline: open " + filepath.Join(unreadable, "broken.txt") + ": no such file or directory\n"},
		{"bad ref", []string{"-ref", "2021-02-30", dir}, nil, 2, "timeline: -ref \"2021-02-30\": want YYYY-MM-DD\n"},
		{"no folder", nil, nil, 2, "usage: timeline [-ref YYYY-MM-DD] DIR\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, &out, &errOut)
			if code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
				if l != "" {
					before, _, _ := strings.Cut(l, " — ")
					got = append(got, before)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if errOut.String() != tc.stderr {
				t.Errorf("stderr %q, want %q", errOut.String(), tc.stderr)
			}
		})
	}
}
