// Package native compiles C kernels that the simulator generates for a
// model at run time and calls them: the source is compiled once with the
// system's C compiler into a shared object, cached under a hash of the
// source, the compiler and the flags, and loaded with dlopen.
//
// A kernel is a function with the fixed signature of Func; the
// simulator (package sim) generates its source, so this package knows
// nothing about models. The cache directory is $NESTML_GO_CACHE_DIR, else
// $XDG_CACHE_HOME/nestml_go, else ~/.cache/nestml_go (the same directory
// the Python package uses for NEST builds); kernels live in its kernels/
// subdirectory. The compiler is $CC, else cc, else gcc.
package native

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>

typedef void (*nk_rkf45_fn)(int32_t m, double dt, double t_end, int32_t max_sub,
	double *y, const double *aux, const int32_t *aux_one, double *hint, const double *tol,
	int32_t *status, double *info);

static void nk_call_rkf45(void *f, int32_t m, double dt, double t_end, int32_t max_sub,
	double *y, const double *aux, const int32_t *aux_one, double *hint, const double *tol,
	int32_t *status, double *info) {
	((nk_rkf45_fn)f)(m, dt, t_end, max_sub, y, aux, aux_one, hint, tol, status, info);
}

typedef int32_t (*nk_step_fn)(int32_t n, double t_end, const double *s,
	double *const *d, const uint8_t *const *f, uint16_t *emit);

// nk_call_step receives the column pointers of a step kernel as arguments
// (Go pointers may be passed to C, but not inside Go memory) and collects
// them on the C stack for the duration of the call.
static int32_t nk_call_step(void *fn, int32_t n, double t_end, const double *s, uint16_t *emit,
	double *d0, double *d1, double *d2, double *d3, double *d4, double *d5, double *d6, double *d7, double *d8, double *d9, double *d10, double *d11, double *d12, double *d13, double *d14, double *d15, double *d16, double *d17, double *d18, double *d19, double *d20, double *d21, double *d22, double *d23, double *d24, double *d25, double *d26, double *d27, double *d28, double *d29, double *d30, double *d31, double *d32, double *d33, double *d34, double *d35, double *d36, double *d37, double *d38, double *d39, double *d40, double *d41, double *d42, double *d43, double *d44, double *d45, double *d46, double *d47, uint8_t *f0, uint8_t *f1, uint8_t *f2, uint8_t *f3, uint8_t *f4, uint8_t *f5, uint8_t *f6, uint8_t *f7) {
	double *const d[48] = {d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19, d20, d21, d22, d23, d24, d25, d26, d27, d28, d29, d30, d31, d32, d33, d34, d35, d36, d37, d38, d39, d40, d41, d42, d43, d44, d45, d46, d47};
	const uint8_t *const f[8] = {f0, f1, f2, f3, f4, f5, f6, f7};
	return ((nk_step_fn)fn)(n, t_end, s, d, f, emit);
}

typedef int32_t (*nk_stepn_fn)(int32_t n, double t_end, const double *s,
	double *const *d, const uint8_t *const *f, uint16_t *emit, const uint64_t *fns, double *fail);

// nk_call_stepn is nk_call_step for fused steps with a numeric part: fns
// are the addresses of the RKF45 kernels the step calls, fail receives the
// first failure of the integration.
static int32_t nk_call_stepn(void *fn, int32_t n, double t_end, const double *s, uint16_t *emit, const uint64_t *fns, double *fail,
	double *d0, double *d1, double *d2, double *d3, double *d4, double *d5, double *d6, double *d7, double *d8, double *d9, double *d10, double *d11, double *d12, double *d13, double *d14, double *d15, double *d16, double *d17, double *d18, double *d19, double *d20, double *d21, double *d22, double *d23, double *d24, double *d25, double *d26, double *d27, double *d28, double *d29, double *d30, double *d31, double *d32, double *d33, double *d34, double *d35, double *d36, double *d37, double *d38, double *d39, double *d40, double *d41, double *d42, double *d43, double *d44, double *d45, double *d46, double *d47, uint8_t *f0, uint8_t *f1, uint8_t *f2, uint8_t *f3, uint8_t *f4, uint8_t *f5, uint8_t *f6, uint8_t *f7) {
	double *const d[48] = {d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19, d20, d21, d22, d23, d24, d25, d26, d27, d28, d29, d30, d31, d32, d33, d34, d35, d36, d37, d38, d39, d40, d41, d42, d43, d44, d45, d46, d47};
	const uint8_t *const f[8] = {f0, f1, f2, f3, f4, f5, f6, f7};
	return ((nk_stepn_fn)fn)(n, t_end, s, d, f, emit, fns, fail);
}

