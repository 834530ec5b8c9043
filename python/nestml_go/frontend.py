"""Checking NESTML sources: :func:`check` and :func:`check_file`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Union

from . import _native
from .errors import Diagnostic, error_for_diagnostics
from .errors import NestmlTypeError, NestmlValueError  # argument errors raised before calling Go

__all__ = ["CheckResult", "check", "check_file"]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one NESTML source.

    Attributes:
        file: the file name used in the diagnostics (``"<string>"`` for text).
        models: names of the models the source defines, in source order.
        diagnostics: all findings, sorted by position.
    """

    file: str
    models: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics of severity ``"error"``."""
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics of severity ``"warning"``."""
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True if there are no errors (warnings are allowed)."""
        return not self.errors

    def raise_for_errors(self) -> "CheckResult":
        """Raise :class:`~nestml_go.NestmlParseError` or
        :class:`~nestml_go.NestmlCheckError` if there are errors; else return self."""
        if not self.ok:
            raise error_for_diagnostics(self.diagnostics)
        return self


def _result(file: str, res: dict[str, Any]) -> CheckResult:
    return CheckResult(
        file=file,
        models=[str(m) for m in res.get("models") or []],
        diagnostics=[Diagnostic.from_record(r) for r in res.get("diagnostics") or []],
    )


def _level(lang: str, strict: bool) -> dict[str, object]:
    if lang not in ("9.0", "8.3"):
        raise NestmlValueError(f"lang must be '9.0' or '8.3', not {lang!r}")
    if not isinstance(strict, bool):
        raise NestmlTypeError(f"strict must be a bool, not {type(strict).__name__}")
    return {"lang": lang, "strict": strict}


def _target(target: str) -> str:
    if not isinstance(target, str) or target.upper() not in ("NONE", "NEST", "NEST_COMPARTMENTAL"):
        raise NestmlValueError(f"target must be 'NONE', 'NEST' or 'NEST_compartmental', not {target!r}")
    return target


def check(
    source: str, *, path: PathLike | None = None, lang: str = "9.0", strict: bool = False, target: str = "NONE"
) -> CheckResult:
    """Check NESTML source text and return its diagnostics.

    Errors in the model are *returned* (see :attr:`CheckResult.errors` and
    :meth:`CheckResult.raise_for_errors`), not raised.

    Args:
        source: the NESTML text of one file.
        path: the file name to report in diagnostics (not read); default
            ``"<string>"``.
        lang: language level, ``"9.0"`` (default) or ``"8.3"``.
        strict: report the 8.3 forms that 9.0 rejects (bare units in
            expressions, a number followed by a variable) as errors, as
            pynestml 9.0 does, instead of warnings with a fix-it.
        target: ``"NONE"`` (default, generic checks only), ``"NEST"``, or
            ``"NEST_compartmental"`` (adds the compartmental ``CM_*`` checks).

    Raises:
        TypeError: if ``source`` is not a string.
    """
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as e:
            raise NestmlValueError(f"source bytes are not UTF-8: {e}") from None
    if not isinstance(source, str):
        raise NestmlTypeError(
            f"check() takes NESTML source text (str), not {type(source).__name__}; "
            "use check_file() for a path"
        )
    name: str | None = None
    if path is not None:
        if not isinstance(path, (str, os.PathLike)):
            raise NestmlTypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
        name = os.fspath(path)
    res = _native.call("check", path=name, source=source, target=_target(target), **_level(lang, strict))
    return _result(name or "<string>", res)


def check_file(path: PathLike, *, lang: str = "9.0", strict: bool = False, target: str = "NONE") -> CheckResult:
    """Check the NESTML file at ``path`` and return its diagnostics
    (``lang``, ``strict`` and ``target`` as for :func:`check`).

    Raises:
        TypeError: if ``path`` is not a str or path-like.
        FileNotFoundError: if ``path`` does not exist.
        IsADirectoryError: if ``path`` is a directory.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise NestmlTypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    p = os.fspath(path)
    if not os.path.exists(p):
        raise FileNotFoundError(f"no such file: {p}")
    if os.path.isdir(p):
        raise IsADirectoryError(f"{p} is a directory; give a .nestml file")
    res = _native.call("check", path=p, source=None, target=_target(target), **_level(lang, strict))
    return _result(p, res)
