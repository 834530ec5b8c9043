package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"nestml_go/gocore/diag"
)

// Error kinds. The Python side maps each kind to an exception class
// (nestml_go/errors.py); keep the two lists in step.
const (
	KindParse      = "parse"
	KindCheck      = "check"
	KindUnit       = "unit"
	KindSolver     = "solver"
	KindCodegen    = "codegen"
	KindSimulation = "simulation"
	KindArgument   = "argument"
	KindInternal   = "internal"
)

var validKinds = map[string]bool{
	KindParse: true, KindCheck: true, KindUnit: true, KindSolver: true,
	KindCodegen: true, KindSimulation: true, KindArgument: true, KindInternal: true,
}

// apiError is the error type handlers return. It crosses the boundary as
// {"kind", "message", "diagnostics"}. Any other error returned by a handler
// is reported with kind "internal".
type apiError struct {
	Kind        string        `json:"kind"`
	Message     string        `json:"message"`
	Diagnostics []diag.Record `json:"diagnostics"`
}

func (e *apiError) Error() string { return e.Kind + ": " + e.Message }

// errorf returns an apiError of the given kind.
func errorf(kind, format string, args ...any) *apiError {
	return &apiError{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// argErrorf returns an apiError of kind "argument": the caller passed
// something the method cannot accept.
func argErrorf(format string, args ...any) *apiError {
	return errorf(KindArgument, format, args...)
}

// diagError returns an apiError carrying diagnostics. The message is the
// first error of l (or msg if given) followed by a count of the others.
func diagError(kind, msg string, l diag.List) *apiError {
	e := &apiError{Kind: kind, Message: msg, Diagnostics: records(l)}
	if e.Message == "" {
		errs := l.Errors()
		switch len(errs) {
		case 0:
			e.Message = "failed"
		case 1:
			e.Message = errs[0].String()
		default:
			e.Message = fmt.Sprintf("%s (and %d more errors)", errs[0].String(), len(errs)-1)
		}
	}
	return e
}

// records converts l to its JSON form; never nil, so it encodes as [].
func records(l diag.List) []diag.Record {
	out := make([]diag.Record, 0, len(l))
	for _, d := range l {
		out = append(out, d.Record())
	}
	return out
}

// toAPIError converts any error to an apiError; errors that are not
// apiErrors (anywhere in their chain) become kind "internal".
func toAPIError(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		out := *ae
		if !validKinds[out.Kind] {
			out.Kind = KindInternal
		}
		if out.Diagnostics == nil {
			out.Diagnostics = []diag.Record{}
		}
		return &out
	}
	return &apiError{Kind: KindInternal, Message: err.Error(), Diagnostics: []diag.Record{}}
}

// panicError converts a recovered panic value to an internal error whose
// message holds the value and a short stack of the panicking goroutine.
func panicError(r any) *apiError {
	return &apiError{
		Kind:        KindInternal,
		Message:     fmt.Sprintf("panic: %v\n%s", r, shortStack(8)),
		Diagnostics: []diag.Record{},
	}
}

// shortStack returns at most maxFrames frames of the current goroutine's
// stack, starting at the frame that panicked (the frames of the runtime's
// panic machinery and of the recovering function are dropped).
func shortStack(maxFrames int) string {
	lines := strings.Split(strings.TrimSpace(string(debug.Stack())), "\n")
	// lines[0] is "goroutine N [running]:"; then pairs of function, file:line.
	start := 1
	for i := 1; i+1 < len(lines); i += 2 {
		if strings.HasPrefix(lines[i], "panic(") {
			start = i + 2
			break
		}
	}
	var b strings.Builder
	for i, n := start, 0; i+1 < len(lines) && n < maxFrames; i, n = i+2, n+1 {
		fn := strings.TrimSpace(lines[i])
		if j := strings.LastIndex(fn, "("); j > 0 && strings.HasSuffix(fn, ")") {
			fn = fn[:j] // drop the argument words
		}
		b.WriteString("  ")
		b.WriteString(fn)
		b.WriteString(" at ")
		f := strings.TrimSpace(lines[i+1])
		if j := strings.LastIndex(f, " +0x"); j >= 0 {
			f = f[:j]
		}
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

// goSafe runs fn in a new goroutine and converts a panic in it to an error
// sent on the returned channel (nil on success). Handlers that start
// goroutines use it so that no panic can kill the host process.
func goSafe(fn func() error) <-chan error {
	ch := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- panicError(r)
			}
		}()
		ch <- fn()
	}()
	return ch
}
