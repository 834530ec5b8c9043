package sim_test

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
	"nestml_go/gocore/sim/native"
)

func requireCC(t *testing.T) {
	t.Helper()
	if _, err := native.Compiler(); err != nil {
		t.Skip(err) // the Go engine is then the only engine
	}
}

// closeTraces compares two runs that may differ in the last bits of the
// elementary functions: the same spikes (times to 1e-9 ms), every
// recorded value to rtol (relative to the variable's range).
func closeTraces(t *testing.T, label string, want, got trace, rtol float64) {
	t.Helper()
	if len(want.spikes[0]) != len(got.spikes[0]) {
		t.Fatalf("%s: %d spikes, Go engine %d", label, len(got.spikes[0]), len(want.spikes[0]))
	}
	for i := range want.spikes[0] {
		if math.Abs(want.spikes[0][i]-got.spikes[0][i]) > 1e-9 || want.spikes[1][i] != got.spikes[1][i] {
			t.Fatalf("%s: spike %d at %v (sender %v), Go engine %v (%v)", label, i, got.spikes[0][i], got.spikes[1][i], want.spikes[0][i], want.spikes[1][i])
		}
	}
	for k, w := range want.values {
		g := got.values[k]
		if len(g) != len(w) {
			t.Fatalf("%s: %s has %d samples, Go engine %d", label, k, len(g), len(w))
		}
		scale := 0.0
		for _, v := range w {
			scale = math.Max(scale, math.Abs(v))
		}
		worst := 0.0
		for i := range w {
			worst = math.Max(worst, math.Abs(w[i]-g[i])/math.Max(scale, 1e-300))
		}
		if worst > rtol {
			t.Errorf("%s: %s differs from the Go engine by %.3g of its range (> %g)", label, k, worst, rtol)
		}
	}
}

// TestNativeKernelsMatchGoEngine runs the numeric library models with
// native RKF45 kernels and compares them with the Go engine (same driver,
// the C library's exp/pow instead of Go's), and checks that native runs
// are bit-identical across thread counts and split runs.
func TestNativeKernelsMatchGoEngine(t *testing.T) {
	requireCC(t)
	cases := []neuronCase{
		{model: "iaf_cond_exp_neuron", n: 5, wlo: 1, whi: 30, dc: 600},
		{model: "iaf_cond_alpha_neuron", n: 5, wlo: 1, whi: 30, dc: 600},
		{model: "aeif_cond_exp_neuron", n: 5, wlo: 1, whi: 40, dc: 900,
			hetero: map[string][]float64{"a|a_sub": {4, 4, 0, 8, 4}}},
		{model: "aeif_cond_alpha_neuron", n: 4, wlo: 1, whi: 40, dc: 900},
		{model: "hh_psc_alpha_neuron", n: 4, wlo: 50, whi: 1500, dc: 900},
		{model: "hh_cond_exp_traub_neuron", n: 4, wlo: 5, whi: 60, dc: 900},
	}
	for _, c := range cases {
		t.Run(c.model, func(t *testing.T) { checkNativeKernel(t, c, "", 300) })
	}
}

// TestNativeFrozenComponents: the kernels skip the stages, error and
// control of components frozen by integrate_odes (derivative +0; the aeif
// models' refr_t while V_m and w integrate, V_m during the refractory
// period). With either RKF45 controller and with the fixed-step methods,
// the results are bit-identical to kernels that integrate every component.
func TestNativeFrozenComponents(t *testing.T) {
	requireCC(t)
	c := neuronCase{model: "aeif_cond_exp_neuron", n: 5, wlo: 1, whi: 40, dc: 900, tsim: 200,
		hetero: map[string][]float64{"refr_T": {0, 2, 0.5, 5, 2}}}
	variants := []struct{ method, ctl string }{
		{"", "with_respect_to_solution"}, {"", "with_respect_to_derivative"}, {"rk4", ""}, {"forward-Euler", ""},
	}
	for _, model := range []string{"aeif_cond_exp_neuron", "aeif_cond_alpha_neuron"} {
		for _, v := range variants {
			label := model + " " + v.method + v.ctl
			m := loadModel(t, model)
			if v.method != "" {
				m.Numeric.Method = v.method
			} else {
				m.Numeric.Controller = v.ctl
			}
			c.model = model
			run := func(sets bool) trace {
				defer sim.SetNativeFrozenSets(sim.SetNativeFrozenSets(sets))
				net, _ := sim.NewNetwork(0.1)
				net.SetNative(true)
				tr := runNeuronCase(t, &simEngine{t, net}, m, c)
				if st := net.NativeStatus(); !strings.Contains(st, "native kernel") {
					t.Fatalf("no native kernel: %q", st)
				}
				return tr
			}
			all := run(false)
			if len(all.spikes[0]) == 0 {
				t.Fatalf("%s: the protocol gives no spikes", model)
			}
			compareTraces(t, label+": frozen components skipped", all, run(true))
		}
	}
}

