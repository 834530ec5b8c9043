package units

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// This file holds the unit vocabulary of language.md §7.3 and Appendix B:
// 86 root units with their aliases, and the prefixed names generated from
// them. Upstream NESTML registers every name of every unit object found in
// the si, cgs and astrophys modules of astropy (5.3/6.0 generation); the
// facts below (names, values, prefix rules) are those of that vocabulary.
// The table is expanded once, at package initialisation, into an immutable
// name → Unit map.

// prefix is one SI prefix: its symbol, its long names and its factor.
type prefix struct {
	sym    string
	long   []string // "deca" has the alternative spelling "deka"
	factor float64
}

// siPrefixes are the 24 SI prefixes (micro is u, deca is da), largest first.
var siPrefixes = [...]prefix{
	{"Q", []string{"quetta"}, 1e30},
	{"R", []string{"ronna"}, 1e27},
	{"Y", []string{"yotta"}, 1e24},
	{"Z", []string{"zetta"}, 1e21},
	{"E", []string{"exa"}, 1e18},
	{"P", []string{"peta"}, 1e15},
	{"T", []string{"tera"}, 1e12},
	{"G", []string{"giga"}, 1e9},
	{"M", []string{"mega"}, 1e6},
	{"k", []string{"kilo"}, 1e3},
	{"h", []string{"hecto"}, 1e2},
	{"da", []string{"deka", "deca"}, 1e1},
	{"d", []string{"deci"}, 1e-1},
	{"c", []string{"centi"}, 1e-2},
	{"m", []string{"milli"}, 1e-3},
	{"u", []string{"micro"}, 1e-6},
	{"n", []string{"nano"}, 1e-9},
	{"p", []string{"pico"}, 1e-12},
	{"f", []string{"femto"}, 1e-15},
	{"a", []string{"atto"}, 1e-18},
	{"z", []string{"zepto"}, 1e-21},
	{"y", []string{"yocto"}, 1e-24},
	{"r", []string{"ronto"}, 1e-27},
	{"q", []string{"quecto"}, 1e-30},
}

// root is one row of Appendix B.
//
// names are the aliases (the first is the display name). short lists the
// names that take short prefixes ("mV") under the rule shortRule; long lists
// the names that take long prefixes ("millivolt", "milliVolt") under
// longRule. A rule is "" (no prefixed forms), "all" (all 24 prefixes; for
// long forms all 25 long names, deka and deca both), "-x,y" (all except the
// listed short symbols or long names) or "=x" (only the listed ones).
//
// A short name need not be in names: `min` is removed from the vocabulary
// (it would clash with the function min()), but its prefixed forms `kmin`,
// `mmin`, … stay, as upstream drops only the exact name "min".
type root struct {
	names     string // space-separated aliases
	short     string // space-separated names taking short prefixes
	shortRule string
	long      string // space-separated names taking long prefixes
	longRule  string
	scale     float64
	dim       string // SI dimension: "m^2 kg A^-1 s^-3", "kg^1/2 m^1/2"
}

var (
	pi          = math.Pi
	sqrt1e5     = math.Sqrt(1e-5) // abcoulomb, biot: sqrt(g cm) in SI
	sqrt1e9     = math.Sqrt(1e-9) // franklin, statampere: sqrt(g cm^3) in SI
	julianYear  = 365.25 * 86400.0
	arcsecInRad = pi / 648000
)

