package sim

import (
	"math"
	"math/rand/v2"
)

// A poisson_generator sends every target its own Poisson spike train, as
// NEST's does. Each connection has its own random stream (a PCG-DXSM
// generator of 16 bytes, seeded from the network seed, the generator's
// node id, the target's node id and the rank of the connection among those
// of the same generator to the same target), so a train does not depend on
// how many threads run the simulation or in which order targets are
// visited, and simulate(100) equals 10 × simulate(10).
//
// The count of one step, k ~ Poisson(λ) with λ = rate·h, is drawn by
// inversion from one uniform number: the smallest k with u < F(k), found
// from a guide table (Chen and Asau's indexed search) in about one
// comparison. For λ > 700 (e^-λ underflows) a rounded normal
// N(λ, λ) is used instead.
//
// sendPoisson serves a job's connections: with native kernels on, through
// a C kernel that makes the same draws and additions
// (native_poisson.go), else by the Go loop sendPoissonGo.

type pcg = rand.PCG

// splitmix64 is a bijective 64-bit mixer (Steele, Lea and Flood's
// SplitMix64 finaliser), used to derive stream seeds.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// seedStreams gives every connection of a poisson_generator (sorted by
// target) its random stream.
func (g *generator) seedStreams(netSeed uint64) {
	g.streams = make([]pcg, len(g.targets))
	base := splitmix64(netSeed ^ splitmix64(uint64(g.id)<<1|1))
	rank := uint64(0)
	for i, c := range g.targets {
		if i > 0 && c.tgt == g.targets[i-1].tgt {
			rank++
		} else {
			rank = 0
		}
		s2 := splitmix64(base ^ splitmix64(uint64(c.tgt)|rank<<32))
		g.streams[i] = *rand.NewPCG(base, s2)
	}
}

// uniform returns a uniform number in [0, 1) with 53 random bits.
func uniform(s *pcg) float64 { return float64(s.Uint64()>>11) * 0x1p-53 }

const poissonNormalFrom = 700.0

type poissonTable struct {
	lambda float64
	cdf    []float64 // cdf[k] = P(X ≤ k); the last entry is 1
	guide  []int32   // guide[j]: smallest k with cdf[k] > j/len(guide)
}

func newPoissonTable(lambda float64) *poissonTable {
	t := &poissonTable{lambda: lambda}
	if !(lambda > 0) || lambda > poissonNormalFrom {
		return t
	}
	kmax := int(math.Ceil(lambda + 12*math.Sqrt(lambda) + 12))
	t.cdf = make([]float64, kmax+1)
	p := math.Exp(-lambda)
	sum := 0.0
	for k := 0; k <= kmax; k++ {
		if k > 0 {
			p *= lambda / float64(k)
		}
		sum += p
		t.cdf[k] = math.Min(sum, 1)
	}
	t.cdf[kmax] = 1
	m := len(t.cdf)
	t.guide = make([]int32, m)
	k := 0
	for j := range t.guide {
		for t.cdf[k] <= float64(j)/float64(m) {
			k++
		}
		t.guide[j] = int32(k)
	}
	return t
}

// draw returns a Poisson(λ) count from stream s.
func (t *poissonTable) draw(s *pcg) int {
	if t.cdf != nil {
		u := uniform(s)
		k := t.guide[int(u*float64(len(t.guide)))]
		for u >= t.cdf[k] {
			k++
		}
		return int(k)
	}
	if !(t.lambda > 0) {
		return 0
	}
	// Box–Muller
	u1, u2 := uniform(s), uniform(s)
	z := math.Sqrt(-2*math.Log(1-u1)) * math.Cos(2*math.Pi*u2)
	x := math.Round(t.lambda + math.Sqrt(t.lambda)*z)
	if x < 0 {
		return 0
	}
	return int(x)
}

// poisson draws a Poisson-distributed count with mean lambda (Knuth's
// method; used by random_poisson in models).
func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda < 30 {
		l, k, p := math.Exp(-lambda), 0, 1.0
		for {
			p *= r.Float64()
			if p <= l {
				return k
			}
			k++
		}
	}
	// normal approximation with continuity correction for large means
	x := math.Round(lambda + math.Sqrt(lambda)*r.NormFloat64())
	if x < 0 {
		return 0
	}
	return int(x)
}

// sendPoisson lets g send this step's counts to its connections [a, b)
// (all with targets in p; w.slots holds the ring offsets of this step):
// through the native kernel when native kernels are on
// (native_poisson.go), else by the Go loop below. Both draw the same
// numbers and add w·k to the rings in connection order.
func (n *Network) sendPoisson(w *worker, p *Population, g *generator, a, b int) {
	if n.sendPoissonNative(w, p, g, a, b) {
		return
	}
	sendPoissonGo(w, p, g, a, b)
}

// sendPoissonGo is sendPoisson's Go loop.
func sendPoissonGo(w *worker, p *Population, g *generator, a, b int) {
	first := p.first
	t := g.pois
	if t.cdf == nil {
		for e := a; e < b; e++ {
			c := &g.targets[e]
			if k := t.draw(&g.streams[e]); k > 0 {
				x := w.slots[c.meta>>portBits] + int(c.tgt) - first
				port := c.meta & portMask
				p.spikeRing[port][x] += c.w * float64(k)
				p.flagRing[port][x] = 1
			}
		}
		return
	}
	// t.draw, inlined and branch-free for counts below 4; the
	// connections that receive spikes are collected first, then
	// served (no unpredictable branch per connection)
	cdf, guide := t.cdf, t.guide
	var c4 [4]float64
	for k := range c4 {
		c4[k] = 2 // above any u
		if k < len(cdf) {
			c4[k] = cdf[k]
		}
	}
	gm := float64(len(guide))
	for blk := a; blk < b; blk += chunkCap {
		end := min(blk+chunkCap, b)
		targets, streams := g.targets[blk:end], g.streams[blk:end]
		hit, cnt := w.hit[:len(targets)], w.cnt[:len(targets)]
		nh := 0
		for e := range targets {
			u := float64(streams[e].Uint64()>>11) * 0x1p-53
			k := b2i(u >= c4[0]) + b2i(u >= c4[1]) + b2i(u >= c4[2]) + b2i(u >= c4[3])
			if k == 4 {
				k = int(guide[int(u*gm)])
				for u >= cdf[k] {
					k++
				}
			}
			hit[nh] = int32(e)
			cnt[nh] = int32(k)
			nh += b2i(k > 0)
		}
		for h := 0; h < nh; h++ {
			c := &targets[hit[h]]
			x := w.slots[c.meta>>portBits] + int(c.tgt) - first
			port := c.meta & portMask
			p.spikeRing[port][x] += c.w * float64(cnt[h])
			p.flagRing[port][x] = 1
		}
	}
}
