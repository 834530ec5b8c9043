"""nestml_go's own model library (written for this project, embedded in the core)."""

from __future__ import annotations

from . import _native
from .errors import NestmlTypeError  # argument errors raised before calling Go


def library_models() -> list[str]:
    """Names of the models of the built-in library (e.g. ``"iaf_psc_exp_neuron"``)."""
    return list(_native.call("library")["names"])


def library_source(name: str) -> str:
    """NESTML source text of a library model.

    Raises:
        TypeError: if ``name`` is not a str.
        NestmlArgumentError: if there is no such model.
    """
    if not isinstance(name, str):
        raise NestmlTypeError(f"name must be a str, not {type(name).__name__}")
    return str(_native.call("library", name=name)["source"])
