package odes

import (
	"errors"
	"fmt"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/sym"
)

// analyzer carries the state of one model's analysis while right-hand
// sides are converted: the convolutions created so far and the delta-kernel
// placeholders.
type analyzer struct {
	p            *Plan
	conv         *Converter
	mi           *check.ModelInfo
	info         *check.Info
	convs        map[string]*Conv  // "K|p" → convolution
	placeholders map[string]string // delta placeholder symbol → port
	addConvState func(*State) int

	err      error
	errCode  diag.Code
	errRange ast.Range
}

// kernelError carries a diagnostic code for a failed kernel conversion.
type kernelError struct {
	code diag.Code
	msg  string
}

func (e *kernelError) Error() string { return e.msg }

func (a *analyzer) code(err error) diag.Code {
	var ke *kernelError
	if errors.As(err, &ke) {
		return ke.code
	}
	return diag.AnalysisUnsupported
}

// kernelDecl finds the kernel declaration that defines name.
func (a *analyzer) kernelDecl(name string) (*ast.Kernel, int) {
	for _, d := range a.mi.Model.Body {
		eq, ok := d.(*ast.EquationsBlock)
		if !ok {
			continue
		}
		for _, el := range eq.Elems {
			k, ok := el.(*ast.Kernel)
			if !ok {
				continue
			}
			for i, v := range k.Lhs {
				if v.Name == name {
					return k, i
				}
			}
		}
	}
	return nil, -1
}

// convolve returns the symbol standing for convolve(k, p): the first state
// of the convolution (created on first use), or a placeholder for a delta
// kernel, which the caller turns into a jump.
func (a *analyzer) convolve(kv, pv *ast.Variable) (sym.Expr, error) {
	kd, idx := a.kernelDecl(kv.Name)
	if kd == nil {
		return nil, fmt.Errorf("%s is not a kernel", kv.Name)
	}
	if pv.Index != nil {
		return nil, fmt.Errorf("convolve(%s, %s[…]): convolutions with elements of vector ports are not supported by this release", kv.Name, pv.Name)
	}
	port := pv.Name
	key := kv.Name + "|" + port
	if c, ok := a.convs[key]; ok {
		return sym.S(a.stateName(c, 0)), nil
	}
	// delta kernel
	if call, ok := ast.Unparen(kd.Rhs[idx]).(*ast.Call); ok && call.Name.Name == "delta" && kd.Lhs[idx].Order == 0 {
		ph := "__delta__" + kv.Name + "__" + port
		a.placeholders[ph] = port
		return sym.S(ph), nil
	}
	c := &Conv{Kernel: kv.Name, Port: port}
	a.convs[key] = c
	if kd.Lhs[idx].Order == 0 {
		// function-of-time kernel
		f, err := a.conv.Expr(kd.Rhs[idx])
		if err != nil {
			return nil, err
		}
		shape, err := KernelODE(f, TimeSymbol, defaultKernelMaxOrder)
		if err != nil {
			var ke *KernelError
			if errors.As(err, &ke) {
				msg := fmt.Sprintf("kernel %s: %s", kv.Name, ke.Msg)
				if ke.Msg == KernelNotLTIMsg {
					msg = "kernel " + kv.Name + " is not the impulse response of a finite linear time-invariant system"
				}
				return nil, &kernelError{ke.Code, msg}
			}
			return nil, &kernelError{diag.Code("KERNEL_NOT_LTI"), fmt.Sprintf("kernel %s: %v", kv.Name, err)}
		}
		for _, s := range sym.Symbols(f) {
			if k, ok := a.p.Kinds[s]; ok && k == check.SymState {
				return nil, &kernelError{diag.Code("KERNEL_NOT_LTI"), "kernel " + kv.Name + " depends on the state variable " + s + "; a kernel must be a fixed function of time"}
			}
		}
		c.Shape = shape
		c.F = f
		n := shape.Order
		for d := 0; d < n; d++ {
			var rhs sym.Expr
			if d < n-1 {
				rhs = sym.S(ConvState(kv.Name, port, d+1))
			} else {
				var terms []sym.Expr
				for k, ak := range shape.Coeffs {
					terms = append(terms, sym.Neg(sym.Mul(ak, sym.S(ConvState(kv.Name, port, k)))))
				}
				rhs = sym.Add(terms...)
			}
			st := &State{Name: ConvState(kv.Name, port, d), Rhs: rhs, Conv: c}
			c.States = append(c.States, a.addConvState(st))
		}
		c.IV = shape.IV
		a.p.Convs = append(a.p.Convs, c)
		return sym.S(a.stateName(c, 0)), nil
	}
	// ODE-form kernel: every line of the declaration is one variable; a
	// variable of order m contributes m states (x, x', …, x^(m-1)) whose
	// initial values in the state block form the jump vector.
	type line struct {
		v   *ast.Variable
		rhs ast.Expr
	}
	var lines []line
	for i, v := range kd.Lhs {
		lines = append(lines, line{v, kd.Rhs[i]})
	}
	rename := map[string]sym.Expr{}
	for _, l := range lines {
		for d := 0; d < l.v.Order; d++ {
			rename[l.v.Name+strings.Repeat("__d", d)] = sym.S(ConvState(l.v.Name, port, d))
		}
	}
	for _, l := range lines {
		for d := 0; d < l.v.Order; d++ {
			name := l.v.Name
			for i := 0; i < d; i++ {
				name += "'"
			}
			s := a.mi.Lookup(name)
			if s == nil || s.Kind != check.SymState {
				return nil, &kernelError{diag.Code("KERNEL_INITIAL_VALUE_MISSING"), fmt.Sprintf("kernel %s needs the state variable %s with an initial value", kv.Name, name)}
			}
			iv := sym.Expr(sym.Zero)
			if s.Init != nil {
				x, err := a.conv.Convert(s.Init, s.Type)
				if err != nil {
					return nil, err
				}
				iv = x
			}
			var rhs sym.Expr
			if d < l.v.Order-1 {
				rhs = sym.S(ConvState(l.v.Name, port, d+1))
			} else {
				var t check.Type
				if s := a.mi.Lookup(l.v.Name); s != nil {
					t = derivType(s.Type)
				}
				x, err := a.conv.Convert(l.rhs, t)
				if err != nil {
					return nil, err
				}
				rhs = sym.Subst(x, rename)
			}
			st := &State{Name: ConvState(l.v.Name, port, d), Rhs: rhs, Conv: c}
			c.States = append(c.States, a.addConvState(st))
			c.IV = append(c.IV, iv)
		}
	}
	a.p.Convs = append(a.p.Convs, c)
	return sym.S(ConvState(kv.Name, port, 0)), nil
}

func (a *analyzer) stateName(c *Conv, d int) string { return ConvState(c.Kernel, c.Port, d) }
