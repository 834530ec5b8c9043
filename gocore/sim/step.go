package sim

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
)

// A step of the network (NEST's order, nest_target.md §4.5) runs as one
// parallel phase over jobs, contiguous lane ranges of one population,
// followed by a short serial phase:
//
//	job (pop, [lo, hi)), in parallel, any job on any goroutine:
//	  1. deliver the spikes neurons emitted in the previous step to the
//	     targets in [lo, hi) (input rings, slot of step + delay)
//	  2. let every generator, in creation order, send to its targets in
//	     [lo, hi)
//	  3. run the population's program over [lo, hi) in chunks (or its
//	     fused native step in one call, native_step.go), reading this
//	     step's ring slot, then clear it and latch continuous input
//	serial: collect the emitted spikes (job order = neuron order), record
//
// A target's buffer therefore receives its additions in the order of the
// scalar engine — by step, within a step generators before neurons, then
// by source and by connection — whatever the number of threads, and each
// neuron is updated by the same operations: results do not depend on the
// thread count.

// spikeRef is a spike of the previous step: the emitting node id.
type spikeRef = int32

type job struct {
	p       *Population
	lo, hi  int
	emitted []int32 // node ids that spiked, in neuron order
	out     strings.Builder
	err     error
	errLane int
	wev     []weightEvent // weight_recorder events (synapse.go)
	synErr  error         // an error of a synapse (synapse.go)
	step    *stepKernel   // the fused native step of p, if any (native_step.go)
}

type worker struct {
	regs   [][]float64
	arena  []int32
	top    int
	emit   [chunkCap]uint16
	bufs   map[int]*numBuf
	slots  []int // per delay: ring offset of step + delay
	prev   []int // per delay: ring offset of step - 1 + delay
	spike  [][]float64
	flags  [][]uint8
	chunk  chunk
	rowTmp [][]float64     // rowGroup.passes: new values of a block's rows
	hit    [chunkCap]int32 // poisson_generator: connections that receive spikes
	cnt    [chunkCap]int32 // and their counts
	syn    synCtx          // the event being handled by a plastic synapse
	nat    nativeBuf       // records of a native kernel call (native.go)
	step   stepBuf         // arguments of a step kernel call (native_step.go)
}

func newWorker() *worker {
	return &worker{arena: make([]int32, 64*chunkCap), bufs: map[int]*numBuf{}}
}

func (w *worker) numBuf(n int) *numBuf {
	b := w.bufs[n]
	if b == nil {
		b = newNumBuf(n)
		w.bufs[n] = b
	}
	return b
}

func (w *worker) rowTemps(n int) [][]float64 {
	for len(w.rowTmp) < n {
		w.rowTmp = append(w.rowTmp, make([]float64, chunkCap))
	}
	return w.rowTmp[:n]
}

func (w *worker) ensureRegs(n int) {
	for len(w.regs) < n {
		w.regs = append(w.regs, make([]float64, chunkCap))
	}
}

// runState is the job list and goroutines of a simulation.
type runState struct {
	workers []*worker
	jobs    []*job
	zero    []float64
	next    atomic.Int64
	step    int64
	team    *team // during Simulate (team.go)
	// the fused native steps, and why a population has none
	// (native_step.go)
	steps   map[*Population]*stepKernel
	stepErr map[*Population]error
}

// prepare fixes the connection tables and ring buffers and binds
// propagators when the simulation starts.
func (n *Network) prepare() error {
	if n.started {
		return nil
	}
	maxD := max(n.finishSynapses(), n.finishPlastic())
	n.ringLen = maxD + 1
	for _, p := range n.pops {
		L := n.ringLen * p.N
		np := len(p.Model.SpikePorts)
		p.spikeRing, p.flagRing = make([][]float64, np), make([][]uint8, np)
		for k := 0; k < np; k++ {
			if p.spikeUsed[k] {
				p.spikeRing[k] = make([]float64, L)
				p.flagRing[k] = make([]uint8, L)
			}
		}
		p.contRing = make([][]float64, len(p.Model.ContPorts))
		if p.contUsed {
			for k := range p.contRing {
				p.contRing[k] = make([]float64, L)
			}
		}
		if err := p.bind(); err != nil {
			return err
		}
		p.rebind = false
	}
	n.random() // the seed of the Poisson streams
	for _, g := range n.gens {
		if g.kind == "poisson_generator" {
			g.pois = newPoissonTable(g.amplitude * n.h * 1e-3)
			g.seedStreams(n.seed)
		}
	}
	for _, r := range n.recs {
		switch r.Kind {
		case "multimeter":
			r.cols = make([][][]float64, len(r.sources))
			for k, src := range r.sources {
				for _, name := range r.RecordFrom {
					col, _, _ := src.pop.column(name)
					r.cols[k] = append(r.cols[k], col)
				}
			}
		case "spike_recorder":
			r.pos = make([]int32, len(n.nodes))
			for i := range r.pos {
				r.pos[i] = -1
			}
			r.extra = map[int32][]int32{}
			for k, id := range r.srcIDs {
				if r.pos[id-1] < 0 {
					r.pos[id-1] = int32(k)
				} else {
					r.extra[int32(id)] = append(r.extra[int32(id)], int32(k))
				}
			}
		}
	}
	n.started = true
	return nil
}

