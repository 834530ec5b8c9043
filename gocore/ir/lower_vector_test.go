package ir_test

import (
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
)

const vectorModel = `model vec_neuron:
    state:
        g[n] nS = 2 nS
        acc real = 0
        V_m mV = 0 mV
    parameters:
        n integer = 3
        w[2] real = 0.5
        tau ms = 10 ms
    internals:
        k integer = 2
    input:
        syn[k] <- spike
        I_stim pA <- continuous
    equations:
        V_m' = -V_m / tau + g[1] * 1 mV / (nS * ms)
    update:
        i integer = 0
        for i in 0 ... n step 1:
            g[i] += 1 nS
        acc = w[1] + g[2] / nS
        integrate_odes()
    onReceive(syn):
        j integer = 1
        acc += syn[j] * w[j] * s
`

// TestLowerVectors checks the expansion of vector variables and ports into
// element entries, the Vectors table, constant-index element references,
// run-time indexed references (reads and writes) and vector-port handlers.
func TestLowerVectors(t *testing.T) {
	r := pipeline.Compile("vec.nestml", []byte(vectorModel), pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("compile: %v", r.Diagnostics)
	}
	m := r.Models[0]
	names := func(vs []*ir.Var) string {
		var out []string
		for _, v := range vs {
			out = append(out, v.Name)
		}
		return strings.Join(out, " ")
	}
	if got, want := names(m.State), "g[0] g[1] g[2] acc V_m"; got != want {
		t.Errorf("state = %q, want %q", got, want)
	}
	if got, want := names(m.Params), "n w[0] w[1] tau"; got != want {
		t.Errorf("params = %q, want %q", got, want)
	}
	var ports []string
	for _, p := range m.SpikePorts {
		ports = append(ports, p.Name)
	}
	if got, want := strings.Join(ports, " "), "syn[0] syn[1]"; got != want {
		t.Errorf("spike ports = %q, want %q", got, want)
	}
	type vec struct {
		name         string
		kind         ir.VarKind
		first, size  int
		sizeParamStr string
	}
	want := []vec{{"w", ir.KParam, 1, 2, ""}, {"g", ir.KState, 0, 3, "n"}, {"syn", ir.KSpikePort, 0, 2, "k"}}
	if len(m.Vectors) != len(want) {
		t.Fatalf("vectors: %d, want %d", len(m.Vectors), len(want))
	}
	for i, w := range want {
		v := m.Vectors[i]
		if v.Name != w.name || v.Kind != w.kind || v.First != w.first || v.Size != w.size || v.SizeParam != w.sizeParamStr {
			t.Errorf("vector %d = %+v, want %+v", i, *v, w)
		}
	}
	if v := m.VectorOf(ir.KState, 2); v == nil || v.Name != "g" {
		t.Errorf("VectorOf(state 3) = %v, want g", v)
	}
	if v := m.VectorOf(ir.KState, 3); v != nil {
		t.Errorf("VectorOf(state 4) = %v, want nil", v)
	}
	// every element starts at the declared value: 2 nS
	for _, v := range m.State[0:3] {
		if c, ok := v.Init.(*ir.Const); !ok || c.Value != 2 {
			t.Errorf("init of %s = %#v, want 2", v.Name, v.Init)
		}
	}
	// the ODE reads g[1] by its element entry (an input channel of V_m's block)
	found := false
	for _, b := range m.Analytic {
		for _, u := range b.Channels {
			inspect(u, func(r *ir.Ref) {
				if r.Kind == ir.KState && r.Index == 1 && r.Idx == nil {
					found = true
				}
			})
		}
	}
	if !found {
		t.Errorf("the equation of V_m does not read g[1] as state 1")
	}
	// update: the for loop is i = 0; while i < n: g[i] += 1 nS; i += 1
	if len(m.Update) != 5 {
		t.Fatalf("update has %d statements, want 5 (declare, i = 0, while, acc =, integrate)", len(m.Update))
	}
	f, ok := m.Update[2].(*ir.While)
	if !ok {
		t.Fatalf("update[2] = %T, want *ir.While", m.Update[2])
	}
	if c, ok := f.Cond.(*ir.Binary); !ok || c.Op != "<" {
		t.Errorf("loop condition = %#v, want i < n", f.Cond)
	}
	if inc, ok := f.Body[1].(*ir.Assign); !ok || inc.Op != "+=" || inc.Target.Kind != ir.KLocal {
		t.Errorf("loop increment = %#v", f.Body[1])
	}
	a := f.Body[0].(*ir.Assign)
	if a.Target.Kind != ir.KState || a.Target.Index != 0 || a.Target.Idx == nil || a.Target.Name != "g" {
		t.Errorf("loop target = %+v, want g[i] with a run-time index", a.Target)
	}
	// acc = w[1] + g[2]/nS: constant indices become element refs
	var refs []string
	inspect(m.Update[3].(*ir.Assign).Value, func(r *ir.Ref) {
		if r.Idx != nil {
			t.Errorf("constant index lowered as run-time index: %+v", r)
		}
		refs = append(refs, r.Name)
	})
	if got := strings.Join(refs, " "); got != "w[1] g[2]" {
		t.Errorf("refs = %q, want \"w[1] g[2]\"", got)
	}
	// the vector port handler covers both elements
	if len(m.OnReceive) != 1 || m.OnReceive[0].Port != 0 || m.OnReceive[0].Size != 2 {
		t.Errorf("onReceive = %+v, want port 0 size 2", m.OnReceive[0])
	}
	var dyn []*ir.Ref
	inspect(m.OnReceive[0].Body[1].(*ir.Assign).Value, func(r *ir.Ref) {
		if r.Idx != nil {
			dyn = append(dyn, r)
		}
	})
	if len(dyn) != 2 || dyn[0].Kind != ir.KSpikePort || dyn[1].Kind != ir.KParam || dyn[1].Index != 1 {
		t.Errorf("run-time indexed refs in the handler = %+v", dyn)
	}
}

