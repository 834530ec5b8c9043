package main

import "encoding/json"

// Version is the version of nestml_go. It is the single source of the
// version number: setup.py reads it from this file for the package metadata,
// and the Python package reports it through the "version" method
// (nestml_go.__version__). Change it here and nowhere else.
const Version = "0.1.0"

func init() {
	register("version", func(json.RawMessage) (any, error) {
		return map[string]string{"version": Version}, nil
	})
}
