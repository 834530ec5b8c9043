package syntax

//go:generate bash generate.sh

import (
	"fmt"
	"strings"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax/internal/gen"
)

// Parse parses one .nestml file. It never panics and always returns a
// non-nil file.
//
// Diagnostics: LEXICAL_ERROR, SYNTAX_ERROR (at most one per line),
// INCONSISTENT_DEDENT, OLD_SYNTAX (hints for pre-9.0 constructs, only after
// a lexical or syntax error), INTEGER_LITERAL_OVERFLOW and NO_MODEL_IN_FILE.
//
// When the file has lexical or syntax errors it is invalid as a whole; the
// returned File then holds only the models whose text parsed without error
// (each of them complete), so that tools can still show something.
func Parse(path string, src []byte) (file *ast.File, diags diag.List) {
	file = &ast.File{Path: path}
	defer func() {
		if r := recover(); r != nil {
			diags = append(diags, diag.Diagnostic{
				Code: diag.SyntaxError, Severity: diag.Error, File: path,
				Range:   ast.Range{Start: ast.Pos{Line: 1}, End: ast.Pos{Line: 1}},
				Message: fmt.Sprintf("internal error in the parser: %v", r),
			})
			file.Models = nil
		}
		diags.SetFile(path)
		diags.Sort()
	}()

	p := newParse(src)
	p.run()
	file.Models = p.models
	file.Comments = p.comments
	file.Rng = ast.Range{Start: ast.Pos{Line: 1, Col: 0}, End: p.src.posAt(len(p.src.text))}
	diags = p.diags
	if len(file.Models) == 0 && !diags.HasErrors() {
		diags.Errorf(diag.NoModelInFile, ast.Range{Start: ast.Pos{Line: 1}, End: ast.Pos{Line: 1}},
			"the file contains no model (expected 'model NAME:')")
	}
	for i := range diags {
		if m := modelAt(file.Models, diags[i].Range.Start); m != "" && diags[i].Model == "" {
			diags[i].Model = m
		}
	}
	return file, diags
}

func modelAt(models []*ast.Model, p ast.Pos) string {
	for _, m := range models {
		if !p.Before(m.Rng.Start) && p.Before(m.Rng.End) {
			return m.Name.Name
		}
	}
	return ""
}

// parse holds the state of one Parse call.
type parse struct {
	src      *source
	lexer    *layoutLexer
	tokens   *antlr.CommonTokenStream
	parser   *gen.NestmlParser
	errs     *errorListener
	models   []*ast.Model
	comments []*ast.Comment
	diags    diag.List
}

func newParse(src []byte) *parse {
	p := &parse{src: newSource(string(src))}
	p.lexer = newLayoutLexer(p.src)
	p.tokens = antlr.NewCommonTokenStream(p.lexer, antlr.TokenDefaultChannel)
	p.parser = gen.NewNestmlParser(p.tokens)
	p.parser.RemoveErrorListeners()
	p.parser.SetErrorHandler(newLineRecovery())
	p.errs = newErrorListener(p)
	p.parser.AddErrorListener(p.errs)
	return p
}

func (p *parse) run() {
	tree := p.parser.CompilationUnit()
	p.tokens.Fill()

	// Lexical errors first; upstream stops at the first one and reports no
	// syntax error, so syntax errors are only reported for lexically clean
	// files.
	lexErr := p.lexer.hasLexErrors()
	for _, d := range p.lexer.diags {
		// After a lexical error the layout is unreliable (an unterminated
		// string swallows the rest of its line).
		if !lexErr || d.Code != diag.InconsistentDedent {
			p.diags = append(p.diags, d)
		}
	}
	if !lexErr {
		p.diags = append(p.diags, p.filterSyntaxErrors()...)
	}
	bad := lexErr || len(p.errs.at) > 0
	if bad {
		p.diags = append(p.diags, detectOldSyntax(p)...)
	}

	p.collectComments()

	b := &builder{src: p.src, tokens: p.tokens}
	cu, ok := tree.(*gen.CompilationUnitContext)
	if !ok || cu == nil {
		return
	}
	var errLines map[int]bool
	if lexErr {
		errLines = map[int]bool{}
		for _, d := range p.lexer.diags {
			errLines[d.Range.Start.Line] = true
		}
	}
	for _, im := range cu.AllModel() {
		mc := im.(*gen.ModelContext)
		if mc.GetStart() == nil || mc.GetStop() == nil || !clean(mc) || p.errs.within(mc.GetStart().GetTokenIndex(), mc.GetStop().GetTokenIndex()+1) {
			continue
		}
		m := p.buildModel(b, mc)
		if m == nil {
			continue
		}
		if lexErr && linesHit(errLines, m.Rng) {
			continue
		}
		m.Doc = p.docAbove(m.Rng.Start.Line)
		p.models = append(p.models, m)
	}
	p.diags = append(p.diags, b.diags...)
}

