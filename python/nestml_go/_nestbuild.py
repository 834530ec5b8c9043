"""Direct build of NEST extension modules, without CMake or ``nest-config``.

This is the ``build_system = "direct"`` path of the NEST target
(nest_target.md §7.2, §7.3 and the recipe of §8.3). It works with the PyPI
wheel of ``nest-simulator`` 3.10, whose ``nest-config`` points at the build
machine, and with any other NEST installation that ships its headers.

Three entry points:

``find_nest(nest_python=None)``
    Locates NEST as seen by a Python interpreter (a subprocess, so the calling
    process need not import ``nest``): package and header directories, the
    PyNEST extension that exports the kernel symbols, version, ``config.h``
    feature macros, the libstdc++ string ABI and the wheel tag.

``build_module(src_dir, module_name, nest, ...)``
    Compiles every ``*.cpp`` in ``src_dir`` and links ``<module_name>.so``
    there. It returns the absolute path without extension, the form that
    ``nest.Install`` wants.

``find_and_build(src_dir, module_name, nest_python=None, ...)``
    Both; the first time NEST is located, the compilers start while the
    subprocess imports ``nest`` (code generation uses this one).

Only the standard library is used. Errors are ``NestNotFoundError`` (NEST or
a prerequisite is missing; the message says how to fix it) and
``NestBuildError`` (the compiler or linker failed; the message has the
command and the first compiler errors).
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import json
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from typing import Any, Callable, Iterable, Optional, Sequence, cast

try:
    from . import _pch
except ImportError:  # loaded as a stand-alone file: take _pch.py from beside it
    import importlib.util as _ilu

    _spec = _ilu.spec_from_file_location("_nestml_go_pch", os.path.join(os.path.dirname(os.path.abspath(__file__)), "_pch.py"))
    if _spec is None or _spec.loader is None:
        raise
    _pch = _ilu.module_from_spec(_spec)
    _spec.loader.exec_module(_pch)

__all__ = [
    "NestInstall",
    "NestNotFoundError",
    "NestBuildError",
    "NestBuildWarning",
    "find_nest",
    "build_module",
    "prepare",
]

_PREFIX = "[nestml_go]"
_PIP_FIX = "pip install nest-simulator==3.10.0"
_APT_FIX = "apt-get install libboost-dev libltdl-dev"


class NestNotFoundError(RuntimeError):
    """NEST, its headers or a build prerequisite could not be found."""


class NestBuildError(RuntimeError):
    """Compiling or linking an extension module failed.

    Attributes:
        command: the failing command line, as a list of arguments.
        output: the complete compiler or linker output.
    """

    def __init__(self, message: str, command: Sequence[str] = (), output: str = "") -> None:
        super().__init__(message)
        self.command = list(command)
        self.output = output


class NestBuildWarning(UserWarning):
    """A module was built, but a check suggests it may not load or run correctly."""


@dataclasses.dataclass(frozen=True)
class NestInstall:
    """A NEST installation as found by :func:`find_nest`.

    Attributes:
        python: the interpreter that imports ``nest``.
        version: ``nest.__version__``, for example ``"3.10.0"``.
        package_dir: the directory of the ``nest`` Python package.
        include_dir: the directory holding ``nest_extension_interface.h``.
        api_so: the PyNEST extension (``nestkernel_api*.so``); the kernel
            symbols a module needs resolve from it at load time.
        symbol_libs: ``api_so`` and the NEST shared libraries it links, if any
            (source builds); used for the undefined-symbol check.
        have_libltdl, have_boost, have_gsl, have_mpi: feature macros of
            NEST's ``config.h``.
        abi: ``"cxx11"`` or ``"legacy"``, the libstdc++ ``std::string`` ABI of
            NEST's exported functions.
        abi_evidence: how ``abi`` was decided.
        wheel_tag: the ``Tag:`` lines of the wheel's ``WHEEL`` file, joined by
            ``", "``, or ``None`` if NEST was not installed from a wheel.
    """

    python: str
    version: str
    package_dir: str
    include_dir: str
    api_so: str
    symbol_libs: tuple[str, ...]
    have_libltdl: bool
    have_boost: bool
    have_gsl: bool
    have_mpi: bool
    abi: str
    abi_evidence: str
    wheel_tag: Optional[str]

    @property
    def version_tuple(self) -> tuple[int, int]:
        """(major, minor) of :attr:`version`; ``(99, 0)`` for ``"main"``/unparsable."""
        m = re.match(r"(\d+)\.(\d+)", self.version)
        return (int(m.group(1)), int(m.group(2))) if m else (99, 0)

    @property
    def cxx_std(self) -> str:
        """The C++ standard flag NEST's headers need: C++20 from 3.10 on."""
        return "-std=c++20" if self.version_tuple >= (3, 10) else "-std=c++17"

    @property
    def abi_flags(self) -> list[str]:
        """``-D_GLIBCXX_USE_CXX11_ABI=0`` for a legacy-ABI NEST, else nothing."""
        return ["-D_GLIBCXX_USE_CXX11_ABI=0"] if self.abi == "legacy" else []


# --------------------------------------------------------------------------
# find_nest

_PROBE = r"""
import json, os, sys
out = {"python": sys.executable}
try:
    import nest
except Exception as e:
    out["error"] = "%s: %s" % (type(e).__name__, e)
    try:
        import importlib.util
        spec = importlib.util.find_spec("nest")
        out["origin"] = spec.origin if spec else None
    except Exception:
        pass
else:
    out["origin"] = nest.__file__
    out["version"] = str(getattr(nest, "__version__", ""))
sys.stdout.flush()
print()
print(json.dumps(out))
"""


# Where the interpreter finds NEST and its version, without importing it
# (≈ 0.05 s instead of ≈ 0.5 s of CPU): the check of find_and_build's
# provisional description. An empty answer means "inconclusive".
_LOCATE_PROBE = r"""
import json, sys
out = {}
try:
    import importlib.metadata, importlib.util
    spec = importlib.util.find_spec("nest")
    if spec is not None and spec.origin:
        out = {"origin": spec.origin, "version": importlib.metadata.version("nest-simulator")}
except Exception:
    out = {}
print(json.dumps(out))
"""


