package syntax

import (
	"fmt"
	"strings"
	"testing"

	"nestml_go/gocore/ast"
)

// sexpr renders an expression with explicit structure: binary and unary
// operations in parentheses, Paren nodes as [x], literal units in braces.
func sexpr(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Binary:
		return "(" + sexpr(e.L) + " " + e.Op + " " + sexpr(e.R) + ")"
	case *ast.Unary:
		return "(" + e.Op + " " + sexpr(e.X) + ")"
	case *ast.Ternary:
		return "(" + sexpr(e.Cond) + " ? " + sexpr(e.Then) + " : " + sexpr(e.Else) + ")"
	case *ast.Paren:
		return "[" + sexpr(e.X) + "]"
	case *ast.NumberLit:
		if e.Unit != nil {
			return e.Text + "{" + sunit(e.Unit) + "}"
		}
		return e.Text
	case *ast.Variable:
		s := e.Name
		if e.Index != nil {
			s += "[" + sexpr(e.Index) + "]"
		}
		return s + strings.Repeat("'", e.Order)
	case *ast.Call:
		var args []string
		for _, a := range e.Args {
			args = append(args, sexpr(a))
		}
		return e.Name.Name + "(" + strings.Join(args, ", ") + ")"
	case *ast.BoolLit:
		return e.Text
	case *ast.StringLit:
		return `"` + e.Value + `"`
	case *ast.InfLit:
		return "inf"
	}
	return fmt.Sprintf("?%T", e)
}

// sunit renders a unit expression with explicit structure.
func sunit(u *ast.UnitExpr) string {
	switch u.Op {
	case ast.UnitName:
		return u.Name
	case ast.UnitMul:
		return "(" + sunit(u.L) + "*" + sunit(u.R) + ")"
	case ast.UnitDiv:
		return "(" + sunit(u.L) + "/" + sunit(u.R) + ")"
	case ast.UnitPow:
		return fmt.Sprintf("(%s^%d/%d)", sunit(u.L), u.ExpNum, u.ExpDen)
	case ast.UnitParen:
		return "[" + sunit(u.L) + "]"
	case ast.UnitInv:
		return fmt.Sprintf("(%d/%s)", u.Num, sunit(u.R))
	}
	return "?"
}

func mustExpr(t *testing.T, src string) ast.Expr {
	t.Helper()
	e, ds := ParseExpr(src)
	if ds.HasErrors() || e == nil {
		t.Fatalf("ParseExpr(%q): %v", src, ds)
	}
	return e
}

// TestPrecedence covers the examples of language.md §4.11 and §4.12.
func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		// §4.11 table and notes
		{"2**3**2", "(2 ** (3 ** 2))"},
		{"-x**2", "(- (x ** 2))"},
		{"-a / b", "((- a) / b)"},
		{"a % b * c", "((a % b) * c)"},
		{"a // b * c", "((a // b) * c)"},
		{"a - b + c", "((a - b) + c)"},
		{"a + b * c", "(a + (b * c))"},
		{"a or b and c", "((a or b) and c)"},
		{"a and b or c", "((a and b) or c)"},
		{"a & b << c | d", "(((a & b) << c) | d)"},
		{"a ^ b >> c", "((a ^ b) >> c)"},
		{"a | b == c", "((a | b) == c)"},
		{"a + b & c", "((a + b) & c)"},
		{"a < b < c", "((a < b) < c)"},
		{"a <> b", "(a <> b)"},
		{"2**-1", "(2 ** (- 1))"},
		{"-a ** -b ** c", "(- (a ** (- (b ** c))))"},
		{"not a == b", "(not (a == b))"},
		{"not a and b", "((not a) and b)"},
		{"a * not b == c", "(a * (not (b == c)))"},
		{"~a + b", "((~ a) + b)"},
		{"+a * b", "((+ a) * b)"},
		{"a + b ? c : d", "((a + b) ? c : d)"},
		{"a ? b : c + d", "(a ? b : (c + d))"},
		{"a ? b ? c : d : e", "(a ? (b ? c : d) : e)"},
		{"a ? b : c ? d : e", "((a ? b : c) ? d : e)"},
		{"a ? b : (c ? d : e)", "(a ? b : [(c ? d : e)])"},
		{"a or b ? c : d", "((a or b) ? c : d)"},
		{"(a + b) * c", "([(a + b)] * c)"},
		{"((a))", "[[a]]"},
		{"x[i + 1]' * f(a, g(b))", "(x[(i + 1)]' * f(a, g(b)))"},
		{"x[y[1] ]", "x[y[1]]"},
		{`"s" + inf + true`, `(("s" + inf) + true)`},
		{"a < -b", "(a < (- b))"},
		// §4.12 numeric literals followed by a unit
		{"10 mV - 5", "(10{mV} - 5)"},
		{"V_m / 1 mV + 55", "((V_m / 1{mV}) + 55)"},
		{"1 mV * 2", "(1{mV} * 2)"},
		{"1 ms**-1", "1{(ms^-1/1)}"},
		{"-0.1 V/ms", "(- 0.1{(V/ms)})"},
		{"10 mV/ms", "10{(mV/ms)}"},
		{"42 ns**0.5", "42{(ns^1/2)}"},
		{"10 pA / g_scale", "(10{pA} / g_scale)"},
		{"2 pA * w ** 2", "(2{pA} * (w ** 2))"},
		{"3 mV / ms", "3{(mV/ms)}"},
		{"3 ms * tau", "(3{ms} * tau)"},
		{"1 mV * 2 / ms", "((1{mV} * 2) / ms)"},
		{"1 mV * x ** y", "(1{mV} * (x ** y))"},
		{"1 mV * (ms)", "1{(mV*[ms])}"},
		{"1 mV * (ms * (s**2))", "1{(mV*[(ms*[(s^2/1)])])}"},
		{"1 mV * (x + 1)", "(1{mV} * [(x + 1)])"},
		{"1 mV * (ms * x)", "(1{mV} * [(ms * x)])"},
		{"2.5 tau", "2.5{tau}"},
		{"16.7nS", "16.7{nS}"},
		{"1.5 s**-1 * 2", "(1.5{(s^-1/1)} * 2)"},
		{"5 (mV/ms)**2", "5{([(mV/ms)]^2/1)}"},
		{"(1 mV) ** 2", "([1{mV}] ** 2)"},
		{"1 mV ** x", "(1{mV} ** x)"},
		{"-1e3 * ms/s", "(((- 1e3) * ms) / s)"},
		{"1 ns**-(1/2)", "1{(ns^-1/2)}"},
		{"1 ns**(2/4)", "1{(ns^1/2)}"},
		{"1 ns**-0.25", "1{(ns^-1/4)}"},
		{"1 ns**+2", "1{(ns^2/1)}"},
		{"1 ns**1.5e0", "1{(ns^3/2)}"},
	}
	for _, tt := range tests {
		e := mustExpr(t, tt.src)
		if got := sexpr(e); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.src, got, tt.want)
		}
		// Printing preserves the structure.
		e2 := mustExpr(t, PrintExpr(e))
		if d := diffIgnoringRanges(e, e2); d != "" {
			t.Errorf("%s: PrintExpr %q does not round-trip: %s", tt.src, PrintExpr(e), d)
		}
	}
}

