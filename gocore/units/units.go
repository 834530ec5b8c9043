package units

import (
	"strings"
)

// IsName reports whether name is in the NESTML unit vocabulary
// (language.md §7.3, Appendix B). The parser calls it to recognise unit
// names after numeric literals and inside data types.
func IsName(name string) bool {
	_, ok := vocab.units[name]
	return ok
}

// mistakes maps common non-vocabulary spellings to what to write instead.
// Some suggestions are short unit expressions rather than single names
// (there is no molar unit: a concentration is mol/L).
var mistakes = map[string]string{
	"min":   "minute",
	"mins":  "minute",
	"sec":   "s",
	"secs":  "s",
	"msec":  "ms",
	"usec":  "us",
	"nsec":  "ns",
	"M":     "mol/L",
	"molar": "mol/L",
	"mM":    "mmol/L",
	"uM":    "umol/L",
	"nM":    "nmol/L",
	"pM":    "pmol/L",
	"degC":  "deg_C",
}

// common are the units neuroscience models use most, preferred by Suggest
// among equally close candidates and by String as display names.
var common = []string{
	"mV", "V", "uV", "ms", "s", "us", "ns",
	"pA", "nA", "uA", "mA", "A",
	"pF", "nF", "uF", "F",
	"nS", "uS", "mS", "pS", "S",
	"GOhm", "MOhm", "kOhm", "Ohm",
	"Hz", "mmol", "umol", "nmol", "mol",
	"um", "mm", "cm", "m", "nm",
	"K", "kg", "g", "mg", "L", "mL",
	"J", "W", "N", "Pa", "C", "pC", "fC", "cd", "rad", "sr",
}

var commonSet = func() map[string]bool {
	m := make(map[string]bool, len(common))
	for _, n := range common {
		m[n] = true
	}
	return m
}()

// Suggest returns a did-you-mean suggestion for a name that is not in the
// vocabulary, for the hint of UNKNOWN_UNIT, or "" if nothing is close. It
// returns "" for names that are units: many short names that look like
// typos are real units ("pa" is a pico-annum, "ma" a milli-annum).
//
// The suggestion is, in order of preference: a fixed replacement for a few
// well-known non-units ("min" → "minute", "mM" → "mmol/L", "msec" → "ms");
// the name with a µ or μ prefix written as u; the vocabulary name nearest
// by edit distance (optimal string alignment: insertions, deletions,
// substitutions, adjacent transpositions), ignoring case, at most 2.
// Candidates are ranked by that distance, then common neuroscience units
// first ("mv" → "mV", not the megavolt "MV"; "mohms" → "MOhm"), then by
// the case-sensitive distance, then by closeness of length, then
// alphabetically. Short names need a closer match: the distance may be at
// most (len(name)-1)/2, so a one- or two-letter name only matches a
// differently capitalised unit ("hz" → "Hz").
func Suggest(name string) string {
	if name == "" || IsName(name) {
		return ""
	}
	if s, ok := mistakes[name]; ok {
		return s
	}
	for _, mu := range []string{"µ", "μ"} {
		if rest, ok := strings.CutPrefix(name, mu); ok && IsName("u"+rest) {
			return "u" + rest
		}
	}
	maxFold := min(2, (len(name)-1)/2)
	lname := strings.ToLower(name)
	best := ""
	var bestKey [4]int
	for i, c := range vocab.names {
		if abs(len(c)-len(name)) > maxFold {
			continue
		}
		df := osaDistance(lname, vocab.lower[i], maxFold)
		if df > maxFold {
			continue
		}
		de := osaDistance(name, c, len(name)+len(c))
		notCommon := 1
		if commonSet[c] {
			notCommon = 0
		}
		key := [4]int{df, notCommon, de, abs(len(c) - len(name))}
		if best == "" || less(key, bestKey) || (key == bestKey && c < best) {
			best, bestKey = c, key
		}
	}
	return best
}

func less(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// osaDistance returns the optimal-string-alignment distance between a and
// b (bytes), or max+1 as soon as it is known to exceed max.
func osaDistance(a, b string, max int) int {
	if abs(len(a)-len(b)) > max {
		return max + 1
	}
	// Three rolling rows: prev2 (i-2), prev (i-1), cur (i).
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}
