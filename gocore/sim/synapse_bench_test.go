package sim_test

import (
	"math"
	"syscall"
	"testing"
	"time"

	"nestml_go/gocore/sim"
)

// BenchmarkSTDPNetwork: 2000 iaf_psc_exp neurons driven by Poisson input,
// 200 stdp_synapse connections onto each (400 000 synapses, 24 bytes
// each), 100 ms; reports the synapse events (presynaptic spikes × synapses)
// handled per second.
func BenchmarkSTDPNetwork(b *testing.B) { benchSTDP(b, false) }

// BenchmarkSTDPNetworkGeneric is BenchmarkSTDPNetwork without the STDP
// kernel (synapse_stdp.go): the speed of the generic synapse path.
func BenchmarkSTDPNetworkGeneric(b *testing.B) { benchSTDP(b, true) }

func benchSTDP(b *testing.B, generic bool) {
	b.StopTimer()
	events, cpu := 0.0, 0.0
	for i := 0; i < b.N; i++ {
		net, _ := sim.NewNetwork(0.1)
		if th := benchThreads(); th > 0 {
			net.SetThreads(th)
		}
		pop, _ := net.CreatePopulation(loadModel(b, "iaf_psc_exp_neuron"), 2000)
		pg, _ := net.CreatePoissonGenerator(16000, 0, math.Inf(1))
		net.Connect(pg.IDs(), pop.IDs(), 30, 0.1, "")
		spec := &sim.SynapseSpec{Model: loadSynapse(b, "stdp_synapse"), Params: map[string]float64{"Wmax": 1}, Generic: generic}
		if _, err := net.ConnectSynapse(pop.IDs(), pop.IDs(), sim.ConnSpec{Rule: "fixed_indegree", Indegree: 200},
			sim.ConstValue(0.5), sim.ConstValue(1.5), spec); err != nil {
			b.Fatal(err)
		}
		sr := net.CreateSpikeRecorder()
		net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, "")
		c0 := cpuSeconds()
		b.StartTimer()
		if err := net.Simulate(100, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuSeconds() - c0
		r, _ := net.Recorder(sr.First)
		events += float64(len(r.Times)) * 200
	}
	b.ReportMetric(events/b.Elapsed().Seconds(), "syn-events/s")
	b.ReportMetric(events/cpu, "syn-events/cpu-s")
}

// cpuSeconds is the process's user + system CPU time (the machine may be
// shared; wall time then says little).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	d := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return d.Seconds()
}