typedef void (*nk_poisson_fn)(int64_t n, const void *syn, void *st, const double *cdf, int64_t ncdf,
	const int32_t *guide, int64_t nguide, const int64_t *slots, int64_t first,
	double *const *ring, uint8_t *const *flag);

// nk_call_poisson, as nk_call_step, collects the ring pointers of a
// poisson kernel on the C stack.
static void nk_call_poisson(void *fn, int64_t n, const void *syn, void *st, const double *cdf, int64_t ncdf,
	const int32_t *guide, int64_t nguide, const int64_t *slots, int64_t first,
	double *r0, double *r1, double *r2, double *r3, double *r4, double *r5, double *r6, double *r7,
	uint8_t *f0, uint8_t *f1, uint8_t *f2, uint8_t *f3, uint8_t *f4, uint8_t *f5, uint8_t *f6, uint8_t *f7) {
	double *const r[8] = {r0, r1, r2, r3, r4, r5, r6, r7};
	uint8_t *const f[8] = {f0, f1, f2, f3, f4, f5, f6, f7};
	((nk_poisson_fn)fn)(n, syn, st, cdf, ncdf, guide, nguide, slots, first, r, f);
}

typedef void (*nk_words_fn)(void *st, int64_t n, uint64_t *out);

static void nk_call_words(void *fn, void *st, int64_t n, uint64_t *out) {
	((nk_words_fn)fn)(st, n, out);
}

static void *nk_open(const char *path, char **err) {
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		*err = dlerror();
	}
	return h;
}

static void *nk_sym(void *h, const char *name, char **err) {
	dlerror();
	void *f = dlsym(h, name);
	if (f == NULL) {
		*err = dlerror();
	}
	return f;
}
*/
import "C"

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"unsafe"
)

// Flags are the compiler flags of every kernel. -ffp-contract=off keeps
// products and sums separately rounded (no fused multiply–add), as in the
// Go engine and the generated NEST code; nothing licenses value-changing
// optimisations.
var Flags = []string{"-O3", "-fPIC", "-shared", "-ffp-contract=off", "-fno-math-errno", "-std=c99"}

// VecFlags are added for kernels tuned to this machine (-march=native;
// kernels test __AVX2__ and NK_VEC) and linked with glibc's vector math
// library. Where that build fails, or when $NESTML_GO_NATIVE_VEC is 0,
// the kernel is built with Flags only.
var VecFlags = []string{"-march=native", "-DNK_VEC"}

func vecFlags() []string {
	if os.Getenv("NESTML_GO_NATIVE_VEC") == "0" {
		return nil
	}
	return VecFlags
}

// ErrNoCompiler is returned when no C compiler can be run.
var ErrNoCompiler = errors.New("no C compiler found (set CC, or install gcc)")

var (
	mu     sync.Mutex
	loaded = map[string]*Kernel{} // by cache key
	ccPath string
	ccErr  error
	ccOnce sync.Once
)

// Kernel is a loaded kernel function.
type Kernel struct {
	fn   unsafe.Pointer
	Path string // the shared object
	// Lanes is the kernel's exported constant nk_lanes, if it has one: the
	// neurons it integrates in lock step (1: the scalar kernel, built where
	// the vector build failed or is turned off); 0 when it has none.
	Lanes int
}