// newRun builds the jobs and workers for the current programs.
func (n *Network) newRun() *runState {
	T := n.Threads()
	r := &runState{zero: make([]float64, chunkCap)}
	maxRegs := 0
	for _, p := range n.pops {
		if p.prog.nregs > maxRegs {
			maxRegs = p.prog.nregs
		}
		size := (p.N + 4*T - 1) / (4 * T)
		size = (size + chunkCap - 1) / chunkCap * chunkCap
		if p.prog.oneJob || T == 1 {
			size = p.N
		}
		for lo := 0; lo < p.N; lo += size {
			r.jobs = append(r.jobs, &job{p: p, lo: lo, hi: min(lo+size, p.N)})
		}
	}
	for t := 0; t < T; t++ {
		w := newWorker()
		w.ensureRegs(maxRegs)
		r.workers = append(r.workers, w)
	}
	r.attachSteps(n)
	return r
}

// Simulate advances the network by t ms (a multiple of the resolution).
// cancel, if non-nil, is polled every few steps; a true result stops the
// run early with an error, leaving the network in a consistent state.
func (n *Network) Simulate(t float64, cancel func(done, total int64) bool) error {
	steps := math.Round(t / n.h)
	if !(t >= 0) || math.IsInf(t, 0) || math.Abs(steps*n.h-t) > 1e-9*math.Max(1, t) {
		return fmt.Errorf("simulation time %v ms must be a non-negative multiple of the resolution %v ms", t, n.h)
	}
	if err := n.prepare(); err != nil {
		return err
	}
	rebuilt := n.run == nil
	for _, p := range n.pops {
		if p.rebind {
			if err := p.bind(); err != nil {
				return err
			}
			p.rebind = false
		}
		if p.dirty || p.prog == nil {
			prog, err := compileProgram(p)
			if err != nil {
				return err
			}
			if n.native {
				p.attachNative(prog)
			}
			p.prog, p.dirty = prog, false
			rebuilt = true
		}
	}
	if rebuilt {
		n.run = n.newRun()
	}
	r := n.run
	total := int64(steps)
	// the helpers live for this call only
	T := len(r.workers)
	defer reserveProcs(T)()
	r.team = startTeam(T, teamSpin(T), func(k int) { n.work(r, r.workers[k]) })
	defer func() {
		r.team.stop()
		r.team = nil
	}()
	for k := int64(0); k < total; k++ {
		if cancel != nil && k%256 == 0 && cancel(k, total) {
			return fmt.Errorf("simulation interrupted at t = %v ms", n.Time())
		}
		if err := n.advance(r); err != nil {
			return err
		}
	}
	if cancel != nil {
		cancel(total, total)
	}
	return nil
}

// work runs jobs until none is left.
func (n *Network) work(r *runState, w *worker) {
	for {
		k := int(r.next.Add(1)) - 1
		if k >= len(r.jobs) {
			return
		}
		n.runJob(r, w, r.jobs[k])
	}
}

func (n *Network) advance(r *runState) error {
	s := n.step
	for _, g := range n.gens {
		if g.kind != "spike_generator" {
			continue
		}
		// a spike stamped (s+1)·h is emitted in step s; earlier ones are
		// skipped
		for g.next < len(g.spikeSteps) && g.spikeSteps[g.next] < s+1 {
			g.next++
		}
		g.from = g.next
		for g.next < len(g.spikeSteps) && g.spikeSteps[g.next] == s+1 {
			g.next++
		}
		g.to = g.next
	}
	n.updateDevices(s)
	r.step = s
	r.next.Store(0)
	r.team.step(func() { n.work(r, r.workers[0]) })
	// serial phase
	var err error
	if n.syn != nil {
		err = n.afterPlastic(r) // synapse.go
	}
	pending := n.pending[:0]
	for _, j := range r.jobs {
		if j.out.Len() > 0 {
			n.print(j.out.String())
			j.out.Reset()
		}
		if j.err != nil && err == nil {
			err = j.err
		}
		j.err = nil
		pending = append(pending, j.emitted...)
	}
	n.pending = pending
	if n.syn != nil {
		n.recordPostSpikes(s, pending)
	}
	n.record(s, pending)
	n.step++
	return err
}

