package syntax

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/antlr4-go/antlr/v4"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax/internal/gen"
)

// Token types used outside the generated package.
const (
	tokNEWLINE = gen.NestmlParserNEWLINE
	tokINDENT  = gen.NestmlParserINDENT
	tokDEDENT  = gen.NestmlParserDEDENT
)

// builder converts an ANTLR parse tree into the AST. It is only applied to
// subtrees that parsed without error, but it still checks for missing parts
// and reports them through errMissing (which panics with buildError and is
// recovered per model) rather than producing half-built nodes.
type builder struct {
	src    *source
	tokens *antlr.CommonTokenStream
	diags  diag.List
}

type buildError struct{ msg string }

func (b *builder) fail(format string, args ...any) {
	panic(buildError{fmt.Sprintf(format, args...)})
}

// ---------------------------------------------------------------- ranges

func (b *builder) tokRange(t antlr.Token) ast.Range { return b.src.tokenRange(t) }

func (b *builder) nodeRange(n antlr.TerminalNode) ast.Range {
	if n == nil {
		b.fail("missing token")
	}
	return b.tokRange(n.GetSymbol())
}

// significant reports whether t counts for the range of a construct (layout
// tokens and off-channel tokens do not).
func significant(t antlr.Token) bool {
	return t.GetChannel() == chanDefault && !isLayout(t)
}

// ctxRange is the range of a rule context: from its first to the end of its
// last significant token.
func (b *builder) ctxRange(ctx antlr.ParserRuleContext) ast.Range {
	start, stop := ctx.GetStart(), ctx.GetStop()
	if start == nil || stop == nil {
		b.fail("empty construct")
	}
	i, j := start.GetTokenIndex(), stop.GetTokenIndex()
	for i < j && !significant(b.tokens.Get(i)) {
		i++
	}
	for j > i && !significant(b.tokens.Get(j)) {
		j--
	}
	return ast.Range{Start: b.src.tokenStart(b.tokens.Get(i)), End: b.src.tokenEnd(b.tokens.Get(j))}
}

func span(a, z ast.Range) ast.Range { return ast.Range{Start: a.Start, End: z.End} }

// ---------------------------------------------------------------- models

func (b *builder) model(ctx *gen.ModelContext) *ast.Model {
	name := ctx.NAME()
	m := &ast.Model{
		Name: &ast.Ident{Name: name.GetText(), Rng: b.nodeRange(name)},
		Rng:  b.ctxRange(ctx),
	}
	m.NameRng = m.Name.Rng
	for _, e := range ctx.AllModelBodyElement() {
		m.Body = append(m.Body, b.bodyElement(e.(*gen.ModelBodyElementContext)))
	}
	return m
}

func (b *builder) bodyElement(ctx *gen.ModelBodyElementContext) ast.Decl {
	switch c := ctx.GetChild(0).(type) {
	case *gen.VariableBlockContext:
		return b.variableBlock(c)
	case *gen.EquationsBlockContext:
		return b.equationsBlock(c)
	case *gen.InputBlockContext:
		return b.inputBlock(c)
	case *gen.OutputBlockContext:
		return &ast.OutputBlock{Kind: c.GetKind().GetText(), Rng: b.ctxRange(c)}
	case *gen.FunctionDefinitionContext:
		return b.function(c)
	case *gen.OnReceiveBlockContext:
		return b.onReceive(c)
	case *gen.OnConditionBlockContext:
		return b.onCondition(c)
	case *gen.UpdateBlockContext:
		return &ast.UpdateBlock{Body: b.block(c.StmtsBody()), Rng: b.ctxRange(c)}
	}
	b.fail("unknown model body element")
	return nil
}

func (b *builder) variableBlock(ctx *gen.VariableBlockContext) *ast.VarBlock {
	vb := &ast.VarBlock{Rng: b.ctxRange(ctx)}
	switch ctx.GetBlockKind().GetTokenType() {
	case gen.NestmlParserSTATE_KEYWORD:
		vb.Kind = ast.StateBlock
	case gen.NestmlParserPARAMETERS_KEYWORD:
		vb.Kind = ast.ParametersBlock
	default:
		vb.Kind = ast.InternalsBlock
	}
	for _, d := range ctx.AllDeclaration() {
		vb.Decls = append(vb.Decls, b.declaration(d))
	}
	return vb
}

