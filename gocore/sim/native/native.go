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

func ptr(s []float64) unsafe.Pointer {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Pointer(&s[0])
}
