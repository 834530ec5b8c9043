package units

import (
	"testing"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

// Builders for hand-made unit type expressions. Every node gets a distinct
// range on line 1 (column = order of creation) so that tests can check
// where diagnostics point.
type builder struct{ col int }

func (b *builder) rng() ast.Range {
	b.col++
	return ast.Range{Start: ast.Pos{Line: 1, Col: b.col}, End: ast.Pos{Line: 1, Col: b.col + 1}}
}

func (b *builder) name(n string) *ast.UnitExpr {
	return &ast.UnitExpr{Op: ast.UnitName, Name: n, Rng: b.rng()}
}

func (b *builder) mul(l, r *ast.UnitExpr) *ast.UnitExpr {
	return &ast.UnitExpr{Op: ast.UnitMul, L: l, R: r, Rng: b.rng()}
}

func (b *builder) div(l, r *ast.UnitExpr) *ast.UnitExpr {
	return &ast.UnitExpr{Op: ast.UnitDiv, L: l, R: r, Rng: b.rng()}
}

func (b *builder) paren(l *ast.UnitExpr) *ast.UnitExpr {
	return &ast.UnitExpr{Op: ast.UnitParen, L: l, Rng: b.rng()}
}

func (b *builder) inv(num int64, r *ast.UnitExpr) *ast.UnitExpr {
	return &ast.UnitExpr{Op: ast.UnitInv, Num: num, R: r, Rng: b.rng()}
}

func (b *builder) pow(l *ast.UnitExpr, num, den int64, text string) *ast.UnitExpr {
	return &ast.UnitExpr{Op: ast.UnitPow, L: l, ExpNum: num, ExpDen: den, ExpText: text, Rng: b.rng()}
}

func TestFromExpr(t *testing.T) {
	b := &builder{}
	tests := []struct {
		text string // the expression as it would be written
		expr *ast.UnitExpr
		want Unit
	}{
		{"mV", b.name("mV"), L("mV")},
		{"mV/ms", b.div(b.name("mV"), b.name("ms")), L("mV").Div(L("ms"))},
		{"pA/pF", b.div(b.name("pA"), b.name("pF")), L("mV").Div(L("ms"))},
		{"1/s", b.inv(1, b.name("s")), L("Hz")},
		{"1/ms*mV", b.inv(1, b.mul(b.name("ms"), b.name("mV"))), L("ms").Mul(L("mV")).Inv()},
		{"mV/ms*pA", b.mul(b.div(b.name("mV"), b.name("ms")), b.name("pA")), L("mV").Div(L("ms")).Mul(L("pA"))},
		{"(mV/ms)**2", b.pow(b.paren(b.div(b.name("mV"), b.name("ms"))), 2, 1, "2"), L("mV").Div(L("ms")).Pow(IntRat(2))},
		{"pA*GOhm", b.mul(b.name("pA"), b.name("GOhm")), L("mV")},
		{"ns**0.5", b.pow(b.name("ns"), 1, 2, "0.5"), L("ns").Pow(NewRat(1, 2))},
		{"ns**(1/2)", b.pow(b.name("ns"), 1, 2, "(1/2)"), L("ns").Pow(NewRat(1, 2))},
		{"ns**-(1/2)", b.pow(b.name("ns"), -1, 2, "-(1/2)"), L("ns").Pow(NewRat(-1, 2))},
		{"ns**1.5", b.pow(b.name("ns"), 3, 2, "1.5"), L("ns").Pow(NewRat(3, 2))},
		{"ns**-0.25", b.pow(b.name("ns"), 1, -4, "-0.25"), L("ns").Pow(NewRat(-1, 4))},
		{"ms**2 (ExpDen 0 read as 1)", b.pow(b.name("ms"), 2, 0, "2"), L("ms").Pow(IntRat(2))},
		{"ms**-1", b.pow(b.name("ms"), -1, 1, "-1"), L("kHz")},
		{"mV*mV*nS**2/(mS*pA)", b.div(b.mul(b.mul(b.name("mV"), b.name("mV")), b.pow(b.name("nS"), 2, 1, "2")), b.paren(b.mul(b.name("mS"), b.name("pA")))),
			L("mV").Mul(L("mV")).Mul(L("nS").Pow(IntRat(2))).Div(L("mS").Mul(L("pA")))},
		{"kg*m/s**2", b.div(b.mul(b.name("kg"), b.name("m")), b.pow(b.name("s"), 2, 1, "2")), L("N")},
		{"millivolt/milliSecond... (long forms)", b.div(b.name("millivolt"), b.name("millisecond")), L("V").Div(L("s"))},
	}
	for _, tt := range tests {
		u, ds := FromExpr(tt.expr)
		if len(ds) != 0 {
			t.Errorf("%s: unexpected diagnostics %v", tt.text, ds)
			continue
		}
		if !u.Equal(tt.want) {
			t.Errorf("%s = %v (%v, %g), want %v", tt.text, u, u.Dim, u.Scale, tt.want)
		}
	}
}

func TestFromExprCancellation(t *testing.T) {
	b := &builder{}
	for _, e := range []*ast.UnitExpr{
		b.div(b.name("ms"), b.name("ms")),
		b.mul(b.inv(1, b.name("s")), b.name("s")),
		b.div(b.name("mV"), b.name("mV")),
		b.div(b.mul(b.name("pA"), b.name("GOhm")), b.name("mV")),
	} {
		u, ds := FromExpr(e)
		if len(ds) != 0 || !u.IsReal() {
			t.Errorf("expression %d: %v, %v; want real", e.Rng.Start.Col, u, ds)
		}
	}
	b2 := &builder{}
	u, _ := FromExpr(b2.div(b2.name("ms"), b2.name("s")))
	if u.IsReal() || !u.IsDimensionless() || u.Scale != 1e-3 {
		t.Errorf("ms/s = %+v, want dimensionless scale 1e-3", u)
	}
	// (1 ns**0.5)**3 has type ns**(3/2), which is not ns.
	b3 := &builder{}
	u, _ = FromExpr(b3.pow(b3.paren(b3.pow(b3.name("ns"), 1, 2, "0.5")), 3, 1, "3"))
	if !u.Equal(L("ns").Pow(NewRat(3, 2))) || u.Compatible(L("ns")) {
		t.Errorf("(ns**0.5)**3 = %v", u)
	}
}

func TestFromExprErrors(t *testing.T) {
	type want struct {
		code diag.Code
		node int    // index into the nodes slice of the case
		hint string // expected hint, "" for none
	}
	tests := []struct {
		text  string
		build func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr)
		want  []want
	}{
		{"mM", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			n := b.name("mM")
			return n, []*ast.UnitExpr{n}
		}, []want{{diag.UnknownUnit, 0, "did you mean mmol/L?"}}},
		{"mv/ms", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			n := b.name("mv")
			return b.div(n, b.name("ms")), []*ast.UnitExpr{n}
		}, []want{{diag.UnknownUnit, 0, "did you mean mV?"}}},
		{"min", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			n := b.name("min")
			return n, []*ast.UnitExpr{n}
		}, []want{{diag.UnknownUnit, 0, "did you mean minute?"}}},
		{"foo*bar (both reported)", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			x, y := b.name("fooo"), b.name("barr")
			return b.mul(x, y), []*ast.UnitExpr{x, y}
		}, []want{{diag.UnknownUnit, 0, ""}, {diag.UnknownUnit, 1, ""}}},
		{"2/s", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			n := b.inv(2, b.name("s"))
			return n, []*ast.UnitExpr{n}
		}, []want{{diag.UnitNumeratorNotOne, 0, ""}}},
		{"2/xyz (numerator and unknown name)", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			x := b.name("xyzw")
			n := b.inv(2, x)
			return n, []*ast.UnitExpr{x, n}
		}, []want{{diag.UnknownUnit, 0, ""}, {diag.UnitNumeratorNotOne, 1, ""}}},
		{"(qqq)**2", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			x := b.name("qqq")
			return b.pow(b.paren(x), 2, 1, "2"), []*ast.UnitExpr{x}
		}, []want{{diag.UnknownUnit, 0, ""}}},
		{"ms**400 (scale underflow)", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			n := b.pow(b.name("ms"), 400, 1, "400")
			return n, []*ast.UnitExpr{n}
		}, []want{{diag.UnitExponentNotRational, 0, ""}}},
		{"(s**huge)**huge (exponent overflow)", func(b *builder) (*ast.UnitExpr, []*ast.UnitExpr) {
			n := b.pow(b.pow(b.name("s"), 1<<40, 1<<41-1, "h"), 1<<40, 1<<41-3, "h")
			return n, []*ast.UnitExpr{n}
		}, []want{{diag.UnitExponentNotRational, 0, ""}}},
	}
	for _, tt := range tests {
		b := &builder{}
		e, nodes := tt.build(b)
		u, ds := FromExpr(e)
		if u.IsValid() {
			t.Errorf("%s: got valid unit %v despite errors", tt.text, u)
		}
		if len(ds) != len(tt.want) {
			t.Errorf("%s: got %d diagnostics %v, want %d", tt.text, len(ds), ds, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			d := ds[i]
			if d.Code != w.code || d.Severity != diag.Error || d.Range != nodes[w.node].Rng || d.Hint != w.hint {
				t.Errorf("%s: diagnostic %d = {%s %s %v %q %q}, want {%s error %v hint %q}",
					tt.text, i, d.Code, d.Severity, d.Range, d.Message, d.Hint, w.code, nodes[w.node].Rng, w.hint)
			}
		}
	}
}

func TestFromExprNil(t *testing.T) {
	u, ds := FromExpr(nil)
	if u.IsValid() || len(ds) != 0 {
		t.Errorf("FromExpr(nil) = %v, %v", u, ds)
	}
}
