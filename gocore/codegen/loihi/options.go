package loihi

import (
	"fmt"
	"math"
	"regexp"
	"sort"
)

// Version is the nestml_go version written into generated headers and NIR
// metadata; the library entry point sets it (pybind/version.go).
var Version = "0.1.0"

// Options are the Loihi target's codegen options (loihi_target.md §8). The
// zero value is the default of every field.
type Options struct {
	// Resolution h in ms per Lava time step. Default 0.1.
	Resolution float64
	// Tier is "auto" (default, ""), "A" or "B".
	Tier string
	// Parameters override the model's parameter defaults, in the declared
	// unit of each parameter (as in NESTML: ms, pA, mV, pF …).
	Parameters map[string]float64
	// Weights are the expected weight ranges per spike port, {port: [min, max]}
	// in the weight unit (pA for current-based, mV for delta models). Default
	// [0, 1000] for excitatory, [−1000, 0] for inhibitory ports (in NEST's
	// signed convention) and [−1000, 1000] for unqualified ports.
	Weights map[string][2]float64
	// MaxSimultaneousInputs is the most spikes arriving at one neuron in one
	// step (default 16).
	MaxSimultaneousInputs int
	// MaxInputRate is the sustained input spikes per step used for the
	// current range (default 1.0).
	MaxInputRate float64
	// VMin (mV) is the lowest expected voltage; nil means E_L − 2·(V_th − E_L).
	VMin *float64
	// Headroom is the fraction of the 24-bit range kept free (default 0.25).
	Headroom *float64
	// VthMant fixes the threshold mantissa (and so the voltage scale).
	VthMant int
	// ContinuousPorts is "drop" (default) or "error".
	ContinuousPorts string
	// AllowNoLeak accepts a membrane whose decay rounds to 0.
	AllowNoLeak bool
	// NoFixedPoint skips the fixed-point process model (fixed_point=False).
	NoFixedPoint bool
	// NoNIR skips the NIR export (nir=False).
	NoNIR bool
	// NIRRequested makes a model that NIR cannot represent an error
	// (nir=True given explicitly); by default such models just get no
	// .nir.json.
	NIRRequested bool
	// NIRUnits is "SI" (default) or "nest".
	NIRUnits string
	// NIRIncludeDelay inserts a Delay node (uniform delays only).
	NIRIncludeDelay bool
	// NIRDelay is the uniform NEST delay in ms used with NIRIncludeDelay
	// (default h).
	NIRDelay float64
	// ModuleName is the Python package name (default "nestml_lava").
	ModuleName string
	// Suffix is appended to model names.
	Suffix string
	// SimSteps is the number of steps of each reference stimulus of the
	// simulated error (§7.1 step 6); default 20000.
	SimSteps int
	// NoSimulation leaves simulated_error empty (golden tests of the
	// generated code, which must not depend on the engine's last bits).
	NoSimulation bool
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// normalized fills in defaults and validates values.
func (o Options) normalized() (Options, error) {
	if o.Resolution == 0 {
		o.Resolution = 0.1
	}
	if !(o.Resolution > 0) || math.IsInf(o.Resolution, 0) {
		return o, fmt.Errorf("resolution must be a positive number of ms, got %v", o.Resolution)
	}
	switch o.Tier {
	case "", "auto":
		o.Tier = "auto"
	case "A", "B":
	default:
		return o, fmt.Errorf("tier must be \"auto\", \"A\" or \"B\", got %q", o.Tier)
	}
	if o.MaxSimultaneousInputs == 0 {
		o.MaxSimultaneousInputs = 16
	}
	if o.MaxSimultaneousInputs < 1 {
		return o, fmt.Errorf("max_simultaneous_inputs must be ≥ 1, got %d", o.MaxSimultaneousInputs)
	}
	if o.MaxInputRate == 0 {
		o.MaxInputRate = 1
	}
	if !(o.MaxInputRate > 0) || math.IsInf(o.MaxInputRate, 0) {
		return o, fmt.Errorf("max_input_rate must be positive, got %v", o.MaxInputRate)
	}
	if o.Headroom == nil {
		h := 0.25
		o.Headroom = &h
	}
	if !(*o.Headroom >= 0 && *o.Headroom < 1) {
		return o, fmt.Errorf("headroom must lie in [0, 1), got %v", *o.Headroom)
	}
	if o.VthMant < 0 || o.VthMant > 131071 {
		return o, fmt.Errorf("vth_mant must lie in 1…131071, got %d", o.VthMant)
	}
	switch o.ContinuousPorts {
	case "":
		o.ContinuousPorts = "drop"
	case "drop", "error":
	default:
		return o, fmt.Errorf("continuous_ports must be \"drop\" or \"error\", got %q", o.ContinuousPorts)
	}
	switch o.NIRUnits {
	case "":
		o.NIRUnits = "SI"
	case "SI", "nest":
	default:
		return o, fmt.Errorf("nir_units must be \"SI\" or \"nest\", got %q", o.NIRUnits)
	}
	if o.ModuleName == "" {
		o.ModuleName = "nestml_lava"
	}
	if !identRE.MatchString(o.ModuleName) {
		return o, fmt.Errorf("module_name %q is not a Python identifier", o.ModuleName)
	}
	if o.Suffix != "" && !regexp.MustCompile(`^[A-Za-z0-9_]*$`).MatchString(o.Suffix) {
		return o, fmt.Errorf("suffix %q may contain only letters, digits and '_'", o.Suffix)
	}
	if o.SimSteps == 0 {
		o.SimSteps = 20000
	}
	if o.SimSteps < 0 {
		return o, fmt.Errorf("sim_steps must be positive, got %d", o.SimSteps)
	}
	for p, r := range o.Weights {
		if math.IsNaN(r[0]) || math.IsNaN(r[1]) || math.IsInf(r[0], 0) || math.IsInf(r[1], 0) || r[0] > r[1] {
			return o, fmt.Errorf("weights[%q] = %v must be a finite [min, max] with min ≤ max", p, r)
		}
	}
	for k, v := range o.Parameters {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return o, fmt.Errorf("parameters[%q] = %v is not finite", k, v)
		}
	}
	return o, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
