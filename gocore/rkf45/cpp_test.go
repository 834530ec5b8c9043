package rkf45

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// cppDriver runs the conformance vectors and the fixed-step methods through
// cpp_templates/nestml_go_rk45.h and prints what the Go side prints. The
// right-hand sides have the signature of generated NEST code (GSL's) and
// are passed as lambdas, as generated code does.
const cppDriver = `
#include "nestml_go_rk45.h"
#include "crexp.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

static int vdp( double, const double y[], double f[], void* )
{
  f[ 0 ] = y[ 1 ];
  f[ 1 ] = 10.0 * ( 1.0 - y[ 0 ] * y[ 0 ] ) * y[ 1 ] - y[ 0 ];
  return 0;
}

static int aeif( double, const double y[], double f[], void* )
{
  const double V = y[ 0 ], w = y[ 1 ], g = y[ 2 ];
  const double Vb = ( V < 0.0 ) ? V : 0.0;
  f[ 0 ] = ( ( -30.0 ) * ( Vb - ( -70.6 ) ) + 30.0 * 2.0 * crexp( ( Vb - ( -50.4 ) ) / 2.0 ) - g * ( Vb - 0.0 ) - w + 1000.0 ) / 281.0;
  f[ 1 ] = ( 4.0 * ( Vb - ( -70.6 ) ) - w ) / 144.0;
  f[ 2 ] = -g / 0.2;
  return 0;
}

static int blowup( double, const double y[], double f[], void* )
{
  f[ 0 ] = y[ 0 ] * y[ 0 ];
  return 0;
}

static unsigned long long bits( double x )
{
  unsigned long long u;
  std::memcpy( &u, &x, sizeof u );
  return u;
}

int main( int argc, char** argv )
{
  if ( argc < 2 )
  {
    std::fprintf( stderr, "usage: %s traj|fixed|stall|nonfinite ...\n", argv[ 0 ] );
    return 2;
  }
  const std::string mode = argv[ 1 ];
  if ( mode == "traj" )
  {
    const bool r2 = std::strcmp( argv[ 2 ], "r2" ) == 0;
    const nestml_go::rk45_control c =
      std::strcmp( argv[ 3 ], "yp" ) == 0 ? nestml_go::rk45_control_yp( 1e-6, 1e-6 ) : nestml_go::rk45_control_y( 1e-6, 1e-6 );
    const long nsteps = std::atol( argv[ 4 ] );
    const std::size_t n = r2 ? 3 : 2;
    double y[ 3 ] = { r2 ? -70.6 : 2.0, 0.0, 0.0 };
    nestml_go::rk45_workspace w( n );
    auto f = [ r2 ]( double t, const double* yy, double* d ) { return r2 ? aeif( t, yy, d, nullptr ) : vdp( t, yy, d, nullptr ); };
    const double h = 0.1;
    double h_int = 0.1;
    for ( long step = 1; step <= nsteps; ++step )
    {
      nestml_go::rk45_step( w, f, c, h, h_int, y, 0, [ & ]( double t, double* yy ) {
        if ( r2 && yy[ 0 ] >= 0.0 )
        {
          yy[ 0 ] = -60.0;
          yy[ 1 ] += 80.5;
        }
        std::printf( "%ld %.17g %.17g", step, t, h_int );
        for ( std::size_t i = 0; i < n; ++i )
        {
          std::printf( " %.17g", yy[ i ] );
        }
        std::printf( " %lu %lu\n", w.count, w.failed );
      } );
      if ( r2 && step == 51 )
      {
        y[ 2 ] += 20.0;
      }
    }
    return 0;
  }
  if ( mode == "fixed" )
  {
    // euler and rk4 on both systems from fixed states; prints bit patterns.
    nestml_go::rk45_workspace w2( 2 ), w3( 3 );
    double scratch[ 3 ];
    auto fv = []( double t, const double* yy, double* d ) { vdp( t, yy, d, nullptr ); };
    auto fa = []( double t, const double* yy, double* d ) { aeif( t, yy, d, nullptr ); };
    for ( int m = 0; m < 2; ++m )
    {
      double a[ 2 ] = { 2.0, -0.3 };
      double b[ 3 ] = { -65.3, 12.5, 3.25 };
      for ( int k = 0; k < 5; ++k )
      {
        if ( m == 0 )
        {
          nestml_go::euler( fv, 0.1 * k, 0.01, a, scratch, 2 );
          nestml_go::euler( fa, 0.1 * k, 0.1, b, scratch, 3 );
        }
        else
        {
          nestml_go::rk4( fv, 0.1 * k, 0.01, a, w2 );
          nestml_go::rk4( fa, 0.1 * k, 0.1, b, w3 );
        }
      }
      std::printf( "%llu %llu %llu %llu %llu\n", bits( a[ 0 ] ), bits( a[ 1 ] ), bits( b[ 0 ] ), bits( b[ 1 ] ), bits( b[ 2 ] ) );
    }
    return 0;
  }
  // Guards: "stall" runs R1's first step with at most 7 sub-steps,
  // "nonfinite" integrates y' = y^2 from 1e300.
  const bool stall = mode == "stall";
  double y[ 2 ] = { stall ? 2.0 : 1e300, 0.0 };
  double h_int = 0.1;
  nestml_go::rk45_workspace w( stall ? 2 : 1 );
  try
  {
    if ( stall )
    {
      nestml_go::rk45_step( w, []( double t, const double* yy, double* d ) { vdp( t, yy, d, nullptr ); }, nestml_go::rk45_control_y( 1e-6, 1e-6 ), 0.1, h_int, y, 7 );
    }
    else
    {
      nestml_go::rk45_step( w, []( double t, const double* yy, double* d ) { blowup( t, yy, d, nullptr ); }, nestml_go::rk45_control_y( 1e-6, 1e-6 ), 0.1, h_int, y, 0 );
    }
    std::printf( "OK\n" );
  }
  catch ( const nestml_go::rk45_error& e )
  {
    std::printf( "ERR %s\n", e.what() );
    std::printf( "%s %llu %llu %llu %lu %lu\n", e.code(), bits( y[ 0 ] ), bits( y[ 1 ] ), bits( h_int ), w.count, w.failed );
  }
  return 0;
}
`

