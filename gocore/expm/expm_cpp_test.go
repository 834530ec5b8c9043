package expm

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// cppDriver reads cases from stdin and prints, per case, "OK" followed by
// the bit patterns of the results, or "ERR <message>". Numbers travel as
// the decimal form of their IEEE-754 bit patterns, so nothing is rounded on
// the way.
//
// Input per case:  kind n m hbits  a-bits(n·n)  c-bits(n·m)
// kind 0: propagator(a, n, c, m, h); kind 1: expm(a, n) (m, h ignored).
const cppDriver = `
#include "nestml_go_expm.h"
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <vector>

static double from_bits( std::uint64_t u ) { double d; std::memcpy( &d, &u, sizeof d ); return d; }
static std::uint64_t to_bits( double d ) { std::uint64_t u; std::memcpy( &u, &d, sizeof u ); return u; }

int main()
{
  int ncases;
  std::cin >> ncases;
  for ( int t = 0; t < ncases; ++t )
  {
    int kind, n, m;
    std::uint64_t hb;
    std::cin >> kind >> n >> m >> hb;
    std::vector< double > a( n * n ), c( n * m );
    for ( auto& x : a ) { std::uint64_t u; std::cin >> u; x = from_bits( u ); }
    for ( auto& x : c ) { std::uint64_t u; std::cin >> u; x = from_bits( u ); }
    std::vector< double > p( n * n ), q( n * m );
    try
    {
      if ( kind == 0 )
        nestml_go::propagator( a.data(), n, c.data(), m, from_bits( hb ), p.data(), q.data() );
      else
        nestml_go::expm( a.data(), n, p.data() );
    }
    catch ( const std::exception& e )
    {
      std::printf( "ERR %s\n", e.what() );
      continue;
    }
    std::printf( "OK" );
    for ( double x : p ) std::printf( " %llu", static_cast< unsigned long long >( to_bits( x ) ) );
    if ( kind == 0 )
      for ( double x : q ) std::printf( " %llu", static_cast< unsigned long long >( to_bits( x ) ) );
    std::printf( "\n" );
  }
  return 0;
}
`

type cppCase struct {
	name string
	kind int // 0 propagator, 1 expm
	a    []float64
	n    int
	c    []float64
	m    int
	h    float64
}

func cppCases() []cppCase {
	aExp, cExp := iafPscExpBlock(2, 2, 10, 250, -70, 0)
	aExp2, cExp2 := iafPscExpBlock(2, 5, 10, 250, -65, 376)
	aEq, cEq := iafPscExpBlock(10, 10, 10, 250, -70, 0)
	a4, c4 := alpha4Block()
	cases := []cppCase{
		{"iaf_psc_exp", 0, aExp, 3, cExp, 2, 0.1},
		{"iaf_psc_exp/tau_inh=5,I_e=376", 0, aExp2, 3, cExp2, 2, 0.1},
		{"iaf_psc_exp/equal_tau", 0, aEq, 3, cEq, 2, 0.1},
		{"iaf_psc_exp/near_equal_tau", 0, []float64{-1 / 10.0, 0, 1 / 250.0, -1 / (10 + 1e-9)}, 2, []float64{0, 0}, 1, 0.1},
		{"iaf_psc_alpha", 0, iafPscAlphaBlock(2, 10, 250), 3, nil, 0, 0.1},
		{"iaf_psc_alpha/equal_tau", 0, iafPscAlphaBlock(10, 10, 250), 3, nil, 0, 0.1},
		{"alpha4", 0, a4, 4, c4, 2, 0.1},
		{"alpha4/h=0.01", 0, a4, 4, c4, 2, 0.01},
		{"oscillatory_kernel", 0, oscillatorKernelBlock(), 2, nil, 0, 0.1},
		{"damped_oscillator", 0, []float64{0, 1, -4, -0.2}, 2, []float64{0, 1}, 1, 0.1},
		{"fast_oscillator", 0, []float64{-1, 40, -40, -1}, 2, nil, 0, 0.1},
		{"scalar_decay", 0, []float64{-0.1}, 1, []float64{-7, 0.004}, 2, 0.1},
		{"integrator", 0, []float64{0}, 1, []float64{-1}, 1, 0.1},
		{"zero_block", 0, make([]float64, 9), 3, []float64{1, 2, 3}, 1, 0.1},
		{"expm/badly_scaled", 1, []float64{-0.5, 1e-4, 0, 3e3, -0.1, 2, 0, 5e-3, -20}, 3, nil, 0, 0},
		{"error/NaN", 0, []float64{-0.1, 0, math.NaN(), -0.2}, 2, nil, 0, 0.1},
		{"error/range", 0, []float64{-1e30, 1e30, 1e30, -1e30}, 2, nil, 0, 0.1},
	}
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 12; i++ {
		n := 2 + rng.Intn(6)
		m := rng.Intn(3)
		a := make([]float64, n*n)
		for k := range a {
			if rng.Float64() < 0.3 {
				continue // sparse pattern, exercises source rows and pivoting
			}
			a[k] = rng.NormFloat64() * math.Pow(10, rng.Float64()*4-2)
		}
		c := make([]float64, n*m)
		for k := range c {
			c[k] = rng.NormFloat64() * 10
		}
		cases = append(cases, cppCase{fmt.Sprintf("random%d/n=%d,m=%d", i, n, m), 0, a, n, c, m, 0.1 + rng.Float64()})
	}
	return cases
}

