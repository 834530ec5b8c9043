package sim

import "time"

// SetTeamSpin sets how long the workers of later Simulate calls spin before
// they sleep and returns the previous value, for the allocation tests of
// package sim_test: with an unbounded spin no worker parks, so that what
// they count is the engine's allocations, not the runtime's wait records.
func SetTeamSpin(d time.Duration) time.Duration {
	old := spinFor
	spinFor = d
	return old
}