// roots is Appendix B in its order. Values are in SI base units.
var roots = [...]root{
	{"A amp ampere", "A", "all", "amp ampere", "all", 1, "A"},
	{"a annum", "a", "-P", "annum", "all", julianYear, "s"},
	{"AA Angstrom angstrom", "AA Angstrom angstrom", "=m", "AA Angstrom angstrom", "=milli", 1e-10, "m"},
	{"abC abcoulomb", "", "", "", "", sqrt1e5, "kg^1/2 m^1/2"},
	{"adu", "adu", "all", "", "", 1, "adu"},
	{"arcmin arcminute", "arcmin", "all", "arcminute", "all", pi / 10800, "rad"},
	{"arcsec arcsecond", "arcsec", "all", "arcsecond", "all", arcsecInRad, "rad"},
	{"AU au astronomical_unit", "AU au", "all", "astronomical_unit", "all", 149597870700, "m"},
	{"Ba Barye barye", "Ba", "all", "Barye barye", "all", 0.1, "kg m^-1 s^-2"},
	{"beam", "beam", "all", "", "", 1, "beam"},
	{"Bi abA Biot abampere", "", "", "", "", sqrt1e5, "kg^1/2 m^1/2 s^-1"},
	{"bin", "bin", "all", "", "", 1, "bin"},
	{"Bq becquerel", "", "", "", "", 1, "s^-1"},
	{"C coulomb", "C", "all", "coulomb", "all", 1, "A s"},
	{"cd candela", "cd", "all", "candela", "all", 1, "cd"},
	{"chan", "chan", "all", "", "", 1, "chan"},
	{"Ci curie", "", "", "", "", 3.7e10, "s^-1"},
	{"cm centimeter", "", "", "", "", 0.01, "m"},
	{"ct count", "count ct", "-p", "count", "all", 1, "ct"},
	{"d day", "d", "-c,y", "day", "all", 86400, "s"},
	{"D Debye debye", "D", "all", "Debye debye", "all", 1e-29 / 3, "A m s"},
	{"deg degree", "deg", "all", "degree", "all", pi / 180, "rad"},
	{"deg_C Celsius", "", "", "", "", 1, "deg_C"},
	{"DN dn", "", "", "", "", 1, "DN"},
	{"dyn dyne", "dyn", "all", "dyne", "all", 1e-5, "kg m s^-2"},
	{"electron", "", "", "", "", 1, "electron"},
	{"erg", "erg", "all", "", "", 1e-7, "m^2 kg s^-2"},
	{"eV electronvolt", "eV", "all", "electronvolt", "all", 1.602176634e-19, "m^2 kg s^-2"},
	{"F Farad farad", "F", "all", "Farad farad", "all", 1, "s^4 A^2 kg^-1 m^-2"},
	{"fortnight", "", "", "", "", 14 * 86400, "s"},
	{"Fr esu statC Franklin statcoulomb", "", "", "", "", sqrt1e9, "m^3/2 kg^1/2 s^-1"},
	{"g gram", "g", "-k", "gram", "-kilo", 1e-3, "kg"},
	{"G Gauss gauss", "G", "all", "Gauss gauss", "all", 1e-4, "kg A^-1 s^-2"},
	{"Gal gal", "Gal", "all", "gal", "all", 0.01, "m s^-2"},
	{"H Henry henry", "H", "all", "Henry henry", "all", 1, "m^2 kg A^-2 s^-2"},
	{"h hr hour", "h", "-p", "hr hour", "all", 3600, "s"},
	{"hourangle", "", "", "", "", pi / 12, "rad"},
	{"Hz Hertz hertz", "Hz", "all", "Hertz hertz", "all", 1, "s^-1"},
	{"J Joule joule", "J", "all", "Joule joule", "all", 1, "m^2 kg s^-2"},
	{"Jy Jansky jansky", "Jy", "all", "Jansky jansky", "all", 1e-26, "kg s^-2"},
	{"K Kelvin", "K", "all", "Kelvin", "all", 1, "K"},
	{"k Kayser kayser", "k", "all", "Kayser kayser", "all", 100, "m^-1"},
	{"kg kilogram", "", "", "", "", 1, "kg"},
	{"L l liter", "L l", "all", "liter", "all", 1e-3, "m^3"},
	{"lm lumen", "lm", "all", "lumen", "all", 1, "rad^2 cd"},
	{"lsec lightsecond", "", "", "", "", 299792458, "m"},
	{"Lsun L_sun solLum", "", "", "", "", 3.828e26, "m^2 kg s^-3"},
	{"lx lux", "lx", "all", "lux", "all", 1, "rad^2 cd m^-2"},
	{"lyr lightyear", "lyr", "all", "lightyear", "all", 9460730472580800, "m"},
	{"m meter", "m", "-c", "meter", "-centi", 1, "m"},
	{"mas", "", "", "", "", arcsecInRad / 1e3, "rad"},
	{"Mearth M_earth earthMass", "", "", "", "", 5.972167867791379e24, "kg"},
	{"micron", "", "", "", "", 1e-6, "m"},
	{"minute", "min", "all", "minute", "all", 60, "s"},
	{"Mjup M_jup Mjupiter M_jupiter jupiterMass", "", "", "", "", 1.8981245973360505e27, "kg"},
	{"mol mole", "mol", "all", "mole", "all", 1, "mol"},
	{"Msun M_sun solMass", "", "", "", "", 1.988409870698051e30, "kg"},
	{"Mx Maxwell maxwell", "", "", "", "", 1e-8, "m^2 kg A^-1 s^-2"},
	{"N Newton newton", "N", "all", "Newton newton", "all", 1, "kg m s^-2"},
	{"Ohm ohm", "Ohm ohm", "all", "Ohm", "all", 1, "m^2 kg A^-2 s^-3"},
	{"P poise", "P", "all", "poise", "all", 0.1, "kg m^-1 s^-1"},
	{"Pa Pascal pascal", "Pa", "all", "Pascal pascal", "all", 1, "kg m^-1 s^-2"},
	{"pc parsec", "pc", "all", "parsec", "all", 3.085677581491367e16, "m"},
	{"pct percent", "", "", "", "", 0.01, ""},
	{"ph photon", "ph photon", "all", "photon", "all", 1, "ph"},
	{"R Rayleigh rayleigh", "R", "all", "Rayleigh rayleigh", "all", 1e10 / (4 * pi), "ph s^-1 m^-2 rad^-2"},
	{"rad radian", "rad", "all", "radian", "all", 1, "rad"},
	{"Rearth R_earth earthRad", "", "", "", "", 6378100, "m"},
	{"Rjup R_jup Rjupiter R_jupiter jupiterRad", "", "", "", "", 71492000, "m"},
	{"Rsun R_sun solRad", "", "", "", "", 695700000, "m"},
	{"Ry rydberg", "Ry", "all", "rydberg", "all", 2.1798723611035847e-18, "m^2 kg s^-2"},
	{"S Siemens siemens", "S", "all", "Siemens siemens", "all", 1, "s^3 A^2 kg^-1 m^-2"},
	{"s second", "s", "-a", "second", "all", 1, "s"},
	{"sday", "", "", "", "", 86164.09053, "s"},
	{"sr steradian", "sr", "all", "steradian", "all", 1, "rad^2"},
	{"St stokes", "St", "all", "stokes", "all", 1e-4, "m^2 s^-1"},
	{"statA statampere", "", "", "", "", sqrt1e9, "m^3/2 kg^1/2 s^-2"},
	{"Sun", "", "", "", "", 1, "Sun"},
	{"T Tesla tesla", "T", "all", "Tesla tesla", "all", 1, "kg A^-1 s^-2"},
	{"t tonne", "", "", "", "", 1000, "kg"},
	{"uas", "", "", "", "", arcsecInRad / 1e6, "rad"},
	{"V Volt volt", "V", "all", "Volt volt", "all", 1, "m^2 kg A^-1 s^-3"},
	{"W Watt watt", "W", "all", "Watt watt", "all", 1, "m^2 kg s^-3"},
	{"Wb Weber weber", "Wb", "all", "Weber weber", "all", 1, "m^2 kg A^-1 s^-2"},
	{"wk week", "", "", "", "", 7 * 86400, "s"},
	{"yr year", "yr", "all", "year", "all", julianYear, "s"},
}

