package rkf45

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate testdata/*.golden with the GSL harness (needs gcc and libgsl-dev)")

// goldenSteps is the length of the golden runs (numerics.md §6.10).
const goldenSteps = 300

// TestGolden compares the Go trajectories of R1 and R2, both controllers,
// byte for byte with the golden files that testdata/gsl_harness.c produced
// with the real GSL (numerics.md §6.10). It needs neither a C compiler nor
// GSL.
func TestGolden(t *testing.T) {
	for _, r := range conformanceRuns {
		want, err := os.ReadFile(filepath.Join("testdata", r.name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		got := trajectory(t, r, goldenSteps)
		if diff := firstDiff(got, string(want)); diff != "" {
			t.Errorf("%s: Go differs from GSL (testdata/%s.golden): %s", r.name, r.name, diff)
		}
	}
}

// TestGSLHarness rebuilds the C harness against GSL, runs it and checks its
// output against the golden files, so that a golden file cannot silently
// stop being GSL's output. With -update it rewrites the golden files.
func TestGSLHarness(t *testing.T) {
	exe := buildHarness(t)
	for _, r := range conformanceRuns {
		vec, ctrl, _ := strings.Cut(r.name, "_")
		cmd := exec.Command(exe, vec, ctrl, fmt.Sprint(goldenSteps))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.Bytes())
		}
		path := filepath.Join("testdata", r.name+".golden")
		if *update {
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s (%d lines)", path, bytes.Count(out, []byte("\n")))
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := firstDiff(string(out), string(want)); diff != "" {
			t.Errorf("%s: GSL harness output differs from %s: %s", r.name, path, diff)
		}
	}
}

// buildHarness compiles testdata/gsl_harness.c and returns the executable;
// it skips the test if gcc or GSL is missing.
func buildHarness(t *testing.T) string {
	t.Helper()
	cc, err := exec.LookPath("gcc")
	if err != nil {
		if *update {
			t.Fatal("-update needs gcc and libgsl-dev")
		}
		t.Skip("gcc not found: cannot rebuild the GSL harness (install gcc and libgsl-dev)")
	}
	exe := filepath.Join(t.TempDir(), "gsl_harness")
	cmd := exec.Command(cc, "-std=c99", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror",
		filepath.Join("testdata", "gsl_harness.c"), "-o", exe, "-lgsl", "-lgslcblas", "-lm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		missing := bytes.Contains(out, []byte("gsl/gsl_odeiv.h")) || bytes.Contains(out, []byte("-lgsl"))
		if missing && !*update {
			t.Skipf("GSL not found (install libgsl-dev): %s", firstLine(out))
		}
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	return exe
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return s
}

// firstDiff returns "" if got == want, else a description of the first
// differing line.
func firstDiff(got, want string) string {
	if got == want {
		return ""
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n\tgot  %q\n\twant %q", i+1, gl, wl)
		}
	}
	return "same lines, different bytes"
}