func (b *builder) declaration(ictx gen.IDeclarationContext) *ast.Declaration {
	ctx := ictx.(*gen.DeclarationContext)
	d := &ast.Declaration{
		Recordable: ctx.RECORDABLE_KEYWORD() != nil,
		Inline:     ctx.INLINE_KEYWORD() != nil,
		Type:       b.dataType(ctx.DataType()),
		Rng:        b.ctxRange(ctx),
	}
	for _, v := range ctx.AllVariable() {
		d.Vars = append(d.Vars, b.variable(v))
	}
	if e := ctx.GetInit(); e != nil {
		d.Init = b.expr(e)
	}
	if e := ctx.GetGuard(); e != nil {
		d.Guard = b.expr(e)
	}
	d.Decorators = b.decorators(ctx.AllDecorator())
	return d
}

func (b *builder) decorators(list []gen.IDecoratorContext) []*ast.Decorator {
	var out []*ast.Decorator
	for _, ic := range list {
		c := ic.(*gen.DecoratorContext)
		d := &ast.Decorator{Rng: b.ctxRange(c)}
		switch {
		case c.DECORATOR_HOMOGENEOUS() != nil:
			d.Name = "homogeneous"
		case c.DECORATOR_HETEROGENEOUS() != nil:
			d.Name = "heterogeneous"
		default:
			if c.GetNamespace() == nil || c.GetName() == nil {
				b.fail("incomplete decorator")
			}
			d.Namespace, d.Name = c.GetNamespace().GetText(), c.GetName().GetText()
		}
		out = append(out, d)
	}
	return out
}

func (b *builder) variable(ictx gen.IVariableContext) *ast.Variable {
	if ictx == nil {
		b.fail("missing variable")
	}
	ctx := ictx.(*gen.VariableContext)
	v := &ast.Variable{
		Name:  ctx.NAME().GetText(),
		Order: len(ctx.AllDIFFERENTIAL_ORDER()),
		Rng:   b.ctxRange(ctx),
	}
	if e := ctx.GetIndex(); e != nil {
		v.Index = b.expr(e)
	}
	return v
}

// ------------------------------------------------------------------ types

func (b *builder) dataType(ictx gen.IDataTypeContext) *ast.DataType {
	if ictx == nil {
		b.fail("missing data type")
	}
	ctx := ictx.(*gen.DataTypeContext)
	t := &ast.DataType{Rng: b.ctxRange(ctx)}
	if u := ctx.UnitType(); u != nil {
		t.Unit = b.unitType(u)
	} else {
		t.Primitive = ctx.GetStart().GetText()
	}
	return t
}

func (b *builder) unitType(ictx gen.IUnitTypeContext) *ast.UnitExpr {
	if ictx == nil {
		b.fail("missing unit type")
	}
	r := b.ctxRange(ictx)
	switch c := ictx.(type) {
	case *gen.UnitParenContext:
		return &ast.UnitExpr{Op: ast.UnitParen, L: b.unitType(c.GetInner()), Rng: r}
	case *gen.UnitPowContext:
		u := &ast.UnitExpr{Op: ast.UnitPow, L: b.unitType(c.GetBase()), Rng: r}
		b.exponent(u, c.UnitExponent())
		return u
	case *gen.UnitMulDivContext:
		op := ast.UnitMul
		if c.GetOp().GetTokenType() == gen.NestmlParserFORWARD_SLASH {
			op = ast.UnitDiv
		}
		return &ast.UnitExpr{Op: op, L: b.unitType(c.GetLeft()), R: b.unitType(c.GetRight()), Rng: r}
	case *gen.UnitInvContext:
		n, _ := b.intLit(c.GetNumerator())
		return &ast.UnitExpr{Op: ast.UnitInv, Num: n, R: b.unitType(c.GetRight()), Rng: r}
	case *gen.UnitNameContext:
		return &ast.UnitExpr{Op: ast.UnitName, Name: c.NAME().GetText(), Rng: r}
	}
	b.fail("unknown unit type")
	return nil
}

