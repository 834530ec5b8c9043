// Package sym is the symbolic expression layer of the ODE analysis:
// canonical sums and products with numeric coefficients, powers and
// function applications, with differentiation, substitution, expansion,
// linearity queries, numeric evaluation and printers.
//
// # Representation
//
// An Expr is one of *Num (a float64 constant), *Sym (a named symbol), *Sum,
// *Prod, *PowE (base ** exponent) and *Fn (a function application; the
// ternary conditional is Fn "cond", comparisons and logic are Fn "<", "and",
// …). Expressions are immutable. The constructors Add, Mul, Pow, Div, Sub,
// Neg and Call simplify while they build:
//
//   - sums and products are flattened; numeric terms and factors are folded;
//   - like terms are collected (c1·x + c2·x = (c1+c2)·x) and like factors
//     merged (x^a · x^b = x^(a+b)); factors of products are kept in a
//     canonical order, so equal expressions print equally;
//   - x^0 = 1, x^1 = x, 0 terms and 1 factors disappear; (x^a)^b = x^(a·b)
//     for numeric a, b; a numeric power distributes over a product;
//   - functions of numeric arguments are evaluated.
//
// Expand multiplies out products of sums; Poly holds polynomials with
// symbolic coefficients (used by the kernel conversion).
//
// # Calculus and linearity
//
// D(e, x) is ∂e/∂x by the usual rules, for the smooth functions exp,
// expm1, ln, log10, sqrt, sin, cos, tan, sinh, cosh, tanh, erf, erfc and
// pow. Special cases: abs, min, max, clip, cond, comparisons and logic of an
// expression that contains x are not differentiable; D returns
// ErrNotDifferentiable and the analysis treats the row as nonlinear.
// Free(e, S) tells whether e is free of the symbols in S, Symbols lists a
// expression's symbols, Subst substitutes.
//
// # Zero test
//
// IsZero first tests structurally, then evaluates the expression at 4
// pseudo-random points with every symbol drawn from [0.5, 2] and declares
// zero when |e| ≤ 1e-12·(1 + Σ|terms|) at every point (numerics.md §2.3
// uses 60-digit arithmetic; float64 with this relative bound gives the same
// classification on every library model). IsZeroRel is the purely relative
// variant.
//
// # Printing
//
// Print(e, d) renders in the dialects Plain (the solver report, ODE-toolbox
// style), Python (SymPy-parsable: log, Piecewise, Min/Max), LaTeX
// (documentation) and CXX (std::exp, std::pow, ternaries). Output is
// deterministic. Expressions of the lowered IR (package ir) are produced
// from sym by the lowering.
package sym
