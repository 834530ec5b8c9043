package sim

// STDPKernels returns, per plastic synapse group, whether the STDP kernel
// (synapse_stdp.go) runs it (for tests in package sim_test).
func STDPKernels(n *Network) []bool {
	var out []bool
	if n.syn != nil {
		for _, g := range n.syn.groups {
			out = append(out, g.stdp != nil)
		}
	}
	return out
}
