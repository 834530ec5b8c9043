package sim

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"nestml_go/gocore/ir"
)

// Reading and writing the parameters and state variables of neurons, as
// NEST's GetStatus/SetStatus on nodes. Values cross this API in the
// model's declared units (ir.Var.Unit); the engine stores them in internal
// units (declared × ir.Var.Factor).

// VarInfo describes a parameter or state variable of a neuron model.
type VarInfo struct {
	Name    string
	Unit    string // declared unit ("" or "1" for plain numbers)
	IsParam bool
	Type    ir.Type
}

// lookupVar returns the variable name of p's model and its column.
func (p *Population) lookupVar(name string) (*ir.Var, []float64, error) {
	for j, v := range p.Model.Params {
		if v.Name == name {
			return v, p.params[j], nil
		}
	}
	for j, v := range p.Model.State {
		if v.Name == name {
			return v, p.state[j], nil
		}
	}
	msg := fmt.Sprintf("%s has no parameter or state variable %q", p.Model.Name, name)
	var names []string
	for _, v := range p.Model.Params {
		names = append(names, v.Name)
	}
	for _, v := range p.Model.State {
		names = append(names, v.Name)
	}
	if s := closestName(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return nil, nil, fmt.Errorf("%s", msg)
}

// NodeVars returns the parameters and state variables of the model of
// neuron id, parameters first, in declaration order.
func (n *Network) NodeVars(id int) ([]VarInfo, error) {
	nd, err := n.node(id)
	if err != nil {
		return nil, err
	}
	if nd.pop == nil {
		return nil, fmt.Errorf("node %d is a device; only neurons have parameters and state to get or set", id)
	}
	var out []VarInfo
	for _, v := range nd.pop.Model.Params {
		out = append(out, VarInfo{v.Name, v.Unit, true, v.Type})
	}
	for _, v := range nd.pop.Model.State {
		out = append(out, VarInfo{v.Name, v.Unit, false, v.Type})
	}
	return out, nil
}

// VarOf returns the description of the parameter or state variable name
// of neuron id; an unknown name is an error with a did-you-mean hint.
func (n *Network) VarOf(id int, name string) (VarInfo, error) {
	nd, err := n.node(id)
	if err != nil {
		return VarInfo{}, err
	}
	if nd.pop == nil {
		return VarInfo{}, fmt.Errorf("node %d is a device; only neurons have parameters and state to get or set", id)
	}
	v, _, err := nd.pop.lookupVar(name)
	if err != nil {
		return VarInfo{}, err
	}
	return VarInfo{v.Name, v.Unit, v.Kind == ir.KParam, v.Type}, nil
}

// GetValues returns the value of name (declared unit) for each neuron of ids.
func (n *Network) GetValues(ids []int, name string) ([]float64, error) {
	out := make([]float64, len(ids))
	for k, id := range ids {
		nd, err := n.node(id)
		if err != nil {
			return nil, err
		}
		if nd.pop == nil {
			return nil, fmt.Errorf("node %d is a device; only neurons have parameters and state to get or set", id)
		}
		v, col, err := nd.pop.lookupVar(name)
		if err != nil {
			return nil, err
		}
		out[k] = col[nd.index] / factor(v)
	}
	return out, nil
}

func factor(v *ir.Var) float64 {
	if v.Factor == 0 {
		return 1
	}
	return v.Factor
}

// SetValues sets parameters and state variables of the neurons ids: for
// each name, either one value for all or one value per id, in the declared
// unit. Integer and boolean variables take whole numbers (booleans 0 or 1).
// After the assignment every parameter invariant ([[...]]) of the
// affected neurons is checked; if one fails, or any value is invalid,
// nothing is changed and the error names the invariant and the neuron.
// Changed parameters take effect (internals, propagators) at the next
// Simulate; state variables keep their values when parameters change.
func (n *Network) SetValues(ids []int, values map[string][]float64) error {
	names := make([]string, 0, len(values))
	for k := range values {
		names = append(names, k)
	}
	sort.Strings(names)
	type change struct {
		col     []float64
		i       int
		old     float64
		p       *Population
		isParam bool
	}
	var changes []change
	undo := func() {
		for k := len(changes) - 1; k >= 0; k-- {
			changes[k].col[changes[k].i] = changes[k].old
		}
	}
	touched := map[*Population]map[int]bool{}
	var order []*Population
	for _, name := range names {
		vals := values[name]
		if len(vals) != 1 && len(vals) != len(ids) {
			undo()
			return fmt.Errorf("%s: %d values for %d nodes (give one value or one per node)", name, len(vals), len(ids))
		}
		for k, id := range ids {
			nd, err := n.node(id)
			if err == nil && nd.pop == nil {
				err = fmt.Errorf("node %d is a device; only neurons have parameters and state to get or set", id)
			}
			var v *ir.Var
			var col []float64
			if err == nil {
				v, col, err = nd.pop.lookupVar(name)
			}
			if err != nil {
				undo()
				return err
			}
			x := vals[0]
			if len(vals) > 1 {
				x = vals[k]
			}
			if err := checkTyped(v, x); err != nil {
				undo()
				return err
			}
			isParam := v.Kind == ir.KParam
			changes = append(changes, change{col, nd.index, col[nd.index], nd.pop, isParam})
			col[nd.index] = x * factor(v)
			if touched[nd.pop] == nil {
				touched[nd.pop] = map[int]bool{}
				order = append(order, nd.pop)
			}
			touched[nd.pop][nd.index] = true
		}
	}
	// invariants, with all new values in place
	for _, p := range order {
		if err := p.checkGuards(touched[p]); err != nil {
			undo()
			return err
		}
	}
	for _, c := range changes {
		if c.isParam {
			c.p.dirty = true
			c.p.rebind = true
		}
	}
	return nil
}

func checkTyped(v *ir.Var, x float64) error {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return fmt.Errorf("%s: the value must be finite, got %v", v.Name, x)
	}
	switch v.Type {
	case ir.Integer:
		if x != math.Trunc(x) {
			return fmt.Errorf("%s is an integer; got %v", v.Name, x)
		}
	case ir.Boolean:
		if x != 0 && x != 1 {
			return fmt.Errorf("%s is a boolean; give true or false (1 or 0), got %v", v.Name, x)
		}
	}
	return nil
}

