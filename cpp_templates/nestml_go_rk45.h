// DO NOT EDIT. This file is part of nestml_go; it is copied verbatim into
// every generated NEST module built with rk45_implementation = "builtin".
// Change the original in nestml_go's cpp_templates/ together with the Go
// package gocore/rkf45, whose arithmetic it must reproduce operation for
// operation (a test compares the two bit for bit).
//
// nestml_go_rk45.h: the Runge-Kutta-Fehlberg 4(5) integrator with GSL's
// standard step-size control and evolve driver (nestml_go numerics
// specification, section 6), without GSL.
//
// It takes exactly the steps of gsl_odeiv_step_rkf45 +
// gsl_odeiv_control_standard + gsl_odeiv_evolve_apply:
//
//   - one trial step from (t, y) with k1 = f(t, y):
//       k2 = f(t + (1/4)h,   y + ((1/4)h) k1)
//       k3 = f(t + (3/8)h,   y + h (b31 k1 + b32 k2))
//       k4 = f(t + (12/13)h, y + h (b41 k1 + b42 k2 + b43 k3))
//       k5 = f(t + h,        y + h (b51 k1 + ... + b54 k4))
//       k6 = f(t + (1/2)h,   y + h (b61 k1 + ... + b65 k5))
//       y' = y + h (c1 k1 + c3 k3 + c4 k4 + c5 k5 + c6 k6)   (5th order)
//       e  =     h (e1 k1 + e3 k3 + e4 k4 + e5 k5 + e6 k6)
//     with Fehlberg's coefficients written as GSL's quotients of doubles;
//   - control: D_i = eps_rel (a_y |y'_i| + a_dydt |h f_i(t+h, y')|) + eps_abs,
//     R = max(DBL_MIN, max_i |e_i| / |D_i|); R > 1.1: h *= max(0.2,
//     0.9 / R^(1/5)) (decrease); R < 0.5: h *= min(5, max(1, 0.9 / R^(1/6)))
//     (increase); otherwise h is kept;
//   - evolve_apply: one accepted step from t0 towards t1; a trial longer
//     than t1 - t0 is shortened to end at t1 and the controller adjusts the
//     shortened size; a decrease retries from the saved state with the same
//     k1 unless the smaller step would not move t by one ulp;
//   - rk45_step: the per-NEST-step loop, t from 0 to dt, with the
//     persistent step memory h_int, a sub-step limit (NUMERIC_STALL) and a
//     finiteness check after each accepted sub-step (NUMERIC_NONFINITE).
//
// The right-hand side is any callable f(double t, const double* y,
// double* dydt) that writes every component of dydt (its return value, for
// instance GSL_SUCCESS, is ignored).
//
// Reproducibility: sums are evaluated left to right and every product is
// rounded on its own, which requires compiling every translation unit that
// includes this header with -ffp-contract=off. R^(1/5) and R^(1/6) use
// std::pow, as GSL does; the Go package uses a correctly rounded pow, which
// glibc's pow matches in all but a tiny fraction of arguments.
//
// Failures of rk45_step throw nestml_go::rk45_error (a std::runtime_error)
// whose message starts with NUMERIC_STALL or NUMERIC_NONFINITE; generated
// code rethrows it as nest::NumericalInstability.

#ifndef NESTML_GO_RK45_H
#define NESTML_GO_RK45_H

#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#if defined( __clang__ )
#pragma clang fp contract( off )
#endif

namespace nestml_go
{

// Parameters of the standard step-size controller.
struct rk45_control
{
  double eps_abs;
  double eps_rel;
  double a_y;
  double a_dydt;
};

// Control with respect to the solution (gsl_odeiv_control_y_new,
// "with_respect_to_solution").
inline rk45_control
rk45_control_y( double eps_abs, double eps_rel )
{
  return rk45_control{ eps_abs, eps_rel, 1.0, 0.0 };
}

// Control with respect to the derivative (gsl_odeiv_control_yp_new,
// "with_respect_to_derivative").
inline rk45_control
rk45_control_yp( double eps_abs, double eps_rel )
{
  return rk45_control{ eps_abs, eps_rel, 0.0, 1.0 };
}

// Thrown by rk45_step; what() starts with code().
class rk45_error : public std::runtime_error
{
public:
  rk45_error( const char* code, const std::string& detail )
    : std::runtime_error( std::string( code ) + ": " + detail )
    , code_( code )
  {
  }
  const char*
  code() const
  {
    return code_;
  }

private:
  const char* code_;
};

// Default sub-step limit of rk45_step (numerics section 6.9).
constexpr long rk45_default_max_substeps = 100000;

// Buffers and counters of one integrator of a fixed dimension, typically
// one per neuron. count counts trial steps and failed rejected ones,
// cumulatively (GSL's count and failed_steps).
struct rk45_workspace
{
  explicit rk45_workspace( std::size_t n )
    : dim( n )
    , buf( 10 * n )
  {
  }