// TestNativeVectorWidths: the kernels are built for the widest vectors the
// machine has — eight lanes in AVX-512 registers, four in AVX2 registers,
// else the scalar kernel — and say so (a vector build that fails falls
// back to the scalar kernel, which only the lanes reveal). Where AVX-512
// is present, kernels built without it run four lanes and give
// bit-identical traces: each lane performs the same operations either
// way, and libmvec's two widths of exp and pow compute alike (RKF45 with
// either controller, rk4).
func TestNativeVectorWidths(t *testing.T) {
	requireCC(t)
	want := "scalar"
	switch {
	case os.Getenv("NESTML_GO_NATIVE_VEC") == "0":
	case cpuHas("avx512f", "avx512dq", "avx2"):
		want = "8 lanes"
	case cpuHas("avx2"):
		want = "4 lanes"
	}
	cases := []neuronCase{
		{model: "hh_psc_alpha_neuron", n: 11, wlo: 50, whi: 1500, dc: 900, tsim: 150},
		{model: "aeif_cond_exp_neuron", n: 11, wlo: 1, whi: 40, dc: 900, tsim: 150,
			hetero: map[string][]float64{"refr_T": {0, 2, 0.5, 5, 2, 0, 1, 1, 3, 0, 2}}},
	}
	for _, c := range cases {
		for _, variant := range []string{"with_respect_to_solution", "with_respect_to_derivative", "rk4"} {
			m := loadModel(t, c.model)
			if variant == "rk4" {
				m.Numeric.Method = variant
			} else {
				m.Numeric.Controller = variant
			}
			cc := c
			cc.hetero = paramAliases(m, c.hetero)
			run := func(flags []string, lanes string) trace {
				defer func(old []string) { native.VecFlags = old }(native.VecFlags)
				native.VecFlags = flags
				net, _ := sim.NewNetwork(0.1)
				net.SetThreads(2)
				net.SetNative(true)
				tr := runNeuronCase(t, &simEngine{t, net}, m, cc)
				if st := net.NativeStatus(); !strings.Contains(st, "native kernel ("+lanes+")") {
					t.Fatalf("not the native kernel of %s: %q", lanes, st)
				}
				return tr
			}
			wide := run(native.VecFlags, want)
			if len(wide.spikes[0]) == 0 {
				t.Fatalf("%s: the protocol gives no spikes", c.model)
			}
			if want == "8 lanes" {
				narrow := run(append(append([]string{}, native.VecFlags...), "-mno-avx512f"), "4 lanes")
				compareTraces(t, c.model+" "+variant+": AVX-512 and AVX2 kernels", wide, narrow)
			}
		}
	}
}

// cpuHas reports whether /proc/cpuinfo lists every one of the flags.
func cpuHas(flags ...string) bool {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "flags") {
			have := map[string]bool{}
			for _, f := range strings.Fields(line) {
				have[f] = true
			}
			for _, f := range flags {
				if !have[f] {
					return false
				}
			}
			return true
		}
	}
	return false
}

// TestNativeFixedStepKernels: the rk4 and forward-Euler kernels against
// the Go engine's fixed-step methods, at 1 and 3 threads.
func TestNativeFixedStepKernels(t *testing.T) {
	requireCC(t)
	cases := []neuronCase{
		{model: "aeif_cond_exp_neuron", n: 5, wlo: 1, whi: 40, dc: 900,
			hetero: map[string][]float64{"a|a_sub": {4, 4, 0, 8, 4}}},
		{model: "hh_psc_alpha_neuron", n: 4, wlo: 50, whi: 1500, dc: 900},
	}
	for _, method := range []string{"rk4", "forward-Euler"} {
		for _, c := range cases {
			t.Run(method+"/"+c.model, func(t *testing.T) { checkNativeKernel(t, c, method, 210) })
		}
	}
}

