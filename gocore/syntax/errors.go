package syntax

import (
	"fmt"
	"sort"
	"strings"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax/internal/gen"
)

// errorListener turns ANTLR's syntax errors into SYNTAX_ERROR diagnostics
// with plain-English messages. It keeps at most one error per physical and
// per logical line (the first); the error strategy (lineRecovery) limits
// cascades further by staying silent until a real token has been matched
// again, and parse.filterSyntaxErrors removes the remaining consequences.
type errorListener struct {
	*antlr.DefaultErrorListener
	p       *parse
	diags   diag.List
	lines   map[int]bool
	logical map[int]bool  // logical lines (see logicalLineOf) with an error
	at      []int         // token indexes of all offending tokens (also unreported ones)
	toks    []antlr.Token // offending token of each diagnostic in diags
}

// within reports whether an error was reported at a token index in [i, j].
func (l *errorListener) within(i, j int) bool {
	for _, k := range l.at {
		if k >= i && k <= j {
			return true
		}
	}
	return false
}

func newErrorListener(p *parse) *errorListener {
	return &errorListener{DefaultErrorListener: antlr.NewDefaultErrorListener(), p: p, lines: map[int]bool{}, logical: map[int]bool{}}
}

func (l *errorListener) SyntaxError(rec antlr.Recognizer, offending interface{}, line, column int, msg string, e antlr.RecognitionException) {
	tok, _ := offending.(antlr.Token)
	if tok == nil {
		return
	}
	l.at = append(l.at, tok.GetTokenIndex())
	r := l.p.src.tokenRange(tok)
	// One error per physical line, and one per logical line: an error at a
	// layout token belongs to the logical line that ends there (a NEWLINE is
	// positioned on the following line), and lines joined by a kernel comma
	// are one logical line.
	logical := l.p.logicalLineOf(tok)
	if l.lines[r.Start.Line] || l.logical[logical] {
		return
	}
	l.logical[logical] = true
	l.lines[r.Start.Line] = true
	parser, _ := rec.(antlr.Parser)
	found := describeFound(tok)
	var text string
	switch {
	case strings.HasPrefix(msg, "missing "), strings.HasPrefix(msg, "mismatched input "), strings.HasPrefix(msg, "extraneous input "):
		exp := describeExpected(parser)
		if exp == "" {
			text = "unexpected " + found
		} else {
			text = fmt.Sprintf("expected %s but found %s", exp, found)
		}
	case strings.HasPrefix(msg, "no viable alternative"):
		text = "unexpected " + found
		if parser != nil && parser.GetCurrentToken() == tok {
			if exp := describeExpected(parser); exp != "" {
				text = fmt.Sprintf("expected %s but found %s", exp, found)
			}
		}
	default:
		text = "unexpected " + found
	}
	l.diags.Add(diag.SyntaxError, diag.Error, r, hintFor(l.p, tok), "%s", text)
	l.toks = append(l.toks, tok)
}

// describeFound names an offending token for a message.
func describeFound(t antlr.Token) string {
	switch t.GetTokenType() {
	case antlr.TokenEOF:
		return "end of file"
	case gen.NestmlParserNEWLINE:
		return "end of line"
	case gen.NestmlParserINDENT:
		return "an indented line"
	case gen.NestmlParserDEDENT:
		return "end of block (dedent)"
	case gen.NestmlParserKERNEL_JOINING:
		return "',' at the end of the line"
	case gen.NestmlParserNAME:
		return fmt.Sprintf("name '%s'", t.GetText())
	case gen.NestmlParserUNSIGNED_INTEGER, gen.NestmlParserFLOAT:
		return fmt.Sprintf("number %s", t.GetText())
	case gen.NestmlParserSTRING_LITERAL:
		return fmt.Sprintf("string %s", t.GetText())
	case gen.NestmlParserBOOLEAN_LITERAL:
		return fmt.Sprintf("'%s'", t.GetText())
	}
	return fmt.Sprintf("'%s'", t.GetText())
}