func (b *builder) literalUnit(ictx gen.ILiteralUnitContext) *ast.UnitExpr {
	if ictx == nil {
		b.fail("missing unit")
	}
	r := b.ctxRange(ictx)
	switch c := ictx.(type) {
	case *gen.LitUnitParenContext:
		return &ast.UnitExpr{Op: ast.UnitParen, L: b.literalUnit(c.GetInner()), Rng: r}
	case *gen.LitUnitPowContext:
		u := &ast.UnitExpr{Op: ast.UnitPow, L: b.literalUnit(c.GetBase()), Rng: r}
		b.exponent(u, c.UnitExponent())
		return u
	case *gen.LitUnitMulDivContext:
		op := ast.UnitMul
		if c.GetOp().GetTokenType() == gen.NestmlParserFORWARD_SLASH {
			op = ast.UnitDiv
		}
		return &ast.UnitExpr{Op: op, L: b.literalUnit(c.GetLeft()), R: b.literalUnit(c.GetRight()), Rng: r}
	case *gen.LitUnitNameContext:
		return &ast.UnitExpr{Op: ast.UnitName, Name: c.NAME().GetText(), Rng: r}
	}
	b.fail("unknown unit")
	return nil
}

// exponent fills the exponent of a UnitPow node as an exact rational.
func (b *builder) exponent(u *ast.UnitExpr, ictx gen.IUnitExponentContext) {
	if ictx == nil {
		b.fail("missing exponent")
	}
	c := ictx.(*gen.UnitExponentContext)
	var text strings.Builder
	neg := false
	if s := c.GetSign(); s != nil {
		text.WriteString(s.GetText())
		neg = s.GetTokenType() == gen.NestmlParserMINUS
	}
	rat := new(big.Rat)
	if v := c.GetValue(); v != nil {
		text.WriteString(v.GetText())
		if _, ok := rat.SetString(v.GetText()); !ok {
			b.fail("bad exponent %q", v.GetText())
		}
	} else {
		num, den := c.GetNum(), c.GetDen()
		if num == nil || den == nil {
			b.fail("incomplete exponent")
		}
		fmt.Fprintf(&text, "(%s/%s)", num.GetText(), den.GetText())
		n, ok1 := new(big.Int).SetString(num.GetText(), 10)
		d, ok2 := new(big.Int).SetString(den.GetText(), 10)
		if !ok1 || !ok2 {
			b.fail("bad exponent")
		}
		if d.Sign() == 0 {
			b.diags.Errorf(diag.SyntaxError, b.ctxRange(c), "the denominator of a unit exponent must not be zero")
			d.SetInt64(1)
		}
		rat.SetFrac(n, d)
	}
	if neg {
		rat.Neg(rat)
	}
	u.ExpText = text.String()
	if !rat.Num().IsInt64() || !rat.Denom().IsInt64() {
		b.diags.Errorf(diag.IntegerLiteralOverflow, b.ctxRange(c), "unit exponent %s does not fit into 64-bit integers", u.ExpText)
		u.ExpNum, u.ExpDen = 1, 1
		return
	}
	u.ExpNum, u.ExpDen = rat.Num().Int64(), rat.Denom().Int64()
}

// intLit parses an UNSIGNED_INTEGER token, reporting overflow.
func (b *builder) intLit(t antlr.Token) (int64, bool) {
	if t == nil {
		b.fail("missing integer")
	}
	n, err := strconv.ParseInt(t.GetText(), 10, 64)
	if err != nil {
		b.diags.Errorf(diag.IntegerLiteralOverflow, b.tokRange(t),
			"integer literal %s does not fit into a signed 64-bit integer (maximum %d)", t.GetText(), int64(math.MaxInt64))
		return 0, false
	}
	return n, true
}

// ------------------------------------------------------------- equations

func (b *builder) equationsBlock(ctx *gen.EquationsBlockContext) *ast.EquationsBlock {
	eb := &ast.EquationsBlock{Rng: b.ctxRange(ctx)}
	for _, el := range ctx.AllEquationElement() {
		switch c := el.GetChild(0).(type) {
		case *gen.InlineExpressionContext:
			eb.Elems = append(eb.Elems, &ast.InlineExpr{
				Recordable: c.RECORDABLE_KEYWORD() != nil,
				Name:       &ast.Ident{Name: c.NAME().GetText(), Rng: b.nodeRange(c.NAME())},
				Type:       b.dataType(c.DataType()),
				Value:      b.expr(c.Expression()),
				Decorators: b.decorators(c.AllDecorator()),
				Rng:        b.ctxRange(c),
			})
		case *gen.OdeEquationContext:
			eb.Elems = append(eb.Elems, &ast.OdeEquation{
				Lhs:        b.variable(c.GetLhs()),
				Rhs:        b.expr(c.GetRhs()),
				Decorators: b.decorators(c.AllDecorator()),
				Rng:        b.ctxRange(c),
			})
		case *gen.KernelContext:
			k := &ast.Kernel{Rng: b.ctxRange(c)}
			vars, exprs := c.AllVariable(), c.AllExpression()
			if len(vars) != len(exprs) {
				b.fail("incomplete kernel")
			}
			for i := range vars {
				k.Lhs = append(k.Lhs, b.variable(vars[i]))
				k.Rhs = append(k.Rhs, b.expr(exprs[i]))
			}
			eb.Elems = append(eb.Elems, k)
		}
	}
	return eb
}