// TestCppHeader compiles the driver against cpp_templates/nestml_go_rk45.h
// with the flags of generated modules and checks that its output equals
// the Go output byte for byte.
func TestCppHeader(t *testing.T) {
	cxx, err := exec.LookPath("g++")
	if err != nil {
		t.Skip("g++ not found: skipping the C++ header comparison")
	}
	hdrDir, err := filepath.Abs(filepath.Join("..", "..", "cpp_templates"))
	if err != nil {
		t.Fatal(err)
	}
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, exe := filepath.Join(dir, "driver.cpp"), filepath.Join(dir, "driver")
	if err := os.WriteFile(src, []byte(cppDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(cxx, "-std=c++17", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror",
		"-I"+hdrDir, "-I"+testdata, src, "-o", exe)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	run := func(args ...string) string {
		out, err := exec.Command(exe, args...).Output()
		if err != nil {
			t.Fatalf("driver %v: %v", args, err)
		}
		return string(out)
	}

	t.Run("trajectories", func(t *testing.T) {
		for _, r := range conformanceRuns {
			vec, ctrl, _ := strings.Cut(r.name, "_")
			got := run("traj", vec, ctrl, fmt.Sprint(goldenSteps))
			if diff := firstDiff(got, trajectory(t, r, goldenSteps)); diff != "" {
				t.Errorf("%s: C++ differs from Go: %s", r.name, diff)
			}
		}
	})

	t.Run("euler+rk4", func(t *testing.T) {
		bits := func(x float64) string { return strconv.FormatUint(math.Float64bits(x), 10) }
		var want strings.Builder
		w2, w3 := NewWorkspace(2), NewWorkspace(3)
		scratch := make([]float64, 3)
		for m := 0; m < 2; m++ {
			a := []float64{2, -0.3}
			b := []float64{-65.3, 12.5, 3.25}
			for k := 0; k < 5; k++ {
				tk := float64(0.1 * float64(k))
				if m == 0 {
					Euler(vanDerPol, tk, 0.01, a, scratch)
					Euler(aeifLike, tk, 0.1, b, scratch)
				} else {
					RK4(vanDerPol, tk, 0.01, a, w2)
					RK4(aeifLike, tk, 0.1, b, w3)
				}
			}
			fmt.Fprintf(&want, "%s %s %s %s %s\n", bits(a[0]), bits(a[1]), bits(b[0]), bits(b[1]), bits(b[2]))
		}
		if got := run("fixed"); got != want.String() {
			t.Errorf("C++ euler/rk4 bits\n%s\nGo\n%s", got, want.String())
		}
	})

	t.Run("guards", func(t *testing.T) {
		for _, tc := range []struct {
			mode string
			code string
			f    Func
			y    []float64
			max  int
		}{
			{"stall", CodeStall, vanDerPol, []float64{2, 0}, 7},
			{"nonfinite", CodeNonfinite, func(_ float64, y, dydt []float64) { dydt[0] = float64(y[0] * y[0]) }, []float64{1e300}, 0},
		} {
			lines := strings.Split(strings.TrimSpace(run(tc.mode)), "\n")
			if len(lines) != 2 || !strings.HasPrefix(lines[0], "ERR "+tc.code+": ") {
				t.Errorf("%s: C++ output %q, want ERR %s: …", tc.mode, lines, tc.code)
				continue
			}
			ws := NewWorkspace(len(tc.y))
			hint := resolution
			err := ws.Step(tc.f, ControlY(1e-6, 1e-6), resolution, &hint, tc.y, tc.max, nil)
			if err == nil {
				t.Fatalf("%s: Go returned no error", tc.mode)
			}
			y1 := 0.0
			if len(tc.y) > 1 {
				y1 = tc.y[1]
			}
			want := fmt.Sprintf("%s %d %d %d %d %d", tc.code, math.Float64bits(tc.y[0]), math.Float64bits(y1), math.Float64bits(hint), ws.Count, ws.Failed)
			if lines[1] != want {
				t.Errorf("%s: state after the error: C++ %q, Go %q", tc.mode, lines[1], want)
			}
			t.Logf("%s: C++ message %q; Go message %q", tc.mode, strings.TrimPrefix(lines[0], "ERR "), err)
		}
	})
}
