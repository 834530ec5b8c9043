package refsim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// ConnSpec is a NEST connection rule (nest.Connect's conn_spec).
type ConnSpec struct {
	// Rule is "all_to_all" (default), "one_to_one", "fixed_indegree",
	// "fixed_outdegree", "fixed_total_number" or "pairwise_bernoulli".
	Rule      string
	Indegree  int     // fixed_indegree
	Outdegree int     // fixed_outdegree
	N         int     // fixed_total_number
	P         float64 // pairwise_bernoulli
	// AllowAutapses and AllowMultapses follow NEST's defaults (true) when
	// the pointers are nil.
	AllowAutapses, AllowMultapses *bool
}

// Value is a per-connection weight or delay: a constant, an array with one
// value per connection (in the order connections are made), or a
// distribution ("normal" with Mean/Std, "uniform" with Min/Max,
// "lognormal" with Mu/Sigma, "exponential" with Beta).
type Value struct {
	Const        float64
	Array        []float64
	Distribution string
	Mean, Std    float64
	Min, Max     float64
	Mu, Sigma    float64
	Beta         float64
}

// ConstValue returns a constant Value.
func ConstValue(v float64) Value { return Value{Const: v} }

func (v Value) draw(k int, r *rand.Rand) (float64, error) {
	switch {
	case v.Array != nil:
		if k >= len(v.Array) {
			return 0, fmt.Errorf("an array of %d values is too short for the connections made", len(v.Array))
		}
		return v.Array[k], nil
	case v.Distribution == "":
		return v.Const, nil
	case v.Distribution == "normal":
		return v.Mean + v.Std*r.NormFloat64(), nil
	case v.Distribution == "uniform":
		return v.Min + (v.Max-v.Min)*r.Float64(), nil
	case v.Distribution == "lognormal":
		return math.Exp(v.Mu + v.Sigma*r.NormFloat64()), nil
	case v.Distribution == "exponential":
		return v.Beta * r.ExpFloat64(), nil
	}
	return 0, fmt.Errorf("unknown distribution %q (normal, uniform, lognormal, exponential)", v.Distribution)
}

// SetSeed seeds the network's random number generator (connection rules,
// distributions, Poisson generators). Results are reproducible for a seed.
func (n *Network) SetSeed(seed uint64) {
	n.seed = seed
	n.rng = rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

func (n *Network) random() *rand.Rand {
	if n.rng == nil {
		n.SetSeed(12345)
	}
	return n.rng
}

// ConnectSpec connects pre to post with a NEST connection rule, weights and
// delays (ms); port names the target's input port ("" = default routing).
// It returns the number of connections made.
func (n *Network) ConnectSpec(pre, post []int, spec ConnSpec, weight, delay Value, port string) (int, error) {
	if n.started {
		return 0, fmt.Errorf("connections cannot be added after the simulation has started")
	}
	if len(pre) == 0 || len(post) == 0 {
		return 0, fmt.Errorf("pre and post must not be empty")
	}
	autapses := spec.AllowAutapses == nil || *spec.AllowAutapses
	multapses := spec.AllowMultapses == nil || *spec.AllowMultapses
	r := n.random()
	var pairs [][2]int
	add := func(a, b int) { pairs = append(pairs, [2]int{a, b}) }
	switch spec.Rule {
	case "", "all_to_all":
		for _, a := range pre {
			for _, b := range post {
				if a != b || autapses {
					add(a, b)
				}
			}
		}
	case "one_to_one":
		if len(pre) != len(post) {
			return 0, fmt.Errorf("one_to_one needs as many sources as targets (%d vs %d)", len(pre), len(post))
		}
		for i := range pre {
			if pre[i] != post[i] || autapses {
				add(pre[i], post[i])
			}
		}
	case "fixed_indegree", "fixed_outdegree":
		from, to, k := pre, post, spec.Indegree
		if spec.Rule == "fixed_outdegree" {
			from, to, k = post, pre, spec.Outdegree
		}
		if k < 0 {
			return 0, fmt.Errorf("%s: the degree must be ≥ 0, got %d", spec.Rule, k)
		}
		if !multapses && k > len(from) {
			return 0, fmt.Errorf("%s: degree %d exceeds the %d candidates and multapses are not allowed", spec.Rule, k, len(from))
		}
		for _, b := range to {
			chosen := map[int]bool{}
			for c := 0; c < k; {
				a := from[r.IntN(len(from))]
				if (a == b && !autapses) || (!multapses && chosen[a]) {
					if !autapses && len(from) == 1 {
						return 0, fmt.Errorf("%s: no candidate other than the node itself", spec.Rule)
					}
					continue
				}
				chosen[a] = true
				if spec.Rule == "fixed_indegree" {
					add(a, b)
				} else {
					add(b, a)
				}
				c++
			}
		}
	case "fixed_total_number":
		if spec.N < 0 {
			return 0, fmt.Errorf("fixed_total_number: N must be ≥ 0, got %d", spec.N)
		}
		for c := 0; c < spec.N; {
			a, b := pre[r.IntN(len(pre))], post[r.IntN(len(post))]
			if a == b && !autapses {
				continue
			}
			add(a, b)
			c++
		}
	case "pairwise_bernoulli":
		if spec.P < 0 || spec.P > 1 || math.IsNaN(spec.P) {
			return 0, fmt.Errorf("pairwise_bernoulli: p must lie in [0, 1], got %v", spec.P)
		}
		for _, a := range pre {
			for _, b := range post {
				if (a != b || autapses) && r.Float64() < spec.P {
					add(a, b)
				}
			}
		}
	default:
		return 0, fmt.Errorf("unknown connection rule %q (all_to_all, one_to_one, fixed_indegree, fixed_outdegree, fixed_total_number, pairwise_bernoulli)", spec.Rule)
	}
	for k, pr := range pairs {
		w, err := weight.draw(k, r)
		if err != nil {
			return 0, fmt.Errorf("weight: %v", err)
		}
		d, err := delay.draw(k, r)
		if err != nil {
			return 0, fmt.Errorf("delay: %v", err)
		}
		// NEST rounds delays to the grid
		d = math.Max(math.Round(d/n.h)*n.h, n.h)
		if err := n.Connect([]int{pr[0]}, []int{pr[1]}, w, d, port); err != nil {
			return k, err
		}
	}
	return len(pairs), nil
}

// CreatePoissonGenerator adds a poisson_generator with the given rate (Hz),
// active for start < t ≤ stop. Like NEST's, it sends an independent Poisson
// spike train to each of its targets.
func (n *Network) CreatePoissonGenerator(rate, start, stop float64) (NodeRange, error) {
	if !(rate >= 0) || math.IsInf(rate, 0) {
		return NodeRange{}, fmt.Errorf("rate must be a finite number of Hz ≥ 0, got %v", rate)
	}
	g := &generator{kind: "poisson_generator", amplitude: rate, startStep: int64(math.Round(start / n.h)), stopStep: math.MaxInt64}
	if stop/n.h < float64(math.MaxInt64/2) {
		g.stopStep = int64(math.Round(stop / n.h))
	}
	n.gens = append(n.gens, g)
	return n.addNodes(1, func(int) node { return node{gen: g} }), nil
}

// poisson draws a Poisson-distributed count with mean lambda.
func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda < 30 {
		l, k, p := math.Exp(-lambda), 0, 1.0
		for {
			p *= r.Float64()
			if p <= l {
				return k
			}
			k++
		}
	}
	// normal approximation with continuity correction for large means
	x := math.Round(lambda + math.Sqrt(lambda)*r.NormFloat64())
	if x < 0 {
		return 0
	}
	return int(x)
}