// TestUnitTypes checks the structure of unit types in declarations (§4.4).
func TestUnitTypes(t *testing.T) {
	tests := []struct{ typ, want, exp string }{
		{"mV/ms*pA", "((mV/ms)*pA)", ""},
		{"1/ms*mV", "(1/(ms*mV))", ""},
		{"mV*mV*nS**2/(mS*pA)", "(((mV*mV)*(nS^2/1))/[(mS*pA)])", ""},
		{"ns**-(1/2)", "(ns^-1/2)", "-(1/2)"},
		{"ns**(1/2)", "(ns^1/2)", "(1/2)"},
		{"ns**0.5", "(ns^1/2)", "0.5"},
		{"ns**-0.25", "(ns^-1/4)", "-0.25"},
		{"(mV/ms)**2", "([(mV/ms)]^2/1)", "2"},
		{"2/s", "(2/s)", ""},
		{"mV * 1/ms * s", "(mV*(1/(ms*s)))", ""},
		{"ms ** - 1", "(ms^-1/1)", "-1"},
	}
	for _, tt := range tests {
		src := "model m:\n    state:\n        x " + tt.typ + " = 1\n"
		f, ds := Parse("t.nestml", []byte(src))
		if ds.HasErrors() {
			t.Errorf("%s: %v", tt.typ, ds)
			continue
		}
		u := f.Models[0].Blocks(ast.StateBlock)[0].Decls[0].Type.Unit
		if got := sunit(u); got != tt.want {
			t.Errorf("%s: got %s want %s", tt.typ, got, tt.want)
		}
		if tt.exp != "" {
			top := u
			for top.Op != ast.UnitPow {
				top = top.L
			}
			if top.ExpText != tt.exp {
				t.Errorf("%s: ExpText %q want %q", tt.typ, top.ExpText, tt.exp)
			}
		}
	}
	// (1/2)/s is a syntax error: only an integer may stand in a numerator.
	if _, ds := Parse("t.nestml", []byte("model m:\n    state:\n        x (1/2)/s = 1\n")); !ds.HasErrors() {
		t.Errorf("(1/2)/s accepted")
	}
}

// TestLiterals checks the fields of literal nodes.
func TestLiterals(t *testing.T) {
	n := mustExpr(t, "007").(*ast.NumberLit)
	if n.IsFloat || n.Int != 7 || n.Value != 7 || n.Text != "007" {
		t.Errorf("007: %+v", n)
	}
	for _, s := range []string{"1.5", ".5", "5.", "1e3", "1E-3", ".5e2", "2.5e+1", "5.e3"} {
		n := mustExpr(t, s).(*ast.NumberLit)
		var want float64
		fmt.Sscan(s, &want)
		if !n.IsFloat || n.Text != s || n.Value != want {
			t.Errorf("%s: %+v (want %v)", s, n, want)
		}
	}
	n = mustExpr(t, "9223372036854775807").(*ast.NumberLit)
	if n.Int != 9223372036854775807 {
		t.Errorf("max int64: %+v", n)
	}
	_, ds := ParseExpr("9223372036854775808")
	if len(ds) != 1 || ds[0].Code != "INTEGER_LITERAL_OVERFLOW" || ds[0].Range.Start.Col != 0 || ds[0].Range.End.Col != 19 {
		t.Errorf("overflow: %v", ds)
	}
	b := mustExpr(t, "True").(*ast.BoolLit)
	if !b.Value || b.Text != "True" {
		t.Errorf("True: %+v", b)
	}
	b = mustExpr(t, "false").(*ast.BoolLit)
	if b.Value || b.Text != "false" {
		t.Errorf("false: %+v", b)
	}
	s := mustExpr(t, `"a \"b\" {x}\n"`).(*ast.StringLit)
	if s.Value != `a \"b\" {x}\n` {
		t.Errorf("string: %q", s.Value)
	}
	if _, ok := mustExpr(t, "inf").(*ast.InfLit); !ok {
		t.Errorf("inf")
	}
}
