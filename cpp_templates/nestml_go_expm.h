// DO NOT EDIT. This file belongs to nestml_go; every generated NEST module
// receives a verbatim copy of it. Change the original in nestml_go's
// cpp_templates/ together with the Go package gocore/expm, whose arithmetic
// it must reproduce operation for operation.
//
// nestml_go_expm.h: numerical matrix exponential and one-step propagators
// of linear ODE blocks (nestml_go numerics specification, section 5.3).
//
// For a block x' = A x + C u (A n-by-n, C n-by-m, u constant over a step h)
// propagator() returns P = exp(A h) and Q = Gamma C with
// Gamma = integral_0^h exp(A s) ds, read off exp([[A, C], [0, 0]] h).
// The exponential is computed by balancing with powers of two (gebal-style,
// no permutations, 5% rule, at most 10 sweeps), scaling and squaring with
// the [13/13] Pade approximant (Higham 2005, theta_13 = 5.371920351148152)
// and an LU solve with partial pivoting. 1-by-1 blocks and source rows (only
// the diagonal of the row of A is nonzero) use the closed forms
// exp(a h) and c expm1(a h) / a (h c if a == 0).
//
// Reproducibility: the Go and C++ versions give identical bits on amd64
// (up to libm exp/expm1 in the closed-form entries) only if no fused
// multiply-add is formed. Compile every translation unit that includes this
// header with -ffp-contract=off.
//
// Matrices are row-major arrays of double. Failures (non-finite input or
// result, or more than 64 squarings) throw std::runtime_error whose message
// starts with PROPAGATOR_NONFINITE or PROPAGATOR_RANGE.

#ifndef NESTML_GO_EXPM_H
#define NESTML_GO_EXPM_H

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#if defined(__clang__)
#pragma clang fp contract(off)
#endif

