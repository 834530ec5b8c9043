// Package sim is the in-process simulation engine: populations of IR models
// stored as structure-of-arrays columns, NEST-style devices and recorders,
// and a time-driven loop that follows NEST's per-step order and spike
// delivery timing exactly, so that traces agree with NEST running the same
// model.
//
// # Timing
//
// As in NEST, step s covers the interval (s·h, (s+1)·h]. A spike emitted
// during step s carries the time stamp (s+1)·h; with a delay of D steps it
// is read by its target at the start of step s+D. A current sent during
// step s with delay D is latched at the end of step s+D and acts during
// step s+D+1. Recorders stamp step s with (s+1)·h.
//
// # Execution: one instruction over many neurons
//
// A population's per-step program (ir.Model: Update, OnReceive,
// OnCondition, IntegrateODEs, the numeric right-hand sides) is compiled
// into a small vector machine (vm.go). A register holds one value per lane
// of a chunk of up to 256 neurons; an operand is a register, a window of a
// parameter/state/internal column, this step's spike input, a component
// of the RKF45 stage vector, or a scalar. Statements run over a selection
// of lanes: an if splits the selection by its condition, a while loop
// shrinks it, an onReceive handler runs on the lanes whose port received a
// spike. Each lane thus performs exactly the operations, in exactly the
// order, that the scalar interpreter performed for its neuron — only the
// loop nest is turned inside out — and results are bit-identical to it.
// Products are rounded explicitly (float64(·)) so that no fused
// multiply–add can change a result on any platform.
//
// When the program is built, parameter and internal columns whose values
// are all equal are broadcast as scalars, expressions over scalars are
// folded (the same IEEE operations, once), comparisons split selections
// without materialising 0/1 values, and right-hand sides are compiled per
// integrate_odes signature with common subexpressions computed once.
// Models that draw random numbers run one neuron at a time in neuron order
// (their draws come from one stream per population, as before); models
// that print run one neuron at a time, their output buffered per job.
//
// Analytic blocks (integrate.go) are updated by the propagators bound per
// distinct parameter tuple: an unrolled kernel for up to three variables
// and one input channel when all neurons share them, a general kernel
// otherwise. The numeric system is integrated by a lane-parallel form of
// the GSL RKF45 driver of package rkf45 (numerics.md §6): every lane keeps
// its own time, trial step, step memory and sub-step count; stage vectors
// are computed for all active lanes at once; lanes that reach the end of
// the step leave the active set while the others continue, lanes whose
// step is rejected retry from their saved state.
//
// # Native kernels
//
// With Network.SetNative(true) the RKF45 right-hand sides and driver of a
// population are translated into C (native.go, native_rkf45.c.tmpl),
// compiled once per model by the system's C compiler and called per chunk
// (package native); four neurons share the vector units where AVX2 and
// libmvec are present, eight where AVX-512 is (bit-identical results).
// The algorithm is the one above; the C library's elementary functions
// replace Go's, so results agree with the Go engine to rounding and still
// do not depend on the thread count
// (docs/decisions/0005-native-rkf45-kernels.md).
//
// The rest of a population's step can be fused as well (native_step.go,
// native_step.c.tmpl): when the program has no numeric part, draws no
// random numbers, prints nothing and uses no vectors or integer operators,
// it is translated into one C function that runs steps 3–8 of runChunk
// (convolution states, update, onReceive, spike jumps, onCondition) for
// one neuron after the other in a single pass over a job, every value of
// the neuron in registers, and the compiler vectorises that loop over
// neurons where the statements allow (if-conversion; no operation is
// reordered or fused). The C performs each lane's operations in the Go
// engine's order and is generated from the same compiled program, so
// results are bit-identical to the Go engine (unless the program calls an
// elementary function of the C library). Parameters equal across the
// population and the propagators are passed as scalars, per-neuron values
// as columns, per-neuron propagators as a table with a neuron → entry
// column: one kernel per model and shape serves all parameter values. Go
// keeps delivery, generators, emission bookkeeping, recording and the ring
// slots; NativeStatus tells which populations are fused, and why the
// others are not.
//
// A model with a numeric part is fused too (native_step_num.go,
// native_step_num.c.tmpl), around its native RKF45 kernels: the step is
// generated in phases separated by the program's integrations. Phase 0
// runs the convolution states and the update of every neuron of the job up
// to the integration it reaches (the refractory if selects which); each
// integration then gathers its neurons into the RKF45 kernel's records in
// C, calls the kernel (the same compiled kernel, through its address) and
// stores the results back, and the next phase continues those neurons
// from the statement after the integration to the end of the step
// (handlers, jumps, onCondition). Values that live across a phase boundary
// (convolution states' new values, an integration's analytic rows, locals)
// are kept per neuron. Every neuron performs the operations of the Go
// engine around the native kernel in the same order, so results are
// bit-identical to that path, failures included (the same messages, the
// lowest failing neuron, later integrations skipped in a failed chunk);
// integrations inside loops or handlers, random numbers, print and vectors
// keep that path, with the reason in NativeStatus.
//
// A poisson_generator, with native kernels on, serves a job's connections
// with one C call as well (native_poisson.go, native_poisson.c.tmpl): the
// kernel advances each connection's stream with the arithmetic of Go's
// rand.PCG (four streams per AVX2 register, eight per AVX-512 register,
// where the machine has them),
// inverts the counts from the same table and adds them to the rings in
// connection order, so trains and rings stay bit-identical to the Go
// loop's (poisson.go) at any thread count.
//
// # Steps, jobs and threads
//
// A step (step.go) is one parallel phase over jobs — contiguous neuron
// ranges of one population, taken by any of the goroutines — followed by a
// short serial phase. A job first delivers the previous step's spikes to
// its targets (synapses are stored per source sorted by target, so a
// binary search finds a job's share), then lets every generator send to
// its targets, then runs the population's program over its range, reading
// and clearing this step's slot of the input rings. Each input buffer thus
// receives its additions in the order the scalar engine used — by step,
// generators before neurons, then by source and connection — whatever the
// number of threads, and each neuron is updated by the same arithmetic:
// results do not depend on the thread count (Network.SetThreads).
//
// # Memory
//
// A static synapse is a 16-byte record (target id, packed delay and port,
// weight) in a compressed row table; input rings hold one float64 and one
// byte per neuron, port and slot; a poisson_generator connection has its
// own 16-byte random stream (poisson.go), so that trains are independent
// of the thread count.
package sim
