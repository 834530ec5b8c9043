package units

import (
	"math"
	"strings"
	"testing"
)

// L is MustLookup, short for tables.
var L = MustLookup

func TestAlgebra(t *testing.T) {
	half := NewRat(1, 2)
	tests := []struct {
		name             string
		a, b             Unit
		equal, compatble bool
	}{
		{"mV/ms == pA/pF", L("mV").Div(L("ms")), L("pA").Div(L("pF")), true, true},
		{"mV/ms == V/s", L("mV").Div(L("ms")), L("V").Div(L("s")), true, true},
		{"pA*GOhm == mV", L("pA").Mul(L("GOhm")), L("mV"), true, true},
		{"nS*mV == pA", L("nS").Mul(L("mV")), L("pA"), true, true},
		{"pF*mV == fC == pA*ms", L("pF").Mul(L("mV")), L("pA").Mul(L("ms")), true, true},
		{"pA*mV*ms == aJ", L("pA").Mul(L("mV")).Mul(L("ms")), L("aJ"), true, true},
		{"mV vs V", L("mV"), L("V"), false, true},
		{"ms vs s", L("ms"), L("s"), false, true},
		{"ms vs mV", L("ms"), L("mV"), false, false},
		{"Hz == 1/s", L("Hz"), L("s").Inv(), true, true},
		{"kHz == 1/ms", L("kHz"), L("ms").Inv(), true, true},
		{"rad/s vs Hz", L("rad").Div(L("s")), L("Hz"), false, false},
		{"sr == rad**2", L("sr"), L("rad").Pow(IntRat(2)), true, true},
		{"lm == cd sr", L("lm"), L("cd").Mul(L("sr")), true, true},
		{"deg_C vs K", L("deg_C"), L("K"), false, false},
		{"dn == DN", L("dn"), L("DN"), true, true},
		{"count == ct", L("count"), L("ct"), true, true},
		{"photon == ph", L("photon"), L("ph"), true, true},
		{"Celsius == deg_C", L("Celsius"), L("deg_C"), true, true},
		{"(ns**0.5)**3 == ns**(3/2)", L("ns").Pow(half).Pow(IntRat(3)), L("ns").Pow(NewRat(3, 2)), true, true},
		{"ns**(3/2) vs ns", L("ns").Pow(NewRat(3, 2)), L("ns"), false, false},
		{"ns**-(1/2) == 1/ns**0.5", L("ns").Pow(NewRat(-1, 2)), L("ns").Pow(half).Inv(), true, true},
		{"(ms**(1/3))**3 == ms", L("ms").Pow(NewRat(1, 3)).Pow(IntRat(3)), L("ms"), true, true},
		{"J == N m", L("J"), L("N").Mul(L("m")), true, true},
		{"W == V A", L("W"), L("V").Mul(L("A")), true, true},
		{"Ohm == V/A", L("Ohm"), L("V").Div(L("A")), true, true},
		{"S == 1/Ohm", L("S"), L("Ohm").Inv(), true, true},
		{"F == C/V", L("F"), L("C").Div(L("V")), true, true},
		{"mmol/L == mol/m**3", L("mmol").Div(L("L")), L("mol").Div(L("m").Pow(IntRat(3))), true, true},
		{"kg == 1000 g", L("kg"), L("g"), false, true},
		{"t == Mg", L("t"), L("Mg"), true, true},
		{"Pa == N/m**2", L("Pa"), L("N").Div(L("m").Pow(IntRat(2))), true, true},
	}
	for _, tt := range tests {
		if got := tt.a.Equal(tt.b); got != tt.equal {
			t.Errorf("%s: Equal = %v, want %v (%v vs %v)", tt.name, got, tt.equal, tt.a, tt.b)
		}
		if got := tt.a.Compatible(tt.b); got != tt.compatble {
			t.Errorf("%s: Compatible = %v, want %v", tt.name, got, tt.compatble)
		}
		if tt.a.Equal(tt.b) != tt.b.Equal(tt.a) || tt.a.Compatible(tt.b) != tt.b.Compatible(tt.a) {
			t.Errorf("%s: not symmetric", tt.name)
		}
	}
}