// Compiler returns the path of the C compiler kernels are built with.
func Compiler() (string, error) {
	ccOnce.Do(func() {
		var cands []string
		if cc := os.Getenv("CC"); cc != "" {
			cands = append(cands, cc)
		}
		cands = append(cands, "cc", "gcc")
		for _, c := range cands {
			if p, err := exec.LookPath(c); err == nil {
				ccPath = p
				return
			}
		}
		ccErr = ErrNoCompiler
	})
	return ccPath, ccErr
}

// CacheDir is the directory kernels are cached in.
func CacheDir() (string, error) {
	if d := os.Getenv("NESTML_GO_CACHE_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "nestml_go", "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("native kernels: no cache directory: %w", err)
	}
	return filepath.Join(home, ".cache", "nestml_go", "kernels"), nil
}

// Load returns the function symbol of the kernel compiled from src,
// compiling it first unless a cached object exists. It is safe for
// concurrent use; a kernel is compiled at most once per process.
func Load(src, symbol string) (*Kernel, error) {
	cc, err := Compiler()
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s", cc, strings.Join(Flags, " "), strings.Join(vecFlags(), " "), cpuID(), symbol, src)
	key := hex.EncodeToString(h.Sum(nil))[:24]
	mu.Lock()
	defer mu.Unlock()
	if k, ok := loaded[key]; ok {
		return k, nil
	}
	dir, err := CacheDir()
	if err != nil {
		return nil, err
	}
	so := filepath.Join(dir, "nk_"+key+".so")
	if _, err := os.Stat(so); err != nil {
		if err := build(cc, dir, key, src, so); err != nil {
			return nil, err
		}
	}
	cpath := C.CString(so)
	defer C.free(unsafe.Pointer(cpath))
	var cerr *C.char
	hd := C.nk_open(cpath, &cerr)
	if hd == nil {
		return nil, fmt.Errorf("native kernels: loading %s: %s", so, C.GoString(cerr))
	}
	csym := C.CString(symbol)
	defer C.free(unsafe.Pointer(csym))
	f := C.nk_sym(hd, csym, &cerr)
	if f == nil {
		return nil, fmt.Errorf("native kernels: %s in %s: %s", symbol, so, C.GoString(cerr))
	}
	k := &Kernel{fn: f, Path: so}
	clanes := C.CString("nk_lanes")
	defer C.free(unsafe.Pointer(clanes))
	if p := C.nk_sym(hd, clanes, &cerr); p != nil {
		k.Lanes = int(*(*C.int32_t)(p))
	}
	loaded[key] = k
	return k, nil
}

// build compiles src into so through a temporary file renamed into place,
// so that concurrent processes never load a half-written object.
func build(cc, dir, key, src, so string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("native kernels: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, "build-"+key+"-")
	if err != nil {
		return fmt.Errorf("native kernels: %w", err)
	}
	defer os.RemoveAll(tmp)
	c := filepath.Join(tmp, "kernel.c")
	if err := os.WriteFile(c, []byte(src), 0o644); err != nil {
		return fmt.Errorf("native kernels: %w", err)
	}
	out := filepath.Join(tmp, "kernel.so")
	run := func(args []string) error {
		cmd := exec.Command(cc, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("native kernels: %s %s failed: %v\n%s", cc, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return nil
	}
	plain := append(append([]string{}, Flags...), "-o", out, c, "-lm")
	vec := append(append(append([]string{}, Flags...), vecFlags()...), "-o", out, c, "-lmvec", "-lm")
	if len(vecFlags()) == 0 {
		vec = plain
	}
	if err := run(vec); err != nil {
		if err := run(plain); err != nil {
			return err
		}
	}
	// the source stays beside the object, for whoever wants to read it
	_ = os.WriteFile(strings.TrimSuffix(so, ".so")+".c", []byte(src), 0o644)
	if err := os.Rename(out, so); err != nil {
		return fmt.Errorf("native kernels: %w", err)
	}
	return nil
}

// cpuID identifies the processor (model and feature flags), which kernels
// built with -march=native depend on: a cache shared between machines then
// keeps one object per kind of processor.
func cpuID() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	var id []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "model name") || strings.HasPrefix(line, "flags") {
			id = append(id, line)
		}
		if len(id) == 2 {
			break
		}
	}
	return strings.Join(id, "\n")
}

