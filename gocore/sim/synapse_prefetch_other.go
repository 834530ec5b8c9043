//go:build !amd64

package sim

import "unsafe"

// prefetch is a no-op on this architecture (see synapse_prefetch_amd64.go).
func prefetch(p unsafe.Pointer) {}
