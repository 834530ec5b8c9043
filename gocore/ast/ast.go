// Package ast declares the syntax tree of NESTML source files.
//
// The tree is produced by package syntax and read by every later stage. It
// carries no analysis results: the checker records types, units and symbols in
// side tables (check.Info) keyed by node pointers. Every node has a source
// range; lines are 1-based, columns 0-based (as upstream NESTML reports them).
package ast

import "fmt"

// Pos is a position in a source file: Line is 1-based, Col 0-based (in bytes).
type Pos struct {
	Line, Col int
}

// IsValid reports whether p denotes a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Before reports whether p comes strictly before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

// Range is a half-open source range [Start, End).
type Range struct {
	Start, End Pos
}

// Node is implemented by every syntax tree node.
type Node interface {
	Span() Range
}

// File is one parsed .nestml file.
type File struct {
	Path   string
	Models []*Model
	// Comments holds every comment of the file in source order (for the
	// printer and for model documentation).
	Comments []*Comment
	Rng      Range
}

func (f *File) Span() Range { return f.Rng }

// Comment is one `#` comment.
type Comment struct {
	Text string // including the leading '#'
	Rng  Range
}

func (c *Comment) Span() Range { return c.Rng }

// Model is `model NAME:` with its body. The body elements are kept in source
// order in Body; the typed slices below index the same nodes by kind.
type Model struct {
	Name    *Ident
	Doc     string // the comment block directly above the model header, without '#'
	Body    []Decl // all blocks in source order
	Rng     Range
	NameRng Range
}

func (m *Model) Span() Range { return m.Rng }

// Blocks returns the variable blocks of the given kind in source order.
func (m *Model) Blocks(kind BlockKind) []*VarBlock {
	var out []*VarBlock
	for _, d := range m.Body {
		if b, ok := d.(*VarBlock); ok && b.Kind == kind {
			out = append(out, b)
		}
	}
	return out
}

// Decl is a model body element: *VarBlock, *EquationsBlock, *InputBlock,
// *OutputBlock, *UpdateBlock, *FunctionDecl, *OnReceive, *OnCondition.
type Decl interface {
	Node
	declNode()
}

// BlockKind distinguishes the three variable blocks.
type BlockKind int

const (
	StateBlock BlockKind = iota
	ParametersBlock
	InternalsBlock
)

func (k BlockKind) String() string {
	switch k {
	case StateBlock:
		return "state"
	case ParametersBlock:
		return "parameters"
	case InternalsBlock:
		return "internals"
	}
	return "?"
}

// VarBlock is a `state:`, `parameters:` or `internals:` block.
type VarBlock struct {
	Kind  BlockKind
	Decls []*Declaration
	Rng   Range
}

// EquationsBlock is `equations:` with inline expressions, ODEs and kernels in
// source order (each element is *InlineExpr, *OdeEquation or *Kernel).
type EquationsBlock struct {
	Elems []Node
	Rng   Range
}

// InputBlock is `input:`.
type InputBlock struct {
	Ports []*InputPort
	Rng   Range
}

// OutputBlock is `output:`; Kind is "spike" or "continuous".
type OutputBlock struct {
	Kind string
	Rng  Range
}

// UpdateBlock is `update:`.
type UpdateBlock struct {
	Body *Block
	Rng  Range
}

// FunctionDecl is `function NAME(params) [type]:`.
type FunctionDecl struct {
	Name   *Ident
	Params []*Param
	Result *DataType // nil for void
	Body   *Block
	Rng    Range
}

// Param is one function parameter `NAME type`.
type Param struct {
	Name *Ident
	Type *DataType
	Rng  Range
}

func (p *Param) Span() Range { return p.Rng }

// OnReceive is `onReceive(PORT, k=v…):`.
type OnReceive struct {
	Port   *Ident
	Consts []*ConstParam
	Body   *Block
	Rng    Range
}

// OnCondition is `onCondition(EXPR, k=v…):`.
type OnCondition struct {
	Cond   Expr
	Consts []*ConstParam
	Body   *Block
	Rng    Range
}

// ConstParam is `name=literal` in an event handler header.
type ConstParam struct {
	Name  *Ident
	Value Expr // a literal: *NumberLit, *BoolLit, *StringLit or *InfLit
	Rng   Range
}

func (c *ConstParam) Span() Range { return c.Rng }

func (b *VarBlock) Span() Range       { return b.Rng }
func (b *EquationsBlock) Span() Range { return b.Rng }
func (b *InputBlock) Span() Range     { return b.Rng }
func (b *OutputBlock) Span() Range    { return b.Rng }
func (b *UpdateBlock) Span() Range    { return b.Rng }
func (f *FunctionDecl) Span() Range   { return f.Rng }
func (o *OnReceive) Span() Range      { return o.Rng }
func (o *OnCondition) Span() Range    { return o.Rng }

