package sym

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strconv"
	"strings"
)

// Expr is a symbolic expression: *Num, *Sym, *Sum, *Prod, *PowE, *Fn.
type Expr interface {
	isExpr()
	String() string
}

// Num is a numeric constant.
type Num struct{ V float64 }

// Sym is a named symbol.
type Sym struct{ Name string }

// Sum is Σ terms.
type Sum struct{ Terms []Expr }

// Prod is Π factors.
type Prod struct{ Factors []Expr }

// PowE is Base ** Exp.
type PowE struct{ Base, Exp Expr }

// Fn is a function application: exp, ln, sin, min, max, cond (ternary:
// cond(c, a, b)), and comparison/logic operators written as functions
// ("<", "and", …). Functions other than the smooth ones are opaque to
// differentiation (their derivative is treated as nonlinear).
type Fn struct {
	Name string
	Args []Expr
}

func (*Num) isExpr()  {}
func (*Sym) isExpr()  {}
func (*Sum) isExpr()  {}
func (*Prod) isExpr() {}
func (*PowE) isExpr() {}
func (*Fn) isExpr()   {}

var (
	Zero = &Num{0}
	One  = &Num{1}
)

// N returns a numeric constant.
func N(v float64) Expr { return &Num{v} }

// S returns a symbol.
func S(name string) Expr { return &Sym{name} }

func isNum(e Expr, v float64) bool {
	n, ok := e.(*Num)
	return ok && n.V == v
}

// Add returns the simplified sum of terms.
func Add(terms ...Expr) Expr {
	var flat []Expr
	c := 0.0
	for _, t := range terms {
		switch t := t.(type) {
		case *Num:
			c += t.V
		case *Sum:
			for _, u := range t.Terms {
				if n, ok := u.(*Num); ok {
					c += n.V
				} else {
					flat = append(flat, u)
				}
			}
		default:
			flat = append(flat, t)
		}
	}
	// collect like terms: coefficient * rest
	type entry struct {
		coef float64
		rest Expr
	}
	var order []string
	m := map[string]*entry{}
	for _, t := range flat {
		coef, rest := splitCoef(t)
		k := rest.String()
		if e, ok := m[k]; ok {
			e.coef += coef
		} else {
			m[k] = &entry{coef, rest}
			order = append(order, k)
		}
	}
	var out []Expr
	for _, k := range order {
		e := m[k]
		if e.coef == 0 {
			continue
		}
		out = append(out, Mul(N(e.coef), e.rest))
	}
	if c != 0 {
		out = append(out, N(c))
	}
	switch len(out) {
	case 0:
		return Zero
	case 1:
		return out[0]
	}
	return &Sum{out}
}

// splitCoef splits t into a numeric coefficient and the rest.
func splitCoef(t Expr) (float64, Expr) {
	p, ok := t.(*Prod)
	if !ok {
		return 1, t
	}
	if n, ok := p.Factors[0].(*Num); ok {
		if len(p.Factors) == 2 {
			return n.V, p.Factors[1]
		}
		return n.V, &Prod{p.Factors[1:]}
	}
	return 1, t
}

// Sub returns a - b.
func Sub(a, b Expr) Expr { return Add(a, Neg(b)) }

// Neg returns -a.
func Neg(a Expr) Expr { return Mul(N(-1), a) }

// Mul returns the simplified product of factors.
func Mul(factors ...Expr) Expr {
	c := 1.0
	var flat []Expr
	for _, f := range factors {
		switch f := f.(type) {
		case *Num:
			c *= f.V
		case *Prod:
			for _, g := range f.Factors {
				if n, ok := g.(*Num); ok {
					c *= n.V
				} else {
					flat = append(flat, g)
				}
			}
		default:
			flat = append(flat, f)
		}
	}
	if c == 0 {
		return Zero
	}
	// collect like bases: base ** (sum of exponents)
	type entry struct {
		base Expr
		exps []Expr
	}
	var order []string
	m := map[string]*entry{}
	for _, f := range flat {
		base, exp := f, Expr(One)
		if p, ok := f.(*PowE); ok {
			base, exp = p.Base, p.Exp
		}
		k := base.String()
		if e, ok := m[k]; ok {
			e.exps = append(e.exps, exp)
		} else {
			m[k] = &entry{base, []Expr{exp}}
			order = append(order, k)
		}
	}
	var out []Expr
	for _, k := range order {
		e := m[k]
		ex := Add(e.exps...)
		if isNum(ex, 0) {
			continue
		}
		out = append(out, Pow(e.base, ex))
	}
	// constant factors produced by Pow folding
	var rest []Expr
	for _, f := range out {
		if n, ok := f.(*Num); ok {
			c *= n.V
		} else {
			rest = append(rest, f)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].String() < rest[j].String() })
	if len(rest) == 0 {
		return N(c)
	}
	if c == 1 && len(rest) == 1 {
		return rest[0]
	}
	if c != 1 {
		rest = append([]Expr{N(c)}, rest...)
	}
	return &Prod{rest}
}