func (n *Network) print(s string) { n.out.Write([]byte(s)) }

// targetRange returns the index range of the synapses in syn (sorted by
// target) whose target lies in [lo, hi).
func targetRange(syn []synapse, lo, hi uint32) (int, int) {
	a := sort.Search(len(syn), func(i int) bool { return syn[i].tgt >= lo })
	b := a + sort.Search(len(syn)-a, func(i int) bool { return syn[a+i].tgt >= hi })
	return a, b
}

func (n *Network) runJob(r *runState, w *worker, j *job) {
	p := j.p
	s := r.step
	L := int64(n.ringLen)
	w.slots = w.slots[:0]
	w.prev = w.prev[:0]
	for d := int64(0); d < L; d++ {
		w.slots = append(w.slots, int((s+d)%L)*p.N)
		w.prev = append(w.prev, int((s-1+d+L)%L)*p.N)
	}
	first := p.first
	lo, hi := uint32(first+j.lo), uint32(first+j.hi)
	// 1. spikes of the previous step
	if len(n.pending) > 0 {
		for _, id := range n.pending {
			row := n.csr.syn[n.csr.off[id-1]:n.csr.off[id]]
			if len(row) == 0 {
				continue
			}
			a, b := targetRange(row, lo, hi)
			for _, c := range row[a:b] {
				x := w.prev[c.meta>>portBits] + int(c.tgt) - first
				port := c.meta & portMask
				p.spikeRing[port][x] += c.w
				p.flagRing[port][x] = 1
			}
		}
	}
	if n.syn != nil && len(n.pending) > 0 {
		n.deliverPlastic(r, w, j, lo, hi) // synapse.go
	}
	// 2. generators
	for _, g := range n.gens {
		if len(g.targets) == 0 {
			continue
		}
		switch g.kind {
		case "spike_generator":
			if g.from == g.to {
				continue
			}
			a, b := targetRange(g.targets, lo, hi)
			if a == b {
				continue
			}
			var ports []*portInfo
			for k := g.from; k < g.to; k++ {
				for _, c := range g.targets[a:b] {
					v := c.w * g.weights[k]
					port := int(c.meta & portMask)
					if port == portBySign {
						if ports == nil {
							ports = p.ports()
						}
						if port, v = route(ports, v); port < 0 {
							continue
						}
					}
					x := w.slots[c.meta>>portBits] + int(c.tgt) - first
					p.spikeRing[port][x] += v
					p.flagRing[port][x] = 1
				}
			}
		case "poisson_generator":
			if s < g.startStep || s >= g.stopStep {
				continue
			}
			a, b := targetRange(g.targets, lo, hi)
			n.sendPoisson(w, p, g, a, b) // poisson.go
		case "dc_generator":
			// as NEST's current generators: active in the steps s with
			// start ≤ (s+1)·h < stop; the current acts one step after it
			// arrives (it is latched at the end of the step). Checked
			// against NEST 3.10: start 25 ms, delay 0.1 ms → V_m first
			// changes at 25.2 ms.
			if s+1 < g.startStep || s+1 >= g.stopStep {
				continue
			}
			a, b := targetRange(g.targets, lo, hi)
			for _, c := range g.targets[a:b] {
				x := w.slots[c.meta>>portBits] + int(c.tgt) - first
				p.contRing[c.meta&portMask][x] += c.w * g.amplitude
			}
		case "step_current_generator", "ac_generator", "noise_generator":
			g.sendCurrents(w, p, lo, hi) // devices.go
		}
	}
	// 3. the neurons
	j.emitted = j.emitted[:0]
	j.err = nil
	if j.step != nil {
		n.runStep(r, w, j) // native_step.go
		return
	}
	step := chunkCap
	if p.prog.laneByLane {
		step = 1
	}
	for base := j.lo; base < j.hi; base += step {
		nl := min(step, j.hi-base)
		n.runChunk(r, w, j, base, nl)
	}
}

