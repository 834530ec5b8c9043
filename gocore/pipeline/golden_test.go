package pipeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nestml_go/gocore/models"
	"nestml_go/gocore/odes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/reports")

// TestSolverReportGoldens pins the solver report (numerics.md §8) of every
// model of the upstream library and of our own library. Each golden is a
// txtar archive with the model's origin and its report; refresh with
// `go test ./gocore/pipeline -run Golden -update` and review the diff.
func TestSolverReportGoldens(t *testing.T) {
	type src struct{ origin, path string }
	var srcs []src
	if dir := corpusDir(t); dir != "" {
		for _, sub := range []string{"models/neurons", "models/synapses"} {
			files, _ := filepath.Glob(filepath.Join(dir, sub, "*.nestml"))
			for _, f := range files {
				srcs = append(srcs, src{"upstream:" + sub + "/" + filepath.Base(f), f})
			}
		}
	}
	for _, name := range models.Names() {
		srcs = append(srcs, src{"nestml_go:" + name, ""})
	}
	if len(srcs) < 40 {
		t.Fatalf("only %d models found", len(srcs))
	}
	for _, s := range srcs {
		var r *Result
		if s.path != "" {
			r = CompileFile(s.path, Options{})
		} else {
			name := strings.TrimPrefix(s.origin, "nestml_go:")
			b, _ := models.Source(name)
			r = Compile(name+".nestml", b, Options{})
		}
		for _, p := range r.Plans {
			rep, err := odes.Report(r.Info, p, 0.1)
			if err != nil {
				t.Errorf("%s: %v", s.origin, err)
				continue
			}
			js, _ := json.MarshalIndent(rep, "", "  ")
			var out bytes.Buffer
			out.WriteString("Solver report of " + rep.Model + " (" + s.origin + "), h = 0.1 ms.\n")
			out.WriteString("-- report.json --\n")
			out.Write(js)
			out.WriteString("\n")
			prefix := "upstream_"
			if strings.HasPrefix(s.origin, "nestml_go:") {
				prefix = "own_"
			}
			golden := filepath.Join("testdata", "reports", prefix+rep.Model+".txtar")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Errorf("%s: missing golden %s (run with -update)", s.origin, golden)
				continue
			}
			if !bytes.Equal(want, out.Bytes()) {
				t.Errorf("%s: report differs from %s (run with -update and review the diff)\n%s", s.origin, golden, firstDiff(string(want), out.String()))
			}
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + al[i] + "\n  got  " + bl[i]
		}
	}
	return "lengths differ"
}
