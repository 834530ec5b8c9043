// Command pybind is the C ABI of nestml_go: the one shared library that the
// Python package loads with ctypes.
//
// It is built with
//
//	go build -buildmode=c-shared -trimpath -o python/nestml_go/_libnestml.so ./pybind
//
// and exports three functions (see exports.go):
//
//	int  ng_call(char* method, char* json_in, char** json_out, char** err_json);
//	int  ng_fill(uint64_t handle, char* json_in, double* buf, int64_t n, char** err_json);
//	void ng_free(char* p);
//
// ng_call is a JSON remote procedure call: method names a handler in the
// method registry (registry.go), json_in is its argument object and *json_out
// receives its result. On failure it returns nonzero and *err_json receives
//
//	{"kind": "...", "message": "...", "diagnostics": [diag.Record...]}
//
// with kind one of parse, check, unit, solver, codegen, simulation, argument,
// internal (errors.go). Structured data crosses as JSON; bulk numbers never
// do: ng_fill writes float64 values straight into a buffer that Python
// allocated (a NumPy array), addressed by a handle and a small JSON request.
// Every string returned to the caller is malloc'd and must be released with
// ng_free.
//
// Long-lived Go objects (networks, compiled models) cross the boundary as
// runtime/cgo.Handle integers (handles.go). Each handle carries its own
// mutex, so Python threads may call into Go concurrently; calls on the same
// object are serialised, calls on different objects run in parallel.
//
// No panic ever crosses the boundary: every export recovers and reports the
// panic as an error of kind "internal" with a short stack. Panics in
// goroutines that a handler starts are not covered by this; such goroutines
// must recover themselves (use goSafe).
//
// The Go runtime does not survive fork(); the Python side refuses to call
// into a library inherited across fork (nestml_go/_native.py).
package main
