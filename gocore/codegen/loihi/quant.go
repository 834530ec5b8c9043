package loihi

import (
	"errors"
	"fmt"
	"math"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/loihi/emu"
)

// Fixed is the integer parameter set of a neuron (loihi_target.md §7.1):
// what the fixed-point process model, Lava's stock LIF (tier A) and the Go
// emulator run.
type Fixed struct {
	// A is the voltage scale in LSB per mV; the integer membrane is
	// v = round((V − VReset)·A).
	A       float64
	VthMant int32

	// Tier A (stock LIF): decays, bias and initial state.
	DU, DV            int32
	BiasMant, BiasExp int32
	V0, U0            int32

	// Tier B: per state decays, scales (LSB per unit; A for the membrane),
	// off-diagonal terms, biases and initial values.
	D          []int32
	Scales     []float64
	Terms      []emu.Term
	BiasMants  []int32
	BiasExps   []int32
	X0         []int32
	exactTerms []float64 // exact multiplier of each term
	exactBias  []float64

	// JScale[p] converts a NEST weight of port p into LSB of its target
	// state: J = |w|·JScale[p] (tier B) or J = w·JScale[0] (tier A, signed).
	JScale []float64

	// exact values for the report
	exactDV, exactDU, exactBias0 float64
}

// Quantize chooses the integer parameters of n (loihi_target.md §7.1
// steps 1–5). Errors are LOIHI_E_DECAY_UNDERFLOW and LOIHI_E_RANGE
// diagnostics.
func Quantize(n *Neuron, opts Options) (*Fixed, *QuantizationReport, diag.List) {
	var ds diag.List
	opts, err := opts.normalized()
	if err != nil {
		ds.Errorf(EOption, ast.Range{}, "loihi: %v", err)
		return nil, nil, ds
	}
	q := &quantizer{n: n, opts: opts}
	f, rep := q.run()
	for i := range q.ds {
		q.ds[i].Model = n.Model.Name
	}
	return f, rep, q.ds
}

type quantizer struct {
	n    *Neuron
	opts Options
	ds   diag.List
}

func (q *quantizer) errf(code diag.Code, format string, args ...any) {
	q.ds.Add(code, diag.Error, q.n.loc.model(), "", "loihi: '%s': "+format, append([]any{q.n.Model.Name}, args...)...)
}

func (q *quantizer) warnf(code diag.Code, format string, args ...any) {
	q.ds.Add(code, diag.Warning, q.n.loc.model(), "", "loihi: '%s': "+format, append([]any{q.n.Model.Name}, args...)...)
}

// weightRange returns the expected NEST-signed weight range of port p.
func (q *quantizer) weightRange(p Port) [2]float64 {
	for _, src := range splitNames(p.Source) {
		if r, ok := q.opts.Weights[src]; ok {
			return r
		}
	}
	if r, ok := q.opts.Weights[p.Name]; ok {
		return r
	}
	switch p.Qualifier {
	case "excitatory":
		return [2]float64{0, 1000}
	case "inhibitory":
		return [2]float64{-1000, 0}
	}
	return [2]float64{-1000, 1000}
}

// portRange returns the range of port p in the port's own convention
// (inhibitory ports see magnitudes); for the merged tier A port the union
// of the source ports' ranges.
func (q *quantizer) portRange(p Port) [2]float64 {
	if q.n.Tier == "A" {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, src := range splitNames(p.Source) {
			r, ok := q.opts.Weights[src]
			if !ok {
				r = q.defaultFor(src)
			}
			lo, hi = math.Min(lo, r[0]), math.Max(hi, r[1])
		}
		if r, ok := q.opts.Weights["a_in"]; ok {
			lo, hi = r[0], r[1]
		}
		return [2]float64{lo, hi}
	}
	return q.weightRange(p)
}

func (q *quantizer) defaultFor(src string) [2]float64 {
	for _, sp := range q.n.Model.SpikePorts {
		if sp.Name == src {
			return q.weightRange(Port{Qualifier: sp.Qualifier, Source: src})
		}
	}
	return [2]float64{-1000, 1000}
}

func maxAbs(r [2]float64) float64 { return math.Max(math.Abs(r[0]), math.Abs(r[1])) }

