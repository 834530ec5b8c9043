package sim

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The worker team of a Simulate call (docs/decisions/0006-worker-team.md).
//
// Every step the goroutine that called Simulate and T−1 helpers each run
// jobs until none is left; then the caller runs the serial phase and the
// next step starts. Two costs of the Go scheduler dominated short steps and
// long native calls on a machine with as many CPUs as workers, and the team
// avoids both:
//
//   - Waking a parked goroutine every step (a futex wake, tens of µs in a
//     virtual machine): helpers and the caller spin on the step counter and
//     the count of running helpers for up to spinFor before they sleep.
//   - Handing off the P of a worker inside a C kernel: when no P is idle,
//     the runtime's monitor takes the P of every call into C that lasts
//     more than ~20 µs and starts a spinning thread on it, which preempts a
//     worker, and it keeps itself waking every 20 µs while it does so. One
//     P more than the workers (reserveProcs) leaves one idle: calls into C
//     shorter than 10 ms are then left alone, and the monitor backs off.
//     The monitor also takes the P of a goroutine that has not been
//     rescheduled for 10 ms when it is inside C, so every worker yields
//     (runtime.Gosched, which resumes it at once) after a step once
//     yieldEvery has passed since its last yield. Not after every step:
//     with a P idle, each Gosched also wakes a thread to look for work
//     (two futex calls and a context switch; 12 % of case (a) of the
//     benchmarks at one thread).
type team struct {
	gen     atomic.Uint64 // the step counter; stopGen ends the helpers
	running atomic.Int32  // helpers still working on the current step
	spin    time.Duration // how long a waiter spins before it sleeps
	helpers []parker      // one per helper, woken by a new step
	caller  parker        // woken by the last helper of a step
	yield   yielder       // the caller's
	wg      sync.WaitGroup
}

const stopGen = ^uint64(0)

// spinFor bounds spinning: long enough for the serial phase between two
// steps and the imbalance at the end of one, short enough not to burn a
// core while the caller is away (a progress callback, the end of a run).
// (A variable for the allocation tests: a waiter that falls asleep may
// allocate the runtime's wait record once its caches were cleared by a
// garbage collection, which is not the engine's allocation.)
var spinFor = 200 * time.Microsecond

// teamSpin is how long the waiters of a team of T spin: spinFor, or not at
// all when the workers outnumber the CPUs (a spinning waiter would then
// take a CPU from a worker).
func teamSpin(T int) time.Duration {
	if T <= runtime.NumCPU() {
		return spinFor
	}
	return 0
}

// startTeam starts T−1 helpers running work(k) for each step, k = 1 … T−1,
// whose waiters spin for spin.
func startTeam(T int, spin time.Duration, work func(k int)) *team {
	t := &team{helpers: make([]parker, T-1), spin: spin}
	t.caller.init()
	for k := 1; k < T; k++ {
		p := &t.helpers[k-1]
		p.init()
		t.wg.Add(1)
		go func() {
			defer t.wg.Done()
			last := uint64(0)
			var y yielder
			for {
				p.wait(t.spin, func() bool { return t.gen.Load() != last })
				g := t.gen.Load()
				if g == stopGen {
					return
				}
				last = g
				work(k)
				if t.running.Add(-1) == 0 {
					t.caller.signal()
				}
				y.maybe()
			}
		}()
	}
	return t
}

// step runs one step: the helpers' work(k) and the caller's own work(),
// returning when all have finished.
func (t *team) step(own func()) {
	if len(t.helpers) == 0 {
		own()
		t.yield.maybe()
		return
	}
	t.running.Store(int32(len(t.helpers)))
	t.gen.Add(1)
	for k := range t.helpers {
		t.helpers[k].signal()
	}
	own()
	t.caller.wait(t.spin, func() bool { return t.running.Load() == 0 })
	t.yield.maybe()
}

// yieldEvery is how often a worker yields at most: well inside the
// monitor's 10 ms.
const yieldEvery = time.Millisecond

// yielder yields after a step when yieldEvery has passed since it last
// did (the zero value yields after the first step).
type yielder struct{ last time.Time }

func (y *yielder) maybe() {
	if now := time.Now(); now.Sub(y.last) >= yieldEvery {
		runtime.Gosched()
		y.last = time.Now()
	}
}

// stop ends the helpers and waits for them.
func (t *team) stop() {
	t.gen.Store(stopGen)
	for k := range t.helpers {
		t.helpers[k].signal()
	}
	t.wg.Wait()
}

// parker lets one goroutine wait for a condition another makes true: the
// waiter spins, then sleeps on ch; signal, called after the condition has
// been made true, wakes a sleeping waiter. Both sides use sequentially
// consistent atomics, so a waiter that announces its sleep either sees the
// condition or is seen by the signaller.
type parker struct {
	asleep atomic.Bool
	ch     chan struct{}
}

func (p *parker) init() { p.ch = make(chan struct{}, 1) }

func (p *parker) wait(spin time.Duration, ready func() bool) {
	if ready() {
		return
	}
	if spin > 0 {
		start := time.Now()
		for i := 1; ; i++ {
			if ready() {
				return
			}
			if i%128 == 0 && time.Since(start) > spin {
				break
			}
		}
	}
	for !ready() {
		p.asleep.Store(true)
		if ready() {
			if p.asleep.CompareAndSwap(true, false) {
				return
			}
			<-p.ch // the signaller saw us asleep and is sending
			return
		}
		<-p.ch
	}
}

func (p *parker) signal() {
	if p.asleep.Load() && p.asleep.CompareAndSwap(true, false) {
		p.ch <- struct{}{}
	}
}

// reserveProcs makes GOMAXPROCS at least T+1 while a simulation with T
// workers runs (see team); the returned function restores it when the
// last running simulation ends.
func reserveProcs(T int) (release func()) {
	procs.mu.Lock()
	defer procs.mu.Unlock()
	if procs.users == 0 {
		procs.saved = runtime.GOMAXPROCS(0)
	}
	procs.users++
	if runtime.GOMAXPROCS(0) < T+1 {
		runtime.GOMAXPROCS(T + 1)
	}
	return func() {
		procs.mu.Lock()
		defer procs.mu.Unlock()
		if procs.users--; procs.users == 0 {
			// back to the runtime's default, which follows the CPU
			// quota, unless the value before was another one
			if os.Getenv("GOMAXPROCS") == "" {
				defaultProcs()
			}
			if runtime.GOMAXPROCS(0) != procs.saved {
				runtime.GOMAXPROCS(procs.saved)
			}
		}
	}
}

var procs struct {
	mu    sync.Mutex
	users int
	saved int // GOMAXPROCS before the first running simulation raised it
}

// defaultThreads is GOMAXPROCS as it was before any running simulation
// raised it.
func defaultThreads() int {
	procs.mu.Lock()
	defer procs.mu.Unlock()
	if procs.users > 0 {
		return procs.saved
	}
	return runtime.GOMAXPROCS(0)
}