// tokenName names an expected token type.
func tokenName(tt int) string {
	switch tt {
	case antlr.TokenEOF:
		return "end of file"
	case gen.NestmlParserNEWLINE:
		return "end of line"
	case gen.NestmlParserINDENT:
		return "an indented block"
	case gen.NestmlParserDEDENT:
		return "end of block"
	case gen.NestmlParserKERNEL_JOINING:
		return "',' followed by a line break"
	case gen.NestmlParserNAME:
		return "a name"
	case gen.NestmlParserUNSIGNED_INTEGER:
		return "an integer"
	case gen.NestmlParserFLOAT:
		return "a floating-point number"
	case gen.NestmlParserSTRING_LITERAL:
		return "a string"
	case gen.NestmlParserBOOLEAN_LITERAL:
		return "true or false"
	}
	names := gen.NestmlParserParserStaticData.LiteralNames
	if tt > 0 && tt < len(names) && names[tt] != "" {
		return names[tt]
	}
	sym := gen.NestmlParserParserStaticData.SymbolicNames
	if tt > 0 && tt < len(sym) {
		return sym[tt]
	}
	return fmt.Sprintf("token %d", tt)
}

var (
	exprStart = []int{gen.NestmlParserNAME, gen.NestmlParserUNSIGNED_INTEGER, gen.NestmlParserFLOAT,
		gen.NestmlParserLEFT_PAREN, gen.NestmlParserMINUS, gen.NestmlParserPLUS, gen.NestmlParserTILDE,
		gen.NestmlParserNOT_KEYWORD, gen.NestmlParserSTRING_LITERAL, gen.NestmlParserBOOLEAN_LITERAL,
		gen.NestmlParserINF_KEYWORD}
	binaryOps = []int{gen.NestmlParserSTAR_STAR, gen.NestmlParserSTAR, gen.NestmlParserFORWARD_SLASH,
		gen.NestmlParserDOUBLE_FORWARD_SLASH, gen.NestmlParserPERCENT, gen.NestmlParserPLUS, gen.NestmlParserMINUS,
		gen.NestmlParserAMPERSAND, gen.NestmlParserCARET, gen.NestmlParserPIPE, gen.NestmlParserLEFT_LEFT_ANGLE,
		gen.NestmlParserRIGHT_RIGHT_ANGLE, gen.NestmlParserLEFT_ANGLE, gen.NestmlParserLEFT_ANGLE_EQUALS,
		gen.NestmlParserEQUALS_EQUALS, gen.NestmlParserEXCLAMATION_EQUALS, gen.NestmlParserLEFT_ANGLE_RIGHT_ANGLE,
		gen.NestmlParserRIGHT_ANGLE_EQUALS, gen.NestmlParserRIGHT_ANGLE, gen.NestmlParserAND_KEYWORD,
		gen.NestmlParserOR_KEYWORD, gen.NestmlParserQUESTION}
	typeStart = []int{gen.NestmlParserINTEGER_KEYWORD, gen.NestmlParserREAL_KEYWORD, gen.NestmlParserSTRING_KEYWORD,
		gen.NestmlParserBOOLEAN_KEYWORD, gen.NestmlParserVOID_KEYWORD}
	blockStart = []int{gen.NestmlParserSTATE_KEYWORD, gen.NestmlParserPARAMETERS_KEYWORD, gen.NestmlParserINTERNALS_KEYWORD,
		gen.NestmlParserEQUATIONS_KEYWORD, gen.NestmlParserINPUT_KEYWORD, gen.NestmlParserOUTPUT_KEYWORD,
		gen.NestmlParserUPDATE_KEYWORD, gen.NestmlParserFUNCTION_KEYWORD, gen.NestmlParserON_RECEIVE_KEYWORD,
		gen.NestmlParserON_CONDITION_KEYWORD}
)

