// The front-end codes below follow the check catalogue (checks.md §4) one to one.

package diag

// Code is a stable diagnostic identifier (UPPER_SNAKE). Codes are never
// reused or renamed; see the check catalogue in the docs.
type Code string

// Front-end codes (checks.md §4).
const (
	// LexicalError (error): a character sequence that matches no token (L§3.11)
	//	Example: x = 1 !
	LexicalError Code = "LEXICAL_ERROR"
	// SyntaxError (error): input not derivable from the grammar
	//	Example: state: x real = 1
	SyntaxError Code = "SYNTAX_ERROR"
	// InconsistentDedent (error): a line dedents to a width that is not on the indentation stack (L§3.5 step 5)
	//	Example: 8-space block followed by a 6-space line
	InconsistentDedent Code = "INCONSISTENT_DEDENT"
	// OldSyntax (error): a construct from an older NESTML version (L§19), recognised after a syntax or semantic error
	//	Example: neuron iaf:
	OldSyntax Code = "OLD_SYNTAX"
	// NoModelInFile (error): the file contains no model
	//	Example: file with only comments
	NoModelInFile Code = "NO_MODEL_IN_FILE"
	// IntegerLiteralOverflow (error): integer literal outside the signed 64-bit range
	//	Example: n integer = 99999999999999999999
	IntegerLiteralOverflow Code = "INTEGER_LITERAL_OVERFLOW"
	// ModelNameDuplicate (error): two models with the same name, in one file or across the files processed together
	//	Example: model a: … model a:
	ModelNameDuplicate Code = "MODEL_NAME_DUPLICATE"
	// BlockDuplicate (error): more than one state, parameters, internals, equations, input, output or update block
	//	Example: second state:
	BlockDuplicate Code = "BLOCK_DUPLICATE"
	// InputBlockMissing (warning): no input block
	//	Example: —
	InputBlockMissing Code = "INPUT_BLOCK_MISSING"
	// OutputBlockMissing (warning): no output block
	//	Example: —
	OutputBlockMissing Code = "OUTPUT_BLOCK_MISSING"
	// InlineOutsideEquations (error): inline flag on a declaration in a variable block or statement
	//	Example: state: / inline x real = 1
	InlineOutsideEquations Code = "INLINE_OUTSIDE_EQUATIONS"
	// VariableNotDefined (error): a name in an expression, an assignment target, or an ODE left side that resolves to no variable, is not a unit name, and is not a delayed-variable call
	//	Example: V_m = V_rest with no V_rest
	VariableNotDefined Code = "VARIABLE_NOT_DEFINED"
	// FunctionNotDefined (error): call of a name that is neither a predefined nor a user function nor a delayed state variable (L§10.7)
	//	Example: x real = foo(1)
	FunctionNotDefined Code = "FUNCTION_NOT_DEFINED"
	// VariableUsedBeforeDeclaration (error): a local used before its declaration in its block; an inline expression referenced at a source position before its declaration (L§6.3)
	//	Example: y real = z / z real = 1 in update
	VariableUsedBeforeDeclaration Code = "VARIABLE_USED_BEFORE_DECLARATION"
	// VariableDefinedRecursively (error): the initialiser of a declaration refers to the declared variable itself (the guard may)
	//	Example: n integer = n + 1
	VariableDefinedRecursively Code = "VARIABLE_DEFINED_RECURSIVELY"
	// InitializerCycle (error): model-level initialisers depend on each other cyclically
	//	Example: p real = q / q real = p
	InitializerCycle Code = "INITIALIZER_CYCLE"
	// VariableRedeclared (error): a name declared twice in one scope (model scope: all variable blocks, ports, inline expressions, kernels; block scope: locals and function parameters; if/loops do not open scopes)
	//	Example: V_m in state and parameters
	VariableRedeclared Code = "VARIABLE_REDECLARED"
	// PredefinedVariableRedeclared (error): declaring t, e or pi
	//	Example: t ms = 0 ms
	PredefinedVariableRedeclared Code = "PREDEFINED_VARIABLE_REDECLARED"
	// FunctionRedeclared (error): two user functions with the same name
	//	Example: two function f(...)
	FunctionRedeclared Code = "FUNCTION_REDECLARED"
	// PredefinedFunctionRedeclared (error): a user function named like a predefined function
	//	Example: function max(a real, b real) real:
	PredefinedFunctionRedeclared Code = "PREDEFINED_FUNCTION_REDECLARED"
	// FunctionNameReserved (error): function named calibrate, handle, connect_sender, check_connection, get_status, set_status, init_state_, init_buffers_
	//	Example: function handle():
	FunctionNameReserved Code = "FUNCTION_NAME_RESERVED"
	// VariableNamedLikeUnit (warning): a declared name (variable, port, inline expression, kernel, function parameter) is also a unit name
	//	Example: m real = 1
	VariableNamedLikeUnit Code = "VARIABLE_NAMED_LIKE_UNIT"
	// DeclarationShadowsModelVariable (warning): a local or function parameter hides a model-level name
	//	Example: w real = 0 in update while w is a state variable
	DeclarationShadowsModelVariable Code = "DECLARATION_SHADOWS_MODEL_VARIABLE"
	// ReservedNamePrefix (warning): a declared name starts with __
	//	Example: __h ms = 1 ms
	ReservedNamePrefix Code = "RESERVED_NAME_PREFIX"
	// StateVariableNotInitialized (error): a state declaration without initialiser
	//	Example: V_m mV in state
	StateVariableNotInitialized Code = "STATE_VARIABLE_NOT_INITIALIZED"
	// MissingInitializer (warning): parameter or internal without initialiser (value 0)
	//	Example: p real in parameters
	MissingInitializer Code = "MISSING_INITIALIZER"
	// VoidVariable (error): a variable or parameter of type void
	//	Example: x void = 1
	VoidVariable Code = "VOID_VARIABLE"
	// VectorSizeNotPositive (error): vector size literal ≤ 0, -n literal, or an integer size variable whose initial value is ≤ 0
	//	Example: x[0] real = 0
	VectorSizeNotPositive Code = "VECTOR_SIZE_NOT_POSITIVE"
	// VectorSizeNotInteger (error): size is a non-integer literal, or a variable not of type integer, or any other expression
	//	Example: x[n] real = 0 with n real
	VectorSizeNotInteger Code = "VECTOR_SIZE_NOT_INTEGER"
	// VectorSizeWrongBlock (error): size variable declared outside parameters/internals
	//	Example: x[s] real = 0 with s a state variable
	VectorSizeWrongBlock Code = "VECTOR_SIZE_WRONG_BLOCK"
	// VectorInScalarDeclaration (error): a vector variable used without index in the initialiser of a scalar declaration
	//	Example: y real = x with vector x
	VectorInScalarDeclaration Code = "VECTOR_IN_SCALAR_DECLARATION"
	// VectorWithoutIndex (error): a vector variable used without index in any other expression (except as a print placeholder)
	//	Example: y = x + 1
	VectorWithoutIndex Code = "VECTOR_WITHOUT_INDEX"
	// VectorIndexNotInteger (error): index expression not of type integer
	//	Example: x[1.5] = 0
	VectorIndexNotInteger Code = "VECTOR_INDEX_NOT_INTEGER"
	// VectorIndexNegative (error): negative literal index
	//	Example: x[-1] = 0
	VectorIndexNegative Code = "VECTOR_INDEX_NEGATIVE"
	// InvariantNotBoolean (error): guard [[…]] not boolean
	//	Example: V mV = 1 mV [[V + V]]
	InvariantNotBoolean Code = "INVARIANT_NOT_BOOLEAN"
	// GuardIgnored (warning): a guard on an internal or a local declaration (never evaluated)
	//	Example: k real = 1 [[k > 0]] in internals
	GuardIgnored Code = "GUARD_IGNORED"
	// InternalDependsOnState (warning): an internal's initialiser reads a state variable
	//	Example: k real = V_m / 1 mV in internals
	InternalDependsOnState Code = "INTERNAL_DEPENDS_ON_STATE"
	// DecoratorNotApplicable (warning): @homogeneous/@heterogeneous on something other than a parameter
	//	Example: x real = 1 @homogeneous in state
	DecoratorNotApplicable Code = "DECORATOR_NOT_APPLICABLE"
	// UnknownDecorator (warning): a namespace decorator other than @mechanism::…
	//	Example: x' = -x / tau @foo::bar
	UnknownDecorator Code = "UNKNOWN_DECORATOR"
	// ObsoleteDecorator (warning): @nest::delay, @nest::weight
	//	Example: d ms = 1 ms @nest::delay
	ObsoleteDecorator Code = "OBSOLETE_DECORATOR"
	// ParameterAssigned (error): assignment (any operator) to a parameter
	//	Example: tau_m = 5 ms in update
	ParameterAssigned Code = "PARAMETER_ASSIGNED"
	// InternalAssigned (error): assignment to an internal
	//	Example: h = 1 ms
	InternalAssigned Code = "INTERNAL_ASSIGNED"
	// InlineAssigned (error): assignment to an inline expression (recordable or not)
	//	Example: I_syn = 0 pA
	InlineAssigned Code = "INLINE_ASSIGNED"
	// InputPortAssigned (error): assignment to an input port
	//	Example: spikes = 0
	InputPortAssigned Code = "INPUT_PORT_ASSIGNED"
	// KernelAssigned (error): assignment to a kernel that is not also a state variable
	//	Example: K = 0
	KernelAssigned Code = "KERNEL_ASSIGNED"
	// PredefinedVariableAssigned (error): assignment to t, e or pi
	//	Example: t = 0 ms
	PredefinedVariableAssigned Code = "PREDEFINED_VARIABLE_ASSIGNED"
	// AssignmentToUnit (error): the target is not a declared variable but is a unit name
	//	Example: V = 1000 mV without a variable V
	AssignmentToUnit Code = "ASSIGNMENT_TO_UNIT"
	// AssignmentTypeMismatch (error): value not assignable to the target type (L§7.6), in a declaration initialiser, inline definition, =, +=, -=, or the product/quotient type of *=, /=
	//	Example: x mV = 1 ms; g nS = 0.; V *= 2 mV
	AssignmentTypeMismatch Code = "ASSIGNMENT_TYPE_MISMATCH"
	// NarrowingConversion (warning): real value stored into integer (truncation)
	//	Example: n integer = 2.5
	NarrowingConversion Code = "NARROWING_CONVERSION"
	// UnitStripped (info): quantity stored into real or passed to a real parameter (canonical value used)
	//	Example: x real = 1 mV; exp(V_m)
	UnitStripped Code = "UNIT_STRIPPED"
	// BooleanNumberConversion (warning): boolean ↔ real conversion
	//	Example: x real = true
	BooleanNumberConversion Code = "BOOLEAN_NUMBER_CONVERSION"
	// ImplicitMagnitudeConversion (info): compatible units with a conversion factor other than 1 (L§7.7)
	//	Example: x mV = 1 V
	ImplicitMagnitudeConversion Code = "IMPLICIT_MAGNITUDE_CONVERSION"
	// UnknownUnit (error): a name in a data type or in a literal's unit part that is not in the unit vocabulary and (in a literal) not a declared variable
	//	Example: x mM = 1 mM
	UnknownUnit Code = "UNKNOWN_UNIT"
	// UnitNumeratorNotOne (error): numerator other than 1 in a unit type
	//	Example: r 2/s = 1 s**-1
	UnitNumeratorNotOne Code = "UNIT_NUMERATOR_NOT_ONE"
	// UnitExponentNotConstant (error): exponent of a unit-typed base is not a constant expression
	//	Example: (1 mV) ** n with n a state variable
	UnitExponentNotConstant Code = "UNIT_EXPONENT_NOT_CONSTANT"
	// UnitExponentNotRational (error): a constant exponent of a unit-typed base that is not rational (for example inf)
	//	Example: (1 mV) ** inf
	UnitExponentNotRational Code = "UNIT_EXPONENT_NOT_RATIONAL"
	// UnitExponentFromParameter (warning): unit exponent taken from a parameter's or internal's default value
	//	Example: beta ** expo1
	UnitExponentFromParameter Code = "UNIT_EXPONENT_FROM_PARAMETER"
	// UnitInExponent (warning): the constant exponent carries a unit, which is ignored
	//	Example: beta ** expo2 with expo2 mmol/pA = 2 mmol/pA
	UnitInExponent Code = "UNIT_IN_EXPONENT"
	// SuspiciousSpikeScaling (warning): a product of a spike port with the literal 1000 s / 1E3 s (the 9.0-library idiom of L§20 item 22)
	//	Example: unit_psc * exc_spikes * 1E3 s
	SuspiciousSpikeScaling Code = "SUSPICIOUS_SPIKE_SCALING"
	// OperatorTypeError (error): operand types not accepted by an arithmetic operator (L§7.5): +/- on incompatible units or booleans, % on non-integers, ~ on non-integers, ** with a unit exponent, unary minus on a boolean or string, // with a unit operand
	//	Example: 1 mV + 1 ms; 5.0 % 2
	OperatorTypeError Code = "OPERATOR_TYPE_ERROR"
	// ExpressionTypeUnderivable (error): follow-up: an enclosing top-level expression has no type because of an error inside it
	//	Example: (with any of the above)
	ExpressionTypeUnderivable Code = "EXPRESSION_TYPE_UNDERIVABLE"
	// QuantityMixedWithPlainNumber (warning): +/- between a quantity and a plain number
	//	Example: V_m + 65.
	QuantityMixedWithPlainNumber Code = "QUANTITY_MIXED_WITH_PLAIN_NUMBER"
	// IntegerDivisionOfReal (warning): // or //= with a real operand **[9.0 operator]**
	//	Example: x // 2 with x real
	IntegerDivisionOfReal Code = "INTEGER_DIVISION_OF_REAL"
	// ComparisonIncompatible (error): comparison of incompatible operand types: quantities of different dimension, boolean with number, string with non-string
	//	Example: V_m > 1 ms; true == 1
	ComparisonIncompatible Code = "COMPARISON_INCOMPATIBLE"
	// ChainedComparison (error): the left operand of a comparison is itself a comparison (L§4.11 item 3)
	//	Example: a < b < c
	ChainedComparison Code = "CHAINED_COMPARISON"
	// ComparisonWithPlainNumber (warning): quantity compared with a plain number other than the literals 0, 0.0, inf, -inf
	//	Example: V_m > -55
	ComparisonWithPlainNumber Code = "COMPARISON_WITH_PLAIN_NUMBER"
	// LogicalOperandNotBoolean (error): operand of and, or, not not boolean
	//	Example: 1 < 2 and 3; not 1
	LogicalOperandNotBoolean Code = "LOGICAL_OPERAND_NOT_BOOLEAN"
	// BitOperandType (error): bit operators on anything but two integers (or two booleans for & | ^)
	//	Example: 1 & 2.0
	BitOperandType Code = "BIT_OPERAND_TYPE"
	// ConditionNotBoolean (error): condition of if, elif, while, onCondition, or ? : not boolean
	//	Example: if V_m:
	ConditionNotBoolean Code = "CONDITION_NOT_BOOLEAN"
	// VoidFunctionInExpression (error): a void function called inside an expression
	//	Example: x real = println("a")
	VoidFunctionInExpression Code = "VOID_FUNCTION_IN_EXPRESSION"
	// FunctionArgCount (error): wrong number of arguments (predefined or user function)
	//	Example: max(1, 2, 3)
	FunctionArgCount Code = "FUNCTION_ARG_COUNT"
	// EmitSpikeArgCount (error): emit_spike with more than one argument
	//	Example: emit_spike(w, d)
	EmitSpikeArgCount Code = "EMIT_SPIKE_ARG_COUNT"
	// ConvolveArgCount (error): convolve without exactly two arguments
	//	Example: convolve(K)
	ConvolveArgCount Code = "CONVOLVE_ARG_COUNT"
	// ArgumentTypeMismatch (error): argument not assignable to the parameter type (L§7.6)
	//	Example: steps(1); print(1); f(1 ms) for f(x mV)
	ArgumentTypeMismatch Code = "ARGUMENT_TYPE_MISMATCH"
	// TemplateArgsInconsistent (error): the arguments of a template parameter (L§9.1) are not mutually compatible: incompatible units, or a quantity mixed with a plain number
	//	Example: max(1 A, 10 N); min(1 mV, 2)
	TemplateArgsInconsistent Code = "TEMPLATE_ARGS_INCONSISTENT"
	// MissingReturn (error): return rule of L§8.7 violated: the last statement of a function body (or of a branch, recursively) is a simple statement that is not return, **also for void functions**
	//	Example: function f(x real) real: / y real = x
	MissingReturn Code = "MISSING_RETURN"
	// ReturnTypeMismatch (error): return e with e not assignable to the return type
	//	Example: return True in function f() mV:
	ReturnTypeMismatch Code = "RETURN_TYPE_MISMATCH"
	// ReturnValueInVoidFunction (error): return e in a function without return type
	//	Example: return 1 in function f():
	ReturnValueInVoidFunction Code = "RETURN_VALUE_IN_VOID_FUNCTION"
	// ReturnWithoutValue (error): bare return in a typed function
	//	Example: return in function f() real:
	ReturnWithoutValue Code = "RETURN_WITHOUT_VALUE"
	// ReturnNotLast (warning): a return followed by further statements in the same block
	//	Example: return x / x = 1
	ReturnNotLast Code = "RETURN_NOT_LAST"
	// ReturnOutsideFunction (warning): return in update or a handler
	//	Example: return in update
	ReturnOutsideFunction Code = "RETURN_OUTSIDE_FUNCTION"
	// SideEffectInFunction (warning): emit_spike or integrate_odes called inside a function
	//	Example: emit_spike() in a function
	SideEffectInFunction Code = "SIDE_EFFECT_IN_FUNCTION"
	// OdeOrderMissing (error): an equations line x = … whose left side has no prime
	//	Example: V_m = 10 mV / s
	OdeOrderMissing Code = "ODE_ORDER_MISSING"
	// OdeVariableNotState (error): the ODE variable is declared, but not in state
	//	Example: V_m' = … with V_m a parameter
	OdeVariableNotState Code = "ODE_VARIABLE_NOT_STATE"
	// OdeInitialValueMissing (error): for x^(n) = …, one of x, …, x^(n−1) is not declared in state
	//	Example: x'' = -x / 1 ms**2 without x' in state
	OdeInitialValueMissing Code = "ODE_INITIAL_VALUE_MISSING"
	// OdeUnitsInconsistent (error): right side not assignable to T / s**n (L§10.1)
	//	Example: V_m' = 10 mA; x' = -x with x real
	OdeUnitsInconsistent Code = "ODE_UNITS_INCONSISTENT"
	// OdeDuplicate (error): two ODEs for the same variable and order
	//	Example: two V_m' = …
	OdeDuplicate Code = "ODE_DUPLICATE"
	// VectorOdeUnsupported (error): ODE for a vector state variable
	//	Example: x' = -x / tau with vector x
	VectorOdeUnsupported Code = "VECTOR_ODE_UNSUPPORTED"
	// DerivativeStateWrongType (warning): a derivative state x^(k) of an ODE variable is not of type T / s**k
	//	Example: x' real = 0 for x mV
	DerivativeStateWrongType Code = "DERIVATIVE_STATE_WRONG_TYPE"
	// KernelWrongType (error): direct kernel not real/integer; ODE-form kernel of order n with a right side not castable to 1/ms**n
	//	Example: kernel g'' = (…) * 1 pA
	KernelWrongType Code = "KERNEL_WRONG_TYPE"
	// KernelInitialValueMissing (error): ODE-form kernel without state declarations for g, …, g^(n−1)
	//	Example: kernel g' = -g / tau without g in state
	KernelInitialValueMissing Code = "KERNEL_INITIAL_VALUE_MISSING"
	// KernelInitialValueWrongType (error): state g^(k), k ≥ 1, of an ODE-form kernel not compatible with 1/ms**k
	//	Example: g' real = 0 for kernel g'' = …
	KernelInitialValueWrongType Code = "KERNEL_INITIAL_VALUE_WRONG_TYPE"
	// KernelStateNotReal (warning): the order-0 state of an ODE-form kernel is not real
	//	Example: g nS = 0 nS for kernel g' = -g / tau
	KernelStateNotReal Code = "KERNEL_STATE_NOT_REAL"
	// KernelOutsideConvolve (error): a kernel name used anywhere except as the first argument of convolve or inside its own definition
	//	Example: inline y real = K
	KernelOutsideConvolve Code = "KERNEL_OUTSIDE_CONVOLVE"
	// ConvolveArgNotVariable (error): a convolve argument is not a plain name (or port[constant])
	//	Example: convolve(g1 + g2, spikes)
	ConvolveArgNotVariable Code = "CONVOLVE_ARG_NOT_VARIABLE"
	// ConvolveFirstArgNotKernel (error): first argument neither a kernel nor a state variable defined by an ODE-form kernel
	//	Example: convolve(V_m, spikes)
	ConvolveFirstArgNotKernel Code = "CONVOLVE_FIRST_ARG_NOT_KERNEL"
	// ConvolveSecondArgNotSpikePort (error): second argument not a spike port or an element of a vector spike port with a constant index
	//	Example: convolve(K, I_stim)
	ConvolveSecondArgNotSpikePort Code = "CONVOLVE_SECOND_ARG_NOT_SPIKE_PORT"
	// ConvolveOutsideEquations (error): convolve called outside the equations block (upstream's code generation only rewrites calls inside it)
	//	Example: x real = convolve(K, spikes) in update
	ConvolveOutsideEquations Code = "CONVOLVE_OUTSIDE_EQUATIONS"
	// DeltaFunctionMisused (error): delta with an argument other than the plain t, or not as the complete right side of a kernel
	//	Example: kernel k = 2 * delta(t)
	DeltaFunctionMisused Code = "DELTA_FUNCTION_MISUSED"
	// IntegrateOdesNotCalled (error): the model has at least one ODE but no integrate_odes call anywhere (not checked for **[CM]**)
	//	Example: ODEs without update
	IntegrateOdesNotCalled Code = "INTEGRATE_ODES_NOT_CALLED"
	// IntegrateOdesArgNotState (error): argument of integrate_odes is not the plain name of a state variable
	//	Example: integrate_odes(2 * x); integrate_odes(100 ms)
	IntegrateOdesArgNotState Code = "INTEGRATE_ODES_ARG_NOT_STATE"
	// IntegrateOdesArgDerivative (error): argument with primes
	//	Example: integrate_odes(x')
	IntegrateOdesArgDerivative Code = "INTEGRATE_ODES_ARG_DERIVATIVE"
	// IntegrateOdesArgWithoutOde (warning): argument is a state variable without an ODE
	//	Example: integrate_odes(flag)
	IntegrateOdesArgWithoutOde Code = "INTEGRATE_ODES_ARG_WITHOUT_ODE"
	// IntegrateOdesRepeated (warning): a state variable with delta-kernel or direct spike-port input is integrated by more than one integrate_odes call on the same execution path of one step (L§10.5)
	//	Example: integrate_odes(V_m) twice in update
	IntegrateOdesRepeated Code = "INTEGRATE_ODES_REPEATED"
	// IntegrateOdesOutsideUpdate (warning): integrate_odes called in a handler or function
	//	Example: integrate_odes() in onReceive
	IntegrateOdesOutsideUpdate Code = "INTEGRATE_ODES_OUTSIDE_UPDATE"
	// DdeMultipleDelays (error): one variable read with two different delays
	//	Example: x(t - d1) and x(t - d2)
	DdeMultipleDelays Code = "DDE_MULTIPLE_DELAYS"
	// DdeSelfDelay (error): the ODE of x reads x(t - d)
	//	Example: x' = -x(t - d) / tau
	DdeSelfDelay Code = "DDE_SELF_DELAY"
	// DdeDelayNotConstant (error): the delay is not a literal or a parameter
	//	Example: x(t - y) with y a state variable
	DdeDelayNotConstant Code = "DDE_DELAY_NOT_CONSTANT"
	// InputQualifierRepeated (error): the same qualifier twice on a spike port
	//	Example: s <- inhibitory inhibitory spike
	InputQualifierRepeated Code = "INPUT_QUALIFIER_REPEATED"
	// PortSizeNotPositive (error): vector port size ≤ 0 or a negative literal
	//	Example: bar[-3] <- spike
	PortSizeNotPositive Code = "PORT_SIZE_NOT_POSITIVE"
	// PortSizeNotInteger (error): vector port size not an integer literal or an integer parameter/internal
	//	Example: bar[n] <- spike with n real
	PortSizeNotInteger Code = "PORT_SIZE_NOT_INTEGER"
	// EmitSpikeWithoutSpikeOutput (error): emit_spike called but the output block is missing or is continuous
	//	Example: output: continuous + emit_spike()
	EmitSpikeWithoutSpikeOutput Code = "EMIT_SPIKE_WITHOUT_SPIKE_OUTPUT"
	// OnreceivePortNotDeclared (error): onReceive(p) where p is not a declared port (except the implicit self_spikes)
	//	Example: onReceive(nope):
	OnreceivePortNotDeclared Code = "ONRECEIVE_PORT_NOT_DECLARED"
	// OnreceivePortNotSpike (error): onReceive(p) where p is a continuous port
	//	Example: onReceive(I_stim):
	OnreceivePortNotSpike Code = "ONRECEIVE_PORT_NOT_SPIKE"
	// OnreceiveDuplicatePort (error): two handlers for the same port
	//	Example: two onReceive(spikes):
	OnreceiveDuplicatePort Code = "ONRECEIVE_DUPLICATE_PORT"
	// PriorityOnSingleHandler (error): exactly one onReceive handler has a priority
	//	Example: one handler with priority=1
	PriorityOnSingleHandler Code = "PRIORITY_ON_SINGLE_HANDLER"
	// PriorityDuplicate (error): two handlers with the same priority value
	//	Example: priority=1 twice
	PriorityDuplicate Code = "PRIORITY_DUPLICATE"
	// PriorityNotInteger (error): priority value not an integer literal
	//	Example: priority=1.5
	PriorityNotInteger Code = "PRIORITY_NOT_INTEGER"
	// UnknownHandlerParameter (warning): a constant parameter other than priority on onReceive, or any constant parameter on onCondition
	//	Example: onReceive(s, foo=1):
	UnknownHandlerParameter Code = "UNKNOWN_HANDLER_PARAMETER"
	// PrintPlaceholderUnknown (warning): {name} in a print/println string that does not resolve
	//	Example: println("{nope}")
	PrintPlaceholderUnknown Code = "PRINT_PLACEHOLDER_UNKNOWN"
	// ForBoundNotNumeric (error): a for bound not integer/real (quantities are not allowed)
	//	Example: for i in v ... v + 10 mV step 1:
	ForBoundNotNumeric Code = "FOR_BOUND_NOT_NUMERIC"
	// ForVariableNotDeclared (warning): the loop variable is not declared; it is then implicitly declared as a local of type integer if both bounds and the step are integers, otherwise real
	//	Example: for i in 0 ... 10 step 1: without i
	ForVariableNotDeclared Code = "FOR_VARIABLE_NOT_DECLARED"
	// ForVariableNotNumeric (error): the loop variable is declared with a type other than integer/real
	//	Example: loop over a mV variable
	ForVariableNotNumeric Code = "FOR_VARIABLE_NOT_NUMERIC"
	// ForStepZero (error): step literal equals 0
	//	Example: step 0
	ForStepZero Code = "FOR_STEP_ZERO"
	// ForStepTypeMismatch (error): integer loop variable with a non-integral step
	//	Example: step 0.5 with i integer
	ForStepTypeMismatch Code = "FOR_STEP_TYPE_MISMATCH"
	// ResolutionIllegalContext (error): resolution() inside the equations block or a function
	//	Example: x' = -x / tau + resolution() / 1 ms**2
	ResolutionIllegalContext Code = "RESOLUTION_ILLEGAL_CONTEXT"
	// StepsIllegalContext (error): steps() where resolution() is illegal
	//	Example: steps(1 ms) in equations
	StepsIllegalContext Code = "STEPS_ILLEGAL_CONTEXT"
	// TimestepOutsideUpdate (error): timestep() anywhere but in the update block
	//	Example: return timestep() in a function
	TimestepOutsideUpdate Code = "TIMESTEP_OUTSIDE_UPDATE"
	// FixedTimestepFunctionUsed (warning): any call of resolution() or steps()
	//	Example: h ms = resolution()
	FixedTimestepFunctionUsed Code = "FIXED_TIMESTEP_FUNCTION_USED"
	// MixedAndOrWithoutParentheses (warning): and and or combined without parentheses (they share one precedence level, L§4.11)
	//	Example: a or b and c
	MixedAndOrWithoutParentheses Code = "MIXED_AND_OR_WITHOUT_PARENTHESES"
	// NestedConditionalWithoutParentheses (warning): an unparenthesised conditional as the condition or else branch of another conditional
	//	Example: a ? b : c ? d : e
	NestedConditionalWithoutParentheses Code = "NESTED_CONDITIONAL_WITHOUT_PARENTHESES"
	// LocalReadBeforeAssignment (warning): a local declared without initialiser is read before any assignment
	//	Example: x real / y = x
	LocalReadBeforeAssignment Code = "LOCAL_READ_BEFORE_ASSIGNMENT"
	// WeightVariableNotSpecified (error): a synapse model without a weight_variable code generator option
	//	Example: stdp_synapse generated without codegen_opts {"weight_variable": {"stdp_synapse": "w"}}
	WeightVariableNotSpecified Code = "WEIGHT_VARIABLE_NOT_SPECIFIED"
	// WeightVariableNotFound (error): the option names a variable that does not exist in the synapse
	//	Example: {"weight_variable": {"stdp_synapse": "weight"}} while the variable is named w
	WeightVariableNotFound Code = "WEIGHT_VARIABLE_NOT_FOUND"
	// DelayVariableNotFound (error): a delay_variable option that names a variable not in the synapse
	//	Example: {"delay_variable": {"stdp_synapse": "delay"}} while the synapse has no variable delay
	DelayVariableNotFound Code = "DELAY_VARIABLE_NOT_FOUND"
	// DelayVariableAssigned (error): the delay variable is assigned in the model
	//	Example: d = 2 ms in a handler of a synapse with {"delay_variable": {"syn": "d"}}
	DelayVariableAssigned Code = "DELAY_VARIABLE_ASSIGNED"
	// EmitSpikeWeightInNeuron (warning from the checker; error in the NEST pre-flight checks): emit_spike(w) in a model that is not a synapse (L§16.1); NEST neurons cannot send a weight
	//	Example: emit_spike(1.5) in a neuron
	EmitSpikeWeightInNeuron Code = "EMIT_SPIKE_WEIGHT_IN_NEURON"
	// RandomFunctionOutsideHandler (error, NEST pre-flight): random_normal, random_uniform or random_poisson outside update, onReceive and onCondition
	//	Example: x real = random_normal(0, 1) in state
	RandomFunctionOutsideHandler Code = "RANDOM_FUNCTION_OUTSIDE_HANDLER"
	// UnknownPairedModel (error): neuron_synapse_pairs names a model that is not among the processed models
	//	Example: {"neuron_synapse_pairs": [{"neuron": "iaf_psc_exp_nueron", …}]}
	UnknownPairedModel Code = "UNKNOWN_PAIRED_MODEL"
	// UnknownCodegenOption (error): a code generator option that no component consumes
	//	Example: codegen_opts {"wieght_variable": {…}}
	UnknownCodegenOption Code = "UNKNOWN_CODEGEN_OPTION"
	// CmNoVComp (error): no state variable v_comp
	//	Example: a compartmental model without v_comp real = 0 in state
	CmNoVComp Code = "CM_NO_V_COMP"
	// CmNoGatingVariables (error): a channel mechanism without gating variables
	//	Example: inline leak real = g_L * (e_L - v_comp) @mechanism::channel
	CmNoGatingVariables Code = "CM_NO_GATING_VARIABLES"
	// CmFunctionMissing (error): a gating variable lacks its companion functions (steady state and time constant)
	//	Example: m_Na without ODE and without function m_inf_Na(v real) real
	CmFunctionMissing Code = "CM_FUNCTION_MISSING"
	// CmFunctionBadNumberArgs (error): companion function with the wrong number of arguments
	//	Example: function m_inf_Na(v real, w real) real
	CmFunctionBadNumberArgs Code = "CM_FUNCTION_BAD_NUMBER_ARGS"
	// CmFunctionBadReturnType (error): companion function with the wrong return type
	//	Example: function tau_m_Na(v real) integer
	CmFunctionBadReturnType Code = "CM_FUNCTION_BAD_RETURN_TYPE"
	// CmVariablesNotDeclared (error): a mechanism uses undeclared variables
	//	Example: inline Na real = gbar_Na * m_Na**3 * nope @mechanism::channel
	CmVariablesNotDeclared Code = "CM_VARIABLES_NOT_DECLARED"
	// CmVariableNameMultiUse (error): a variable used more than once in a channel expression
	//	Example: inline Na real = gbar_Na * m_Na * m_Na * h_Na @mechanism::channel
	CmVariableNameMultiUse Code = "CM_VARIABLE_NAME_MULTI_USE"
	// CmNoValueAssignment (error): a mechanism variable without an initial value
	//	Example: gbar_Na real (no initial value) read by a channel
	CmNoValueAssignment Code = "CM_NO_VALUE_ASSIGNMENT"
	// CmVarMultiuse (error): a variable shared by two mechanisms
	//	Example: m_Na read by the channels Na and NaP
	CmVarMultiuse Code = "CM_VAR_MULTIUSE"
	// CmInvalidConvolutionBuffer (error): convolve() in a channel, concentration or continuous-input mechanism (only receptors receive spikes)
	//	Example: inline Na real = convolve(k, spikes) * m_Na @mechanism::channel
	CmInvalidConvolutionBuffer Code = "CM_INVALID_CONVOLUTION_BUFFER"
	// CmBadBufferCount (error): a receptor that does not convolve over exactly one spike port, or a continuous input that does not read exactly one continuous port
	//	Example: inline AMPA real = convolve(k, a) + convolve(k, b) @mechanism::receptor
	CmBadBufferCount Code = "CM_BAD_BUFFER_COUNT"
	// CmUnresolvedDependency (error): a function or variable dependency of a mechanism cannot be resolved
	//	Example: m_Na' = (m_inf_Na(v_comp) - m_Na) / 1 ms without function m_inf_Na
	CmUnresolvedDependency Code = "CM_UNRESOLVED_DEPENDENCY"
)

