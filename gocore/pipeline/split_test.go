package pipeline

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSolverSplitAgreesWithUpstream compares our analytic/numeric
// classification with upstream's for every model of
// upstream_solver_split.tsv. Upstream lists the analytic states of mixed
// models in its numeric set too (it integrates everything numerically and
// then overwrites the analytic ones); we compare its numeric set minus its
// analytic set with ours (docs/odes.md).
func TestSolverSplitAgreesWithUpstream(t *testing.T) {
	dir := corpusDir(t)
	f, err := os.Open(filepath.Join(dir, "upstream_solver_split.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Scan()
	set := func(s string) []string {
		var out []string
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		sort.Strings(out)
		return out
	}
	minus := func(a, b []string) []string {
		m := map[string]bool{}
		for _, x := range b {
			m[x] = true
		}
		var out []string
		for _, x := range a {
			if !m[x] {
				out = append(out, x)
			}
		}
		return out
	}
	cache := map[string]*Result{}
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		for len(cols) < 4 {
			cols = append(cols, "")
		}
		file, model := cols[0], cols[1]
		r, ok := cache[file]
		if !ok {
			r = CompileFile(filepath.Join(dir, file), Options{})
			cache[file] = r
		}
		n++
		var found bool
		for _, p := range r.Plans {
			if p.Model.Model.Name.Name != model {
				continue
			}
			found = true
			var ana, num []string
			for i, st := range p.States {
				if p.IsAnalytic(i) {
					ana = append(ana, st.Name)
				} else {
					num = append(num, st.Name)
				}
			}
			sort.Strings(ana)
			sort.Strings(num)
			wantA := set(cols[2])
			wantN := minus(set(cols[3]), wantA)
			if strings.Join(ana, ",") != strings.Join(wantA, ",") || strings.Join(num, ",") != strings.Join(wantN, ",") {
				t.Errorf("%s (%s):\n  analytic ours %v\n        upstream %v\n  numeric  ours %v\n        upstream %v", file, model, ana, wantA, num, wantN)
			}
		}
		if !found {
			var errs []string
			for _, d := range r.Diagnostics.Errors() {
				errs = append(errs, d.String())
			}
			t.Errorf("%s (%s): no ODE plan; errors: %s", file, model, strings.Join(errs, "; "))
		}
	}
	if n < 30 {
		t.Fatalf("only %d rows", n)
	}
}