// RKF45 calls a kernel of the RKF45 form for m lanes (see package sim:
// native.go for the layout of the arrays). The slices must be long
// enough for m lanes; they hold no Go pointers.
func (k *Kernel) RKF45(m int, dt, tEnd float64, maxSub int, y, aux []float64, auxOne []int32, hint, tol []float64, status []int32, info []float64) {
	if m == 0 {
		return
	}
	C.nk_call_rkf45(k.fn, C.int32_t(m), C.double(dt), C.double(tEnd), C.int32_t(maxSub),
		(*C.double)(unsafe.Pointer(&y[0])), (*C.double)(ptr(aux)), (*C.int32_t)(unsafe.Pointer(&auxOne[0])), (*C.double)(unsafe.Pointer(&hint[0])),
		(*C.double)(unsafe.Pointer(&tol[0])), (*C.int32_t)(unsafe.Pointer(&status[0])), (*C.double)(unsafe.Pointer(&info[0])))
}

// StepMaxCols and StepMaxFlags are the most columns and flag arrays a step
// kernel can receive.
const (
	StepMaxCols  = 48
	StepMaxFlags = 8
)

// Step calls a kernel of the fused-step form over n neurons (see package
// sim: native_step.go): cols are the windows of the columns it reads and
// writes (at most StepMaxCols, each at least n long), flags the windows of
// the spike flags it reads (at most StepMaxFlags), scal its scalar
// inputs; emit (at least n long) receives the number of spikes of each
// neuron. It returns the number of neurons that emitted. No slice holds Go
// pointers; the pointers are passed as arguments, never stored by C.
func (k *Kernel) Step(n int, tEnd float64, scal []float64, cols [][]float64, flags [][]uint8, emit []uint16) int {
	if n <= 0 {
		return 0
	}
	if len(emit) < n {
		panic("native: step kernel arguments out of range")
	}
	d, f := stepArgs(n, cols, flags)
	return int(C.nk_call_step(k.fn, C.int32_t(n), C.double(tEnd), (*C.double)(ptr(scal)), (*C.uint16_t)(unsafe.Pointer(&emit[0])),
		d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15], d[16], d[17], d[18], d[19], d[20], d[21], d[22], d[23], d[24], d[25], d[26], d[27], d[28], d[29], d[30], d[31], d[32], d[33], d[34], d[35], d[36], d[37], d[38], d[39], d[40], d[41], d[42], d[43], d[44], d[45], d[46], d[47],
		f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]))
}

// stepArgs checks the column and flag windows of a step-kernel call (at
// most StepMaxCols and StepMaxFlags, each at least n long) and returns
// their first elements, to be passed as the call's arguments.
func stepArgs(n int, cols [][]float64, flags [][]uint8) (d [StepMaxCols]*C.double, f [StepMaxFlags]*C.uint8_t) {
	if len(cols) > StepMaxCols || len(flags) > StepMaxFlags {
		panic("native: step kernel arguments out of range")
	}
	for i, c := range cols {
		if len(c) < n {
			panic("native: step kernel column too short")
		}
		d[i] = (*C.double)(unsafe.Pointer(&c[0]))
	}
	for i, c := range flags {
		if len(c) < n {
			panic("native: step kernel flags too short")
		}
		f[i] = (*C.uint8_t)(unsafe.Pointer(&c[0]))
	}
	return d, f
}

// Addr is the address of the kernel's function, for a kernel that calls
// another (a fused step calls the RKF45 kernels of its model).
func (k *Kernel) Addr() uint64 { return uint64(uintptr(k.fn)) }

// StepFailLen is the length of the failure record of StepNumeric.
const StepFailLen = 8

