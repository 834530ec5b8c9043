package loihi

import (
	"fmt"
	"math"
	"math/rand/v2"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/loihi/emu"
)

// PoissonStimulus returns the reference Poisson input of §7.1 step 6: 10
// sources of 100 Hz each (1000 Hz aggregate, at most one spike per source
// and step), every one connected with weight w and delay 1 step to a
// single neuron; spikes drawn from a PCG generator seeded with seed.
func PoissonStimulus(steps int, h, w float64, seed uint64) *Stimulus {
	const sources = 10
	p := 100.0 * h * 1e-3
	r := rand.New(rand.NewPCG(seed, 0x4c4f494849)) // "LOIHI"
	s := &Stimulus{Steps: steps, N: 1, Inputs: sources, Spikes: make([][]int, sources), Weights: make([]float64, sources)}
	for j := range s.Weights {
		s.Weights[j] = w
	}
	for t := 1; t <= steps; t++ {
		for j := 0; j < sources; j++ {
			if r.Float64() < p {
				s.Spikes[j] = append(s.Spikes[j], t)
			}
		}
	}
	for j := range s.Spikes {
		if s.Spikes[j] == nil {
			s.Spikes[j] = []int{}
		}
	}
	return s
}

// ExampleStimulus returns the stimulus of the generated run_example.py:
// n neurons driven by `inputs` sources that fire regularly at staggered
// phases, with excitatory weights of 60% and (for models with inhibition)
// inhibitory weights of 30% of the expected range, and delays 1…3 steps,
// over `steps` steps. It is deterministic and makes every neuron spike.
func ExampleStimulus(n *Neuron, opts Options, N, steps int) *Stimulus {
	opts, _ = opts.normalized()
	q := &quantizer{n: n, opts: opts}
	exc, inh := 0.0, 0.0
	for _, p := range n.Ports {
		r := q.portRange(p)
		exc = math.Max(exc, r[1])
		inh = math.Min(inh, r[0])
	}
	const inputs = 4
	s := &Stimulus{Steps: steps, N: N, Inputs: inputs, Spikes: make([][]int, inputs),
		Weights: make([]float64, N*inputs), Delays: make([]int, N*inputs)}
	period := []int{7, 11, 13, 17}
	for j := 0; j < inputs; j++ {
		s.Spikes[j] = []int{}
		for t := 1 + j*3; t <= steps; t += period[j] {
			s.Spikes[j] = append(s.Spikes[j], t)
		}
	}
	for i := 0; i < N; i++ {
		for j := 0; j < inputs; j++ {
			w := exc * (0.3 + 0.1*float64((i+j)%4))
			if j == inputs-1 && inh < 0 {
				w = 0.3 * inh
			}
			s.Weights[i*inputs+j] = w
			s.Delays[i*inputs+j] = 1 + (i+j)%3
		}
	}
	return s
}

// simulatedError runs the reference stimuli of §7.1 step 6 and fills the
// report. It re-quantizes for the current step (whose I_e changes the bias).
func simulatedError(n0 *Neuron, opts Options, src []byte) ([]SimError, error) {
	var out []SimError
	steps := opts.SimSteps
	// 1. constant current step, if the model has I_e
	if _, ok := n0.param("I_e"); ok {
		rheo, err := rheobase(n0, opts, src)
		if err != nil {
			return nil, err
		}
		ie := math.Max(1.2*rheo, 300)
		o := opts
		o.Parameters = map[string]float64{}
		for k, v := range opts.Parameters {
			o.Parameters[k] = v
		}
		o.Parameters["I_e"] = ie / factorOf(n0, "I_e")
		an, ds := Analyze(n0.Model, o, src)
		if ds.HasErrors() || an == nil || an.Neuron == nil {
			return nil, fmt.Errorf("current-step variant: %v", ds.Errors())
		}
		n := an.Neuron
		f, _, qds := Quantize(n, o)
		if qds.HasErrors() {
			return nil, fmt.Errorf("current-step variant: %v", qds.Errors())
		}
		s := &Stimulus{Steps: steps, N: 1, Inputs: 0, Spikes: [][]int{}, Weights: []float64{}}
		e, err := compare(n, f, s)
		if err != nil {
			return nil, err
		}
		e.Stimulus = "current_step"
		e.Detail = fmt.Sprintf("I_e = %.6g pA = max(1.2 × rheobase %.6g pA, 300 pA), no spike input", ie, rheo)
		out = append(out, e)
	}
	// 2. Poisson input on the first excitatory (or unqualified) port
	f, _, qds := Quantize(n0, opts)
	if qds.HasErrors() {
		return nil, fmt.Errorf("%v", qds.Errors())
	}
	q := &quantizer{n: n0, opts: opts}
	wmax := 0.0
	for _, p := range n0.Ports {
		wmax = math.Max(wmax, q.portRange(p)[1])
	}
	if wmax > 0 {
		s := PoissonStimulus(steps, n0.H, 0.5*wmax, 12345)
		e, err := compare(n0, f, s)
		if err != nil {
			return nil, err
		}
		e.Stimulus = "poisson"
		e.Detail = fmt.Sprintf("10 × 100 Hz Poisson sources (1000 Hz aggregate), weight %.6g (50%% of w_max), delay 1 step, seed 12345", 0.5*wmax)
		out = append(out, e)
	}
	return out, nil
}

