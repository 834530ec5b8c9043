package sym

import (
	"math"
	"strconv"
	"strings"
)

// Dialect selects the output language of Print.
type Dialect int

const (
	// Plain is the ODE-toolbox-like report dialect: ** for powers, exp/log
	// names as NESTML writes them (ln), e for Euler's number.
	Plain Dialect = iota
	// Python prints expressions SymPy can parse (log for ln, Piecewise for
	// conditionals, Min/Max).
	Python
	// LaTeX prints math for documentation (\frac, \exp, subscripts).
	LaTeX
	// CXX prints C++ (std::exp, std::pow, std::log, ternaries), as the NEST
	// generator does for IR expressions.
	CXX
)

// Print renders e in a dialect. Output is deterministic: the same
// expression always gives the same text (sums and products keep the
// canonical order of the constructors).
func Print(e Expr, d Dialect) string {
	p := printer{d: d}
	return p.expr(e, 0)
}

// precedence levels
const (
	precSum  = 1
	precProd = 2
	precNeg  = 3
	precPow  = 4
	precAtom = 5
)

type printer struct{ d Dialect }

func (p printer) num(v float64) string {
	switch {
	case math.IsInf(v, 1):
		if p.d == Python {
			return "oo"
		}
		if p.d == CXX {
			return "std::numeric_limits<double>::infinity()"
		}
		if p.d == LaTeX {
			return `\infty`
		}
		return "inf"
	case v == math.E:
		if p.d == Python {
			return "E"
		}
		if p.d == CXX {
			return "M_E"
		}
		return "e"
	case v == math.Pi:
		if p.d == LaTeX {
			return `\pi`
		}
		if p.d == CXX {
			return "M_PI"
		}
		if p.d == Python {
			return "pi"
		}
		return "pi"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		if p.d == CXX {
			return strconv.FormatFloat(v, 'f', 1, 64)
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if p.d == LaTeX && strings.Contains(s, "e") {
		parts := strings.SplitN(s, "e", 2)
		exp := strings.TrimLeft(strings.TrimPrefix(parts[1], "+"), "0")
		if strings.HasPrefix(exp, "-") {
			exp = "-" + strings.TrimLeft(exp[1:], "0")
		}
		return parts[0] + `\cdot 10^{` + exp + `}`
	}
	return s
}

func (p printer) name(s string) string {
	if p.d != LaTeX {
		return s
	}
	// V_m → V_{m}, tau_syn → \tau_{syn}
	greek := map[string]bool{"alpha": true, "beta": true, "gamma": true, "delta": true, "tau": true, "theta": true, "lambda": true, "mu": true, "sigma": true, "omega": true, "phi": true, "eta": true, "rho": true, "epsilon": true, "kappa": true, "nu": true, "xi": true, "zeta": true, "chi": true, "psi": true}
	s = strings.ReplaceAll(s, "$", "^*")
	head, tail, found := strings.Cut(s, "_")
	if greek[head] {
		head = `\` + head
	}
	if !found {
		return head
	}
	return head + `_{\mathrm{` + strings.ReplaceAll(tail, "_", `\_`) + `}}`
}

func wrap(s string, inner, outer int) string {
	if inner < outer {
		return "(" + s + ")"
	}
	return s
}

// split separates a product into numerator and denominator factors
// (negative numeric exponents go to the denominator) and a sign.
func splitProd(e *Prod) (coef float64, num, den []Expr) {
	coef = 1
	for _, f := range e.Factors {
		switch f := f.(type) {
		case *Num:
			coef *= f.V
			continue
		case *PowE:
			if n, ok := f.Exp.(*Num); ok && n.V < 0 {
				den = append(den, Pow(f.Base, N(-n.V)))
				continue
			}
		}
		num = append(num, f)
	}
	return
}

func (p printer) expr(e Expr, outer int) string {
	switch e := e.(type) {
	case *Num:
		s := p.num(e.V)
		if e.V < 0 {
			return wrap(s, precNeg, outer)
		}
		return s
	case *Sym:
		return p.name(e.Name)
	case *Sum:
		var b strings.Builder
		for i, t := range e.Terms {
			s := p.expr(t, precSum)
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
		return wrap(b.String(), precSum, outer)
	case *Prod:
		coef, num, den := splitProd(e)
		neg := coef < 0
		if neg {
			coef = -coef
		}
		var ns []string
		if coef != 1 || len(num) == 0 {
			ns = append(ns, p.num(coef))
		}
		for _, f := range num {
			ns = append(ns, p.expr(f, precProd+1))
		}
		mul := "*"
		if p.d == LaTeX {
			mul = ` \cdot `
		}
		top := strings.Join(ns, mul)
		var s string
		switch {
		case len(den) == 0:
			s = top
		case p.d == LaTeX:
			var ds []string
			for _, f := range den {
				ds = append(ds, p.expr(f, precProd))
			}
			s = `\frac{` + top + `}{` + strings.Join(ds, mul) + `}`
		default:
			var ds []string
			for _, f := range den {
				ds = append(ds, p.expr(f, precProd+1))
			}
			s = top + "/" + strings.Join(ds, "/")
		}
		if neg {
			return wrap("-"+s, precNeg, outer)
		}
		return wrap(s, precProd, outer)
	case *PowE:
		if n, ok := e.Exp.(*Num); ok && n.V < 0 {
			return p.expr(&Prod{Factors: []Expr{One, e}}, outer)
		}
		if n, ok := e.Exp.(*Num); ok && n.V == 0.5 {
			if p.d == LaTeX {
				return `\sqrt{` + p.expr(e.Base, 0) + `}`
			}
			if p.d == CXX {
				return "std::sqrt(" + p.expr(e.Base, 0) + ")"
			}
			return "sqrt(" + p.expr(e.Base, 0) + ")"
		}
		if p.d == LaTeX {
			return wrap(p.expr(e.Base, precPow+1)+"^{"+p.expr(e.Exp, 0)+"}", precPow, outer)
		}
		if p.d == CXX {
			return "std::pow(" + p.expr(e.Base, 0) + ", " + p.expr(e.Exp, 0) + ")"
		}
		return wrap(p.expr(e.Base, precPow+1)+"**"+p.expr(e.Exp, precPow+1), precPow, outer)
	case *Fn:
		return p.fn(e, outer)
	}
	return "?"
}

var infix = map[string]string{"<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "==", "!=": "!=", "and": "and", "or": "or"}

func (p printer) fn(e *Fn, outer int) string {
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		args[i] = p.expr(a, 0)
	}
	name := e.Name
	if op, ok := infix[name]; ok && len(args) == 2 {
		switch p.d {
		case Python:
			switch op {
			case "and":
				return "And(" + args[0] + ", " + args[1] + ")"
			case "or":
				return "Or(" + args[0] + ", " + args[1] + ")"
			case "==":
				return "Eq(" + args[0] + ", " + args[1] + ")"
			case "!=":
				return "Ne(" + args[0] + ", " + args[1] + ")"
			}
		case CXX:
			op = map[string]string{"and": "&&", "or": "||"}[op] + ""
			if op == "" {
				op = infix[name]
			}
		case LaTeX:
			op = map[string]string{"<=": `\le`, ">=": `\ge`, "!=": `\ne`, "and": `\land`, "or": `\lor`, "==": "="}[op] + ""
			if op == "" {
				op = infix[name]
			}
		}
		return "(" + args[0] + " " + op + " " + args[1] + ")"
	}
	switch p.d {
	case CXX:
		switch name {
		case "cond":
			return "(" + args[0] + " ? " + args[1] + " : " + args[2] + ")"
		case "not":
			return "(!" + args[0] + ")"
		case "ln":
			return "std::log(" + args[0] + ")"
		case "abs":
			return "std::fabs(" + args[0] + ")"
		case "min", "max":
			return "std::f" + name + "(" + strings.Join(args, ", ") + ")"
		case "clip":
			return "std::fmin(std::fmax(" + args[0] + ", " + args[1] + "), " + args[2] + ")"
		}
		return "std::" + name + "(" + strings.Join(args, ", ") + ")"
	case Python:
		switch name {
		case "ln":
			name = "log"
		case "min":
			name = "Min"
		case "max":
			name = "Max"
		case "abs":
			name = "Abs"
		case "cond":
			return "Piecewise((" + args[1] + ", " + args[0] + "), (" + args[2] + ", True))"
		case "not":
			return "Not(" + args[0] + ")"
		}
	case LaTeX:
		switch name {
		case "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "ln", "log10", "min", "max":
			if name == "log10" {
				return `\log_{10}\left(` + args[0] + `\right)`
			}
			return `\` + name + `\left(` + strings.Join(args, ", ") + `\right)`
		case "abs":
			return `\left|` + args[0] + `\right|`
		case "cond":
			return `\begin{cases}` + args[1] + ` & ` + args[0] + `\\ ` + args[2] + ` & \text{otherwise}\end{cases}`
		}
		return `\operatorname{` + strings.ReplaceAll(name, "_", `\_`) + `}\left(` + strings.Join(args, ", ") + `\right)`
	}
	return name + "(" + strings.Join(args, ", ") + ")"
}
