package loihi

// QuantizationReport is quantization.json (loihi_target.md §7.3). All
// numbers are full precision; null means "not applicable"; rel_error is
// (quantized − exact)/exact.
type QuantizationReport struct {
	Format        string             `json:"format"`
	Model         string             `json:"model"`
	Tier          string             `json:"tier"`
	Kind          string             `json:"kind"`
	ResolutionMS  float64            `json:"resolution_ms"`
	Parameters    map[string]float64 `json:"parameters"`
	Inputs        InputsReport       `json:"inputs"`
	VoltageScale  float64            `json:"voltage_scale_lsb_per_mV"`
	VoltageOrigin float64            `json:"voltage_origin_mV"`
	Threshold     ThresholdReport    `json:"threshold"`
	RefrSteps     int                `json:"refractory_steps"`
	// States is the canonical state vector (the order of the emulator's
	// and the process models' states).
	States       []string `json:"states"`
	DroppedPorts []string `json:"dropped_ports"`
	// Decays: tier A "dv" and "du"; tier B one entry per state.
	Decays map[string]DecayReport `json:"decays"`
	// Bias (tier A) or Biases per state (tier B).
	Bias         *BiasReport           `json:"bias,omitempty"`
	Biases       map[string]BiasReport `json:"biases,omitempty"`
	StateScales  map[string]float64    `json:"state_scales_lsb_per_unit,omitempty"`
	Terms        []TermReport          `json:"terms,omitempty"`
	InitialState map[string]int64      `json:"initial_state"`
	Ranges       RangeReport           `json:"ranges"`
	Weights      []WeightReport        `json:"weights"`
	// SimulatedError holds the float-versus-fixed comparison for the
	// reference stimuli (§7.1 step 6).
	SimulatedError []SimError `json:"simulated_error"`
	Warnings       []string   `json:"warnings"`
}

// InputsReport echoes the input assumptions.
type InputsReport struct {
	Weights               map[string][2]float64 `json:"weights"`
	MaxSimultaneousInputs int                   `json:"max_simultaneous_inputs"`
	MaxInputRate          float64               `json:"max_input_rate"`
}

// ThresholdReport describes the integer threshold.
type ThresholdReport struct {
	VthMant             int32 `json:"vth_mant"`
	LSB                 int64 `json:"lsb"`
	StrictnessOffsetLSB int   `json:"strictness_offset_lsb"`
}

// DecayReport is one 12-bit decay.
type DecayReport struct {
	Value          int32   `json:"value"`
	Effective      int32   `json:"effective"`
	Exact          float64 `json:"exact"`
	TauMS          float64 `json:"tau_ms"`
	TauEffectiveMS float64 `json:"tau_effective_ms"`
	RelError       float64 `json:"rel_error"`
}

// BiasReport is one bias mantissa/exponent pair.
type BiasReport struct {
	ExactLSB float64 `json:"exact_lsb"`
	Mant     int32   `json:"mant"`
	Exp      int32   `json:"exp"`
	RelError float64 `json:"rel_error"`
}

// TermReport is one off-diagonal propagator multiplier (tier B).
type TermReport struct {
	Row      string  `json:"row"`
	Col      string  `json:"col"`
	Exact    float64 `json:"exact"`
	Mant     int32   `json:"mant"`
	Exp      int     `json:"exp"`
	RelError float64 `json:"rel_error"`
}

// RangeReport holds the scale limits of §7.1 step 2.
type RangeReport struct {
	VMinMV   float64            `json:"v_min_mV"`
	VMaxMV   float64            `json:"v_max_mV"`
	Headroom float64            `json:"headroom"`
	Limits   map[string]float64 `json:"limits"`
}

// WeightReport is the quantization of one port's weight range, evaluated
// at the nonzero ends of the range (the shared exponent is chosen there).
type WeightReport struct {
	Port                string     `json:"port"`
	Source              string     `json:"source_ports"`
	SignMode            string     `json:"sign_mode"`
	WeightExp           int        `json:"weight_exp"`
	WeightExpInhibitory *int       `json:"weight_exp_inhibitory,omitempty"`
	NumWeightBits       int        `json:"num_weight_bits"`
	Range               [2]float64 `json:"range"`
	// Step is the weight worth one integer unit, in the weight unit.
	Step        float64 `json:"step"`
	MaxRelError float64 `json:"max_rel_error"`
	RMSRelError float64 `json:"rms_rel_error"`
	Note        string  `json:"note,omitempty"`
}

// SimError compares the float reference (the Go engine running the IR)
// with the fixed-point emulator on one stimulus.
type SimError struct {
	Stimulus string   `json:"stimulus"`
	Steps    int      `json:"steps"`
	Detail   string   `json:"detail"`
	SpikesF  int      `json:"spikes_float"`
	SpikesX  int      `json:"spikes_fixed"`
	SpikesQ  int      `json:"spikes_float_quantized_decay"`
	Diff     int      `json:"spike_count_difference"`
	RateErr  *float64 `json:"rate_rel_error"`
	ISIErr   *float64 `json:"isi_mean_rel_error"`
	VRMS     *float64 `json:"v_rms_mV"`
	VMax     *float64 `json:"v_max_abs_mV"`
	RateErrQ *float64 `json:"rate_rel_error_quantized_decay"`
	VRMSQ    *float64 `json:"v_rms_mV_quantized_decay"`
}

func newReport(n *Neuron, opts Options) *QuantizationReport {
	rep := &QuantizationReport{
		Format:       "nestml_go.loihi_quantization/1",
		Model:        n.Name,
		Tier:         n.Tier,
		Kind:         n.Kind,
		ResolutionMS: n.H,
		Parameters:   map[string]float64{},
		RefrSteps:    n.RefrSteps,
		DroppedPorts: append([]string{}, n.Dropped...),
		Inputs: InputsReport{
			Weights:               map[string][2]float64{},
			MaxSimultaneousInputs: opts.MaxSimultaneousInputs,
			MaxInputRate:          opts.MaxInputRate,
		},
		Warnings: []string{},
	}
	for _, p := range n.Params {
		rep.Parameters[p.Name] = p.Value
	}
	for _, s := range n.States {
		rep.States = append(rep.States, s.Name)
	}
	q := &quantizer{n: n, opts: opts}
	for _, p := range n.Ports {
		for _, src := range splitNames(p.Source) {
			if n.Tier == "A" {
				r, ok := opts.Weights[src]
				if !ok {
					r = q.defaultFor(src)
				}
				rep.Inputs.Weights[src] = r
			} else {
				rep.Inputs.Weights[src] = q.weightRange(p)
			}
		}
	}
	return rep
}
