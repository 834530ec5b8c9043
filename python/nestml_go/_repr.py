"""Rich display of models and recordings in notebooks, and the model summary
the documentation is generated from.

Nothing here is public API: :class:`~nestml_go.Model` uses :func:`model_html`
and :func:`model_latex` as its ``_repr_html_``/``_repr_latex_``, and
``docs/gen_models.py`` uses :func:`summarize` and :func:`equation_latex`.

The summary is read from the NESTML text with a light, line-based reader
(declarations ``name unit = default  # comment`` in the ``parameters``,
``state`` and ``internals`` blocks; the lines of ``equations``). It serves
documentation only: the compiler's own parser and checker are the authority
on what a model means, and a construct the reader does not understand is
shown as source text rather than guessed at.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .model import Model

__all__ = [
    "Declaration",
    "ModelSummary",
    "equation_latex",
    "events_html",
    "expression_latex",
    "model_html",
    "model_latex",
    "summarize",
]


# -- reading the source -----------------------------------------------------


@dataclass(frozen=True)
class Declaration:
    """One declaration of a variable block.

    Attributes:
        name: the variable name (with primes for derivative states).
        type: the declared type as written (``"mV"``, ``"real"``, ``"1/s"``).
        default: the initialiser as written, or ``""``.
        comment: the trailing ``#`` comment, or ``""``.
    """

    name: str
    type: str
    default: str
    comment: str = ""


@dataclass
class ModelSummary:
    """What a model declares, read from its source text.

    Attributes:
        name: the model name.
        doc: the comment lines directly above ``model NAME:`` (without ``#``).
        parameters, state, internals: the declarations of those blocks.
        equations: the statements of the ``equations`` block, one string
            each (continuation lines joined).
        inputs: the lines of the ``input`` block.
        output: the content of the ``output`` block (``"spike"``, …) or ``""``.
    """

    name: str
    doc: list[str] = field(default_factory=list)
    parameters: list[Declaration] = field(default_factory=list)
    state: list[Declaration] = field(default_factory=list)
    internals: list[Declaration] = field(default_factory=list)
    equations: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    output: str = ""

    @property
    def description(self) -> str:
        """The first paragraph of :attr:`doc`, without a leading ``name —``."""
        para: list[str] = []
        for line in self.doc:
            if not line.strip():
                if para:
                    break
                continue
            para.append(line.strip())
        text = " ".join(para)
        return re.sub(r"^" + re.escape(self.name) + r"\s*[—–-]+\s*", "", text)

    @property
    def names(self) -> set[str]:
        """Every name the model declares (variables, inline expressions,
        kernels and ports), for telling variables from unit names."""
        out = {d.name.rstrip("'") for d in self.parameters + self.state + self.internals}
        for eq in self.equations:
            m = re.match(r"\s*(?:recordable\s+)?(?:inline|kernel)\s+([A-Za-z_$][\w$]*)", eq)
            if m:
                out.add(m.group(1))
        for line in self.inputs:
            m = re.match(r"\s*([A-Za-z_$][\w$]*)", line)
            if m:
                out.add(m.group(1))
        return out


_MODEL_RE = re.compile(r"^model\s+([A-Za-z_]\w*)\s*:")
_BLOCK_RE = re.compile(r"^(parameters|state|internals|equations|input|output|update)\s*:\s*(#.*)?$")
_DECL_RE = re.compile(
    r"^(?P<names>[A-Za-z_$][\w$]*'*(?:\s*\[[^\]]*\])?(?:\s*,\s*[A-Za-z_$][\w$]*'*)*)"
    r"\s+(?P<type>[^=#]+?)\s*(?:=\s*(?P<default>[^#]*?))?\s*(?:#\s*(?P<comment>.*))?$"
)


def _strip_comment(line: str) -> tuple[str, str]:
    """Split a line into code and comment, ignoring '#' inside strings
    (NESTML strings use double quotes; a single quote is a prime)."""
    in_string = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_string = not in_string
        elif ch == "#" and not in_string:
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def summarize(source: str, name: str | None = None) -> ModelSummary:
    """Read the declarations and equations of model ``name`` (default: the
    first model) from NESTML source text.

    Raises:
        ValueError: if the source defines no such model.
    """
    lines = source.splitlines()
    start = -1
    for i, line in enumerate(lines):
        m = _MODEL_RE.match(line)
        if m and (name is None or m.group(1) == name):
            start, name = i, m.group(1)
            break
    if start < 0 or name is None:
        raise ValueError(f"the source defines no model {name!r}" if name else "the source defines no model")
    summary = ModelSummary(name=name)
    j = start - 1
    doc: list[str] = []
    while j >= 0 and lines[j].lstrip().startswith("#"):
        doc.append(lines[j].lstrip()[1:][1:] if lines[j].lstrip().startswith("# ") else lines[j].lstrip()[1:])
        j -= 1
    summary.doc = list(reversed(doc))

    block = ""
    block_indent = -1
    pending = ""
    for raw in lines[start + 1 :]:
        if raw.strip() and _indent(raw) == 0:
            break  # the next model (or trailing top-level text)
        code, comment = _strip_comment(raw)
        if not code.strip():
            continue
        ind = _indent(code)
        stripped = code.strip()
        m = _BLOCK_RE.match(stripped)
        if m and (block_indent < 0 or ind <= block_indent):
            block, block_indent = m.group(1), ind
            continue
        if re.match(r"^(function\s|onReceive\s*\(|onCondition\s*\()", stripped) and ind <= block_indent:
            block, block_indent = "", ind
            continue
        if not block or ind <= block_indent:
            continue
        if block in ("parameters", "state", "internals"):
            d = _DECL_RE.match(stripped + (f"  # {comment}" if comment else ""))
            if d is None:
                continue
            default = (d.group("default") or "").strip()
            default = re.sub(r"\s*\[\[.*\]\]\s*$", "", default)  # guards
            default = re.sub(r"\s*@\S+", "", default)  # decorators
            for nm in re.split(r"\s*,\s*", d.group("names")):
                nm = re.sub(r"\s*\[.*\]$", "", nm)
                decl = Declaration(nm, d.group("type").strip(), default, (d.group("comment") or "").strip())
                getattr(summary, block).append(decl)
        elif block == "equations":
            text = pending + (" " if pending else "") + stripped.rstrip("\\").strip()
            if stripped.endswith((",", "\\")):
                pending = text
                continue
            pending = ""
            summary.equations.append(text)
        elif block == "input":
            summary.inputs.append(stripped)
        elif block == "output":
            summary.output = (summary.output + " " + stripped).strip()
    if pending:
        summary.equations.append(pending)
    return summary


# -- expressions to LaTeX ---------------------------------------------------

_TOKEN_RE = re.compile(
    r"\s*(?:(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_$][\w$]*'*)"
    r"|(?P<str>\"[^\"]*\")"
    r"|(?P<op>\*\*|//|<=|>=|==|!=|<>|<<|>>|[-+*/%()<>,?:~&|^\[\]]))"
)

_GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
    "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega",
}
_FUNCS = {"exp": r"\exp", "ln": r"\ln", "log10": r"\log_{10}", "sin": r"\sin", "cos": r"\cos",
          "tan": r"\tan", "sinh": r"\sinh", "cosh": r"\cosh", "tanh": r"\tanh", "min": r"\min",
          "max": r"\max"}
_BINARY = {
    # operator: (precedence, right-associative)
    "**": (2, True),
    "*": (4, False), "/": (4, False), "//": (4, False), "%": (4, False),
    "+": (5, False), "-": (5, False),
    "&": (6, False), "^": (6, False), "|": (6, False), "<<": (6, False), ">>": (6, False),
    "<": (7, False), "<=": (7, False), "==": (7, False), "!=": (7, False), "<>": (7, False),
    ">=": (7, False), ">": (7, False),
    "and": (9, False), "or": (9, False),
}


def _tokenize(s: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    s = s.rstrip().rstrip(";")
    while pos < len(s):
        if s[pos:].strip() == "":
            break
        m = _TOKEN_RE.match(s, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"cannot read {s[pos:]!r}")
        kind = m.lastgroup or ""
        text = m.group(kind)
        if kind == "name" and text in ("and", "or", "not"):
            kind = "op"
        out.append((kind, text))
        pos = m.end()
    return out


class _Parser:
    """Precedence climbing over NESTML's expression grammar (§4.11), building
    tuples: ("num", text, unit), ("name", text), ("call", f, args),
    ("paren", e), ("neg"/"pos"/"not"/"inv", e), ("bin", op, a, b),
    ("cond", c, a, b), ("str", text)."""

    def __init__(self, text: str, declared: set[str]) -> None:
        self.toks = _tokenize(text)
        self.i = 0
        self.declared = declared

    def peek(self, k: int = 0) -> tuple[str, str]:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else ("eof", "")

    def take(self) -> tuple[str, str]:
        t = self.peek()
        self.i += 1
        return t

    def expect(self, text: str) -> None:
        if self.take()[1] != text:
            raise ValueError(f"expected {text!r}")

    def parse(self) -> tuple[Any, ...]:
        e = self.expr(10)
        if self.peek()[0] != "eof":
            raise ValueError(f"unexpected {self.peek()[1]!r}")
        return e

    def expr(self, level: int) -> tuple[Any, ...]:
        if level >= 10:
            c = self.expr(9)
            while self.peek() == ("op", "?"):
                self.take()
                a = self.expr(10)
                self.expect(":")
                b = self.expr(9)
                c = ("cond", c, a, b)
            return c
        left = self.unary(level)
        while True:
            kind, op = self.peek()
            if kind != "op" or op not in _BINARY:
                return left
            prec, right_assoc = _BINARY[op]
            if prec > level:
                return left
            self.take()
            right = self.expr(prec if right_assoc else prec - 1)
            left = ("bin", op, left, right)

    def unary(self, level: int) -> tuple[Any, ...]:
        kind, op = self.peek()
        # A prefix operator may start any operand (language §4.11 rule 6).
        if kind == "op" and op == "not":
            self.take()
            return ("not", self.expr(7))
        if kind == "op" and op in ("-", "+", "~"):
            self.take()
            return ({"-": "neg", "+": "pos", "~": "inv"}[op], self.expr(2))
        return self.primary()

    def unit(self) -> str:
        """The unit part after a number: names that are not model variables,
        joined by * and / (and raised with ** to numbers)."""
        parts: list[str] = []
        while True:
            kind, text = self.peek()
            if kind != "name" or text in self.declared or text in _FUNCS or self.peek(1)[1] == "(":
                break
            self.take()
            parts.append(text)
            if self.peek()[1] == "**" and self.peek(1)[0] in ("num",):
                self.take()
                parts.append("**" + self.take()[1])
            nxt, after = self.peek(), self.peek(1)
            if nxt[1] in ("*", "/") and after[0] == "name" and after[1] not in self.declared \
                    and after[1] not in _FUNCS and self.peek(2)[1] != "(":
                self.take()
                parts.append(nxt[1])
                continue
            break
        return "".join(parts)

    def primary(self) -> tuple[Any, ...]:
        kind, text = self.take()
        if kind == "num":
            return ("num", text, self.unit())
        if kind == "str":
            return ("str", text)
        if kind == "name":
            if self.peek()[1] == "(":
                self.take()
                args: list[tuple[Any, ...]] = []
                if self.peek()[1] != ")":
                    args.append(self.expr(10))
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.expr(10))
                self.expect(")")
                return ("call", text, args)
            if self.peek()[1] == "[":
                self.take()
                idx = self.expr(10)
                self.expect("]")
                return ("index", text, idx)
            return ("name", text)
        if text == "(":
            e = self.expr(10)
            self.expect(")")
            return ("paren", e)
        raise ValueError(f"unexpected {text!r}")


def name_latex(name: str, declared: set[str] | None = None) -> str:
    """LaTeX for a NESTML name: ``tau_syn_exc`` → ``\\tau_{\\mathrm{syn,exc}}``,
    ``V_m`` → ``V_{\\mathrm{m}}``; primes are kept; undeclared names that are
    not ``t``/``e`` are typeset upright (they are units)."""
    primes = len(name) - len(name.rstrip("'"))
    base_name = name.rstrip("'").replace("$", r"\$")
    if declared is not None and base_name not in declared and base_name not in ("t", "e", "pi", "inf"):
        return r"\mathrm{" + base_name.replace("_", r"\_") + "}" + "'" * primes
    if base_name == "pi":
        return r"\pi"
    if base_name == "inf":
        return r"\infty"
    head, _, tail = base_name.partition("_")
    if head in _GREEK:
        head = "\\" + head
    elif not head:
        return r"\mathrm{" + base_name.replace("_", r"\_") + "}" + "'" * primes
    elif len(head) > 1:
        head = r"\mathrm{" + head + "}"
    if tail:
        return head + "_{\\mathrm{" + tail.replace("_", ",") + "}}" + "'" * primes
    return head + "'" * primes


def _num_latex(text: str) -> str:
    m = re.fullmatch(r"([\d.]+)[eE]([+-]?\d+)", text)
    if m:
        mant, ex = m.group(1), int(m.group(2))
        power = "10^{" + str(ex) + "}"
        return power if mant in ("1", "1.", "1.0") else mant + r" \cdot " + power
    return text


def _unit_latex(unit: str) -> str:
    return r"\,\mathrm{" + unit.replace("**", "^").replace("*", r"\cdot ") + "}"


_REL = {"<": "<", "<=": r"\le", "==": "=", "!=": r"\ne", "<>": r"\ne", ">=": r"\ge", ">": ">",
        "and": r"\land", "or": r"\lor", "%": r"\bmod", "&": r"\mathbin{\&}", "|": r"\mathbin{|}",
        "^": r"\oplus", "<<": r"\ll", ">>": r"\gg", "//": r"\mathbin{//}"}


def _latex(e: tuple[Any, ...], declared: set[str]) -> str:
    kind = e[0]
    if kind == "num":
        return _num_latex(e[1]) + (_unit_latex(e[2]) if e[2] else "")
    if kind == "str":
        return r"\text{" + str(e[1]).replace('"', "") + "}"
    if kind == "name":
        return name_latex(e[1], declared)
    if kind == "index":
        return name_latex(e[1], declared) + "[" + _latex(e[2], declared) + "]"
    if kind == "paren":
        if e[1][0] == "bin" and e[1][1] == "/":  # a fraction needs no parentheses
            return _latex(e[1], declared)
        return r"\left(" + _latex(e[1], declared) + r"\right)"
    if kind == "neg":
        return "-" + _latex(e[1], declared)
    if kind == "pos":
        return "+" + _latex(e[1], declared)
    if kind == "inv":
        return r"\sim " + _latex(e[1], declared)
    if kind == "not":
        return r"\lnot " + _latex(e[1], declared)
    if kind == "cond":
        return (r"\begin{cases}" + _latex(e[2], declared) + r" & \text{if } " + _latex(e[1], declared)
                + r" \\ " + _latex(e[3], declared) + r" & \text{otherwise}\end{cases}")
    if kind == "call":
        f, args = e[1], e[2]
        a = [_latex(x, declared) for x in args]
        if f == "convolve" and len(a) == 2:
            return r"\left(" + a[0] + r" \ast " + a[1] + r"\right)"
        if f == "delta":
            return r"\delta\left(" + ", ".join(a) + r"\right)"
        if f == "abs" and len(a) == 1:
            return r"\left|" + a[0] + r"\right|"
        if f in _FUNCS:
            return _FUNCS[f] + r"\left(" + ", ".join(a) + r"\right)"
        if f in declared and len(args) == 1:  # delayed variable v(t - d)
            return name_latex(f, declared) + r"\left(" + a[0] + r"\right)"
        return r"\operatorname{" + str(f).replace("_", r"\_") + r"}\left(" + ", ".join(a) + r"\right)"
    if kind == "bin":
        op, x, y = e[1], e[2], e[3]
        if op == "/":
            if x[0] == "neg":  # -a / b  →  -\frac{a}{b}
                return r"-\frac{" + _latex(_unparen(x[1]), declared) + "}{" + _latex(_unparen(y), declared) + "}"
            return r"\frac{" + _latex(_unparen(x), declared) + "}{" + _latex(_unparen(y), declared) + "}"
        if op == "**":
            base = _latex(x, declared)
            if x[0] in ("bin", "neg", "pos", "not", "cond"):
                base = r"\left(" + base + r"\right)"
            return "{" + base + "}^{" + _latex(_unparen(y), declared) + "}"
        if op == "*":
            right = _latex(y, declared)
            sep = r" \cdot " if y[0] == "num" or right.startswith("-") else r" \, "
            return _latex(x, declared) + sep + right
        if op in ("+", "-"):
            return _latex(x, declared) + f" {op} " + _latex(y, declared)
        return _latex(x, declared) + " " + str(_REL.get(op, op)) + " " + _latex(y, declared)
    raise ValueError(f"unknown node {kind}")  # pragma: no cover


def _unparen(e: tuple[Any, ...]) -> tuple[Any, ...]:
    return e[1] if e[0] == "paren" else e


def expression_latex(text: str, declared: set[str] | None = None) -> str:
    """LaTeX for one NESTML expression. ``declared`` names the model's
    variables (so that unit names after numbers are told apart).

    Raises:
        ValueError: if the expression cannot be read.
    """
    d = set(declared or ())
    return _latex(_Parser(text, d).parse(), d)


def _derivative(name: str, declared: set[str]) -> str:
    order = len(name) - len(name.rstrip("'"))
    base = name_latex(name.rstrip("'"), declared | {name.rstrip("'")})
    if order == 1:
        return r"\frac{\mathrm{d}" + base + r"}{\mathrm{d}t}"
    return r"\frac{\mathrm{d}^{" + str(order) + "}" + base + r"}{\mathrm{d}t^{" + str(order) + "}}"


def equation_latex(equation: str, declared: set[str] | None = None) -> str:
    """LaTeX for one statement of an ``equations`` block: an ODE
    (``V_m' = …``), an inline expression or a kernel (several ODE-form kernel
    equations joined by commas become several lines).

    Raises:
        ValueError: if the statement cannot be read.
    """
    d = set(declared or ())
    eq = re.sub(r"\s*@\S+\s*$", "", equation.strip().rstrip(";"))
    m = re.match(r"^(?:recordable\s+)?inline\s+([A-Za-z_$][\w$]*)\s+([^=]+?)\s*=\s*(.+)$", eq)
    if m:
        return name_latex(m.group(1), d | {m.group(1)}) + " = " + expression_latex(m.group(3), d)
    m = re.match(r"^kernel\s+(.+)$", eq)
    if m:
        parts = [p.strip() for p in _split_top_level(m.group(1))]
        out = []
        for p in parts:
            lhs, _, rhs = p.partition("=")
            lhs = lhs.strip()
            if lhs.endswith("'"):
                out.append(_derivative(lhs, d) + " = " + expression_latex(rhs, d))
            else:
                out.append(name_latex(lhs, d | {lhs}) + "(t) = " + expression_latex(rhs, d))
        return r" \\ ".join(out)
    m = re.match(r"^([A-Za-z_$][\w$]*'+)\s*=\s*(.+)$", eq)
    if m:
        return _derivative(m.group(1), d) + " = " + expression_latex(m.group(2), d)
    raise ValueError(f"not an equation: {equation!r}")


def _split_top_level(s: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def equations_latex(summary: ModelSummary) -> list[tuple[str, str | None]]:
    """Each equation of the summary with its LaTeX (``None`` where the
    reader cannot render it)."""
    declared = summary.names
    out: list[tuple[str, str | None]] = []
    for eq in summary.equations:
        try:
            out.append((eq, equation_latex(eq, declared)))
        except ValueError:
            out.append((eq, None))
    return out


# -- notebook display -------------------------------------------------------

_STYLE = (
    "<style>.nestml-go table{border-collapse:collapse;margin:0.3em 0}"
    ".nestml-go td,.nestml-go th{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}"
    ".nestml-go code{font-size:90%}</style>"
)


def _decl_table(title: str, decls: list[Declaration]) -> str:
    if not decls:
        return ""
    rows = "".join(
        f"<tr><td><code>{html.escape(d.name)}</code></td><td>{html.escape(d.default)}</td>"
        f"<td>{html.escape(d.type)}</td><td>{html.escape(d.comment)}</td></tr>"
        for d in decls
    )
    return (
        f"<details open><summary><b>{title}</b> ({len(decls)})</summary><table>"
        "<tr><th>name</th><th>default</th><th>unit</th><th>description</th></tr>"
        f"{rows}</table></details>"
    )


def _solver_line(model: Model) -> str:
    try:
        rep = model.ode_report()
    except Exception:  # noqa: BLE001 - display must never fail
        return ""
    ng = rep.get("nestml_go") or {}
    exact = [v for v in ng.get("analytic_state_variables") or [] if "__X__" not in v]
    numeric = [v for v in ng.get("numeric_state_variables") or [] if "__X__" not in v and v not in exact]
    parts = []
    if exact:
        parts.append("exact propagators: " + ", ".join(f"<code>{html.escape(v)}</code>" for v in exact))
    if numeric:
        parts.append("numeric (RKF45): " + ", ".join(f"<code>{html.escape(v)}</code>" for v in numeric))
    return f"<p>{'; '.join(parts)}</p>" if parts else ""


def model_html(model: Model) -> str:
    """HTML for a :class:`~nestml_go.Model` in a notebook: name, origin,
    diagnostics count, equations (rendered by the notebook's MathJax),
    parameter and state tables with units, and the solver split."""
    try:
        s = summarize(model.source, model.name)
    except ValueError:
        return f"<pre>{html.escape(repr(model))}</pre>"
    where = html.escape(model.path) if model.path else "source text"
    warnings = sum(1 for d in model.diagnostics if d.severity == "warning")
    head = (
        f"<div class='nestml-go'>{_STYLE}<p><b>{html.escape(s.name)}</b> "
        f"<span style='color:#666'>({where}; {warnings} warning{'s' if warnings != 1 else ''})</span></p>"
    )
    if s.description:
        head += f"<p>{html.escape(s.description)}</p>"
    eqs = equations_latex(s)
    body = ""
    if eqs:
        rendered = [tex for _, tex in eqs if tex is not None]
        raw = [src for src, tex in eqs if tex is None]
        if rendered:
            body += "$$\\begin{aligned}" + r" \\ ".join(_align(t) for t in rendered) + "\\end{aligned}$$"
        if raw:
            body += "<pre>" + html.escape("\n".join(raw)) + "</pre>"
    body += _decl_table("parameters", s.parameters)
    body += _decl_table("state", s.state)
    body += _decl_table("internals", s.internals)
    body += _solver_line(model)
    return head + body + "</div>"


def _align(tex: str) -> str:
    # Align every line of a (possibly multi-line) equation at its first '='.
    return r" \\ ".join(line.replace(" = ", " &= ", 1) for line in tex.split(r" \\ "))


def model_latex(model: Model) -> str:
    """The model's equations as one LaTeX ``aligned`` block (``$$…$$``)."""
    try:
        s = summarize(model.source, model.name)
    except ValueError:
        return ""
    rendered = [tex for _, tex in equations_latex(s) if tex is not None]
    if not rendered:
        return ""
    return "$$\\begin{aligned}" + r" \\ ".join(_align(t) for t in rendered) + "\\end{aligned}$$"


def events_html(events: Mapping[str, Any], title: str = "events") -> str:
    """A one-table summary of a recorder's ``events`` dictionary: number of
    events, senders, time range and, per recorded variable, min/max."""
    import numpy as np

    times = np.asarray(events.get("times", []), dtype=float)
    senders = np.asarray(events.get("senders", []))
    n = int(times.size)
    rows = [("events", str(n))]
    if n:
        rows.append(("time", f"{times.min():g} … {times.max():g} ms"))
    if senders.size:
        rows.append(("senders", f"{np.unique(senders).size} (ids {senders.min()} … {senders.max()})"))
    for key, arr in events.items():
        if key in ("times", "senders"):
            continue
        a = np.asarray(arr, dtype=float)
        if a.size:
            rows.append((key, f"{np.nanmin(a):.6g} … {np.nanmax(a):.6g}"))
    body = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<div class='nestml-go'>{_STYLE}<b>{html.escape(title)}</b><table>{body}</table></div>"


def node_collection_html(nc: Any) -> str:
    """HTML for a NodeCollection: model, size, ids; for a recorder, a
    summary of its events."""
    ids = getattr(nc, "ids", [])
    head = f"{html.escape(str(nc.name))}: {len(nc)} node{'s' if len(nc) != 1 else ''}"
    if len(nc):
        head += f" (ids {int(ids[0])} … {int(ids[-1])})"
    if getattr(nc, "kind", "") == "recorder" and len(nc) == 1:
        try:
            return events_html(nc.events, title=head)
        except Exception:  # noqa: BLE001, S110 - display must never fail
            pass
    return f"<div class='nestml-go'><b>{head}</b></div>"
