package syntax

import (
	"fmt"
	"strings"
	"testing"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax/internal/gen"
)

// layoutTokens lexes src through the layout wrapper and renders the
// default-channel token stream, with layout tokens as NL, IN, DE, and
// comment-channel NEWLINEs as nl.
func layoutTokens(src string) string {
	l := newLayoutLexer(newSource(src))
	var out []string
	for {
		t := l.NextToken()
		switch {
		case t.GetTokenType() == antlr.TokenEOF:
			return strings.Join(out, " ")
		case t.GetTokenType() == gen.NestmlLexerNEWLINE && t.GetChannel() == chanComment:
			out = append(out, "nl")
		case t.GetChannel() != chanDefault:
		case t.GetTokenType() == gen.NestmlLexerNEWLINE:
			out = append(out, fmt.Sprintf("NL@%d:%d", t.GetLine(), t.GetColumn()))
		case t.GetTokenType() == gen.NestmlLexerINDENT:
			out = append(out, "IN")
		case t.GetTokenType() == gen.NestmlLexerDEDENT:
			out = append(out, fmt.Sprintf("DE@%d", t.GetLine()))
		case t.GetTokenType() == gen.NestmlLexerKERNEL_JOINING:
			out = append(out, "KJ")
		default:
			out = append(out, t.GetText())
		}
	}
}

func TestWidth(t *testing.T) {
	for ws, w := range map[string]int{"": 0, " ": 1, "    ": 4, "\t": 8, "  \t": 8, "\t ": 9, "        \t": 16, " \t\t": 16} {
		if got := width(ws); got != w {
			t.Errorf("width(%q) = %d, want %d", ws, got, w)
		}
	}
}

// TestLayout covers the corner cases of language.md §3.5.
func TestLayout(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"simple", "a:\n    b\nc\n",
			"a : NL@2:4 IN b NL@3:0 DE@2 c NL@4:0"},
		{"no trailing newline", "a:\n    b",
			"a : NL@2:4 IN b NL@2:5 DE@2"},
		{"tabs expand to 8", "a:\n\tb:\n\t\tc\n        d\n",
			"a : NL@2:1 IN b : NL@3:2 IN c NL@4:8 DE@3 d NL@5:0 DE@4"},
		{"blank lines with odd indentation", "a:\n    b\n  \n          \n      # c\n    d\n",
			"a : NL@2:4 IN b nl nl nl NL@6:4 d NL@7:0 DE@6"},
		{"indented first line", "  a:\n      b\n",
			"NL@1:2 IN a : NL@2:6 IN b NL@3:0 DE@2 DE@2"},
		{"indented first comment", "   # c\na\n",
			"nl NL@2:0 a NL@3:0"},
		{"comment-only last line without newline", "a:\n    b\n    # end",
			"a : NL@2:4 IN b nl NL@3:9 DE@3"},
		{"blank last line", "a:\n    b\n\n",
			"a : NL@2:4 IN b NL@3:0 DE@2 NL@4:0"},
		{"kernel joining", "k = 1,\n      2\n",
			"k = 1 KJ 2 NL@3:0"},
		{"comma before blank", "k = 1, \n2\n",
			"k = 1 , NL@2:0 2 NL@3:0"},
		{"line continuation", "a = 1 + \\\n          2\nb\n",
			"a = 1 + 2 NL@3:0 b NL@4:0"},
		{"crlf", "a:\r\n    b\r\nc\r\n",
			"a : NL@2:4 IN b NL@3:0 DE@2 c NL@4:0"},
		{"inconsistent dedent", "a:\n        b\n      c\n",
			"a : NL@2:8 IN b NL@3:6 DE@2 c NL@4:0"},
		{"dedent two levels", "a:\n  b:\n    c\nd\n",
			"a : NL@2:2 IN b : NL@3:4 IN c NL@4:0 DE@3 DE@3 d NL@5:0"},
	}
	for _, tt := range tests {
		if got := layoutTokens(tt.src); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func errorsOf(ds diag.List, codes ...diag.Code) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		for _, c := range codes {
			if d.Code == c {
				out = append(out, d)
			}
		}
	}
	return out
}