// buildModel builds one model. A model with missing parts (possible only
// when the file has syntax errors) is dropped; a failure in an error-free
// file is a bug and propagates to Parse's internal-error handler.
func (p *parse) buildModel(b *builder, mc *gen.ModelContext) (m *ast.Model) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(buildError); !ok && len(p.errs.at) == 0 && !p.lexer.hasLexErrors() {
				panic(r)
			}
			m = nil
		}
	}()
	return b.model(mc)
}

func linesHit(lines map[int]bool, r ast.Range) bool {
	for l := range lines {
		if l >= r.Start.Line && l <= r.End.Line {
			return true
		}
	}
	return false
}

// clean reports whether a parse subtree contains no error node.
func clean(t antlr.Tree) bool {
	if _, ok := t.(antlr.ErrorNode); ok {
		return false
	}
	for _, c := range t.GetChildren() {
		if !clean(c) {
			return false
		}
	}
	return true
}

// collectComments gathers every `#` comment of the file.
func (p *parse) collectComments() {
	for _, t := range p.tokens.GetAllTokens() {
		if t.GetTokenType() == gen.NestmlLexerSL_COMMENT {
			p.comments = append(p.comments, &ast.Comment{Text: t.GetText(), Rng: p.src.tokenRange(t)})
		}
	}
}

// docAbove returns the block of comment-only lines directly above line,
// without the '#' and one following blank.
func (p *parse) docAbove(line int) string {
	own := map[int]string{} // line → comment text, for comment-only lines
	for _, c := range p.comments {
		l := c.Rng.Start.Line
		start := p.src.lineStart[l-1]
		if strings.TrimLeft(p.src.text[start:start+c.Rng.Start.Col], " \t") == "" {
			own[l] = c.Text
		}
	}
	var lines []string
	for l := line - 1; l >= 1; l-- {
		s, ok := own[l]
		if !ok {
			break
		}
		s = strings.TrimPrefix(s, "#")
		s = strings.TrimPrefix(s, " ")
		lines = append(lines, strings.TrimRight(s, "\r"))
	}
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	return strings.Join(lines, "\n")
}

// prevSignificant returns the last default-channel, non-layout token before
// token index i, or nil.
func (p *parse) prevSignificant(i int) antlr.Token {
	for j := i - 1; j >= 0; j-- {
		if j >= p.tokens.Size() {
			continue
		}
		if t := p.tokens.Get(j); significant(t) {
			return t
		}
	}
	return nil
}

// filterSyntaxErrors removes the syntax errors and inconsistent dedents that
// are consequences of an earlier error, so that each mistake is reported
// once:
//
//   - only the first INCONSISTENT_DEDENT is kept; a syntax error at one of
//     the DEDENT tokens it produced, or on its line, is dropped;
//   - a syntax error inside the indented block opened by a line that already
//     has an error is dropped (the block belongs to the broken construct);
//   - an INCONSISTENT_DEDENT after an earlier syntax error is dropped.
//
// The lexer diagnostics in p.diags are edited in place; the kept syntax
// errors are returned.
func (p *parse) filterSyntaxErrors() diag.List {
	dedentLine := 0
	for i := 0; i < len(p.diags); i++ {
		if p.diags[i].Code == diag.InconsistentDedent {
			if dedentLine != 0 {
				p.diags = append(p.diags[:i], p.diags[i+1:]...)
				i--
				continue
			}
			dedentLine = p.diags[i].Range.Start.Line
		}
	}
	type shadow struct{ from, to int }
	var shadows []shadow
	var kept diag.List
	firstLine := 0
	for k, d := range p.errs.diags {
		tok := p.errs.toks[k]
		idx := tok.GetTokenIndex()
		if tok.GetTokenType() == tokDEDENT && p.lexer.badDedent[tok.GetStart()] {
			continue
		}
		lines := []int{d.Range.Start.Line}
		if isLayout(tok) {
			if prev := p.prevSignificant(idx); prev != nil {
				lines = append(lines, p.src.tokenEnd(prev).Line)
			}
		}
		drop := false
		for _, l := range lines {
			if l == dedentLine {
				drop = true
			}
		}
		for _, sh := range shadows {
			if idx > sh.from && idx <= sh.to {
				drop = true
			}
		}
		if drop {
			continue
		}
		kept = append(kept, d)
		if firstLine == 0 {
			firstLine = d.Range.Start.Line
		}
		if from, to, ok := p.blockAfter(idx); ok {
			shadows = append(shadows, shadow{from, to})
		}
	}
	if dedentLine != 0 && firstLine != 0 && firstLine < dedentLine {
		for i := 0; i < len(p.diags); i++ {
			if p.diags[i].Code == diag.InconsistentDedent {
				p.diags = append(p.diags[:i], p.diags[i+1:]...)
				i--
			}
		}
	}
	return kept
}

