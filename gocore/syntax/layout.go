package syntax

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax/internal/gen"
)

// Token channels (language.md §3.2).
const (
	chanDefault = antlr.TokenDefaultChannel
	chanHidden  = antlr.TokenHiddenChannel
	chanComment = gen.NestmlLexerCOMMENT
)

// layoutLexer wraps the generated lexer and implements the layout algorithm
// of language.md §3.5: it classifies NEWLINE candidates into significant
// (default channel) and ignorable (comment channel) ones, emits INDENT and
// DEDENT through a queue, flushes NEWLINE + DEDENTs at end of input, and
// positions the synthetic tokens as step 7 requires. It also turns the
// catch-all error tokens of the grammar into LEXICAL_ERROR diagnostics and
// moves them off the default channel.
type layoutLexer struct {
	*gen.NestmlLexer
	src *source

	queue   []antlr.Token
	stack   []int       // indentation widths
	last    antlr.Token // last default-channel, non-layout token from the lexer
	started bool        // a token has been produced

	diags   diag.List
	lastErr int // char index just after the previous error token, for merging runs
	// badDedent holds the start index of the DEDENT tokens produced by an
	// inconsistent dedent (§3.5 step 5).
	badDedent map[int]bool
}

func newLayoutLexer(src *source) *layoutLexer {
	l := &layoutLexer{
		NestmlLexer: gen.NewNestmlLexer(antlr.NewInputStream(src.text)),
		src:         src,
		lastErr:     -1,
	}
	l.RemoveErrorListeners() // the grammar has a catch-all rule; nothing to report
	return l
}

// dedentPos returns the position given to a DEDENT that follows token t:
// the line of t (§3.5 step 7) and the column just after t (or its start
// column if t spans lines).
func dedentPos(t antlr.Token) (int, int) {
	text := t.GetText()
	if strings.ContainsAny(text, "\n") {
		return t.GetLine(), t.GetColumn()
	}
	return t.GetLine(), t.GetColumn() + utf8.RuneCountInString(text)
}

// width computes the indentation width of a run of blanks (§3.5 step 1).
func width(ws string) int {
	w := 0
	for i := 0; i < len(ws); i++ {
		if ws[i] == '\t' {
			w += 8 - w%8
		} else {
			w++
		}
	}
	return w
}

func (l *layoutLexer) make(ttype int, text string, channel, start, stop, line, col int) antlr.Token {
	return l.GetTokenFactory().Create(l.GetTokenSourceCharStreamPair(), ttype, text, channel, start, stop, line, col)
}

// NextToken returns the next token of the layout-processed stream.
func (l *layoutLexer) NextToken() antlr.Token {
	if len(l.queue) > 0 {
		t := l.queue[0]
		l.queue = l.queue[1:]
		return t
	}
	first := !l.started
	l.started = true
	t := l.NestmlLexer.NextToken()
	switch t.GetTokenType() {
	case antlr.TokenEOF:
		return l.atEOF(t)
	case gen.NestmlLexerNEWLINE:
		ws := t.GetText()
		for len(ws) > 0 && (ws[0] == '\r' || ws[0] == '\n') {
			ws = ws[1:]
		}
		return l.candidate(t, ws, t.GetLine()+1)
	case gen.NestmlLexerWS:
		if first && t.GetStart() == 0 {
			// §3.5 step 2: blanks at the very beginning of the file.
			return l.candidate(t, t.GetText(), 1)
		}
	case gen.NestmlLexerERROR_CHAR, gen.NestmlLexerUNTERMINATED_STRING:
		l.lexError(t)
		return l.make(t.GetTokenType(), t.GetText(), chanHidden, t.GetStart(), t.GetStop(), t.GetLine(), t.GetColumn())
	}
	if t.GetChannel() == chanDefault {
		l.last = t
	}
	return t
}

