package nest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"nestml_go/gocore/ir"
)

// nestIncludeDir returns NEST's installed header directory: from
// $NESTML_GO_NEST_INCLUDE, else from the nest package of the repository's
// .venv (or python3), located without importing nest. It returns "" and a
// reason if none is found.
// compilerAndNest returns the C++ compiler ($CXX, else g++) and NEST's
// include directory for the tests that compile generated code, or skips
// the test (with -short, or when either is missing: .ci/go_test.py turns
// such a skip into a failure in CI, which installs both).
func compilerAndNest(t *testing.T) (cxx, inc string) {
	t.Helper()
	if testing.Short() {
		t.Skip("compiling C++ is slow; skipped with -short")
	}
	cxx = os.Getenv("CXX")
	if cxx == "" {
		cxx = "g++"
	}
	if _, err := exec.LookPath(cxx); err != nil {
		t.Skipf("no C++ compiler (%s) found", cxx)
	}
	inc, why := nestIncludeDir(t)
	if inc == "" {
		t.Skip(why)
	}
	return cxx, inc
}

func nestIncludeDir(t *testing.T) (string, string) {
	if d := os.Getenv("NESTML_GO_NEST_INCLUDE"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "nest_extension_interface.h")); err != nil {
			return "", "NESTML_GO_NEST_INCLUDE=" + d + " has no nest_extension_interface.h"
		}
		return d, ""
	}
	var pythons []string
	if wd, err := os.Getwd(); err == nil {
		for dir := wd; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				pythons = append(pythons, filepath.Join(dir, ".venv", "bin", "python"))
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	pythons = append(pythons, "python3")
	const probe = `import importlib.util, os
s = importlib.util.find_spec("nest")
print(os.path.join(os.path.dirname(s.origin), "include", "nest") if s and s.origin else "")`
	for _, py := range pythons {
		if _, err := exec.LookPath(py); err != nil {
			continue
		}
		out, err := exec.Command(py, "-c", probe).Output()
		if err != nil {
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		d := strings.TrimSpace(lines[len(lines)-1])
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "nest_extension_interface.h")); err == nil {
			return d, ""
		}
	}
	return "", "no NEST headers found (set NESTML_GO_NEST_INCLUDE or install nest-simulator into .venv)"
}

// TestCompileGenerated compiles the generated sources of the hand-built
// iaf_psc_exp, of a model exercising every printer path and of the models
// with convolutions, jumps and numeric systems against NEST's headers with
// -Wall -Wextra -Werror.
func TestCompileGenerated(t *testing.T) {
	cxx, inc := compilerAndNest(t)
	files, err := Generate([]*ir.Model{iafPscExpIR(), kitchenSinkIR()}, Options{ModuleName: "compiletestmodule"})
	if err != nil {
		t.Fatal(err)
	}
	// A second module: structural-plasticity parent, suffix, a minimal model.
	files2, err := Generate([]*ir.Model{kitchenSinkIR(), minimalIR()}, Options{ModuleName: "compiletest2module",
		Suffix: "_sp", ParentClass: "StructuralPlasticityNode"})
	if err != nil {
		t.Fatal(err)
	}
	// A third module: convolution states, spike and delta jumps, numeric
	// systems with every method and controller.
	files3, err := Generate(newFeatureModels(), Options{ModuleName: "compiletest3module"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, fs := range []map[string][]byte{files, files2, files3} {
		dir := t.TempDir()
		var sources []string
		for n, b := range fs {
			if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(n, ".cpp") {
				sources = append(sources, n)
			}
		}
		for _, src := range sources {
			wg.Add(1)
			go func(dir, src string) {
				defer wg.Done()
				args := []string{"-std=c++20", "-fopenmp", "-ffp-contract=off", "-DLTX_MODULE", "-Wall", "-Wextra", "-Werror",
					"-fsyntax-only", "-isystem", inc, "-I" + dir, filepath.Join(dir, src)}
				cmd := exec.Command(cxx, args...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				if err := cmd.Run(); err != nil {
					t.Errorf("%s %s: %v\n%s", cxx, strings.Join(args, " "), err, out.String())
				}
			}(dir, src)
		}
	}
	wg.Wait()
}
