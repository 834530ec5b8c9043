"""Type stub of :mod:`nestml_go._native`, the ctypes layer over the C ABI
of ``_libnestml.so`` (``ng_call``, ``ng_fill``, ``ng_free``; see pybind/).

Checked against the runtime module by ``python -m mypy.stubtest
nestml_go._native`` in CI.
"""

import ctypes
from pathlib import Path
from typing import Any, Final, Mapping, Protocol

import numpy as np
import numpy.typing as npt

__all__ = [
    "call",
    "fill",
    "free",
    "release",
    "library_path",
    "version",
    "available_memory",
    "check_memory",
    "FORK_MESSAGE",
    "MEMINFO_PATH",
]

LIBRARY_ENV: Final[str]
FORK_MESSAGE: Final[str]
MEMINFO_PATH: Final[str]
MEMORY_FRACTION: Final[float]

class NativeLib(Protocol):
    """The exported C functions, as ctypes sees them."""

    def ng_call(
        self,
        method: bytes,
        json_in: bytes,
        json_out: ctypes._CArgObject,
        err_json: ctypes._CArgObject,
        /,
    ) -> int: ...
    def ng_fill(
        self,
        handle: int,
        json_in: bytes,
        buf: ctypes._Pointer[ctypes.c_double],
        n: int,
        err_json: ctypes._CArgObject,
        /,
    ) -> int: ...
    def ng_free(self, p: int | None, /) -> None: ...

def library_path() -> Path: ...
def call(method: str, **kwargs: Any) -> dict[str, Any]: ...
def fill(handle: int, req: Mapping[str, Any], n: int) -> npt.NDArray[np.float64]: ...
def free(handle: int) -> None: ...
def release(handle: int) -> None: ...
def version() -> str: ...
def available_memory() -> int | None: ...
def check_memory(needed: float, what: str) -> None: ...
