"""Exceptions and diagnostics of nestml_go.

Every failure that comes from the compiler or the simulator is a
:class:`NestmlError` (or a subclass) carrying ``.diagnostics``: a list of
:class:`Diagnostic` records with a stable ``code``, a source range and a
message, in the spirit of pydantic-core's ``ValidationError.errors()``.

Argument mistakes that Python can see before calling the native library
raise :class:`NestmlTypeError` / :class:`NestmlValueError` (subclasses of
:class:`TypeError` / :class:`ValueError` as well as of :class:`NestmlError`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping

__all__ = [
    "Diagnostic",
    "RelatedLocation",
    "NestmlError",
    "NestmlCheckError",
    "NestmlParseError",
    "NestmlUnitError",
    "NestmlSolverError",
    "NestmlCodegenError",
    "NestmlSimulationError",
    "NestmlArgumentError",
    "NestmlValueError",
    "NestmlTypeError",
    "NestmlMemoryError",
    "NestmlInternalError",
    "CodeGeneratorOptionsException",
    "error_for_kind",
    "error_for_diagnostics",
]


@dataclass(frozen=True)
class RelatedLocation:
    """A secondary location of a diagnostic, in the same file.

    For example the first declaration of a redeclared name, or the other
    handler with the same priority.

    Attributes:
        line: 1-based start line.
        col: 0-based start column in bytes.
        end_line: 1-based end line of the half-open range.
        end_col: 0-based end column of the half-open range.
        message: a short label, e.g. ``"first declaration"``.
    """

    line: int = 0
    col: int = 0
    end_line: int = 0
    end_col: int = 0
    message: str = ""

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> "RelatedLocation":
        """Build a related location from its JSON record."""
        return cls(
            line=int(rec.get("line", 0) or 0),
            col=int(rec.get("col", 0) or 0),
            end_line=int(rec.get("end_line", 0) or 0),
            end_col=int(rec.get("end_col", 0) or 0),
            message=str(rec.get("message", "") or ""),
        )


@dataclass(frozen=True)
class Diagnostic:
    """One finding about a NESTML source.

    Attributes:
        code: stable identifier in UPPER_SNAKE case, e.g. ``"SYNTAX_ERROR"``.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        file: the source file name (``"<string>"`` for source text).
        model: the model the finding belongs to, or ``""``.
        line: 1-based start line (0 if the finding has no position).
        col: 0-based start column in bytes (as upstream NESTML reports it).
        end_line: 1-based end line of the half-open range.
        end_col: 0-based end column of the half-open range.
        message: what is wrong.
        hint: how to fix it, or ``""``.
        upstream: the corresponding upstream NESTML message code, or ``""``.
        related: secondary locations (:class:`RelatedLocation`), possibly
            empty.
    """

    code: str
    severity: str
    file: str = ""
    model: str = ""
    line: int = 0
    col: int = 0
    end_line: int = 0
    end_col: int = 0
    message: str = ""
    hint: str = ""
    upstream: str = ""
    related: tuple[RelatedLocation, ...] = ()

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> "Diagnostic":
        """Build a diagnostic from its JSON record (unknown keys are ignored)."""
        return cls(
            code=str(rec.get("code", "")),
            severity=str(rec.get("severity", "error")),
            file=str(rec.get("file", "") or ""),
            model=str(rec.get("model", "") or ""),
            line=int(rec.get("line", 0) or 0),
            col=int(rec.get("col", 0) or 0),
            end_line=int(rec.get("end_line", 0) or 0),
            end_col=int(rec.get("end_col", 0) or 0),
            message=str(rec.get("message", "")),
            hint=str(rec.get("hint", "") or ""),
            upstream=str(rec.get("upstream", "") or ""),
            related=tuple(
                RelatedLocation.from_record(r) for r in (rec.get("related") or ()) if isinstance(r, Mapping)
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON record form (the same keys as the native library;
        ``related`` is a list of dicts)."""
        d = asdict(self)
        d["related"] = [asdict(r) for r in self.related]
        return d

    @property
    def is_error(self) -> bool:
        """True if the severity is ``"error"``."""
        return self.severity == "error"

    def __str__(self) -> str:
        """Compiler style: ``file:line:col: severity CODE: message`` (col 1-based)."""
        s = f"{self.file}:{self.line}:{self.col + 1}: {self.severity} {self.code}: {self.message}"
        if self.upstream:
            s += f" [upstream: {self.upstream}]"
        return s


