package syntax

import (
	"fmt"
	"strings"

	"nestml_go/gocore/ast"
)

// Print renders a file as canonical NESTML 9.0 text: four spaces per
// indentation level, one blank line between blocks and between models, the
// documentation comment of each model above its header. Other comments are
// not reproduced. Parsing the output gives a tree equal to f up to source
// ranges.
func Print(f *ast.File) string {
	var p printer
	for i, m := range f.Models {
		if i > 0 {
			p.nl()
		}
		p.model(m)
	}
	return p.String()
}

// PrintExpr renders an expression as NESTML text.
func PrintExpr(e ast.Expr) string {
	var p printer
	p.expr(e)
	return p.String()
}

// PrintUnit renders a unit type expression as NESTML text.
func PrintUnit(u *ast.UnitExpr) string {
	var p printer
	p.unit(u)
	return p.String()
}

type printer struct {
	strings.Builder
	indent int
}

func (p *printer) nl() { p.WriteByte('\n') }

func (p *printer) line(format string, args ...any) {
	p.WriteString(strings.Repeat("    ", p.indent))
	fmt.Fprintf(p, format, args...)
}

func (p *printer) model(m *ast.Model) {
	if m.Doc != "" {
		for _, l := range strings.Split(m.Doc, "\n") {
			if l == "" {
				p.WriteString("#\n")
			} else {
				p.WriteString("# " + l + "\n")
			}
		}
	}
	p.line("model %s:\n", identName(m.Name))
	p.indent++
	for i, d := range m.Body {
		if i > 0 {
			p.nl()
		}
		p.decl(d)
	}
	p.indent--
}

func identName(id *ast.Ident) string {
	if id == nil {
		return "_"
	}
	return id.Name
}

func (p *printer) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.VarBlock:
		p.line("%s:\n", d.Kind)
		p.indent++
		for _, x := range d.Decls {
			p.line("")
			p.declaration(x)
			p.nl()
		}
		p.indent--
	case *ast.EquationsBlock:
		p.line("equations:\n")
		p.indent++
		for _, e := range d.Elems {
			p.equation(e)
		}
		p.indent--
	case *ast.InputBlock:
		p.line("input:\n")
		p.indent++
		for _, port := range d.Ports {
			p.line("%s", identName(port.Name))
			if port.Size != nil {
				p.WriteString("[")
				p.index(port.Size)
				p.WriteString("]")
			}
			if port.Continuous {
				p.WriteString(" ")
				p.dataType(port.Type)
				p.WriteString(" <- continuous\n")
			} else {
				p.WriteString(" <-")
				for _, q := range port.Qualifiers {
					p.WriteString(" " + q)
				}
				p.WriteString(" spike\n")
			}
		}
		p.indent--
	case *ast.OutputBlock:
		p.line("output:\n")
		p.indent++
		p.line("%s\n", d.Kind)
		p.indent--
	case *ast.UpdateBlock:
		p.line("update:\n")
		p.block(d.Body)
	case *ast.FunctionDecl:
		p.line("function %s(", identName(d.Name))
		for i, par := range d.Params {
			if i > 0 {
				p.WriteString(", ")
			}
			p.WriteString(identName(par.Name) + " ")
			p.dataType(par.Type)
		}
		p.WriteString(")")
		if d.Result != nil {
			p.WriteString(" ")
			p.dataType(d.Result)
		}
		p.WriteString(":\n")
		p.block(d.Body)
	case *ast.OnReceive:
		p.line("onReceive(%s", identName(d.Port))
		p.consts(d.Consts)
		p.WriteString("):\n")
		p.block(d.Body)
	case *ast.OnCondition:
		p.line("onCondition(")
		p.expr(d.Cond)
		p.consts(d.Consts)
		p.WriteString("):\n")
		p.block(d.Body)
	}
}

func (p *printer) consts(cs []*ast.ConstParam) {
	for _, c := range cs {
		p.WriteString(", " + identName(c.Name) + "=")
		p.expr(c.Value)
	}
}

func (p *printer) equation(e ast.Node) {
	switch e := e.(type) {
	case *ast.InlineExpr:
		p.line("")
		if e.Recordable {
			p.WriteString("recordable ")
		}
		p.WriteString("inline " + identName(e.Name) + " ")
		p.dataType(e.Type)
		p.WriteString(" = ")
		p.expr(e.Value)
		p.decorators(e.Decorators)
		p.nl()
	case *ast.OdeEquation:
		p.line("")
		p.variable(e.Lhs)
		p.WriteString(" = ")
		p.expr(e.Rhs)
		p.decorators(e.Decorators)
		p.nl()
	case *ast.Kernel:
		p.line("kernel ")
		for i := range e.Lhs {
			if i > 0 {
				// KERNEL_JOINING: the comma must end the line.
				p.WriteString(",\n")
				p.line("       ")
			}
			p.variable(e.Lhs[i])
			p.WriteString(" = ")
			if i < len(e.Rhs) {
				p.expr(e.Rhs[i])
			}
		}
		p.nl()
	}
}

func (p *printer) declaration(d *ast.Declaration) {
	if d.Recordable {
		p.WriteString("recordable ")
	}
	if d.Inline {
		p.WriteString("inline ")
	}
	for i, v := range d.Vars {
		if i > 0 {
			p.WriteString(", ")
		}
		p.variable(v)
	}
	p.WriteString(" ")
	p.dataType(d.Type)
	if d.Init != nil {
		p.WriteString(" = ")
		p.expr(d.Init)
	}
	if d.Guard != nil {
		p.WriteString(" [[ ")
		p.expr(d.Guard)
		p.WriteString(" ]]")
	}
	p.decorators(d.Decorators)
}

