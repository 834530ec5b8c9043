// Package ir is the target-neutral lowered form of a checked and analysed
// NESTML model: its variables in internal units, its analytic (propagator)
// blocks and numeric ODE systems, and the per-step program in the fixed NEST
// step order. Every backend (the Go engine, the NEST C++ generator, the Loihi
// generator) executes exactly this program, which is what makes them agree.
//
// All values in the IR are plain float64 numbers in the internal unit system
// of language.md §7.2 (ms, pA, mV, pF, nS, …): unit conversion factors have
// been folded into the expressions during lowering.
package ir

// Model is one lowered neuron model.
type Model struct {
	Name       string
	SourceFile string
	SourceHash string // hex SHA-256 of the source text

	Params    []*Var // parameters, in declaration order
	State     []*Var // state variables (ODE states first in declaration order, then the others)
	Internals []*Var // internals in declaration order; Init evaluated after Params

	SpikePorts []*Port
	ContPorts  []*Port

	// Analytic holds the exactly solved linear blocks (propagators).
	Analytic []*AnalyticBlock
	// Numeric is the system integrated numerically, or nil. When it exists
	// it covers every ODE state, analytic ones included (numerics.md §3.5).
	Numeric *NumericSystem

	// ConvStates are the states created for convolutions of kernels with
	// spike ports (K__X__p and its derivatives), indices into State. They
	// are advanced by their propagators in every step, whatever the
	// integrate_odes calls (nest_target.md §4.5 steps 3 and 6), never by
	// IntegrateODEs.
	ConvStates []int
	// SpikeJumps are applied in step 7: State[Var] += W_port · Coef.
	SpikeJumps []*Jump
	// DeltaJumps (delta kernels and spike ports read in ODEs) are applied at
	// the end of an IntegrateODEs call that integrates Var:
	// State[Var] += W_port · Coef.
	DeltaJumps []*Jump

	// Update, OnReceive, OnCondition are the statement lists of the model's
	// blocks. Per step, a backend runs (nest_target.md §4.5):
	//   1. latch spike inputs into the spike ports' step values
	//   3. propagate the convolution states into temporaries (old state)
	//   4. Update
	//   5. OnReceive handlers whose port received input this step (in order)
	//   6. assign the convolution temporaries
	//   7. SpikeJumps
	//   8. OnCondition handlers in order (condition true → body)
	//   9. latch continuous inputs for the next step
	//  10. record
	Update      []Stmt
	OnReceive   []*OnReceive
	OnCondition []*OnCondition

	EmitsSpikes bool
	// IsSynapse marks a synapse model (language.md §16.1). A synapse's
	// program is event driven (§16.4): Update advances the state over the
	// interval since the previous event (KStep reads that interval), then
	// the handler of the port that received the event runs; EmitSpike
	// carries the transmitted weight. Which variable is the connection
	// weight (weight_variable) and which ports are postsynaptic
	// (neuron_synapse_pairs) are backend options, looked up by name.
	IsSynapse bool
	// Recordables are the names a multimeter may record: every state variable.
	Recordables []string

	// Vectors groups the elements of the vector variables and vector ports
	// (language.md §8.4, §11.1), in declaration order. Every element is an
	// ordinary scalar Var or Port of its own, named "x[0]" … "x[N-1]".
	Vectors []*Vector
}

// Vector is a vector variable or vector port of constant size. Its elements
// are the Size consecutive entries from First on in the slice of Kind
// (Params, State, Internals, SpikePorts or ContPorts), named "Name[k]".
//
// A size given by a parameter or internal (SizeParam) is bound to that
// variable's default value at lowering; backends refuse to change it later.
type Vector struct {
	Name        string
	Kind        VarKind
	First, Size int
	SizeParam   string
}

// VectorOf returns the vector that entry index of kind belongs to, or nil
// for a scalar.
func (m *Model) VectorOf(kind VarKind, index int) *Vector {
	for _, v := range m.Vectors {
		if v.Kind == kind && index >= v.First && index < v.First+v.Size {
			return v
		}
	}
	return nil
}