// Div returns a / b.
func Div(a, b Expr) Expr { return Mul(a, Pow(b, N(-1))) }

// Pow returns base ** exp.
func Pow(base, exp Expr) Expr {
	if isNum(exp, 0) {
		return One
	}
	if isNum(exp, 1) {
		return base
	}
	if b, ok := base.(*Num); ok {
		if e, ok := exp.(*Num); ok {
			return N(math.Pow(b.V, e.V))
		}
		if b.V == 1 {
			return One
		}
	}
	if p, ok := base.(*PowE); ok {
		if _, ok := exp.(*Num); ok {
			if _, ok := p.Exp.(*Num); ok {
				return Pow(p.Base, Mul(p.Exp, exp))
			}
		}
	}
	if p, ok := base.(*Prod); ok {
		if _, ok := exp.(*Num); ok {
			fs := make([]Expr, len(p.Factors))
			for i, f := range p.Factors {
				fs[i] = Pow(f, exp)
			}
			return Mul(fs...)
		}
	}
	return &PowE{base, exp}
}

// Call returns fn(args…), folding constant arguments of smooth functions.
func Call(name string, args ...Expr) Expr {
	allNum := true
	vals := make([]float64, len(args))
	for i, a := range args {
		n, ok := a.(*Num)
		if !ok {
			allNum = false
			break
		}
		vals[i] = n.V
	}
	if allNum {
		if v, ok := evalFn(name, vals); ok {
			return N(v)
		}
	}
	return &Fn{name, args}
}

// Free reports whether e contains none of the symbols in set.
func Free(e Expr, set map[string]bool) bool {
	ok := true
	Walk(e, func(x Expr) {
		if s, isSym := x.(*Sym); isSym && set[s.Name] {
			ok = false
		}
	})
	return ok
}

// Symbols returns the names of the symbols of e in first-occurrence order.
func Symbols(e Expr) []string {
	seen := map[string]bool{}
	var out []string
	Walk(e, func(x Expr) {
		if s, ok := x.(*Sym); ok && !seen[s.Name] {
			seen[s.Name] = true
			out = append(out, s.Name)
		}
	})
	return out
}

// Walk calls f on e and every sub-expression, pre-order.
func Walk(e Expr, f func(Expr)) {
	f(e)
	switch e := e.(type) {
	case *Sum:
		for _, t := range e.Terms {
			Walk(t, f)
		}
	case *Prod:
		for _, t := range e.Factors {
			Walk(t, f)
		}
	case *PowE:
		Walk(e.Base, f)
		Walk(e.Exp, f)
	case *Fn:
		for _, a := range e.Args {
			Walk(a, f)
		}
	}
}

// Subst replaces symbols by expressions.
func Subst(e Expr, m map[string]Expr) Expr {
	switch e := e.(type) {
	case *Sym:
		if r, ok := m[e.Name]; ok {
			return r
		}
		return e
	case *Sum:
		ts := make([]Expr, len(e.Terms))
		for i, t := range e.Terms {
			ts[i] = Subst(t, m)
		}
		return Add(ts...)
	case *Prod:
		fs := make([]Expr, len(e.Factors))
		for i, t := range e.Factors {
			fs[i] = Subst(t, m)
		}
		return Mul(fs...)
	case *PowE:
		return Pow(Subst(e.Base, m), Subst(e.Exp, m))
	case *Fn:
		as := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			as[i] = Subst(a, m)
		}
		return Call(e.Name, as...)
	}
	return e
}

// ErrNotDifferentiable is returned by D for piecewise or logical functions
// of the variable.
type ErrNotDifferentiable struct{ Fn string }

