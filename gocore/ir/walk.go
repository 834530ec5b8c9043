package ir

// Walk calls f for e and every sub-expression of e (a vector element's
// index included), parents first; a nil expression is skipped.
func Walk(e Expr, f func(Expr)) {
	if e == nil {
		return
	}
	f(e)
	switch e := e.(type) {
	case *Ref:
		Walk(e.Idx, f)
	case *Unary:
		Walk(e.X, f)
	case *Binary:
		Walk(e.L, f)
		Walk(e.R, f)
	case *Cond:
		Walk(e.C, f)
		Walk(e.Then, f)
		Walk(e.Else, f)
	case *Call:
		for _, a := range e.Args {
			Walk(a, f)
		}
	}
}
