package gen

// Hand-written companion of the generated parser (not generated; kept by
// generate.sh). It implements the semantic predicate of the literalUnit rule.

import (
	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/units"
)

// unitFactorFollows implements the vocabulary rule of language.md §4.12: the
// unit part of a numeric literal continues over the `*` or `/` at LT(1) only
// if the next factor is a name of the unit vocabulary, or a `(` whose content
// up to the matching `)` is a unit type made of vocabulary names.
func (p *NestmlParser) unitFactorFollows() bool {
	return UnitFactorFollows(p.GetTokenStream())
}

// UnitFactorFollows is unitFactorFollows on an arbitrary token stream whose
// LT(1) is the operator.
func UnitFactorFollows(ts antlr.TokenStream) bool {
	t := ts.LT(2)
	switch t.GetTokenType() {
	case NestmlParserNAME:
		return units.IsName(t.GetText())
	case NestmlParserLEFT_PAREN:
		u := unitScanner{ts: ts, k: 2}
		return u.paren() && u.ok
	}
	return false
}

// unitScanner checks, by bounded lookahead, that the tokens from LT(k) on
// form a parenthesised literal unit over vocabulary names:
//
//	unit     = primary { ("*" | "/") primary | "**" exponent }
//	primary  = NAME | "(" unit ")"
//	exponent = ["+"|"-"] (INT|FLOAT) | ["-"] "(" INT "/" INT ")"
type unitScanner struct {
	ts antlr.TokenStream
	k  int
	ok bool
}

func (u *unitScanner) la() int { return u.ts.LT(u.k).GetTokenType() }

func (u *unitScanner) eat(tt int) bool {
	if u.la() == tt {
		u.k++
		return true
	}
	return false
}

// paren parses "(" unit ")" and sets ok.
func (u *unitScanner) paren() bool {
	if !u.eat(NestmlParserLEFT_PAREN) {
		return false
	}
	if !u.unit() {
		return false
	}
	u.ok = u.eat(NestmlParserRIGHT_PAREN)
	return u.ok
}

func (u *unitScanner) primary() bool {
	switch u.la() {
	case NestmlParserNAME:
		if !units.IsName(u.ts.LT(u.k).GetText()) {
			return false
		}
		u.k++
		return true
	case NestmlParserLEFT_PAREN:
		return u.paren()
	}
	return false
}

func (u *unitScanner) unit() bool {
	if !u.primary() {
		return false
	}
	for {
		switch u.la() {
		case NestmlParserSTAR, NestmlParserFORWARD_SLASH:
			u.k++
			if !u.primary() {
				return false
			}
		case NestmlParserSTAR_STAR:
			u.k++
			if !u.exponent() {
				return false
			}
		default:
			return true
		}
	}
}

func (u *unitScanner) exponent() bool {
	switch u.la() {
	case NestmlParserPLUS:
		u.k++
		return u.eat(NestmlParserUNSIGNED_INTEGER) || u.eat(NestmlParserFLOAT)
	case NestmlParserMINUS:
		u.k++
		if u.la() == NestmlParserLEFT_PAREN {
			return u.fraction()
		}
		return u.eat(NestmlParserUNSIGNED_INTEGER) || u.eat(NestmlParserFLOAT)
	case NestmlParserLEFT_PAREN:
		return u.fraction()
	}
	return u.eat(NestmlParserUNSIGNED_INTEGER) || u.eat(NestmlParserFLOAT)
}

func (u *unitScanner) fraction() bool {
	return u.eat(NestmlParserLEFT_PAREN) && u.eat(NestmlParserUNSIGNED_INTEGER) &&
		u.eat(NestmlParserFORWARD_SLASH) && u.eat(NestmlParserUNSIGNED_INTEGER) &&
		u.eat(NestmlParserRIGHT_PAREN)
}
