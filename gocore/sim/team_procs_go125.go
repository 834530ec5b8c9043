//go:build go1.25

package sim

import "runtime"

// defaultProcs returns GOMAXPROCS to the runtime's default, which follows
// the CPU quota from Go 1.25 on.
func defaultProcs() { runtime.SetDefaultGOMAXPROCS() }
