package syntax

import (
	"math/rand"
	"os"
	"regexp"
	"strings"
	"testing"

	"nestml_go/gocore/diag"
)

var wordRe = regexp.MustCompile(`[A-Za-z_$][A-Za-z_$0-9]*|[0-9.]+|\*\*|<-|[^\sA-Za-z_$0-9]`)

// TestMutationCascade applies one random token-level edit to a line of a
// valid corpus file and checks that the parser reports the mistake without
// cascading: at most a few mutants may produce errors on more than one line.
func TestMutationCascade(t *testing.T) {
	dir := corpusDir(t)
	var files []string
	for _, p := range corpusFiles(t, dir) {
		src, _ := os.ReadFile(p)
		if _, ds := Parse(p, src); !ds.HasErrors() {
			files = append(files, p)
		}
	}
	rng := rand.New(rand.NewSource(1))
	inserts := []string{":", "=", ")", "(", ",", "x", "1", "state", "if", "]]", "<-", "+", "\n", "    ", "end", "@", "'", "\\", "\"", "#"}
	const n = 1500
	hist := map[int]int{}
	for iter := 0; iter < n; iter++ {
		path := files[rng.Intn(len(files))]
		src, _ := os.ReadFile(path)
		lines := strings.Split(string(src), "\n")
		li := rng.Intn(len(lines))
		for k := 0; k < 50; k++ {
			if tl := strings.TrimSpace(lines[li]); tl != "" && !strings.HasPrefix(tl, "#") {
				break
			}
			li = rng.Intn(len(lines))
		}
		line := lines[li]
		locs := wordRe.FindAllStringIndex(line, -1)
		if len(locs) == 0 {
			continue
		}
		loc := locs[rng.Intn(len(locs))]
		ins := inserts[rng.Intn(len(inserts))]
		switch rng.Intn(3) {
		case 0:
			lines[li] = line[:loc[0]] + line[loc[1]:]
		case 1:
			lines[li] = line[:loc[0]] + ins + " " + line[loc[0]:]
		case 2:
			lines[li] = line[:loc[0]] + ins + line[loc[1]:]
		}
		f, ds := Parse(path, []byte(strings.Join(lines, "\n")))
		if f == nil {
			t.Fatalf("nil file")
		}
		errLines := map[int]bool{}
		for _, d := range ds {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("%s line %d %q: %s", path, li+1, lines[li], d.Message)
			}
			if d.Code == diag.SyntaxError || d.Code == diag.LexicalError || d.Code == diag.InconsistentDedent {
				errLines[d.Range.Start.Line] = true
			}
		}
		hist[len(errLines)]++
		if len(errLines) > 1 && testing.Verbose() {
			t.Logf("%s line %d: %q -> %q: %v", path[len(dir):], li+1, line, lines[li], ds)
		}
	}
	multi := 0
	for k, v := range hist {
		if k > 1 {
			multi += v
		}
	}
	t.Logf("error lines per mutant: %v", hist)
	if multi > n/100 {
		t.Errorf("%d of %d mutants report errors on several lines", multi, n)
	}
}
