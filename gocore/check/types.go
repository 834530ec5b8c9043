package check

import (
	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// Kind is the kind of a NESTML type.
type Kind int

const (
	Invalid Kind = iota // no derivable type (an error was reported)
	Real
	Integer
	Boolean
	String
	Void
	Quantity // a physical unit type; see Type.Unit
)

// Type is the static type of an expression or variable.
type Type struct {
	Kind Kind
	Unit units.Unit // Quantity only
}

var (
	tInvalid = Type{Kind: Invalid}
	tReal    = Type{Kind: Real}
	tInt     = Type{Kind: Integer}
	tBool    = Type{Kind: Boolean}
	tString  = Type{Kind: String}
	tVoid    = Type{Kind: Void}
)

// QuantityOf returns the type of u, collapsing a dimensionless unit of scale
// 1 to real (language.md §7.2).
func QuantityOf(u units.Unit) Type {
	if u.IsReal() {
		return tReal
	}
	return Type{Kind: Quantity, Unit: u}
}

// IsNumeric reports whether t is integer, real or a quantity.
func (t Type) IsNumeric() bool { return t.Kind == Real || t.Kind == Integer || t.Kind == Quantity }

// IsPlain reports whether t is a plain number (integer or real).
func (t Type) IsPlain() bool { return t.Kind == Real || t.Kind == Integer }

// Valid reports whether t is a derivable type.
func (t Type) Valid() bool { return t.Kind != Invalid }

func (t Type) String() string {
	switch t.Kind {
	case Real:
		return "real"
	case Integer:
		return "integer"
	case Boolean:
		return "boolean"
	case String:
		return "string"
	case Void:
		return "void"
	case Quantity:
		return t.Unit.String()
	}
	return "<invalid>"
}

// Same reports whether a and b are identical types.
func Same(a, b Type) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == Quantity {
		return a.Unit.Equal(b.Unit)
	}
	return true
}

// SymKind says what a symbol denotes.
type SymKind int

const (
	SymParam SymKind = iota
	SymState
	SymInternal
	SymInline
	SymKernel
	SymSpikePort
	SymContPort
	SymFunction
	SymLocal
	SymFuncParam
	SymPredefined // t, e, pi
)

func (k SymKind) String() string {
	return [...]string{"parameter", "state variable", "internal", "inline expression", "kernel",
		"spike input port", "continuous input port", "function", "local variable", "function parameter",
		"predefined variable"}[k]
}

// Symbol is a declared name.
type Symbol struct {
	Name  string
	Kind  SymKind
	Type  Type
	Order int // derivative order for state variables declared with primes (g')
	// Decl is the declaring node: *ast.Declaration, *ast.InlineExpr,
	// *ast.Kernel, *ast.InputPort, *ast.FunctionDecl, *ast.Param, or nil.
	Decl ast.Node
	Var  *ast.Variable // the declared variable inside Decl, when there is one
	Init ast.Expr      // initialiser (declarations) or value (inline expressions)
	Pos  ast.Range
	// VectorSize is non-nil for vector variables and ports.
	VectorSize ast.Expr
	// Port details.
	Qualifiers []string
	// HasODE is set for state variables defined by an ODE.
	HasODE bool
}

// ModelInfo is what the checker learned about one model.
type ModelInfo struct {
	Model *ast.Model
	// Symbols of the model scope in declaration order.
	Symbols []*Symbol
	byName  map[string]*Symbol
	// fnByName holds the user functions (a separate namespace).
	fnByName map[string]*Symbol

	Params, State, Internals []*Symbol
	Inlines, Kernels         []*Symbol
	SpikePorts, ContPorts    []*Symbol
	Functions                []*Symbol
	ODEs                     []*ast.OdeEquation
	Update                   *ast.UpdateBlock
	OnReceive                []*ast.OnReceive
	OnCondition              []*ast.OnCondition
	Output                   *ast.OutputBlock
	IsSynapse                bool
	// Valid is false when an error was reported for this model.
	Valid bool

	input       *ast.InputBlock
	equations   []*ast.EquationsBlock
	kernelDecls []*ast.Kernel
}

// Function returns the user function of a name, or nil.
func (m *ModelInfo) Function(name string) *Symbol { return m.fnByName[name] }

// Lookup returns the model-scope symbol of a name, or nil.
func (m *ModelInfo) Lookup(name string) *Symbol { return m.byName[name] }

// Info holds the checker's side tables for a file.
type Info struct {
	// Types maps every checked expression to its type.
	Types map[ast.Expr]Type
	// Uses maps each variable reference to its symbol. A variable that is a
	// bare unit name (no symbol) is absent and has an entry in BareUnits.
	Uses map[*ast.Variable]*Symbol
	// BareUnits maps a variable reference that names a unit to that unit.
	BareUnits map[*ast.Variable]units.Unit
	// LiteralUnits maps a number literal to the unit of its unit part.
	LiteralUnits map[*ast.NumberLit]units.Unit
	// DeclTypes maps declarations, ports and functions to their declared type.
	DeclTypes map[*ast.DataType]Type
	Models    []*ModelInfo

	// LiteralVars lists, for a number literal whose unit part names
	// declared variables (language.md §4.12: `2 m` with a variable m, or
	// `3 mV * x` where x is both a unit and a variable), the factors that
	// were split off as ordinary operands. The literal's value is then
	// Value × LiteralUnits[lit] × Π factor.Var ** (±factor.Exp). For the
	// single-name case (`2.5 tau`) LiteralUnits has no entry.
	LiteralVars map[*ast.NumberLit][]LiteralFactor
	// Related holds the secondary locations of diagnostics (checks.md §1),
	// keyed by the diagnostic's code and primary start position. The same
	// locations are attached to the diagnostics themselves
	// (diag.Diagnostic.Related); this index is kept for callers that only
	// have a code and a position.
	Related map[DiagKey][]Related
	// Path is the file the checked AST came from (ast.File.Path).
	Path string
}

// LiteralFactor is a variable split off the unit part of a number literal.
type LiteralFactor struct {
	// Var is a synthesised reference to the variable (its range is the
	// name inside the literal); Info.Uses and Info.Types have entries for it.
	Var *ast.Variable
	Sym *Symbol
	// Exp is the exponent of the factor: 1 for `* x`, -1 for `/ x`, -2 for
	// `/ x**2`.
	Exp units.Rat
}

// DiagKey identifies a diagnostic by code and primary start position.
type DiagKey struct {
	Code diag.Code
	Pos  ast.Pos
}

// Related is a secondary location of a diagnostic.
type Related = diag.Related

// RelatedLines returns the lines of the related locations of d.
func (info *Info) RelatedLines(d diag.Diagnostic) []int {
	if info == nil {
		return d.RelatedLines()
	}
	if len(d.Related) > 0 {
		return d.RelatedLines()
	}
	var out []int
	for _, r := range info.Related[DiagKey{d.Code, d.Range.Start}] {
		out = append(out, r.Range.Start.Line)
	}
	return out
}
