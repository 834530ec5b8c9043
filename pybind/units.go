package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"nestml_go/gocore/units"
)

// Unit strings from Python ("mV", "20 ms" after the number is split off,
// "mV/ms", "1 / ms", "nS mV", "ms**-1", "ns**(3/2)") are parsed here and
// converted with package units, so that Python and the core agree on every
// unit and every conversion factor. The accepted syntax is that of NESTML
// unit types (language.md §7.2) plus the canonical form units.Unit.String
// prints (juxtaposition for products, spaces around "/").

// parseUnit parses a unit expression. "" and "1" are the plain number.
func parseUnit(s string) (units.Unit, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "1" {
		return units.One(), nil
	}
	p := &unitParser{src: s}
	p.next()
	u, err := p.product()
	if err != nil {
		return units.Unit{}, err
	}
	if p.tok != "" {
		return units.Unit{}, fmt.Errorf("invalid unit %q: unexpected %q", s, p.tok)
	}
	if !u.IsValid() {
		return units.Unit{}, fmt.Errorf("invalid unit %q: its scale is out of range", s)
	}
	return u, nil
}

type unitParser struct {
	src string
	pos int
	tok string // current token; "" at the end
}

func (p *unitParser) next() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos >= len(p.src) {
		p.tok = ""
		return
	}
	rest := p.src[p.pos:]
	switch {
	case strings.HasPrefix(rest, "**"):
		p.tok = "**"
	case strings.ContainsRune("*/()-+", rune(rest[0])):
		p.tok = rest[:1]
	default:
		end := 0
		for i, r := range rest {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.') {
				break
			}
			end = i + len(string(r))
		}
		if end == 0 {
			_, size := firstRune(rest)
			end = size
		}
		p.tok = rest[:end]
	}
	p.pos += len(p.tok)
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i == 0 {
			return r, len(string(r))
		}
	}
	return 0, 1
}

func (p *unitParser) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid unit %q: %s", p.src, fmt.Sprintf(format, args...))
}

// product := power { ["*" | "/"] power }   (juxtaposition multiplies)
func (p *unitParser) product() (units.Unit, error) {
	u, err := p.power()
	if err != nil {
		return u, err
	}
	for {
		switch {
		case p.tok == "*" || p.tok == "/":
			op := p.tok
			p.next()
			v, err := p.power()
			if err != nil {
				return u, err
			}
			var ok bool
			if op == "*" {
				u, ok = u.TryMul(v)
			} else {
				u, ok = u.TryDiv(v)
			}
			if !ok {
				return u, p.errorf("its scale is out of range")
			}
		case p.tok == "(" || (p.tok != "" && p.tok != ")" && p.tok != "**" && p.tok != "-" && p.tok != "+"):
			v, err := p.power()
			if err != nil {
				return u, err
			}
			var ok bool
			if u, ok = u.TryMul(v); !ok {
				return u, p.errorf("its scale is out of range")
			}
		default:
			return u, nil
		}
	}
}

// power := atom ["**" exponent]
func (p *unitParser) power() (units.Unit, error) {
	u, err := p.atom()
	if err != nil {
		return u, err
	}
	if p.tok != "**" {
		return u, nil
	}
	p.next()
	e, err := p.exponent()
	if err != nil {
		return u, err
	}
	v, ok := u.TryPow(e)
	if !ok {
		return u, p.errorf("its scale is out of range")
	}
	return v, nil
}

// atom := name | "1" | "(" product ")"
func (p *unitParser) atom() (units.Unit, error) {
	switch t := p.tok; {
	case t == "":
		return units.Unit{}, p.errorf("a unit name is missing at the end")
	case t == "(":
		p.next()
		u, err := p.product()
		if err != nil {
			return u, err
		}
		if p.tok != ")" {
			return u, p.errorf("missing )")
		}
		p.next()
		return u, nil
	case t == "1":
		p.next()
		return units.One(), nil
	default:
		u, ok := units.Lookup(t)
		if !ok {
			msg := fmt.Sprintf("%q is not a unit", t)
			if s := units.Suggest(t); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return u, p.errorf("%s", msg)
		}
		p.next()
		return u, nil
	}
}

// exponent := ["-"] number | "(" ["-"] int "/" int ")"
func (p *unitParser) exponent() (units.Rat, error) {
	paren := p.tok == "("
	if paren {
		p.next()
	}
	sign := int64(1)
	if p.tok == "-" || p.tok == "+" {
		if p.tok == "-" {
			sign = -1
		}
		p.next()
	}
	r, err := decimalRat(p.tok)
	if err != nil {
		return r, p.errorf("bad exponent %q", p.tok)
	}
	p.next()
	if paren && p.tok == "/" {
		p.next()
		d, err := decimalRat(p.tok)
		if err != nil || d.IsZero() {
			return r, p.errorf("bad exponent denominator %q", p.tok)
		}
		p.next()
		r = r.Div(d)
	}
	if paren {
		if p.tok != ")" {
			return r, p.errorf("missing ) after the exponent")
		}
		p.next()
	}
	if sign < 0 {
		r = r.Neg()
	}
	return r, nil
}

// decimalRat parses "3", "0.5", "1.25" as an exact rational.
func decimalRat(s string) (units.Rat, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(frac) > 9 {
		return units.Rat{}, fmt.Errorf("too many digits")
	}
	num, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || num > math.MaxInt32 {
		return units.Rat{}, fmt.Errorf("not a number")
	}
	den := int64(1)
	for range frac {
		den *= 10
	}
	return units.NewRat(num, den), nil
}

// convertUnits returns the factor that converts a magnitude in from into
// one in to; incompatible units are an argument error naming both.
func convertUnits(from, to string) (float64, units.Unit, units.Unit, error) {
	fu, err := parseUnit(from)
	if err != nil {
		return 0, fu, fu, argErrorf("%v", err)
	}
	tu, err := parseUnit(to)
	if err != nil {
		return 0, fu, tu, argErrorf("%v", err)
	}
	if !fu.Compatible(tu) {
		return 0, fu, tu, argErrorf("cannot convert %s to %s: the units have different dimensions (%s vs. %s)",
			unitName(from, fu), unitName(to, tu), dimName(fu), dimName(tu))
	}
	return units.ConversionFactor(fu, tu), fu, tu, nil
}

func unitName(written string, u units.Unit) string {
	if strings.TrimSpace(written) == "" || strings.TrimSpace(written) == "1" {
		return "a plain number (1)"
	}
	return strings.TrimSpace(written)
}

func dimName(u units.Unit) string {
	if u.IsDimensionless() {
		return "dimensionless"
	}
	return u.Dim.String()
}

func init() {
	// units_convert {"from": "ms", "to": "s"} ->
	//   {"factor": 0.001, "from": "ms", "to": "s", "dimension": "s"}
	// A magnitude x in from is x·factor in to.
	register("units_convert", func(in json.RawMessage) (any, error) {
		var a struct {
			From *string `json:"from"`
			To   *string `json:"to"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		if a.From == nil || a.To == nil {
			return nil, argErrorf("units_convert needs \"from\" and \"to\"")
		}
		f, fu, tu, err := convertUnits(*a.From, *a.To)
		if err != nil {
			return nil, err
		}
		return map[string]any{"factor": f, "from": fu.String(), "to": tu.String(), "dimension": dimName(fu)}, nil
	})
}
