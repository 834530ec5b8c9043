package sym

import "math"

// Func1 maps the one-argument math functions of NESTML (language.md §8)
// to their float64 implementations. It is the one table that the
// evaluator of this package and the simulator (package sim) share, so
// that a constant folded here and the same call executed by the engine
// give the same bits.
var Func1 = map[string]func(float64) float64{
	"exp":   math.Exp,
	"expm1": math.Expm1,
	"ln":    math.Log,
	"log10": math.Log10,
	"sqrt":  math.Sqrt,
	"sin":   math.Sin,
	"cos":   math.Cos,
	"tan":   math.Tan,
	"sinh":  math.Sinh,
	"cosh":  math.Cosh,
	"tanh":  math.Tanh,
	"erf":   math.Erf,
	"erfc":  math.Erfc,
	"abs":   math.Abs,
	"ceil":  math.Ceil,
	"floor": math.Floor,
	"round": math.Round,
}

// Func2 maps the two-argument math functions of NESTML to their float64
// implementations (shared like Func1).
var Func2 = map[string]func(x, y float64) float64{
	"min": math.Min,
	"max": math.Max,
	"pow": math.Pow,
}

// Clip is NESTML's clip(x, lo, hi) = min(max(x, lo), hi).
func Clip(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }
