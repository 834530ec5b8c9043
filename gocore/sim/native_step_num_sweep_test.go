package sim_test

import (
	"os"
	"strings"
	"testing"

	"nestml_go/gocore/sim"
)

// failEngine stops at the first failing run and keeps its error (the
// traces up to it are compared).
type failEngine struct {
	*simEngine
	err error
}

func (e *failEngine) run(t float64) error {
	if e.err == nil {
		e.err = e.simEngine.run(t)
	}
	return nil
}

// TestFusedNumericStepCorpus runs every neuron model of the corpus with a
// numeric part for 60 ms, fused (3 threads, two runs) and unfused: the same
// status for both (fused or why not), bit-identical traces and spikes, the
// same error where a model fails under the protocol.
func TestFusedNumericStepCorpus(t *testing.T) {
	requireCC(t)
	ents, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skip(err)
	}
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".nestml")
		if !ok {
			continue
		}
		m := loadModel(t, name)
		if m.Numeric == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			c := neuronCase{model: name, n: 4, wlo: 1, whi: 30, dc: 500, tsim: 60}
			run := func(fused bool, threads int, splits int) (trace, error, string) {
				defer sim.SetFuseNumeric(sim.SetFuseNumeric(fused))
				net, _ := sim.NewNetwork(0.1)
				net.SetNative(true)
				net.SetThreads(threads)
				cc := c
				cc.splits = splits
				fe := &failEngine{simEngine: &simEngine{t, net}}
				tr := runNeuronCase(t, fe, m, cc)
				return tr, fe.err, net.NativeStatus()
			}
			want, errU, stU := run(false, 1, 1)
			got, errF, stF := run(true, 3, 2)
			if !strings.Contains(stF, "fused step kernel") && !strings.Contains(stF, "step in the Go engine") {
				t.Fatalf("status %q", stF)
			}
			if strings.Contains(stF, "step in the Go engine") && !strings.Contains(stU, "step in the Go engine") {
				t.Fatalf("unfused status %q", stU)
			}
			if (errU == nil) != (errF == nil) || (errU != nil && errU.Error() != errF.Error()) {
				t.Fatalf("errors differ:\nunfused: %v\nfused:   %v", errU, errF)
			}
			if errU == nil {
				compareTraces(t, name, want, got)
			}
		})
	}
}