// ----------------------------------------------------------- input/output

func (b *builder) inputBlock(ctx *gen.InputBlockContext) *ast.InputBlock {
	ib := &ast.InputBlock{Rng: b.ctxRange(ctx)}
	for _, ip := range ctx.AllInputPort() {
		switch c := ip.GetChild(0).(type) {
		case *gen.SpikeInputPortContext:
			p := &ast.InputPort{
				Name: &ast.Ident{Name: c.NAME().GetText(), Rng: b.nodeRange(c.NAME())},
				Rng:  b.ctxRange(c),
			}
			if s := c.GetSize(); s != nil {
				p.Size = b.expr(s)
			}
			for _, q := range c.AllInputQualifier() {
				p.Qualifiers = append(p.Qualifiers, q.GetText())
			}
			ib.Ports = append(ib.Ports, p)
		case *gen.ContinuousInputPortContext:
			p := &ast.InputPort{
				Name:       &ast.Ident{Name: c.NAME().GetText(), Rng: b.nodeRange(c.NAME())},
				Continuous: true,
				Type:       b.dataType(c.DataType()),
				Rng:        b.ctxRange(c),
			}
			if s := c.GetSize(); s != nil {
				p.Size = b.expr(s)
			}
			ib.Ports = append(ib.Ports, p)
		}
	}
	return ib
}

// ------------------------------------------------- functions and handlers

func (b *builder) function(ctx *gen.FunctionDefinitionContext) *ast.FunctionDecl {
	f := &ast.FunctionDecl{
		Name: &ast.Ident{Name: ctx.NAME().GetText(), Rng: b.nodeRange(ctx.NAME())},
		Body: b.block(ctx.StmtsBody()),
		Rng:  b.ctxRange(ctx),
	}
	for _, ip := range ctx.AllParameter() {
		p := ip.(*gen.ParameterContext)
		f.Params = append(f.Params, &ast.Param{
			Name: &ast.Ident{Name: p.NAME().GetText(), Rng: b.nodeRange(p.NAME())},
			Type: b.dataType(p.DataType()),
			Rng:  b.ctxRange(p),
		})
	}
	if rt := ctx.GetReturnType(); rt != nil {
		f.Result = b.dataType(rt)
	}
	return f
}

func (b *builder) constParams(list []gen.IConstParameterContext) []*ast.ConstParam {
	var out []*ast.ConstParam
	for _, ic := range list {
		c := ic.(*gen.ConstParameterContext)
		v := c.GetValue()
		if v == nil {
			b.fail("incomplete handler parameter")
		}
		var val ast.Expr
		r := b.tokRange(v)
		switch v.GetTokenType() {
		case gen.NestmlParserBOOLEAN_LITERAL:
			val = b.boolLit(v)
		case gen.NestmlParserSTRING_LITERAL:
			val = b.stringLit(v)
		case gen.NestmlParserINF_KEYWORD:
			val = &ast.InfLit{Rng: r}
		default:
			val = b.number(v, nil, r)
		}
		out = append(out, &ast.ConstParam{
			Name:  &ast.Ident{Name: c.NAME().GetText(), Rng: b.nodeRange(c.NAME())},
			Value: val,
			Rng:   b.ctxRange(c),
		})
	}
	return out
}

func (b *builder) onReceive(ctx *gen.OnReceiveBlockContext) *ast.OnReceive {
	port := ctx.GetPort()
	if port == nil {
		b.fail("missing port")
	}
	return &ast.OnReceive{
		Port:   &ast.Ident{Name: port.GetText(), Rng: b.tokRange(port)},
		Consts: b.constParams(ctx.AllConstParameter()),
		Body:   b.block(ctx.StmtsBody()),
		Rng:    b.ctxRange(ctx),
	}
}