// checkNativeKernel runs case c (its model integrated by method, "" the
// model's own) for tsim ms in the Go engine and with native kernels at 1
// thread in one run and at 3 threads in three: the native traces agree
// with the Go engine's to 1e-9 of their range (1e-5 for spiking HH, where
// the upstroke amplifies last-bit differences of libmvec's exp: issue 5's
// tolerance for spiking HH), with the same spikes, and are identical to
// each other.
func checkNativeKernel(t *testing.T, c neuronCase, method string, tsim float64) {
	m := loadModel(t, c.model)
	if method != "" {
		m.Numeric.Method = method
	}
	c.hetero = paramAliases(m, c.hetero)
	c.tsim = tsim
	goNet, _ := sim.NewNetwork(0.1)
	want := runNeuronCase(t, &simEngine{t, goNet}, m, c)
	if len(want.spikes[0]) == 0 {
		t.Fatalf("%s: the protocol gives no spikes", c.model)
	}
	rtol := 1e-9
	if strings.HasPrefix(c.model, "hh_") {
		rtol = 1e-5
	}
	var first trace
	for k, th := range []int{1, 3} {
		net, _ := sim.NewNetwork(0.1)
		net.SetThreads(th)
		net.SetNative(true)
		cc := c
		cc.splits = 1 + 2*k // one run, then three
		got := runNeuronCase(t, &simEngine{t, net}, m, cc)
		if st := net.NativeStatus(); !strings.Contains(st, "native kernel") {
			t.Fatalf("no native kernel: %q", st)
		}
		closeTraces(t, method+" "+c.model, want, got, rtol)
		if k == 0 {
			first = got
		} else {
			compareTraces(t, c.model+" native, 3 threads and split runs", first, got)
		}
	}
}

// TestNativeKernelFailures: a state that becomes infinite and a step
// limit give the Go engine's errors.
func TestNativeKernelFailures(t *testing.T) {
	requireCC(t)
	src := []byte(`model blowup_neuron:
    state:
        x real = 1
    equations:
        x' = x * x / ms
    update:
        integrate_odes()
`)
	m := compileModel(t, "blowup.nestml", src)
	run := func(native bool) error {
		net, _ := sim.NewNetwork(0.1)
		net.SetNative(native)
		if _, err := net.CreatePopulation(m, 3); err != nil {
			t.Fatal(err)
		}
		return net.Simulate(10, nil)
	}
	errGo, errC := run(false), run(true)
	if errGo == nil || errC == nil {
		t.Fatalf("expected failures, got %v and %v", errGo, errC)
	}
	// the same failure at the same sub-step; the time within the step may
	// differ in the last bits (the vector kernel's controller uses
	// libmvec's pow)
	if !sameFailure(errGo.Error(), errC.Error()) || !strings.Contains(errC.Error(), "NUMERIC_NONFINITE") {
		t.Fatalf("different failures:\nGo:     %v\nnative: %v", errGo, errC)
	}
	if !strings.Contains(errC.Error(), "(neuron 1)") {
		t.Errorf("the lowest failing neuron should be named: %v", errC)
	}

	// a sub-step limit of 3 with a tiny tolerance stalls
	m2 := compileModel(t, corpusDir+"/aeif_cond_exp_neuron.nestml", mustReadT(t, corpusDir+"/aeif_cond_exp_neuron.nestml"), pipeline.Options{})
	m2.Numeric.MaxSubsteps = 3
	stall := func(native bool) error {
		net, _ := sim.NewNetwork(0.1)
		net.SetNative(native)
		pop, err := net.CreatePopulation(m2, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range pop.IDs() {
			if err := net.SetNodeValue(id, "I_e", 2000); err != nil {
				t.Fatal(err)
			}
		}
		return net.Simulate(50, nil)
	}
	sGo, sC := stall(false), stall(true)
	if sGo == nil || sC == nil || !strings.Contains(sGo.Error(), "NUMERIC_STALL") || !strings.Contains(sC.Error(), "NUMERIC_STALL") {
		t.Fatalf("expected stalls:\nGo:     %v\nnative: %v", sGo, sC)
	}
	if sGo.Error() != sC.Error() {
		t.Logf("messages differ in detail:\nGo:     %v\nnative: %v", sGo, sC)
	}
}

// withinStep matches the time within the step of an RKF45 failure.
var withinStep = regexp.MustCompile(`t = ([0-9.e+-]+) of`)

// sameFailure compares two RKF45 failure messages, the times within the
// step to a relative 1e-12.
func sameFailure(a, b string) bool {
	ma, mb := withinStep.FindStringSubmatch(a), withinStep.FindStringSubmatch(b)
	if ma == nil || mb == nil {
		return a == b
	}
	ta, ea := strconv.ParseFloat(ma[1], 64)
	tb, eb := strconv.ParseFloat(mb[1], 64)
	if ea != nil || eb != nil || math.Abs(ta-tb) > 1e-12*math.Abs(ta) {
		return false
	}
	return withinStep.ReplaceAllString(a, "t = * of") == withinStep.ReplaceAllString(b, "t = * of")
}

func mustReadT(t *testing.T, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err) // the corpus is not next to this checkout
	}
	return src
}
