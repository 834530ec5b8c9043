package sim

import (
	"fmt"
	"math"

	"nestml_go/gocore/ir"
)

// This file runs vector variables and vector ports (ir.Vector). Their
// elements are ordinary columns (parameters, state, internals, continuous
// inputs) or spike ports of their own, so an element with a constant index
// is an ordinary operand. An element with a run-time index (ir.Ref.Idx, the
// loop variable of `x[i]`) is read by a gather instruction (opGather: lane
// i reads element int(idx[i]) of its own neuron) and written by a scatter
// statement (vAssignIdx). An index outside [0, size) stops the simulation
// with an error naming the neuron, as a numeric failure does.
//
// Sizes are bound at lowering; a parameter that gave a size cannot change
// afterwards (CheckVectorSizes, and compileProgram refuses to run then).

// vecAccess is the vector an opGather or vAssignIdx addresses.
type vecAccess struct {
	name  string
	kind  ir.VarKind
	first int
	size  int
	cols  [][]float64 // element columns (nil for spike ports)
	isInt bool        // integer elements (assignments truncate)
}

func (c *compiler) vecAccess(r *ir.Ref) (*vecAccess, error) {
	vec := c.m.VectorOf(r.Kind, r.Index)
	if vec == nil || vec.First != r.Index {
		return nil, fmt.Errorf("%s[…]: no vector starts at entry %d", r.Name, r.Index)
	}
	va := &vecAccess{name: vec.Name, kind: vec.Kind, first: vec.First, size: vec.Size}
	p := c.p
	switch r.Kind {
	case ir.KParam:
		va.cols = p.params[vec.First : vec.First+vec.Size]
	case ir.KState:
		va.cols = p.state[vec.First : vec.First+vec.Size]
		va.isInt = c.m.State[vec.First].Type == ir.Integer
	case ir.KInternal:
		va.cols = p.internals[vec.First : vec.First+vec.Size]
	case ir.KContPort:
		va.cols = p.contIn[vec.First : vec.First+vec.Size]
	case ir.KSpikePort:
	default:
		return nil, fmt.Errorf("%s[…] cannot be indexed at run time", r.Name)
	}
	return va, nil
}

// gather compiles the read of a vector element with a run-time index.
func (c *compiler) gather(r *ir.Ref, code *[]instr) (operand, error) {
	va, err := c.vecAccess(r)
	if err != nil {
		return operand{}, err
	}
	idx, err := c.emitExpr(r.Idx, code)
	if err != nil {
		return operand{}, err
	}
	c.release(idx)
	d := c.alloc()
	*code = append(*code, instr{op: opGather, dst: d, a: idx, vec: va})
	return operand{kind: kReg, idx: d}, nil
}

// element returns the element index of lane i (its value x of the index
// expression), or -1 after recording an error.
func (c *chunk) element(va *vecAccess, x float64, i int32) int {
	k := int(x)
	if x != math.Trunc(x) || x < 0 || k >= va.size {
		c.fail(int(i), fmt.Errorf("index %v of vector %s is out of range [0, %d)", x, va.name, va.size))
		return -1
	}
	return k
}

// runGather runs an opGather over s.
func (c *chunk) runGather(in *instr, d []float64, s sel) {
	a, as := c.get(in.a)
	va := in.vec
	forSel(s, func(i int32) {
		x := as
		if a != nil {
			x = a[i]
		}
		k := c.element(va, x, i)
		switch {
		case k < 0:
			d[i] = 0
		case va.cols != nil:
			d[i] = va.cols[k][c.base+int(i)]
		default:
			d[i] = c.spike[va.first+k][i]
		}
	})
}

// vAssignIdx stores into a vector element with a run-time index.
type vAssignIdx struct {
	va  *vecAccess
	idx vexpr
	op  opcode
	val vexpr
}

func (c *compiler) assignIdx(s *ir.Assign) (vstmt, error) {
	if s.Target.Kind != ir.KState {
		return nil, fmt.Errorf("cannot assign to %s[…]", s.Target.Name)
	}
	va, err := c.vecAccess(s.Target)
	if err != nil {
		return nil, err
	}
	// both expressions are live at once: index first, then the value
	idx, err := c.expr(s.Target.Idx)
	if err != nil {
		return nil, err
	}
	val, err := c.expr(s.Value)
	if err != nil {
		return nil, err
	}
	c.release(idx.res)
	c.release(val.res)
	op := map[string]opcode{"=": opCopy, "+=": opAdd, "-=": opSub, "*=": opMul, "/=": opDiv}[s.Op]
	if op == 0 {
		return nil, fmt.Errorf("unknown assignment %s", s.Op)
	}
	return &vAssignIdx{va, idx, op, val}, nil
}

func (a *vAssignIdx) exec(c *chunk, s sel) {
	// the index register is not reused by the value (assignIdx releases
	// it only after compiling the value)
	idx, ixs := c.eval(&a.idx, s)
	v, vs := c.eval(&a.val, s)
	forSel(s, func(i int32) {
		x := ixs
		if idx != nil {
			x = idx[i]
		}
		k := c.element(a.va, x, i)
		if k < 0 {
			return
		}
		y := vs
		if v != nil {
			y = v[i]
		}
		p := &a.va.cols[k][c.base+int(i)]
		switch a.op {
		case opCopy:
			*p = y
		case opAdd:
			*p += y
		case opSub:
			*p -= y
		case opMul:
			*p *= y
		case opDiv:
			*p /= y
		}
		if a.va.isInt {
			*p = math.Trunc(*p)
		}
	})
}

