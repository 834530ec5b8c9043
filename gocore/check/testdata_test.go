package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
)

// The files in testdata/ carry their expectations inline: a comment
//
//	# ERROR CODE [CODE…] [WARNING CODE…] [INFO CODE…]
//
// on a line says that exactly these diagnostics start on that line. The
// test checks both ways: every expected diagnostic is reported, and every
// reported error and warning is expected (infos only in files that contain
// the marker `# CHECK-INFOS`). A line `# OPTIONS: lang=8.3 strict` selects
// checker options (also target=NEST_compartmental).

var expectRE = regexp.MustCompile(`#\s*((?:ERROR|WARNING|INFO)\s+[A-Z_]+(?:[\s,]+(?:(?:ERROR|WARNING|INFO)\s+)?[A-Z_]+)*)`)

type expectation struct {
	line int
	sev  string
	code string
}

func (e expectation) String() string { return fmt.Sprintf("%d: %s %s", e.line, e.sev, e.code) }

func parseExpectations(src string) (exps map[expectation]int, opts check.Options, infos bool) {
	exps = map[expectation]int{}
	for i, line := range strings.Split(src, "\n") {
		if strings.Contains(line, "# CHECK-INFOS") {
			infos = true
		}
		if j := strings.Index(line, "# OPTIONS:"); j >= 0 {
			for _, f := range strings.Fields(line[j+len("# OPTIONS:"):]) {
				switch {
				case f == "strict":
					opts.Strict = true
				case strings.HasPrefix(f, "lang="):
					opts.Lang = strings.TrimPrefix(f, "lang=")
				case strings.HasPrefix(f, "target="):
					opts.Target = strings.TrimPrefix(f, "target=")
				}
			}
			continue
		}
		m := expectRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		sev := ""
		for _, tok := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
			switch tok {
			case "ERROR", "WARNING", "INFO":
				sev = strings.ToLower(tok)
			default:
				exps[expectation{i + 1, sev, tok}]++
			}
		}
	}
	return exps, opts, infos
}

func TestTestdata(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.nestml")
	if len(files) == 0 {
		t.Fatal("no testdata files")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			exps, opts, infos := parseExpectations(string(src))
			_, ds := checkFile(path, opts)
			got := map[expectation]int{}
			for _, d := range ds {
				if d.Severity == diag.Info && !infos {
					continue
				}
				got[expectation{d.Range.Start.Line, d.Severity.String(), string(d.Code)}]++
			}
			var missing, extra []string
			for e := range exps {
				if got[e] == 0 {
					missing = append(missing, e.String())
				}
			}
			for _, d := range ds {
				e := expectation{d.Range.Start.Line, d.Severity.String(), string(d.Code)}
				if d.Severity == diag.Info && !infos {
					continue
				}
				if exps[e] == 0 {
					extra = append(extra, fmt.Sprintf("%s (%s)", e, d.Message))
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			for _, m := range missing {
				t.Errorf("expected diagnostic not reported: %s", m)
			}
			for _, x := range extra {
				t.Errorf("unexpected diagnostic: %s", x)
			}
		})
	}
}

// contextSeverity lists codes whose severity depends on options or context
// (checks.md §4: compatibility findings, conditional branches, NEST-only
// errors reported as warnings in validation mode).
var contextSeverity = map[diag.Code]bool{
	diag.BareUnitInExpression:      true,
	diag.LiteralFollowedByVariable: true,
	diag.ConditionalBranchMismatch: true,
	diag.EmitSpikeWeightInNeuron:   true,
}

// TestEveryDiagnosticHasARegisteredCode runs the checker over the corpus
// and the testdata at both language levels and requires every diagnostic
// to carry a code registered in package diag, with the catalogue severity.
func TestEveryDiagnosticHasARegisteredCode(t *testing.T) {
	var paths []string
	files, _ := filepath.Glob("testdata/*.nestml")
	paths = append(paths, files...)
	if d, err := filepath.Abs("../../../shared/corpus/nestml-upstream"); err == nil {
		for _, v := range func() []verdict {
			if _, err := os.Stat(filepath.Join(d, "upstream_verdicts.tsv")); err != nil {
				return nil
			}
			return readVerdicts(t, d)
		}() {
			paths = append(paths, filepath.Join(d, v.file))
		}
	}
	seen := map[diag.Code]bool{}
	for _, p := range paths {
		for _, opts := range []check.Options{{}, {Lang: "8.3"}, {Strict: true}} {
			_, ds := checkFile(p, opts)
			for _, d := range ds {
				seen[d.Code] = true
				sev, ok := diag.DefaultSeverity[d.Code]
				switch {
				case d.Code == "":
					t.Errorf("%s: diagnostic without a code: %v", p, d)
				case !ok:
					t.Errorf("%s: code %s is not registered in package diag", p, d.Code)
				case sev != d.Severity && !contextSeverity[d.Code]:
					t.Errorf("%s: %s reported as %s, catalogue says %s", p, d.Code, d.Severity, sev)
				}
			}
		}
	}
	t.Logf("%d distinct codes seen", len(seen))
}
