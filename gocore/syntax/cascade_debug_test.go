package syntax

import (
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"strings"
	"testing"

	"nestml_go/gocore/diag"
)

var wordRe = regexp.MustCompile(`[A-Za-z_$][A-Za-z_$0-9]*|[0-9.]+|\*\*|<-|[^\sA-Za-z_$0-9]`)

func TestCascadeDebug(t *testing.T) {
	if os.Getenv("NESTML_CASCADE") == "" {
		t.Skip()
	}
	dir := corpusDir(t)
	files := corpusFiles(t, dir)
	rng := rand.New(rand.NewSource(1))
	inserts := []string{":", "=", ")", "(", ",", "x", "1", "state", "if", "]]", "<-", "+", "\n", "    ", "end", "@", "'"}
	hist := map[int]int{}
	shown := 0
	for iter := 0; iter < 3000; iter++ {
		path := files[rng.Intn(len(files))]
		src, _ := os.ReadFile(path)
		_, base := Parse(path, src)
		if len(base) > 0 && base.HasErrors() {
			continue
		}
		lines := strings.Split(string(src), "\n")
		// pick a code line
		var li int
		for k := 0; k < 50; k++ {
			li = rng.Intn(len(lines))
			tl := strings.TrimSpace(lines[li])
			if tl != "" && !strings.HasPrefix(tl, "#") {
				break
			}
		}
		line := lines[li]
		locs := wordRe.FindAllStringIndex(line, -1)
		if len(locs) == 0 {
			continue
		}
		loc := locs[rng.Intn(len(locs))]
		var mut string
		switch rng.Intn(3) {
		case 0:
			mut = line[:loc[0]] + line[loc[1]:]
		case 1:
			mut = line[:loc[0]] + inserts[rng.Intn(len(inserts))] + " " + line[loc[0]:]
		case 2:
			mut = line[:loc[0]] + inserts[rng.Intn(len(inserts))] + line[loc[1]:]
		}
		lines[li] = mut
		nsrc := strings.Join(lines, "\n")
		_, ds := Parse(path, []byte(nsrc))
		n := 0
		var errs []diag.Diagnostic
		for _, d := range ds {
			if d.Code == diag.SyntaxError || d.Code == diag.LexicalError || d.Code == diag.InconsistentDedent {
				n++
				errs = append(errs, d)
			}
		}
		hist[n]++
		if (n > 1 || (n == 0 && os.Getenv("NESTML_CASCADE") == "0")) && shown < 40 {
			shown++
			fmt.Printf("--- %s line %d: %q -> %q\n", path[len(dir):], li+1, line, mut)
			for _, d := range errs {
				fmt.Printf("    %d:%d %s %s\n", d.Range.Start.Line, d.Range.Start.Col, d.Code, d.Message)
			}
		}
	}
	fmt.Println(hist)
}