func (n *Network) runChunk(r *runState, w *worker, j *job, base, nl int) {
	p := j.p
	prog := p.prog
	slot := int(r.step%int64(n.ringLen)) * p.N
	np := len(p.Model.SpikePorts)
	w.spike, w.flags = w.spike[:0], w.flags[:0]
	for k := 0; k < np; k++ {
		if p.spikeUsed[k] {
			w.spike = append(w.spike, p.spikeRing[k][slot+base:slot+base+nl])
			w.flags = append(w.flags, p.flagRing[k][slot+base:slot+base+nl])
		} else {
			w.spike = append(w.spike, r.zero[:nl])
			w.flags = append(w.flags, nil)
		}
	}
	c := &w.chunk
	*c = chunk{p: p, w: w, prog: prog, base: base, n: nl, regs: w.regs,
		spike: w.spike, flags: w.flags, tEnd: n.timeEnd(), emit: w.emit[:nl], out: &j.out}
	if prog.oneJob {
		c.rng = p.rng()
	}
	clear(c.emit)
	w.top = 0
	all := sel{n: nl}
	// 3. convolution states, first half (from the step-start state)
	var outBuf [4][]float64
	for gi, g := range prog.conv {
		out := outBuf[:0]
		for _, reg := range prog.convTo[gi] {
			out = append(out, w.regs[reg])
		}
		g.compute(c, all, out)
	}
	// 4. update
	c.execAll(prog.update, all)
	// 5. onReceive handlers of ports that received spikes
	for _, h := range prog.recv {
		fl := c.recvFlags(&h)
		if fl == nil {
			continue
		}
		if h.addTo != nil {
			col, wv, fl := h.addTo[base:base+nl], c.spike[h.port][:nl], c.flags[h.port][:nl]
			for i, f := range fl {
				if f != 0 {
					col[i] += wv[i]
				}
			}
			continue
		}
		mark := w.top
		if s := c.flagged(fl); s.count() > 0 {
			c.execAll(h.body, s)
		}
		w.top = mark
	}
	// 6. convolution states, second half
	for gi, g := range prog.conv {
		for k, row := range g.rows {
			col := p.state[g.bp.blk.Vars[row]][base : base+nl]
			copy(col, w.regs[prog.convTo[gi][k]][:nl])
		}
	}
	// 7. spike jumps, where spikes arrived with a non-zero sum
	for k := range prog.jumps {
		jp := &prog.jumps[k]
		if c.flags[jp.port] == nil {
			continue
		}
		mark := w.top
		wv := c.spike[jp.port]
		idx := c.takeIdx(nl)
		for i, v := range wv[:nl] {
			if v != 0 {
				idx = append(idx, int32(i))
			}
		}
		if len(idx) > 0 {
			s := sel{idx: idx}
			cv, cs := c.eval(&jp.coef, s)
			col := p.state[jp.v][base : base+nl]
			for _, i := range idx {
				x := cs
				if cv != nil {
					x = cv[i]
				}
				col[i] += float64(wv[i] * x)
			}
		}
		w.top = mark
	}
	// 8. onCondition handlers
	for k := range prog.conds {
		h := &prog.conds[k]
		mark := w.top
		if t, _ := c.splitCond(h.cond, all, false); t.count() > 0 {
			c.execAll(h.body, t)
		}
		w.top = mark
	}
	for i, cnt := range c.emit {
		for ; cnt > 0; cnt-- {
			j.emitted = append(j.emitted, int32(p.first+base+i))
		}
	}
	if c.err != nil && (j.err == nil || c.errLane < j.errLane) {
		j.err, j.errLane = c.err, c.errLane
	}
	// clear this step's spike slot; 9. latch continuous input
	for k := 0; k < np; k++ {
		if p.spikeUsed[k] {
			clear(w.spike[k])
			clear(w.flags[k])
		}
	}
	if p.contUsed {
		for k, ring := range p.contRing {
			win := ring[slot+base : slot+base+nl]
			copy(p.contIn[k][base:base+nl], win)
			clear(win)
		}
	}
}

// record appends this step's samples and spikes to the recorders.
func (n *Network) record(s int64, spikes []int32) {
	stamp := n.stamp(s + 1)
	for _, r := range n.recs {
		switch r.Kind {
		case "spike_recorder":
			if len(spikes) == 0 || len(r.srcIDs) == 0 {
				continue
			}
			hits := r.hits[:0]
			for _, id := range spikes {
				if k := r.pos[id-1]; k >= 0 {
					hits = append(hits, k)
					hits = append(hits, r.extra[id]...)
				}
			}
			slices.Sort(hits)
			for _, k := range hits {
				r.Times = append(r.Times, stamp)
				r.Senders = append(r.Senders, float64(r.srcIDs[k]))
			}
			r.hits = hits
		case "multimeter":
			if (s+1)%r.interval != 0 {
				continue
			}
			for k, src := range r.sources {
				r.Times = append(r.Times, stamp)
				r.Senders = append(r.Senders, float64(r.srcIDs[k]))
				for v, name := range r.RecordFrom {
					r.Values[name] = append(r.Values[name], r.cols[k][v][src.index])
				}
			}
		}
	}
}
