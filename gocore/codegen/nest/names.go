package nest

import "strings"

// cppReserved lists C++ keywords and the identifiers that generated code uses
// itself in the scopes where NESTML names appear (locals of update(), members
// and enumerators of the nested structs). A NESTML name in this set gets a
// trailing '_' in C++; status dictionary keys keep the original name.
var cppReserved = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
alignas alignof and and_eq asm auto bitand bitor bool break case catch char
char8_t char16_t char32_t class compl concept const consteval constexpr
constinit const_cast continue co_await co_return co_yield decltype default
delete do double dynamic_cast else enum explicit export extern false float for
friend goto if inline int long mutable namespace new noexcept not not_eq
nullptr operator or or_eq private protected public register reinterpret_cast
requires return short signed sizeof static static_assert static_cast struct
switch template this thread_local throw true try typedef typeid typename union
unsigned using virtual void volatile wchar_t while xor xor_eq final override
import module
NULL assert errno std nest nestml_go main
origin lag from to e d ptmp stmp se
ode_state STATE_VEC_SIZE StateVecElems
P_ S_ V_ B_ Parameters_ State_ Variables_ Buffers_ recordablesMap_ logger_
INFINITY NAN HUGE_VAL EOF
`) {
		cppReserved[w] = true
	}
}

// cppName maps a NESTML identifier to the C++ identifier used for it. A '$'
// (legal in NESTML names such as the rise variable "g_AMPA$") becomes
// "__DOLLAR".
func cppName(n string) string {
	if strings.Contains(n, "$") {
		return strings.ReplaceAll(n, "$", "__DOLLAR")
	}
	if cppReserved[n] {
		return n + "_"
	}
	return n
}

// keyIdent is the C++ identifier of the status key constant of NESTML name n
// (inside the <model>_names namespace).
func keyIdent(n string) string {
	return "_" + strings.ReplaceAll(n, "$", "__DOLLAR")
}

// isNestmlIdent reports whether s is a NESTML variable name the generator can
// map to C++: an identifier that may also contain '$'.
func isNestmlIdent(s string) bool {
	return isIdent(strings.ReplaceAll(s, "$", "_"))
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	return isIdentTail(s[1:])
}

func isIdentTail(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// cString quotes s as a C++ string literal.
func cString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '?':
			b.WriteString(`\?`) // avoid trigraphs
		default:
			if r < 0x20 {
				b.WriteString(`\x`)
				b.WriteString(strings.ToLower(string("0123456789abcdef"[r>>4])))
				b.WriteByte("0123456789abcdef"[r&15])
				b.WriteString(`""`) // terminate the hex escape
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// oneLine makes s safe inside a one-line comment.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
