package nest

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
)

func TestFmtDoubleRoundTrips(t *testing.T) {
	for _, v := range []float64{0, 1, -70, 250, 0.1, 1e-3, 1e-300, 5e-324, 1.7976931348623157e308,
		0.95122942450071401, -0.69651163755823625, 1.0 / 3, 123456789012345678, math.Pi} {
		s := fmtDouble(v)
		if !strings.ContainsAny(s, ".e") {
			t.Errorf("fmtDouble(%v) = %q is not a double literal", v, s)
		}
		lit := strings.Trim(s, "() ")
		got, err := strconv.ParseFloat(lit, 64)
		if err != nil || got != v {
			t.Errorf("fmtDouble(%v) = %q does not round-trip (%v, %v)", v, s, got, err)
		}
	}
	if s := fmtDouble(math.Inf(1)); !strings.Contains(s, "infinity()") {
		t.Errorf("+inf printed as %q", s)
	}
	if s := fmtDouble(math.NaN()); !strings.Contains(s, "quiet_NaN()") {
		t.Errorf("NaN printed as %q", s)
	}
	if s := fmtDouble(math.Copysign(0, -1)); s != "( -0.0 )" {
		t.Errorf("-0 printed as %q", s)
	}
}

func TestExprPrinter(t *testing.T) {
	m := &ir.Model{
		Params: []*ir.Var{
			{Name: "a", Kind: ir.KParam, Index: 0, Type: ir.Real},
			{Name: "n", Kind: ir.KParam, Index: 1, Type: ir.Integer},
			{Name: "flag", Kind: ir.KParam, Index: 2, Type: ir.Boolean},
			{Name: "class", Kind: ir.KParam, Index: 3, Type: ir.Real},
		},
		State: []*ir.Var{
			{Name: "V", Kind: ir.KState, Index: 0, Type: ir.Real, HasODE: true},
			{Name: "k", Kind: ir.KState, Index: 1, Type: ir.Integer},
		},
		Internals:  []*ir.Var{{Name: "c", Kind: ir.KInternal, Index: 0, Type: ir.Real}},
		SpikePorts: []*ir.Port{{Name: "in", Index: 0}},
		ContPorts:  []*ir.Port{{Name: "I", Index: 0}},
	}
	a := &ir.Ref{Kind: ir.KParam, Index: 0, Name: "a"}
	n := &ir.Ref{Kind: ir.KParam, Index: 1, Name: "n"}
	flag := &ir.Ref{Kind: ir.KParam, Index: 2, Name: "flag"}
	cls := &ir.Ref{Kind: ir.KParam, Index: 3, Name: "class"}
	V := &ir.Ref{Kind: ir.KState, Index: 0, Name: "V"}
	k := &ir.Ref{Kind: ir.KState, Index: 1, Name: "k"}
	c := &ir.Ref{Kind: ir.KInternal, Index: 0, Name: "c"}
	p := newPrinter(m)
	p.inUpdate = true
	cases := []struct {
		e    ir.Expr
		want string
		typ  ctype
	}{
		{bin("+", a, cst(2)), "( P_.a + 2.0 )", tDouble},
		{bin("/", n, k), "( static_cast< double >( P_.n ) / static_cast< double >( S_.k ) )", tDouble},
		{bin("*", n, k), "( P_.n * S_.k )", tLong},
		{&ir.Binary{Op: "//", L: n, R: k, Int: true}, "( P_.n / S_.k )", tLong},
		{&ir.Binary{Op: "//", L: a, R: c}, "std::trunc( P_.a / V_.c )", tDouble},
		{&ir.Binary{Op: "%", L: n, R: k, Int: true}, "( P_.n % S_.k )", tLong},
		{&ir.Binary{Op: "%", L: a, R: c}, "std::fmod( P_.a, V_.c )", tDouble},
		{bin("**", V, cst(2)), "std::pow( S_.ode_state[ State_::V ], 2.0 )", tDouble},
		{bin("<=", V, cst(-55)), "( S_.ode_state[ State_::V ] <= ( -55.0 ) )", tBool},
		{bin("and", flag, bin("!=", a, c)), "( P_.flag and ( P_.a != V_.c ) )", tBool},
		{bin("or", a, flag), "( ( P_.a != 0 ) or P_.flag )", tBool},
		{&ir.Unary{Op: "not", X: flag}, "( not P_.flag )", tBool},
		{&ir.Unary{Op: "-", X: cls}, "( -P_.class_ )", tDouble},
		{&ir.Unary{Op: "~", X: k}, "( ~S_.k )", tLong},
		{&ir.Binary{Op: "<<", L: k, R: cst(2), Int: true}, "( S_.k << static_cast< long >( 2.0 ) )", tLong},
		{&ir.Cond{C: flag, Then: a, Else: n}, "( P_.flag ? P_.a : static_cast< double >( P_.n ) )", tDouble},
		{&ir.Call{Fn: "ln", Args: []ir.Expr{a}}, "std::log( P_.a )", tDouble},
		{&ir.Call{Fn: "abs", Args: []ir.Expr{k}}, "std::labs( S_.k )", tLong},
		{&ir.Call{Fn: "max", Args: []ir.Expr{a, k}}, "std::max( P_.a, static_cast< double >( S_.k ) )", tDouble},
		{&ir.Call{Fn: "clip", Args: []ir.Expr{a, cst(0), cst(1)}}, "std::min( std::max( P_.a, 0.0 ), 1.0 )", tDouble},
		{&ir.Ref{Kind: ir.KSpikePort, Index: 0, Name: "in"}, "B_.spike_inputs_grid_sum_[ 0 ]", tDouble},
		{&ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I"}, "B_.continuous_inputs_grid_sum_[ 0 ]", tDouble},
		{&ir.Ref{Kind: ir.KTime, Name: "t"}, "__t", tDouble},
		{&ir.Ref{Kind: ir.KStep, Name: "resolution"}, "V_.__h", tDouble},
	}
	for _, tc := range cases {
		got, typ, err := p.expr(tc.e)
		if err != nil {
			t.Errorf("%s: %v", tc.want, err)
			continue
		}
		if got != tc.want || typ != tc.typ {
			t.Errorf("got %s (%v), want %s (%v)", got, typ, tc.want, tc.typ)
		}
	}

	// Errors.
	p.inUpdate = false
	for _, e := range []ir.Expr{
		&ir.Ref{Kind: ir.KSpikePort, Index: 0, Name: "in"},
		&ir.Ref{Kind: ir.KTime, Name: "t"},
		&ir.Ref{Kind: ir.KParam, Index: 9, Name: "nope"},
		&ir.Ref{Kind: ir.KLocal, Name: "undeclared"},
		bin("@", a, a),
		&ir.Call{Fn: "random_normal", Args: []ir.Expr{a}},
		&ir.Call{Fn: "exp", Args: []ir.Expr{a, a}},
	} {
		if s, _, err := p.expr(e); err == nil {
			t.Errorf("%#v printed as %s without error", e, s)
		}
	}
}

func TestStatementPrinter(t *testing.T) {
	m := iafPscExpIR()
	p := newPrinter(m)
	p.inUpdate = true
	c := &code{}
	local := &ir.Var{Name: "x", Kind: ir.KLocal, Type: ir.Real}
	lref := &ir.Ref{Kind: ir.KLocal, Name: "x"}
	err := p.stmts(c, []ir.Stmt{
		&ir.Declare{Var: local, Init: cst(1)},
		&ir.Assign{Target: lref, Op: "*=", Value: cst(3)},
		&ir.Print{Format: "V_m = {V_m} mV", Names: []string{"V_m"}, Args: []ir.Expr{&ir.Ref{Kind: ir.KState, Index: 2, Name: "V_m"}}, Newline: true},
		&ir.IntegrateODEs{Vars: []int{3}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := c.String()
	for _, w := range []string{
		"[[maybe_unused]] double x = 1.0;",
		"x *= 3.0;",
		`std::cout << "V_m = " << S_.ode_state[ State_::V_m ] << " mV" << std::endl;`,
		"const double __tmp_refr_t = V_.__P_1[ 0 ] * S_.ode_state[ State_::refr_t ] + V_.__Q_1[ 0 ];",
		"S_.ode_state[ State_::refr_t ] = __tmp_refr_t;",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	// Assigning to a parameter, integrating a variable outside every
	// analytic block and emitting a spike outside update() are errors.
	bad := [][]ir.Stmt{
		{&ir.Assign{Target: &ir.Ref{Kind: ir.KParam, Index: 0, Name: "C_m"}, Op: "=", Value: cst(1)}},
		{&ir.Assign{Target: &ir.Ref{Kind: ir.KState, Index: 0, Name: "I_syn_exc"}, Op: "?=", Value: cst(1)}},
		{&ir.Print{Format: "{a} {b}", Names: []string{"a", "b"}, Args: []ir.Expr{cst(1)}}},
		{&ir.Print{Format: "{a} {b}", Names: []string{"b", "a"}, Args: []ir.Expr{cst(1), cst(2)}}},
	}
	m2 := iafPscExpIR()
	m2.Analytic = m2.Analytic[:1] // refr_t no longer analytic
	for _, list := range bad {
		if err := newPrinter(m).stmts(&code{}, list); err == nil {
			t.Errorf("%#v: no error", list[0])
		}
	}
	p2 := newPrinter(m2)
	p2.inUpdate = true
	if err := p2.stmts(&code{}, []ir.Stmt{&ir.IntegrateODEs{Vars: []int{3}}}); err == nil || !strings.Contains(err.Error(), "numeric system") {
		t.Errorf("integrating a non-analytic variable: err = %v", err)
	}
	if err := newPrinter(m).stmts(&code{}, []ir.Stmt{&ir.EmitSpike{}}); err == nil {
		t.Errorf("emit_spike outside update: no error")
	}
}

func TestReceptorAssignment(t *testing.T) {
	mk := func(quals ...string) *ir.Model {
		m := &ir.Model{}
		for i, q := range quals {
			m.SpikePorts = append(m.SpikePorts, &ir.Port{Name: "p" + strconv.Itoa(i), Index: i, Qualifier: q})
		}
		return m
	}
	for _, tc := range []struct {
		quals []string
		want  string // per receptor: plain/exc/inh buffer indices
		multi bool
	}{
		{[]string{"excitatory", "inhibitory"}, "[-1 0 1]", false},
		{[]string{"inhibitory", "excitatory"}, "[-1 1 0]", false},
		{[]string{""}, "[0 -1 -1]", false},
		{[]string{"", ""}, "[0 -1 -1][1 -1 -1]", true},
		{[]string{"excitatory", "", "inhibitory"}, "[-1 0 2][1 -1 -1]", true},
		{[]string{"excitatory", "excitatory", "inhibitory"}, "[-1 0 2][-1 1 -1]", true},
	} {
		d := &neuronData{}
		if err := assignReceptors(mk(tc.quals...), d); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, r := range d.Receptors {
			got += "[" + strconv.Itoa(r.Plain) + " " + strconv.Itoa(r.Exc) + " " + strconv.Itoa(r.Inh) + "]"
		}
		if got != tc.want || d.MultiReceptor != tc.multi {
			t.Errorf("%v: receptors %s multi %v, want %s %v", tc.quals, got, d.MultiReceptor, tc.want, tc.multi)
		}
	}
}