def _run_probe(python: str, script: str = _PROBE) -> dict:
    env = dict(os.environ, PYNEST_QUIET="1")
    try:
        proc = subprocess.run(
            [python, "-c", script], capture_output=True, text=True, env=env, timeout=300
        )
    except FileNotFoundError:
        raise NestNotFoundError(f"Python interpreter {python!r} not found.") from None
    except subprocess.TimeoutExpired:
        raise NestNotFoundError(f"'{python} -c \"import nest\"' did not finish within 300 s.") from None
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        tail = "\n".join((proc.stderr or proc.stdout).splitlines()[-15:])
        raise NestNotFoundError(
            f"Probing NEST with {python} failed (exit code {proc.returncode}):\n{tail}"
        ) from None


def _config_flags(config_h: str) -> set[str]:
    defined = set()
    with open(config_h, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"\s*#\s*define\s+(HAVE_\w+)\b", line)
            if m:
                defined.add(m.group(1))
    return defined


def _find_include_dir(package_dir: str, python: str) -> Optional[str]:
    candidates = [os.path.join(package_dir, "include", "nest")]
    # Source installs: <prefix>/include/nest, prefix taken from nest-config or
    # from the interpreter's environment.
    nest_config = shutil.which("nest-config", path=os.path.dirname(python)) or shutil.which("nest-config")
    if nest_config:
        try:
            prefix = subprocess.run(
                [nest_config, "--prefix"], capture_output=True, text=True, timeout=30
            ).stdout.strip()
            if prefix:
                candidates.append(os.path.join(prefix, "include", "nest"))
        except (OSError, subprocess.SubprocessError):
            pass
    candidates.append(os.path.join(os.path.dirname(os.path.dirname(python)), "include", "nest"))
    for c in candidates:
        if os.path.isfile(os.path.join(c, "nest_extension_interface.h")):
            return c
    return None


def _wheel_tag(package_dir: str) -> Optional[str]:
    site = os.path.dirname(package_dir)
    for wheel in sorted(glob.glob(os.path.join(site, "nest_simulator-*.dist-info", "WHEEL"))):
        with open(wheel, encoding="utf-8", errors="replace") as f:
            tags = [ln.split(":", 1)[1].strip() for ln in f if ln.startswith("Tag:")]
        if tags:
            return ", ".join(tags)
    return None