class NestmlError(Exception):
    """Base class of all nestml_go errors.

    Attributes:
        message: the error message.
        diagnostics: the diagnostics behind the error (possibly empty).
        kind: the native error kind (``"parse"``, ``"check"``, ``"unit"``,
            ``"solver"``, ``"codegen"``, ``"simulation"``, ``"argument"`` or
            ``"internal"``), or ``""`` for errors raised in Python.
    """

    #: The native error kind this class stands for.
    default_kind: str = ""

    def __init__(
        self,
        message: str,
        diagnostics: Iterable[Diagnostic] = (),
        kind: str | None = None,
    ) -> None:
        self.message = message
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        self.kind = self.default_kind if kind is None else kind
        super().__init__(message)

    def errors(self) -> list[dict[str, Any]]:
        """The diagnostics as plain dicts (like pydantic's ``errors()``)."""
        return [d.to_dict() for d in self.diagnostics]

    def __str__(self) -> str:
        lines = [self.message]
        shown = [d for d in self.diagnostics if str(d) != self.message]
        for d in shown[:10]:
            lines.append("  " + str(d))
        if len(shown) > 10:
            lines.append(f"  ... and {len(shown) - 10} more")
        return "\n".join(lines)


class NestmlCheckError(NestmlError):
    """The model has errors found by the front end (names, types, context conditions)."""

    default_kind = "check"


class NestmlParseError(NestmlCheckError):
    """The source is not valid NESTML syntax."""

    default_kind = "parse"


class NestmlUnitError(NestmlCheckError):
    """A physical-unit or type error."""

    default_kind = "unit"


class NestmlSolverError(NestmlError):
    """The ODE analysis or a numerical solver failed."""

    default_kind = "solver"


class NestmlCodegenError(NestmlError):
    """Generating or building target code failed."""

    default_kind = "codegen"


class NestmlSimulationError(NestmlError):
    """A simulation could not be set up or run."""

    default_kind = "simulation"


class NestmlValueError(NestmlError, ValueError):
    """An argument has the right type but a bad value (a range, a shape, NaN
    or infinity, an unknown name): raised in Python before the core is
    called. Also a :class:`ValueError`."""

    default_kind = "argument"


class NestmlTypeError(NestmlError, TypeError):
    """An argument has the wrong type: raised in Python before the core is
    called. Also a :class:`TypeError`."""

    default_kind = "argument"


class NestmlArgumentError(NestmlValueError):
    """The native library rejected an argument (also a :class:`ValueError`)."""

    default_kind = "argument"


class NestmlMemoryError(NestmlValueError, MemoryError):
    """A network would not fit in memory; refused before allocating.

    Attributes:
        needed: the estimated number of bytes.
        available: the bytes available (``MemAvailable`` of /proc/meminfo).
    """

    def __init__(self, message: str, needed: int = 0, available: int = 0) -> None:
        super().__init__(message)
        self.needed = needed
        self.available = available


class NestmlInternalError(NestmlError):
    """A bug in nestml_go (e.g. a recovered panic in the native library)."""

    default_kind = "internal"


class CodeGeneratorOptionsException(NestmlValueError):
    """An unknown key in ``codegen_opts`` (upstream pynestml's name and message)."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f'The code generator option "{key}" does not exist.')


_KIND_TO_CLASS: dict[str, type[NestmlError]] = {
    "parse": NestmlParseError,
    "check": NestmlCheckError,
    "unit": NestmlUnitError,
    "solver": NestmlSolverError,
    "codegen": NestmlCodegenError,
    "simulation": NestmlSimulationError,
    "argument": NestmlArgumentError,
    "internal": NestmlInternalError,
}

# Diagnostic codes of the parser (checks.md §4); an error list made only of
# these is a parse error rather than a check error.
_PARSE_CODES = frozenset(
    {
        "LEXICAL_ERROR",
        "SYNTAX_ERROR",
        "INCONSISTENT_DEDENT",
        "OLD_SYNTAX",
        "NO_MODEL_IN_FILE",
        "INTEGER_LITERAL_OVERFLOW",
    }
)


def error_for_kind(kind: str, message: str, diagnostics: Iterable[Diagnostic] = ()) -> NestmlError:
    """Return the exception for a native error of the given kind."""
    cls = _KIND_TO_CLASS.get(kind, NestmlInternalError)
    return cls(message, diagnostics, kind=kind if kind in _KIND_TO_CLASS else "internal")


def error_for_diagnostics(
    diagnostics: Iterable[Diagnostic], message: str | None = None
) -> NestmlCheckError:
    """Return the exception for a list of diagnostics that contains errors.

    The class is :class:`NestmlParseError` if any error is a lexical or
    syntax error (the whole file is then invalid), and
    :class:`NestmlCheckError` otherwise.
    """
    diags = list(diagnostics)
    errs = [d for d in diags if d.is_error]
    cls: type[NestmlCheckError] = NestmlCheckError
    if any(d.code in _PARSE_CODES for d in errs):
        cls = NestmlParseError
    if message is None:
        if not errs:
            message = "model check failed"
        elif len(errs) == 1:
            message = str(errs[0])
        else:
            message = f"{errs[0]} (and {len(errs) - 1} more errors)"
    return cls(message, diags)
