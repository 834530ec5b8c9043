package sim_test

import (
	"math"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
)

// benchN returns the population size of the engine benchmarks: def, or
// the value of the environment variable SIM_BENCH_N.
func benchN(def int) int {
	if v, err := strconv.Atoi(os.Getenv("SIM_BENCH_N")); err == nil && v > 0 {
		return v
	}
	return def
}

func benchThreads() int {
	if v, err := strconv.Atoi(os.Getenv("SIM_BENCH_THREADS")); err == nil && v > 0 {
		return v
	}
	return 0
}

// benchPoissonNet builds benchmark (a) of docs/benchmarks.md: n
// iaf_psc_exp neurons, each driven by an independent Poisson train.
func benchPoissonNet(b *testing.B, model string, n int, rate, weight float64) *sim.Network {
	return poissonDriven(b, loadModel(b, model), n, rate, weight)
}

func mustRead(b *testing.B, path string) []byte {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	return src
}

// poissonDriven: n neurons of m, parameters set from name/value pairs,
// each driven by its own Poisson train, spikes recorded.
func poissonDriven(b *testing.B, m *ir.Model, n int, rate, weight float64, params ...any) *sim.Network {
	net, _ := sim.NewNetwork(0.1)
	if th := benchThreads(); th > 0 {
		net.SetThreads(th)
	}
	net.SetNative(os.Getenv("SIM_BENCH_NATIVE") == "1")
	pop, err := net.CreatePopulation(m, n)
	if err != nil {
		b.Fatal(err)
	}
	for k := 0; k+1 < len(params); k += 2 {
		for _, id := range pop.IDs() {
			if err := net.SetNodeValue(id, params[k].(string), params[k+1].(float64)); err != nil {
				b.Fatal(err)
			}
		}
	}
	pg, _ := net.CreatePoissonGenerator(rate, 0, math.Inf(1))
	if err := net.Connect(pg.IDs(), pop.IDs(), weight, 0.1, ""); err != nil {
		b.Fatal(err)
	}
	sr := net.CreateSpikeRecorder()
	if err := net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, ""); err != nil {
		b.Fatal(err)
	}
	if err := net.Simulate(0.1, nil); err != nil { // prepare outside the timer
		b.Fatal(err)
	}
	return net
}

// cpuTime returns the CPU time of the process (user + system), which a
// loaded machine inflates far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchSteps(b *testing.B, net *sim.Network, n, steps int) {
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := net.Simulate(float64(steps)*0.1, nil); err != nil {
			b.Fatal(err)
		}
	}
	cpu := cpuTime() - c0
	b.StopTimer()
	per := float64(b.N) * float64(steps) * float64(n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/neuron-step")
	b.ReportMetric(float64(cpu.Nanoseconds())/per, "cpu-ns/neuron-step")
}

// BenchmarkIafPscExpPoisson: 10^4 iaf_psc_exp (SIM_BENCH_N), Poisson
// input of 4 kHz × 50 pA each, 100 steps of 0.1 ms per op.
func BenchmarkIafPscExpPoisson(b *testing.B) {
	n := benchN(10000)
	net := benchPoissonNet(b, "iaf_psc_exp_neuron", n, 4000, 50)
	benchSteps(b, net, n, 100)
}

// BenchmarkAeifCondExp: 10^3 aeif_cond_exp with Poisson input.
func BenchmarkAeifCondExp(b *testing.B) {
	n := benchN(1000)
	net := benchPoissonNet(b, "aeif_cond_exp_neuron", n, 3000, 3)
	benchSteps(b, net, n, 100)
}

// BenchmarkHHPscAlpha: 10^3 hh_psc_alpha with Poisson input.
func BenchmarkHHPscAlpha(b *testing.B) {
	n := benchN(1000)
	net := benchPoissonNet(b, "hh_psc_alpha_neuron", n, 3000, 100)
	benchSteps(b, net, n, 100)
}

// BenchmarkAeifNEST: aeif_cond_exp with NEST's error control (benchmark
// (b) of docs/benchmarks.md), 8 kHz × 6 nS Poisson input.
func BenchmarkAeifNEST(b *testing.B) {
	n := benchN(1000)
	m := compileModel(b, corpusDir+"/aeif_cond_exp_neuron.nestml", mustRead(b, corpusDir+"/aeif_cond_exp_neuron.nestml"), pipeline.Options{Controller: "with_respect_to_derivative"})
	net := poissonDriven(b, m, n, 8000, 6)
	benchSteps(b, net, n, 100)
}

// BenchmarkHHNEST: hh_psc_alpha with NEST's tolerances (benchmark (c) of
// docs/benchmarks.md), 4 kHz × 120 pA Poisson input.
func BenchmarkHHNEST(b *testing.B) {
	n := benchN(1000)
	m := compileModel(b, corpusDir+"/hh_psc_alpha_neuron.nestml", mustRead(b, corpusDir+"/hh_psc_alpha_neuron.nestml"))
	net := poissonDriven(b, m, n, 4000, 120, "gsl_abs_error_tol", 1e-3, "gsl_rel_error_tol", 0.0)
	benchSteps(b, net, n, 100)
}
