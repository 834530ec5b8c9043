/* gsl_harness.c: reference trajectories for package rkf45 from the real GSL.
 *
 * Part of nestml_go (gocore/rkf45 tests; numerics.md section 6.10). It is
 * built only by the tests, against Debian's libgsl-dev:
 *
 *   gcc -std=c99 -O2 -ffp-contract=off gsl_harness.c -o gsl_harness -lgsl -lgslcblas -lm
 *   ./gsl_harness r1|r2 y|yp NSTEPS
 *
 * The golden files r1_y.golden ... r2_yp.golden are its output for 300
 * steps; TestGSLHarness rebuilds and reruns it and compares, and
 * `go test ./gocore/rkf45 -run TestGSLHarness -update` rewrites them.
 *
 * It runs the per-NEST-step loop of numerics.md section 6.4 (resolution
 * h = 0.1, step memory initialised to 0.1) with gsl_odeiv_step_rkf45, the
 * standard controller (gsl_odeiv_control_y_new or _yp_new, eps_abs =
 * eps_rel = 1e-6) and gsl_odeiv_evolve_apply, and prints one line per
 * accepted sub-step:
 *
 *   step t h_int y[0] .. y[n-1] count failed_steps
 *
 * step is the 1-based NEST step, t the local time within it, h_int the step
 * memory after the sub-step, count and failed_steps GSL's cumulative
 * counters; reals use %.17g. For R2 the state is printed after the in-loop
 * reset of that sub-step.
 *
 * R1: Van der Pol, y0' = y1, y1' = 10 (1 - y0 y0) y1 - y0, y = (2, 0).
 * R2: aeif-like (V, w, g) = (-70.6, 0, 0); after each accepted sub-step
 *     V >= 0 resets V = -60, w += 80.5; after NEST step 51, g += 20. Its
 *     exp is the correctly rounded crexp of crexp.h (see there why).
 *
 * Everything else, in particular the pow of GSL's step-size controller, is
 * the real GSL and C library.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv.h>

#include "crexp.h"

static int vdp(double t, const double y[], double dydt[], void *params)
{
  (void)t;
  (void)params;
  dydt[0] = y[1];
  dydt[1] = 10.0 * (1.0 - y[0] * y[0]) * y[1] - y[0];
  return GSL_SUCCESS;
}

static int aeif(double t, const double y[], double dydt[], void *params)
{
  (void)t;
  (void)params;
  const double V = y[0], w = y[1], g = y[2];
  const double Vb = (V < 0.0) ? V : 0.0;
  dydt[0] = ((-30.0) * (Vb - (-70.6)) + 30.0 * 2.0 * crexp((Vb - (-50.4)) / 2.0) - g * (Vb - 0.0) - w + 1000.0) / 281.0;
  dydt[1] = (4.0 * (Vb - (-70.6)) - w) / 144.0;
  dydt[2] = -g / 0.2;
  return GSL_SUCCESS;
}

int main(int argc, char **argv)
{
  if (argc != 4) {
    fprintf(stderr, "usage: %s r1|r2 y|yp NSTEPS\n", argv[0]);
    return 2;
  }
  const int r2 = strcmp(argv[1], "r2") == 0;
  if (!r2 && strcmp(argv[1], "r1") != 0) {
    fprintf(stderr, "unknown vector %s\n", argv[1]);
    return 2;
  }
  const int yp = strcmp(argv[2], "yp") == 0;
  if (!yp && strcmp(argv[2], "y") != 0) {
    fprintf(stderr, "unknown controller %s\n", argv[2]);
    return 2;
  }
  const long nsteps = strtol(argv[3], NULL, 10);

  const size_t n = r2 ? 3 : 2;
  double y[3] = {2.0, 0.0, 0.0};
  if (r2) {
    y[0] = -70.6;
  }
  gsl_odeiv_system sys = {r2 ? aeif : vdp, NULL, n, NULL};
  gsl_odeiv_step *s = gsl_odeiv_step_alloc(gsl_odeiv_step_rkf45, n);
  gsl_odeiv_control *c = yp ? gsl_odeiv_control_yp_new(1e-6, 1e-6) : gsl_odeiv_control_y_new(1e-6, 1e-6);
  gsl_odeiv_evolve *e = gsl_odeiv_evolve_alloc(n);

  const double h = 0.1;
  double h_int = 0.1;
  for (long step = 1; step <= nsteps; ++step) {
    double t = 0.0;
    while (t < h) {
      const int status = gsl_odeiv_evolve_apply(e, c, s, &sys, &t, h, &h_int, y);
      if (status != GSL_SUCCESS) {
        fprintf(stderr, "evolve_apply failed: %s\n", gsl_strerror(status));
        return 1;
      }
      if (r2 && y[0] >= 0.0) {
        y[0] = -60.0;
        y[1] += 80.5;
      }
      printf("%ld %.17g %.17g", step, t, h_int);
      for (size_t i = 0; i < n; ++i) {
        printf(" %.17g", y[i]);
      }
      printf(" %lu %lu\n", e->count, e->failed_steps);
    }
    if (r2 && step == 51) {
      y[2] += 20.0;
    }
  }

  gsl_odeiv_evolve_free(e);
  gsl_odeiv_control_free(c);
  gsl_odeiv_step_free(s);
  return 0;
}
