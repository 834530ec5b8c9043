package loihi

import (
	"bytes"
	"regexp"

	"nestml_go/gocore/ast"
)

// locator finds source positions for diagnostics by searching the model's
// source text for a name (the IR carries no positions). It looks only at
// the text of the model's own block.
type locator struct {
	src   []byte
	start int // byte offset of "model <name>:"
}

func newLocator(src []byte, model string) *locator {
	l := &locator{src: src}
	if re, err := regexp.Compile(`(?m)^\s*(model|neuron|synapse)\s+` + regexp.QuoteMeta(model) + `\s*:`); err == nil {
		if loc := re.FindIndex(src); loc != nil {
			l.start = loc[0]
		}
	}
	return l
}

// model returns the range of the model header.
func (l *locator) model() ast.Range { return l.at(l.start, 0) }

// ode returns the range of "name'" (an ODE) or, failing that, of the
// first declaration-like occurrence of name.
func (l *locator) ode(name string) ast.Range {
	if r, ok := l.find(`\b` + regexp.QuoteMeta(name) + `'`); ok {
		return r
	}
	return l.decl(name)
}

// decl returns the range of the first line starting with name, or of the
// first word occurrence of name, or the model header.
func (l *locator) decl(name string) ast.Range {
	if r, ok := l.find(`(?m)^[ \t]*` + regexp.QuoteMeta(name) + `\b`); ok {
		return r
	}
	return l.word(name)
}

// word returns the range of the first occurrence of the word s.
func (l *locator) word(s string) ast.Range {
	if r, ok := l.find(`\b` + regexp.QuoteMeta(s) + `\b`); ok {
		return r
	}
	return l.model()
}

func (l *locator) find(pat string) (ast.Range, bool) {
	if l == nil || len(l.src) == 0 {
		return ast.Range{}, false
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return ast.Range{}, false
	}
	loc := re.FindIndex(l.src[l.start:])
	if loc == nil {
		return ast.Range{}, false
	}
	off := l.start + loc[0]
	// skip leading blanks of a line match
	for off < l.start+loc[1] && (l.src[off] == ' ' || l.src[off] == '\t' || l.src[off] == '\n') {
		off++
	}
	return l.at(off, l.start+loc[1]-off), true
}

func (l *locator) at(off, n int) ast.Range {
	if l == nil || len(l.src) == 0 {
		return ast.Range{}
	}
	line := bytes.Count(l.src[:off], []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(l.src[:off], '\n') + 1)
	return ast.Range{Start: ast.Pos{Line: line, Col: col}, End: ast.Pos{Line: line, Col: col + n}}
}