// VocabularySize is the number of names in the vocabulary. It equals
// upstream's count (language.md §7.3): 197 root names and aliases of the 86
// roots, 1434 short-prefixed forms ("mV") and 1726 long-prefixed forms
// ("millivolt", "milliVolt"). Two details matter when recounting it from
// Appendix B:
//
//   - The long prefixes are 25 names, not 24: deca is also spelled deka
//     ("dekameter" and "decameter" both exist), as in upstream.
//   - The row of `minute` says "none" for short-prefixed forms, but the 24
//     short-prefixed forms of the removed alias `min` (Qmin … qmin, among
//     them `kmin`, `mmin`, `umin`, `dmin`) are in upstream's vocabulary,
//     because upstream skips only the exact name "min". They are included
//     here. Read literally, the table gives 3357 - 24 = 3333 names.
//
// The vocabulary was checked name by name, value by value, against the
// upstream generation (astropy 5.3/6.0 si, cgs and astrophys modules, minus
// "min"): the same 3357 names, the same dimensions, scales within 1e-12.
// (Later astropy releases moved eV and Ry out of si, added Gy, Sv, kat,
// hectare, Oe and prefixes for Bq and Ci; language.md fixes the 3357-name
// vocabulary, which has none of those changes.)
const VocabularySize = 3357

