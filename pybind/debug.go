package main

import (
	"encoding/json"
	"fmt"
)

// Private methods (leading underscore) that exercise the boundary itself:
// panic recovery, the error-kind mapping, handles and ng_fill. The Python
// tests use them; they are not part of the public API.

// seq is a handle value whose Fill writes start, start+step, ...
type seq struct {
	start, step float64
	calls       int
}

func (s *seq) Fill(req json.RawMessage, out []float64) error {
	var args struct {
		Offset float64 `json:"offset"`
	}
	if err := decode(req, &args); err != nil {
		return err
	}
	s.calls++
	for i := range out {
		out[i] = s.start + s.step*float64(i) + args.Offset
	}
	return nil
}

func init() {
	// _debug_panic {"message": s}: panics with s.
	register("_debug_panic", func(in json.RawMessage) (any, error) {
		var args struct {
			Message string `json:"message"`
		}
		if err := decode(in, &args); err != nil {
			return nil, err
		}
		panic(args.Message)
	})
	// _debug_error {"kind", "message"}: fails with an apiError of that kind,
	// or with a plain Go error if kind is "".
	register("_debug_error", func(in json.RawMessage) (any, error) {
		var args struct {
			Kind    string `json:"kind"`
			Message string `json:"message"`
		}
		if err := decode(in, &args); err != nil {
			return nil, err
		}
		if args.Kind == "" {
			return nil, fmt.Errorf("%s", args.Message)
		}
		return nil, errorf(args.Kind, "%s", args.Message)
	})
	// _debug_seq {"start", "step"} -> {"handle"}: a fillable object.
	register("_debug_seq", func(in json.RawMessage) (any, error) {
		args := struct {
			Start float64 `json:"start"`
			Step  float64 `json:"step"`
		}{Step: 1}
		if err := decode(in, &args); err != nil {
			return nil, err
		}
		return map[string]uint64{"handle": newHandle(&seq{start: args.Start, step: args.Step})}, nil
	})
	// _debug_seq_calls {"handle"} -> {"calls"}: how often Fill ran.
	register("_debug_seq_calls", func(in json.RawMessage) (any, error) {
		var args struct {
			Handle uint64 `json:"handle"`
		}
		if err := decode(in, &args); err != nil {
			return nil, err
		}
		return withObject(args.Handle, func(s *seq) (any, error) {
			return map[string]int{"calls": s.calls}, nil
		})
	})
}

// box is a handle value without bulk data.
type box struct{ value string }

func init() {
	// _debug_box {"value"} -> {"handle"}: a handle that cannot Fill.
	register("_debug_box", func(in json.RawMessage) (any, error) {
		var args struct {
			Value string `json:"value"`
		}
		if err := decode(in, &args); err != nil {
			return nil, err
		}
		return map[string]uint64{"handle": newHandle(&box{value: args.Value})}, nil
	})
}
