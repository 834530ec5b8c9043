/* crexp.h: a correctly rounded exp for the R2 test system.
 *
 * Part of nestml_go (gocore/rkf45 tests), included by gsl_harness.c and by
 * the C++ driver of the header test; valid C99 and C++17.
 *
 * R2's right-hand side calls exp. The C library's exp is not correctly
 * rounded (glibc documents about 0.51 ulp) and Go's math.Exp differs from
 * it in other cases, so with libm's exp the R2 trajectory would test the
 * two exp implementations instead of the integrator. Both sides therefore
 * use a correctly rounded exp: this file in C and C++, the table-driven one
 * of package rkf45 (pow.go) in Go. Two independent algorithms that agree
 * on every call are a check of each other.
 *
 * Method: k = round(x/ln 2), r = x - k ln 2 in double-double arithmetic
 * (ln 2 to 160 bits), s = r/2^8, e^s - 1 by its Taylor polynomial of
 * degree 10 in double-double, then 8 doublings e^(2s) - 1 = u (u + 2), and
 * finally 2^k (1 + u), rounded once. The relative error before the final
 * rounding is about 2^-98, so a misrounding needs the exact value within
 * that distance of a rounding boundary. Domain: |x| < 708 (normal result).
 */
#ifndef NESTML_GO_CREXP_H
#define NESTML_GO_CREXP_H

#include <math.h>

static inline double crexp_two_sum(double a, double b, double *e)
{
  const double s = a + b;
  const double bb = s - a;
  *e = (a - (s - bb)) + (b - bb);
  return s;
}

static inline double crexp_two_prod(double a, double b, double *e)
{
  const double p = a * b;
  *e = fma(a, b, -p);
  return p;
}

/* (ah, al) * (bh, bl) in double-double. */
static inline void crexp_mul(double ah, double al, double bh, double bl, double *h, double *l)
{
  double e;
  const double p = crexp_two_prod(ah, bh, &e);
  e += ah * bl + al * bh;
  *h = crexp_two_sum(p, e, l);
}

/* (ah, al) + (bh, bl) in double-double. */
static inline void crexp_add(double ah, double al, double bh, double bl, double *h, double *l)
{
  double e, f;
  double s = crexp_two_sum(ah, bh, &e);
  const double t = crexp_two_sum(al, bl, &f);
  e += t;
  s = crexp_two_sum(s, e, &e);
  e += f;
  *h = crexp_two_sum(s, e, l);
}

static inline double crexp(double x)
{
  const double ln2_hi = 0x1.62e42fefa39efp-1;
  const double ln2_lo = 0x1.abc9e3b39803fp-56;
  const double ln2_lolo = 0x1.7b57a079a1934p-111;
  const double k = nearbyint(x * 0x1.71547652b82fep0);

  /* r = x - k ln 2 = rh + rl */
  double e1, e2, e3, e4;
  const double p1 = crexp_two_prod(k, ln2_hi, &e1);
  const double p2 = crexp_two_prod(k, ln2_lo, &e2);
  double rh = crexp_two_sum(x, -p1, &e3);
  rh = crexp_two_sum(rh, -p2, &e4);
  double rl = ((e3 + e4) - e1) - (e2 + k * ln2_lolo);
  rh = crexp_two_sum(rh, rl, &rl);

  /* s = r / 2^8; u = e^s - 1 = s (1 + s/2! + ... + s^9/10!) */
  const double sh = rh * 0x1p-8, sl = rl * 0x1p-8;
  double fact = 1.0;
  for (int n = 2; n <= 10; ++n) {
    fact *= n;
  }
  double ph = 1.0 / fact;
  double pl = fma(-ph, fact, 1.0) / fact;
  for (int n = 10; n >= 2; --n) {
    fact /= n; /* (n-1)!, exact */
    const double ch = 1.0 / fact;
    const double cl = fma(-ch, fact, 1.0) / fact;
    crexp_mul(ph, pl, sh, sl, &ph, &pl);
    crexp_add(ch, cl, ph, pl, &ph, &pl);
  }
  double uh, ul;
  crexp_mul(ph, pl, sh, sl, &uh, &ul);

  /* e^(2s) - 1 = u (u + 2), 8 times */
  for (int i = 0; i < 8; ++i) {
    double vh, vl;
    crexp_add(uh, ul, 2.0, 0.0, &vh, &vl);
    crexp_mul(uh, ul, vh, vl, &uh, &ul);
  }

  double h, l;
  crexp_add(1.0, 0.0, uh, ul, &h, &l);
  return ldexp(h + l, (int)k);
}

#endif