// describeExpected summarises the tokens the parser expects now, or returns
// "" if there are too many to be helpful.
func describeExpected(parser antlr.Parser) (s string) {
	if parser == nil {
		return ""
	}
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	set := parser.GetExpectedTokens()
	if set == nil {
		return ""
	}
	in := map[int]bool{}
	for _, iv := range set.GetIntervals() {
		for t := iv.Start; t < iv.Stop; t++ {
			in[t] = true
		}
	}
	if in[gen.NestmlParserMODEL_KEYWORD] && in[antlr.TokenEOF] {
		// Top level: blank lines, end of file and (for an indented first
		// line) INDENT are possible too, but only 'model' is helpful.
		return "'model'"
	}
	var parts []string
	group := func(members []int, min int, label string) {
		n := 0
		for _, t := range members {
			if in[t] {
				n++
			}
		}
		if n >= min {
			for _, t := range members {
				delete(in, t)
			}
			parts = append(parts, label)
		}
	}
	group(blockStart, 6, "a block ('state:', 'update:', …)")
	if n := count(in, typeStart); n == len(typeStart) {
		for _, t := range []int{gen.NestmlParserLEFT_PAREN, gen.NestmlParserNAME, gen.NestmlParserUNSIGNED_INTEGER} {
			delete(in, t)
		}
	}
	group(typeStart, 5, "a data type")
	group(exprStart, 6, "an expression")
	group(binaryOps, 8, "an operator")
	var rest []int
	for t := range in {
		if t == antlr.TokenEpsilon {
			continue
		}
		rest = append(rest, t)
	}
	sort.Ints(rest)
	for _, t := range rest {
		parts = append(parts, tokenName(t))
	}
	if len(parts) == 0 || len(parts) > 6 {
		return ""
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

func count(in map[int]bool, members []int) int {
	n := 0
	for _, t := range members {
		if in[t] {
			n++
		}
	}
	return n
}

// hintFor suggests a fix for the lexing pitfalls of language.md §3.10 and
// the layout rules of §3.3 and §3.6.
func hintFor(p *parse, t antlr.Token) (hint string) {
	defer func() {
		if recover() != nil {
			hint = ""
		}
	}()
	switch t.GetTokenType() {
	case gen.NestmlParserLEFT_ANGLE_MINUS:
		return "'<-' is the port arrow; to compare with a negative value write 'a < -b'"
	case gen.NestmlParserRIGHT_RIGHT_SQUARE:
		return "']]' closes a guard; to close two brackets write '] ]', as in 'x[y[1] ]'"
	case gen.NestmlParserKERNEL_JOINING:
		return "a comma at the end of a line joins kernel equations; keep lists on one line or continue the line with '\\'"
	case gen.NestmlParserCOMMA:
		if setContains(p.parser.GetExpectedTokens(), gen.NestmlParserKERNEL_JOINING) {
			return "the equations of a kernel are written one per line, each line but the last ending with a comma"
		}
	case gen.NestmlParserNEWLINE:
		if p.openParens(t.GetTokenIndex()) > 0 {
			return "a line break inside parentheses needs a '\\' at the end of the line (there is no implicit line joining)"
		}
	}
	return ""
}

// openParens counts the parentheses left open on the logical line that ends
// at token index i.
func (p *parse) openParens(i int) int {
	n := 0
	for j := i - 1; j >= 0; j-- {
		u := p.tokens.Get(j)
		if u.GetChannel() != chanDefault {
			continue
		}
		switch u.GetTokenType() {
		case tokNEWLINE, tokINDENT, tokDEDENT:
			return n
		case gen.NestmlParserLEFT_PAREN:
			n++
		case gen.NestmlParserRIGHT_PAREN:
			n--
		}
	}
	return n
}

// lineRecovery is ANTLR's default error strategy (single-token insertion
// and deletion inside a rule) with line- and block-oriented
// resynchronisation instead of follow-set resynchronisation, so that one
// mistake does not cascade into errors on the following lines:
//
//   - a rule that owns a whole line (a statement, an equation, a port, a
//     block header …) skips to the end of the logical line and consumes
//     its NEWLINE; if the broken line opens an indented block, the block is
//     skipped with it;
//   - a block rule that fails inside its body skips to the end of its block;
//   - other rules (expressions, declarations …) skip to the end of the line
//     and leave the NEWLINE to the rule that owns the line;
//   - an unexpected token at the start of a loop iteration or sub-rule is
//     reported once and the rest of its line is skipped.
type lineRecovery struct {
	*antlr.DefaultErrorStrategy
	lastIndex  int
	lastStates map[int]bool
}

func newLineRecovery() *lineRecovery {
	return &lineRecovery{DefaultErrorStrategy: antlr.NewDefaultErrorStrategy(), lastIndex: -1}
}

type ruleRole int

const (
	roleInner ruleRole = iota // the line's NEWLINE belongs to a caller
	roleLine                  // owns a whole line including its NEWLINE
	roleBlock                 // header ":" NEWLINE INDENT … DEDENT
	roleBody                  // the statements inside a block
)

func role(rule int) ruleRole {
	switch rule {
	case gen.NestmlParserRULE_model, gen.NestmlParserRULE_variableBlock, gen.NestmlParserRULE_equationsBlock,
		gen.NestmlParserRULE_inputBlock, gen.NestmlParserRULE_outputBlock, gen.NestmlParserRULE_updateBlock,
		gen.NestmlParserRULE_onReceiveBlock, gen.NestmlParserRULE_onConditionBlock,
		gen.NestmlParserRULE_functionDefinition, gen.NestmlParserRULE_ifStmt, gen.NestmlParserRULE_elifClause,
		gen.NestmlParserRULE_elseClause, gen.NestmlParserRULE_forStmt, gen.NestmlParserRULE_whileStmt:
		return roleBlock
	case gen.NestmlParserRULE_modelBodyElement, gen.NestmlParserRULE_equationElement,
		gen.NestmlParserRULE_inlineExpression, gen.NestmlParserRULE_odeEquation, gen.NestmlParserRULE_kernel,
		gen.NestmlParserRULE_inputPort, gen.NestmlParserRULE_spikeInputPort,
		gen.NestmlParserRULE_continuousInputPort, gen.NestmlParserRULE_stmt, gen.NestmlParserRULE_smallStmt,
		gen.NestmlParserRULE_compoundStmt:
		return roleLine
	case gen.NestmlParserRULE_stmtsBody:
		return roleBody
	}
	return roleInner
}

// openBlock reports whether ctx has matched its INDENT but not its DEDENT.
func openBlock(ctx antlr.ParserRuleContext) bool {
	open := false
	for _, c := range ctx.GetChildren() {
		if t, ok := c.(antlr.TerminalNode); ok {
			switch t.GetSymbol().GetTokenType() {
			case gen.NestmlParserINDENT:
				open = true
			case gen.NestmlParserDEDENT:
				open = false
			}
		}
	}
	return open
}

func (s *lineRecovery) Recover(p antlr.Parser, _ antlr.RecognitionException) {
	ts := p.GetTokenStream()
	if s.lastIndex == ts.Index() && s.lastStates[p.GetState()] {
		// Another error at the same token and state: consume one token to
		// guarantee progress.
		if ts.LA(1) != antlr.TokenEOF {
			p.Consume()
		}
	}
	if s.lastIndex != ts.Index() {
		s.lastStates = map[int]bool{}
	}
	s.lastIndex = ts.Index()
	s.lastStates[p.GetState()] = true

	ctx := p.GetParserRuleContext()
	switch role(ctx.GetRuleIndex()) {
	case roleBlock:
		if openBlock(ctx) {
			s.skipToBlockEnd(p, true)
			return
		}
		s.skipLine(p, true)
		if ts.LA(1) == gen.NestmlParserNEWLINE {
			p.Consume()
		}
	case roleLine:
		s.skipLine(p, true)
		if ts.LA(1) == gen.NestmlParserNEWLINE {
			p.Consume()
		}
	case roleBody:
		s.skipToBlockEnd(p, false)
	default:
		s.skipLine(p, false)
	}
}

func (s *lineRecovery) Sync(p antlr.Parser) {
	if s.InErrorRecoveryMode(p) {
		return
	}
	ts := p.GetTokenStream()
	la := ts.LA(1)
	if wr, ok := p.(interface {
		GetExpectedTokensWithinCurrentRule() *antlr.IntervalSet
	}); ok {
		next := wr.GetExpectedTokensWithinCurrentRule()
		if setContains(next, antlr.TokenEpsilon) || setContains(next, la) {
			return
		}
	} else if p.IsExpectedToken(la) {
		return
	}
	// An unexpected token where a sub-rule or loop iteration starts.
	if !isLayoutType(la) && s.SingleTokenDeletion(p) != nil {
		return
	}
	s.ReportError(p, antlr.NewInputMisMatchException(p))
	ctx := p.GetParserRuleContext()
	// Inside an expression or declaration the block after the line (if any)
	// is left to the rule owning the line (a block header recovers with
	// single-token insertion of ':' and parses its body).
	s.skipLine(p, role(ctx.GetRuleIndex()) != roleInner)
	if ts.LA(1) == gen.NestmlParserNEWLINE && role(ctx.GetRuleIndex()) == roleBlock && openBlock(ctx) {
		// Continue with the next line of the block.
		p.Consume()
	}
}

// ReportMatch leaves error-recovery mode only when a real token is
// matched: matching a NEWLINE, INDENT or DEDENT right after an error does
// not show that the parser is back in step.
func (s *lineRecovery) ReportMatch(p antlr.Parser) {
	if isLayoutType(p.GetTokenStream().LA(1)) && s.InErrorRecoveryMode(p) {
		return
	}
	s.DefaultErrorStrategy.ReportMatch(p)
}

// RecoverInline is the default single-token deletion and insertion, except
// that layout tokens are never deleted and a NEWLINE is never conjured (a
// line that goes on after a complete statement is an error of that line),
// and neither are INDENT or DEDENT (that would unbalance the blocks).
func (s *lineRecovery) RecoverInline(p antlr.Parser) antlr.Token {
	la := p.GetTokenStream().LA(1)
	if !isLayoutType(la) {
		if t := s.SingleTokenDeletion(p); t != nil {
			p.Consume()
			return t
		}
	}
	exp := p.GetExpectedTokens()
	if !setContains(exp, gen.NestmlParserNEWLINE) && !setContains(exp, gen.NestmlParserINDENT) &&
		!setContains(exp, gen.NestmlParserDEDENT) && s.SingleTokenInsertion(p) {
		return s.GetMissingSymbol(p)
	}
	p.SetError(antlr.NewInputMisMatchException(p))
	return nil
}

func isLayoutType(tt int) bool {
	switch tt {
	case gen.NestmlParserNEWLINE, gen.NestmlParserINDENT, gen.NestmlParserDEDENT, antlr.TokenEOF:
		return true
	}
	return false
}

// skipLine consumes the rest of the logical line. With block set, an
// indented block that follows the line is consumed as well (the NEWLINE
// before it included).
func (s *lineRecovery) skipLine(p antlr.Parser, block bool) {
	ts := p.GetTokenStream()
	for {
		switch ts.LA(1) {
		case antlr.TokenEOF, gen.NestmlParserDEDENT:
			return
		case gen.NestmlParserNEWLINE:
			if block && ts.LA(2) == gen.NestmlParserINDENT {
				p.Consume()
				s.skipBlock(p)
			}
			return
		case gen.NestmlParserINDENT:
			s.skipBlock(p)
		default:
			p.Consume()
		}
	}
}

// skipBlock consumes a balanced INDENT … DEDENT block starting at LT(1).
func (s *lineRecovery) skipBlock(p antlr.Parser) {
	ts := p.GetTokenStream()
	depth := 0
	for {
		switch ts.LA(1) {
		case antlr.TokenEOF:
			return
		case gen.NestmlParserINDENT:
			depth++
		case gen.NestmlParserDEDENT:
			depth--
			if depth <= 0 {
				p.Consume()
				return
			}
		}
		p.Consume()
	}
}

// skipToBlockEnd consumes up to the DEDENT that closes the current block,
// and that DEDENT too if consume is set.
func (s *lineRecovery) skipToBlockEnd(p antlr.Parser, consume bool) {
	ts := p.GetTokenStream()
	depth := 0
	for {
		switch ts.LA(1) {
		case antlr.TokenEOF:
			return
		case gen.NestmlParserINDENT:
			depth++
		case gen.NestmlParserDEDENT:
			if depth == 0 {
				if consume {
					p.Consume()
				}
				return
			}
			depth--
		}
		p.Consume()
	}
}

func setContains(set *antlr.IntervalSet, t int) bool {
	if set == nil {
		return false
	}
	for _, iv := range set.GetIntervals() {
		if t >= iv.Start && t < iv.Stop {
			return true
		}
	}
	return false
}
