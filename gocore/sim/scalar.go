package sim

import (
	"fmt"
	"math"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/sym"
)

// evalFn evaluates an expression for neuron i of a population. The
// closures of this file are the scalar evaluator used when values are
// bound (parameter defaults, internals, initial values, propagator
// coefficients), one neuron at a time and in neuron order, so that random
// initial values are drawn exactly as before; the per-step program runs on
// the vector machine of vm.go.
type evalFn func(p *Population, i int) float64

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// compileExpr turns an IR expression into a closure. Closures read the
// population's columns directly, so no per-step tree walking remains.
func compileExpr(e ir.Expr) (evalFn, error) {
	switch e := e.(type) {
	case nil:
		return func(*Population, int) float64 { return 0 }, nil
	case *ir.Const:
		v := e.Value
		return func(*Population, int) float64 { return v }, nil
	case *ir.Ref:
		k := e.Index
		switch e.Kind {
		case ir.KParam:
			return func(p *Population, i int) float64 { return p.params[k][i] }, nil
		case ir.KState:
			return func(p *Population, i int) float64 { return p.state[k][i] }, nil
		case ir.KInternal:
			return func(p *Population, i int) float64 { return p.internals[k][i] }, nil
		case ir.KSpikePort:
			return func(p *Population, i int) float64 { return 0 }, nil
		case ir.KContPort:
			return func(p *Population, i int) float64 { return p.contIn[k][i] }, nil
		case ir.KLocal, ir.KODE:
			return nil, fmt.Errorf("%s cannot be read when values are bound", e.Name)
		case ir.KTime:
			return func(p *Population, i int) float64 { return p.net.timeEnd() }, nil
		case ir.KStep:
			return func(p *Population, i int) float64 { return p.net.h }, nil
		}
		return nil, fmt.Errorf("unknown reference kind %d", e.Kind)
	case *ir.Unary:
		x, err := compileExpr(e.X)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case "-":
			return func(p *Population, i int) float64 { return -x(p, i) }, nil
		case "not":
			return func(p *Population, i int) float64 { return b2f(x(p, i) == 0) }, nil
		case "~":
			return func(p *Population, i int) float64 { return float64(^int64(x(p, i))) }, nil
		}
		return nil, fmt.Errorf("unknown unary operator %s", e.Op)
	case *ir.Binary:
		l, err := compileExpr(e.L)
		if err != nil {
			return nil, err
		}
		r, err := compileExpr(e.R)
		if err != nil {
			return nil, err
		}
		return binary(e.Op, e.Int, l, r)
	case *ir.Cond:
		c, err := compileExpr(e.C)
		if err != nil {
			return nil, err
		}
		a, err := compileExpr(e.Then)
		if err != nil {
			return nil, err
		}
		b, err := compileExpr(e.Else)
		if err != nil {
			return nil, err
		}
		return func(p *Population, i int) float64 {
			if c(p, i) != 0 {
				return a(p, i)
			}
			return b(p, i)
		}, nil
	case *ir.Call:
		args := make([]evalFn, len(e.Args))
		for k, a := range e.Args {
			f, err := compileExpr(a)
			if err != nil {
				return nil, err
			}
			args[k] = f
		}
		return call(e.Fn, args)
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

func binary(op string, isInt bool, l, r evalFn) (evalFn, error) {
	switch op {
	case "+":
		return func(p *Population, i int) float64 { return l(p, i) + r(p, i) }, nil
	case "-":
		return func(p *Population, i int) float64 { return l(p, i) - r(p, i) }, nil
	case "*":
		return func(p *Population, i int) float64 { return l(p, i) * r(p, i) }, nil
	case "/":
		return func(p *Population, i int) float64 { return l(p, i) / r(p, i) }, nil
	case "**":
		return func(p *Population, i int) float64 { return math.Pow(l(p, i), r(p, i)) }, nil
	case "//":
		if isInt {
			return func(p *Population, i int) float64 {
				d := int64(r(p, i))
				if d == 0 {
					return math.NaN()
				}
				return float64(int64(l(p, i)) / d)
			}, nil
		}
		return func(p *Population, i int) float64 { return math.Trunc(l(p, i) / r(p, i)) }, nil
	case "%":
		return func(p *Population, i int) float64 {
			d := int64(r(p, i))
			if d == 0 {
				return math.NaN()
			}
			return float64(int64(l(p, i)) % d)
		}, nil
	case "<":
		return func(p *Population, i int) float64 { return b2f(l(p, i) < r(p, i)) }, nil
	case "<=":
		return func(p *Population, i int) float64 { return b2f(l(p, i) <= r(p, i)) }, nil
	case ">":
		return func(p *Population, i int) float64 { return b2f(l(p, i) > r(p, i)) }, nil
	case ">=":
		return func(p *Population, i int) float64 { return b2f(l(p, i) >= r(p, i)) }, nil
	case "==":
		return func(p *Population, i int) float64 { return b2f(l(p, i) == r(p, i)) }, nil
	case "!=":
		return func(p *Population, i int) float64 { return b2f(l(p, i) != r(p, i)) }, nil
	case "and":
		return func(p *Population, i int) float64 { return b2f(l(p, i) != 0 && r(p, i) != 0) }, nil
	case "or":
		return func(p *Population, i int) float64 { return b2f(l(p, i) != 0 || r(p, i) != 0) }, nil
	case "&":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) & int64(r(p, i))) }, nil
	case "|":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) | int64(r(p, i))) }, nil
	case "^":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) ^ int64(r(p, i))) }, nil
	case "<<":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) << uint64(r(p, i))) }, nil
	case ">>":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) >> uint64(r(p, i))) }, nil
	}
	return nil, fmt.Errorf("unknown operator %s", op)
}

func call(fn string, a []evalFn) (evalFn, error) {
	one := func(f func(float64) float64) (evalFn, error) {
		if len(a) != 1 {
			return nil, fmt.Errorf("%s takes 1 argument", fn)
		}
		x := a[0]
		return func(p *Population, i int) float64 { return f(x(p, i)) }, nil
	}
	if f, ok := sym.Func1[fn]; ok {
		return one(f)
	}
	if f, ok := sym.Func2[fn]; ok {
		if len(a) != 2 {
			return nil, fmt.Errorf("%s takes 2 arguments", fn)
		}
		x, y := a[0], a[1]
		return func(p *Population, i int) float64 { return f(x(p, i), y(p, i)) }, nil
	}
	switch fn {
	case "random_normal", "random_uniform":
		if len(a) != 2 {
			return nil, fmt.Errorf("%s takes 2 arguments", fn)
		}
		x, y := a[0], a[1]
		if fn == "random_normal" {
			return func(p *Population, i int) float64 { return x(p, i) + y(p, i)*p.rng().NormFloat64() }, nil
		}
		return func(p *Population, i int) float64 { return x(p, i) + y(p, i)*p.rng().Float64() }, nil
	case "random_poisson":
		if len(a) != 1 {
			return nil, fmt.Errorf("random_poisson takes 1 argument")
		}
		x := a[0]
		return func(p *Population, i int) float64 { return float64(poisson(p.rng(), x(p, i))) }, nil
	case "clip":
		if len(a) != 3 {
			return nil, fmt.Errorf("clip takes 3 arguments")
		}
		x, lo, hi := a[0], a[1], a[2]
		return func(p *Population, i int) float64 { return sym.Clip(x(p, i), lo(p, i), hi(p, i)) }, nil
	}
	return nil, fmt.Errorf("function %s is not supported by the simulator", fn)
}
