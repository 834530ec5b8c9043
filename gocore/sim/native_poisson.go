package sim

import (
	_ "embed"
	"strconv"
	"sync"
	"unsafe"

	"nestml_go/gocore/sim/native"
)

// With native kernels on (Network.SetNative), a poisson_generator serves a
// job's connections with one call of a C kernel (native_poisson.c.tmpl)
// instead of the Go loop sendPoissonGo (poisson.go). Per block of 256
// connections it first draws: it advances each connection's stream with
// the arithmetic of Go's rand.PCG (128-bit LCG step, DXSM output,
// reproduced word for word and checked against rand.PCG in the tests;
// with AVX2 four streams per register, the 64×64-bit products assembled
// from 32×32-bit ones), inverts the uniform number u = m·2^-53 with the
// same four comparisons — made on the integer m against ⌈F·2^53⌉, which
// is exact — and the same guide table, and marks the connections with a
// count k > 0 in a bitmask; then it adds w·k to those targets' ring slots
// in connection order. Every count and every addition is thus the Go
// loop's: trains and ring contents are bit-identical, whatever the thread
// count, at about half the Go loop's cost per connection (the draws have
// no branch but the rare one into the guide table, and no bounds checks).
// The kernel is one fixed source, compiled once per process and cached on
// disk like the models' kernels. Without a C compiler, with more input
// ports than the kernel takes, on a 32-bit platform, for fewer than
// poissonNativeFrom connections in a job, or for rates whose counts come
// from the normal approximation, the Go loop runs.

//go:embed native_poisson.c.tmpl
var poissonSource string

const (
	poissonSymbol = "nk_poisson"
	pcgSymbol     = "nk_pcg_uint64"
	// poissonNativeFrom: fewer connections in a job are served in Go (a
	// cgo call costs about as much as a few dozen draws)
	poissonNativeFrom = 32
)

var poissonKern struct {
	once sync.Once
	k    *native.Kernel
	err  error
}

// poissonKernel returns the poisson_generator kernel, compiling it on
// first use, or the reason there is none.
func poissonKernel() (*native.Kernel, error) {
	poissonKern.once.Do(func() {
		poissonKern.k, poissonKern.err = native.Load(poissonSource, poissonSymbol)
	})
	return poissonKern.k, poissonKern.err
}

// sendPoissonNative serves the connections [a, b) of g (targets in p,
// table with cdf) through the native kernel, and reports false, having
// done nothing, when the Go loop must serve them.
func (n *Network) sendPoissonNative(w *worker, p *Population, g *generator, a, b int) bool {
	t := g.pois
	if !n.native || b-a < poissonNativeFrom || t.cdf == nil || strconv.IntSize != 64 ||
		len(p.spikeRing) > native.PoissonMaxPorts || len(w.slots) == 0 {
		return false
	}
	k, err := poissonKernel()
	if err != nil {
		return false
	}
	m := b - a
	syn := unsafe.Slice((*uint64)(unsafe.Pointer(&g.targets[a])), 2*m)
	streams := unsafe.Slice((*uint64)(unsafe.Pointer(&g.streams[a])), 2*m)
	slots := unsafe.Slice((*int64)(unsafe.Pointer(&w.slots[0])), len(w.slots))
	k.Poisson(m, syn, streams, t.cdf, t.guide, slots, p.first, p.spikeRing, p.flagRing)
	return true
}

// Compile-time checks of the layouts the kernel assumes: a synapse is
// {tgt uint32, meta uint32, w float64}, a stream two words.
var (
	_ [16 - unsafe.Sizeof(synapse{})]struct{}
	_ [unsafe.Sizeof(synapse{}) - 16]struct{}
	_ [16 - unsafe.Sizeof(pcg{})]struct{}
	_ [unsafe.Sizeof(pcg{}) - 16]struct{}
	_ [unsafe.Offsetof(synapse{}.meta) - 4]struct{}
	_ [4 - unsafe.Offsetof(synapse{}.meta)]struct{}
	_ [unsafe.Offsetof(synapse{}.w) - 8]struct{}
	_ [8 - unsafe.Offsetof(synapse{}.w)]struct{}
)
