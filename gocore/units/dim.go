package units

import "strings"

// BaseDim indexes one base dimension of a Dim.
type BaseDim int

// The base dimensions. The first seven are the SI base quantities; Angle is
// kept as a dimension of its own (as in upstream NESTML, so rad/s is not
// compatible with Hz); the rest are the irreducible "own dimension" units
// of language.md Appendix B, each of which converts to nothing else.
const (
	Length            BaseDim = iota // m
	Mass                             // kg
	Time                             // s
	Current                          // A
	Temperature                      // K
	Amount                           // mol
	LuminousIntensity                // cd
	Angle                            // rad
	Photon                           // ph (alias photon)
	Count                            // ct (alias count)
	ADU                              // adu (analog-to-digital unit)
	Beam                             // beam
	Bin                              // bin
	Channel                          // chan
	Electron                         // electron
	DataNumber                       // DN (alias dn)
	Sun                              // Sun (solar units)
	Celsius                          // deg_C (alias Celsius); not convertible to K

	// NumDims is the number of base dimensions.
	NumDims = iota
)

// baseSymbols are the symbols of the base dimensions, in BaseDim order.
var baseSymbols = [NumDims]string{
	"m", "kg", "s", "A", "K", "mol", "cd", "rad",
	"ph", "ct", "adu", "beam", "bin", "chan", "electron", "DN", "Sun", "deg_C",
}

// Symbol returns the unit symbol of the coherent unit of b ("m", "kg", …).
func (b BaseDim) Symbol() string {
	if b < 0 || b >= NumDims {
		return "?"
	}
	return baseSymbols[b]
}

func (b BaseDim) String() string { return b.Symbol() }

// Dim is a dimension vector: the rational exponent of every base dimension.
// The zero value is the dimension of a pure number. Dims are comparable with
// == and can be used as map keys.
type Dim [NumDims]Rat

// DimOf returns the dimension b**1.
func DimOf(b BaseDim) Dim {
	var d Dim
	d[b] = IntRat(1)
	return d
}

// IsZero reports whether d is the dimension of a pure number.
func (d Dim) IsZero() bool { return d == Dim{} }

// Add returns d + e (the dimension of a product).
func (d Dim) Add(e Dim) Dim { return mustDim(d.add(e)) }

// Sub returns d - e (the dimension of a quotient).
func (d Dim) Sub(e Dim) Dim { return mustDim(d.sub(e)) }

// Scale returns d * r (the dimension of a power).
func (d Dim) Scale(r Rat) Dim { return mustDim(d.scale(r)) }

// Neg returns -d (the dimension of an inverse).
func (d Dim) Neg() Dim { return d.Scale(IntRat(-1)) }

func mustDim(d Dim, ok bool) Dim {
	if !ok {
		panic("units: rational overflow in dimension exponent")
	}
	return d
}

func (d Dim) add(e Dim) (Dim, bool) {
	var out Dim
	for i := range d {
		r, ok := d[i].add(e[i])
		if !ok {
			return Dim{}, false
		}
		out[i] = r
	}
	return out, true
}

func (d Dim) sub(e Dim) (Dim, bool) {
	var out Dim
	for i := range d {
		r, ok := d[i].sub(e[i])
		if !ok {
			return Dim{}, false
		}
		out[i] = r
	}
	return out, true
}

func (d Dim) scale(f Rat) (Dim, bool) {
	var out Dim
	for i := range d {
		r, ok := d[i].mul(f)
		if !ok {
			return Dim{}, false
		}
		out[i] = r
	}
	return out, true
}

// String formats d over the base symbols, positive powers first, then "/"
// and the negative powers: "m**2 kg / A s**3", "1 / s", "" for the zero
// dimension.
func (d Dim) String() string {
	var b strings.Builder
	d.format(&b)
	return b.String()
}

// format writes the positive part, then " / " and the negative part. With
// no positive part it writes "1 / …". It writes nothing for the zero Dim.
func (d Dim) format(b *strings.Builder) {
	var pos, neg []string
	for i, e := range d {
		switch e.Sign() {
		case 1:
			pos = append(pos, powString(baseSymbols[i], e))
		case -1:
			neg = append(neg, powString(baseSymbols[i], e.Neg()))
		}
	}
	if len(pos) == 0 && len(neg) == 0 {
		return
	}
	if len(pos) == 0 {
		b.WriteString("1")
	} else {
		b.WriteString(strings.Join(pos, " "))
	}
	if len(neg) > 0 {
		b.WriteString(" / ")
		b.WriteString(strings.Join(neg, " "))
	}
}

// powString formats name**e for e > 0: "ms", "ms**2", "ns**(3/2)".
func powString(name string, e Rat) string {
	switch {
	case e == IntRat(1):
		return name
	case e.IsInt():
		return name + "**" + e.String()
	}
	return name + "**(" + e.String() + ")"
}