func TestRealAndDimensionless(t *testing.T) {
	tests := []struct {
		name          string
		u             Unit
		real, dimless bool
		scale         float64
	}{
		{"ms/ms", L("ms").Div(L("ms")), true, true, 1},
		{"(1/s)*s", L("s").Inv().Mul(L("s")), true, true, 1},
		{"mV/mV", L("mV").Div(L("mV")), true, true, 1},
		{"pA*GOhm/mV", L("pA").Mul(L("GOhm")).Div(L("mV")), true, true, 1},
		{"Hz*s", L("Hz").Mul(L("s")), true, true, 1},
		{"ms/s", L("ms").Div(L("s")), false, true, 1e-3},
		{"mV/V", L("mV").Div(L("V")), false, true, 1e-3},
		{"pct", L("pct"), false, true, 0.01},
		{"One", One(), true, true, 1},
		{"rad", L("rad"), false, false, 1},
		{"sr", L("sr"), false, false, 1},
		{"mV", L("mV"), false, false, 1e-3},
	}
	for _, tt := range tests {
		if tt.u.IsReal() != tt.real || tt.u.IsDimensionless() != tt.dimless || !near(tt.u.Scale, tt.scale) {
			t.Errorf("%s: IsReal=%v IsDimensionless=%v scale=%g; want %v %v %g",
				tt.name, tt.u.IsReal(), tt.u.IsDimensionless(), tt.u.Scale, tt.real, tt.dimless, tt.scale)
		}
	}
	// Exact cancellation: the scale is exactly 1 and the Dim exactly zero.
	if u := L("ms").Div(L("ms")); u.Scale != 1 || !u.Dim.IsZero() {
		t.Errorf("ms/ms = %+v", u)
	}
	if u := L("pA").Mul(L("GOhm")); u.Scale != 1e-3 {
		t.Errorf("pA*GOhm scale = %v, want exactly 1e-3", u.Scale)
	}
}

func TestPowAndInv(t *testing.T) {
	ns := L("ns")
	u := ns.Pow(NewRat(1, 2))
	if u.Dim[Time] != NewRat(1, 2) || !near(u.Scale, math.Sqrt(1e-9)) {
		t.Errorf("ns**(1/2) = %v %g", u.Dim, u.Scale)
	}
	if v := L("ms").Pow(IntRat(-2)); v.Dim[Time] != IntRat(-2) || v.Scale != 1e6 {
		t.Errorf("ms**-2 = %v %v", v.Dim, v.Scale)
	}
	if v := L("mV").Pow(IntRat(0)); !v.IsReal() {
		t.Errorf("mV**0 = %v", v)
	}
	if v := L("mV").Inv().Inv(); !v.Equal(L("mV")) {
		t.Errorf("1/(1/mV) = %v", v)
	}
	// Exponent overflow is reported by TryPow and panics in Pow.
	huge := NewRat(math.MaxInt64, 1)
	if _, ok := L("s").Pow(IntRat(2)).TryPow(huge); ok {
		t.Error("TryPow with overflowing exponent succeeded")
	}
	if _, ok := L("ms").TryPow(IntRat(400)); ok {
		t.Error("TryPow with underflowing scale succeeded")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Pow did not panic on overflow")
			}
		}()
		L("s").Pow(IntRat(2)).Pow(huge)
	}()
}

