package ast

import (
	"fmt"
	"strings"
	"testing"
)

func rng(l1, c1, l2, c2 int) Range { return Range{Start: Pos{l1, c1}, End: Pos{l2, c2}} }

func TestInspectOrderAndPruning(t *testing.T) {
	// model m:                         line 2
	//     state:
	//         x mV = -1 mV [[x > 0]] @homogeneous
	//     update:
	//         if f(x):
	//             x += (2)
	x := func() *Variable { return &Variable{Name: "x"} }
	decl := &Declaration{
		Vars:       []*Variable{x()},
		Type:       &DataType{Unit: &UnitExpr{Op: UnitName, Name: "mV"}},
		Init:       &Unary{Op: "-", X: &NumberLit{Text: "1", Unit: &UnitExpr{Op: UnitName, Name: "mV"}}},
		Guard:      &Binary{Op: ">", L: x(), R: &NumberLit{Text: "0"}},
		Decorators: []*Decorator{{Name: "homogeneous"}},
	}
	ifs := &If{
		Cond: &Call{Name: &Ident{Name: "f"}, Args: []Expr{x()}},
		Then: &Block{Stmts: []Stmt{&Assign{Lhs: x(), Op: "+=", Rhs: &Paren{X: &NumberLit{Text: "2"}}}}},
	}
	m := &Model{Name: &Ident{Name: "m"}, Rng: rng(2, 0, 7, 20), Body: []Decl{
		&VarBlock{Kind: StateBlock, Decls: []*Declaration{decl}},
		&UpdateBlock{Body: &Block{Stmts: []Stmt{ifs}}},
	}}
	f := &File{Models: []*Model{m}, Comments: []*Comment{{Text: "# doc", Rng: rng(1, 0, 1, 5)}, {Text: "# end", Rng: rng(8, 0, 8, 5)}}}

	var got []string
	Inspect(f, func(n Node) bool {
		s := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
		switch n := n.(type) {
		case *Variable:
			s += ":" + n.Name
		case *Comment:
			s += ":" + n.Text
		case *UnitExpr:
			s += ":" + n.Name
		}
		got = append(got, s)
		return true
	})
	want := "File Comment:# doc Model Ident VarBlock Declaration Variable:x DataType UnitExpr:mV Unary NumberLit UnitExpr:mV " +
		"Binary Variable:x NumberLit Decorator UpdateBlock Block If Call Ident Variable:x Block Assign Variable:x Paren NumberLit Comment:# end"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("order:\n got %s\nwant %s", g, want)
	}

	// Pruning: do not descend into declarations.
	var n int
	Inspect(f, func(nd Node) bool {
		n++
		_, isDecl := nd.(*Declaration)
		return !isDecl
	})
	if n != len(got)-10 {
		t.Errorf("pruned walk visited %d nodes, want %d", n, len(got)-10)
	}

	// Nil and typed-nil roots are ignored.
	Inspect(nil, func(Node) bool { t.Error("called for nil"); return true })
	var e *Binary
	Inspect(e, func(Node) bool { t.Error("called for typed nil"); return true })
}