def _elf_dynamic_symbols(path: str, defined: bool) -> Optional[list[str]]:
    """The names in the dynamic symbol table (``.dynsym``) of a 64-bit
    little-endian ELF file, read directly: the list ``nm -D --defined-only``
    (or ``--undefined-only``, without weak symbols) gives, at a fraction of
    its cost (no process per library; ≈ 0.03 s → 0.005 s each). ``None`` for
    any other file, which is then left to ``nm``."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:  # ELFCLASS64, ELFDATA2LSB
            return None
        (shoff,) = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        header = struct.Struct("<IIQQQQIIQQ")  # Elf64_Shdr
        for i in range(shnum):
            _, sh_type, _, _, offset, size, link, _, _, _ = header.unpack_from(data, shoff + i * shentsize)
            if sh_type != 11:  # SHT_DYNSYM
                continue
            strtab = header.unpack_from(data, shoff + link * shentsize)[4]
            names = []
            # Elf64_Sym: st_name, st_info, st_other, st_shndx, st_value, st_size
            for st_name, st_info, _, st_shndx, _, _ in struct.iter_unpack("<IBBHQQ", data[offset : offset + size]):
                if not st_name or (st_shndx != 0) != defined:
                    continue
                if not defined and st_info >> 4 == 2:  # STB_WEAK: need not resolve
                    continue
                start = strtab + st_name
                names.append(data[start : data.index(b"\0", start)].decode("utf-8", "replace"))
            return names
        return []  # no dynamic symbols
    except (OSError, struct.error, ValueError):
        return None


def _nm_symbols(path: str, defined: bool) -> list[str]:
    """Dynamic symbols of a shared object, without version suffixes.

    Undefined weak symbols are left out: they need not resolve. Read by
    :func:`_elf_dynamic_symbols` where it can, else by ``nm``.
    """
    names = _elf_dynamic_symbols(path, defined)
    if names is not None:
        return names
    args = ["nm", "-D", "--defined-only" if defined else "--undefined-only", "-P", path]
    try:
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        raise NestNotFoundError("'nm' not found; install binutils (apt-get install binutils).") from None
    except subprocess.CalledProcessError as e:
        raise NestNotFoundError(f"{shlex.join(args)} failed: {e.stderr.strip()}") from None
    names = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if not defined and kind in ("w", "v"):
            continue
        names.append(name.split("@", 1)[0])
    return names


def _demangle(names: Iterable[str]) -> list[str]:
    names = list(names)
    if not names or not shutil.which("c++filt"):
        return names
    out = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True).stdout
    return out.splitlines()


def _probe_abi(api_so: str, wheel_tag: Optional[str]) -> tuple[str, str]:
    """Decide the libstdc++ string ABI NEST was built with.

    NEST's own functions taking std::string mangle to std::__cxx11::basic_string
    under the new ABI and to std::basic_string under the legacy one.
    """
    # (through the cache of the undefined-symbol check, which reads the same list)
    defined = _lib_cached("defined", api_so, functools.partial(_nm_symbols, api_so, defined=True))
    nest_syms = [s for s in defined if s.startswith("_ZN4nest")]
    # Only names that can demangle to a std::string are demangled (c++filt over
    # all ≈ 11,000 of them costs ≈ 0.3 s): "__cxx11" in the mangled name for the
    # new ABI; "Ss" (std::string) or "basic_string" for the legacy one (a later
    # substitution of it presupposes one of these earlier in the same name).
    n_new = sum(1 for d in _demangle(s for s in nest_syms if "__cxx11" in s) if "std::__cxx11::basic_string" in d)
    if n_new:
        return "cxx11", f"{n_new} nest:: symbols with std::__cxx11::basic_string in {os.path.basename(api_so)}"
    candidates = (s for s in nest_syms if "Ss" in s or "basic_string" in s)
    n_old = sum(1 for d in _demangle(candidates) if "std::basic_string" in d)
    if n_old:
        return "legacy", f"{n_old} nest:: symbols with std::basic_string, none with std::__cxx11 in {os.path.basename(api_so)}"
    # Inconclusive (no std::string in an exported nest:: signature): fall back
    # to the wheel's platform tag.
    if wheel_tag and ("manylinux2014" in wheel_tag or "manylinux_2_17" in wheel_tag):
        return "legacy", f"wheel tag {wheel_tag} (symbol probe inconclusive)"
    return "cxx11", "default (symbol probe inconclusive)"


def _ldd_output(path: str) -> str:
    """What ``ldd path`` prints ("" if ``ldd`` is missing or cannot run)."""
    if not shutil.which("ldd"):
        return ""
    try:
        return subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    except OSError:
        return ""


def _ldd_missing(path: str) -> list[str]:
    """The libraries that ``path`` needs and the dynamic loader does not find
    (``ldd``'s "not found" lines; empty if ``ldd`` is missing)."""
    return [ln.split("=>")[0].strip() for ln in _ldd_output(path).splitlines() if "not found" in ln]


def _linked_nest_libs(api_so: str) -> tuple[str, ...]:
    libs = []
    for line in _ldd_output(api_so).splitlines():
        m = re.search(r"=>\s*(\S+)", line)
        if m and os.path.basename(m.group(1)).startswith(("libnest", "libmodels", "libnestutil")):
            libs.append(m.group(1))
    return tuple(libs)


# (PyNEST extension, its ABI probe (ABI, evidence), the NEST libraries it
# links): what _provisional_install learned, handed to the import probe
_Probed = tuple[tuple[str, str], tuple[str, ...]]  # what _abi_and_libs returns
_KnownProbe = tuple[str, tuple[str, str], tuple[str, ...]]

_FOUND: dict[str, tuple[tuple, NestInstall]] = {}
_FOUND_LOCK = threading.Lock()


def _install_fingerprint(python: str, inst: NestInstall) -> tuple:
    """Sizes and modification times of the interpreter and the NEST files
    ``inst`` describes; any reinstall of NEST (or of packages next to it)
    changes it."""
    package_dir, api_so, include_dir = inst.package_dir, inst.api_so, inst.include_dir
    paths = [
        python, os.path.dirname(package_dir), package_dir, os.path.join(package_dir, "__init__.py"),
        api_so, os.path.join(include_dir, "config.h"), os.path.join(include_dir, "nest_extension_interface.h"),
    ]  # fmt: skip
    fp = []
    for p in paths:
        try:
            st = os.stat(p)
            fp.append((p, st.st_size, st.st_mtime_ns))
        except OSError:
            fp.append((p, -1, -1))
    return tuple(fp)


def _found_cache_file(python: str) -> str:
    import hashlib

    key = hashlib.sha256(
        "\0".join([os.path.realpath(python), os.environ.get("PYTHONPATH", ""), os.environ.get("PYTHONHOME", "")]).encode()
    ).hexdigest()[:24]
    return os.path.join(_pch.cache_dir(), "nest", key + ".json")


def find_nest(nest_python: Optional[str] = None) -> NestInstall:
    """Locate NEST for the interpreter ``nest_python`` (default: this one).

    ``nest`` is imported in a subprocess (with ``PYNEST_QUIET=1``); its report
    is read from the last line of the subprocess's standard output, after
    NEST's banner. The result is remembered, in this process and in the user
    cache (``<cache>/nest/``, keyed by the interpreter's real path and
    ``PYTHONPATH``), and reused while the interpreter, NEST's package
    directory and the directory holding it, its ``__init__.py``, the PyNEST
    extension, ``config.h`` and ``nest_extension_interface.h`` keep their
    sizes and modification times (a ``pip install`` or uninstall next to NEST
    changes the directory's time); that saves the ≈ 1 s of importing NEST in
    a subprocess per build.

    Raises:
        NestNotFoundError: ``nest`` is not importable, its headers are
            missing, NEST was built without libltdl (extension modules are
            then impossible), or ``nm`` is missing. The message names the fix.
    """
    return _find_nest(nest_python or sys.executable)


def _remembered(python: str) -> Optional[NestInstall]:
    """:func:`find_nest`'s remembered result for ``python``, if still valid
    (call with ``_FOUND_LOCK`` held)."""
    hit = _FOUND.get(python)
    if hit is not None and hit[0] == _install_fingerprint(python, hit[1]):
        return hit[1]
    try:
        with open(_found_cache_file(python), encoding="utf-8") as f:
            rec = json.load(f)
        inst = NestInstall(**{**rec["install"], "symbol_libs": tuple(rec["install"]["symbol_libs"])})
        if json.loads(json.dumps(_install_fingerprint(python, inst))) == rec["fingerprint"]:
            _FOUND[python] = (_install_fingerprint(python, inst), inst)
            return inst
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _find_nest(python: str, known: Optional[_KnownProbe] = None) -> NestInstall:
    """:func:`find_nest` for ``python``; ``known`` = (PyNEST extension, its
    ABI probe, the NEST libraries it links) from :func:`_provisional_install`,
    reused if the import finds that extension."""
    with _FOUND_LOCK:
        inst = _remembered(python)
        if inst is not None:
            return inst
        cache_file = _found_cache_file(python)
        inst = _find_nest_uncached(python, known)
        fp = _install_fingerprint(python, inst)
        _FOUND[python] = (fp, inst)
        try:
            os.makedirs(os.path.dirname(cache_file), exist_ok=True)
            tmp = f"{cache_file}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump({"install": dataclasses.asdict(inst), "fingerprint": fp}, f)
            os.replace(tmp, cache_file)
        except OSError:
            pass
        return inst


class _Background:
    """``fn(*args)`` in a daemon thread; :meth:`get` waits and returns its
    result or raises its exception. Used to overlap subprocesses (``nm``,
    ``ldd``) with other work."""

    def __init__(self, fn: Callable, *args: object) -> None:
        self._result: tuple = (None, None)

        def run() -> None:
            try:
                self._result = (fn(*args), None)
            except BaseException as e:  # re-raised by get()
                self._result = (None, e)

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def get(self) -> object:
        self._thread.join()
        value, err = self._result
        if err is not None:
            raise err
        return value


def _guess_api_so(python: str) -> Optional[str]:
    """The PyNEST extension that ``python`` will most likely import, found
    without importing ``nest`` (only for this interpreter; ``None`` if unsure).
    A guess: :func:`find_nest` uses it only if the probe confirms the path."""
    try:
        if os.path.realpath(python) != os.path.realpath(sys.executable):
            return None
        import importlib.util

        spec = importlib.util.find_spec("nest")
    except (ImportError, ValueError, OSError):
        return None
    if spec is None or not spec.origin:
        return None
    api = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(spec.origin)), "nestkernel_api*.so")))
    return api[0] if api else None