// vocabulary is the immutable result of expanding roots.
type vocabulary struct {
	units map[string]Unit
	names []string // sorted
	lower []string // names[i] in lower case, for Suggest
	// display lists candidate display names in preference order: each
	// root's first name, then the short-prefixed forms of its first short
	// name (used by String for units that equal a vocabulary entry).
	display []string
}

var vocab = buildVocabulary()

func buildVocabulary() *vocabulary {
	v := &vocabulary{units: make(map[string]Unit, VocabularySize)}
	add := func(name string, u Unit) {
		if _, dup := v.units[name]; dup {
			panic("units: duplicate vocabulary name " + name)
		}
		v.units[name] = u
	}
	for _, r := range roots {
		base := Unit{Dim: parseDim(r.dim), Scale: snap(r.scale)}
		names := strings.Fields(r.names)
		for _, n := range names {
			add(n, base)
		}
		v.display = append(v.display, names[0])
		for i, n := range strings.Fields(r.short) {
			for _, p := range siPrefixes {
				if !ruleAllows(r.shortRule, p.sym) {
					continue
				}
				add(p.sym+n, Unit{Dim: base.Dim, Scale: snap(p.factor * base.Scale)})
				if i == 0 {
					v.display = append(v.display, p.sym+n)
				}
			}
		}
		for _, n := range strings.Fields(r.long) {
			for _, p := range siPrefixes {
				for _, l := range p.long {
					if ruleAllows(r.longRule, l) {
						add(l+n, Unit{Dim: base.Dim, Scale: snap(p.factor * base.Scale)})
					}
				}
			}
		}
	}
	v.names = make([]string, 0, len(v.units))
	for n := range v.units {
		v.names = append(v.names, n)
	}
	sort.Strings(v.names)
	v.lower = make([]string, len(v.names))
	for i, n := range v.names {
		v.lower[i] = strings.ToLower(n)
	}
	return v
}

// ruleAllows applies a prefix rule (see root) to a prefix symbol or long
// prefix name.
func ruleAllows(rule, p string) bool {
	switch {
	case rule == "":
		return false
	case rule == "all":
		return true
	case rule[0] == '-':
		return !listHas(rule[1:], p)
	case rule[0] == '=':
		return listHas(rule[1:], p)
	}
	panic("units: bad prefix rule " + rule)
}

func listHas(list, p string) bool {
	for _, x := range strings.Split(list, ",") {
		if x == p {
			return true
		}
	}
	return false
}

// parseDim parses a dimension written as space-separated factors
// "sym" or "sym^e" with e an integer or a fraction p/q ("kg^1/2").
// It panics on malformed input (the table is a program constant).
func parseDim(s string) Dim {
	var d Dim
	for _, f := range strings.Fields(s) {
		sym, exp, hasExp := strings.Cut(f, "^")
		e := IntRat(1)
		if hasExp {
			num, den, isFrac := strings.Cut(exp, "/")
			n, err1 := strconv.ParseInt(num, 10, 64)
			q := int64(1)
			var err2 error
			if isFrac {
				q, err2 = strconv.ParseInt(den, 10, 64)
			}
			if err1 != nil || err2 != nil {
				panic("units: bad dimension " + s)
			}
			e = NewRat(n, q)
		}
		i := baseIndex(sym)
		if i < 0 {
			panic("units: unknown base symbol " + sym)
		}
		d[i] = d[i].Add(e)
	}
	return d
}

func baseIndex(sym string) BaseDim {
	for i, b := range baseSymbols {
		if b == sym {
			return BaseDim(i)
		}
	}
	return -1
}

// Lookup returns the unit named name and whether name is in the
// vocabulary. Lookup is exact and case-sensitive: "mV" is the millivolt,
// "MV" the megavolt, "mv" nothing.
func Lookup(name string) (Unit, bool) {
	u, ok := vocab.units[name]
	return u, ok
}

// MustLookup is Lookup for names known to exist; it panics otherwise.
func MustLookup(name string) Unit {
	u, ok := Lookup(name)
	if !ok {
		panic(fmt.Sprintf("units: %q is not a unit name", name))
	}
	return u
}

// Names returns all vocabulary names, sorted (byte order). The slice is a
// fresh copy.
func Names() []string { return append([]string(nil), vocab.names...) }