// VarKind says where a variable lives.
type VarKind int

const (
	KParam VarKind = iota
	KState
	KInternal
	KSpikePort // value: the summed weights W of this step's spikes (lowering scales by 1e-3 where the 1/s type applies)
	KContPort  // value: the continuous input latched at the end of the previous step
	KLocal     // a local variable of a statement block
	KTime      // the predefined t: time at the end of the current step, ms
	KStep      // the step size h, ms (resolution() and timestep())
	KODE       // component Index of the numeric state vector (right-hand sides only)
)

// Type is the value type of a variable or expression.
type Type int

const (
	Real Type = iota
	Integer
	Boolean
	String
)

// Var is a parameter, state variable, internal or local.
type Var struct {
	Name  string
	Kind  VarKind
	Index int // position in its kind's slice
	Type  Type
	// Unit is the declared unit (for documentation and status dictionaries);
	// Factor converts a value in that unit to the internal unit
	// (internal = declared × Factor). 1 for plain numbers.
	Unit   string
	Factor float64
	// Init is the default value (parameters), initial value (state) or
	// defining expression (internals), in internal units. May be nil (0).
	Init Expr
	// Guard is a parameter invariant ([[...]]), or nil.
	Guard     Expr
	GuardText string
	// HasODE marks state variables that are integrated by integrate_odes.
	HasODE bool
}

// Port is an input port.
type Port struct {
	Name  string
	Index int
	// Qualifier is "" (all spikes, signed weights), "excitatory" (weights ≥ 0)
	// or "inhibitory" (weights < 0, sign flipped). Spike ports only.
	Qualifier string
	Unit      string // continuous ports: declared unit
}

// AnalyticBlock is one connected linear block x' = A·x + b0 + Σ_k B[:,k]·u_k
// of analytic state variables (numerics.md §5). Backends compute
// P = exp(A·h) and Γ·[b0|B] numerically once parameters are bound.
type AnalyticBlock struct {
	Vars []int    // indices into Model.State, in block order
	A    [][]Expr // n×n coefficients, nil entries are zero; free of state
	B0   []Expr   // n constant affine terms (binding-time constants), nil = 0
	// Channels are the per-step input expressions u_k (continuous inputs,
	// runtime-assigned state, t); BCols[k][r] is the coefficient of u_k in
	// row r (nil = 0).
	Channels []Expr
	BCols    [][]Expr
}

// Jump adds W_port · Coef to State[Var], where W_port is the summed weight
// of the spikes that arrived at spike port Port in this step.
type Jump struct {
	Port int
	Var  int
	Coef Expr
}

// NumericSystem is integrated with an adaptive RKF45 (or the method named)
// inside each step (numerics.md §6).
type NumericSystem struct {
	// Vars are the state indices of the components of the numeric state
	// vector, in order.
	Vars []int
	// Rhs[i] is the full right-hand side of component i; it reads the
	// components through Ref{Kind: KODE, Index: j}. An IntegrateODEs call
	// evaluates the full right-hand side for its listed variables and for
	// the convolution states, and 0 for every other component.
	Rhs []Expr
	// Method is "rk45" (default), "rk4" or "forward-Euler".
	Method string
	// Controller is "with_respect_to_solution" (default) or
	// "with_respect_to_derivative".
	Controller string
	// AbsTol and RelTol index the parameters gsl_abs_error_tol and
	// gsl_rel_error_tol in Model.Params.
	AbsTol, RelTol int
	// MaxSubsteps bounds the sub-steps per step (NUMERIC_STALL beyond).
	MaxSubsteps int
}

// Stmt is a statement of the per-step program.
type Stmt interface{ isStmt() }

// Assign stores Value into Target (a state variable or local). Op is one of
// "=", "+=", "-=", "*=", "/=".
type Assign struct {
	Target *Ref
	Op     string
	Value  Expr
}

// Declare introduces a local variable with an initial value (nil = 0).
type Declare struct {
	Var  *Var
	Init Expr
}

