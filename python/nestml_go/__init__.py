"""nestml_go: a fast NESTML compiler and simulator with a Go core.

Check models, simulate networks in process, and generate NEST extension
modules, with pynestml-compatible entry points::

    import nestml_go as ng

    ng.check_file("my_neuron.nestml").raise_for_errors()
    m = ng.load("my_neuron.nestml")
    net = ng.Network(resolution=0.1)
    pop = net.create(m, n=100)

    ng.generate_nest_target("models/", "build/", module_name="mymodule")

The native library is loaded on first use. It cannot be used in a process
forked after it was loaded: use multiprocessing's ``"spawn"`` or
``"forkserver"`` start method.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import plot  # Matplotlib helpers; Matplotlib itself is imported on first use
from .codegen import generate_nest_target, generate_target
from .errors import (
    CodeGeneratorOptionsException,
    Diagnostic,
    NestmlArgumentError,
    NestmlCheckError,
    NestmlCodegenError,
    NestmlError,
    NestmlInternalError,
    NestmlMemoryError,
    NestmlParseError,
    NestmlSimulationError,
    NestmlSolverError,
    NestmlTypeError,
    NestmlUnitError,
    NestmlValueError,
    RelatedLocation,
)
from .frontend import CheckResult, check, check_file
from .library import library_models, library_source
from .loihi import generate_loihi_target
from .model import Model, load
from .network import Network, NodeCollection

if TYPE_CHECKING:
    __version__: str

__all__ = [
    "__version__",
    "check",
    "check_file",
    "CheckResult",
    "load",
    "library_models",
    "library_source",
    "Model",
    "Network",
    "NodeCollection",
    "plot",
    "generate_target",
    "generate_nest_target",
    "generate_loihi_target",
    "Diagnostic",
    "RelatedLocation",
    "NestmlError",
    "NestmlParseError",
    "NestmlCheckError",
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
]


def __getattr__(name: str) -> Any:
    # The version lives in one place, the Go constant pybind.Version; it is
    # read from the native library on first access (setup.py reads the same
    # constant for the package metadata).
    if name == "__version__":
        from ._native import version

        v = version()
        globals()["__version__"] = v
        return v
    raise AttributeError(f"module 'nestml_go' has no attribute {name!r}")