// TestLayoutParses checks that layout corner cases parse (or fail) as a
// whole file.
func TestLayoutParses(t *testing.T) {
	ok := []struct{ name, src string }{
		{"tabs", "model m:\n\tstate:\n\t\tx real = 1\n\tupdate:\n\t\tx = 2\n"},
		{"tab equals 8 spaces", "model m:\n\tstate:\n\t        x real = 1\n        parameters:\n\t\tp real = 1\n"},
		{"indented first line", "    model m:\n        state:\n            x real = 1\n    model n:\n        state:\n            y real = 1\n"},
		{"blank lines with odd indentation", "model m:\n    state:\n  \n\n            # x\n        x real = 1\n   \n    update:\n\n        x = 2\n"},
		{"no trailing newline", "model m:\n    update:\n        if true:\n            x = 1"},
		{"comment at end without newline", "model m:\n    update:\n        x = 1\n# done"},
		{"kernel joining", "model m:\n    equations:\n        kernel g' = -g / tau,\n               g = 1 / ms\n"},
		{"line continuation", "model m:\n    update:\n        x = 1 + \\\n  2 * \\\n                    3\n"},
		{"crlf", "model m:\r\n    state:\r\n        x real = 1\r\n"},
		{"empty lines at end", "model m:\n    state:\n        x real = 1\n\n\n\n"},
	}
	for _, tt := range ok {
		f, ds := Parse(tt.name, []byte(tt.src))
		if ds.HasErrors() || len(f.Models) == 0 {
			t.Errorf("%s: %v", tt.name, ds)
		}
	}
	bad := []struct{ name, src string }{
		{"one-line block", "model m:\n    state: x real = 1\n"},
		{"empty block", "model m:\n    state:\n        # nothing\n    update:\n        x = 1\n"},
		{"comma at end of argument line", "model m:\n    update:\n        f(a,\n          b)\n"},
		{"no implicit joining in parentheses", "model m:\n    update:\n        x = (1 +\n             2)\n"},
		{"backslash followed by space", "model m:\n    update:\n        x = 1 + \\ \n            2\n"},
		{"inconsistent dedent", "model m:\n    update:\n        if x:\n            y = 1\n          z = 2\n"},
	}
	for _, tt := range bad {
		_, ds := Parse(tt.name, []byte(tt.src))
		if !ds.HasErrors() {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	_, ds := Parse("dedent", []byte("model m:\n    update:\n        if x:\n            y = 1\n          z = 2\n"))
	if e := errorsOf(ds, diag.InconsistentDedent); len(e) != 1 || e[0].Range.Start.Line != 5 {
		t.Errorf("INCONSISTENT_DEDENT: %v", ds)
	}
}

// TestErrorPositions checks the line and column of syntax errors (§3.5 step
// 7: an error at the end of line n is reported at the start of the next
// line's content).
func TestErrorPositions(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		code      diag.Code
		msg       string
		hint      string
	}{
		{"missing = at end of file", "model m:\n    equations:\n        inline V_rest mV  # no rhs\n", 4, 0, diag.SyntaxError, "expected '=' but found end of line", ""},
		{"missing expression, next line indented", "model m:\n    state:\n        x real =\n        y real = 1\n", 4, 8, diag.SyntaxError, "expected an expression but found end of line", ""},
		{"missing expression before blank and comment lines", "model m:\n    state:\n        x real =\n\n    # c\n        y real = 1\n", 6, 8, diag.SyntaxError, "", ""},
		{"missing colon", "model m:\n    state\n        x real = 1\n", 3, 8, diag.SyntaxError, "expected ':' but found end of line", ""},
		{"several lhs", "model m:\n    equations:\n        inline a, b mV = 10 mV\n", 3, 16, diag.SyntaxError, "found ','", ""},
		{"output attributes", "model m:\n    output:\n        continuous(foo real)\n", 3, 18, diag.SyntaxError, "expected end of line but found '('", ""},
		{"missing block at end of file", "model m:\n    state:\n", 2, 10, diag.SyntaxError, "expected an indented block", ""},
		{"over-indented line", "model m:\n    update:\n        x = 1\n            y = 2\n        z = 3\n", 4, 12, diag.SyntaxError, "indented", ""},
		{"lexical error", "model m:\n    update:\n        x = 1 !\n", 3, 14, diag.LexicalError, "'!'", ""},
		{"unterminated string", "model m:\n    update:\n        print(\"abc)\n", 3, 14, diag.LexicalError, "unterminated", ""},
		{"non-ASCII", "model m:\n    update:\n        x = \"é\" + µ\n", 3, 19, diag.LexicalError, "non-ASCII", ""},
		{"empty file", "", 1, 0, diag.NoModelInFile, "", ""},
		{"comments only", "# a\n# b\n", 1, 0, diag.NoModelInFile, "", ""},
		{"port arrow in expression", "model m:\n    update:\n        x = a<-b\n", 3, 13, diag.SyntaxError, "found '<-'", "a < -b"},
		{"double bracket", "model m:\n    update:\n        x = v[w[1]]\n", 3, 17, diag.SyntaxError, "found ']]'", "] ]"},
		{"kernel comma", "model m:\n    equations:\n        kernel g = 1 , 2\n", 3, 21, diag.SyntaxError, "found ','", "one per line"},
		{"comma at end of argument line", "model m:\n    update:\n        f(a,\n          b)\n", 3, 11, diag.SyntaxError, "',' at the end of the line", "joins kernel equations"},
		{"line break in parentheses", "model m:\n    update:\n        x = (1 +\n             2)\n", 4, 13, diag.SyntaxError, "end of line", "implicit line joining"},
		{"for without step", "model m:\n    update:\n        for i in 1 ... 10:\n            x = i\n", 3, 25, diag.SyntaxError, "expected 'step'", ""},
		{"for with expression step", "model m:\n    update:\n        for i in 1 ... 10 step n:\n            x = i\n", 3, 31, diag.SyntaxError, "", ""},
		{"onReceive with index", "model m:\n    onReceive(s[1]):\n        x = 1\n", 2, 15, diag.SyntaxError, "", ""},
		{"trailing semicolon on statement", "model m:\n    update:\n        x = 1;\n", 3, 13, diag.SyntaxError, "", ""},
		{"typed spike port", "model m:\n    input:\n        spikes pA <- spike\n", 3, 21, diag.SyntaxError, "", ""},
	}
	for _, tt := range tests {
		_, ds := Parse(tt.name, []byte(tt.src))
		es := errorsOf(ds, diag.SyntaxError, diag.LexicalError, diag.NoModelInFile, diag.InconsistentDedent)
		if len(es) != 1 {
			t.Errorf("%s: want one error, got %v", tt.name, ds)
			continue
		}
		e := es[0]
		if e.Code != tt.code || e.Range.Start != (ast.Pos{Line: tt.line, Col: tt.col}) || !strings.Contains(e.Message, tt.msg) ||
			!strings.Contains(e.Hint, tt.hint) {
			t.Errorf("%s: got %s %v %q (hint %q), want %s %d:%d %q (hint %q)", tt.name, e.Code, e.Range.Start, e.Message, e.Hint,
				tt.code, tt.line, tt.col, tt.msg, tt.hint)
		}
	}
}
