package ast

import "reflect"

// Inspect traverses the tree rooted at n in source order (pre-order): it
// calls f(n) and, if f returns true, inspects each non-nil child of n.
// Unlike go/ast.Inspect it does not call f(nil) after the children.
//
// A File's models and comments are visited interleaved by position.
func Inspect(n Node, f func(Node) bool) {
	if isNil(n) || !f(n) {
		return
	}
	visit := func(c Node) { Inspect(c, f) }
	switch n := n.(type) {
	case *File:
		i, j := 0, 0
		for i < len(n.Models) || j < len(n.Comments) {
			if j >= len(n.Comments) || (i < len(n.Models) && !n.Comments[j].Rng.Start.Before(n.Models[i].Rng.Start)) {
				visit(n.Models[i])
				i++
			} else {
				visit(n.Comments[j])
				j++
			}
		}
	case *Comment, *Ident, *Decorator, *OutputBlock, *BoolLit, *StringLit, *InfLit:
		// leaves
	case *Model:
		visit(n.Name)
		for _, d := range n.Body {
			visit(d)
		}
	case *VarBlock:
		for _, d := range n.Decls {
			visit(d)
		}
	case *EquationsBlock:
		for _, e := range n.Elems {
			visit(e)
		}
	case *InputBlock:
		for _, p := range n.Ports {
			visit(p)
		}
	case *UpdateBlock:
		visit(n.Body)
	case *FunctionDecl:
		visit(n.Name)
		for _, p := range n.Params {
			visit(p)
		}
		visit(n.Result)
		visit(n.Body)
	case *Param:
		visit(n.Name)
		visit(n.Type)
	case *OnReceive:
		visit(n.Port)
		for _, c := range n.Consts {
			visit(c)
		}
		visit(n.Body)
	case *OnCondition:
		visit(n.Cond)
		for _, c := range n.Consts {
			visit(c)
		}
		visit(n.Body)
	case *ConstParam:
		visit(n.Name)
		visit(n.Value)
	case *Declaration:
		for _, v := range n.Vars {
			visit(v)
		}
		visit(n.Type)
		visit(n.Init)
		visit(n.Guard)
		for _, d := range n.Decorators {
			visit(d)
		}
	case *InlineExpr:
		visit(n.Name)
		visit(n.Type)
		visit(n.Value)
		for _, d := range n.Decorators {
			visit(d)
		}
	case *OdeEquation:
		visit(n.Lhs)
		visit(n.Rhs)
		for _, d := range n.Decorators {
			visit(d)
		}
	case *Kernel:
		for i := 0; i < len(n.Lhs) || i < len(n.Rhs); i++ {
			if i < len(n.Lhs) {
				visit(n.Lhs[i])
			}
			if i < len(n.Rhs) {
				visit(n.Rhs[i])
			}
		}
	case *InputPort:
		visit(n.Name)
		visit(n.Size)
		visit(n.Type)
	case *DataType:
		visit(n.Unit)
	case *UnitExpr:
		visit(n.L)
		visit(n.R)
	case *Block:
		for _, s := range n.Stmts {
			visit(s)
		}
	case *Assign:
		visit(n.Lhs)
		visit(n.Rhs)
	case *CallStmt:
		visit(n.Call)
	case *DeclStmt:
		visit(n.Decl)
	case *Return:
		visit(n.Value)
	case *If:
		visit(n.Cond)
		visit(n.Then)
		for _, e := range n.Elifs {
			visit(e)
		}
		visit(n.Else)
	case *ElifClause:
		visit(n.Cond)
		visit(n.Body)
	case *For:
		visit(n.Var)
		visit(n.From)
		visit(n.To)
		visit(n.Step)
		visit(n.Body)
	case *While:
		visit(n.Cond)
		visit(n.Body)
	case *Variable:
		visit(n.Index)
	case *NumberLit:
		visit(n.Unit)
	case *Call:
		visit(n.Name)
		for _, a := range n.Args {
			visit(a)
		}
	case *Unary:
		visit(n.X)
	case *Binary:
		visit(n.L)
		visit(n.R)
	case *Ternary:
		visit(n.Cond)
		visit(n.Then)
		visit(n.Else)
	case *Paren:
		visit(n.X)
	}
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