// candidate handles a NEWLINE candidate (§3.5 steps 3–5, 7). ws is its
// whitespace, line the line on which that whitespace lies.
func (l *layoutLexer) candidate(t antlr.Token, ws string, line int) antlr.Token {
	in := l.GetInputStream()
	c1, c2 := in.LA(1), in.LA(2)
	if (c1 == '\n' || c1 == '\r' || c1 == '\f' || c1 == '#') && c2 != antlr.TokenEOF {
		// Blank or comment-only line: NEWLINE on the comment channel.
		return l.make(gen.NestmlLexerNEWLINE, t.GetText(), chanComment, t.GetStart(), t.GetStop(), t.GetLine(), t.GetColumn())
	}
	// Significant line end, positioned at the start of the next line's
	// content.
	col := len(ws)
	nl := l.make(gen.NestmlLexerNEWLINE, t.GetText(), chanDefault, t.GetStart(), t.GetStop(), line, col)
	w := width(ws)
	cur := 0
	if n := len(l.stack); n > 0 {
		cur = l.stack[n-1]
	}
	switch {
	case w > cur:
		l.stack = append(l.stack, w)
		l.queue = append(l.queue, l.make(gen.NestmlLexerINDENT, "", chanDefault, t.GetStop()+1, t.GetStop(), line, col))
	case w < cur:
		dl, dc := line, col
		if l.last != nil {
			dl, dc = dedentPos(l.last)
		}
		for len(l.stack) > 0 && l.stack[len(l.stack)-1] > w {
			l.stack = l.stack[:len(l.stack)-1]
			l.queue = append(l.queue, l.make(gen.NestmlLexerDEDENT, "", chanDefault, t.GetStop()+1, t.GetStop(), dl, dc))
		}
		now := 0
		if n := len(l.stack); n > 0 {
			now = l.stack[n-1]
		}
		if now != w {
			// §3.5 step 5.
			if l.badDedent == nil {
				l.badDedent = map[int]bool{}
			}
			l.badDedent[t.GetStop()+1] = true
			p := ast.Pos{Line: line, Col: 0}
			l.diags.Errorf(diag.InconsistentDedent, ast.Range{Start: p, End: ast.Pos{Line: line, Col: col}},
				"inconsistent indentation: this line is indented by %d, which matches no enclosing block (%s)", w, l.widths())
		}
	}
	return nl
}

func (l *layoutLexer) widths() string {
	s := "enclosing widths: 0"
	for _, w := range l.stack {
		s += fmt.Sprintf(", %d", w)
	}
	return s
}

// atEOF implements §3.5 step 6.
func (l *layoutLexer) atEOF(eof antlr.Token) antlr.Token {
	if len(l.stack) == 0 {
		return eof
	}
	line, col := eof.GetLine(), eof.GetColumn()
	start := eof.GetStart()
	nl := l.make(gen.NestmlLexerNEWLINE, "", chanDefault, start, start-1, line, col)
	for range l.stack {
		l.queue = append(l.queue, l.make(gen.NestmlLexerDEDENT, "", chanDefault, start, start-1, line, col))
	}
	l.stack = nil
	l.queue = append(l.queue, eof)
	return nl
}

// lexError records a LEXICAL_ERROR for an error token (§3.11); runs of
// adjacent error characters are reported once.
func (l *layoutLexer) lexError(t antlr.Token) {
	if t.GetTokenType() == gen.NestmlLexerERROR_CHAR && t.GetStart() == l.lastErr {
		l.lastErr = t.GetStop() + 1
		return
	}
	l.lastErr = t.GetStop() + 1
	r := l.src.tokenRange(t)
	text := t.GetText()
	var msg, hint string
	switch {
	case t.GetTokenType() == gen.NestmlLexerUNTERMINATED_STRING:
		msg = "unterminated string literal (a string must be closed on the same line)"
		if len(text) >= 1 && l.GetInputStream().LA(1) == '\\' {
			hint = "a backslash continues a string only when it is followed by a line break"
		}
	case text == "!":
		msg = "unexpected character '!'"
		hint = "use 'not' for logical negation and '!=' for inequality"
	case text == "\\":
		msg = "a backslash must be followed immediately by a line break (line continuation)"
		hint = "remove the characters after the backslash"
	case text == "\r":
		msg = "a carriage return that is not followed by a line feed"
	default:
		rs := []rune(text)
		if len(rs) == 1 && rs[0] >= 0x80 {
			msg = fmt.Sprintf("non-ASCII character %q (U+%04X) outside a comment or string", rs[0], rs[0])
		} else {
			msg = fmt.Sprintf("unexpected character %q", text)
		}
	}
	l.diags.Add(diag.LexicalError, diag.Error, r, hint, "%s", msg)
}

func (l *layoutLexer) hasLexErrors() bool {
	for _, d := range l.diags {
		if d.Code == diag.LexicalError {
			return true
		}
	}
	return false
}
