package pipeline

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzCompile: parse, check, analyse and lower arbitrary input. Invariant:
// no panic, and a result with a file or diagnostics. Seeded with the corpus;
// CI runs it briefly (.ci/test).
func FuzzCompile(f *testing.F) {
	for _, p := range corpusModelFiles(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("model m:\n    state:\n        x real = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r := Compile("fuzz.nestml", src, Options{})
		if r == nil || (r.File == nil && len(r.Diagnostics) == 0) {
			t.Fatal("no file and no diagnostics")
		}
	})
}

// TestRobustInputs: pathological inputs give diagnostics quickly, never a
// crash or a hang.
func TestRobustInputs(t *testing.T) {
	deep := "model m:\n    state:\n        x real = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n"
	nested := "model m:\n    update:\n"
	for i := 1; i <= 200; i++ {
		nested += strings.Repeat("    ", i+1) + "if true:\n"
	}
	nested += strings.Repeat("    ", 202) + "x = 1\n"
	huge := "model m:\n    parameters:\n"
	for i := 0; i < 20000; i++ {
		huge += "        p" + strconv.Itoa(i) + " real = " + strconv.Itoa(i) + "\n"
	}
	cases := map[string]string{
		"bad utf-8":       "model m:\n    state:\n        x real = 1 # \xff\xfe\n        y\xff real = 2\n",
		"tabs and spaces": "model m:\n\tstate:\n        x real = 1\n",
		"deep parens":     deep,
		"deep blocks":     nested,
		"huge file":       huge,
		"empty":           "",
		"nul bytes":       "model m:\x00\n",
	}
	for name, src := range cases {
		start := time.Now()
		r := Compile(name+".nestml", []byte(src), Options{})
		if r.File == nil {
			t.Errorf("%s: no file", name)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
	}
}
