package units

import (
	"math"
	"testing"
)

func TestRatNormalization(t *testing.T) {
	tests := []struct {
		num, den int64
		want     string
		n, d     int64
	}{
		{0, 5, "0", 0, 1},
		{4, 2, "2", 2, 1},
		{2, 4, "1/2", 1, 2},
		{-2, 4, "-1/2", -1, 2},
		{2, -4, "-1/2", -1, 2},
		{-3, -6, "1/2", 1, 2},
		{math.MinInt64, math.MinInt64, "1", 1, 1},
		{math.MinInt64, 2, "-4611686018427387904", math.MinInt64 / 2, 1},
	}
	for _, tt := range tests {
		r := NewRat(tt.num, tt.den)
		if r.String() != tt.want || r.Num() != tt.n || r.Den() != tt.d {
			t.Errorf("NewRat(%d, %d) = %s (%d/%d), want %s", tt.num, tt.den, r, r.Num(), r.Den(), tt.want)
		}
	}
	if (Rat{}) != IntRat(0) || NewRat(0, -7) != (Rat{}) {
		t.Error("zero value is not the normalized 0")
	}
	if NewRat(6, 4) != NewRat(-3, -2) {
		t.Error("equal rationals compare unequal with ==")
	}
}

func TestRatArithmetic(t *testing.T) {
	h, th := NewRat(1, 2), NewRat(1, 3)
	tests := []struct {
		name string
		got  Rat
		want Rat
	}{
		{"1/2+1/3", h.Add(th), NewRat(5, 6)},
		{"1/2-1/3", h.Sub(th), NewRat(1, 6)},
		{"1/2*1/3", h.Mul(th), NewRat(1, 6)},
		{"1/2 / 1/3", h.Div(th), NewRat(3, 2)},
		{"-(1/2)", h.Neg(), NewRat(-1, 2)},
		{"1/(−3/2)", NewRat(-3, 2).Inv(), NewRat(-2, 3)},
		{"1/2+1/2", h.Add(h), IntRat(1)},
		{"1/2-1/2", h.Sub(h), IntRat(0)},
		{"3/2*2/3", NewRat(3, 2).Mul(NewRat(2, 3)), IntRat(1)},
		{"0*x", IntRat(0).Mul(th), IntRat(0)},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	if !IntRat(0).IsZero() || h.IsZero() || !IntRat(3).IsInt() || h.IsInt() {
		t.Error("IsZero/IsInt wrong")
	}
	if got := NewRat(3, 4).Float(); got != 0.75 {
		t.Errorf("Float(3/4) = %v", got)
	}
	if NewRat(-1, 3).Sign() != -1 || IntRat(0).Sign() != 0 || h.Sign() != 1 {
		t.Error("Sign wrong")
	}
}

func TestRatOverflow(t *testing.T) {
	big := IntRat(math.MaxInt64)
	if _, ok := big.add(IntRat(1)); ok {
		t.Error("MaxInt64+1 did not report overflow")
	}
	if _, ok := big.mul(IntRat(2)); ok {
		t.Error("MaxInt64*2 did not report overflow")
	}
	if _, ok := NewRat(1, math.MaxInt64).add(NewRat(1, math.MaxInt64-1)); ok {
		t.Error("denominator overflow not reported")
	}
	if r, ok := IntRat(math.MinInt64).mul(IntRat(1)); !ok || r.Num() != math.MinInt64 {
		t.Error("MinInt64*1 failed")
	}
	if _, ok := IntRat(math.MinInt64).inv(); ok {
		t.Error("1/MinInt64 did not report overflow")
	}
	defer func() {
		if recover() == nil {
			t.Error("Rat.Mul did not panic on overflow")
		}
	}()
	big.Mul(big)
}