func (e ErrNotDifferentiable) Error() string {
	return fmt.Sprintf("%s is not differentiable symbolically", e.Fn)
}

// D returns ∂e/∂x.
//
// Special cases: functions that are piecewise (abs, min, max, cond,
// comparisons, logic) of an expression containing x return an
// ErrNotDifferentiable error; callers treat such rows as nonlinear.
func D(e Expr, x string) (Expr, error) {
	switch e := e.(type) {
	case *Num:
		return Zero, nil
	case *Sym:
		if e.Name == x {
			return One, nil
		}
		return Zero, nil
	case *Sum:
		ts := make([]Expr, len(e.Terms))
		for i, t := range e.Terms {
			d, err := D(t, x)
			if err != nil {
				return nil, err
			}
			ts[i] = d
		}
		return Add(ts...), nil
	case *Prod:
		var terms []Expr
		for i := range e.Factors {
			d, err := D(e.Factors[i], x)
			if err != nil {
				return nil, err
			}
			if isNum(d, 0) {
				continue
			}
			fs := make([]Expr, 0, len(e.Factors))
			fs = append(fs, e.Factors[:i]...)
			fs = append(fs, d)
			fs = append(fs, e.Factors[i+1:]...)
			terms = append(terms, Mul(fs...))
		}
		return Add(terms...), nil
	case *PowE:
		db, err := D(e.Base, x)
		if err != nil {
			return nil, err
		}
		de, err := D(e.Exp, x)
		if err != nil {
			return nil, err
		}
		var terms []Expr
		if !isNum(db, 0) {
			terms = append(terms, Mul(e.Exp, Pow(e.Base, Add(e.Exp, N(-1))), db))
		}
		if !isNum(de, 0) {
			terms = append(terms, Mul(e, Call("ln", e.Base), de))
		}
		return Add(terms...), nil
	case *Fn:
		free := Free(e, map[string]bool{x: true})
		if free {
			return Zero, nil
		}
		if e.Name == "pow" && len(e.Args) == 2 {
			return D(Pow(e.Args[0], e.Args[1]), x)
		}
		if len(e.Args) != 1 {
			return nil, ErrNotDifferentiable{e.Name}
		}
		a := e.Args[0]
		da, err := D(a, x)
		if err != nil {
			return nil, err
		}
		var outer Expr
		switch e.Name {
		case "exp":
			outer = e
		case "expm1":
			outer = Call("exp", a)
		case "ln":
			outer = Pow(a, N(-1))
		case "log10":
			outer = Div(One, Mul(a, N(math.Ln10)))
		case "sqrt":
			outer = Mul(N(0.5), Pow(a, N(-0.5)))
		case "sin":
			outer = Call("cos", a)
		case "cos":
			outer = Neg(Call("sin", a))
		case "tan":
			outer = Pow(Call("cos", a), N(-2))
		case "sinh":
			outer = Call("cosh", a)
		case "cosh":
			outer = Call("sinh", a)
		case "tanh":
			outer = Sub(One, Pow(Call("tanh", a), N(2)))
		case "erf":
			outer = Mul(N(2/math.Sqrt(math.Pi)), Call("exp", Neg(Pow(a, N(2)))))
		case "erfc":
			outer = Mul(N(-2/math.Sqrt(math.Pi)), Call("exp", Neg(Pow(a, N(2)))))
		default:
			return nil, ErrNotDifferentiable{e.Name}
		}
		return Mul(outer, da), nil
	}
	return nil, fmt.Errorf("sym: unknown node %T", e)
}