// checkGuards evaluates the parameter invariants for the neurons in idx.
// Internals are recomputed first, since invariants may refer to them.
func (p *Population) checkGuards(idx map[int]bool) error {
	var guards []*ir.Var
	for _, v := range p.Model.Params {
		if v.Guard != nil {
			guards = append(guards, v)
		}
	}
	if len(guards) == 0 {
		return nil
	}
	fns := make([]evalFn, len(guards))
	for k, v := range guards {
		f, err := compileExpr(v.Guard)
		if err != nil {
			return fmt.Errorf("invariant of %s: %v", v.Name, err)
		}
		fns[k] = f
	}
	saved := make([][]float64, len(p.internals))
	for j, col := range p.internals {
		saved[j] = append([]float64(nil), col...)
	}
	defer func() {
		for j := range p.internals {
			copy(p.internals[j], saved[j])
		}
	}()
	is := make([]int, 0, len(idx))
	for i := range idx {
		is = append(is, i)
	}
	sort.Ints(is)
	for _, i := range is {
		for j, f := range p.internalFns {
			p.internals[j][i] = f(p, i)
		}
		for k, f := range fns {
			if f(p, i) == 0 {
				text := guards[k].GuardText
				if text == "" {
					text = "its invariant"
				}
				return fmt.Errorf("invariant [[%s]] of %s violated for node %d (%s = %v %s)", text, guards[k].Name, p.first+i,
					guards[k].Name, p.params[guards[k].Index][i]/factor(guards[k]), strings.TrimSpace(guards[k].Unit))
			}
		}
	}
	return nil
}

// closestName returns the candidate nearest to name by edit distance
// (at most a third of its length, at least 1, ignoring case), or "".
func closestName(name string, candidates []string) string {
	best, bestD := "", max(1, len(name)/3)+1
	ln := strings.ToLower(name)
	for _, c := range candidates {
		if d := editDistance(ln, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance (insertions,
// deletions, substitutions, adjacent transpositions).
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// Units returns, for each variable a multimeter records, the unit of the
// recorded values: the engine records internal units (as NEST does), which
// are the declared unit whenever the declared unit is NEST's (factor 1, as
// in every model of our library); "" when it is not or no source has the
// variable. Times are always in ms.
func (r *Recorder) Units() map[string]string {
	out := map[string]string{}
	for _, name := range r.RecordFrom {
		out[name] = ""
		for _, src := range r.sources {
			if src == nil || src.pop == nil {
				continue
			}
			v, _, err := src.pop.lookupVar(name)
			if err != nil {
				continue
			}
			if factor(v) == 1 && v.Unit != "1" {
				out[name] = v.Unit
			}
			break
		}
	}
	return out
}
