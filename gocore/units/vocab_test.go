package units

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"strings"
	"testing"
)

// TestVocabularySize pins the number of names to upstream's 3357
// (language.md §7.3). See VocabularySize for how the count splits and why
// Appendix B read literally gives 24 fewer.
func TestVocabularySize(t *testing.T) {
	names := Names()
	if len(names) != 3357 || VocabularySize != 3357 {
		t.Fatalf("vocabulary has %d names (VocabularySize %d), want 3357", len(names), VocabularySize)
	}
	if !sort.StringsAreSorted(names) {
		t.Error("Names() is not sorted")
	}
	if len(roots) != 86 {
		t.Errorf("%d roots, want 86", len(roots))
	}
	var rootNames, short, long int
	for _, r := range roots {
		rootNames += len(strings.Fields(r.names))
		for range strings.Fields(r.short) {
			for _, p := range siPrefixes {
				if ruleAllows(r.shortRule, p.sym) {
					short++
				}
			}
		}
		for range strings.Fields(r.long) {
			for _, p := range siPrefixes {
				for _, l := range p.long {
					if ruleAllows(r.longRule, l) {
						long++
					}
				}
			}
		}
	}
	if rootNames != 197 || short != 1434 || long != 1726 {
		t.Errorf("root names %d, short-prefixed %d, long-prefixed %d; want 197, 1434, 1726", rootNames, short, long)
	}
	// §7.3: "There are 600 unit names of one or two characters".
	n := 0
	for _, name := range names {
		if len(name) <= 2 {
			n++
		}
	}
	if n != 600 {
		t.Errorf("%d names of one or two characters, want 600", n)
	}
	// Names returns a copy.
	names[0] = "changed"
	if Names()[0] == "changed" {
		t.Error("Names() exposes internal state")
	}
}

// TestVocabularyFingerprint pins the exact name set: the SHA-256 of the
// sorted names joined by newlines. The value was computed from upstream's
// vocabulary (every name of every unit in astropy 6.0's si, cgs and
// astrophys modules, without "min"), so a change to the roots table that
// adds, drops or misspells a name fails here.
func TestVocabularyFingerprint(t *testing.T) {
	const want = "e6ae48b649cb3fcb7fd63eff0fbbc9c4dd40265fc28767fc1730dbfb5af959d5"
	sum := sha256.Sum256([]byte(strings.Join(Names(), "\n")))
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Errorf("vocabulary fingerprint %s, want %s", got, want)
	}
}

