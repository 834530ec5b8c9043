//go:build !go1.25

package sim

// defaultProcs: before Go 1.25 the default is fixed at start-up, and the
// value saved before the run is restored as it is.
func defaultProcs() {}
