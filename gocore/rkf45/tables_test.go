package rkf45

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestTablesUpToDate regenerates tables.go with gen_tables.go and checks
// that the committed file is identical.
func TestTablesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		var lerr error
		if goTool, lerr = exec.LookPath("go"); lerr != nil {
			t.Skip("go command not found")
		}
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goTool, "run", "gen_tables.go", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen_tables.go: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("tables.go is stale; run go generate in gocore/rkf45")
	}
}

// TestTables checks the tables against the independent reference of
// pow_test.go: every hi part is the correctly rounded value and every
// hi + lo is accurate to 2^-104 relative.
func TestTables(t *testing.T) {
	for j := 0; j < 128; j++ {
		c := 1 + float64(2*j+1)/256
		if invc[j] != 1/c {
			t.Errorf("invc[%d] = %x, want %x", j, invc[j], 1/c)
		}
		ref := refLog(invc[j])
		ref.Neg(ref)
		if hi, _ := ref.Float64(); hi != logc[j][0] {
			t.Errorf("logc[%d][0] = %x, want %x", j, logc[j][0], hi)
		}
		if e := relErr(logc[j][0], logc[j][1], ref); e > 0x1p-104 {
			t.Errorf("logc[%d]: relative error %g", j, e)
		}
		z := rf(float64(j))
		z.Mul(z, refLn2).Quo(z, rf(128))
		ref = refExp(z)
		if hi, _ := ref.Float64(); hi != exp2[j][0] {
			t.Errorf("exp2[%d][0] = %x, want %x", j, exp2[j][0], hi)
		}
		if e := relErr(exp2[j][0], exp2[j][1], ref); e > 0x1p-104 {
			t.Errorf("exp2[%d]: relative error %g", j, e)
		}
	}
	ln2 := rf(ln2Hi)
	ln2.Add(ln2, rf(ln2Lo)).Add(ln2, rf(ln2LoLo)).Sub(ln2, refLn2)
	if e, _ := ln2.Float64(); e > 0x1p-158 || e < -0x1p-158 {
		t.Errorf("ln2Hi + ln2Lo + ln2LoLo off by %g", e)
	}
	n := rf(ln2N1)
	n.Add(n, rf(ln2N2)).Add(n, rf(ln2N3)).Mul(n, rf(128)).Sub(n, refLn2)
	if e, _ := n.Float64(); e > 0x1p-140 || e < -0x1p-140 {
		t.Errorf("128·(ln2N1 + ln2N2 + ln2N3) off by %g", e)
	}
}
