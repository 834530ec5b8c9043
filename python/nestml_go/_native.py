"""Private access to the native library ``_libnestml.so``.

The library is the Go core of nestml_go built with ``-buildmode=c-shared``
(see ``pybind/`` in the source tree). It exports a JSON remote procedure
call and a bulk-number fill::

    int  ng_call(char* method, char* json_in, char** json_out, char** err_json);
    int  ng_fill(uint64_t handle, char* json_in, double* buf, int64_t n, char** err_json);
    void ng_free(char* p);

The library is loaded lazily on the first call. ctypes releases the GIL
while Go runs, so several Python threads can be inside Go at once (the Go
side serialises calls on the same object).

A Go runtime does not survive ``fork()``: in a child forked after the
library was loaded, every call raises :class:`~nestml_go.errors.NestmlError`
instead of hanging. Use the ``"spawn"`` or ``"forkserver"`` start method of
:mod:`multiprocessing` (or ``concurrent.futures.ProcessPoolExecutor`` with
such a context) to run nestml_go in worker processes.

Nothing here is public API; use the functions of :mod:`nestml_go`.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Protocol, cast

import numpy as np
import numpy.typing as npt

from .errors import (
    Diagnostic,
    NestmlError,
    NestmlInternalError,
    NestmlMemoryError,
    NestmlTypeError,
    NestmlValueError,
    error_for_kind,
)

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

#: Environment variable that overrides the library's location (for development).
LIBRARY_ENV = "NESTML_GO_LIBRARY"

FORK_MESSAGE = (
    "nestml_go cannot be used in a forked child process; "
    "use multiprocessing 'spawn' or 'forkserver'"
)

if TYPE_CHECKING:
    _CArg = ctypes._CArgObject
    _DoublePtr = ctypes._Pointer[ctypes.c_double]
else:
    _CArg = _DoublePtr = Any


class NativeLib(Protocol):
    """The exported C functions, as ctypes sees them."""

    def ng_call(self, method: bytes, json_in: bytes, json_out: _CArg, err_json: _CArg, /) -> int: ...

    def ng_fill(self, handle: int, json_in: bytes, buf: _DoublePtr, n: int, err_json: _CArg, /) -> int: ...

    def ng_free(self, p: int | None, /) -> None: ...


_lock = threading.Lock()
_lib: NativeLib | None = None
_load_pid: int | None = None
_forked = False
_version: str | None = None


def _after_fork_in_child() -> None:
    global _forked
    if _lib is not None:
        _forked = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def library_path() -> Path:
    """Where the native library is loaded from.

    ``$NESTML_GO_LIBRARY`` if set, else ``_libnestml.so`` next to this file.
    """
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env)
    return Path(__file__).with_name("_libnestml.so")


def _in_forked_child() -> bool:
    return _forked or (_load_pid is not None and os.getpid() != _load_pid)


def _load() -> NativeLib:
    """Return the loaded library, loading it on first use."""
    global _lib, _load_pid
    lib = _lib
    if lib is not None:
        if _in_forked_child():
            raise NestmlError(FORK_MESSAGE)
        return lib
    with _lock:
        if _lib is not None:
            return _load()
        path = library_path()
        if not path.exists():
            raise NestmlError(
                f"the nestml_go native library is missing ({path}); reinstall the package "
                "(pip install . or pip install -e . from the source tree, which runs go build)"
            )
        try:
            cdll = ctypes.CDLL(str(path))
        except OSError as e:
            raise NestmlError(f"cannot load the nestml_go native library {path}: {e}") from e
        cdll.ng_call.argtypes = [
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_void_p),
            ctypes.POINTER(ctypes.c_void_p),
        ]
        cdll.ng_call.restype = ctypes.c_int
        cdll.ng_fill.argtypes = [
            ctypes.c_uint64,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_double),
            ctypes.c_int64,
            ctypes.POINTER(ctypes.c_void_p),
        ]
        cdll.ng_fill.restype = ctypes.c_int
        cdll.ng_free.argtypes = [ctypes.c_void_p]
        cdll.ng_free.restype = None
        lib = cast(NativeLib, cdll)
        _load_pid = os.getpid()
        _lib = lib
        return lib


def _json_default(obj: Any) -> Any:
    """Convert NumPy values and paths for :func:`json.dumps`."""
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise NestmlTypeError(f"cannot pass a value of type {type(obj).__name__} to nestml_go")


def _encode(obj: Any) -> bytes:
    try:
        return json.dumps(obj, default=_json_default, allow_nan=False).encode("utf-8")
    except ValueError as e:
        if "JSON compliant" in str(e):
            raise NestmlValueError("arguments must not contain NaN or infinity") from None
        raise


def _take_string(lib: NativeLib, p: ctypes.c_void_p) -> str:
    """Copy a malloc'd C string from the library and free it."""
    if not p.value:
        return ""
    try:
        return ctypes.string_at(p.value).decode("utf-8", errors="replace")
    finally:
        lib.ng_free(p.value)


