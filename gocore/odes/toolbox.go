package odes

import (
	"nestml_go/gocore/sym"
)

// ToolboxInput returns the ODE-toolbox input (its "dynamics"/"parameters"
// JSON) for the system this plan analysed, close to what pynestml hands
// over: each function-of-time kernel convolution as a shape
// "K__X__p = f(t)", every other state as a first-order ODE with its
// initial value, and the default parameter values (env, from Defaults).
// Expressions are printed for SymPy. Benchmarks and cross-checks use it to
// run ODE-toolbox on exactly the systems we analyse.
func ToolboxInput(p *Plan, env map[string]float64) map[string]any {
	var dyn []map[string]any
	done := map[*Conv]bool{}
	for _, st := range p.States {
		if c := st.Conv; c != nil && c.F != nil {
			if !done[c] {
				done[c] = true
				f := sym.Subst(c.F, map[string]sym.Expr{TimeSymbol: sym.S("t")})
				dyn = append(dyn, map[string]any{"expression": ConvState(c.Kernel, c.Port, 0) + " = " + sym.Print(f, sym.Python)})
			}
			continue
		}
		iv := "0"
		if c := st.Conv; c != nil {
			for k, si := range c.States {
				if p.States[si] == st {
					iv = sym.Print(c.IV[k], sym.Python)
				}
			}
		} else if v, ok := env[st.Name]; ok {
			iv = fmtNum(v)
		}
		dyn = append(dyn, map[string]any{
			"expression":    st.Name + "' = " + sym.Print(st.Rhs, sym.Python),
			"initial_value": iv,
		})
	}
	params := map[string]string{}
	for name := range p.Kinds {
		if v, ok := env[name]; ok {
			params[name] = fmtNum(v)
		}
	}
	for _, st := range p.States {
		delete(params, st.Name)
	}
	return map[string]any{"dynamics": dyn, "parameters": params}
}