func (q *quantizer) run() (*Fixed, *QuantizationReport) {
	n, opts := q.n, q.opts
	rep := newReport(n, opts)
	f := &Fixed{}
	v := n.V
	theta := n.VTh - n.VReset
	if !(theta > 0) {
		q.errf(ERange, "the threshold distance V_th − V_reset = %g mV is not positive, so no threshold mantissa ≥ 1 exists", theta)
		return nil, nil
	}
	// resting potential: E_L if the model has it, else the fixed point
	el, ok := n.param("E_L")
	if !ok {
		el = n.restingV()
	}
	vmin := el - 2*(n.VTh-el)
	if opts.VMin != nil {
		vmin = *opts.VMin
	}
	vlo := vmin - n.VReset
	biasMV := n.Q[v] + (n.P[v][v]-1)*n.VReset
	for _, e := range n.Rows[v] {
		if e.Col != v {
			// constant parts of other states do not drive V in the mapped models
			_ = e
		}
	}
	// J per weight in mV (one-step effect on V of the largest weight)
	maxJ := 0.0
	var jmv []float64
	for _, p := range n.Ports {
		var k float64
		if p.Delta || p.State == v {
			k = p.Coef
		} else {
			k = n.P[v][p.State] * p.Coef
		}
		jmv = append(jmv, k)
		maxJ = math.Max(maxJ, math.Abs(k)*maxAbs(q.portRange(p)))
	}
	hr := *opts.Headroom
	room := float64(emu.VMax) * (1 - hr)
	dmax := math.Abs(biasMV) + float64(opts.MaxSimultaneousInputs)*maxJ
	vhi := theta + dmax
	lim := map[string]float64{}
	lim["A1"] = float64(emu.MaxVTh) * 64 / theta
	lim["A2"] = room / math.Max(math.Abs(vlo), math.Abs(vhi))
	useA4 := false
	if n.Tier == "A" {
		useA4 = true
		if n.Kind == "psc_exp" {
			p := n.Ports[0]
			umax := math.Abs(jmv[0]) * maxAbs(q.portRange(p)) * opts.MaxInputRate / (1 - n.P[p.State][p.State])
			if umax > 0 {
				lim["A3"] = room / umax
			}
		}
	} else {
		for _, p := range n.Ports {
			if p.Delta || p.State == v {
				useA4 = true
			}
		}
	}
	if useA4 && maxJ > 0 {
		lim["A4"] = float64(emu.MaxInput) * 64 / (float64(opts.MaxSimultaneousInputs) * maxJ)
	}
	amax := math.Inf(1)
	for _, x := range lim {
		amax = math.Min(amax, x)
	}
	vth := math.Floor(theta * amax / 64)
	if opts.VthMant > 0 {
		vth = float64(opts.VthMant)
	}
	if vth < 1 {
		q.errf(ERange, "no voltage scale fits: the threshold mantissa floor(θ·A/64) = %g < 1 (θ = %g mV, A ≤ %g LSB/mV); reduce the weight range or max_simultaneous_inputs", vth, theta, amax)
		return nil, nil
	}
	f.VthMant = int32(vth)
	f.A = 64 * vth / theta
	A := f.A
	rep.VoltageScale = A
	rep.VoltageOrigin = n.VReset
	rep.Threshold = ThresholdReport{VthMant: f.VthMant, LSB: int64(f.VthMant) << 6, StrictnessOffsetLSB: 1}
	rep.Ranges = RangeReport{VMinMV: vmin, VMaxMV: n.VReset + vhi, Headroom: hr, Limits: lim}

	if n.Tier == "A" {
		q.tierA(f, rep, biasMV)
	} else {
		q.tierB(f, rep)
	}
	if q.ds.HasErrors() {
		return nil, nil
	}
	q.weights(f, rep)
	if q.ds.HasErrors() {
		return nil, nil
	}
	for _, d := range q.ds {
		if d.Severity == diag.Warning {
			rep.Warnings = append(rep.Warnings, string(d.Code)+": "+d.Message)
		}
	}
	return f, rep
}

func (q *quantizer) decay(name string, p float64, what string) (int32, bool) {
	d, err := emu.VoltageDecay(p)
	if errors.Is(err, emu.ErrDecayUnderflow) {
		if q.opts.AllowNoLeak {
			return 0, true
		}
		q.ds.Add(EDecayUnderflow, diag.Error, q.n.loc.ode(name), "", "loihi: '%s': the decay of %s rounds to 0 ((1 − %.9g)·4096 < 0.5, τ > ~8192·h): %s would not leak; use a longer resolution, a shorter time constant, or allow_no_leak=True", q.n.Model.Name, name, p, what)
		return 0, false
	}
	if err != nil {
		q.ds.Add(ERange, diag.Error, q.n.loc.ode(name), "", "loihi: '%s': the propagator of %s is %.9g, outside [0, 1]: a growing or oscillating state has no 12-bit decay", q.n.Model.Name, name, p)
		return 0, false
	}
	return d, true
}