func (b *builder) onCondition(ctx *gen.OnConditionBlockContext) *ast.OnCondition {
	return &ast.OnCondition{
		Cond:   b.expr(ctx.GetCond()),
		Consts: b.constParams(ctx.AllConstParameter()),
		Body:   b.block(ctx.StmtsBody()),
		Rng:    b.ctxRange(ctx),
	}
}

// ------------------------------------------------------------- statements

func (b *builder) block(ictx gen.IStmtsBodyContext) *ast.Block {
	if ictx == nil {
		b.fail("missing block")
	}
	ctx := ictx.(*gen.StmtsBodyContext)
	blk := &ast.Block{Rng: b.ctxRange(ctx)}
	for _, s := range ctx.AllStmt() {
		blk.Stmts = append(blk.Stmts, b.stmt(s.(*gen.StmtContext)))
	}
	return blk
}

func (b *builder) stmt(ctx *gen.StmtContext) ast.Stmt {
	if s := ctx.SmallStmt(); s != nil {
		return b.smallStmt(s.(*gen.SmallStmtContext))
	}
	if c := ctx.CompoundStmt(); c != nil {
		switch s := c.GetChild(0).(type) {
		case *gen.IfStmtContext:
			return b.ifStmt(s)
		case *gen.ForStmtContext:
			return b.forStmt(s)
		case *gen.WhileStmtContext:
			return &ast.While{Cond: b.expr(s.Expression()), Body: b.block(s.StmtsBody()), Rng: b.ctxRange(s)}
		}
	}
	b.fail("unknown statement")
	return nil
}

func (b *builder) smallStmt(ctx *gen.SmallStmtContext) ast.Stmt {
	r := b.ctxRange(ctx)
	switch c := ctx.GetChild(0).(type) {
	case *gen.AssignmentContext:
		return &ast.Assign{Lhs: b.variable(c.GetLhs()), Op: c.GetOp().GetText(), Rhs: b.expr(c.GetRhs()), Rng: r}
	case *gen.FunctionCallContext:
		return &ast.CallStmt{Call: b.call(c), Rng: r}
	case *gen.DeclarationContext:
		return &ast.DeclStmt{Decl: b.declaration(c), Rng: r}
	case *gen.ReturnStmtContext:
		ret := &ast.Return{Rng: r}
		if e := c.Expression(); e != nil {
			ret.Value = b.expr(e)
		}
		return ret
	}
	b.fail("unknown statement")
	return nil
}

func (b *builder) ifStmt(ctx *gen.IfStmtContext) *ast.If {
	s := &ast.If{Cond: b.expr(ctx.Expression()), Then: b.block(ctx.StmtsBody()), Rng: b.ctxRange(ctx)}
	for _, ie := range ctx.AllElifClause() {
		e := ie.(*gen.ElifClauseContext)
		s.Elifs = append(s.Elifs, &ast.ElifClause{Cond: b.expr(e.Expression()), Body: b.block(e.StmtsBody()), Rng: b.ctxRange(e)})
	}
	if e := ctx.ElseClause(); e != nil {
		s.Else = b.block(e.(*gen.ElseClauseContext).StmtsBody())
	}
	return s
}

func (b *builder) forStmt(ctx *gen.ForStmtContext) *ast.For {
	v, st := ctx.GetVar_(), ctx.GetStep()
	if v == nil || st == nil {
		b.fail("incomplete for")
	}
	r := b.tokRange(st)
	var step *ast.NumberLit
	if neg := ctx.GetNegative(); neg != nil {
		r.Start = b.tokRange(neg).Start
		step = b.number(st, nil, r)
		step.Text = "-" + step.Text
		step.Value = -step.Value
		step.Int = -step.Int
	} else {
		step = b.number(st, nil, r)
	}
	return &ast.For{
		Var:  &ast.Ident{Name: v.GetText(), Rng: b.tokRange(v)},
		From: b.expr(ctx.GetFrom()),
		To:   b.expr(ctx.GetTo()),
		Step: step,
		Body: b.block(ctx.StmtsBody()),
		Rng:  b.ctxRange(ctx),
	}
}

// ------------------------------------------------------------ expressions

