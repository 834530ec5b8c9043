// Package diag defines the diagnostics every stage of nestml_go reports.
//
// A Diagnostic has a stable Code (see codes.go), a Severity, a source Range,
// a Message and an optional Hint. Stages collect diagnostics in a List,
// which sorts and de-duplicates them (like go/scanner.ErrorList) so that one
// mistake is reported once.
package diag

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"nestml_go/gocore/ast"
)

// Severity of a diagnostic.
type Severity int

const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "?"
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding about a source file.
type Diagnostic struct {
	Code     Code
	Severity Severity
	File     string
	Model    string
	Range    ast.Range
	Message  string
	Hint     string
	Upstream string // upstream NESTML message code, if any
	// Related lists secondary locations (checks.md §1): the first
	// declaration of a redeclared name, the model line of an
	// uninitialised state variable, the other handler with the same
	// priority, … They are in the same file as the primary location.
	Related []Related
}

// Related is a secondary location of a diagnostic with a short label
// ("first declaration").
type Related struct {
	Range   ast.Range
	Message string
}

// RelatedRecord is the JSON form of a related location (columns 0-based).
type RelatedRecord struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	EndLine int    `json:"end_line"`
	EndCol  int    `json:"end_col"`
	Message string `json:"message"`
}

// String renders the diagnostic like a compiler does, with 1-based columns:
//
//	file:line:col: error CODE: message
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s %s: %s", d.File, d.Range.Start.Line, d.Range.Start.Col+1, d.Severity, d.Code, d.Message)
	if d.Upstream != "" {
		s += " [upstream: " + d.Upstream + "]"
	}
	return s
}

// Record is the JSON form of a diagnostic (columns 0-based, as upstream).
type Record struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Model    string `json:"model"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	EndLine  int    `json:"end_line"`
	EndCol   int    `json:"end_col"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	Upstream string `json:"upstream"`
	// Related is never null in JSON (an empty list when there are none).
	Related []RelatedRecord `json:"related"`
}

// Record converts d to its JSON form.
func (d Diagnostic) Record() Record {
	return Record{
		Code: string(d.Code), Severity: d.Severity.String(), File: d.File, Model: d.Model,
		Line: d.Range.Start.Line, Col: d.Range.Start.Col,
		EndLine: d.Range.End.Line, EndCol: d.Range.End.Col,
		Message: d.Message, Hint: d.Hint, Upstream: d.Upstream,
		Related: d.RelatedRecords(),
	}
}

// RelatedRecords returns the JSON form of d's related locations (an empty,
// non-nil slice when there are none).
func (d Diagnostic) RelatedRecords() []RelatedRecord {
	out := make([]RelatedRecord, 0, len(d.Related))
	for _, r := range d.Related {
		out = append(out, RelatedRecord{
			Line: r.Range.Start.Line, Col: r.Range.Start.Col,
			EndLine: r.Range.End.Line, EndCol: r.Range.End.Col,
			Message: r.Message,
		})
	}
	return out
}

// RelatedLines returns the start lines of d's related locations.
func (d Diagnostic) RelatedLines() []int {
	var out []int
	for _, r := range d.Related {
		out = append(out, r.Range.Start.Line)
	}
	return out
}

// List collects diagnostics.
type List []Diagnostic

// Add appends a diagnostic built from its parts.
func (l *List) Add(code Code, sev Severity, r ast.Range, hint string, format string, args ...any) {
	*l = append(*l, Diagnostic{Code: code, Severity: sev, Range: r, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Errorf appends an error.
func (l *List) Errorf(code Code, r ast.Range, format string, args ...any) {
	l.Add(code, Error, r, "", format, args...)
}

// Warnf appends a warning.
func (l *List) Warnf(code Code, r ast.Range, format string, args ...any) {
	l.Add(code, Warning, r, "", format, args...)
}

// HasErrors reports whether l contains an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors of l.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders l by file, position, severity and code, and removes exact
// duplicates (same code at the same start position; diagnostics without a
// source position, such as those about code generator options, only when
// their messages are equal too). A dropped duplicate's related locations
// are merged into the one kept, which is the one of higher severity.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Range.Start != b.Range.Start {
			return a.Range.Start.Before(b.Range.Start)
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if !a.Range.Start.IsValid() {
			return a.Message < b.Message
		}
		return false
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 {
			p := out[len(out)-1]
			if p.File == d.File && p.Range.Start == d.Range.Start && p.Code == d.Code &&
				(d.Range.Start.IsValid() || p.Message == d.Message) {
				// keep the related locations of the dropped duplicate
				for _, r := range d.Related {
					if !hasRelated(p.Related, r) {
						q := &out[len(out)-1]
						q.Related = append(slices.Clip(q.Related), r)
					}
				}
				continue
			}
		}
		out = append(out, d)
	}
	*l = out
}

func hasRelated(rs []Related, r Related) bool {
	for _, q := range rs {
		if q == r {
			return true
		}
	}
	return false
}

// SetFile sets the file name of every diagnostic that has none.
func (l List) SetFile(path string) {
	for i := range l {
		if l[i].File == "" {
			l[i].File = path
		}
	}
}

// Error implements error for a list that contains errors.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
