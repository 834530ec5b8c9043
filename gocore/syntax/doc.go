// Package syntax is the parser stage of nestml_go: it turns the text of a
// .nestml file into the syntax tree of package ast, and the tree back into
// canonical text.
//
//	Parse(path, src) (*ast.File, diag.List)   // never panics; File is never nil
//	ParseExpr(src) (ast.Expr, diag.List)      // one expression, for tools and tests
//	Print(*ast.File) string                   // canonical NESTML 9.0 text
//	PrintExpr(ast.Expr), PrintUnit(*ast.UnitExpr)
//
// ANTLR types never leave this package.
//
// # Grammar
//
// grammar/NestmlLexer.g4 and grammar/NestmlParser.g4 are our own ANTLR 4
// grammar, written rule for rule from docs/language.md §3, §4, Appendix A and
// Appendix C. The Go code in internal/gen is generated from them by
// generate.sh (go generate; ANTLR tool and Go runtime both 4.13.1) and
// committed. internal/gen/predicates.go is hand-written.
//
// Precedence follows §4.11 through the order of the alternatives of the
// left-recursive expression rule: `**` (right-associative) binds tightest,
// then unary + - ~, then * / // %, binary + -, the five bit operators on one
// level, the comparisons (left-associative, no chaining), `not`, `and`/`or` on
// one level, and the conditional, whose else branch does not nest to the
// right (`a ? b : c ? d : e` is `(a ? b : c) ? d : e`).
//
// # Layout tokens
//
// The generated lexer only lexes a raw line terminator plus the indentation
// that follows it. layoutLexer (layout.go) embeds it, overrides NextToken
// with a queue and implements §3.5 exactly:
//
//   - a NEWLINE candidate (line terminator + blanks, or blanks at the very
//     start of the file) followed by \n, \r, \f or # and at least one more
//     character is a blank or comment-only line: its NEWLINE goes to the
//     comment channel and the indentation stack is untouched;
//   - otherwise the NEWLINE is significant; a wider line pushes its width
//     (tabs advance to the next multiple of 8) and emits INDENT, a narrower
//     one pops and emits one DEDENT per popped width; landing between two
//     widths is reported as INCONSISTENT_DEDENT;
//   - at end of input a non-empty stack is flushed as NEWLINE + DEDENTs;
//   - a significant NEWLINE and an INDENT are positioned at the first
//     character after the indentation (so a token missing at the end of line
//     n is reported on the next non-blank line, column of its indentation,
//     usually n+1 col 0); a DEDENT carries the line of the last real
//     default-channel token before it; tokens flushed at end of input carry
//     the end-of-file position.
//
// KERNEL_JOINING (a comma directly followed by a line terminator) and
// LINE_ESCAPE (backslash + line terminator, hidden) swallow the line
// terminator and the next line's indentation, so they never produce layout
// tokens. WS is hidden, `#` comments are on channel 2; Parse returns every
// comment in File.Comments and takes the block of comment-only lines directly
// above `model` (no blank line in between) as Model.Doc.
//
// Characters that match no token are lexed as ERROR_CHAR or
// UNTERMINATED_STRING (the lexer never fails) and reported as LEXICAL_ERROR;
// positions are converted from ANTLR's rune columns to byte columns.
//
// # Literal units and the vocabulary predicate
//
// After a number, the grammar parses a literalUnit: a copy of unitType
// without the `1/…` numerator alternative (§4.12). Its `*`/`/` alternative
// carries the semantic predicate unitFactorFollows, which lets the unit part
// continue only if the next factor is a name for which units.IsName is true,
// or a parenthesised unit made only of such names (checked by bounded
// lookahead to the matching parenthesis). So `3 mV / ms` is one literal, and
// `10 pA / g_scale` and `2 pA * w ** 2` are products with a literal operand.
//
// # Syntax errors
//
// Errors are reported by an ANTLR error listener as SYNTAX_ERROR with plain
// English messages ("expected ':' but found end of line"), built from the
// offending token and the parser's expected-token set, with hints for the
// known pitfalls (`a<-b`, `x[y[1]]`, a comma at a line end, a line break
// inside parentheses). The error strategy (lineRecovery) is ANTLR's default
// in-rule repair (single-token deletion and insertion, but never of layout
// tokens) with line- and block-oriented resynchronisation: a rule that owns
// a line skips to its end, a block whose header is broken is skipped with its
// body, an unexpected indented block is skipped as a whole. On top of that:
//
//   - at most one error per physical line and per logical line (an error at
//     a NEWLINE belongs to the line it ends);
//   - errors inside the indented block of a line that already has an error
//     are dropped, as are syntax errors caused by an inconsistent dedent;
//     only the first INCONSISTENT_DEDENT is kept;
//   - after a lexical error only the lexical errors are reported (upstream
//     stops at the first one).
//
// Upstream reports only the last syntax error of a file; in the conformance
// corpus the first and the last syntax error are always on the same line,
// and the first one is always reported here.
//
// After a lexical or syntax error, the token stream is scanned for the
// constructs of older NESTML versions listed in §19 (neuron/synapse
// headers, `end`, initial_values, shape, typed spike ports, `<- current`,
// output attributes, `"""` docstrings, for loops without `step`,
// curr_sum/cond_sum), each reported as OLD_SYNTAX with a hint giving the new
// form.
//
// A file with lexical or syntax errors is invalid as a whole. Parse then
// still returns the models whose text parsed without any error (complete
// trees), for tools; a file without models and without errors gets
// NO_MODEL_IN_FILE. Integer literals beyond int64 get
// INTEGER_LITERAL_OVERFLOW.
//
// # Tree details
//
// Every node has a Range from its first token to the end of its last token
// (layout tokens excluded). Parentheses are kept as Paren nodes (UnitParen in
// units). Unit exponents are exact rationals (ExpNum/ExpDen: 0.5 is 1/2,
// -(1/2) is -1/2) with ExpText as written without blanks. The step of a for
// loop is a NumberLit with the sign folded into Text, Int and Value.
// `@homogeneous` is the decorator with empty Namespace and Name
// "homogeneous".
//
// # Printer
//
// Print writes canonical text (four spaces per level, one blank line between
// blocks, the model documentation as # lines above the header, no other
// comments). Because Paren nodes are kept, printing the tokens in tree order
// reproduces the parse; the printer only takes care of the lexical pitfalls
// (it writes `x[y[1] ]`, spaces around binary operators, and ends a line with
// the kernel comma). Parsing the output gives a tree equal to the input up to
// ranges; the tests check this for the whole corpus and in FuzzParse.
package syntax
