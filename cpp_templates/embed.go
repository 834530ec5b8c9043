// Package cpp_templates holds the C++ sources of the NEST target: the
// text/template files from which gocore/codegen/nest prints a NEST extension
// module, and the header-only helpers (nestml_go_expm.h) copied verbatim into
// every generated module. They are embedded into the Go library so that code
// generation needs no files at run time.
package cpp_templates

import "embed"

// FS contains every *.tmpl template and every *.h helper header of this
// directory, at the top level (e.g. "neuron.h.tmpl", "nestml_go_expm.h").
//
//go:embed *.tmpl *.h
var FS embed.FS
