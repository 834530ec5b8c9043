/*
Package units models physical unit types: rational dimension exponents
over the SI base units plus a scale, and the NESTML unit vocabulary
(language.md §7.2–7.4, Appendix B).

# Dimension vectors

A physical unit has a dimension and a size. The dimension is represented by
a Dim: one exponent per base dimension, the seven SI base quantities
(length m, mass kg, time s, current A, temperature K, amount mol, luminous
intensity cd), plus angle (rad) and ten irreducible "own dimension" units
(ph, ct, adu, beam, bin, chan, electron, DN, Sun, deg_C). The volt is
m**2 kg / (A s**3), so its Dim has Length 2, Mass 1, Current -1, Time -3.

Angle is a dimension of its own, as in upstream NESTML: rad/s is not
compatible with Hz, and the steradian is rad**2. The own-dimension units
convert to nothing else; their aliases share their dimension (dn is DN,
count is ct, photon is ph, Celsius is deg_C). deg_C in particular is not a
temperature: it cannot be converted to K.

Exponents are exact rationals (Rat), because unit types may be raised to
fractional powers: ns**0.5 has Time exponent 1/2, and (ns**0.5)**3 is
ns**(3/2), which is not assignable to ns. Products add dimension vectors,
quotients subtract them, powers multiply them by the exponent. Exact
arithmetic makes cancellation exact: ms/ms has the zero Dim.

# Scale

The second component of a Unit is its scale: the value of the unit in the
coherent SI unit of its dimension. mV has scale 1e-3, GOhm 1e9, the hour
3600, ms/s has scale 1e-3 and the zero Dim. Products multiply scales,
quotients divide them, powers raise them.

Two units are identical (Unit.Equal) when their Dims are equal and their
scales agree to a relative 1e-12: mV/ms, V/s and pA/pF are identical. They
are compatible (Unit.Compatible) when their Dims are equal, so that a value
in one converts into the other by the factor scale(from)/scale(to)
(ConversionFactor, §7.7): 1 V into mV is 1000. A dimensionless unit of scale
1 is the type real (Unit.IsReal); a dimensionless unit of another scale,
such as ms/s or pct, is still a unit type.

Scales are float64. To keep the common cases exact, every scale that lies
within 1e-12 of a power of ten is rounded to that power of ten, and integer
powers of powers of ten are computed exactly: pA·GOhm has exactly the scale
of mV, and conversion factors such as 1000 or 0.001 are exact.

# Internal units

Generated code stores quantities as plain numbers in a coherent internal
unit system matching NEST's conventions (§7.2): time in ms, current in pA,
mass in 1e-24 kg, and length, temperature, amount, luminous intensity,
angle and the own dimensions in their coherent unit. Every other internal
unit follows from these: voltage in mV (1e-24 kg m**2 / (1e-12 A
(1e-3 s)**3) = 1e-3 V), capacitance in pF, conductance in nS, resistance in
GOhm, frequency in 1/ms, charge in fC.

Unit.InternalScale is the SI scale of the internal unit of a unit's
dimension, a power of ten computed exactly from the dimension exponents;
Unit.ToInternal is the factor that converts a magnitude in the unit to the
internal unit: V → 1000, s → 1000, MOhm → 0.001, Hz → 0.001, ms/s → 0.001.

# The vocabulary

Unit names are looked up (Lookup, IsName) in a fixed vocabulary of 3357
names, that of upstream NESTML, which takes it from the si, cgs and
astrophys modules of astropy. It consists of 86 root units with 197 aliases
and the prefixed forms generated from them: short forms (a prefix symbol
before a short name: mV, uS, GOhm, kHz) and long forms (a long prefix name
before a long alias: millivolt, milliVolt, microsecond). Which forms exist
is fixed per root by Appendix B; names taken by another unit are missing
(Pa is the pascal, not a peta-annum; cd the candela; ph the photon; pct is
percent; kg and cm are roots of their own, so g lacks the k prefix and m
the c prefix). The name min is absent (it would clash with the function
min()); use minute. The table is expanded once at package initialisation;
afterwards all package data is read-only, so every function is safe for
concurrent use.

Suggest proposes a near vocabulary name for an unknown one ("mv" → "mV"),
for the hints of UNKNOWN_UNIT.

# Unit type expressions

FromExpr evaluates an ast.UnitExpr (§7.4): names, products, quotients,
parentheses, 1/U, and U**e with e an exact rational. It reports
UNKNOWN_UNIT (with a did-you-mean hint) and UNIT_NUMERATOR_NOT_ONE at the
offending node and collects all errors of the expression.

# Formatting

Unit.String prints a unit in the canonical form of §7.2 ("mV / ms",
"1 / s", "ns**(3/2)"). As a Unit does not remember its spelling, String
prefers common neuroscience names and simple quotients of them; see its
documentation.
*/
package units
