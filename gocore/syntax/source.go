package syntax

import (
	"sort"
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/ast"
)

// source maps ANTLR positions (rune indexes, rune columns) to ast.Pos
// (1-based lines, 0-based byte columns).
type source struct {
	text      string
	lineStart []int // byte offset of the first byte of each line
	// runeOff[i] is the byte offset of rune i; nil when the text is ASCII.
	runeOff []int
	nRunes  int
}

func newSource(text string) *source {
	s := &source{text: text, lineStart: []int{0}}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.lineStart = append(s.lineStart, i+1)
		}
		if text[i] >= utf8.RuneSelf {
			ascii = false
		}
	}
	if ascii {
		s.nRunes = len(text)
		return s
	}
	// The same decoding as antlr.NewInputStream ([]rune(text)): an invalid
	// byte becomes one rune.
	s.runeOff = make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		s.runeOff = append(s.runeOff, i)
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	s.nRunes = len(s.runeOff)
	s.runeOff = append(s.runeOff, len(text))
	return s
}

// offset returns the byte offset of rune index i.
func (s *source) offset(i int) int {
	if i < 0 {
		return 0
	}
	if s.runeOff == nil {
		if i > len(s.text) {
			return len(s.text)
		}
		return i
	}
	if i >= len(s.runeOff) {
		return len(s.text)
	}
	return s.runeOff[i]
}

// posAt converts a byte offset into a position.
func (s *source) posAt(off int) ast.Pos {
	l := sort.Search(len(s.lineStart), func(i int) bool { return s.lineStart[i] > off }) - 1
	if l < 0 {
		l = 0
	}
	return ast.Pos{Line: l + 1, Col: off - s.lineStart[l]}
}

// lineCol converts an ANTLR line and rune column into a position.
func (s *source) lineCol(line, runeCol int) ast.Pos {
	if line < 1 || line > len(s.lineStart) || s.runeOff == nil {
		return ast.Pos{Line: line, Col: runeCol}
	}
	off := s.lineStart[line-1]
	for i := 0; i < runeCol && off < len(s.text); i++ {
		_, n := utf8.DecodeRuneInString(s.text[off:])
		off += n
	}
	return ast.Pos{Line: line, Col: off - s.lineStart[line-1]}
}

// isLayout reports whether t is a synthetic or layout token whose position
// is not given by its character indexes.
func isLayout(t antlr.Token) bool {
	switch t.GetTokenType() {
	case antlr.TokenEOF, tokNEWLINE, tokINDENT, tokDEDENT:
		return true
	}
	return false
}

// tokenStart is the start position of t.
func (s *source) tokenStart(t antlr.Token) ast.Pos {
	if isLayout(t) {
		return s.lineCol(t.GetLine(), t.GetColumn())
	}
	return s.posAt(s.offset(t.GetStart()))
}

// tokenEnd is the position just after t.
func (s *source) tokenEnd(t antlr.Token) ast.Pos {
	if isLayout(t) {
		return s.lineCol(t.GetLine(), t.GetColumn())
	}
	return s.posAt(s.offset(t.GetStop() + 1))
}

// tokenRange is the range of t.
func (s *source) tokenRange(t antlr.Token) ast.Range {
	return ast.Range{Start: s.tokenStart(t), End: s.tokenEnd(t)}
}