// TestCppHeaderAgrees compiles a driver against cpp_templates/nestml_go_expm.h
// and checks that the C++ results agree with Go's (numerics.md §5.3.1).
func TestCppHeaderAgrees(t *testing.T) {
	cxx, err := exec.LookPath("g++")
	if err != nil {
		t.Skip("g++ not found; skipping the C++ header comparison")
	}
	hdrDir, err := filepath.Abs(filepath.Join("..", "..", "cpp_templates"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(hdrDir, "nestml_go_expm.h")); err != nil {
		t.Fatalf("header not found: %v", err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "driver.cpp")
	exe := filepath.Join(dir, "driver")
	if err := os.WriteFile(src, []byte(cppDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(cxx, "-std=c++17", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-I"+hdrDir, src, "-o", exe)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s failed: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	} else if len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("compiler warnings:\n%s", out)
	}

	cases := cppCases()
	var in strings.Builder
	bits := func(x float64) string { return strconv.FormatUint(math.Float64bits(x), 10) }
	fmt.Fprintln(&in, len(cases))
	for _, tc := range cases {
		fmt.Fprintf(&in, "%d %d %d %s", tc.kind, tc.n, tc.m, bits(tc.h))
		for _, x := range tc.a {
			fmt.Fprintf(&in, " %s", bits(x))
		}
		for _, x := range tc.c {
			fmt.Fprintf(&in, " %s", bits(x))
		}
		fmt.Fprintln(&in)
	}
	run := exec.Command(exe)
	run.Stdin = strings.NewReader(in.String())
	out, err := run.Output()
	if err != nil {
		t.Fatalf("driver failed: %v", err)
	}

	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var total, identical int
	for _, tc := range cases {
		if !sc.Scan() {
			t.Fatalf("driver output ends before case %s", tc.name)
		}
		line := sc.Text()
		var want []float64
		var goErr error
		if tc.kind == 0 {
			p, q, err := Propagator(tc.a, tc.n, tc.c, tc.m, tc.h)
			want, goErr = append(p, q...), err
		} else {
			want, goErr = Expm(tc.a, tc.n)
		}
		if goErr != nil {
			code := goErr.(*Error).Code
			if !strings.HasPrefix(line, "ERR "+code) {
				t.Errorf("%s: Go error %v, C++ output %q", tc.name, goErr, line)
			}
			continue
		}
		fields := strings.Fields(line)
		if len(fields) == 0 || fields[0] != "OK" || len(fields)-1 != len(want) {
			t.Errorf("%s: C++ output %q, want OK and %d numbers", tc.name, line, len(want))
			continue
		}
		for i, f := range fields[1:] {
			u, err := strconv.ParseUint(f, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			got := math.Float64frombits(u)
			total++
			if u == math.Float64bits(want[i]) {
				identical++
				continue
			}
			if e := relErr(got, want[i]); !(e <= 1e-13) {
				t.Errorf("%s: entry %d: C++ %.17g, Go %.17g (rel err %.3g)", tc.name, i, got, want[i], e)
			} else {
				t.Logf("%s: entry %d differs in the last bits: C++ %.17g, Go %.17g", tc.name, i, got, want[i])
			}
		}
	}
	t.Logf("%d of %d entries bitwise identical between Go and C++", identical, total)
}
