package nest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
)

// newFeatureModels returns the hand-built models using convolution
// states, spike and delta jumps and numeric systems.
func newFeatureModels() []*ir.Model {
	return []*ir.Model{
		iafPscAlphaIR(),
		iafPscDeltaIR(),
		aeifCondAlphaIR("aeif_cond_alpha_neuron", "", "", false),
		aeifCondAlphaIR("aeif_yp_numeric_neuron", "rk45", "with_respect_to_derivative", true),
		vanDerPolIR("rk45"),
		vanDerPolIR("rk4"),
		vanDerPolIR("forward-Euler"),
	}
}

// TestWriteNewFeatures writes the generated module of the hand-built models
// to $NESTML_GO_WRITE_DIR (for inspection); skipped when unset.
func TestWriteNewFeatures(t *testing.T) {
	dir := os.Getenv("NESTML_GO_WRITE_DIR")
	if dir == "" {
		t.Skip("NESTML_GO_WRITE_DIR not set")
	}
	files, err := Generate(newFeatureModels()[:2], Options{ModuleName: "featuremodule"})
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o755)
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var _ = bytes.Equal
var _ = strings.Contains