func (p *printer) decorators(ds []*ast.Decorator) {
	for _, d := range ds {
		if d.Namespace == "" {
			p.WriteString(" @" + d.Name)
		} else {
			p.WriteString(" @" + d.Namespace + "::" + d.Name)
		}
	}
}

func (p *printer) dataType(t *ast.DataType) {
	switch {
	case t == nil:
		p.WriteString("real")
	case t.Unit != nil:
		p.unit(t.Unit)
	default:
		p.WriteString(t.Primitive)
	}
}

func (p *printer) unit(u *ast.UnitExpr) {
	if u == nil {
		return
	}
	switch u.Op {
	case ast.UnitName:
		p.WriteString(u.Name)
	case ast.UnitMul, ast.UnitDiv:
		p.unit(u.L)
		if u.Op == ast.UnitMul {
			p.WriteString(" * ")
		} else {
			p.WriteString(" / ")
		}
		p.unit(u.R)
	case ast.UnitPow:
		p.unit(u.L)
		p.WriteString("**")
		p.WriteString(expText(u))
	case ast.UnitParen:
		p.WriteString("(")
		p.unit(u.L)
		p.WriteString(")")
	case ast.UnitInv:
		fmt.Fprintf(p, "%d / ", u.Num)
		p.unit(u.R)
	}
}

// expText is the exponent as written, or derived from the rational.
func expText(u *ast.UnitExpr) string {
	if u.ExpText != "" {
		return u.ExpText
	}
	switch {
	case u.ExpDen == 1 || u.ExpDen == 0:
		return fmt.Sprint(u.ExpNum)
	case u.ExpNum < 0:
		return fmt.Sprintf("-(%d/%d)", -u.ExpNum, u.ExpDen)
	}
	return fmt.Sprintf("(%d/%d)", u.ExpNum, u.ExpDen)
}

func (p *printer) block(b *ast.Block) {
	p.indent++
	if b != nil {
		for _, s := range b.Stmts {
			p.stmt(s)
		}
	}
	p.indent--
}

func (p *printer) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Assign:
		p.line("")
		p.variable(s.Lhs)
		p.WriteString(" " + s.Op + " ")
		p.expr(s.Rhs)
		p.nl()
	case *ast.CallStmt:
		p.line("")
		p.expr(s.Call)
		p.nl()
	case *ast.DeclStmt:
		p.line("")
		p.declaration(s.Decl)
		p.nl()
	case *ast.Return:
		p.line("return")
		if s.Value != nil {
			p.WriteString(" ")
			p.expr(s.Value)
		}
		p.nl()
	case *ast.If:
		p.line("if ")
		p.expr(s.Cond)
		p.WriteString(":\n")
		p.block(s.Then)
		for _, e := range s.Elifs {
			p.line("elif ")
			p.expr(e.Cond)
			p.WriteString(":\n")
			p.block(e.Body)
		}
		if s.Else != nil {
			p.line("else:\n")
			p.block(s.Else)
		}
	case *ast.For:
		p.line("for %s in ", identName(s.Var))
		p.expr(s.From)
		p.WriteString(" ... ")
		p.expr(s.To)
		p.WriteString(" step ")
		if s.Step != nil {
			p.WriteString(s.Step.Text)
		} else {
			p.WriteString("1")
		}
		p.WriteString(":\n")
		p.block(s.Body)
	case *ast.While:
		p.line("while ")
		p.expr(s.Cond)
		p.WriteString(":\n")
		p.block(s.Body)
	}
}

func (p *printer) variable(v *ast.Variable) {
	p.WriteString(v.Name)
	if v.Index != nil {
		p.WriteString("[")
		p.index(v.Index)
		p.WriteString("]")
	}
	p.WriteString(strings.Repeat("'", v.Order))
}

// index prints a vector index or size; a trailing ']' is separated so that
// the closing brackets do not lex as ']]' (language.md §3.10).
func (p *printer) index(e ast.Expr) {
	s := PrintExpr(e)
	if strings.HasSuffix(s, "]") {
		s += " "
	}
	p.WriteString(s)
}

func (p *printer) expr(e ast.Expr) {
	switch e := e.(type) {
	case nil:
		p.WriteString("0")
	case *ast.NumberLit:
		p.WriteString(e.Text)
		if e.Unit != nil {
			p.WriteString(" ")
			p.unit(e.Unit)
		}
	case *ast.BoolLit:
		if e.Text != "" {
			p.WriteString(e.Text)
		} else {
			fmt.Fprint(p, e.Value)
		}
	case *ast.StringLit:
		p.WriteString(`"` + e.Value + `"`)
	case *ast.InfLit:
		p.WriteString("inf")
	case *ast.Variable:
		p.variable(e)
	case *ast.Call:
		p.WriteString(identName(e.Name) + "(")
		for i, a := range e.Args {
			if i > 0 {
				p.WriteString(", ")
			}
			p.expr(a)
		}
		p.WriteString(")")
	case *ast.Unary:
		if e.Op == "not" {
			p.WriteString("not ")
		} else {
			p.WriteString(e.Op)
		}
		p.expr(e.X)
	case *ast.Binary:
		p.expr(e.L)
		p.WriteString(" " + e.Op + " ")
		p.expr(e.R)
	case *ast.Ternary:
		p.expr(e.Cond)
		p.WriteString(" ? ")
		p.expr(e.Then)
		p.WriteString(" : ")
		p.expr(e.Else)
	case *ast.Paren:
		p.WriteString("(")
		p.expr(e.X)
		p.WriteString(")")
	}
}
