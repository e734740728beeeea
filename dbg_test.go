package arnews

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgAner(t *testing.T) {
	f, err := os.Open("/work/shared/data/anercorp/ANERCorp_CamelLab_train.txt")
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var sent []string
	out, _ := os.Create(os.Getenv("OUT"))
	defer out.Close()
	flush := func() {
		if len(sent) == 0 {
			return
		}
		s := strings.Join(sent, " ")
		for _, d := range FindDates(s, dateRef) {
			lo := max(0, d.Start-60)
			hi := min(len(s), d.End+40)
			for lo > 0 && (s[lo]&0xC0) == 0x80 { lo-- }
			for hi < len(s) && (s[hi]&0xC0) == 0x80 { hi++ }
			fmt.Fprintf(out, "%s\t%s\t%s\n", d.Text, d.Value(), s[lo:hi])
		}
		sent = sent[:0]
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			sent = append(sent, line[:i])
		}
	}
	flush()
}
