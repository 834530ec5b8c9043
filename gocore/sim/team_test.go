package sim

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// Every worker runs exactly once per step, and a step returns only after
// all have finished: with spinning, without it (workers outnumbering the
// CPUs), and with pauses long enough for every waiter to fall asleep.
func TestTeamSteps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		T     int
		spin  time.Duration
		pause time.Duration // between steps: waiters go to sleep
	}{
		{"spin", 3, spinFor, 0},
		{"sleep", 3, 0, 0},
		{"spin-then-sleep", 2, 50 * time.Microsecond, 200 * time.Microsecond},
		{"one", 1, spinFor, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const steps = 2000
			counts := make([]atomic.Int64, tc.T)
			var inStep atomic.Int64 // the step a worker saw
			var bad atomic.Int64
			var cur int64
			work := func(k int) {
				if inStep.Load() != cur {
					bad.Add(1)
				}
				counts[k].Add(1)
				if k%2 == 1 {
					time.Sleep(time.Duration(cur%3) * time.Microsecond)
				}
			}
			tm := startTeam(tc.T, tc.spin, work)
			for s := int64(1); s <= steps; s++ {
				cur = s
				inStep.Store(s)
				tm.step(func() { work(0) })
				for k := range counts {
					if got := counts[k].Load(); got != s {
						t.Fatalf("step %d: worker %d ran %d times", s, k, got)
					}
				}
				if tc.pause > 0 && s%100 == 0 {
					time.Sleep(tc.pause)
				}
			}
			tm.stop()
			if bad.Load() != 0 {
				t.Fatalf("%d workers ran outside their step", bad.Load())
			}
		})
	}
}

// A simulation raises GOMAXPROCS to one more than its workers while it runs
// and restores it afterwards; the default thread count is unaffected.
func TestReserveProcs(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	def := defaultThreads()
	release := reserveProcs(before + 1)
	if got := runtime.GOMAXPROCS(0); got != before+2 {
		t.Fatalf("GOMAXPROCS %d during the run, want %d", got, before+2)
	}
	if got := defaultThreads(); got != def {
		t.Fatalf("default threads %d during the run, want %d", got, def)
	}
	inner := reserveProcs(1) // a second simulation at the same time
	inner()
	if got := runtime.GOMAXPROCS(0); got != before+2 {
		t.Fatalf("GOMAXPROCS %d after the inner run ended, want %d", got, before+2)
	}
	release()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Fatalf("GOMAXPROCS %d after the run, want %d restored", got, before)
	}
}

// A network's default thread count stays GOMAXPROCS as it was, also while
// another simulation runs.
func TestThreadsDefaultDuringRun(t *testing.T) {
	release := reserveProcs(runtime.GOMAXPROCS(0))
	defer release()
	n, err := NewNetwork(0.1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := n.Threads(), defaultThreads(); got != want || got == runtime.GOMAXPROCS(0) {
		t.Fatalf("Threads() = %d, want %d (GOMAXPROCS is %d)", got, want, runtime.GOMAXPROCS(0))
	}
}
