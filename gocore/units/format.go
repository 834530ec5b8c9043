package units

import (
	"strconv"
	"strings"
	"sync"
)

// String formats u for messages and as a stable key, in the canonical form
// of language.md §7.2: positive powers first, then "/", then negative
// powers ("mV / ms", "1 / s", "nS mV", "ms**2", "ns**(3/2)").
//
// Because a Unit does not remember how it was written, String chooses a
// name by preference among the spellings of u:
//
//  1. "1" for real (dimensionless, scale 1); for other dimensionless
//     units "pct" or a quotient of like units ("ms / s", "s / ms");
//  2. a common neuroscience unit (mV, ms, pA, nS, pF, Hz, GOhm, MOhm,
//     mmol, um, …);
//  3. a common unit raised to a rational power ("1 / ms", "ms**2",
//     "1 / ms**2", "ns**(3/2)");
//  4. a combination of two common units: "a / b", "a b", "a / b**k",
//     "a**k / b" (k = 2, 3);
//  5. any vocabulary entry (a root's first name or one of its
//     short-prefixed forms: "N", "eV", "yg");
//  6. otherwise the SI base symbols with exponents, preceded by the scale
//     when it is not 1 ("0.0031622776601683794 m**(1/2) kg**(1/2) K").
//
// Units that print the same are identical up to float rounding (and
// compatible units of different scale never print the same), so the string
// can serve as a map key for units. The zero Unit prints as
// "<invalid unit>".
func (u Unit) String() string {
	if !u.IsValid() {
		return "<invalid unit>"
	}
	if u.IsReal() {
		return "1"
	}
	idx := displayIndex()
	if s, ok := idx.singles.find(u); ok {
		return s
	}
	if s, ok := idx.powers.find(u); ok {
		return s
	}
	if s, ok := idx.combos.find(u); ok {
		return s
	}
	if s, ok := idx.power(u); ok {
		return s
	}
	if s, ok := idx.vocab.find(u); ok {
		return s
	}
	scale := strconv.FormatFloat(u.Scale, 'g', -1, 64)
	if u.Dim.IsZero() {
		return scale + " (dimensionless)"
	}
	var b strings.Builder
	if u.Scale != 1 {
		b.WriteString(scale)
		b.WriteByte(' ')
	}
	u.Dim.format(&b)
	return b.String()
}

// candidate is one spelling of a unit.
type candidate struct {
	scale float64
	text  string
}

// spellings maps a dimension to spellings in preference order.
type spellings map[Dim][]candidate

func (sp spellings) add(u Unit, text string) {
	sp[u.Dim] = append(sp[u.Dim], candidate{u.Scale, text})
}

// find returns the first spelling of u.
func (sp spellings) find(u Unit) (string, bool) {
	for _, c := range sp[u.Dim] {
		if near(c.scale, u.Scale) {
			return c.text, true
		}
	}
	return "", false
}

// dispIndex holds the spellings String chooses from.
type dispIndex struct {
	singles spellings // dimensionless quotients and the common units
	powers  spellings // integer powers of common units
	combos  spellings // combinations of two common units
	vocab   spellings // vocabulary display names
	common  []named
}

type named struct {
	name string
	u    Unit
}

// comboExcluded are common units not used as factors of combinations
// (a quotient by Hz reads badly: "us / Hz" is ms**2).
var comboExcluded = map[string]bool{"Hz": true}

// displayIndex builds the index on first use; it is immutable afterwards.
var displayIndex = sync.OnceValue(buildDisplayIndex)

func buildDisplayIndex() *dispIndex {
	idx := &dispIndex{singles: spellings{}, powers: spellings{}, combos: spellings{}, vocab: spellings{}}
	var factors []named
	for _, n := range common {
		c := named{n, MustLookup(n)}
		idx.common = append(idx.common, c)
		if !comboExcluded[n] {
			factors = append(factors, c)
		}
	}

	// 1. Dimensionless: percent, then ratios of like units, time first
	// with s leading (so 1e3 is "s / ms" and 1e-3 "ms / s").
	idx.singles.add(MustLookup("pct"), "pct")
	var times []named
	for _, n := range []string{"s", "ms", "us", "ns"} {
		times = append(times, named{n, MustLookup(n)})
	}
	for _, list := range [][]named{times, factors} {
		for _, a := range list {
			for _, b := range list {
				if b.u.Dim == a.u.Dim && b.name != a.name {
					idx.singles.add(a.u.Div(b.u), a.name+" / "+b.name)
				}
			}
		}
	}
	// 2. Common units.
	for _, a := range idx.common {
		idx.singles.add(a.u, a.name)
	}
	// 3. Integer powers of common units (other powers are found by power,
	// which is slower; they cannot equal a combination below, as common
	// units have integer dimensions).
	for _, k := range []int64{-1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6} {
		for _, a := range idx.common {
			idx.powers.add(a.u.Pow(IntRat(k)), powText(a.name, IntRat(k)))
		}
	}
	// 4. Combinations of two common units.
	for _, a := range factors {
		for _, b := range factors {
			if a.u.Dim != b.u.Dim {
				idx.combos.add(a.u.Div(b.u), a.name+" / "+b.name)
			}
		}
	}
	for i, a := range factors {
		for _, b := range factors[i+1:] {
			idx.combos.add(a.u.Mul(b.u), a.name+" "+b.name)
		}
	}
	for k := int64(2); k <= 3; k++ {
		ks := strconv.FormatInt(k, 10)
		for _, a := range factors {
			for _, b := range factors {
				if a.u.Dim == b.u.Dim {
					continue
				}
				idx.combos.add(a.u.Div(b.u.Pow(IntRat(k))), a.name+" / "+b.name+"**"+ks)
				idx.combos.add(a.u.Pow(IntRat(k)).Div(b.u), a.name+"**"+ks+" / "+b.name)
			}
		}
	}
	// 5. Vocabulary display names.
	for _, n := range vocab.display {
		idx.vocab.add(MustLookup(n), n)
	}
	return idx
}

// power spells u as a common unit raised to a rational power other than
// 1, if it is one: "1 / ms", "ms**2", "ns**(3/2)", "1 / ms**(1/2)".
func (idx *dispIndex) power(u Unit) (string, bool) {
	for _, c := range idx.common {
		// The exponent is fixed by the first base dimension of c.
		var e Rat
		found := false
		for i, x := range c.u.Dim {
			if !x.IsZero() {
				q, ok := u.Dim[i].mul(must(x.inv()))
				if !ok {
					break
				}
				e, found = q, true
				break
			}
		}
		if !found || e.IsZero() {
			continue
		}
		v, ok := c.u.TryPow(e)
		if !ok || !v.Equal(u) {
			continue
		}
		return powText(c.name, e), true
	}
	return "", false
}

// powText spells name**e for e != 0: "ms**2", "1 / ms", "1 / ns**(1/2)".
func powText(name string, e Rat) string {
	if e.Sign() > 0 {
		return powString(name, e)
	}
	return "1 / " + powString(name, e.Neg())
}