// blockAfter finds the indented block that follows the logical line
// containing token index i (or that starts at i), as the token index range
// (INDENT, matching DEDENT].
func (p *parse) blockAfter(i int) (int, int, bool) {
	n := p.tokens.Size()
	j := i
	for ; j < n; j++ {
		t := p.tokens.Get(j)
		if t.GetChannel() != chanDefault {
			continue
		}
		tt := t.GetTokenType()
		if tt == tokINDENT {
			break
		}
		if tt == tokNEWLINE || tt == tokDEDENT || tt == antlr.TokenEOF {
			if tt != tokNEWLINE {
				return 0, 0, false
			}
			// the next default-channel token must be INDENT
			k := j + 1
			for k < n && p.tokens.Get(k).GetChannel() != chanDefault {
				k++
			}
			if k >= n || p.tokens.Get(k).GetTokenType() != tokINDENT {
				return 0, 0, false
			}
			j = k
			break
		}
	}
	if j >= n {
		return 0, 0, false
	}
	depth := 0
	for k := j; k < n; k++ {
		t := p.tokens.Get(k)
		if t.GetChannel() != chanDefault {
			continue
		}
		switch t.GetTokenType() {
		case tokINDENT:
			depth++
		case tokDEDENT:
			depth--
			if depth == 0 {
				return j, k, true
			}
		case antlr.TokenEOF:
			return j, k, true
		}
	}
	return j, n, true
}

// ParseExpr parses a single expression written on one logical line, for
// tools and tests. Layout, positions and diagnostics are as in Parse (line 1
// is the expression's line).
func ParseExpr(src string) (expr ast.Expr, diags diag.List) {
	defer func() {
		if r := recover(); r != nil {
			expr = nil
			diags = append(diags, diag.Diagnostic{
				Code: diag.SyntaxError, Severity: diag.Error,
				Range:   ast.Range{Start: ast.Pos{Line: 1}, End: ast.Pos{Line: 1}},
				Message: fmt.Sprintf("internal error in the parser: %v", r),
			})
		}
		diags.Sort()
	}()
	p := newParse([]byte(src))
	tree := p.parser.StandaloneExpression()
	p.tokens.Fill()
	p.diags = append(p.diags, p.lexer.diags...)
	p.diags = append(p.diags, p.filterSyntaxErrors()...)
	if p.diags.HasErrors() || len(p.errs.at) > 0 {
		return nil, p.diags
	}
	b := &builder{src: p.src, tokens: p.tokens}
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(buildError); !ok {
					panic(r)
				}
				expr = nil
			}
		}()
		expr = b.expr(tree.(*gen.StandaloneExpressionContext).Expression())
	}()
	p.diags = append(p.diags, b.diags...)
	return expr, p.diags
}

// logicalLineOf identifies the logical line of token t by the index of the
// layout token (NEWLINE, INDENT, DEDENT) that starts it, or -1 for the
// first line. A layout token itself belongs to the line that it ends.
func (p *parse) logicalLineOf(t antlr.Token) int {
	i := t.GetTokenIndex()
	if isLayout(t) {
		prev := p.prevSignificant(i)
		if prev == nil {
			return -1
		}
		i = prev.GetTokenIndex()
	}
	for j := i - 1; j >= 0; j-- {
		if j >= p.tokens.Size() {
			continue
		}
		u := p.tokens.Get(j)
		if u.GetChannel() == chanDefault && isLayout(u) {
			return j
		}
	}
	return -1
}