// TestLowerVectorErrors checks that indices out of range and unsupported
// vector uses are clear lowering errors.
func TestLowerVectorErrors(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"x[3] = 1", "out of range"},
		{"y = x[5]", "out of range"},
		{"integrate_odes()\n    equations:\n        y' = x[3] / ms", "index 3 of x is out of range [0, 3)"},
	} {
		src := "model m:\n    state:\n        x[3] real = 0\n        y real = 0\n    update:\n        " + tc.body + "\n"
		r := pipeline.Compile("e.nestml", []byte(src), pipeline.Options{})
		if !r.HasErrors() {
			t.Errorf("%s: no error", tc.body)
			continue
		}
		msg := ""
		for _, d := range r.Diagnostics {
			msg += d.Message + "\n"
		}
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s: diagnostics %q do not contain %q", tc.body, msg, tc.want)
		}
	}
}

// inspect calls f for every reference in e (index expressions included).
func inspect(e ir.Expr, f func(*ir.Ref)) {
	ir.Walk(e, func(x ir.Expr) {
		if r, ok := x.(*ir.Ref); ok {
			f(r)
		}
	})
}

// TestLowerVectorPrint checks that a whole vector in a print placeholder is
// printed element by element, and that synapses refuse vectors.
func TestLowerVectorPrint(t *testing.T) {
	src := "model m:\n    state:\n        x[2] real = 0\n    update:\n        println(\"x={x}\")\n"
	r := pipeline.Compile("p.nestml", []byte(src), pipeline.Options{})
	if r.HasErrors() {
		t.Fatalf("compile: %v", r.Diagnostics)
	}
	p := r.Models[0].Update[0].(*ir.Print)
	if p.Format != "x=[{x[0]}, {x[1]}]" || len(p.Args) != 2 || p.Args[1].(*ir.Ref).Index != 1 {
		t.Errorf("print = %q %v", p.Format, p.Names)
	}
	syn := "model s_synapse:\n    state:\n        w real = 1\n        x[2] real = 0\n    input:\n        pre_spikes <- spike\n    output:\n        spike\n    onReceive(pre_spikes):\n        emit_spike(w)\n"
	r = pipeline.Compile("s.nestml", []byte(syn), pipeline.Options{})
	msg := ""
	for _, d := range r.Diagnostics {
		msg += d.Message
	}
	if !strings.Contains(msg, "vector variables in synapses are not supported") {
		t.Errorf("synapse with a vector: diagnostics %q", msg)
	}
}