func (*VarBlock) declNode()       {}
func (*EquationsBlock) declNode() {}
func (*InputBlock) declNode()     {}
func (*OutputBlock) declNode()    {}
func (*UpdateBlock) declNode()    {}
func (*FunctionDecl) declNode()   {}
func (*OnReceive) declNode()      {}
func (*OnCondition) declNode()    {}

// Declaration declares one or more variables of one type, in a variable
// block or as a local statement:
//
//	[recordable] [inline] v1, v2 type [= init] [[guard]] @decorators
type Declaration struct {
	Recordable bool
	Inline     bool
	Vars       []*Variable
	Type       *DataType
	Init       Expr // nil if absent
	Guard      Expr // nil if absent
	Decorators []*Decorator
	Rng        Range
}

func (d *Declaration) Span() Range { return d.Rng }

// Decorator is `@homogeneous`, `@heterogeneous` or `@ns::name`.
type Decorator struct {
	Namespace, Name string // Namespace empty for the two built-in ones
	Rng             Range
}

func (d *Decorator) Span() Range { return d.Rng }

// InlineExpr is `[recordable] inline NAME type = expr` in `equations:`.
type InlineExpr struct {
	Recordable bool
	Name       *Ident
	Type       *DataType
	Value      Expr
	Decorators []*Decorator
	Rng        Range
}

func (e *InlineExpr) Span() Range { return e.Rng }

// OdeEquation is `x' = rhs` (the left-hand side carries one or more primes).
type OdeEquation struct {
	Lhs        *Variable
	Rhs        Expr
	Decorators []*Decorator
	Rng        Range
}

func (e *OdeEquation) Span() Range { return e.Rng }

// Kernel is `kernel K = expr` or `kernel K' = …, K = …` (several coupled
// equations joined by a comma at line end).
type Kernel struct {
	Lhs []*Variable
	Rhs []Expr
	Rng Range
}

func (k *Kernel) Span() Range { return k.Rng }

// InputPort is a spike port (`NAME [size] <- [qualifiers] spike`) or a
// continuous port (`NAME [size] type <- continuous`).
type InputPort struct {
	Name       *Ident
	Size       Expr // vector size, nil if scalar
	Continuous bool
	Type       *DataType // continuous ports only
	Qualifiers []string  // "inhibitory", "excitatory" in source order
	Rng        Range
}

func (p *InputPort) Span() Range { return p.Rng }

// DataType is a primitive type or a unit type.
type DataType struct {
	Primitive string    // "integer", "real", "string", "boolean", "void"; empty for a unit type
	Unit      *UnitExpr // non-nil for a unit type
	Rng       Range
}

func (t *DataType) Span() Range { return t.Rng }

// UnitOp is the shape of a UnitExpr node.
type UnitOp int

const (
	UnitName  UnitOp = iota // Name
	UnitMul                 // L * R
	UnitDiv                 // L / R
	UnitPow                 // L ** Exp
	UnitParen               // ( L )
	UnitInv                 // Num / R (Num an integer literal, normally 1)
)

// UnitExpr is a unit type expression such as `mV/ms`, `1/s`, `(nS*mV)**2`.
type UnitExpr struct {
	Op     UnitOp
	Name   string    // UnitName
	L, R   *UnitExpr // operands
	Num    int64     // UnitInv numerator
	ExpNum int64     // UnitPow: exponent as a rational ExpNum/ExpDen
	ExpDen int64
	// ExpText is the exponent as written (e.g. "-1", "0.5", "(1/2)").
	ExpText string
	Rng     Range
}

func (u *UnitExpr) Span() Range { return u.Rng }

// Block is a statement list.
type Block struct {
	Stmts []Stmt
	Rng   Range
}

func (b *Block) Span() Range { return b.Rng }

// Stmt is a statement: *Assign, *CallStmt, *DeclStmt, *Return, *If, *For, *While.
type Stmt interface {
	Node
	stmtNode()
}

// Assign is `v = e`, `v += e`, … Op is "=", "+=", "-=", "*=", "/=" or "//=".
type Assign struct {
	Lhs *Variable
	Op  string
	Rhs Expr
	Rng Range
}

// CallStmt is a function call used as a statement.
type CallStmt struct {
	Call *Call
	Rng  Range
}

// DeclStmt is a local declaration.
type DeclStmt struct {
	Decl *Declaration
	Rng  Range
}

// Return is `return [e]`.
type Return struct {
	Value Expr // nil if absent
	Rng   Range
}

// If is `if c: … elif c: … else: …`.
type If struct {
	Cond  Expr
	Then  *Block
	Elifs []*ElifClause
	Else  *Block // nil if absent
	Rng   Range
}

// ElifClause is one `elif c:` branch.
type ElifClause struct {
	Cond Expr
	Body *Block
	Rng  Range
}