func (b *builder) expr(ictx gen.IExpressionContext) ast.Expr {
	if ictx == nil {
		b.fail("missing expression")
	}
	r := b.ctxRange(ictx)
	binary := func(op antlr.Token, l, rr gen.IExpressionContext) ast.Expr {
		if op == nil {
			b.fail("missing operator")
		}
		return &ast.Binary{Op: op.GetText(), L: b.expr(l), R: b.expr(rr), OpRng: b.tokRange(op), Rng: r}
	}
	switch c := ictx.(type) {
	case *gen.ParenExprContext:
		return &ast.Paren{X: b.expr(c.GetInner()), Rng: r}
	case *gen.PowerExprContext:
		return binary(c.GetOp(), c.GetLeft(), c.GetRight())
	case *gen.MulExprContext:
		return binary(c.GetOp(), c.GetLeft(), c.GetRight())
	case *gen.AddExprContext:
		return binary(c.GetOp(), c.GetLeft(), c.GetRight())
	case *gen.BitExprContext:
		return binary(c.GetOp(), c.GetLeft(), c.GetRight())
	case *gen.CompExprContext:
		return binary(c.GetOp(), c.GetLeft(), c.GetRight())
	case *gen.LogicExprContext:
		return binary(c.GetOp(), c.GetLeft(), c.GetRight())
	case *gen.UnaryExprContext:
		return &ast.Unary{Op: c.GetOp().GetText(), X: b.expr(c.GetOperand()), Rng: r}
	case *gen.NotExprContext:
		return &ast.Unary{Op: "not", X: b.expr(c.GetOperand()), Rng: r}
	case *gen.TernaryExprContext:
		return &ast.Ternary{Cond: b.expr(c.GetCond()), Then: b.expr(c.GetIfTrue()), Else: b.expr(c.GetIfFalse()), Rng: r}
	case *gen.SimpleExprContext:
		return b.simple(c.SimpleExpression())
	}
	b.fail("unknown expression")
	return nil
}

func (b *builder) simple(ictx gen.ISimpleExpressionContext) ast.Expr {
	if ictx == nil {
		b.fail("missing expression")
	}
	r := b.ctxRange(ictx)
	switch c := ictx.(type) {
	case *gen.CallExprContext:
		return b.call(c.FunctionCall())
	case *gen.BoolExprContext:
		return b.boolLit(c.BOOLEAN_LITERAL().GetSymbol())
	case *gen.NumberExprContext:
		var u *ast.UnitExpr
		if lu := c.LiteralUnit(); lu != nil {
			u = b.literalUnit(lu)
		}
		return b.number(c.GetNumber(), u, r)
	case *gen.StringExprContext:
		return b.stringLit(c.STRING_LITERAL().GetSymbol())
	case *gen.InfExprContext:
		return &ast.InfLit{Rng: r}
	case *gen.VariableExprContext:
		return b.variable(c.Variable())
	}
	b.fail("unknown expression")
	return nil
}

func (b *builder) call(ictx gen.IFunctionCallContext) *ast.Call {
	if ictx == nil {
		b.fail("missing call")
	}
	c := ictx.(*gen.FunctionCallContext)
	call := &ast.Call{Name: &ast.Ident{Name: c.NAME().GetText(), Rng: b.nodeRange(c.NAME())}, Rng: b.ctxRange(c)}
	for _, a := range c.AllExpression() {
		call.Args = append(call.Args, b.expr(a))
	}
	return call
}

func (b *builder) number(t antlr.Token, u *ast.UnitExpr, r ast.Range) *ast.NumberLit {
	if t == nil {
		b.fail("missing number")
	}
	n := &ast.NumberLit{Text: t.GetText(), IsFloat: t.GetTokenType() == gen.NestmlParserFLOAT, Unit: u, Rng: r}
	if n.IsFloat {
		v, err := strconv.ParseFloat(n.Text, 64)
		if err != nil && v == 0 {
			// Underflow is fine (0); overflow gives ±Inf with an error.
			v = 0
		}
		n.Value = v
	} else {
		if i, ok := b.intLit(t); ok {
			n.Int = i
		}
		v, _ := strconv.ParseFloat(n.Text, 64)
		n.Value = v
	}
	return n
}

func (b *builder) boolLit(t antlr.Token) *ast.BoolLit {
	s := t.GetText()
	return &ast.BoolLit{Value: s == "true" || s == "True", Text: s, Rng: b.tokRange(t)}
}

func (b *builder) stringLit(t antlr.Token) *ast.StringLit {
	s := t.GetText()
	if len(s) >= 2 {
		s = s[1 : len(s)-1]
	}
	return &ast.StringLit{Value: s, Rng: b.tokRange(t)}
}
