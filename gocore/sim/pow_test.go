package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPowIntMatchesMathPow: the fast integer powers equal math.Pow bit for
// bit, across magnitudes and signs, including the fallback ranges.
func TestPowIntMatchesMathPow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2_000_000; i++ {
		var x float64
		switch i % 5 {
		case 0:
			x = r.Float64()
		case 1:
			x = (r.Float64() - 0.5) * 200
		case 2:
			x = math.Exp((r.Float64() - 0.5) * 1400)
		case 3:
			x = -math.Exp((r.Float64() - 0.5) * 1400)
		case 4:
			x = []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1, -1, 1e-70, 1e70, 5e-324}[i/5%10]
		}
		for _, n := range []int{2, 3, 4} {
			got, want := powInt(x, n), math.Pow(x, float64(n))
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("powInt(%v, %d) = %v, math.Pow = %v", x, n, got, want)
			}
		}
	}
}
