package units_test

import (
	"fmt"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/units"
)

func ExampleLookup() {
	mV, _ := units.Lookup("mV")
	long, _ := units.Lookup("milliVolt")
	fmt.Println(mV.Equal(long), mV.Scale, mV.Dim)
	_, ok := units.Lookup("min") // removed: it would clash with min()
	fmt.Println(ok)
	// Output:
	// true 0.001 m**2 kg / s**3 A
	// false
}

func ExampleUnit_Div() {
	mV, ms := units.MustLookup("mV"), units.MustLookup("ms")
	pA, pF := units.MustLookup("pA"), units.MustLookup("pF")
	fmt.Println(mV.Div(ms), mV.Div(ms).Equal(pA.Div(pF)))
	fmt.Println(ms.Div(ms).IsReal(), ms.Div(units.MustLookup("s")))
	// Output:
	// mV / ms true
	// true ms / s
}

func ExampleUnit_Pow() {
	ns := units.MustLookup("ns")
	u := ns.Pow(units.NewRat(1, 2)).Pow(units.IntRat(3))
	fmt.Println(u, u.Compatible(ns))
	// Output: ns**(3/2) false
}

func ExampleUnit_ToInternal() {
	for _, n := range []string{"mV", "V", "s", "MOhm", "Hz"} {
		fmt.Println(n, units.MustLookup(n).ToInternal())
	}
	// Output:
	// mV 1
	// V 1000
	// s 1000
	// MOhm 0.001
	// Hz 0.001
}

func ExampleFromExpr() {
	// nS / ms**2, as the parser would build it.
	e := &ast.UnitExpr{Op: ast.UnitDiv,
		L: &ast.UnitExpr{Op: ast.UnitName, Name: "nS"},
		R: &ast.UnitExpr{Op: ast.UnitPow, L: &ast.UnitExpr{Op: ast.UnitName, Name: "ms"}, ExpNum: 2, ExpDen: 1},
	}
	u, diags := units.FromExpr(e)
	fmt.Println(u, len(diags))

	bad := &ast.UnitExpr{Op: ast.UnitName, Name: "mv"}
	_, diags = units.FromExpr(bad)
	fmt.Println(diags[0].Code, diags[0].Message, diags[0].Hint)
	// Output:
	// nS / ms**2 0
	// UNKNOWN_UNIT unknown unit "mv" did you mean mV?
}

func ExampleSuggest() {
	fmt.Println(units.Suggest("mv"), units.Suggest("gohm"), units.Suggest("mM"))
	fmt.Printf("%q\n", units.Suggest("pa")) // pa is a unit: the pico-annum
	// Output:
	// mV GOhm mmol/L
	// ""
}
