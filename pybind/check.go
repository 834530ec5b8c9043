package main

import (
	"encoding/json"
	"os"
	"strings"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/pipeline"
)

// checkArgs is the argument object of "check": the source text, or a path
// to read it from (path alone), or both (path then only names the source
// in diagnostics).
type checkArgs struct {
	Path   *string `json:"path"`
	Source *string `json:"source"`
	// Lang is the language level, "9.0" (default) or "8.3"; Strict turns
	// the 8.3-compatibility warnings into errors (language.md §1).
	Lang   string `json:"lang"`
	Strict bool   `json:"strict"`
	// Target selects target-specific checks: "" or "NONE" (default),
	// "NEST", or "NEST_compartmental" (the CM_* checks, checks.md §4.16).
	Target string `json:"target"`
}

// checkResult is the result of "check".
type checkResult struct {
	Diagnostics []diag.Record `json:"diagnostics"`
	Models      []string      `json:"models"`
}

func init() {
	register("check", checkHandler)
}

// checkHandler parses one source and reports its diagnostics and the names
// of the models it defines. Diagnostics are results, not failures: a source
// with errors still succeeds, with error records in "diagnostics".
// It runs the front end only (parser and checker); analysis and lowering
// diagnostics come from the generate and simulate calls.
func checkHandler(in json.RawMessage) (any, error) {
	var args checkArgs
	if err := decode(in, &args); err != nil {
		return nil, err
	}
	path := ""
	if args.Path != nil {
		path = *args.Path
	}
	var src []byte
	switch {
	case args.Source != nil:
		src = []byte(*args.Source)
	case path != "":
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, argErrorf("cannot read %s: %v", path, err)
		}
		src = b
	default:
		return nil, argErrorf("check: give \"path\" or \"source\"")
	}
	name := path
	if name == "" {
		name = "<string>"
	}
	if args.Lang != "" && args.Lang != "9.0" && args.Lang != "8.3" {
		return nil, argErrorf("check: lang must be \"9.0\" or \"8.3\", got %q", args.Lang)
	}
	switch strings.ToUpper(args.Target) {
	case "", "NONE", "NEST", "NEST_COMPARTMENTAL":
	default:
		return nil, argErrorf("check: target must be \"NONE\", \"NEST\" or \"NEST_compartmental\", got %q", args.Target)
	}
	opts := pipeline.Options{CheckOnly: true}
	opts.Check.Lang, opts.Check.Strict, opts.Check.Target = args.Lang, args.Strict, args.Target
	r := pipeline.Compile(name, src, opts)
	f, diags := r.File, r.Diagnostics
	res := checkResult{Diagnostics: records(diags), Models: []string{}}
	if f != nil {
		for _, m := range f.Models {
			if m != nil && m.Name != nil {
				res.Models = append(res.Models, m.Name.Name)
			}
		}
	}
	return res, nil
}
