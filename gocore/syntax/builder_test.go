package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

func parseFile(t *testing.T, name string) *ast.File {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	f, ds := Parse(name, src)
	if ds.HasErrors() {
		t.Fatalf("%s: %v", name, ds)
	}
	return f
}

func pos(l, c int) ast.Pos { return ast.Pos{Line: l, Col: c} }

// TestBuildConstructs checks the tree built for testdata/constructs.nestml.
func TestBuildConstructs(t *testing.T) {
	f := parseFile(t, "constructs.nestml")
	if len(f.Models) != 1 {
		t.Fatalf("models: %d", len(f.Models))
	}
	m := f.Models[0]
	check := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s", what)
		}
	}

	check("model name", m.Name.Name == "constructs_neuron" && m.NameRng.Start == pos(7, 6) && m.NameRng.End == pos(7, 23))
	check("model doc: "+m.Doc, m.Doc == "Documentation of the model.\nSecond line.")
	check("model range", m.Rng.Start == pos(7, 0) && m.Rng.End == pos(69, 20))
	check("comments", len(f.Comments) == 6 && f.Comments[5].Text == "# trailing comment")
	check("body", len(m.Body) == 11)

	// state
	st := m.Blocks(ast.StateBlock)[0]
	check("state range", st.Rng.Start == pos(8, 4) && st.Rng.End == pos(12, 25))
	d := st.Decls[0]
	check("recordable", d.Recordable && !d.Inline && d.Vars[0].Name == "V_m")
	check("guard", sexpr(d.Guard) == "(V_m > (- 100{mV}))")
	check("init", sexpr(d.Init) == "(- 70{mV})")
	check("declaration range", d.Rng.Start == pos(9, 8) && d.Rng.End == pos(9, 54))
	d = st.Decls[1]
	check("two primed vars", len(d.Vars) == 2 && d.Vars[0].FullName() == "g_ex'" && d.Vars[1].Order == 1 &&
		d.Vars[0].Rng.End == pos(10, 13))
	check("unit type", d.Type.Primitive == "" && sunit(d.Type.Unit) == "(nS/ms)")
	check("vector", sexpr(st.Decls[2].Vars[0].Index) == "N" && st.Decls[2].Type.Primitive == "real")

	// parameters and decorators
	par := m.Blocks(ast.ParametersBlock)[0].Decls
	check("homogeneous", len(par[0].Decorators) == 1 && par[0].Decorators[0].Name == "homogeneous" && par[0].Decorators[0].Namespace == "")
	check("two decorators", len(par[1].Decorators) == 2 && par[1].Decorators[1].Namespace == "nest" && par[1].Decorators[1].Name == "weight")
	check("rate", sunit(par[3].Type.Unit) == "(1/s)" && par[3].Type.Unit.Num == 1 && sexpr(par[3].Init) == "1.5{(s^-1/1)}")
	check("fractional exponent", sunit(par[4].Type.Unit) == "(ns^-1/2)" && sexpr(par[4].Init) == "1{(ns^-1/2)}")

	// equations
	var eq *ast.EquationsBlock
	for _, b := range m.Body {
		if e, ok := b.(*ast.EquationsBlock); ok {
			eq = e
		}
	}
	check("equations", len(eq.Elems) == 5)
	k := eq.Elems[1].(*ast.Kernel)
	check("coupled kernel", len(k.Lhs) == 2 && k.Lhs[0].FullName() == "g'" && sexpr(k.Rhs[1]) == "(1 / ms)" &&
		k.Rng.Start == pos(26, 8) && k.Rng.End == pos(27, 25))
	in := eq.Elems[2].(*ast.InlineExpr)
	check("inline", in.Recordable && in.Name.Name == "I_syn" && sexpr(in.Value) == "(convolve(K, spikes) * pA)" && in.Rng.End == pos(28, 62))
	check("inline decorator", eq.Elems[3].(*ast.InlineExpr).Decorators[0].Namespace == "mechanism")
	ode := eq.Elems[4].(*ast.OdeEquation)
	check("ode", ode.Lhs.Order == 1 && len(ode.Decorators) == 1)

	// input and output
	var ports []*ast.InputPort
	for _, b := range m.Body {
		if e, ok := b.(*ast.InputBlock); ok {
			ports = e.Ports
		}
		if e, ok := b.(*ast.OutputBlock); ok {
			check("output", e.Kind == "spike")
		}
	}
	check("ports", len(ports) == 4)
	check("spike port", !ports[0].Continuous && ports[0].Type == nil && ports[0].Size == nil)
	check("vector spike port", sexpr(ports[1].Size) == "N" && strings.Join(ports[1].Qualifiers, " ") == "inhibitory excitatory")
	check("continuous port", ports[2].Continuous && sunit(ports[2].Type.Unit) == "pA")
	check("vector continuous port", ports[3].Continuous && sexpr(ports[3].Size) == "2")

	// functions
	var fns []*ast.FunctionDecl
	var upd *ast.UpdateBlock
	var onr *ast.OnReceive
	var onc *ast.OnCondition
	for _, b := range m.Body {
		switch b := b.(type) {
		case *ast.FunctionDecl:
			fns = append(fns, b)
		case *ast.UpdateBlock:
			upd = b
		case *ast.OnReceive:
			onr = b
		case *ast.OnCondition:
			onc = b
		}
	}
	f0 := fns[0]
	check("function", f0.Name.Name == "f" && len(f0.Params) == 2 && f0.Params[1].Type.Unit.Name == "mV" && f0.Result.Unit.Name == "mV")
	iff := f0.Body.Stmts[1].(*ast.If)
	check("if/elif/else", len(iff.Elifs) == 1 && iff.Else != nil && sexpr(iff.Elifs[0].Cond) == "(z < (- 1{mV}))")
	check("void function", fns[1].Result == nil && fns[1].Body.Stmts[0].(*ast.Return).Value == nil)

	// update
	s := upd.Body.Stmts
	check("call stmt", s[0].(*ast.CallStmt).Call.Name.Name == "integrate_odes")
	f1 := s[1].(*ast.For)
	check("for", f1.Var.Name == "i" && sexpr(f1.To) == "(N - 1)" && f1.Step.Text == "1" && f1.Step.Int == 1 && !f1.Step.IsFloat)
	check("for body", f1.Body.Stmts[0].(*ast.Assign).Op == "+=")
	f2 := s[2].(*ast.For)
	check("negative step", f2.Step.Text == "-2.5" && f2.Step.Value == -2.5 && f2.Step.IsFloat && f2.Step.Rng.Start == pos(57, 31) && f2.Step.Rng.End == pos(57, 35))
	check("//=", f2.Body.Stmts[0].(*ast.Assign).Op == "//=")
	w := s[3].(*ast.While)
	check("while", sexpr(w.Cond) == "((count < 10) and (not false))" && len(w.Body.Stmts) == 3)
	ds := s[4].(*ast.DeclStmt)
	check("local declaration", ds.Decl.Vars[0].Name == "x" && sexpr(ds.Decl.Init) == "((count > 0) ? 1. : inf)")

	// handlers
	check("onReceive", onr.Port.Name == "spikes" && len(onr.Consts) == 1 && onr.Consts[0].Name.Name == "priority" &&
		onr.Consts[0].Value.(*ast.NumberLit).Int == 1)
	check("onCondition", sexpr(onc.Cond) == "(V_m > (- 50{mV}))" && len(onc.Consts) == 4)
	_, isBool := onc.Consts[0].Value.(*ast.BoolLit)
	_, isStr := onc.Consts[1].Value.(*ast.StringLit)
	_, isInf := onc.Consts[2].Value.(*ast.InfLit)
	check("const kinds", isBool && isStr && isInf && onc.Consts[3].Value.(*ast.NumberLit).IsFloat)

	// binary operator range
	b := onc.Cond.(*ast.Binary)
	check("op range", b.OpRng.Start == pos(68, 20) && b.OpRng.End == pos(68, 21) && b.Rng.Start == pos(68, 16))
}

