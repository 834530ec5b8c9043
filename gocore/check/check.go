package check

import (
	"fmt"
	"sort"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// Options configure the checker. The zero value checks at language level
// 9.0, not strict.
type Options struct {
	// Lang is "9.0" (default) or "8.3".
	Lang string
	// Strict turns the 8.3-compatibility warnings of level 9.0 (bare units,
	// a number followed by a variable name) into errors, as upstream 9.0
	// reports them. It has no effect at level 8.3, where those forms are
	// legal.
	Strict bool
	// Target selects target-specific checks run together with the
	// generic ones: "" or "NONE" (validation only, the default),
	// "NEST" (no extra checks here; the NEST pre-flight checks need the
	// code generator options and run in PreflightNEST), or
	// "NEST_compartmental" (the CM_* checks of checks.md §4.16, and
	// INTEGRATE_ODES_NOT_CALLED is not reported, language.md §17). Case is
	// ignored.
	Target string
}

func (o Options) is83() bool { return o.Lang == "8.3" }

// compartmental reports whether the compartmental target is selected.
func (o Options) compartmental() bool {
	return strings.EqualFold(o.Target, "NEST_compartmental") || strings.EqualFold(o.Target, "nest-compartmental")
}

// Check resolves names and checks types, units and context conditions of
// every model of f (checks.md §4.2–§4.14). It never panics on any AST the
// parser produces. Unlike upstream it runs every check on every model and
// reports everything it finds, but at most one root cause and one
// EXPRESSION_TYPE_UNDERIVABLE follow-up per expression.
func Check(f *ast.File, opts Options) (*Info, diag.List) {
	c := &checker{
		opts: opts,
		info: &Info{
			Types:        map[ast.Expr]Type{},
			Uses:         map[*ast.Variable]*Symbol{},
			BareUnits:    map[*ast.Variable]units.Unit{},
			LiteralUnits: map[*ast.NumberLit]units.Unit{},
			LiteralVars:  map[*ast.NumberLit][]LiteralFactor{},
			DeclTypes:    map[*ast.DataType]Type{},
			Related:      map[DiagKey][]Related{},
			Path:         f.Path,
		},
		propagated: map[ast.Expr]bool{},
	}
	names := map[string]*ast.Model{}
	for _, m := range f.Models {
		if m == nil || m.Name == nil {
			continue
		}
		c.model(m)
		if prev, ok := names[m.Name.Name]; ok {
			c.mi = c.info.Models[len(c.info.Models)-1]
			c.errorf(diag.ModelNameDuplicate, m.NameRng, "model %q is already declared at line %d", m.Name.Name, prev.Rng.Start.Line)
			c.related(diag.ModelNameDuplicate, m.NameRng, prev.NameRng, "first declaration")
			c.mi = nil
		} else {
			names[m.Name.Name] = m
		}
	}
	c.attachRelated()
	c.diags.SetFile(f.Path)
	c.diags.Sort()
	return c.info, c.diags
}

// context says where the code being checked is.
type context int

const (
	ctxInit       context = iota // initialisers, guards and sizes of model-level declarations
	ctxEquations                 // the equations block
	ctxUpdate                    // the update block
	ctxFunction                  // a user function
	ctxOnReceive                 // an onReceive body
	ctxOnCondBody                // an onCondition body
	ctxOnCondCond                // an onCondition condition
)

type checker struct {
	opts  Options
	info  *Info
	diags diag.List
	nerr  int // errors reported so far
	mi    *ModelInfo

	// scope of the block being checked (update, a handler body or a
	// function); nil at model level. if/for/while open no scope.
	scope *blockScope
	ctx   context
	// fn is the function being checked.
	fnResult Type
	// kernelNames holds every name defined by a kernel (ODE-form kernels
	// over state variables included); curKernel is the kernel whose
	// definition is being checked.
	kernelNames map[string]*ast.Kernel
	curKernel   *ast.Kernel
	// curODE is the variable of the ODE whose right side is being checked.
	curODE string
	// scalarDecl is set while the initialiser of a scalar declaration is
	// typed (VECTOR_IN_SCALAR_DECLARATION instead of VECTOR_WITHOUT_INDEX).
	scalarDecl *ast.Declaration
	vecInDecl  bool
	// printArg is set while a print/println argument is typed.
	printArg bool
	// propagated marks expressions whose type is invalid only because a
	// sub-expression's is (the error was reported there).
	propagated map[ast.Expr]bool
	// delays records the delay text of each delayed variable (DDE).
	delays map[string]string
}

// blockScope holds the locals of one update block, handler or function.
type blockScope struct {
	names map[string]*Symbol
	// later holds every local declared anywhere in the block, with the
	// position of its declaration (VARIABLE_USED_BEFORE_DECLARATION).
	later map[string]ast.Pos
	// assigned marks locals declared without initialiser that have been
	// assigned (LOCAL_READ_BEFORE_ASSIGNMENT).
	assigned map[*Symbol]bool
	warned   map[*Symbol]bool
}

func (c *checker) add(code diag.Code, sev diag.Severity, r ast.Range, hint, format string, args ...any) {
	d := diag.Diagnostic{Code: code, Severity: sev, Range: r, Message: fmt.Sprintf(format, args...), Hint: hint, Upstream: upstreamCode[code]}
	if c.mi != nil {
		d.Model = c.mi.Model.Name.Name
		if sev == diag.Error {
			c.mi.Valid = false
		}
	}
	if sev == diag.Error {
		c.nerr++
	}
	c.diags = append(c.diags, d)
}

func (c *checker) errorf(code diag.Code, r ast.Range, format string, args ...any) {
	c.add(code, diag.Error, r, "", format, args...)
}

func (c *checker) errorh(code diag.Code, r ast.Range, hint, format string, args ...any) {
	c.add(code, diag.Error, r, hint, format, args...)
}

func (c *checker) warnf(code diag.Code, r ast.Range, format string, args ...any) {
	c.add(code, diag.Warning, r, "", format, args...)
}

func (c *checker) warnh(code diag.Code, r ast.Range, hint, format string, args ...any) {
	c.add(code, diag.Warning, r, hint, format, args...)
}

func (c *checker) infof(code diag.Code, r ast.Range, format string, args ...any) {
	c.add(code, diag.Info, r, "", format, args...)
}

// compat reports an 8.3-compatibility finding (language.md §1): a warning
// by default, an error at level 9.0 with Strict.
func (c *checker) compat(code diag.Code, r ast.Range, hint, format string, args ...any) {
	sev := diag.Warning
	if c.opts.Strict && !c.opts.is83() {
		sev = diag.Error
	}
	c.add(code, sev, r, hint, format, args...)
}

// related records a secondary location for the diagnostic with the given
// code and primary range (checks.md §1).
func (c *checker) related(code diag.Code, primary, r ast.Range, label string) {
	k := DiagKey{Code: code, Pos: primary.Start}
	c.info.Related[k] = append(c.info.Related[k], Related{Range: r, Message: label})
}

// attachRelated copies the related locations recorded with c.related into
// the diagnostics they belong to.
func (c *checker) attachRelated() {
	for i := range c.diags {
		d := &c.diags[i]
		if rs := c.info.Related[DiagKey{Code: d.Code, Pos: d.Range.Start}]; len(rs) > 0 {
			d.Related = append([]Related(nil), rs...)
		}
	}
}

// addDiags appends diagnostics produced by another package (units).
func (c *checker) addDiags(ds diag.List) {
	for _, d := range ds {
		if c.mi != nil {
			d.Model = c.mi.Model.Name.Name
			if d.Severity == diag.Error {
				c.mi.Valid = false
			}
		}
		if d.Upstream == "" {
			d.Upstream = upstreamCode[d.Code]
		}
		if d.Severity == diag.Error {
			c.nerr++
		}
		c.diags = append(c.diags, d)
	}
}

var predefinedVars = map[string]Type{}

func init() {
	ms, _ := units.Lookup("ms")
	predefinedVars["t"] = QuantityOf(ms)
	predefinedVars["e"] = tReal
	predefinedVars["pi"] = tReal
}

// reservedFunctionNames collide with members of NEST's C++ model classes.
var reservedFunctionNames = map[string]bool{
	"update": true, "calibrate": true, "handle": true, "connect_sender": true, "check_connection": true,
	"get_status": true, "set_status": true, "init_state_": true, "init_buffers_": true,
}

// declare adds a model-scope symbol.
func (c *checker) declare(s *Symbol) {
	mi := c.mi
	if _, ok := predefinedVars[s.Name]; ok {
		c.errorf(diag.PredefinedVariableRedeclared, s.Pos, "%q is a predefined variable and cannot be declared", s.Name)
		return
	}
	if prev, ok := mi.byName[s.Name]; ok {
		c.errorf(diag.VariableRedeclared, s.Pos, "%s %q is already declared as a %s at line %d", s.Kind, s.Name, prev.Kind, prev.Pos.Start.Line)
		c.related(diag.VariableRedeclared, s.Pos, prev.Pos, "first declaration")
		return
	}
	c.nameWarnings(s.Name, s.Kind, s.Pos)
	mi.byName[s.Name] = s
	mi.Symbols = append(mi.Symbols, s)
}

// nameWarnings reports VARIABLE_NAMED_LIKE_UNIT and RESERVED_NAME_PREFIX.
func (c *checker) nameWarnings(name string, kind SymKind, r ast.Range) {
	if units.IsName(name) {
		c.warnf(diag.VariableNamedLikeUnit, r, "%s %q has the name of a physical unit; inside this model the name refers to the %s", kind, name, kind)
	}
	if strings.HasPrefix(name, "__") {
		c.warnf(diag.ReservedNamePrefix, r, "names starting with __ are reserved for generated code")
	}
}

// lookup resolves a name: locals first, then the model scope.
func (c *checker) lookup(name string) *Symbol {
	if c.scope != nil {
		if s, ok := c.scope.names[name]; ok {
			return s
		}
	}
	if c.mi != nil {
		if s, ok := c.mi.byName[name]; ok {
			return s
		}
	}
	return nil
}

// suggest returns a did-you-mean hint for an unknown variable name: the
// nearest declared name, else the nearest unit.
func (c *checker) suggest(name string) string {
	cands := map[string]bool{}
	if c.mi != nil {
		for _, s := range c.mi.Symbols {
			if s.Kind != SymFunction {
				cands[s.Name] = true
			}
		}
	}
	if c.scope != nil {
		for n := range c.scope.names {
			cands[n] = true
		}
	}
	for n := range predefinedVars {
		cands[n] = true
	}
	if best := nearest(name, cands); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return ""
}

// suggestFunction returns a did-you-mean hint for an unknown function.
func (c *checker) suggestFunction(name string) string {
	if hint, ok := oldFunctions[name]; ok {
		return hint
	}
	cands := map[string]bool{}
	for n := range builtins {
		cands[n] = true
	}
	if c.mi != nil {
		for _, s := range c.mi.Functions {
			cands[s.Name] = true
		}
	}
	if best := nearest(name, cands); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return ""
}

// oldFunctions are functions of older NESTML versions (language.md §19).
var oldFunctions = map[string]string{
	"curr_sum": "use convolve(kernel, port) (since NESTML 4.0)",
	"cond_sum": "use convolve(kernel, port) (since NESTML 4.0)",
	"cur_sum":  "use convolve(kernel, port) (since NESTML 4.0)",
	"log":      "the natural logarithm is ln()",
}

// nearest returns the candidate closest to name by edit distance, if it is
// close enough to be a plausible typo (at most a third of the name's
// length, and at most 3), ties broken alphabetically.
func nearest(name string, cands map[string]bool) string {
	keys := make([]string, 0, len(cands))
	for n := range cands {
		keys = append(keys, n)
	}
	sort.Strings(keys)
	limit := min(3, max(1, len(name)/3))
	best, bd := "", limit+1
	for _, n := range keys {
		if n == name {
			continue
		}
		d := editDistance(strings.ToLower(name), strings.ToLower(n))
		if d < bd {
			best, bd = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if a == b {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