def _abi_and_libs(api_so: str, wheel_tag: Optional[str]) -> tuple[tuple[str, str], tuple[str, ...]]:
    return _probe_abi(api_so, wheel_tag), _linked_nest_libs(api_so)


def _find_nest_uncached(
    python: str, known: Optional[_KnownProbe] = None
) -> NestInstall:
    # The symbol probe of the PyNEST extension (nm, c++filt, ldd: ≈ 0.3-0.6 s)
    # runs while the interpreter imports nest (≈ 1 s), on the extension that
    # the interpreter will most likely load; used only if that guess is right.
    # find_and_build hands over the probe it already made (known).
    early: Optional[tuple[str, Callable[[], _Probed]]] = None
    if known is not None:
        early = (known[0], lambda: (known[1], known[2]))
        # find_and_build's check: where a fresh interpreter finds NEST, and
        # that the PyNEST extension's libraries all resolve, suffice; the
        # import is left to the full probe when that is inconclusive (which
        # then also reports why NEST does not import).
        try:
            located = _run_probe(python, _LOCATE_PROBE)
        except NestNotFoundError:
            located = {}
        if located.get("origin") and located.get("version"):
            try:
                inst = _describe(python, os.path.dirname(os.path.abspath(located["origin"])), located["version"], early)
            except NestNotFoundError:
                inst = None
            if inst is not None and not _ldd_missing(inst.api_so):
                return inst
    else:
        guess = _guess_api_so(python)
        if guess:
            bg = _Background(_abi_and_libs, guess, _wheel_tag(os.path.dirname(guess)))
            early = (guess, lambda: cast(_Probed, bg.get()))
    info = _run_probe(python)
    if "error" in info:
        where = f" (found at {info['origin']}, but importing it failed)" if info.get("origin") else ""
        raise NestNotFoundError(
            f"NEST is not importable with {python}{where}: {info['error']}\n"
            f"Fix: {shlex.quote(python)} -m {_PIP_FIX}"
        )
    package_dir = os.path.dirname(os.path.abspath(info["origin"]))
    version = info.get("version") or ""
    return _describe(python, package_dir, version, early)


def _describe(
    python: str,
    package_dir: str,
    version: str,
    early: Optional[tuple[str, Callable[[], _Probed]]] = None,
) -> NestInstall:
    """The :class:`NestInstall` of the NEST package in ``package_dir``:
    headers, ``config.h``, the PyNEST extension and its ABI. ``early`` =
    (an extension, the result of :func:`_abi_and_libs` for it, when ready):
    used if that is the extension found here."""
    include_dir = _find_include_dir(package_dir, python)
    if include_dir is None:
        raise NestNotFoundError(
            f"NEST {version} at {package_dir} has no C++ headers "
            f"(nest_extension_interface.h not found under {os.path.join(package_dir, 'include', 'nest')} "
            "or <nest-config --prefix>/include/nest).\n"
            f"Fix: install the PyPI wheel ({_PIP_FIX}), which ships the headers, "
            "or a source build of NEST with 'make install'."
        )
    config_h = os.path.join(include_dir, "config.h")
    if not os.path.isfile(config_h):
        raise NestNotFoundError(f"NEST's config.h is missing from {include_dir}; the installation is incomplete.")
    flags = _config_flags(config_h)
    if "HAVE_LIBLTDL" not in flags:
        raise NestNotFoundError(
            f"NEST {version} at {package_dir} was built without libltdl (HAVE_LIBLTDL is not defined "
            f"in {config_h}); nest.Install cannot load extension modules into it.\n"
            "Fix: use a NEST built with libltdl, e.g. build the nest-simulator source distribution "
            "from PyPI with libltdl-dev installed (apt-get install libltdl-dev)."
        )

    api = sorted(glob.glob(os.path.join(package_dir, "nestkernel_api*.so")))
    if not api:
        raise NestNotFoundError(
            f"The PyNEST extension nestkernel_api*.so is missing from {package_dir}; "
            f"reinstall NEST ({_PIP_FIX})."
        )
    api_so = api[0]
    wheel_tag = _wheel_tag(package_dir)
    probed: Optional[_Probed] = None
    if early is not None and early[0] == api_so:
        try:
            probed = early[1]()
        except Exception:
            probed = None  # redone below, where an error is raised as usual
    (abi, evidence), linked = probed or _abi_and_libs(api_so, wheel_tag)
    return NestInstall(
        python=python,
        version=version,
        package_dir=package_dir,
        include_dir=include_dir,
        api_so=api_so,
        symbol_libs=(api_so,) + linked,
        have_libltdl=True,
        have_boost="HAVE_BOOST" in flags,
        have_gsl="HAVE_GSL" in flags,
        have_mpi="HAVE_MPI" in flags,
        abi=abi,
        abi_evidence=evidence,
        wheel_tag=wheel_tag,
    )


def _provisional_install(python: str) -> Optional[NestInstall]:
    """What :func:`find_nest` will most likely return for this interpreter,
    found without importing ``nest`` (its package located by the import
    system, its version from the package metadata): ``None`` for another
    interpreter, or if anything is missing or unusual (then
    :func:`find_nest` reports it)."""
    try:
        if os.path.realpath(python) != os.path.realpath(sys.executable):
            return None
        import importlib.metadata
        import importlib.util

        spec = importlib.util.find_spec("nest")
        if spec is None or not spec.origin:
            return None
        version = importlib.metadata.version("nest-simulator")
        package_dir = os.path.dirname(os.path.abspath(spec.origin))
        return _describe(python, package_dir, version)
    except Exception:  # a provisional answer only: find_nest decides
        return None