// DefaultSeverity maps each front-end code to its catalogue severity.
var DefaultSeverity = map[Code]Severity{
	LexicalError:                        Error,
	SyntaxError:                         Error,
	InconsistentDedent:                  Error,
	OldSyntax:                           Error,
	NoModelInFile:                       Error,
	IntegerLiteralOverflow:              Error,
	ModelNameDuplicate:                  Error,
	BlockDuplicate:                      Error,
	InputBlockMissing:                   Warning,
	OutputBlockMissing:                  Warning,
	InlineOutsideEquations:              Error,
	VariableNotDefined:                  Error,
	FunctionNotDefined:                  Error,
	VariableUsedBeforeDeclaration:       Error,
	VariableDefinedRecursively:          Error,
	InitializerCycle:                    Error,
	VariableRedeclared:                  Error,
	PredefinedVariableRedeclared:        Error,
	FunctionRedeclared:                  Error,
	PredefinedFunctionRedeclared:        Error,
	FunctionNameReserved:                Error,
	VariableNamedLikeUnit:               Warning,
	DeclarationShadowsModelVariable:     Warning,
	ReservedNamePrefix:                  Warning,
	StateVariableNotInitialized:         Error,
	MissingInitializer:                  Warning,
	VoidVariable:                        Error,
	VectorSizeNotPositive:               Error,
	VectorSizeNotInteger:                Error,
	VectorSizeWrongBlock:                Error,
	VectorInScalarDeclaration:           Error,
	VectorWithoutIndex:                  Error,
	VectorIndexNotInteger:               Error,
	VectorIndexNegative:                 Error,
	InvariantNotBoolean:                 Error,
	GuardIgnored:                        Warning,
	InternalDependsOnState:              Warning,
	DecoratorNotApplicable:              Warning,
	UnknownDecorator:                    Warning,
	ObsoleteDecorator:                   Warning,
	ParameterAssigned:                   Error,
	InternalAssigned:                    Error,
	InlineAssigned:                      Error,
	InputPortAssigned:                   Error,
	KernelAssigned:                      Error,
	PredefinedVariableAssigned:          Error,
	AssignmentToUnit:                    Error,
	AssignmentTypeMismatch:              Error,
	NarrowingConversion:                 Warning,
	UnitStripped:                        Info,
	BooleanNumberConversion:             Warning,
	ImplicitMagnitudeConversion:         Info,
	UnknownUnit:                         Error,
	UnitNumeratorNotOne:                 Error,
	UnitExponentNotConstant:             Error,
	UnitExponentNotRational:             Error,
	UnitExponentFromParameter:           Warning,
	UnitInExponent:                      Warning,
	SuspiciousSpikeScaling:              Warning,
	OperatorTypeError:                   Error,
	ExpressionTypeUnderivable:           Error,
	QuantityMixedWithPlainNumber:        Warning,
	IntegerDivisionOfReal:               Warning,
	ComparisonIncompatible:              Error,
	ChainedComparison:                   Error,
	ComparisonWithPlainNumber:           Warning,
	LogicalOperandNotBoolean:            Error,
	BitOperandType:                      Error,
	ConditionNotBoolean:                 Error,
	VoidFunctionInExpression:            Error,
	FunctionArgCount:                    Error,
	EmitSpikeArgCount:                   Error,
	ConvolveArgCount:                    Error,
	ArgumentTypeMismatch:                Error,
	TemplateArgsInconsistent:            Error,
	MissingReturn:                       Error,
	ReturnTypeMismatch:                  Error,
	ReturnValueInVoidFunction:           Error,
	ReturnWithoutValue:                  Error,
	ReturnNotLast:                       Warning,
	ReturnOutsideFunction:               Warning,
	SideEffectInFunction:                Warning,
	OdeOrderMissing:                     Error,
	OdeVariableNotState:                 Error,
	OdeInitialValueMissing:              Error,
	OdeUnitsInconsistent:                Error,
	OdeDuplicate:                        Error,
	VectorOdeUnsupported:                Error,
	DerivativeStateWrongType:            Warning,
	KernelWrongType:                     Error,
	KernelInitialValueMissing:           Error,
	KernelInitialValueWrongType:         Error,
	KernelStateNotReal:                  Warning,
	KernelOutsideConvolve:               Error,
	ConvolveArgNotVariable:              Error,
	ConvolveFirstArgNotKernel:           Error,
	ConvolveSecondArgNotSpikePort:       Error,
	ConvolveOutsideEquations:            Error,
	DeltaFunctionMisused:                Error,
	IntegrateOdesNotCalled:              Error,
	IntegrateOdesArgNotState:            Error,
	IntegrateOdesArgDerivative:          Error,
	IntegrateOdesArgWithoutOde:          Warning,
	IntegrateOdesRepeated:               Warning,
	IntegrateOdesOutsideUpdate:          Warning,
	DdeMultipleDelays:                   Error,
	DdeSelfDelay:                        Error,
	DdeDelayNotConstant:                 Error,
	InputQualifierRepeated:              Error,
	PortSizeNotPositive:                 Error,
	PortSizeNotInteger:                  Error,
	EmitSpikeWithoutSpikeOutput:         Error,
	OnreceivePortNotDeclared:            Error,
	OnreceivePortNotSpike:               Error,
	OnreceiveDuplicatePort:              Error,
	PriorityOnSingleHandler:             Error,
	PriorityDuplicate:                   Error,
	PriorityNotInteger:                  Error,
	UnknownHandlerParameter:             Warning,
	PrintPlaceholderUnknown:             Warning,
	ForBoundNotNumeric:                  Error,
	ForVariableNotDeclared:              Warning,
	ForVariableNotNumeric:               Error,
	ForStepZero:                         Error,
	ForStepTypeMismatch:                 Error,
	ResolutionIllegalContext:            Error,
	StepsIllegalContext:                 Error,
	TimestepOutsideUpdate:               Error,
	FixedTimestepFunctionUsed:           Warning,
	MixedAndOrWithoutParentheses:        Warning,
	NestedConditionalWithoutParentheses: Warning,
	LocalReadBeforeAssignment:           Warning,
	WeightVariableNotSpecified:          Error,
	WeightVariableNotFound:              Error,
	DelayVariableNotFound:               Error,
	DelayVariableAssigned:               Error,
	EmitSpikeWeightInNeuron:             Error,
	RandomFunctionOutsideHandler:        Error,
	UnknownPairedModel:                  Error,
	UnknownCodegenOption:                Error,
	CmNoVComp:                           Error,
	CmNoGatingVariables:                 Error,
	CmFunctionMissing:                   Error,
	CmFunctionBadNumberArgs:             Error,
	CmFunctionBadReturnType:             Error,
	CmVariablesNotDeclared:              Error,
	CmVariableNameMultiUse:              Error,
	CmNoValueAssignment:                 Error,
	CmVarMultiuse:                       Error,
	CmInvalidConvolutionBuffer:          Error,
	CmBadBufferCount:                    Error,
	CmUnresolvedDependency:              Error,
}

