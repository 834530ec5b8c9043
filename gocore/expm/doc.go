// Package expm computes matrix exponentials and the one-step propagators of
// linear ODE blocks, with bit-reproducible arithmetic shared with the C++
// header cpp_templates/nestml_go_expm.h.
//
// # Problem
//
// For the analytic subsystem x' = A·x + C·u of one block, with u held
// constant over a step of length h, the exact step solution is
//
//	x(t+h) = P·x(t) + Γ·C·u,   P = exp(A·h),   Γ = ∫₀ʰ exp(A·σ) dσ.
//
// Both P and Γ·C are read off one exponential of the augmented matrix
//
//	M = [ A  C ]        exp(M·h) = [ P  Γ·C ]
//	    [ 0  0 ]                   [ 0   I  ]
//
// of size (n+m)×(n+m) (Van Loan's block trick). [Propagator] forms M·h and
// exponentiates it with [Expm]; no closed form is involved, so equal time
// constants, zero diagonal entries and complex eigenvalues are ordinary
// inputs (numerics.md §5.5, §5.6).
//
// # Algorithm
//
// [Expm] computes exp(X₀) for a real n×n matrix X₀ in four stages.
//
// Balancing. A diagonal D of powers of two is chosen as in LAPACK's gebal
// scaling phase, without permutations. For each index i in turn, let c and
// r be the off-diagonal absolute column and row sums of i. If both are
// nonzero, a factor f = 2^k is found by doubling while 2c < r (then c ← 2c,
// r ← r/2), or else by halving while 2r < c. The scaling is accepted only
// if the new c+r is below 0.95 times the old one (the 5% rule); then column
// i is multiplied by f, row i divided by f and D[i] ← D[i]·f. Sweeps over
// all indices repeat until one changes nothing, at most 10 times, and
// X = D⁻¹·X₀·D. Every operation of this stage is exact.
//
// Scaling. s is the smallest integer s ≥ 0 with ‖X‖₁/2^s ≤ θ₁₃, where ‖·‖₁
// is the maximum absolute column sum and θ₁₃ = 5.371920351148152. This is
// s = max(0, ⌈log₂(‖X‖₁/θ₁₃)⌉) evaluated exactly, by repeated exact
// halving instead of a rounded logarithm. Then X ← X/2^s.
//
// Padé approximation. With the [13/13] coefficients b₀…b₁₃ of Higham (2005),
//
//	X2 = X·X,  X4 = X2·X2,  X6 = X4·X2
//	U  = X·( X6·(b13·X6 + b11·X4 + b9·X2) + b7·X6 + b5·X4 + b3·X2 + b1·I )
//	V  =     X6·(b12·X6 + b10·X4 + b8·X2) + b6·X6 + b4·X4 + b2·X2 + b0·I
//
// and R solves (V − U)·R = V + U by LU factorisation with partial pivoting.
// Then R ← R·R, s times.
//
// Unbalancing. exp(X₀) = D·R·D⁻¹, again exactly.
//
// # Determinism
//
// The Go code and the C++ header perform the same floating-point operations
// in the same order (numerics.md §5.3.1), so on amd64 they give identical
// bits except where libm's exp and expm1 differ (only the closed-form
// entries below use them):
//
//   - a matrix product C = A·B accumulates s = 0; s = s + A[i,k]·B[k,j] for
//     k = 0…n−1 in increasing order;
//   - the linear combinations above are evaluated left to right, with the
//     identity terms added to the diagonal only;
//   - LU is Doolittle (unit lower triangle) computed by right-looking
//     elimination, which rounds exactly like Doolittle's sequential
//     subtraction a − l₀u₀ − l₁u₁ − …; the pivot is the first row holding the
//     largest absolute value in the column; rows of the right-hand side are
//     swapped with the factor; forward and back substitution are
//     column-oriented (back substitution divides by the pivot, then updates
//     the rows above);
//   - every product is wrapped in an explicit float64 conversion, which the
//     Go specification defines as a rounding, so no fused multiply-add can
//     be formed on any architecture. The C++ side requires
//     -ffp-contract=off.
//
// # Closed-form entries
//
// [Propagator] bypasses the Padé approximant where the answer is a scalar
// formula, so that these entries are bit-identical to what NEST's built-in
// models compute (numerics.md §5.3 steps 2 and 6):
//
//   - n = 1, A = a: P = exp(a·h); Q = c·(expm1(a·h)/a) if a ≠ 0, Q = h·c
//     if a = 0.
//   - n ≥ 2, a source row r (the only nonzero entry of row r of A is the
//     diagonal a = A[r,r], possibly zero): after the exponential, row r is
//     overwritten with P[r,r] = exp(a·h), P[r,j] = 0 for j ≠ r and Q[r,·]
//     from the scalar formula.
//
// # Domain and errors
//
// Inputs must be finite. Expm and Propagator return an *Error with code
// PROPAGATOR_NONFINITE if an input or output entry is NaN or ±Inf, or if
// V − U is singular (impossible for finite inputs within the θ₁₃ bound,
// but checked), and with code PROPAGATOR_RANGE if more than 64 squarings
// would be needed (‖M·h‖₁ > θ₁₃·2⁶⁴ ≈ 1e20). Slice lengths that do not match
// the stated dimensions are programmer errors and panic. Growing modes
// (positive eigenvalues) are computed, not rejected.
//
// # Accuracy
//
// The [13/13] approximant with scaling and squaring has a normwise relative
// backward error of the order of the unit roundoff (Higham 2005). Balancing
// keeps small entries such as P[V,I] ≈ 4e-4 next to 1/τ ≈ 0.1 accurate to
// about 1e-16 relative in the tests.
//
// # Reference
//
// N. J. Higham, "The scaling and squaring method for the matrix exponential
// revisited", SIAM J. Matrix Anal. Appl. 26(4):1179–1193, 2005.
// C. F. Van Loan, "Computing integrals involving the matrix exponential",
// IEEE Trans. Automat. Control 23(3):395–404, 1978.
// B. N. Parlett and C. Reinsch, "Balancing a matrix for calculation of
// eigenvalues and eigenvectors", Numer. Math. 13:293–304, 1969.
package expm
