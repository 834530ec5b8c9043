package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// handler is one RPC method: it receives the JSON argument object and
// returns a value that is encoded as the JSON result.
type handler func(in json.RawMessage) (any, error)

// methods is the method registry. It is filled by register calls in init
// functions (one file per area: check.go, version.go, handles.go, the net_*
// and generate_* files) and only read afterwards, so concurrent calls need
// no lock.
var methods = map[string]handler{}

// register adds a method. It panics on a duplicate name (a programming
// error, caught when the library loads).
func register(name string, fn handler) {
	if _, dup := methods[name]; dup {
		panic(fmt.Sprintf("pybind: method %q registered twice", name))
	}
	methods[name] = fn
}

// methodNames returns the registered method names, sorted.
func methodNames() []string {
	names := make([]string, 0, len(methods))
	for n := range methods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// dispatch runs method with the JSON argument in and returns the encoded
// result.
func dispatch(method string, in []byte) ([]byte, error) {
	fn, ok := methods[method]
	if !ok {
		return nil, argErrorf("unknown method %q", method)
	}
	out, err := fn(json.RawMessage(in))
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = struct{}{}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("encoding result of %s: %w", method, err)
	}
	return b, nil
}

// decode unmarshals the argument object in into v, rejecting unknown
// fields so that a misspelt argument is an error rather than ignored. An
// empty input or JSON null leaves v unchanged.
func decode(in json.RawMessage, v any) error {
	in = bytes.TrimSpace(in)
	if len(in) == 0 || bytes.Equal(in, []byte("null")) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return argErrorf("invalid arguments: %v", err)
	}
	if dec.More() {
		return argErrorf("invalid arguments: trailing data after the argument object")
	}
	return nil
}
