"""Loaded NESTML models: :func:`load` and :class:`Model`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Union

from ._repr import model_html, model_latex
from .errors import Diagnostic
from .frontend import check, check_file
from .errors import NestmlTypeError, NestmlValueError  # argument errors raised before calling Go

__all__ = ["Model", "load"]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Model:
    """A checked NESTML model, ready to be passed to :meth:`Network.create`.

    Attributes:
        name: the model name (``model NAME:``).
        source: the NESTML text of the file that defines it.
        path: the file it was loaded from, or ``None`` for source text.
        diagnostics: warnings (and infos) found while checking it.
        models: the names of all models defined in the same source.
    """

    name: str
    source: str
    path: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    models: list[str] = field(default_factory=list)

    _repr_html_ = model_html  # notebook display: equations, parameter table
    _repr_latex_ = model_latex

    def __repr__(self) -> str:
        where = self.path if self.path is not None else "<string>"
        return f"Model(name={self.name!r}, path={where!r})"

    def ode_report(self, timestep: float = 0.1, solver: str = "analytic") -> dict[str, Any]:
        """The ODE analysis of this model (numerics.md §8): which states are
        solved exactly (propagators, evaluated at the default parameters and
        ``timestep`` ms) and which numerically. The ``"solvers"`` list uses
        ODE-toolbox's field names.

        Raises:
            NestmlError: if the model cannot be analysed (the diagnostics say why).
        """
        from . import _native
        from .errors import error_for_diagnostics

        if not isinstance(solver, str) or solver not in ("analytic", "numeric"):
            raise NestmlValueError(f"solver must be 'analytic' or 'numeric', not {solver!r}")
        if (isinstance(timestep, bool) or not isinstance(timestep, (int, float))
                or not 0 < timestep < float("inf")):
            raise NestmlValueError(f"timestep must be a positive number of ms, got {timestep!r}")
        res = _native.call("odes", source=self.source, path=self.path or "<string>",
                           timestep=float(timestep), solver="numeric" if solver == "numeric" else "")
        for rep in res["reports"]:
            if rep["model"] == self.name:
                return dict(rep)
        diags = [Diagnostic.from_record(r) for r in res.get("diagnostics") or []]
        raise error_for_diagnostics(diags)


def _looks_like_source(s: str) -> bool:
    return "\n" in s or s.lstrip().startswith(("model ", "#"))


def load(path_or_source: PathLike, *, name: str | None = None) -> Model:
    """Load and check a NESTML model from a file or from source text.

    A string that contains a newline or starts with ``model`` is taken as
    source text; anything else as a path.

    Args:
        path_or_source: a ``.nestml`` file or NESTML text.
        name: which model to take if the source defines several.

    Raises:
        TypeError: for arguments of the wrong type.
        FileNotFoundError: if a path does not exist.
        ValueError: if ``name`` is not defined, or several models are
            defined and ``name`` is not given.
        NestmlParseError, NestmlCheckError: if the source has errors.
    """
    if name is not None and not isinstance(name, str):
        raise NestmlTypeError(f"name must be a str, not {type(name).__name__}")
    path: str | None
    if isinstance(path_or_source, os.PathLike) or (
        isinstance(path_or_source, str) and not _looks_like_source(path_or_source)
    ):
        path = os.path.abspath(os.fspath(path_or_source))
        res = check_file(path)
        with open(path, encoding="utf-8") as f:
            source = f.read()
    elif isinstance(path_or_source, str):
        path = None
        source = path_or_source
        res = check(source)
    else:
        raise NestmlTypeError(
            f"load() takes a path or NESTML source text, not {type(path_or_source).__name__}"
        )
    res.raise_for_errors()
    if name is None:
        if len(res.models) != 1:
            raise NestmlValueError(
                f"{res.file} defines {len(res.models)} models ({', '.join(res.models)}); "
                "pass name= to choose one"
            )
        name = res.models[0]
    elif name not in res.models:
        raise NestmlValueError(f"{res.file} defines no model {name!r} (it defines: {', '.join(res.models)})")
    return Model(name=name, source=source, path=path, diagnostics=list(res.diagnostics), models=list(res.models))