// TestModelDoc checks which comments become model documentation.
func TestModelDoc(t *testing.T) {
	f := parseFile(t, "two_models.nestml")
	if len(f.Models) != 2 || f.Models[0].Doc != "" || f.Models[1].Doc != "doc of b" {
		t.Errorf("docs: %q", []string{f.Models[0].Doc, f.Models[1].Doc})
	}
}

// TestOldSyntax checks the OLD_SYNTAX hints of language.md §19.
func TestOldSyntax(t *testing.T) {
	src, _ := os.ReadFile("testdata/old_syntax.nestml")
	_, ds := Parse("old_syntax.nestml", src)
	want := map[int]string{1: "model NAME:", 2: "state:", 4: "delete `end`", 7: "kernel", 8: "inline NAME",
		11: "spike ports have no type", 12: "continuous", 17: "step", 18: "convolve", 19: "delete `end`"}
	got := map[int]string{}
	for _, d := range ds {
		if d.Code == diag.OldSyntax {
			got[d.Range.Start.Line] = d.Hint
		}
	}
	for line, hint := range want {
		if !strings.Contains(got[line], hint) {
			t.Errorf("line %d: hint %q, want one containing %q", line, got[line], hint)
		}
	}
	if len(errorsOf(ds, diag.SyntaxError)) == 0 {
		t.Errorf("no syntax error")
	}
	// Output attributes and triple-quoted docstrings.
	_, ds = Parse("x", []byte("model m:\n    output:\n        spike(weight real)\n"))
	if e := errorsOf(ds, diag.OldSyntax); len(e) != 1 || e[0].Range.Start.Line != 3 {
		t.Errorf("output attributes: %v", ds)
	}
	_, ds = Parse("x", []byte("\"\"\"doc\"\"\"\nmodel m:\n    state:\n        x real = 1\n"))
	if e := errorsOf(ds, diag.OldSyntax); len(e) != 1 || e[0].Range.Start != pos(1, 0) {
		t.Errorf("docstring: %v", ds)
	}
	// Valid files never get OLD_SYNTAX, even with old words used as names.
	_, ds = Parse("x", []byte("model m:\n    state:\n        end real = 1\n        shape real = 1\n"))
	if len(ds) != 0 {
		t.Errorf("valid file: %v", ds)
	}
}

// TestRangesNested checks over the corpus that every node has a valid range
// that lies within the range of its parent.
func TestRangesNested(t *testing.T) {
	dir := corpusDir(t)
	files := append(corpusFiles(t, dir), "testdata/constructs.nestml", "testdata/two_models.nestml")
	for _, path := range files {
		src, _ := os.ReadFile(path)
		f, ds := Parse(path, src)
		if ds.HasErrors() {
			continue
		}
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			r := n.Span()
			if !r.Start.IsValid() || r.End.Before(r.Start) {
				t.Errorf("%s: %T has range %v", path, n, r)
			}
			for len(stack) > 0 && !within(r, stack[len(stack)-1].Span()) {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 && n != ast.Node(f) {
				t.Errorf("%s: %T at %v is outside its parent", path, n, r)
			}
			stack = append(stack, n)
			return true
		})
	}
}

func within(r, p ast.Range) bool { return !r.Start.Before(p.Start) && !p.End.Before(r.End) }

func TestRoundTripTestdata(t *testing.T) {
	for _, name := range []string{"constructs.nestml", "two_models.nestml"} {
		src, _ := os.ReadFile(filepath.Join("testdata", name))
		roundTrip(t, name, src)
	}
}