def find_and_build(src_dir: str, module_name: str, nest_python: Optional[str] = None, **build_opts: Any) -> str:
    """:func:`find_nest`, then :func:`build_module` with ``build_opts``.

    The first time NEST is located (nothing remembered), importing it in a
    subprocess takes ≈ 0.5-1 s before a compiler could start. For this
    interpreter the compilers then start at once, on a provisional
    description of NEST found without importing it
    (:func:`_provisional_install`), while a check runs alongside: a fresh
    interpreter locates NEST without importing it (``find_spec`` and the
    package metadata) and ``ldd`` finds every library of the PyNEST
    extension; where that is inconclusive, NEST is imported as by
    :func:`find_nest`. The module is built again if the check finds a
    different NEST, and a NEST that does not import is reported as by
    :func:`find_nest`. The checked description is remembered like
    :func:`find_nest`'s.
    """
    python = nest_python or sys.executable
    with _FOUND_LOCK:
        nest = _remembered(python)
    prov = _provisional_install(python) if nest is None else None
    if prov is None:
        return build_module(src_dir, module_name, nest or _find_nest(python), **build_opts)
    check = _Background(_find_nest, python, (prov.api_so, (prov.abi, prov.abi_evidence), prov.symbol_libs[1:]))

    def found() -> NestInstall:
        inst = check.get()  # raises NestNotFoundError if nest does not import
        assert isinstance(inst, NestInstall)
        return inst

    try:
        path = build_module(src_dir, module_name, prov, **build_opts)
    except NestBuildError:
        real = found()  # NEST not importable: that error first
        if real == prov:
            raise
        return build_module(src_dir, module_name, real, **build_opts)
    real = found()
    if real != prov:
        path = build_module(src_dir, module_name, real, **build_opts)
    return path


# --------------------------------------------------------------------------
# build_module


def _find_cxx(cxx: Optional[str]) -> str:
    for cand in (cxx, os.environ.get("CXX"), "g++", "c++", "clang++"):
        if not cand:
            continue
        found = shutil.which(cand)
        if found:
            return found
        if cand is cxx:
            raise NestBuildError(f"C++ compiler {cxx!r} not found.")
    raise NestBuildError("No C++ compiler found (tried $CXX, g++, c++, clang++). Fix: apt-get install g++")


def _compiler_version(cxx: str) -> str:
    try:
        out = subprocess.run([cxx, "--version"], capture_output=True, text=True, timeout=60).stdout
        return out.splitlines()[0].strip() if out else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def _check_third_party_headers(cxx: str, nest: NestInstall, cxxflags: Sequence[str]) -> None:
    """Preprocess the third-party headers NEST's headers include (§8.2 P2)."""
    wanted = ["ltdl.h"]
    if nest.have_boost:
        wanted += [
            "boost/sort/spreadsort/spreadsort.hpp",
            "boost/iterator/iterator_adaptor.hpp",
            "boost/tuple/tuple.hpp",
            "boost/type_index.hpp",
        ]
    args = [cxx, "-E", "-x", "c++", *[f for f in cxxflags if f.startswith(("-I", "-isystem", "-std"))], "-"]

    def ok(headers: Sequence[str]) -> bool:
        src = "".join(f"#include <{h}>\n" for h in headers)
        return subprocess.run(args, input=src, capture_output=True, text=True).returncode == 0

    if ok(wanted):
        return
    missing = [h for h in wanted if not ok([h])]
    if missing:
        raise NestNotFoundError(
            "Headers needed by NEST's headers are missing: " + ", ".join(missing) + ".\n"
            f"Fix (Debian/Ubuntu): {_APT_FIX}; or pass their directories with extra_cxxflags=['-I<dir>']."
        )


def _error_excerpt(output: str, limit: int = 30) -> str:
    lines = output.splitlines()
    errs = [i for i, ln in enumerate(lines) if re.search(r"\berror\b", ln)]
    start = max(0, errs[0] - 3) if errs else 0
    excerpt = lines[start : start + limit]
    more = len(lines) - start - len(excerpt)
    if more > 0:
        excerpt.append(f"... ({more} more lines)")
    return "\n".join(excerpt)


def _hint(output: str) -> str:
    if re.search(r"(boost/\S+|ltdl\.h): No such file", output):
        return f"\nHint: third-party headers are missing; {_APT_FIX}"
    if "undefined reference" in output:
        return "\nHint: do not link with -Wl,--no-undefined; NEST symbols resolve at load time."
    return ""