// Analysis and target codes (numerics.md, nest_target.md); never part of
// front-end conformance.
const (
	// PropagatorNonfinite (error): a propagator entry is NaN or ±Inf for the bound parameters.
	//	Example: tau_m ms = 0 ms
	PropagatorNonfinite Code = "PROPAGATOR_NONFINITE"
	// PropagatorRange (error): ‖A·h‖ needs more than 64 squarings.
	PropagatorRange Code = "PROPAGATOR_RANGE"
	// AnalysisUnsupported (error): a construct the ODE analysis of this release cannot handle.
	AnalysisUnsupported Code = "ANALYSIS_UNSUPPORTED"
	// LoweringUnsupported (error): a construct the IR lowering of this release cannot handle.
	LoweringUnsupported Code = "LOWERING_UNSUPPORTED"
	// IOError (error): a file could not be read.
	IOError Code = "IO_ERROR"
)

// Front-end codes whose catalogue severity depends on the context.
const (
	// BareUnitInExpression (warning with fix-it (error with `--strict`)): a unit name used as an expression operand without a number before it, not shadowed by a variable (L§7.8)
	//	Example: V_m / mV; -1e3 * ms/s
	BareUnitInExpression Code = "BARE_UNIT_IN_EXPRESSION"
	// LiteralFollowedByVariable (warning (error with `--strict` when the whole unit part is one variable name)): a number directly followed by a declared variable name (L§4.12, L§7.9)
	//	Example: 2.5 tau
	LiteralFollowedByVariable Code = "LITERAL_FOLLOWED_BY_VARIABLE"
	// ConditionalBranchMismatch (error if the branches are incompatible; warning if one is a quantity and the other a plain number): c ? x : y with branch types that do not combine (L§7.5)
	//	Example: c ? 1 mV : 2 ms
	ConditionalBranchMismatch Code = "CONDITIONAL_BRANCH_MISMATCH"
	// RandomFunctionInEquations (warning (the **[NEST]** error `RANDOM_FUNCTION_OUTSIDE_HANDLER` also applies)): random_normal, random_uniform or random_poisson in the equations block: a random draw inside a differential equation has no well-defined meaning (it is re-evaluated at every solver stage). An upstream-valid corpus file (tests/resources/random_number_generators_test.nestml) does this, so it cannot be a generic error
	//	Example: p' = random_normal(500 mV, 25 mV) / s
	RandomFunctionInEquations Code = "RANDOM_FUNCTION_IN_EQUATIONS"
	// UnreachableCode (warning): statements after a return in the same block (reported together with RETURN_NOT_LAST)
	//	Example: |
	UnreachableCode Code = "UNREACHABLE_CODE"
)

func init() {
	DefaultSeverity[BareUnitInExpression] = Warning
	DefaultSeverity[LiteralFollowedByVariable] = Warning
	DefaultSeverity[ConditionalBranchMismatch] = Error
	DefaultSeverity[RandomFunctionInEquations] = Warning
	DefaultSeverity[UnreachableCode] = Warning
}