func (q *quantizer) tauReport(name string, tau float64, exact float64, value, eff int32) DecayReport {
	h := q.n.H
	te := emu.EffectiveTau(h, eff)
	r := DecayReport{Value: value, Effective: eff, Exact: exact, TauMS: tau, TauEffectiveMS: te, RelError: te/tau - 1}
	if math.Abs(r.RelError) > 0.01 {
		q.ds.Add(WTauError, diag.Warning, q.n.loc.ode(name), "", "loihi: '%s': the effective time constant of %s is %.6g ms instead of %.6g ms (%+.2f%%); use a longer resolution or a shorter time constant (error ≈ 0.5/(4096·h/τ))", q.n.Model.Name, name, te, tau, 100*r.RelError)
	}
	return r
}

func (q *quantizer) tierA(f *Fixed, rep *QuantizationReport, biasMV float64) {
	n, A := q.n, q.Fixed(f)
	p22 := n.P[n.V][n.V]
	dv, ok := q.decay(n.States[n.V].Name, p22, "the membrane")
	if !ok {
		return
	}
	f.DV = dv
	tauM := -n.H / math.Log(p22)
	f.exactDV = (1 - p22) * emu.DecayUnity
	rep.Decays = map[string]DecayReport{"dv": q.tauReport(n.States[n.V].Name, tauM, f.exactDV, dv, dv)}
	if n.Kind == "psc_exp" {
		p11 := n.P[0][0]
		du, err := emu.CurrentDecay(p11)
		if err != nil {
			q.errf(ERange, "%v", err)
			return
		}
		f.DU = du
		f.exactDU = (1 - p11) * emu.DecayUnity
		name := n.Merged[0]
		rep.Decays["du"] = q.tauReport(name, -n.H/math.Log(p11), f.exactDU, du, du+1)
	} else {
		f.DU = emu.MaxDecay
	}
	b := biasMV * A
	f.exactBias0 = b
	mant, exp, err := emu.QuantizeBias(b)
	if err != nil {
		q.errf(ERange, "the bias %.6g LSB (%.6g mV per step) exceeds 4095·2⁷; lower I_e or the voltage scale (vth_mant)", b, biasMV)
		return
	}
	f.BiasMant, f.BiasExp = mant, exp
	rep.Bias = &BiasReport{ExactLSB: b, Mant: mant, Exp: exp, RelError: relErr(float64(emu.EffectiveBias(mant, exp)), b)}
	v0 := math.Round((n.States[n.V].Init - n.VReset) * A)
	if math.Abs(v0) > emu.VMax {
		q.errf(ERange, "the initial membrane value %g mV lies outside the 24-bit range at %g LSB/mV", n.States[n.V].Init, A)
		return
	}
	f.V0 = int32(v0)
	if n.Kind == "psc_exp" {
		p21 := n.P[1][0]
		u0 := math.Round(p21 * n.States[0].Init / n.P[0][0] * A)
		f.U0 = int32(u0)
	}
	rep.InitialState = map[string]int64{"v": int64(f.V0), "u": int64(f.U0)}
	k := n.Ports[0].Coef
	if n.Kind == "psc_exp" {
		k *= n.P[1][0]
	}
	f.JScale = []float64{k * A}
}

// Fixed returns f.A (a helper so that tier code reads naturally).
func (q *quantizer) Fixed(f *Fixed) float64 { return f.A }