namespace nestml_go
{
namespace expm_detail
{

constexpr double theta13 = 5.371920351148152;
constexpr int max_squarings = 64;
constexpr int max_balance_sweeps = 10;
constexpr double balance_limit = 0x1p300;

constexpr double pade_b[ 14 ] = { 64764752532480000.0,
  32382376266240000.0,
  7771770303897600.0,
  1187353796428800.0,
  129060195264000.0,
  10559470521600.0,
  670442572800.0,
  33522128640.0,
  1323241920.0,
  40840800.0,
  960960.0,
  16380.0,
  182.0,
  1.0 };

inline bool
all_finite( const double* x, std::size_t len )
{
  for ( std::size_t i = 0; i < len; ++i )
  {
    if ( not std::isfinite( x[ i ] ) )
    {
      return false;
    }
  }
  return true;
}

[[noreturn]] inline void
fail( const char* code, const std::string& msg )
{
  throw std::runtime_error( std::string( code ) + ": " + msg );
}

// dst = a * b (n-by-n); dst must not alias a or b.
inline void
matmul( double* dst, const double* a, const double* b, int n )
{
  for ( int i = 0; i < n; ++i )
  {
    for ( int j = 0; j < n; ++j )
    {
      double s = 0.0;
      for ( int k = 0; k < n; ++k )
      {
        s = s + a[ i * n + k ] * b[ k * n + j ];
      }
      dst[ i * n + j ] = s;
    }
  }
}

inline double
norm1( const double* x, int n )
{
  double best = 0.0;
  for ( int j = 0; j < n; ++j )
  {
    double s = 0.0;
    for ( int i = 0; i < n; ++i )
    {
      s = s + std::fabs( x[ i * n + j ] );
    }
    if ( s > best )
    {
      best = s;
    }
  }
  return best;
}

// Smallest s >= 0 with norm / 2^s <= theta13, by exact halving; stops
// counting at max_squarings + 1.
inline int
squarings( double norm )
{
  int s = 0;
  while ( norm > theta13 and s <= max_squarings )
  {
    norm = norm / 2.0;
    ++s;
  }
  return s;
}

// Scales x in place to D^-1 x D and returns the diagonal of D (powers of 2).
inline std::vector< double >
balance( double* x, int n )
{
  std::vector< double > d( n, 1.0 );
  for ( int sweep = 0; sweep < max_balance_sweeps; ++sweep )
  {
    bool changed = false;
    for ( int i = 0; i < n; ++i )
    {
      double c = 0.0;
      double r = 0.0;
      for ( int k = 0; k < n; ++k )
      {
        if ( k != i )
        {
          c = c + std::fabs( x[ k * n + i ] );
          r = r + std::fabs( x[ i * n + k ] );
        }
      }
      if ( c == 0.0 or r == 0.0 )
      {
        continue;
      }
      const double sum = c + r;
      double f = 1.0;
      while ( 2.0 * c < r and d[ i ] * f < balance_limit )
      {
        c = c * 2.0;
        r = r / 2.0;
        f = f * 2.0;
      }
      while ( 2.0 * r < c and d[ i ] * f > 1.0 / balance_limit )
      {
        c = c / 2.0;
        r = r * 2.0;
        f = f / 2.0;
      }
      if ( c + r >= 0.95 * sum )
      {
        continue;
      }
      d[ i ] = d[ i ] * f;
      for ( int k = 0; k < n; ++k )
      {
        x[ k * n + i ] = x[ k * n + i ] * f; // column i
      }
      for ( int k = 0; k < n; ++k )
      {
        x[ i * n + k ] = x[ i * n + k ] / f; // row i
      }
      changed = true;
    }
    if ( not changed )
    {
      break;
    }
  }
  return d;
}

// dst = ca a + cb b + cc c, left to right.
inline void
combine3( double* dst, double ca, const double* a, double cb, const double* b, double cc, const double* c, int nn )
{
  for ( int i = 0; i < nn; ++i )
  {
    double v = ca * a[ i ];
    v = v + cb * b[ i ];
    v = v + cc * c[ i ];
    dst[ i ] = v;
  }
}

// dst = w + ca a + cb b + cc c + cd I, left to right; I touches the diagonal only.
inline void
add_combine( double* dst,
  const double* w,
  double ca,
  const double* a,
  double cb,
  const double* b,
  double cc,
  const double* c,
  double cd,
  int n )
{
  for ( int i = 0; i < n; ++i )
  {
    for ( int j = 0; j < n; ++j )
    {
      const int e = i * n + j;
      double v = w[ e ] + ca * a[ e ];
      v = v + cb * b[ e ];
      v = v + cc * c[ e ];
      if ( i == j )
      {
        v = v + cd;
      }
      dst[ e ] = v;
    }
  }
}

// Overwrites b (n right-hand sides as columns) with the solution of a x = b,
// destroying a. Doolittle LU with partial pivoting (first row with the
// largest absolute value), right-looking elimination, column-oriented
// substitution.
inline void
lu_solve( double* a, double* b, int n )
{
  for ( int k = 0; k < n; ++k )
  {
    int p = k;
    double amax = std::fabs( a[ k * n + k ] );
    for ( int i = k + 1; i < n; ++i )
    {
      const double v = std::fabs( a[ i * n + k ] );
      if ( v > amax )
      {
        amax = v;
        p = i;
      }
    }
    if ( amax == 0.0 )
    {
      fail( "PROPAGATOR_NONFINITE", "Pade denominator is singular (column " + std::to_string( k ) + ")" );
    }
    if ( p != k )
    {
      for ( int j = 0; j < n; ++j )
      {
        const double ta = a[ k * n + j ];
        a[ k * n + j ] = a[ p * n + j ];
        a[ p * n + j ] = ta;
        const double tb = b[ k * n + j ];
        b[ k * n + j ] = b[ p * n + j ];
        b[ p * n + j ] = tb;
      }
    }
    const double piv = a[ k * n + k ];
    for ( int i = k + 1; i < n; ++i )
    {
      const double l = a[ i * n + k ] / piv;
      a[ i * n + k ] = l;
      for ( int j = k + 1; j < n; ++j )
      {
        a[ i * n + j ] = a[ i * n + j ] - l * a[ k * n + j ];
      }
    }
  }
  for ( int j = 0; j < n; ++j )
  {
    for ( int k = 0; k < n; ++k )
    {
      const double bk = b[ k * n + j ];
      for ( int i = k + 1; i < n; ++i )
      {
        b[ i * n + j ] = b[ i * n + j ] - a[ i * n + k ] * bk;
      }
    }
    for ( int k = n - 1; k >= 0; --k )
    {
      const double bk = b[ k * n + j ] / a[ k * n + k ];
      b[ k * n + j ] = bk;
      for ( int i = 0; i < k; ++i )
      {
        b[ i * n + j ] = b[ i * n + j ] - a[ i * n + k ] * bk;
      }
    }
  }
}

// Returns the [13/13] Pade approximant of exp(x), norm1(x) <= theta13.
inline std::vector< double >
pade13( const double* x, int n )
{
  const double* b = pade_b;
  const int nn = n * n;
  std::vector< double > x2( nn ), x4( nn ), x6( nn ), t( nn ), w( nn ), u( nn ), v( nn );

  matmul( x2.data(), x, x, n );
  matmul( x4.data(), x2.data(), x2.data(), n );
  matmul( x6.data(), x4.data(), x2.data(), n );

  // U = X ( X6 (b13 X6 + b11 X4 + b9 X2) + b7 X6 + b5 X4 + b3 X2 + b1 I )
  combine3( t.data(), b[ 13 ], x6.data(), b[ 11 ], x4.data(), b[ 9 ], x2.data(), nn );
  matmul( w.data(), x6.data(), t.data(), n );
  add_combine( t.data(), w.data(), b[ 7 ], x6.data(), b[ 5 ], x4.data(), b[ 3 ], x2.data(), b[ 1 ], n );
  matmul( u.data(), x, t.data(), n );

  // V = X6 (b12 X6 + b10 X4 + b8 X2) + b6 X6 + b4 X4 + b2 X2 + b0 I
  combine3( t.data(), b[ 12 ], x6.data(), b[ 10 ], x4.data(), b[ 8 ], x2.data(), nn );
  matmul( w.data(), x6.data(), t.data(), n );
  add_combine( v.data(), w.data(), b[ 6 ], x6.data(), b[ 4 ], x4.data(), b[ 2 ], x2.data(), b[ 0 ], n );

  // Solve (V - U) R = V + U; t holds V - U, w holds V + U.
  for ( int i = 0; i < nn; ++i )
  {
    t[ i ] = v[ i ] - u[ i ];
    w[ i ] = v[ i ] + u[ i ];
  }
  lu_solve( t.data(), w.data(), n );
  return w;
}

// Closed-form row r: p[pi] = exp(ar h), q[r][k] = c[r][k] expm1(ar h) / ar
// (h c[r][k] if ar == 0).
inline void
scalar_row( double* p, double* q, int r, int pi, double ar, const double* c, int m, double h )
{
  const double ah = ar * h;
  p[ pi ] = std::exp( ah );
  if ( ar == 0.0 )
  {
    for ( int k = 0; k < m; ++k )
    {
      q[ r * m + k ] = h * c[ r * m + k ];
    }
    return;
  }
  const double g = std::expm1( ah ) / ar;
  for ( int k = 0; k < m; ++k )
  {
    q[ r * m + k ] = c[ r * m + k ] * g;
  }
}

} // namespace expm_detail

// Writes exp(m) (n-by-n, row-major) to out. out may alias m.
// Throws std::runtime_error (PROPAGATOR_NONFINITE, PROPAGATOR_RANGE).
inline void
expm( const double* m, int n, double* out )
{
  using namespace expm_detail;
  if ( n <= 0 )
  {
    return;
  }
  const std::size_t nn = static_cast< std::size_t >( n ) * static_cast< std::size_t >( n );
  if ( not all_finite( m, nn ) )
  {
    fail( "PROPAGATOR_NONFINITE", "non-finite input entry" );
  }
  std::vector< double > x( m, m + nn );
  const std::vector< double > d = balance( x.data(), n );

  const double norm = norm1( x.data(), n );
  const int s = squarings( norm );
  if ( s > max_squarings )
  {
    fail( "PROPAGATOR_RANGE", "norm " + std::to_string( norm ) + " needs more than 64 squarings" );
  }
  if ( s > 0 )
  {
    const double scale = std::ldexp( 1.0, -s );
    for ( std::size_t i = 0; i < nn; ++i )
    {
      x[ i ] = x[ i ] * scale;
    }
  }

  std::vector< double > r = pade13( x.data(), n );
  std::vector< double > tmp( nn );
  for ( int k = 0; k < s; ++k )
  {
    matmul( tmp.data(), r.data(), r.data(), n );
    r.swap( tmp );
  }

  for ( int i = 0; i < n; ++i )
  {
    for ( int j = 0; j < n; ++j )
    {
      const double ratio = d[ i ] / d[ j ];
      r[ i * n + j ] = r[ i * n + j ] * ratio;
    }
  }
  if ( not all_finite( r.data(), nn ) )
  {
    fail( "PROPAGATOR_NONFINITE", "non-finite entry in the matrix exponential" );
  }
  for ( std::size_t i = 0; i < nn; ++i )
  {
    out[ i ] = r[ i ];
  }
}

// One-step propagators of the block x' = A x + C u over h:
// p_out = exp(A h) (n-by-n), q_out = Gamma C (n-by-m), all row-major.
// c and q_out may be null when m == 0.
// Throws std::runtime_error (PROPAGATOR_NONFINITE, PROPAGATOR_RANGE).
inline void
propagator( const double* a, int n, const double* c, int m, double h, double* p_out, double* q_out )
{
  using namespace expm_detail;
  if ( n < 0 or m < 0 )
  {
    throw std::invalid_argument( "nestml_go::propagator: negative dimension" );
  }
  if ( not std::isfinite( h ) )
  {
    fail( "PROPAGATOR_NONFINITE", "step h is not finite" );
  }
  const std::size_t nn = static_cast< std::size_t >( n ) * static_cast< std::size_t >( n );
  const std::size_t nm = static_cast< std::size_t >( n ) * static_cast< std::size_t >( m );
  if ( not all_finite( a, nn ) )
  {
    fail( "PROPAGATOR_NONFINITE", "non-finite entry in A" );
  }
  if ( not all_finite( c, nm ) )
  {
    fail( "PROPAGATOR_NONFINITE", "non-finite entry in C" );
  }
  if ( n == 0 )
  {
    return;
  }
  std::vector< double > p( nn, 0.0 ), q( nm, 0.0 );
  if ( n == 1 )
  {
    scalar_row( p.data(), q.data(), 0, 0, a[ 0 ], c, m, h );
  }
  else
  {
    const int big_n = n + m;
    std::vector< double > mh( static_cast< std::size_t >( big_n ) * big_n, 0.0 );
    for ( int i = 0; i < n; ++i )
    {
      for ( int j = 0; j < n; ++j )
      {
        mh[ i * big_n + j ] = a[ i * n + j ] * h;
      }
      for ( int j = 0; j < m; ++j )
      {
        mh[ i * big_n + n + j ] = c[ i * m + j ] * h;
      }
    }
    expm( mh.data(), big_n, mh.data() );
    for ( int i = 0; i < n; ++i )
    {
      for ( int j = 0; j < n; ++j )
      {
        p[ i * n + j ] = mh[ i * big_n + j ];
      }
      for ( int j = 0; j < m; ++j )
      {
        q[ i * m + j ] = mh[ i * big_n + n + j ];
      }
    }
    // Source rows: closed form, bit-identical to the scalar case.
    for ( int r = 0; r < n; ++r )
    {
      bool source = true;
      for ( int j = 0; j < n; ++j )
      {
        if ( j != r and a[ r * n + j ] != 0.0 )
        {
          source = false;
          break;
        }
      }
      if ( source )
      {
        for ( int j = 0; j < n; ++j )
        {
          p[ r * n + j ] = 0.0;
        }
        scalar_row( p.data(), q.data(), r, r * n + r, a[ r * n + r ], c, m, h );
      }
    }
  }
  if ( not all_finite( p.data(), nn ) or not all_finite( q.data(), nm ) )
  {
    fail( "PROPAGATOR_NONFINITE", "non-finite propagator entry" );
  }
  for ( std::size_t i = 0; i < nn; ++i )
  {
    p_out[ i ] = p[ i ];
  }
  for ( std::size_t i = 0; i < nm; ++i )
  {
    q_out[ i ] = q[ i ];
  }
}

} // namespace nestml_go

#endif // NESTML_GO_EXPM_H