func (e *ElifClause) Span() Range { return e.Rng }

// For is `for v in from ... to step [-]s:`.
type For struct {
	Var      *Ident
	From, To Expr
	Step     *NumberLit // the step literal, sign folded into Value
	Body     *Block
	Rng      Range
}

// While is `while c:`.
type While struct {
	Cond Expr
	Body *Block
	Rng  Range
}

func (s *Assign) Span() Range   { return s.Rng }
func (s *CallStmt) Span() Range { return s.Rng }
func (s *DeclStmt) Span() Range { return s.Rng }
func (s *Return) Span() Range   { return s.Rng }
func (s *If) Span() Range       { return s.Rng }
func (s *For) Span() Range      { return s.Rng }
func (s *While) Span() Range    { return s.Rng }

func (*Assign) stmtNode()   {}
func (*CallStmt) stmtNode() {}
func (*DeclStmt) stmtNode() {}
func (*Return) stmtNode()   {}
func (*If) stmtNode()       {}
func (*For) stmtNode()      {}
func (*While) stmtNode()    {}

// Expr is an expression: *NumberLit, *BoolLit, *StringLit, *InfLit,
// *Variable, *Call, *Unary, *Binary, *Ternary, *Paren.
type Expr interface {
	Node
	exprNode()
}

// Ident is a plain name with its range.
type Ident struct {
	Name string
	Rng  Range
}

func (i *Ident) Span() Range { return i.Rng }

// Variable is a name with optional vector index and derivative order:
// `x`, `x[i]`, `g”`.
type Variable struct {
	Name  string
	Index Expr // nil if not indexed
	Order int  // number of primes
	Rng   Range
}

// FullName is the name with its primes, e.g. "g”".
func (v *Variable) FullName() string {
	s := v.Name
	for i := 0; i < v.Order; i++ {
		s += "'"
	}
	return s
}

// NumberLit is an integer or float literal, optionally followed by a unit:
// `10`, `1.5e3`, `-70 mV` (the sign is a Unary node), `5 ms**-1`.
type NumberLit struct {
	Text    string // the literal as written, without the unit
	IsFloat bool
	Int     int64   // valid when !IsFloat (and no overflow)
	Value   float64 // the value as float64 in either case
	Unit    *UnitExpr
	Rng     Range
}

// BoolLit is `true`/`True`/`false`/`False`.
type BoolLit struct {
	Value bool
	Text  string
	Rng   Range
}

// StringLit is a double-quoted string; Value has the quotes removed and
// escapes left as written.
type StringLit struct {
	Value string
	Rng   Range
}

// InfLit is `inf`.
type InfLit struct {
	Rng Range
}

// Call is `name(args…)`.
type Call struct {
	Name *Ident
	Args []Expr
	Rng  Range
}

// Unary is a prefix operator: "+", "-", "~", "not".
type Unary struct {
	Op  string
	X   Expr
	Rng Range
}

// Binary is a binary operator: "**", "*", "/", "//", "%", "+", "-", "&",
// "^", "|", "<<", ">>", "<", "<=", "==", "!=", "<>", ">=", ">", "and", "or".
type Binary struct {
	Op    string
	L, R  Expr
	OpRng Range
	Rng   Range
}

// Ternary is `c ? a : b`.
type Ternary struct {
	Cond, Then, Else Expr
	Rng              Range
}

// Paren is `( x )`, kept so that the printer and checks such as
// MIXED_AND_OR_WITHOUT_PARENTHESES see what the author wrote.
type Paren struct {
	X   Expr
	Rng Range
}

func (e *NumberLit) Span() Range { return e.Rng }
func (e *BoolLit) Span() Range   { return e.Rng }
func (e *StringLit) Span() Range { return e.Rng }
func (e *InfLit) Span() Range    { return e.Rng }
func (e *Variable) Span() Range  { return e.Rng }
func (e *Call) Span() Range      { return e.Rng }
func (e *Unary) Span() Range     { return e.Rng }
func (e *Binary) Span() Range    { return e.Rng }
func (e *Ternary) Span() Range   { return e.Rng }
func (e *Paren) Span() Range     { return e.Rng }

func (*NumberLit) exprNode() {}
func (*BoolLit) exprNode()   {}
func (*StringLit) exprNode() {}
func (*InfLit) exprNode()    {}
func (*Variable) exprNode()  {}
func (*Call) exprNode()      {}
func (*Unary) exprNode()     {}
func (*Binary) exprNode()    {}
func (*Ternary) exprNode()   {}
func (*Paren) exprNode()     {}

// Unparen strips any number of enclosing parentheses.
func Unparen(e Expr) Expr {
	for {
		p, ok := e.(*Paren)
		if !ok {
			return e
		}
		e = p.X
	}
}