// tierB quantizes the general linear form.
func (q *quantizer) tierB(f *Fixed, rep *QuantizationReport) {
	n, opts := q.n, q.opts
	k := len(n.States)
	hr := *opts.Headroom
	room := float64(emu.VMax) * (1 - hr)
	// state scales
	f.Scales = make([]float64, k)
	xmax := n.currentBounds(func(p Port) float64 { return maxAbs(q.portRange(p)) * opts.MaxInputRate })
	for r := range n.States {
		if r == n.V {
			f.Scales[r] = f.A
			continue
		}
		s := math.Inf(1)
		if xmax[r] > 0 {
			s = room / xmax[r]
		}
		for _, p := range n.Ports {
			if p.State == r && !p.Delta {
				j := math.Abs(p.Coef) * maxAbs(q.portRange(p))
				if j > 0 {
					s = math.Min(s, float64(emu.MaxInput)*64/(float64(opts.MaxSimultaneousInputs)*j))
				}
			}
		}
		if math.IsInf(s, 1) {
			s = 1
		}
		f.Scales[r] = s
	}
	off := make([]float64, k)
	off[n.V] = n.VReset
	rep.StateScales = map[string]float64{}
	rep.Decays = map[string]DecayReport{}
	f.D = make([]int32, k)
	f.BiasMants = make([]int32, k)
	f.BiasExps = make([]int32, k)
	f.X0 = make([]int32, k)
	rep.Biases = map[string]BiasReport{}
	rep.InitialState = map[string]int64{}
	for r, st := range n.States {
		rep.StateScales[st.Name] = f.Scales[r]
		prr := n.P[r][r]
		what := "the membrane"
		if r != n.V {
			what = "the state"
		}
		d, ok := q.decay(st.Name, prr, what)
		if !ok {
			return
		}
		f.D[r] = d
		tau := -n.H / math.Log(prr)
		rep.Decays[st.Name] = q.tauReport(st.Name, tau, (1-prr)*emu.DecayUnity, d, d)
		// bias
		b := n.Q[r] - off[r]
		for _, e := range n.Rows[r] {
			b += e.P * off[e.Col]
		}
		b *= f.Scales[r]
		if b != 0 {
			mant, exp, err := emu.QuantizeBias(b)
			if err != nil {
				q.errf(ERange, "the constant drive of %s, %.6g LSB per step, exceeds 4095·2⁷", st.Name, b)
				return
			}
			f.BiasMants[r], f.BiasExps[r] = mant, exp
			rep.Biases[st.Name] = BiasReport{ExactLSB: b, Mant: mant, Exp: exp, RelError: relErr(float64(emu.EffectiveBias(mant, exp)), b)}
		}
		x0 := math.Round((st.Init - off[r]) * f.Scales[r])
		if math.Abs(x0) > emu.VMax {
			q.errf(ERange, "the initial value of %s lies outside the 24-bit range", st.Name)
			return
		}
		f.X0[r] = int32(x0)
		rep.InitialState[st.Name] = int64(x0)
	}
	// off-diagonal terms
	for r := range n.States {
		for _, e := range n.Rows[r] {
			if e.Col == r {
				continue
			}
			mult := e.P * f.Scales[r] / f.Scales[e.Col]
			mant, exp := mantExp(mult)
			tr := TermReport{Row: n.States[r].Name, Col: n.States[e.Col].Name, Exact: mult, Mant: mant, Exp: exp}
			if mant == 0 {
				tr.RelError = -1
				rep.Terms = append(rep.Terms, tr)
				continue
			}
			tr.RelError = relErr(math.Ldexp(float64(mant), exp), mult)
			rep.Terms = append(rep.Terms, tr)
			f.Terms = append(f.Terms, emu.Term{Row: r, Col: e.Col, Mant: mant, Exp: exp})
			f.exactTerms = append(f.exactTerms, mult)
		}
	}
	f.JScale = make([]float64, len(n.Ports))
	for i, p := range n.Ports {
		f.JScale[i] = p.Coef * f.Scales[p.State]
	}
}

// mantExp splits x into a 13-bit signed mantissa (|m| ≤ 4095) and a power
// of two, m·2^e ≈ x with the largest |m|.
func mantExp(x float64) (int32, int) {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, 0
	}
	_, e := math.Frexp(math.Abs(x)) // |x| = fr·2^e, fr ∈ [0.5, 1)
	exp := e - 12                   // |x|/2^exp ∈ [2048, 4096)
	m := math.Round(math.Ldexp(x, -exp))
	if math.Abs(m) > 4095 {
		exp++
		m = math.Round(math.Ldexp(x, -exp))
	}
	return int32(m), exp
}