// StepNumeric calls a kernel of the fused-step form with a numeric part:
// Step's arguments, fns the addresses (Addr) of the RKF45 kernels it
// calls, fail (at least StepFailLen long) the record of the first failure
// of the integration (fail[0] < 0: none). It returns the number of neurons
// that emitted.
func (k *Kernel) StepNumeric(n int, tEnd float64, scal []float64, cols [][]float64, flags [][]uint8, emit []uint16, fns []uint64, fail []float64) int {
	if n <= 0 {
		return 0
	}
	if len(emit) < n || len(fns) == 0 || len(fail) < StepFailLen {
		panic("native: step kernel arguments out of range")
	}
	d, f := stepArgs(n, cols, flags)
	return int(C.nk_call_stepn(k.fn, C.int32_t(n), C.double(tEnd), (*C.double)(ptr(scal)), (*C.uint16_t)(unsafe.Pointer(&emit[0])),
		(*C.uint64_t)(unsafe.Pointer(&fns[0])), (*C.double)(unsafe.Pointer(&fail[0])),
		d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15], d[16], d[17], d[18], d[19], d[20], d[21], d[22], d[23], d[24], d[25], d[26], d[27], d[28], d[29], d[30], d[31], d[32], d[33], d[34], d[35], d[36], d[37], d[38], d[39], d[40], d[41], d[42], d[43], d[44], d[45], d[46], d[47],
		f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]))
}

func ptr(s []float64) unsafe.Pointer {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Pointer(&s[0])
}

// PoissonMaxPorts is the most input ports a poisson kernel can serve.
const PoissonMaxPorts = 8

// Poisson calls a kernel of the poisson_generator form (see package sim:
// native_poisson.go) over n connections. syn holds the connections as
// pairs of words (target id | packed delay and port << 32, weight bits),
// streams the random streams as pairs (hi, lo), both advanced in place;
// cdf and guide are the inversion table, slots the ring offset per delay,
// first the node id the ring indices count from, rings and flags the
// input ring of each port (nil for unused ports, at most PoissonMaxPorts).
// No slice holds Go pointers; the pointers are passed as arguments, never
// stored by C.
func (k *Kernel) Poisson(n int, syn, streams []uint64, cdf []float64, guide []int32, slots []int64, first int, rings [][]float64, flags [][]uint8) {
	if n <= 0 {
		return
	}
	if len(syn) < 2*n || len(streams) < 2*n || len(cdf) == 0 || len(guide) == 0 || len(slots) == 0 ||
		len(rings) > PoissonMaxPorts || len(flags) > PoissonMaxPorts {
		panic("native: poisson kernel arguments out of range")
	}
	var r [PoissonMaxPorts]*C.double
	var f [PoissonMaxPorts]*C.uint8_t
	for i, c := range rings {
		if len(c) > 0 {
			r[i] = (*C.double)(unsafe.Pointer(&c[0]))
		}
	}
	for i, c := range flags {
		if len(c) > 0 {
			f[i] = (*C.uint8_t)(unsafe.Pointer(&c[0]))
		}
	}
	C.nk_call_poisson(k.fn, C.int64_t(n), unsafe.Pointer(&syn[0]), unsafe.Pointer(&streams[0]),
		(*C.double)(unsafe.Pointer(&cdf[0])), C.int64_t(len(cdf)), (*C.int32_t)(unsafe.Pointer(&guide[0])), C.int64_t(len(guide)),
		(*C.int64_t)(unsafe.Pointer(&slots[0])), C.int64_t(first),
		r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
}

// Words calls a kernel of the form void f(uint64_t *state, int64_t n,
// uint64_t *out): it fills out with n words drawn from the generator
// state (used to check a kernel's random generator against Go's).
func (k *Kernel) Words(state []uint64, out []uint64) {
	if len(out) == 0 {
		return
	}
	if len(state) == 0 {
		panic("native: words kernel without state")
	}
	C.nk_call_words(k.fn, unsafe.Pointer(&state[0]), C.int64_t(len(out)), (*C.uint64_t)(unsafe.Pointer(&out[0])))
}