func TestInternal(t *testing.T) {
	tests := []struct {
		name     string
		u        Unit
		internal float64 // SI scale of the internal unit
		factor   float64 // ToInternal
	}{
		{"mV", L("mV"), 1e-3, 1},
		{"V", L("V"), 1e-3, 1000},
		{"ms", L("ms"), 1e-3, 1},
		{"s", L("s"), 1e-3, 1000},
		{"pA", L("pA"), 1e-12, 1},
		{"nA", L("nA"), 1e-12, 1000},
		{"nS", L("nS"), 1e-9, 1},
		{"uS", L("uS"), 1e-9, 1000},
		{"pF", L("pF"), 1e-12, 1},
		{"GOhm", L("GOhm"), 1e9, 1},
		{"MOhm", L("MOhm"), 1e9, 0.001},
		{"mV/ms", L("mV").Div(L("ms")), 1, 1},
		{"pA/pF", L("pA").Div(L("pF")), 1, 1},
		{"ms/s", L("ms").Div(L("s")), 1, 0.001},
		{"Hz", L("Hz"), 1e3, 0.001},
		{"1/s", L("s").Inv(), 1e3, 0.001},
		{"1/ms", L("ms").Inv(), 1e3, 1},
		{"fC", L("fC"), 1e-15, 1},
		{"aJ", L("aJ"), 1e-18, 1},
		{"m", L("m"), 1, 1},
		{"um", L("um"), 1, 1e-6},
		{"mmol", L("mmol"), 1, 1e-3},
		{"K", L("K"), 1, 1},
		{"kg", L("kg"), 1e-24, 1e24},
		{"rad", L("rad"), 1, 1},
		{"ph", L("ph"), 1, 1},
		{"pct", L("pct"), 1, 0.01},
		{"ms**(1/2)", L("ms").Pow(NewRat(1, 2)), math.Sqrt(1e-3), 1},
	}
	for _, tt := range tests {
		if got := tt.u.InternalScale(); !near(got, tt.internal) {
			t.Errorf("%s: InternalScale = %g, want %g", tt.name, got, tt.internal)
		}
		if got := tt.u.ToInternal(); !near(got, tt.factor) {
			t.Errorf("%s: ToInternal = %g, want %g", tt.name, got, tt.factor)
		}
	}
	// Powers of ten are exact.
	if L("V").ToInternal() != 1000 || L("MOhm").ToInternal() != 0.001 || L("Hz").ToInternal() != 0.001 {
		t.Error("internal conversion factors are not exact powers of ten")
	}
	if f := ConversionFactor(L("V"), L("mV")); f != 1000 {
		t.Errorf("ConversionFactor(V, mV) = %v", f)
	}
	if f := ConversionFactor(L("mV"), L("V")); f != 0.001 {
		t.Errorf("ConversionFactor(mV, V) = %v", f)
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		u    Unit
		want string
	}{
		{L("mV"), "mV"},
		{L("millivolt"), "mV"},
		{L("mV").Div(L("ms")), "mV / ms"},
		{L("pA").Div(L("pF")), "mV / ms"},
		{L("pA").Mul(L("GOhm")), "mV"},
		{L("nS").Mul(L("mV")), "pA"},
		{L("GOhm"), "GOhm"},
		{L("MOhm"), "MOhm"},
		{L("mmol"), "mmol"},
		{L("Hz"), "Hz"},
		{L("s").Inv(), "Hz"},
		{L("ms").Inv(), "1 / ms"},
		{L("kHz"), "1 / ms"},
		{L("ms").Pow(IntRat(2)), "ms**2"},
		{L("ms").Pow(IntRat(-2)), "1 / ms**2"},
		{L("mV").Div(L("ms").Pow(IntRat(2))), "mV / ms**2"},
		{L("pA").Div(L("ms")), "pA / ms"},
		{L("nS").Div(L("ms")), "nS / ms"},
		{L("mV").Mul(L("pA")), "mV pA"},
		{L("mmol").Div(L("L")), "mmol / L"},
		{L("ns").Pow(NewRat(3, 2)), "ns**(3/2)"},
		{L("ms").Pow(NewRat(-1, 2)), "1 / ms**(1/2)"},
		{L("m").Pow(IntRat(5)), "m**5"},
		{L("ms").Div(L("ms")), "1"},
		{L("ms").Div(L("s")), "ms / s"},
		{L("s").Div(L("ms")), "s / ms"},
		{L("pct"), "pct"},
		{Dimensionless(1e-5), "1e-05 (dimensionless)"},
		{L("rad").Div(L("s")), "rad / s"},
		{L("sr"), "sr"},
		{L("kg").Mul(L("m")).Div(L("s").Pow(IntRat(2))), "N"},
		{L("eV"), "eV"},
		{L("minute"), "minute"},
		{L("abC").Mul(L("K")), "0.0031622776601683794 m**(1/2) kg**(1/2) K"},
		{L("kg").Mul(L("m")).Mul(L("K")).Div(L("mol")), "m kg K / mol"},
		{Unit{}, "<invalid unit>"},
	}
	for _, tt := range tests {
		if got := tt.u.String(); got != tt.want {
			t.Errorf("String(%v, %g) = %q, want %q", tt.u.Dim, tt.u.Scale, got, tt.want)
		}
	}
}