// weights reports the quantization of each port's weight range.
func (q *quantizer) weights(f *Fixed, rep *QuantizationReport) {
	n := q.n
	for i, p := range n.Ports {
		r := q.portRange(p)
		wr := WeightReport{Port: p.Name, Source: p.Source, NumWeightBits: 8, Range: r}
		var js []float64
		for _, w := range []float64{r[0], r[1]} {
			if w == 0 {
				continue
			}
			j := w * f.JScale[i]
			if n.Tier == "B" {
				j = math.Abs(w) * f.JScale[i]
			}
			js = append(js, j)
		}
		hasPos, hasNeg := false, false
		for _, j := range js {
			hasPos = hasPos || j > 0
			hasNeg = hasNeg || j < 0
		}
		if n.Tier == "A" && hasPos && hasNeg {
			wr.SignMode = "EXCITATORY+INHIBITORY"
			wr.Note = "signed weights are split into an excitatory and an inhibitory Dense on a_in; each has its own weight_exp (connections.py)"
		} else if hasNeg {
			wr.SignMode = "INHIBITORY"
		} else {
			wr.SignMode = "EXCITATORY"
		}
		// quantize each sign separately, as the connection helper does
		worst, sum, cnt := 0.0, 0.0, 0
		var exps []int
		for _, sign := range []float64{1, -1} {
			var part []float64
			for _, j := range js {
				if j*sign > 0 {
					part = append(part, j)
				}
			}
			if len(part) == 0 {
				continue
			}
			mode := emu.SignExcitatory
			if sign < 0 {
				mode = emu.SignInhibitory
			}
			w8, e, err := emu.QuantizeWeights(part, mode, 8)
			if err != nil {
				q.errf(ERange, "weights of port %s (range %v): %v", p.Name, r, err)
				return
			}
			exps = append(exps, e)
			for k, j := range part {
				re := relErr(emu.WeightValue(w8[k], e), j)
				if math.Abs(re) > math.Abs(worst) {
					worst = re
				}
				sum += re * re
				cnt++
			}
			wr.Step = math.Ldexp(1, 6+e) / math.Abs(f.JScale[i])
		}
		if len(exps) > 0 {
			wr.WeightExp = exps[0]
		}
		if len(exps) > 1 {
			wr.WeightExpInhibitory = &exps[1]
		}
		wr.MaxRelError = worst
		if cnt > 0 {
			wr.RMSRelError = math.Sqrt(sum / float64(cnt))
		}
		if math.Abs(worst) > 0.01 {
			q.warnf(WWeightError, "weights of port %s at the end of the range %v are off by %.2f%%", p.Name, r, 100*worst)
		}
		if n.Tier == "B" && r[0] < 0 && r[1] > 0 && p.Qualifier == "" {
			q.warnf(WMixedSign, "port %s takes weights of both signs %v; connections.py splits them into two Dense, keeping 8 bits each", p.Name, r)
		}
		rep.Weights = append(rep.Weights, wr)
	}
}

func relErr(got, exact float64) float64 {
	if exact == 0 {
		return 0
	}
	return (got - exact) / exact
}

// param returns the bound value of a parameter.
func (n *Neuron) param(name string) (float64, bool) {
	for _, p := range n.Params {
		if p.Name == name {
			return p.Value, true
		}
	}
	return 0, false
}

// restingV returns the membrane's fixed point without input, iterating the
// propagator (the system is stable for every accepted model).
func (n *Neuron) restingV() float64 {
	x := make([]float64, len(n.States))
	y := make([]float64, len(n.States))
	for it := 0; it < 1000000; it++ {
		for r := range n.States {
			acc := 0.0
			for _, e := range n.Rows[r] {
				acc += e.P * x[e.Col]
			}
			y[r] = acc + n.Q[r]
		}
		done := math.Abs(y[n.V]-x[n.V]) <= 1e-12*math.Max(1, math.Abs(y[n.V]))
		copy(x, y)
		if done && it > 10 {
			break
		}
	}
	return x[n.V]
}

// currentBounds returns, for every non-membrane state, the largest |x|
// reached under sustained input at every port of amplitude amp(p) per
// step (the states of different ports add up), simulated until the
// response settles.
func (n *Neuron) currentBounds(amp func(Port) float64) []float64 {
	k := len(n.States)
	out := make([]float64, k)
	for _, p := range n.Ports {
		if p.Delta || p.State == n.V {
			continue
		}
		a := math.Abs(p.Coef) * amp(p)
		x := make([]float64, k)
		y := make([]float64, k)
		peak := make([]float64, k)
		for it := 0; it < 2000000; it++ {
			for r := 0; r < k; r++ {
				if r == n.V {
					continue
				}
				acc := 0.0
				for _, e := range n.Rows[r] {
					if e.Col != n.V {
						acc += e.P * x[e.Col]
					}
				}
				y[r] = acc
			}
			y[p.State] += a
			change := 0.0
			for r := 0; r < k; r++ {
				if r == n.V {
					continue
				}
				change = math.Max(change, math.Abs(y[r]-x[r]))
				x[r] = y[r]
				peak[r] = math.Max(peak[r], math.Abs(x[r]))
			}
			if change <= 1e-12*math.Max(1, peak[p.State]) {
				break
			}
			if peak[p.State] > 1e300 {
				break
			}
		}
		for r := range out {
			out[r] += peak[r]
		}
	}
	return out
}

func splitNames(s string) []string {
	var out []string
	for _, x := range splitComma(s) {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func splitComma(s string) []string {
	var out []string
	cur := ""
	for _, c := range s {
		switch c {
		case ',':
			out = append(out, cur)
			cur = ""
		case ' ':
		default:
			cur += string(c)
		}
	}
	return append(out, cur)
}

var _ = fmt.Sprintf