// If runs Then when Cond is true, else Else (which may hold a nested If for elif).
type If struct {
	Cond Expr
	Then []Stmt
	Else []Stmt
}

// While loops while Cond is true.
type While struct {
	Cond Expr
	Body []Stmt
}

// For runs Body for Var = From, From+Step, … while (Step > 0 ? Var <= To : Var >= To).
// Lower does not produce it: a NESTML for loop is half-open (language.md
// §14.5) and is lowered to an assignment and a While.
type For struct {
	Var      *Ref
	From, To Expr
	Step     float64
	Body     []Stmt
}

// IntegrateODEs advances the listed state variables (indices into
// Model.State) over one step; unlisted variables keep their values
// (numerics.md §5.4, partial integrate_odes). Backends run, in order
// (numerics.md §6.6): the analytic update of the listed analytic variables
// into temporaries (from the state at the call); if Model.Numeric exists,
// the numeric loop over its vector with this call's right-hand-side
// selection, saving and restoring the convolution states around it; the
// commit of the temporaries; then the DeltaJumps whose Var is listed.
type IntegrateODEs struct {
	Vars []int
}

// EmitSpike emits a spike at the end of the current step. In a synapse it
// transmits the presynaptic spike with weight Weight (nil: weight 1,
// language.md §16.3); in a neuron Weight is always nil (NEST ignores it).
type EmitSpike struct {
	Weight Expr
}

// Print writes a message (Newline for println); Args are the values of the
// {name} placeholders in Format, in order.
type Print struct {
	Format  string
	Names   []string
	Args    []Expr
	Newline bool
}

func (*Assign) isStmt()        {}
func (*Declare) isStmt()       {}
func (*If) isStmt()            {}
func (*While) isStmt()         {}
func (*For) isStmt()           {}
func (*IntegrateODEs) isStmt() {}
func (*EmitSpike) isStmt()     {}
func (*Print) isStmt()         {}

// OnReceive is a spike-port handler. For a vector port, Port is the port's
// first element and Size its number of elements: the handler runs once in a
// step in which any of them received a spike (language.md §4.8).
type OnReceive struct {
	Port     int // index into Model.SpikePorts
	Size     int // number of ports handled from Port on: the vector size; 0 or 1 for a scalar port
	Priority int
	Body     []Stmt
}

// OnCondition is a condition handler.
type OnCondition struct {
	Cond Expr
	Body []Stmt
}

// Expr is an expression over float64 values (booleans are 0/1, integers are
// exact in float64 up to 2^53).
type Expr interface{ isExpr() }

// Const is a number.
type Const struct{ Value float64 }

// Ref reads a variable.
//
// With Idx set, the Ref is a vector element with a run-time index: Index is
// the First entry of a Vector of Model.Vectors, Name the vector's name, and
// the element read or written is Index + int(Idx). An index outside
// [0, Size) is a run-time error of the backend. Elements with a constant
// index are plain Refs to the element's entry.
type Ref struct {
	Kind  VarKind
	Index int
	Name  string // for printing only
	Idx   Expr
}

// Unary is "-", "not", "~".
type Unary struct {
	Op string
	X  Expr
}

// Binary is one of "+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=",
// "==", "!=", "and", "or", "&", "|", "^", "<<", ">>". Arithmetic is
// floating point except where Int is set (integer semantics for "//", "%",
// bit operators).
type Binary struct {
	Op   string
	L, R Expr
	Int  bool
}

// Cond is `C ? Then : Else`.
type Cond struct {
	C, Then, Else Expr
}

// Call applies a predefined mathematical function: exp, expm1, ln, log10,
// sqrt, sin, cos, tan, sinh, cosh, tanh, erf, erfc, abs, ceil, floor, round,
// min, max, clip, pow.
type Call struct {
	Fn   string
	Args []Expr
}

func (*Const) isExpr()  {}
func (*Ref) isExpr()    {}
func (*Unary) isExpr()  {}
func (*Binary) isExpr() {}
func (*Cond) isExpr()   {}
func (*Call) isExpr()   {}
