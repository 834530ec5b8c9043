package syntax

import (
	"strings"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax/internal/gen"
)

// detectOldSyntax recognises constructs of older NESTML versions
// (language.md §19) in a file that has lexical or syntax errors, and reports
// OLD_SYNTAX with a hint giving the current form. It works on the token
// stream, one logical line at a time, so it does not depend on how far the
// parser got.
func detectOldSyntax(p *parse) diag.List {
	var out diag.List
	report := func(from, to antlr.Token, msg, hint string) {
		out.Add(diag.OldSyntax, diag.Error, ast.Range{Start: p.src.tokenStart(from), End: p.src.tokenEnd(to)}, hint, "%s", msg)
	}
	all := p.tokens.GetAllTokens()

	// Triple-quoted docstrings: `""` immediately followed by a quote.
	for i, t := range all {
		if t.GetTokenType() != gen.NestmlLexerSTRING_LITERAL || t.GetText() != `""` || i+1 >= len(all) {
			continue
		}
		n := all[i+1]
		if n.GetStart() == t.GetStop()+1 && strings.HasPrefix(n.GetText(), `"`) {
			report(t, t, `triple-quoted docstrings are not supported`,
				"documentation is written as # comments above `model` (since NESTML 8.1)")
		}
	}

	for _, line := range logicalLines(all) {
		if len(line) == 0 {
			continue
		}
		first, last := line[0], line[len(line)-1]
		typ := func(i int) int {
			if i < len(line) {
				return line[i].GetTokenType()
			}
			return -1
		}
		name := func(i int, s string) bool {
			return typ(i) == gen.NestmlLexerNAME && line[i].GetText() == s
		}
		switch {
		case (name(0, "neuron") || name(0, "synapse")) && typ(1) == gen.NestmlLexerNAME && typ(2) == gen.NestmlLexerCOLON:
			report(first, line[2], "'"+first.GetText()+" NAME:' is the syntax of NESTML before 8.0",
				"since NESTML 8.0 every model starts with `model NAME:`")
		case name(0, "end") && len(line) == 1:
			report(first, first, "'end' does not close blocks any more",
				"blocks are delimited by indentation since NESTML 5.0; delete `end`")
		case name(0, "initial_values") && typ(1) == gen.NestmlLexerCOLON:
			report(first, line[1], "the 'initial_values' block no longer exists", "use `state:` (since NESTML 4.0)")
		case name(0, "shape"):
			report(first, first, "'shape' is the old name of 'kernel'", "use `kernel` (since NESTML 4.0)")
		case typ(0) == gen.NestmlLexerFUNCTION_KEYWORD && typ(1) == gen.NestmlLexerNAME && typ(2) != gen.NestmlLexerLEFT_PAREN && hasType(line, gen.NestmlLexerEQUALS):
			report(first, line[1], "'function NAME type = expr' is the old form of an inline expression",
				"use `inline NAME type = expr`")
		case (typ(0) == gen.NestmlLexerSPIKE_KEYWORD || typ(0) == gen.NestmlLexerCONTINUOUS_KEYWORD) && typ(1) == gen.NestmlLexerLEFT_PAREN:
			report(first, last, "output ports have no attributes any more",
				"output ports have no attributes since NESTML 8.3; write just `"+first.GetText()+"`")
		case typ(0) == gen.NestmlLexerFOR_KEYWORD && hasType(line, gen.NestmlLexerELLIPSIS) && !hasType(line, gen.NestmlLexerSTEP_KEYWORD):
			report(first, last, "a for loop needs a 'step' clause",
				"`step` is mandatory: `for i in a ... b step 1:`")
		}
		// Ports.
		if arrow := indexOfType(line, gen.NestmlLexerLEFT_ANGLE_MINUS); arrow > 0 && typ(0) == gen.NestmlLexerNAME {
			k := arrow + 1
			for typ(k) == gen.NestmlLexerINHIBITORY_KEYWORD || typ(k) == gen.NestmlLexerEXCITATORY_KEYWORD {
				k++
			}
			switch {
			case name(k, "current"):
				report(first, line[k], "'<- current' ports no longer exist", "use `NAME type <- continuous`")
			case typ(k) == gen.NestmlLexerSPIKE_KEYWORD && typedPort(line[:arrow]):
				report(first, line[k], "spike input ports have no data type",
					"spike ports have no type since NESTML 6.0; write `"+first.GetText()+" <- spike` and multiply by a unit where the port is read")
			}
		}
		// Removed convolution helpers.
		for i, t := range line {
			if t.GetTokenType() == gen.NestmlLexerNAME && i+1 < len(line) && line[i+1].GetTokenType() == gen.NestmlLexerLEFT_PAREN {
				switch t.GetText() {
				case "curr_sum", "cond_sum", "cur_sum":
					report(t, t, "'"+t.GetText()+"' no longer exists", "use `convolve(kernel, port)`")
				}
			}
		}
	}
	return out
}

// logicalLines splits the default-channel tokens into logical lines.
func logicalLines(all []antlr.Token) [][]antlr.Token {
	var lines [][]antlr.Token
	var cur []antlr.Token
	for _, t := range all {
		if t.GetChannel() != chanDefault {
			continue
		}
		switch t.GetTokenType() {
		case tokNEWLINE, tokINDENT, tokDEDENT, antlr.TokenEOF:
			if len(cur) > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func hasType(line []antlr.Token, tt int) bool { return indexOfType(line, tt) >= 0 }

func indexOfType(line []antlr.Token, tt int) int {
	for i, t := range line {
		if t.GetTokenType() == tt {
			return i
		}
	}
	return -1
}

// typedPort reports whether the tokens before `<-` are more than a port
// name with an optional size, i.e. contain a data type.
func typedPort(head []antlr.Token) bool {
	if len(head) <= 1 {
		return false
	}
	if head[1].GetTokenType() != gen.NestmlLexerLEFT_SQUARE_BRACKET {
		return true
	}
	depth := 0
	for i := 1; i < len(head); i++ {
		switch head[i].GetTokenType() {
		case gen.NestmlLexerLEFT_SQUARE_BRACKET:
			depth++
		case gen.NestmlLexerRIGHT_SQUARE_BRACKET:
			depth--
			if depth == 0 {
				return i+1 < len(head)
			}
		}
	}
	return false
}