// TestVocabularyConsistent checks every entry: valid scale, and every name
// IsName and Lookup agree on.
func TestVocabularyConsistent(t *testing.T) {
	for _, n := range Names() {
		u, ok := Lookup(n)
		if !ok || !IsName(n) || !u.IsValid() {
			t.Errorf("%q: Lookup ok=%v IsName=%v valid=%v", n, ok, IsName(n), u.IsValid())
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name  string
		dim   string
		scale float64
	}{
		// the neuroscience units
		{"mV", "m^2 kg A^-1 s^-3", 1e-3},
		{"V", "m^2 kg A^-1 s^-3", 1},
		{"millivolt", "m^2 kg A^-1 s^-3", 1e-3},
		{"milliVolt", "m^2 kg A^-1 s^-3", 1e-3},
		{"pA", "A", 1e-12},
		{"picoampere", "A", 1e-12},
		{"picoamp", "A", 1e-12},
		{"nS", "s^3 A^2 kg^-1 m^-2", 1e-9},
		{"uS", "s^3 A^2 kg^-1 m^-2", 1e-6},
		{"pF", "s^4 A^2 kg^-1 m^-2", 1e-12},
		{"GOhm", "m^2 kg A^-2 s^-3", 1e9},
		{"MOhm", "m^2 kg A^-2 s^-3", 1e6},
		{"Gohm", "m^2 kg A^-2 s^-3", 1e9},
		{"Ohm", "m^2 kg A^-2 s^-3", 1},
		{"ohm", "m^2 kg A^-2 s^-3", 1},
		{"megaOhm", "m^2 kg A^-2 s^-3", 1e6},
		{"ms", "s", 1e-3},
		{"us", "s", 1e-6},
		{"millisecond", "s", 1e-3},
		{"attosecond", "s", 1e-18},
		{"Hz", "s^-1", 1},
		{"kHz", "s^-1", 1e3},
		{"um", "m", 1e-6},
		{"micrometer", "m", 1e-6},
		{"mmol", "mol", 1e-3},
		{"millimole", "mol", 1e-3},
		{"L", "m^3", 1e-3},
		{"l", "m^3", 1e-3},
		{"mL", "m^3", 1e-6},
		// roots of their own
		{"kg", "kg", 1},
		{"kilogram", "kg", 1},
		{"g", "kg", 1e-3},
		{"mg", "kg", 1e-6},
		{"cm", "m", 1e-2},
		{"centimeter", "m", 1e-2},
		{"km", "m", 1e3},
		{"dekameter", "m", 10},
		{"decameter", "m", 10},
		{"dam", "m", 10},
		// time units: day, hour, year, minute
		{"d", "s", 86400},
		{"day", "s", 86400},
		{"h", "s", 3600},
		{"hr", "s", 3600},
		{"hour", "s", 3600},
		{"millihour", "s", 3.6},
		{"minute", "s", 60},
		{"kilominute", "s", 60e3},
		{"kmin", "s", 60e3}, // short-prefixed forms of min remain (see VocabularySize)
		{"a", "s", 31557600},
		{"yr", "s", 31557600},
		{"pa", "s", 31557600e-12}, // pico-annum, not pascal
		{"ma", "s", 31557600e-3},
		{"da", "s", 31557600e-1}, // deci-annum (language.md §7.3 calls it deca-year; that is daa)
		{"daa", "s", 31557600e1},
		{"Ma", "s", 31557600e6},
		{"wk", "s", 604800},
		{"fortnight", "s", 1209600},
		// names taken by another unit
		{"t", "kg", 1000},
		{"tonne", "kg", 1000},
		{"Pa", "kg m^-1 s^-2", 1},
		{"pascal", "kg m^-1 s^-2", 1},
		{"hPa", "kg m^-1 s^-2", 100},
		{"cd", "cd", 1},
		{"candela", "cd", 1},
		{"ph", "ph", 1},
		{"photon", "ph", 1},
		{"kph", "ph", 1e3},
		{"pct", "", 0.01},
		{"percent", "", 0.01},
		{"ct", "ct", 1},
		{"count", "ct", 1},
		{"mct", "ct", 1e-3},
		// angles are a dimension of their own
		{"rad", "rad", 1},
		{"sr", "rad^2", 1},
		{"deg", "rad", math.Pi / 180},
		{"arcsec", "rad", math.Pi / 648000},
		{"mas", "rad", math.Pi / 648000e3},
		{"lm", "cd rad^2", 1},
		// own dimensions and their aliases
		{"DN", "DN", 1},
		{"dn", "DN", 1},
		{"deg_C", "deg_C", 1},
		{"Celsius", "deg_C", 1},
		{"electron", "electron", 1},
		{"adu", "adu", 1},
		{"Sun", "Sun", 1},
		// assorted cgs and astronomy units
		{"k", "m^-1", 100},
		{"dyn", "kg m s^-2", 1e-5},
		{"erg", "m^2 kg s^-2", 1e-7},
		{"eV", "m^2 kg s^-2", 1.602176634e-19},
		{"AA", "m", 1e-10},
		{"mAA", "m", 1e-13},
		{"milliAA", "m", 1e-13},
		{"Fr", "m^3/2 kg^1/2 s^-1", math.Sqrt(1e-9)},
		{"abC", "kg^1/2 m^1/2", math.Sqrt(1e-5)},
		{"R", "ph s^-1 m^-2 rad^-2", 1e10 / (4 * math.Pi)},
		{"AU", "m", 149597870700},
		{"pc", "m", 3.085677581491367e16},
		{"Msun", "kg", 1.988409870698051e30},
	}
	for _, tt := range tests {
		u, ok := Lookup(tt.name)
		if !ok {
			t.Errorf("Lookup(%q) failed", tt.name)
			continue
		}
		want := Unit{Dim: parseDim(tt.dim), Scale: tt.scale}
		if !u.Equal(want) {
			t.Errorf("Lookup(%q) = %v (%v, %g), want %v, %g", tt.name, u, u.Dim, u.Scale, want.Dim, want.Scale)
		}
	}
}

func TestLookupAbsent(t *testing.T) {
	for _, name := range []string{
		"min",                    // removed: clashes with min()
		"M", "mM", "uM", "molar", // no molar units
		"degC", "mmHg", "cal", "b", "bar", "atm", "Torr", "Da", "u", // §7.3 "not available"
		"Gy", "Sv", "kat", "gray", "sievert", "katal", // SI named units missing upstream
		"as",                  // s takes every prefix except a
		"kkg", "kg2", "kgram", // kg has no prefixes; g lacks k
		"ccm", "cmeter", "centimetre", "centim", // m lacks c
		"yd", // d lacks c and y (and "cd" is the candela)
		"PA_", "pA_",
		"ppct", "pct2", // pct has no prefixes
		"milliohm",   // long forms of Ohm only from "Ohm"
		"kBq", "mCi", // Bq, Ci without prefixes
		"MeVolt", "mv",
		"mega", "milli", "µV", "μV", "", "mV ", " mV",
		"hectare", "Oe", "foe", // added by later astropy releases only
	} {
		if IsName(name) {
			t.Errorf("IsName(%q) = true, want false", name)
		}
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) succeeded", name)
		}
	}
	// ph is the photon, not a pico-hour; the pico-photon pph exists.
	if !IsName("pph") {
		t.Error("pph (pico-photon) missing")
	}
	if u := MustLookup("ph"); u.Dim != DimOf(Photon) {
		t.Errorf("ph is %v, want the photon", u.Dim)
	}
}

func TestMustLookupPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustLookup(\"min\") did not panic")
		}
	}()
	MustLookup("min")
}

// TestPrefixRules checks the short-prefix rules of Appendix B root by root
// for the roots with exceptions.
func TestPrefixRules(t *testing.T) {
	tests := []struct {
		root   string
		except []string // prefixes that must be missing; nil = "all 24"
		only   []string // if non-nil: the only prefixes present
	}{
		{root: "A"},
		{root: "V"},
		{root: "mol"},
		{root: "a", except: []string{"P"}},
		{root: "d", except: []string{"c", "y"}},
		{root: "g", except: []string{"k"}},
		{root: "h", except: []string{"p"}},
		{root: "m", except: []string{"c"}},
		{root: "s", except: []string{"a"}},
		{root: "ct", except: []string{"p"}},
		{root: "count", except: []string{"p"}},
		{root: "AA", only: []string{"m"}},
		{root: "Angstrom", only: []string{"m"}},
		{root: "kg", only: []string{}},
		{root: "cm", only: []string{}},
		{root: "Bq", only: []string{}},
		{root: "pct", only: []string{}},
		{root: "DN", only: []string{}},
	}
	rootNames := map[string]bool{}
	for _, r := range roots {
		for _, n := range strings.Fields(r.names) {
			rootNames[n] = true
		}
	}
	in := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	for _, tt := range tests {
		base := MustLookup(tt.root)
		for _, p := range siPrefixes {
			name := p.sym + tt.root
			want := !in(tt.except, p.sym)
			if tt.only != nil {
				want = in(tt.only, p.sym)
			}
			u, got := Lookup(name)
			if got && (u.Dim != base.Dim || rootNames[name]) {
				got = false // the name exists but is another unit (cd, Pa, ph, pct, kg, cm)
			}
			if got != want {
				t.Errorf("%s: present=%v, want %v", name, got, want)
			}
			if got && !u.Equal(Unit{Dim: base.Dim, Scale: p.factor * base.Scale}) {
				t.Errorf("%s has scale %g, want %g", name, u.Scale, p.factor*base.Scale)
			}
		}
	}
}

func TestLongPrefixedForms(t *testing.T) {
	yes := []string{
		"millivolt", "milliVolt", "kilovolt", "microsecond", "nanosiemens", "nanoSiemens",
		"picofarad", "picoFarad", "gigaOhm", "megaOhm", "millimole", "micrometer", "decagram",
		"dekagram", "milligram", "kilohertz", "kiloHertz", "millihour", "millihr", "millicount",
		"megaparsec", "kiloelectronvolt", "milliAngstrom", "milliangstrom", "milliminute",
		"attosecond", "quectometer", "quettagram", "petaannum",
	}
	no := []string{
		"milliV", "kiloV", // long prefix + short name
		"mvolt", "mVolt", // short prefix + long name
		"kilogramme", "kilokilogram", "centicentimeter", "kilogram2",
		"milliohm", // ohm is not a long alias (only Ohm)
		"millicm", "millierg", "microadu", "kilobeam", "millipercent", "kilotonne",
		"millimin", "microAA", "kiloangstrom", "megaohm",
	}
	for _, n := range yes {
		if !IsName(n) {
			t.Errorf("%q missing", n)
		}
	}
	for _, n := range no {
		if IsName(n) {
			t.Errorf("%q present", n)
		}
	}
	if !MustLookup("gigaOhm").Equal(MustLookup("GOhm")) || !MustLookup("milliVolt").Equal(MustLookup("mV")) {
		t.Error("long and short prefixed forms differ")
	}
}
