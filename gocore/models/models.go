// Package models is nestml_go's own library of standard neuron and synapse
// models, written for this project from the published equations and
// embedded in the binary. Names follow upstream NESTML's
// (iaf_psc_exp_neuron, …) so existing scripts keep working.
package models

import (
	"embed"
	"sort"
	"strings"
)

//go:embed *.nestml
var files embed.FS

// Names returns the names of the library models, sorted.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".nestml"))
	}
	sort.Strings(out)
	return out
}

// Source returns the NESTML source of a library model.
func Source(name string) ([]byte, bool) {
	b, err := files.ReadFile(name + ".nestml")
	if err != nil {
		return nil, false
	}
	return b, true
}