def build_module(
    src_dir: str,
    module_name: str,
    nest: NestInstall,
    cxx: Optional[str] = None,
    extra_cxxflags: Sequence[str] = (),
    extra_ldflags: Sequence[str] = (),
    jobs: int = 2,
    progress: Optional[Callable[[str], None]] = print,
    unity: Optional[bool] = None,
    pch: Optional[bool] = None,
) -> str:
    """Compile the ``*.cpp`` files of ``src_dir`` into ``<src_dir>/<module_name>.so``.

    Compiler flags (nest_target.md §7.3): ``-std=c++20`` (C++17 before NEST
    3.10), ``-O2 -fPIC``, ``-fopenmp`` at compile time only, ``-ffp-contract=off``,
    ``-DLTX_MODULE``, ``-D_GLIBCXX_USE_CXX11_ABI=0`` for a legacy-ABI NEST,
    ``-Wall``, ``-I<nest include dir> -I.``, then ``extra_cxxflags``. The link
    is ``-shared`` with no NEST libraries (their symbols come from the loaded
    PyNEST extension), then ``extra_ldflags``. GCC also gets ``-pipe`` and
    garbage-collector limits (``_pch.GCC_SPEED_FLAGS``: faster, same code).
    ``ccache`` is used for
    compiling if it is on ``PATH`` (with ``CCACHE_SLOPPINESS`` extended by
    ``pch_defines,time_macros`` when the PCH is used, without which ccache
    does not cache such compiles).

    Up to ``jobs`` translation units compile in parallel; the layout below
    counts ``jobs`` capped at the number of cores. ``build.sh`` (the
    exact commands) and ``nestml_go_build.json`` (NEST version, include
    directory, ABI, compiler, flags, check results) are written to
    ``src_dir``. After linking, undefined symbols that neither NEST nor the
    runtime libraries define are reported with a :class:`NestBuildWarning`.

    Args:
        src_dir: directory with the generated sources; the build happens here.
        module_name: a C identifier; the sources must define the global object
            ``<module_name>_LTX_module``.
        nest: the result of :func:`find_nest`.
        cxx: the C++ compiler; default ``$CXX``, then ``g++``, ``c++``, ``clang++``.
        progress: called with one line per step; ``None`` for silence.
        unity: compile the module source ``<module_name>.cpp`` and the model
            sources as unity translation units (``nestml_go_unity_<i>.cc``:
            with ``jobs`` > 1 two, each with one half of every model's
            functions for one to three models, the models divided over
            ``min(jobs, n // 2)`` for more; with ``jobs`` = 1 one); default on unless
            ``NESTML_GO_NO_UNITY`` is set. ``False``, or no ``<module_name>.cpp``
            among the sources: one translation unit per ``*.cpp``. The two
            halves of a module without synapse models are split hot and cold:
            part 2 holds the functions that run per step, per spike or per
            connection, part 1 the rest and is compiled with ``-Og`` (it is
            linked last, so inline functions both define are the fully
            optimized part's).
        pch: use the cached precompiled header of NEST's headers (see
            ``_pch.py``; on the first build with these flags the module
            compiles without it and it is then built in the background, or
            first when ``jobs`` = 1; :func:`prepare` builds it ahead);
            default on unless ``NESTML_GO_NO_PCH``
            is set. Sources that include ``nest_impl.h`` without nestml_go's
            guard (pynestml's) get neither PCH nor unity build.

    Returns:
        The absolute path of the module without ``.so``, for ``nest.Install``.

    Raises:
        NestBuildError: no compiler, no sources, or compiling/linking failed.
            The message holds the command and the first compiler errors.
        NestNotFoundError: headers required by NEST's headers are missing.
        ValueError: ``module_name`` is not a C identifier.
    """
    say = progress or (lambda _msg: None)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", module_name):
        raise ValueError(
            f"module name {module_name!r} must be a C identifier: libltdl looks up {module_name}_LTX_module"
        )
    src_dir = os.path.abspath(src_dir)
    sources = sorted(os.path.basename(p) for p in glob.glob(os.path.join(src_dir, "*.cpp")))
    if not sources:
        raise NestBuildError(f"No *.cpp files in {src_dir}.")
    jobs = max(1, int(jobs))
    cxx_path = _find_cxx(cxx)
    ccache = shutil.which("ccache")

    darwin = sys.platform == "darwin"
    cxxflags = _cxxflags(nest, extra_cxxflags)
    ldflags = [*(["-undefined", "dynamic_lookup"] if darwin else []), *extra_ldflags]
    if os.path.exists(os.path.join(src_dir, "nestml_go_gsl.h")):
        # rk45_implementation="gsl": the neurons call GSL's RKF45 (the NEST
        # wheel does not export GSL, so the module links it itself)
        ldflags += ["-lgsl", "-lgslcblas"]
    so_name = module_name + ".so"

    # Unity translation unit(s) and the cached precompiled header (_pch.py,
    # docs/decisions/0004-pch-unity-build.md).
    module_src = module_name + ".cpp" if module_name + ".cpp" in sources else None
    guarded = _pch.sources_are_guarded(src_dir, sources)
    use_unity = guarded and module_src is not None and (_pch.unity_enabled() if unity is None else bool(unity))
    use_pch = guarded and (_pch.pch_enabled() if pch is None else bool(pch))
    pch_header = _pch.cached_pch(cxx_path, cxxflags, nest.version, nest.include_dir) if use_pch else None
    # compilers that really run in parallel: ``jobs``, but not more than the cores
    cores = max(1, min(jobs, os.cpu_count() or 1))
    pch_later = False
    if use_pch and pch_header is None:
        if cores >= 2:
            # First build with these settings: compile this module without the
            # PCH on all cores, then build the PCH in the background for the
            # builds after it (building it alongside would slow this one down).
            pch_later = True
        else:
            _check_third_party_headers(cxx_path, nest, cxxflags)
            pch_header = _pch.ensure_pch(cxx_path, cxxflags, nest.version, nest.include_dir, say)
    for old in glob.glob(os.path.join(src_dir, _pch.UNITY_PREFIX + "_*.cc")):
        os.remove(old)
    hot = False
    parts: list[Optional[int]] = [None] * len(sources)
    if use_unity:
        splittable = [s for s in sources if s != module_src and _pch.splits_in_parts(src_dir, s)]
        plan = _pch.unity_units(sources, module_src, cores, splittable)
        parts = [part for part, _ in plan]
        # The hot split: the per-step, per-spike and per-connection functions
        # fully optimized in part 2, the rest with -Og in part 1 (decision
        # 0004, revision 3; GCC uses the -O2 PCH for it as well).
        hot = (
            parts == [1, 2]
            and all(_pch.splits_hot(src_dir, m) for m in plan[1][1])
            and not _pch.has_synapses(src_dir)
        )
        groups = [g for _, g in plan]
        units = [_pch.write_unity(src_dir, i, g, part, hot) for i, (part, g) in enumerate(plan)]
        split = "; hot split, part 1 with " + " ".join(_pch.COLD_PART_FLAGS) if hot else ""
        labels = [
            f"{u} ({', '.join(g)}{'' if part is None else f'; part {part} of 2'}{split if part == 1 else ''})"
            for u, (part, g) in zip(units, plan)
        ]
    else:
        groups = [[s] for s in sources]
        units = labels = sources
    unit_flags = _pch.speed_flags(cxx_path) + (["-include", pch_header, "-Winvalid-pch"] if pch_header else [])
    objects = [os.path.splitext(u)[0] + ".o" for u in units]
    launcher = [ccache] if ccache else []
    if ccache and pch_header:
        # ccache caches compiles that use a PCH only with this sloppiness
        # (its manual, "Precompiled headers"; -include names the header).
        sloppy = ",".join(x for x in (os.environ.get("CCACHE_SLOPPINESS", ""), "pch_defines,time_macros") if x)
        launcher = ["env", f"CCACHE_SLOPPINESS={sloppy}", ccache]
    compile_cmds = [
        launcher
        + [cxx_path, *cxxflags, *unit_flags, *(_pch.COLD_PART_FLAGS if hot and part == 1 else []), "-c", src, "-o", obj]
        for src, obj, part in zip(units, objects, parts)
    ]
    # The linker keeps the first copy of an inline function that several
    # units define: in a hot split, the fully optimized part's.
    link_objects = objects[::-1] if hot else objects
    link_cmd = [cxx_path, "-shared", "-o", so_name, *link_objects, *ldflags]

    with open(os.path.join(src_dir, "build.sh"), "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n")
        f.write(f"# Direct build of the NEST extension module {module_name} (written by nestml_go).\n")
        f.write(f"# NEST {nest.version}, {nest.abi} C++ ABI, headers in {nest.include_dir}\n")
        f.write("set -e\n")
        f.write('cd "$(dirname "$0")"\n')
        for cmd in compile_cmds + [link_cmd]:
            f.write(shlex.join(cmd) + "\n")
    os.chmod(os.path.join(src_dir, "build.sh"), 0o755)

    t0 = time.monotonic()
    # the symbol lists of NEST's libraries for the check after linking, read
    # (first build: ≈ 0.5 s of nm/ldd) while the compilers run
    prefetch = _Background(_prefetch_symbol_lists, nest) if sys.platform != "darwin" else None
    unit_seconds: dict[str, dict[str, float]] = {}
    try:
        warnings_out = _compile_all(compile_cmds, labels, src_dir, jobs, say, unit_seconds)
    except NestBuildError:
        # Missing third-party headers get their own error with the fix
        # (checked only now: it costs a preprocessor run per build).
        _check_third_party_headers(cxx_path, nest, cxxflags)
        raise
    if pch_later and _pch.start_pch_background(cxx_path, cxxflags, nest.version, nest.include_dir):
        say(
            f"{_PREFIX} precompiling NEST's headers in the background for later builds "
            f"(once; cached in {_pch.cache_dir()})"
        )
    say(f"{_PREFIX} linking {so_name}")
    so_path = os.path.join(src_dir, so_name)
    if os.path.exists(so_path):
        os.remove(so_path)
    proc = subprocess.run(link_cmd, cwd=src_dir, capture_output=True, text=True)
    if proc.returncode != 0:
        out = proc.stdout + proc.stderr
        raise NestBuildError(
            f"Linking {so_name} failed (exit code {proc.returncode}):\n  {shlex.join(link_cmd)}\n"
            f"{_error_excerpt(out)}{_hint(out)}",
            link_cmd,
            out,
        )
    seconds = time.monotonic() - t0

    if prefetch is not None:
        try:
            prefetch.get()
        except Exception:
            pass  # _undefined_symbols reads them itself, reporting errors as usual
    undefined = _undefined_symbols(so_path, nest)
    unexpected_deps = _unexpected_runtime_deps(so_path)
    if undefined:
        shown = _demangle(undefined[:40])
        msg = (
            f"{so_name} references {len(undefined)} symbol(s) that neither NEST ({os.path.basename(nest.api_so)}) "
            "nor the runtime libraries define; nest.Install will fail with 'undefined symbol':\n  "
            + "\n  ".join(shown)
            + ("\n  ..." if len(undefined) > 40 else "")
        )
        say(f"{_PREFIX} warning: {msg}")
        warnings.warn(msg, NestBuildWarning, stacklevel=2)
    if unexpected_deps:
        msg = f"{so_name} links {', '.join(unexpected_deps)}; NEST's own copies should be used at run time."
        say(f"{_PREFIX} warning: {msg}")
        warnings.warn(msg, NestBuildWarning, stacklevel=2)

    module_path = os.path.join(src_dir, module_name)
    record = {
        "module": module_name,
        "module_path": module_path,
        "install": f"nest.Install({module_path!r})",
        "nest_version": nest.version,
        "nest_python": nest.python,
        "nest_include_dir": nest.include_dir,
        "nest_api_so": nest.api_so,
        "nest_config_h": {
            "HAVE_LIBLTDL": nest.have_libltdl,
            "HAVE_BOOST": nest.have_boost,
            "HAVE_GSL": nest.have_gsl,
            "HAVE_MPI": nest.have_mpi,
        },
        "abi": nest.abi,
        "abi_evidence": nest.abi_evidence,
        "wheel_tag": nest.wheel_tag,
        "compiler": cxx_path,
        "compiler_version": _compiler_version(cxx_path),
        "ccache": ccache,
        "cxxflags": cxxflags,
        "ldflags": ldflags,
        "sources": sources,
        "jobs": jobs,
        "translation_units": dict(zip(units, groups)),
        "hot_split": hot,
        "pch": pch_header,
        "build_seconds": round(seconds, 2),
        "compile_seconds": unit_seconds,
        "compiler_warnings": warnings_out,
        "undefined_symbols": undefined,
        "unexpected_runtime_deps": unexpected_deps,
    }
    with open(os.path.join(src_dir, "nestml_go_build.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2)
        f.write("\n")
    say(f"{_PREFIX} built {so_path} in {seconds:.1f} s; load it with nest.Install({module_path!r})")
    return module_path


def _cxxflags(nest: NestInstall, extra_cxxflags: Sequence[str] = ()) -> list[str]:
    """The compile flags of :func:`build_module` (also the PCH's key)."""
    openmp = ["-Xpreprocessor", "-fopenmp"] if sys.platform == "darwin" else ["-fopenmp"]
    return [
        nest.cxx_std, "-O2", "-fPIC", *openmp, "-ffp-contract=off", "-DLTX_MODULE",
        *nest.abi_flags, "-Wall", f"-I{nest.include_dir}", "-I.", *extra_cxxflags,
    ]  # fmt: skip


def prepare(
    nest_python: Optional[str] = None,
    cxx: Optional[str] = None,
    extra_cxxflags: Sequence[str] = (),
    progress: Optional[Callable[[str], None]] = print,
) -> Optional[str]:
    """Do ahead of time what the first module build would do: locate NEST
    (remembered, see :func:`find_nest`) and compile the precompiled header of
    NEST's headers for :func:`build_module`'s flags with ``extra_cxxflags``
    (``nestml-go prepare-nest``). Then even the first build is a warm one.

    Waits for a PCH that another process is building. Returns the PCH's
    header path, or ``None`` if no PCH is used (``NESTML_GO_NO_PCH``, a
    compiler other than GCC, or compiling it failed; builds then simply go
    without it).

    Raises:
        NestNotFoundError: NEST or the headers its headers include are missing.
        NestBuildError: no C++ compiler.
    """
    say = progress or (lambda _msg: None)
    nest = find_nest(nest_python)
    cxx_path = _find_cxx(cxx)
    cxxflags = _cxxflags(nest, extra_cxxflags)
    if not _pch.pch_enabled():
        say(f"{_PREFIX} NESTML_GO_NO_PCH is set: nothing to prepare")
        return None
    header = _pch.cached_pch(cxx_path, cxxflags, nest.version, nest.include_dir)
    if header is None:
        _check_third_party_headers(cxx_path, nest, cxxflags)
        t0 = time.monotonic()
        header = _pch.ensure_pch(cxx_path, cxxflags, nest.version, nest.include_dir, say)
        if header is not None:
            say(f"{_PREFIX} precompiled header ready in {time.monotonic() - t0:.1f} s: {header}.gch")
    else:
        say(f"{_PREFIX} precompiled header already cached: {header}.gch")
    if header is None:
        say(f"{_PREFIX} no precompiled header for {cxx_path} (not GCC, or it failed: see {_pch.cache_dir()}/pch/*.failed)")
    return header


def _reaped(proc: subprocess.Popen) -> Optional[float]:
    """Like ``proc.poll() is not None``; returns the CPU seconds (user +
    system) of the finished process and its children where ``os.wait4``
    exists (else 0.0), ``None`` while it runs."""
    if proc.returncode is not None:
        return 0.0
    if not hasattr(os, "wait4"):
        return None if proc.poll() is None else 0.0
    try:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
    except ChildProcessError:
        return None if proc.poll() is None else 0.0
    if pid == 0:
        return None
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ru.ru_utime + ru.ru_stime


def _compile_all(
    cmds: list[list[str]],
    sources: list[str],
    cwd: str,
    jobs: int,
    say: Callable[[str], None],
    timings: Optional[dict[str, dict[str, float]]] = None,
) -> dict[str, str]:
    """Run the compile commands, at most ``jobs`` at a time.

    Returns the non-empty compiler output (warnings) per source; fills
    ``timings`` with the wall and CPU seconds per source. On the first
    failure the other running compilers are stopped and NestBuildError raised.
    """
    pending = list(range(len(cmds)))
    running: dict[int, tuple[subprocess.Popen, "tempfile._TemporaryFileWrapper"]] = {}
    outputs: dict[str, str] = {}
    started_at: dict[int, float] = {}
    total = len(cmds)
    started = 0
    try:
        while pending or running:
            while pending and len(running) < jobs:
                i = pending.pop(0)
                started += 1
                say(f"{_PREFIX} compiling {sources[i]} ({started}/{total})")
                log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
                started_at[i] = time.monotonic()
                proc = subprocess.Popen(cmds[i], cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
                running[i] = (proc, log)
            done = []
            for i, (p, _) in running.items():
                cpu = _reaped(p)
                if cpu is not None:
                    done.append(i)
                    if timings is not None:
                        timings[sources[i]] = {
                            "wall": round(time.monotonic() - started_at[i], 2), "cpu": round(cpu, 2),
                        }  # fmt: skip
            if not done:
                time.sleep(0.05)
                continue
            for i in done:
                proc, log = running.pop(i)
                log.seek(0)
                out = log.read()
                log.close()
                if proc.returncode != 0:
                    raise NestBuildError(
                        f"Compiling {sources[i]} failed (exit code {proc.returncode}):\n  {shlex.join(cmds[i])}\n"
                        f"{_error_excerpt(out)}{_hint(out)}",
                        cmds[i],
                        out,
                    )
                if out.strip():
                    outputs[sources[i]] = out
                    n = sum(1 for ln in out.splitlines() if "warning:" in ln)
                    say(f"{_PREFIX} {sources[i]}: {n} compiler warning(s), see nestml_go_build.json")
    finally:
        for proc, log in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
    return outputs


_LIB_MEMO: dict[tuple, object] = {}


def _lib_cached(kind: str, path: str, compute: Callable[[], list[str]]) -> list[str]:
    """``compute()`` for an installed library, remembered in this process and
    in the user cache (``<cache>/libs/``) while the library keeps its size and
    modification time. Saves the ``nm``/``ldd`` runs of the undefined-symbol
    check (≈ 0.5 s per build)."""
    import hashlib

    try:
        st = os.stat(path)
    except OSError:
        return compute()
    key = (kind, os.path.realpath(path), st.st_size, st.st_mtime_ns)
    hit = _LIB_MEMO.get(key)
    if hit is not None:
        return list(hit)  # type: ignore[call-overload]
    name = hashlib.sha256(repr(key).encode()).hexdigest()[:24] + "." + kind
    cache_file = os.path.join(_pch.cache_dir(), "libs", name)
    try:
        with open(cache_file, encoding="utf-8") as f:
            out = f.read().split("\n")[:-1]
    except OSError:
        out = compute()
        try:
            os.makedirs(os.path.dirname(cache_file), exist_ok=True)
            tmp = f"{cache_file}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write("".join(x + "\n" for x in out))
            os.replace(tmp, cache_file)
        except OSError:
            pass
    _LIB_MEMO[key] = tuple(out)
    return out


def _ldd(path: str) -> list[str]:
    """The resolved paths of the libraries ``path`` links."""
    out = _ldd_output(path)
    # "libx.so => /path (0x...)" and the dynamic loader "/lib64/ld-linux….so.2 (0x...)"
    # (which defines __tls_get_addr, used by thread_local variables)
    return [m.group(1) for m in re.finditer(r"(?:=>\s*|^\s*)(/\S+)\s+\(0x", out, re.M)]


def _prefetch_symbol_lists(nest: NestInstall) -> None:
    """Fill the caches (:func:`_lib_cached`) that :func:`_undefined_symbols`
    reads: the ``ldd`` lists of NEST's libraries and the defined symbols of
    them and of every library they link."""
    for lib in nest.symbol_libs:
        for dep in [lib] + _lib_cached("ldd", lib, functools.partial(_ldd, lib)):
            try:
                _lib_cached("defined", dep, functools.partial(_nm_symbols, dep, defined=True))
            except NestNotFoundError:
                pass


def _undefined_symbols(so_path: str, nest: NestInstall) -> list[str]:
    """Undefined symbols of the module that no library present at load time defines.

    The libraries are NEST's (``nest.symbol_libs``), the libraries they link
    (OpenMP, GSL, ltdl, ...) and the module's own dependencies (libstdc++,
    libm, libc). This is the step-5 check of nest_target.md §8.3, widened from
    ``nest::`` symbols to all symbols.
    """
    if sys.platform == "darwin":
        return []  # nm -D and ldd are Linux tools
    undefined = set(_nm_symbols(so_path, defined=False))
    libs: list[str] = []
    for lib in (*nest.symbol_libs, so_path):
        deps = _ldd(so_path) if lib == so_path else [lib] + _lib_cached("ldd", lib, functools.partial(_ldd, lib))
        for dep in deps:
            if dep not in libs:
                libs.append(dep)
    for lib in libs:
        try:
            undefined -= set(_lib_cached("defined", lib, functools.partial(_nm_symbols, lib, defined=True)))
        except NestNotFoundError:
            continue  # unreadable library: its symbols are simply not counted
        if not undefined:
            break
    return sorted(undefined)


def _unexpected_runtime_deps(so_path: str) -> list[str]:
    if sys.platform == "darwin":
        return []
    return [p for p in _ldd(so_path) if re.search(r"(gomp|libomp|libiomp|libnest)", os.path.basename(p))]
