package sim

import "unsafe"

// prefetch asks the CPU to load the cache line at p (PREFETCHT0); it never
// faults. deliverPlastic uses it for the spike histories of the targets a
// few synapses ahead, whose cache misses otherwise stall every event.
//
//go:noescape
func prefetch(p unsafe.Pointer)