  std::size_t dim;
  std::vector< double > buf; // k1..k6, y0, ytmp, yerr, dydt_out
  unsigned long count = 0;
  unsigned long failed = 0;

  double*
  k( int i )
  {
    return buf.data() + ( i - 1 ) * dim;
  }
  double*
  y0()
  {
    return buf.data() + 6 * dim;
  }
  double*
  ytmp()
  {
    return buf.data() + 7 * dim;
  }
  double*
  yerr()
  {
    return buf.data() + 8 * dim;
  }
  double*
  dydt_out()
  {
    return buf.data() + 9 * dim;
  }
};

namespace rk45_detail
{

constexpr double ah1 = 1.0 / 4.0, ah2 = 3.0 / 8.0, ah3 = 12.0 / 13.0, ah4 = 1.0, ah5 = 1.0 / 2.0;
constexpr double b31 = 3.0 / 32.0, b32 = 9.0 / 32.0;
constexpr double b41 = 1932.0 / 2197.0, b42 = -7200.0 / 2197.0, b43 = 7296.0 / 2197.0;
constexpr double b51 = 8341.0 / 4104.0, b52 = -32832.0 / 4104.0, b53 = 29440.0 / 4104.0, b54 = -845.0 / 4104.0;
constexpr double b61 = -6080.0 / 20520.0, b62 = 41040.0 / 20520.0, b63 = -28352.0 / 20520.0, b64 = 9295.0 / 20520.0,
                 b65 = -5643.0 / 20520.0;
constexpr double c1 = 902880.0 / 7618050.0, c3 = 3953664.0 / 7618050.0, c4 = 3855735.0 / 7618050.0,
                 c5 = -1371249.0 / 7618050.0, c6 = 277020.0 / 7618050.0;
constexpr double e1 = 1.0 / 360.0, e3 = -128.0 / 4275.0, e4 = -2197.0 / 75240.0, e5 = 1.0 / 50.0, e6 = 2.0 / 55.0;
constexpr double order = 5.0;

// One trial step of size h from (t, y0) with k1 = f(t, y0) in w.k(1):
// writes the fifth-order solution into y, f(t + h, y) into w.dydt_out()
// and the error estimate into w.yerr().
template < class F >
void
trial_step( rk45_workspace& w, F& f, double t, double h, const double* y0, double* y )
{
  const std::size_t n = w.dim;
  const double* k1 = w.k( 1 );
  double* k2 = w.k( 2 );
  double* k3 = w.k( 3 );
  double* k4 = w.k( 4 );
  double* k5 = w.k( 5 );
  double* k6 = w.k( 6 );
  double* ytmp = w.ytmp();

  const double h1 = ah1 * h;
  for ( std::size_t i = 0; i < n; ++i )
  {
    ytmp[ i ] = y0[ i ] + h1 * k1[ i ];
  }
  f( t + h1, static_cast< const double* >( ytmp ), k2 );

  for ( std::size_t i = 0; i < n; ++i )
  {
    const double s = b31 * k1[ i ] + b32 * k2[ i ];
    ytmp[ i ] = y0[ i ] + h * s;
  }
  f( t + ah2 * h, static_cast< const double* >( ytmp ), k3 );

  for ( std::size_t i = 0; i < n; ++i )
  {
    const double s = b41 * k1[ i ] + b42 * k2[ i ] + b43 * k3[ i ];
    ytmp[ i ] = y0[ i ] + h * s;
  }
  f( t + ah3 * h, static_cast< const double* >( ytmp ), k4 );

  for ( std::size_t i = 0; i < n; ++i )
  {
    const double s = b51 * k1[ i ] + b52 * k2[ i ] + b53 * k3[ i ] + b54 * k4[ i ];
    ytmp[ i ] = y0[ i ] + h * s;
  }
  f( t + ah4 * h, static_cast< const double* >( ytmp ), k5 );

  for ( std::size_t i = 0; i < n; ++i )
  {
    const double s = b61 * k1[ i ] + b62 * k2[ i ] + b63 * k3[ i ] + b64 * k4[ i ] + b65 * k5[ i ];
    ytmp[ i ] = y0[ i ] + h * s;
  }
  f( t + ah5 * h, static_cast< const double* >( ytmp ), k6 );

  double* yerr = w.yerr();
  for ( std::size_t i = 0; i < n; ++i )
  {
    const double d = c1 * k1[ i ] + c3 * k3[ i ] + c4 * k4[ i ] + c5 * k5[ i ] + c6 * k6[ i ];
    y[ i ] = y0[ i ] + h * d;
    const double e = e1 * k1[ i ] + e3 * k3[ i ] + e4 * k4[ i ] + e5 * k5[ i ] + e6 * k6[ i ];
    yerr[ i ] = h * e;
  }
  f( t + h, static_cast< const double* >( y ), w.dydt_out() );
}

// The standard controller: returns -1 (decrease), 0 (keep) or 1 (increase)
// and the suggested step in h_new.
inline int
adjust( rk45_workspace& w, const rk45_control& c, const double* y, double h_old, double& h_new )
{
  const double* yerr = w.yerr();
  const double* dydt = w.dydt_out();
  double rmax = DBL_MIN;
  for ( std::size_t i = 0; i < w.dim; ++i )
  {
    const double d = c.eps_rel * ( c.a_y * std::fabs( y[ i ] ) + c.a_dydt * std::fabs( h_old * dydt[ i ] ) ) + c.eps_abs;
    const double r = std::fabs( yerr[ i ] ) / std::fabs( d );
    rmax = ( r > rmax ) ? r : rmax; // a NaN ratio is ignored
  }
  if ( rmax > 1.1 )
  {
    double r = 0.9 / std::pow( rmax, 1.0 / order );
    if ( r < 0.2 )
    {
      r = 0.2;
    }
    h_new = r * h_old;
    return -1;
  }
  if ( rmax < 0.5 )
  {
    double r = 0.9 / std::pow( rmax, 1.0 / ( order + 1.0 ) );
    if ( r > 5.0 )
    {
      r = 5.0;
    }
    if ( r < 1.0 )
    {
      r = 1.0;
    }
    h_new = r * h_old;
    return 1;
  }
  h_new = h_old;
  return 0;
}

inline std::string
stall_message( long max_substeps, double t, double dt, double h_int )
{
  char buf[ 256 ];
  std::snprintf( buf,
    sizeof buf,
    "more than %ld sub-steps, stopped at t = %.17g of %.17g (step memory %.17g)",
    max_substeps,
    t,
    dt,
    h_int );
  return std::string( buf );
}

inline std::string
nonfinite_message( std::size_t i, double v, double t, double dt, long substeps )
{
  char buf[ 256 ];
  std::snprintf( buf,
    sizeof buf,
    "component %lu is %.17g at t = %.17g of %.17g after %ld sub-steps",
    static_cast< unsigned long >( i ),
    v,
    t,
    dt,
    substeps );
  return std::string( buf );
}

} // namespace rk45_detail

// One accepted RKF45 step from t0 towards t1 >= t0 (gsl_odeiv_evolve_apply):
// h is the trial step on entry (> 0) and the suggested next step on return;
// y[0..w.dim) is advanced in place; returns the new time.
template < class F >
double
rk45_evolve_apply( rk45_workspace& w, F&& f, const rk45_control& c, double t0, double t1, double& h, double* y )
{
  const std::size_t n = w.dim;
  const double dt = t1 - t0;
  double h0 = h;
  double* y0 = w.y0();
  for ( std::size_t i = 0; i < n; ++i )
  {
    y0[ i ] = y[ i ];
  }
  f( t0, static_cast< const double* >( y0 ), w.k( 1 ) );
  for ( ;; )
  {
    bool final_step = false;
    if ( h0 > dt )
    {
      h0 = dt;
      final_step = true;
    }
    rk45_detail::trial_step( w, f, t0, h0, y0, y );
    ++w.count;
    const double t = final_step ? t1 : t0 + h0;
    double h_adj;
    const int status = rk45_detail::adjust( w, c, y, h0, h_adj );
    if ( status < 0 )
    {
      if ( std::fabs( h_adj ) < std::fabs( h0 ) && t + h_adj != t )
      {
        h0 = h_adj;
        ++w.failed;
        continue;
      }
      h_adj = h0;
    }
    h = h_adj;
    return t;
  }
}

// Advances y over one NEST step of length dt > 0 (numerics section 6.4):
// local time runs from 0 to dt in accepted sub-steps; h_int is the
// persistent step memory (initialise it to dt once, never reset it between
// steps). After each accepted sub-step y is checked for NaN/Inf (throws
// NUMERIC_NONFINITE) and then after(t, y) is called (in-loop threshold
// checks). More than max_substeps sub-steps (rk45_default_max_substeps if
// max_substeps <= 0) throw NUMERIC_STALL.
template < class F, class After >
void
rk45_step( rk45_workspace& w,
  F&& f,
  const rk45_control& c,
  double dt,
  double& h_int,
  double* y,
  long max_substeps,
  After&& after )
{
  if ( max_substeps <= 0 )
  {
    max_substeps = rk45_default_max_substeps;
  }
  double t = 0.0;
  for ( long n = 0; t < dt; ++n )
  {
    if ( n == max_substeps )
    {
      throw rk45_error( "NUMERIC_STALL", rk45_detail::stall_message( max_substeps, t, dt, h_int ) );
    }
    t = rk45_evolve_apply( w, f, c, t, dt, h_int, y );
    for ( std::size_t i = 0; i < w.dim; ++i )
    {
      if ( !std::isfinite( y[ i ] ) )
      {
        throw rk45_error( "NUMERIC_NONFINITE", rk45_detail::nonfinite_message( i, y[ i ], t, dt, n + 1 ) );
      }
    }
    after( t, y );
  }
}

template < class F >
void
rk45_step( rk45_workspace& w, F&& f, const rk45_control& c, double dt, double& h_int, double* y, long max_substeps )
{
  rk45_step( w, f, c, dt, h_int, y, max_substeps, []( double, double* ) {} );
}

// One forward Euler step y <- y + h f(t, y) (numerics section 6.8); scratch
// holds n doubles.
template < class F >
void
euler( F&& f, double t, double h, double* y, double* scratch, std::size_t n )
{
  f( t, static_cast< const double* >( y ), scratch );
  for ( std::size_t i = 0; i < n; ++i )
  {
    y[ i ] += h * scratch[ i ];
  }
}

// One classic Runge-Kutta step of size h (numerics section 6.8):
//   k1 = f(t, y), k2 = f(t + h/2, y + (h/2) k1), k3 = f(t + h/2, y + (h/2) k2),
//   k4 = f(t + h, y + h k3), y <- y + (h/6) (((k1 + 2 k2) + 2 k3) + k4),
// with h/2 = 0.5 h and h/6 rounded once; the counters are not touched.
template < class F >
void
rk4( F&& f, double t, double h, double* y, rk45_workspace& w )
{
  const std::size_t n = w.dim;
  double* k1 = w.k( 1 );
  double* k2 = w.k( 2 );
  double* k3 = w.k( 3 );
  double* k4 = w.k( 4 );
  double* ytmp = w.ytmp();
  const double half = 0.5 * h;
  const double sixth = h / 6.0;
  f( t, static_cast< const double* >( y ), k1 );
  for ( std::size_t i = 0; i < n; ++i )
  {
    ytmp[ i ] = y[ i ] + half * k1[ i ];
  }
  f( t + half, static_cast< const double* >( ytmp ), k2 );
  for ( std::size_t i = 0; i < n; ++i )
  {
    ytmp[ i ] = y[ i ] + half * k2[ i ];
  }
  f( t + half, static_cast< const double* >( ytmp ), k3 );
  for ( std::size_t i = 0; i < n; ++i )
  {
    ytmp[ i ] = y[ i ] + h * k3[ i ];
  }
  f( t + h, static_cast< const double* >( ytmp ), k4 );
  for ( std::size_t i = 0; i < n; ++i )
  {
    const double s = k1[ i ] + 2.0 * k2[ i ] + 2.0 * k3[ i ] + k4[ i ];
    y[ i ] += sixth * s;
  }
}

} // namespace nestml_go

#endif // NESTML_GO_RK45_H
