package main

import (
	"encoding/json"
	"runtime/cgo"
	"sync"
)

// object is what a handle refers to: a long-lived Go value with its own
// mutex. Every use of the value holds the mutex, so concurrent calls from
// several Python threads on one object are serialised while calls on
// different objects run in parallel.
type object struct {
	mu    sync.Mutex
	value any
	freed bool
}

// filler is implemented by handle values that can write bulk numbers into
// a caller-allocated buffer (ng_fill). req is the caller's JSON request
// (for a network, e.g. {"recorder": 3, "key": "V_m"}); Fill must write
// exactly len(out) values or return an error.
type filler interface {
	Fill(req json.RawMessage, out []float64) error
}

// closer is implemented by handle values that hold resources to release
// when their handle is freed.
type closer interface {
	Close() error
}

// newHandle registers v and returns its handle (never 0).
func newHandle(v any) uint64 {
	return uint64(cgo.NewHandle(&object{value: v}))
}

// lookup returns the object of handle h, or an argument error if h is not
// a live handle.
func lookup(h uint64) (o *object, err error) {
	if h == 0 {
		return nil, argErrorf("invalid handle 0")
	}
	defer func() {
		// cgo.Handle.Value panics on a handle that was never issued or
		// was deleted.
		if recover() != nil {
			o, err = nil, argErrorf("invalid or freed handle %d", h)
		}
	}()
	o, ok := cgo.Handle(uintptr(h)).Value().(*object)
	if !ok {
		return nil, argErrorf("handle %d is not a nestml_go object", h)
	}
	return o, nil
}

// withObject runs fn on the value of handle h, holding the object's mutex.
// It is an argument error if h is not live or its value is not a T.
func withObject[T any](h uint64, fn func(T) (any, error)) (any, error) {
	o, err := lookup(h)
	if err != nil {
		return nil, err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.freed {
		return nil, argErrorf("handle %d was freed", h)
	}
	v, ok := o.value.(T)
	if !ok {
		var zero T
		return nil, argErrorf("handle %d refers to a %T, not a %T", h, o.value, zero)
	}
	return fn(v)
}

// freeHandle releases handle h, calling Close on its value if it has one.
// Freeing a handle twice is an argument error.
func freeHandle(h uint64) error {
	o, err := lookup(h)
	if err != nil {
		return err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.freed {
		return argErrorf("handle %d was already freed", h)
	}
	o.freed = true
	cgo.Handle(uintptr(h)).Delete()
	var cerr error
	if c, ok := o.value.(closer); ok {
		cerr = c.Close()
	}
	o.value = nil
	return cerr
}

// fillHandle serves ng_fill: it writes into out the numbers that req asks
// for from the value of handle h.
func fillHandle(h uint64, req json.RawMessage, out []float64) error {
	o, err := lookup(h)
	if err != nil {
		return err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.freed {
		return argErrorf("handle %d was freed", h)
	}
	f, ok := o.value.(filler)
	if !ok {
		return argErrorf("handle %d (%T) has no bulk data", h, o.value)
	}
	return f.Fill(req, out)
}

func init() {
	// free {"handle": h} -> {}
	register("free", func(in json.RawMessage) (any, error) {
		var args struct {
			Handle *uint64 `json:"handle"`
		}
		if err := decode(in, &args); err != nil {
			return nil, err
		}
		if args.Handle == nil {
			return nil, argErrorf("free: missing \"handle\"")
		}
		if err := freeHandle(*args.Handle); err != nil {
			return nil, err
		}
		return struct{}{}, nil
	})
	// methods {} -> {"methods": [...]}: what this library implements.
	register("methods", func(json.RawMessage) (any, error) {
		return map[string][]string{"methods": methodNames()}, nil
	})
}