// TestStringKey checks that String distinguishes every pair of
// non-identical units among the vocabulary and their inverses, so that it
// can serve as a map key.
func TestStringKey(t *testing.T) {
	seen := map[string]Unit{}
	for _, n := range Names() {
		for _, u := range []Unit{L(n), L(n).Inv()} {
			s := u.String()
			if v, ok := seen[s]; ok && !v.Equal(u) {
				t.Fatalf("%q prints as %q, like the different unit %v %g", n, s, v.Dim, v.Scale)
			}
			seen[s] = u
		}
	}
}

func TestDimString(t *testing.T) {
	tests := []struct{ dim, want string }{
		{"m^2 kg A^-1 s^-3", "m**2 kg / s**3 A"},
		{"s^-1", "1 / s"},
		{"", ""},
		{"kg^1/2 m^1/2", "m**(1/2) kg**(1/2)"},
		{"rad^2", "rad**2"},
	}
	for _, tt := range tests {
		if got := parseDim(tt.dim).String(); got != tt.want {
			t.Errorf("Dim(%q).String() = %q, want %q", tt.dim, got, tt.want)
		}
	}
	if Time.Symbol() != "s" || Celsius.Symbol() != "deg_C" || BaseDim(99).Symbol() != "?" {
		t.Error("BaseDim.Symbol wrong")
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ name, want string }{
		{"mv", "mV"},     // not the megavolt MV
		{"MV", ""},       // a unit: the megavolt
		{"pa", ""},       // a unit: the pico-annum
		{"hz", "Hz"},     // case only
		{"khz", "kHz"},   // case only
		{"gohm", "GOhm"}, // common spelling preferred over Gohm
		{"GOHM", "GOhm"},
		{"mohms", "MOhm"},
		{"millivolts", "millivolt"},
		{"milivolt", "millivolt"},
		{"Volts", "Volt"},
		{"nanosiemen", "nanosiemens"},
		{"min", "minute"},
		{"msec", "ms"},
		{"mM", "mmol/L"},
		{"M", "mol/L"},
		{"degC", "deg_C"},
		{"µV", "uV"},
		{"μS", "uS"},
		{"x", ""},
		{"qqqqqq", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.name); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Every suggestion for a single name is a unit.
	for _, n := range []string{"mv", "hz", "Volts", "pAmp", "nSiemens", "msecond"} {
		if s := Suggest(n); s != "" && !strings.Contains(s, "/") && !IsName(s) {
			t.Errorf("Suggest(%q) = %q, not a unit", n, s)
		}
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"", "", 2, 0},
		{"abc", "abc", 2, 0},
		{"abc", "acb", 2, 1}, // transposition
		{"abc", "ab", 2, 1},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // capped at max+1
		{"a", "abcd", 2, 3},
	}
	for _, tt := range tests {
		if got := osaDistance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("osaDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