// Eval evaluates e with the given symbol values; a missing symbol is an error.
func Eval(e Expr, env map[string]float64) (float64, error) {
	switch e := e.(type) {
	case *Num:
		return e.V, nil
	case *Sym:
		v, ok := env[e.Name]
		if !ok {
			return 0, fmt.Errorf("sym: no value for %s", e.Name)
		}
		return v, nil
	case *Sum:
		s := 0.0
		for _, t := range e.Terms {
			v, err := Eval(t, env)
			if err != nil {
				return 0, err
			}
			s += v
		}
		return s, nil
	case *Prod:
		p := 1.0
		for _, t := range e.Factors {
			v, err := Eval(t, env)
			if err != nil {
				return 0, err
			}
			p *= v
		}
		return p, nil
	case *PowE:
		b, err := Eval(e.Base, env)
		if err != nil {
			return 0, err
		}
		x, err := Eval(e.Exp, env)
		if err != nil {
			return 0, err
		}
		return math.Pow(b, x), nil
	case *Fn:
		vals := make([]float64, len(e.Args))
		for i, a := range e.Args {
			v, err := Eval(a, env)
			if err != nil {
				return 0, err
			}
			vals[i] = v
		}
		v, ok := evalFn(e.Name, vals)
		if !ok {
			return 0, fmt.Errorf("sym: cannot evaluate %s", e.Name)
		}
		return v, nil
	}
	return 0, fmt.Errorf("sym: unknown node %T", e)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func evalFn(name string, a []float64) (float64, bool) {
	one := func(f func(float64) float64) (float64, bool) {
		if len(a) != 1 {
			return 0, false
		}
		return f(a[0]), true
	}
	two := func(f func(x, y float64) float64) (float64, bool) {
		if len(a) != 2 {
			return 0, false
		}
		return f(a[0], a[1]), true
	}
	if f, ok := Func1[name]; ok {
		return one(f)
	}
	if f, ok := Func2[name]; ok {
		return two(f)
	}
	switch name {
	case "clip":
		if len(a) != 3 {
			return 0, false
		}
		return Clip(a[0], a[1], a[2]), true
	case "cond":
		if len(a) != 3 {
			return 0, false
		}
		if a[0] != 0 {
			return a[1], true
		}
		return a[2], true
	case "<":
		return two(func(x, y float64) float64 { return b2f(x < y) })
	case "<=":
		return two(func(x, y float64) float64 { return b2f(x <= y) })
	case ">":
		return two(func(x, y float64) float64 { return b2f(x > y) })
	case ">=":
		return two(func(x, y float64) float64 { return b2f(x >= y) })
	case "==":
		return two(func(x, y float64) float64 { return b2f(x == y) })
	case "!=":
		return two(func(x, y float64) float64 { return b2f(x != y) })
	case "and":
		return two(func(x, y float64) float64 { return b2f(x != 0 && y != 0) })
	case "or":
		return two(func(x, y float64) float64 { return b2f(x != 0 || y != 0) })
	case "not":
		return one(func(x float64) float64 { return b2f(x == 0) })
	}
	return 0, false
}

// IsZero decides whether e is identically zero: structurally, else by
// evaluating it at 4 pseudo-random points with every symbol drawn from
// [0.5, 2] and requiring |e| ≤ 1e-12·(1 + scale) at each, where scale is
// the sum of absolute values of e's top-level terms.
func IsZero(e Expr) bool {
	if isNum(e, 0) {
		return true
	}
	syms := Symbols(e)
	r := rand.New(rand.NewSource(7))
	for k := 0; k < 4; k++ {
		env := map[string]float64{}
		for _, s := range syms {
			env[s] = 0.5 + 1.5*r.Float64()
		}
		v, err := Eval(e, env)
		if err != nil || math.IsNaN(v) {
			return false
		}
		scale := 0.0
		if s, ok := e.(*Sum); ok {
			for _, t := range s.Terms {
				tv, _ := Eval(t, env)
				scale += math.Abs(tv)
			}
		}
		if math.Abs(v) > 1e-12*(1+scale) {
			return false
		}
	}
	return true
}

func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func (e *Num) String() string { return fmtNum(e.V) }
func (e *Sym) String() string { return e.Name }
func (e *Sum) String() string {
	var b strings.Builder
	for i, t := range e.Terms {
		s := t.String()
		if i > 0 {
			if strings.HasPrefix(s, "-") {
				b.WriteString(" - ")
				s = s[1:]
			} else {
				b.WriteString(" + ")
			}
		}
		b.WriteString(s)
	}
	return "(" + b.String() + ")"
}
func (e *Prod) String() string {
	parts := make([]string, len(e.Factors))
	for i, f := range e.Factors {
		parts[i] = f.String()
	}
	if len(parts) > 1 && parts[0] == "-1" {
		return "-" + strings.Join(parts[1:], "*")
	}
	return strings.Join(parts, "*")
}
func (e *PowE) String() string { return "(" + e.Base.String() + ")**(" + e.Exp.String() + ")" }
func (e *Fn) String() string {
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		parts[i] = a.String()
	}
	return e.Name + "(" + strings.Join(parts, ", ") + ")"
}