// recvFlags returns the lanes' "a spike arrived" flags of the ports of an
// onReceive handler: the port's own, or for a vector port the union over
// its elements (nil: no input on any of them).
func (c *chunk) recvFlags(h *recvHandler) []uint8 {
	if h.size <= 1 {
		return c.flags[h.port]
	}
	var out []uint8
	for k := h.port; k < h.port+h.size; k++ {
		f := c.flags[k]
		if f == nil {
			continue
		}
		if out == nil {
			out = make([]uint8, c.n)
		}
		for i, x := range f[:c.n] {
			out[i] |= x
		}
	}
	return out
}

// checkVectorSizes reports an error if a parameter that gave the size of a
// vector no longer has the value the size was bound to.
func checkVectorSizes(p *Population) error {
	for _, vec := range p.Model.Vectors {
		if vec.SizeParam == "" {
			continue
		}
		for j, v := range p.Model.Params {
			if v.Name != vec.SizeParam {
				continue
			}
			for _, x := range p.params[j] {
				if x != float64(vec.Size) {
					return sizeError(vec, x)
				}
			}
		}
	}
	return nil
}

func sizeError(vec *ir.Vector, x float64) error {
	return fmt.Errorf("%s = %v: %s gives the size of vector %s, which is fixed at %d when the model is compiled; changing it is not supported",
		vec.SizeParam, x, vec.SizeParam, vec.Name, vec.Size)
}

// CheckVectorSizes reports an error if setting parameter name of the nodes
// ids to vals (internal units; one value or one per node) would change the
// size of a vector. Nodes that are not neurons are ignored.
func (n *Network) CheckVectorSizes(ids []int, name string, vals []float64) error {
	for k, id := range ids {
		nd, err := n.node(id)
		if err != nil || nd.pop == nil {
			continue
		}
		x := vals[0]
		if len(vals) == len(ids) {
			x = vals[k]
		}
		for _, vec := range nd.pop.Model.Vectors {
			if vec.SizeParam == name && x != float64(vec.Size) {
				return sizeError(vec, x)
			}
		}
	}
	return nil
}

// ReceptorPort returns the spike port name that NEST receptor number r of
// neuron id addresses (nest_target.md §4.4): for a single-receptor model
// only 0, meaning the default routing (""); for a multi-receptor model
// (several unqualified spike ports, or any vector port) 1, 2, … in port
// declaration order, one per element of a vector port. A receptor shared by
// an excitatory/inhibitory pair cannot be named by one port; it is refused.
func (n *Network) ReceptorPort(id, r int) (string, error) {
	nd, err := n.node(id)
	if err != nil {
		return "", err
	}
	if nd.pop == nil {
		return "", fmt.Errorf("node %d is a device; receptor types address neuron ports", id)
	}
	m := nd.pop.Model
	if m.Name == "parrot_neuron" && len(m.SpikePorts) == 2 && m.SpikePorts[1].Name == "no_repeat" {
		// NEST's built-in numbering: 0 repeats, 1 does not (ParrotModel)
		if r != 0 && r != 1 {
			return "", fmt.Errorf("parrot_neuron has receptors 0 and 1; receptor_type %d does not exist", r)
		}
		return m.SpikePorts[r].Name, nil
	}
	recs := receptors(m)
	multi := len(recs) > 1
	for _, vec := range m.Vectors {
		if vec.Kind == ir.KSpikePort {
			multi = true
		}
	}
	if !multi {
		if r != 0 {
			return "", fmt.Errorf("%s has a single spike receptor; receptor_type must be 0, got %d", m.Name, r)
		}
		return "", nil
	}
	if r < 1 || r > len(recs) {
		return "", fmt.Errorf("%s has spike receptors 1 … %d; receptor_type %d does not exist", m.Name, len(recs), r)
	}
	ports := recs[r-1]
	if len(ports) > 1 {
		return "", fmt.Errorf("receptor %d of %s is shared by the ports %s and %s (sign routing); name the port instead",
			r, m.Name, m.SpikePorts[ports[0]].Name, m.SpikePorts[ports[1]].Name)
	}
	return m.SpikePorts[ports[0]].Name, nil
}

// receptors numbers the spike ports as NEST receptors: each entry lists the
// ports of one receptor (an excitatory port is paired with the next unpaired
// inhibitory one and vice versa).
func receptors(m *ir.Model) [][]int {
	used := make([]bool, len(m.SpikePorts))
	var out [][]int
	for i, sp := range m.SpikePorts {
		if used[i] {
			continue
		}
		used[i] = true
		rec := []int{i}
		if sp.Qualifier != "" {
			other := "inhibitory"
			if sp.Qualifier == "inhibitory" {
				other = "excitatory"
			}
			for j := i + 1; j < len(m.SpikePorts); j++ {
				if !used[j] && m.SpikePorts[j].Qualifier == other {
					used[j] = true
					rec = append(rec, j)
					break
				}
			}
		}
		out = append(out, rec)
	}
	return out
}

// VectorElements returns the names of the elements ("x[0]" …) of the
// vector parameter or state variable name of neuron id, or nil if name is
// not such a vector. Each element is got and set under its own name.
func (n *Network) VectorElements(id int, name string) []string {
	nd, err := n.node(id)
	if err != nil || nd.pop == nil {
		return nil
	}
	m := nd.pop.Model
	for _, vec := range m.Vectors {
		if vec.Name != name || (vec.Kind != ir.KParam && vec.Kind != ir.KState) {
			continue
		}
		list := m.Params
		if vec.Kind == ir.KState {
			list = m.State
		}
		out := make([]string, vec.Size)
		for k := range out {
			out[k] = list[vec.First+k].Name
		}
		return out
	}
	return nil
}
