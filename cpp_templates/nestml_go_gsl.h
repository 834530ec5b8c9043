// nestml_go_gsl.h: one NEST step of GSL's RKF45 (gsl_odeiv_step_rkf45 with
// the standard step-size control and gsl_odeiv_evolve_apply, the "old" GSL
// ODE API that NEST's built-in models use). Emitted by nestml_go instead of
// its own RKF45 when codegen_opts["rk45_implementation"] == "gsl"; the
// module then links -lgsl -lgslcblas.
//
// Written for nestml_go; the GSL calls follow GSL's documented API.
#ifndef NESTML_GO_GSL_H
#define NESTML_GO_GSL_H

#include <cstddef>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv.h>

namespace nestml_go
{

//! The GSL objects of one system dimension, reused by every neuron of a
//! thread (the objects carry no state that changes the result between
//! calls: the derivative at the start of each evolve call is recomputed).
class gsl_rk45_workspace
{
public:
  explicit gsl_rk45_workspace( std::size_t n )
    : n_( n )
    , s_( gsl_odeiv_step_alloc( gsl_odeiv_step_rkf45, n ) )
    , c_( gsl_odeiv_control_y_new( 1e-6, 1e-6 ) )
    , e_( gsl_odeiv_evolve_alloc( n ) )
  {
    if ( s_ == nullptr or c_ == nullptr or e_ == nullptr )
    {
      free_();
      throw std::runtime_error( "nestml_go: GSL could not allocate the RKF45 workspace" );
    }
  }
  gsl_rk45_workspace( const gsl_rk45_workspace& ) = delete;
  gsl_rk45_workspace& operator=( const gsl_rk45_workspace& ) = delete;
  ~gsl_rk45_workspace()
  {
    free_();
  }

  std::size_t n_;
  gsl_odeiv_step* s_;
  gsl_odeiv_control* c_;
  gsl_odeiv_evolve* e_;

private:
  void
  free_()
  {
    if ( e_ != nullptr )
    {
      gsl_odeiv_evolve_free( e_ );
    }
    if ( c_ != nullptr )
    {
      gsl_odeiv_control_free( c_ );
    }
    if ( s_ != nullptr )
    {
      gsl_odeiv_step_free( s_ );
    }
  }
};

template < typename F >
int
gsl_rhs_trampoline_( double t, const double y[], double f[], void* params )
{
  ( *static_cast< F* >( params ) )( t, y, f );
  return GSL_SUCCESS;
}

//! Advances y (n components) from 0 to h with GSL's RKF45 loop, as NEST's
//! built-in models do; step is the persistent step memory (in/out).
//! derivative_control selects the control with respect to the derivative
//! (a_y = 0, a_dydt = 1) instead of the solution (a_y = 1, a_dydt = 0).
//! Throws std::runtime_error on a GSL failure or after max_substeps
//! sub-steps.
template < typename F >
inline void
gsl_rk45_step( F f,
  double eps_abs,
  double eps_rel,
  bool derivative_control,
  double h,
  double& step,
  double* y,
  std::size_t n,
  long max_substeps )
{
  thread_local std::map< std::size_t, std::unique_ptr< gsl_rk45_workspace > > cache;
  std::unique_ptr< gsl_rk45_workspace >& slot = cache[ n ];
  if ( not slot )
  {
    slot.reset( new gsl_rk45_workspace( n ) );
  }
  gsl_rk45_workspace* ws = slot.get();
  gsl_odeiv_control_init( ws->c_, eps_abs, eps_rel, derivative_control ? 0.0 : 1.0, derivative_control ? 1.0 : 0.0 );
  gsl_odeiv_step_reset( ws->s_ );
  gsl_odeiv_evolve_reset( ws->e_ );
  gsl_odeiv_system sys = { &gsl_rhs_trampoline_< F >, nullptr, n, &f };
  double t = 0.0;
  long substeps = 0;
  while ( t < h )
  {
    const int status = gsl_odeiv_evolve_apply( ws->e_, ws->c_, ws->s_, &sys, &t, h, &step, y );
    if ( status != GSL_SUCCESS )
    {
      throw std::runtime_error( std::string( "GSL RKF45 failed: " ) + gsl_strerror( status ) );
    }
    if ( ++substeps > max_substeps )
    {
      throw std::runtime_error( "GSL RKF45: more than " + std::to_string( max_substeps ) + " sub-steps in one step" );
    }
  }
}

} // namespace nestml_go

#endif // NESTML_GO_GSL_H
