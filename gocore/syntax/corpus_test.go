package syntax

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"nestml_go/gocore/diag"
)

// corpusDir locates the upstream corpus: shared/corpus/nestml-upstream next
// to the repository root (the directory holding go.mod).
func corpusDir(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	c := filepath.Join(filepath.Dir(dir), "shared", "corpus", "nestml-upstream")
	if _, err := os.Stat(c); err != nil {
		t.Skipf("corpus not available at %s", c)
	}
	return c
}

// verdict is one row of upstream_verdicts.tsv.
type verdict struct {
	valid      bool
	errorLines []int
	codes      []string
}

func (v verdict) parserError() bool {
	for _, c := range v.codes {
		if c == "PARSER" || c == "PARSER_ERROR" || c == "LEXER" || c == "LEXER_ERROR" {
			return true
		}
	}
	return false
}

func loadVerdicts(t testing.TB, dir string) map[string]verdict {
	f, err := os.Open(filepath.Join(dir, "upstream_verdicts.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]verdict{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		v := verdict{valid: cols[1] == "valid"}
		for _, s := range strings.FieldsFunc(cols[2], func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			if n, err := strconv.Atoi(s); err == nil {
				v.errorLines = append(v.errorLines, n)
			}
		}
		v.codes = strings.FieldsFunc(cols[3], func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
		out[cols[0]] = v
	}
	return out
}

func corpusFiles(t testing.TB, dir string) []string {
	var files []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".nestml") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

func isParseError(d diag.Diagnostic) bool {
	return d.Code == diag.SyntaxError || d.Code == diag.LexicalError || d.Code == diag.InconsistentDedent
}

// TestCorpus checks the parser against upstream's verdicts: files without a
// parser error parse cleanly; files with one get a syntax error on each of
// upstream's error lines.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	verdicts := loadVerdicts(t, dir)
	files := corpusFiles(t, dir)
	if len(files) == 0 {
		t.Skip("no corpus files")
	}
	var clean, rejected, agree int
	for _, path := range files {
		rel, _ := filepath.Rel(dir, path)
		v, ok := verdicts[rel]
		if !ok {
			t.Errorf("%s: no upstream verdict", rel)
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, ds := Parse(rel, src)
		if f == nil {
			t.Fatalf("%s: nil file", rel)
		}
		var perr []diag.Diagnostic
		for _, d := range ds {
			if isParseError(d) || d.Code == diag.IntegerLiteralOverflow {
				perr = append(perr, d)
			}
		}
		if !v.parserError() {
			if len(perr) > 0 {
				for _, d := range perr {
					t.Errorf("%s: unexpected %s", rel, d)
				}
				continue
			}
			if len(f.Models) == 0 {
				t.Errorf("%s: no models", rel)
			}
			clean++
			continue
		}
		rejected++
		ok = true
		for _, line := range v.errorLines {
			found := false
			for _, d := range perr {
				if d.Range.Start.Line == line {
					found = true
				}
			}
			if !found {
				ok = false
				t.Errorf("%s: upstream reports a syntax error on line %d; we report %v", rel, line, perr)
			}
		}
		if ok {
			agree++
		}
	}
	t.Logf("%d corpus files: %d parse cleanly as upstream; %d rejected by upstream's parser, %d with an error on every upstream line",
		len(files), clean, rejected, agree)
}