func factorOf(n *Neuron, name string) float64 {
	for _, p := range n.Model.Params {
		if p.Name == name && p.Factor != 0 {
			return p.Factor
		}
	}
	return 1
}

// rheobase returns the constant I_e (internal units) at which the resting
// membrane reaches V_th: the resting potential is affine in I_e.
func rheobase(n *Neuron, opts Options, src []byte) (float64, error) {
	at := func(ie float64) (float64, error) {
		o := opts
		o.Parameters = map[string]float64{}
		for k, v := range opts.Parameters {
			o.Parameters[k] = v
		}
		o.Parameters["I_e"] = ie / factorOf(n, "I_e")
		o.Tier = "B" // unmerged; the resting potential is the same
		an, ds := Analyze(n.Model, o, src)
		if ds.HasErrors() || an.Neuron == nil {
			return 0, fmt.Errorf("rheobase: %v", ds.Errors())
		}
		return an.Neuron.restingV(), nil
	}
	v0, err := at(0)
	if err != nil {
		return 0, err
	}
	v1, err := at(100)
	if err != nil {
		return 0, err
	}
	if v1 == v0 {
		return 0, nil
	}
	return (n.VTh - v0) / (v1 - v0) * 100, nil
}

// compare runs the reference, the fixed emulator and the float model with
// quantized decays on s and computes the metrics.
func compare(n *Neuron, f *Fixed, s *Stimulus) (SimError, error) {
	ref, err := RunReference(n, s)
	if err != nil {
		return SimError{}, err
	}
	fx, err := RunFixed(n, f, s)
	if err != nil {
		return SimError{}, err
	}
	qd, err := RunFloat(n, s, quantizedDiag(n, f))
	if err != nil {
		return SimError{}, err
	}
	e := SimError{Steps: s.Steps, SpikesF: ref.SpikeCount(), SpikesX: fx.SpikeCount(), SpikesQ: qd.SpikeCount()}
	e.Diff = e.SpikesX - e.SpikesF
	e.RateErr = ptrRel(float64(e.SpikesX), float64(e.SpikesF))
	e.RateErrQ = ptrRel(float64(e.SpikesX), float64(e.SpikesQ))
	if a, b := meanISI(ref), meanISI(fx); a > 0 && b > 0 {
		e.ISIErr = ptrRel(b, a)
	}
	rms, mx := vDiff(ref, fx)
	e.VRMS, e.VMax = &rms, &mx
	rq, _ := vDiff(qd, fx)
	e.VRMSQ = &rq
	return e, nil
}

// quantizedDiag returns the diagonal propagators realized by the decays.
func quantizedDiag(n *Neuron, f *Fixed) []float64 {
	d := make([]float64, len(n.States))
	for r := range n.States {
		d[r] = n.P[r][r]
	}
	if n.Tier == "A" {
		d[n.V] = 1 - float64(f.DV)/emu.DecayUnity
		if n.Kind == "psc_exp" {
			d[0] = 1 - float64(f.DU+1)/emu.DecayUnity
		}
		return d
	}
	for r := range d {
		d[r] = 1 - float64(f.D[r])/emu.DecayUnity
	}
	return d
}

func ptrRel(got, exact float64) *float64 {
	if exact == 0 {
		return nil
	}
	v := (got - exact) / exact
	return &v
}

func meanISI(t *Trace) float64 {
	var last, sum, cnt float64
	last = -1
	for k, row := range t.Spikes {
		if row[0] != 0 {
			if last >= 0 {
				sum += float64(k) - last
				cnt++
			}
			last = float64(k)
		}
	}
	if cnt == 0 {
		return 0
	}
	return sum / cnt
}

func vDiff(a, b *Trace) (rms, mx float64) {
	n := 0
	for k := range a.V {
		for i := range a.V[k] {
			d := a.V[k][i] - b.V[k][i]
			rms += d * d
			mx = math.Max(mx, math.Abs(d))
			n++
		}
	}
	if n > 0 {
		rms = math.Sqrt(rms / float64(n))
	}
	return rms, mx
}

// Report analyzes, quantizes and simulates one model: the complete
// quantization.json. It returns nil with errors for a rejected model.
func Report(n *Neuron, opts Options, src []byte) (*Fixed, *QuantizationReport, diag.List) {
	f, rep, ds := Quantize(n, opts)
	if ds.HasErrors() {
		return nil, nil, ds
	}
	o, _ := opts.normalized()
	if o.NoSimulation {
		rep.SimulatedError = []SimError{}
		return f, rep, ds
	}
	se, err := simulatedError(n, o, src)
	if err != nil {
		ds.Add(ERange, diag.Error, n.loc.model(), "", "loihi: '%s': simulating the reference stimuli: %v", n.Model.Name, err)
		return nil, nil, ds
	}
	rep.SimulatedError = se
	return f, rep, ds
}
