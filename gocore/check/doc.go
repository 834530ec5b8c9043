// Package check resolves names and checks the types, physical units and
// context conditions of parsed NESTML models (checks.md §4.2–§4.14), and
// the target-specific checks: the compartmental ones (§4.16) inside Check
// when Options.Target selects NEST_compartmental, and the NEST pre-flight
// checks (§4.15) in PreflightNEST, which needs the code generator options.
//
// # Algorithm
//
// Check processes the models of a file one by one. For each model:
//
//  1. Pass 1 walks the body in source order and declares the model-scope
//     names: parameters, state and internals (with primed names for
//     derivative states), inline expressions, kernels, input ports, and the
//     user functions (which live in a namespace of their own). Duplicate
//     blocks, redeclarations, reserved and predefined names, decorators and
//     missing initial values are reported here, so that "the later
//     declaration" is always the one flagged.
//  2. Pass 2 types every expression bottom-up (expr.go) and applies the
//     assignability rules of language.md §7.6 wherever a value is stored:
//     initialisers and guards (model.go), the equations block in source
//     order (equations.go: inline expressions, ODEs, kernels), the update
//     block, functions and event handlers (stmt.go). The context (update,
//     function, handler, equations, initialiser) decides where time,
//     random, convolve and emit_spike calls are legal.
//  3. Whole-model checks run last: initialiser cycles, handler priorities,
//     integrate_odes being called, repeated integration of a variable with
//     spike input.
//
// Unlike upstream pynestml, which stops checking a model after the first
// phase that reports an error, every check runs on every model. To keep one
// mistake from producing a dozen diagnostics, an expression whose type
// cannot be derived propagates "no type" upward silently, and only the
// top-level expression reports one EXPRESSION_TYPE_UNDERIVABLE follow-up;
// checks that need a missing type are skipped.
//
// # Side tables
//
// Results are recorded in Info (go/types style): the type of every
// expression, the symbol of every variable reference, the unit of every
// number literal and bare unit name, the declared types, per-model symbol
// tables (ModelInfo), the variables split off literals' unit parts
// (language.md §4.12), and the related locations of diagnostics.
//
// # Options
//
// The zero Options check at language level 9.0 and are lenient: the 8.3
// forms that 9.0 rejects (bare unit names in expressions, a number followed
// by a variable name) are warnings with a fix-it; Strict turns them into
// errors at level 9.0. Level 8.3 rejects a plain number stored into a
// dimensionless unit type (`refr' = -1` for `refr ms`), which 9.0 accepts.
// Target "NEST_compartmental" adds the CM_* checks (compartmental.go states
// their rules) and drops INTEGRATE_ODES_NOT_CALLED (language.md §17).
//
// # Related locations
//
// A diagnostic that involves a second place (the first declaration of a
// redeclared name, the model line of an uninitialised state variable, the
// other handler with the same priority) lists it in
// diag.Diagnostic.Related; Info.Related indexes the same locations by code
// and primary position.
package check