def _raise_native(text: str) -> None:
    """Raise the exception described by the library's error JSON."""
    try:
        err = json.loads(text) if text else {}
    except ValueError:
        raise NestmlInternalError(f"malformed error from the native library: {text!r}") from None
    if not isinstance(err, dict):
        raise NestmlInternalError(f"malformed error from the native library: {text!r}")
    diags = [Diagnostic.from_record(r) for r in (err.get("diagnostics") or []) if isinstance(r, dict)]
    raise error_for_kind(str(err.get("kind", "internal")), str(err.get("message", "")), diags)


def call(method: str, **kwargs: Any) -> dict[str, Any]:
    """Call the native method ``method`` with keyword arguments as its JSON object.

    Returns the decoded JSON result. Raises the :class:`NestmlError`
    subclass matching the error's kind (``"argument"`` errors are also
    :class:`ValueError`).
    """
    if not isinstance(method, str) or not method:
        raise NestmlTypeError("method must be a non-empty string")
    lib = _load()
    payload = _encode(kwargs)
    out = ctypes.c_void_p()
    err = ctypes.c_void_p()
    status = lib.ng_call(method.encode("utf-8"), payload, ctypes.byref(out), ctypes.byref(err))
    out_text = _take_string(lib, out)
    err_text = _take_string(lib, err)
    if status != 0:
        _raise_native(err_text)
    try:
        result = json.loads(out_text) if out_text else {}
    except ValueError:
        raise NestmlInternalError(f"malformed result of {method!r} from the native library") from None
    if not isinstance(result, dict):
        raise NestmlInternalError(f"result of {method!r} is not a JSON object")
    return result


def fill(handle: int, req: Mapping[str, Any], n: int) -> npt.NDArray[np.float64]:
    """Return a new float64 array of length ``n`` filled by the native library.

    Python allocates the array; Go writes into it directly (no copy). ``req``
    tells the object behind ``handle`` what to write, e.g.
    ``{"recorder": 3, "key": "V_m"}`` for a network.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise NestmlTypeError(f"n must be an int, not {type(n).__name__}")
    n = int(n)
    if n < 0:
        raise NestmlValueError(f"n must be >= 0, got {n}")
    handle = _check_handle(handle)
    lib = _load()
    payload = _encode(dict(req))
    arr = np.empty(n, dtype=np.float64)
    if n == 0:
        return arr
    err = ctypes.c_void_p()
    status = lib.ng_fill(
        handle,
        payload,
        arr.ctypes.data_as(ctypes.POINTER(ctypes.c_double)),
        n,
        ctypes.byref(err),
    )
    err_text = _take_string(lib, err)
    if status != 0:
        _raise_native(err_text)
    return arr


def _check_handle(handle: Any) -> int:
    if isinstance(handle, bool) or not isinstance(handle, (int, np.integer)):
        raise NestmlTypeError(f"handle must be an int, not {type(handle).__name__}")
    h = int(handle)
    if not 0 < h < 2**64:
        raise NestmlValueError(f"invalid handle {h}")
    return h


def free(handle: int) -> None:
    """Release a native handle; freeing twice is an error."""
    call("free", handle=_check_handle(handle))


def release(handle: int) -> None:
    """Release a native handle quietly (for ``__del__`` and ``close``).

    Does nothing in a forked child, before the library was loaded, or at
    interpreter shutdown, and never raises.
    """
    try:
        if _lib is None or _in_forked_child() or sys.is_finalizing():
            return
        call("free", handle=int(handle))
    except Exception:
        pass


def version() -> str:
    """The version of the native library (the single source of nestml_go's version)."""
    global _version
    if _version is None:
        _version = str(call("version")["version"])
    return _version


#: Where the available memory is read from (``MemAvailable``).
MEMINFO_PATH = "/proc/meminfo"

#: The share of the available memory one request may claim.
MEMORY_FRACTION = 0.8


def available_memory() -> int | None:
    """The memory available for new allocations in bytes (``MemAvailable``
    of /proc/meminfo), or ``None`` where that is unknown (not Linux)."""
    try:
        with open(MEMINFO_PATH, encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    parts = line.split()
                    return int(parts[1]) * (1024 if parts[2:3] == ["kB"] else 1)
    except (OSError, ValueError, IndexError):
        return None
    return None


def _fmt_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if abs(n) < 1024 or unit == "PiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PiB"  # pragma: no cover - unreachable


def check_memory(needed: float, what: str) -> None:
    """Refuse a request that would not fit in memory, before allocating.

    Raises :class:`~nestml_go.errors.NestmlMemoryError` (a ``ValueError``
    and a ``MemoryError``) with the estimate if ``needed`` bytes exceed
    :data:`MEMORY_FRACTION` of :func:`available_memory`. The estimate is
    a lower bound; nothing is checked where the available memory is unknown.
    """
    avail = available_memory()
    if avail is None or needed <= MEMORY_FRACTION * avail:
        return
    raise NestmlMemoryError(
        f"{what} would need about {_fmt_bytes(needed)} of memory, but only "
        f"{_fmt_bytes(avail)} is available ({MEMINFO_PATH}: MemAvailable); "
        "use fewer neurons or connections",
        needed=int(min(needed, 2**63 - 1)),
        available=avail,
    )
