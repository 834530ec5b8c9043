"""Fast builds of generated NEST modules: a cached precompiled header and unity
translation units.

Compiling a generated model is dominated by parsing NEST's headers (and the
standard library they pull in), not by the model's own code. Two measures cut
that cost (docs/decisions/0004-pch-unity-build.md):

* **Precompiled header (PCH).** :data:`PCH_HEADER` includes the standard and
  NEST headers every generated source uses. It is compiled once per compiler,
  flag set and NEST installation into ``<cache>/pch/<key>/nestml_go_pch.h.gch``
  and passed to each compile with ``-include`` (GCC then loads the ``.gch``
  instead of parsing the headers). ``-Winvalid-pch`` makes GCC warn if a
  cached PCH cannot be used, so a stale one shows up as a compiler warning
  instead of silently slowing the build down.
* **Unity translation units.** The module source and the model sources are
  compiled as few translation units as keep the cores busy: with two or more
  compiler jobs and one to three models, two units, each with one half of
  every model's functions (the generated sources split themselves on
  ``NESTML_GO_PART``); with four or more models, the models are divided over
  the units; with one job, one unit. NEST's templates are then instantiated
  once per unit instead of once per source. The unit of the second halves
  registers nothing and so skips ``nest_extension_interface.h``. In a module
  without synapse models the halves are split hot and cold
  (:data:`HOT_SPLIT_MACRO`): the second holds what runs per step, spike or
  connection, the first the rest, compiled with :data:`COLD_PART_FLAGS`.

NEST's ``nest_impl.h`` has no include guard and ``nest_extension_interface.h``
(included by the module source) includes it; the generated model sources
therefore include ``nest_impl.h`` only when ``NEST_EXTENSION_INTERFACE_H`` is
not yet defined, and the unity file includes ``nest_extension_interface.h``
first.

The cache directory is ``$NESTML_GO_CACHE_DIR``, else
``$XDG_CACHE_HOME/nestml_go``, else ``~/.cache/nestml_go``. Opt-outs:
``NESTML_GO_NO_PCH=1`` (no precompiled header) and ``NESTML_GO_NO_UNITY=1``
(one translation unit per source, the layout before the unity build). The
unity translation unit is made only for a generated module directory (its
``<module>.cpp`` is among the sources); sources that include ``nest_impl.h``
without nestml_go's guard (pynestml's, for example) get neither. Building the PCH is serialized by a lock file, so
concurrent builds build it once; it is written to a temporary directory and
renamed into place, so no build ever sees a half-written PCH. If building it
fails, builds go on without it (silently) and the failure is remembered in the
cache so it is not retried for the same key.

The first build with a new key does not wait for the PCH: it compiles without
it on all cores and then starts :func:`start_pch_background`, a detached,
low-priority process that builds the PCH for the builds after it.
``nestml-go prepare-nest`` (``_nestbuild.prepare``) builds it ahead of time.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from typing import IO, Callable, Optional, Sequence

__all__ = [
    "PCH_HEADER",
    "cache_dir",
    "pch_enabled",
    "unity_enabled",
    "cached_pch",
    "sources_are_guarded",
    "ensure_pch",
    "start_pch_background",
    "wait_for_pch",
    "speed_flags",
    "splits_in_parts",
    "unity_sources",
    "unity_units",
    "write_unity",
]

#: The text of the precompiled header: every standard and NEST header that a
#: generated neuron, synapse or module source includes. NEST headers have
#: include guards (except nest_impl.h, which nest_extension_interface.h
#: includes once), so the sources' own includes of them become no-ops.
PCH_HEADER = """\
// Precompiled header of nestml_go's generated NEST modules (written by nestml_go).
#include <algorithm>
#include <cassert>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <exception>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "nest_extension_interface.h"
#include "archiving_node.h"
#include "common_synapse_properties.h"
#include "connection.h"
#include "connector_model.h"
#include "dict_util.h"
#include "dictionary.h"
#include "event.h"
#include "event_delivery_manager_impl.h"
#include "exceptions.h"
#include "histentry.h"
#include "kernel_manager.h"
#include "nest_names.h"
#include "nest_types.h"
#include "recordables_map.h"
#include "ring_buffer.h"
#include "ring_buffer_impl.h"
#include "universal_data_logger.h"
#include "universal_data_logger_impl.h"
"""

_HEADER_NAME = "nestml_go_pch.h"
#: Name of the generated unity source(s); ``.cc`` so that a later build's
#: ``*.cpp`` glob does not pick them up as model sources.
UNITY_PREFIX = "nestml_go_unity"
#: The macro a unity file defines (1 or 2) to compile one half of the
#: functions of each generated model source (cpp_templates/neuron.cpp.tmpl).
PART_MACRO = "NESTML_GO_PART"
#: Defined first in the unity file of the second halves: the generated model
#: sources then skip their include of nest_impl.h (their guard of it).
NO_NEST_IMPL_MACRO = "NESTML_GO_NEST_IMPL_H_"
#: Defined by both unity files of a hot split: part 2 then holds the functions
#: that run per step, spike or connection, and part 1, compiled with
#: :data:`COLD_PART_FLAGS`, the rest (registration, status, construction).
HOT_SPLIT_MACRO = "NESTML_GO_HOT_SPLIT"
#: Flags added to part 1 of a hot split, whose functions run once per model,
#: neuron, status call or simulation start: GCC's -Og (most of -O1's passes)
#: compiles almost as fast as -O0, whose code made a status call on 10^5
#: neurons 60 % slower. GCC uses a PCH built with -O2 for it.
COLD_PART_FLAGS = ["-Og"]


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


def pch_enabled() -> bool:
    """False if ``NESTML_GO_NO_PCH`` is set (to anything but 0/false/no/off)."""
    return not _env_flag("NESTML_GO_NO_PCH")


def unity_enabled() -> bool:
    """False if ``NESTML_GO_NO_UNITY`` is set (to anything but 0/false/no/off)."""
    return not _env_flag("NESTML_GO_NO_UNITY")


def cache_dir() -> str:
    """The user cache directory of nestml_go (not created here)."""
    d = os.environ.get("NESTML_GO_CACHE_DIR")
    if d:
        return os.path.abspath(d)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "nestml_go")


_COMPILER_IDS: dict[tuple[object, ...], str] = {}


def _compiler_id(cxx: str) -> str:
    """The compiler's full ``--version`` text, or "" if it cannot be run
    (remembered in this process while the executable keeps its size and
    modification time: a build asks several times)."""
    try:
        st = os.stat(cxx)
        key: tuple[object, ...] = (cxx, os.path.realpath(cxx), st.st_size, st.st_mtime_ns)
    except OSError:
        key = (cxx,)
    hit = _COMPILER_IDS.get(key)
    if hit is not None:
        return hit
    try:
        text = subprocess.run([cxx, "--version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    if len(key) > 1:
        _COMPILER_IDS[key] = text
    return text


def _is_gcc(version_text: str) -> bool:
    # clang finds .gch files only in some versions and configurations; the PCH
    # is used with GCC alone (clang builds still get the unity translation unit).
    return bool(version_text) and "clang" not in version_text.lower()


#: GCC's garbage collector first runs when its heap reaches
#: ``ggc-min-heapsize`` kB (default at most 128 MB), later when it has grown
#: by ``ggc-min-expand`` percent (100 with ≥ 1 GB of RAM); that is several
#: collections per translation unit of NEST's headers (≈ 0.4-0.9 s CPU). With
#: 512 MB a unit (≈ 400-460 MB peak) does not collect at all. ``-pipe``:
#: the assembler reads the compiler's output from a pipe, no temporary file.
#: Memory use only, never the generated code; not part of the PCH's key.
GCC_SPEED_FLAGS = ("-pipe", "--param", "ggc-min-expand=100", "--param", "ggc-min-heapsize=524288")


def speed_flags(cxx: str) -> list[str]:
    """Flags that make ``cxx`` compile faster without changing its output:
    :data:`GCC_SPEED_FLAGS` for GCC, nothing for other compilers."""
    return list(GCC_SPEED_FLAGS) if _is_gcc(_compiler_id(cxx)) else []


def _pch_key(compiler_text: str, cxx: str, cxxflags: Sequence[str], nest_version: str, include_dir: str) -> str:
    h = hashlib.sha256()
    for part in (cxx, compiler_text, shlex.join(cxxflags), nest_version, os.path.realpath(include_dir), PCH_HEADER):
        h.update(part.encode())
        h.update(b"\0")
    # A reinstalled NEST with the same version string still changes the key.
    for name in ("config.h", "nest_extension_interface.h", "kernel_manager.h"):
        try:
            st = os.stat(os.path.join(include_dir, name))
            h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            pass
    return h.hexdigest()[:24]


class _Lock:
    """An exclusive advisory lock on a file (no-op where fcntl is missing)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.f: Optional[IO[str]] = None

    def __enter__(self) -> "_Lock":
        try:
            import fcntl
        except ImportError:  # pragma: no cover - non-POSIX
            return self
        self.f = open(self.path, "a+")
        fcntl.flock(self.f.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.f is not None:
            self.f.close()  # closing releases the lock


def _header_path(cxx: str, cxxflags: Sequence[str], nest_version: str, include_dir: str) -> Optional[str]:
    compiler_text = _compiler_id(cxx)
    if not _is_gcc(compiler_text):
        return None
    key = _pch_key(compiler_text, cxx, cxxflags, nest_version, include_dir)
    return os.path.join(cache_dir(), "pch", key, _HEADER_NAME)


def cached_pch(cxx: str, cxxflags: Sequence[str], nest_version: str, include_dir: str) -> Optional[str]:
    """The cached PCH header for these settings if it has been built, else ``None`` (never builds)."""
    header = _header_path(cxx, cxxflags, nest_version, include_dir)
    return header if header and os.path.isfile(header + ".gch") else None


def ensure_pch(
    cxx: str,
    cxxflags: Sequence[str],
    nest_version: str,
    include_dir: str,
    say: Callable[[str], None] = lambda _m: None,
    _lock_held: bool = False,
) -> Optional[str]:
    """Return the path of the cached PCH header for these settings, building it if needed.

    The returned path names ``nestml_go_pch.h``; its ``.gch`` lies next to it,
    so ``-include <path>`` makes GCC use the PCH. ``None`` means "build without
    a PCH": the compiler is not GCC, the cache is not writable, or compiling
    the header failed (remembered, see the module docs).
    """
    header = _header_path(cxx, cxxflags, nest_version, include_dir)
    if header is None:
        return None
    final = os.path.dirname(header)
    root = os.path.dirname(final)
    key = os.path.basename(final)
    if os.path.isfile(header + ".gch"):
        return header
    failed = final + ".failed"
    try:
        os.makedirs(root, exist_ok=True)
        if os.path.exists(failed):
            return None
        with contextlib.nullcontext() if _lock_held else _Lock(final + ".lock"):
            if os.path.isfile(header + ".gch"):  # built by a concurrent build meanwhile
                return header
            if os.path.exists(failed):  # or failed there
                return None
            say(f"[nestml_go] precompiling NEST's headers (once; cached in {root})")
            tmp = tempfile.mkdtemp(prefix=key + ".tmp", dir=root)
            try:
                with open(os.path.join(tmp, _HEADER_NAME), "w", encoding="utf-8") as f:
                    f.write(PCH_HEADER)
                cmd = [cxx, *cxxflags, *GCC_SPEED_FLAGS, "-x", "c++-header", _HEADER_NAME, "-o", _HEADER_NAME + ".gch"]
                proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
                if proc.returncode != 0 or not os.path.isfile(os.path.join(tmp, _HEADER_NAME + ".gch")):
                    if proc.returncode >= 0:  # not killed by a signal: do not retry this key
                        with open(failed, "w", encoding="utf-8") as f:
                            f.write(shlex.join(cmd) + "\n" + proc.stdout + proc.stderr)
                    return None
                try:
                    os.rename(tmp, final)  # atomic: readers see all of it or nothing
                except OSError:
                    if not os.path.isfile(header + ".gch"):
                        return None
                else:
                    tmp = ""
            finally:
                if tmp:
                    shutil.rmtree(tmp, ignore_errors=True)
    except OSError:
        return None
    return header if os.path.isfile(header + ".gch") else None


def start_pch_background(cxx: str, cxxflags: Sequence[str], nest_version: str, include_dir: str) -> bool:
    """Start building the PCH for these settings in a detached process.

    Returns True if a process was started; False if the PCH exists, failed
    before, is being built by another process, or the compiler is not GCC.
    The process runs this file (``python _pch.py --build-pch ARGS``) at low
    priority (``nice`` 10) in its own session, so it outlives the calling
    program and does not slow down a build that starts meanwhile; it builds
    under the same lock and with the same atomic rename as :func:`ensure_pch`.
    """
    header = _header_path(cxx, cxxflags, nest_version, include_dir)
    if header is None or os.path.isfile(header + ".gch") or not sys.executable:
        return False
    final = os.path.dirname(header)
    if os.path.exists(final + ".failed"):
        return False
    try:
        os.makedirs(os.path.dirname(final), exist_ok=True)
    except OSError:
        return False
    args = json.dumps([cxx, list(cxxflags), nest_version, include_dir, cache_dir()])
    try:
        # "--spawn" takes the lock, starts the builder with it and exits at
        # once: the lock is held from before this returns (wait_for_pch waits),
        # and the builder is no child of this process (no zombie, and its CPU
        # time is not added to this process's children's).
        proc = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--spawn", args],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def wait_for_pch(cxx: str, cxxflags: Sequence[str], nest_version: str, include_dir: str) -> Optional[str]:
    """Wait until no process is building the PCH for these settings; return
    :func:`cached_pch` (``None`` if it is not built). Never builds."""
    header = _header_path(cxx, cxxflags, nest_version, include_dir)
    if header is None:
        return None
    final = os.path.dirname(header)
    if os.path.isdir(os.path.dirname(final)):
        try:
            with _Lock(final + ".lock"):
                pass
        except OSError:
            pass
    return header if os.path.isfile(header + ".gch") else None


_NEST_IMPL_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]nest_impl\.h[>"]', re.M)


def sources_are_guarded(src_dir: str, names: Sequence[str]) -> bool:
    """True unless a file of ``names`` (or a header in ``src_dir``) includes
    ``nest_impl.h`` without nestml_go's guard (``NEST_EXTENSION_INTERFACE_H``).

    Such sources (pynestml's, hand-written ones) cannot follow
    ``nest_extension_interface.h`` in a translation unit, so they get neither
    the PCH nor a unity translation unit.
    """
    files = list(names) + [f for f in os.listdir(src_dir) if f.endswith((".h", ".hpp"))]
    for name in files:
        try:
            with open(os.path.join(src_dir, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        if _NEST_IMPL_INCLUDE.search(text) and "NEST_EXTENSION_INTERFACE_H" not in text:
            return False
    return True


def splits_in_parts(src_dir: str, name: str) -> bool:
    """True if the source ``name`` compiles in two halves on ``NESTML_GO_PART``
    (generated by a nestml_go with the split; older sources compile whole)."""
    text = _read(src_dir, name)
    return f"{PART_MACRO} == 2" in text or "NESTML_GO_IN_PART(" in text


def splits_hot(src_dir: str, name: str) -> bool:
    """True if the source ``name`` also has the hot split (``HOT_SPLIT_MACRO``)."""
    return HOT_SPLIT_MACRO in _read(src_dir, name)


def has_synapses(src_dir: str) -> bool:
    """True if a header of ``src_dir`` registers a synapse model. NEST's
    synapses are header-only and compiled where they are registered, with the
    module source in part 1, so such a module gets no hot split."""
    return any(
        "register_connection_model" in _read(src_dir, os.path.basename(h))
        for h in glob.glob(os.path.join(src_dir, "*.h"))
    )


def _read(src_dir: str, name: str) -> str:
    try:
        with open(os.path.join(src_dir, name), encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def unity_units(
    sources: Sequence[str], module_source: Optional[str], jobs: int, splittable: Sequence[str] = ()
) -> list[tuple[Optional[int], list[str]]]:
    """Plan the unity translation units: a list of ``(part, sources)``.

    ``part`` is ``None`` for whole sources (:func:`unity_sources`). With
    ``jobs`` > 1 and one to three model sources that all split in parts
    (``splittable``), there are two units instead: part 1 (the module source
    and the first half of every model) and part 2 (the second halves), so
    both cores compile even a single small model.
    """
    models = [s for s in sources if s != module_source]
    if jobs > 1 and 1 <= len(models) < 4 and all(m in splittable for m in models):
        first = ([module_source] if module_source is not None else []) + models
        return [(1, first), (2, models)]
    return [(None, g) for g in unity_sources(sources, module_source, jobs)]


def unity_sources(sources: Sequence[str], module_source: Optional[str], jobs: int) -> list[list[str]]:
    """Group ``sources`` into unity translation units.

    One group, unless there are at least four model sources and ``jobs`` > 1:
    then ``min(jobs, n_models // 2)`` groups of about equal size, so parallel
    compilers still have work. The module source goes first into group 0.
    """
    models = [s for s in sources if s != module_source]
    n = max(1, min(jobs, len(models) // 2))
    groups: list[list[str]] = [[] for _ in range(n)]
    for i, s in enumerate(models):
        groups[i % n].append(s)
    if module_source is not None:
        groups[0].insert(0, module_source)
    return [g for g in groups if g]


def write_unity(
    src_dir: str, index: int, sources: Sequence[str], part: Optional[int] = None, hot: bool = False
) -> str:
    """Write the unity source number ``index`` including ``sources`` (only
    their functions of ``part`` if given, see :func:`unity_units`, split as
    the hot split if ``hot``); return its file name."""
    name = f"{UNITY_PREFIX}_{index}.cc"
    if part == 2:
        # The second halves register nothing: no nest_extension_interface.h
        # (nest_impl.h, the registration and connection templates), only the
        # headers the model sources include themselves.
        prelude = (
            "// Second halves of the models: no registration, so without nest_impl.h and\n"
            "// nest_extension_interface.h, which only the registration needs.\n"
            f"#define {NO_NEST_IMPL_MACRO}\n"
        )
    else:
        prelude = (
            "// nest_extension_interface.h first: it includes nest_impl.h (no include guard),\n"
            "// and the model sources skip their own include of it once it is there.\n"
            '#include "nest_extension_interface.h"\n'
        )
    text = (
        "// Unity translation unit of a NEST module (written by nestml_go).\n"
        + prelude
        + (f"#define {PART_MACRO} {part}\n" if part is not None else "")
        + (f"#define {HOT_SPLIT_MACRO}\n" if hot and part is not None else "")
        + "".join(f'#include "{s}"\n' for s in sources)
    )
    path = os.path.join(src_dir, name)
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return name
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return name


def _main(argv: Sequence[str]) -> int:
    """``python _pch.py --build-pch JSON``: the detached process of
    :func:`start_pch_background` (JSON: cxx, cxxflags, NEST version, include
    directory, cache directory); ``--spawn JSON`` starts it in a new session
    and returns."""
    if len(argv) != 2 or argv[0] not in ("--build-pch", "--spawn"):
        print("usage: _pch.py --build-pch|--spawn JSON", file=sys.stderr)
        return 2
    cxx, cxxflags, nest_version, include_dir, cache = json.loads(argv[1])
    os.environ["NESTML_GO_CACHE_DIR"] = cache
    if argv[0] == "--build-pch":  # started by --spawn, holding the lock
        try:
            os.nice(10)
        except (AttributeError, OSError):  # pragma: no cover - non-POSIX
            pass
        return 0 if ensure_pch(cxx, cxxflags, nest_version, include_dir, _lock_held=True) else 1
    import fcntl

    header = _header_path(cxx, cxxflags, nest_version, include_dir)
    if header is None:
        return 1
    lock = open(os.path.dirname(header) + ".lock", "a+")
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 1  # another process is building it
    # The builder inherits the locked file: the lock is released when it exits.
    subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "--build-pch", argv[1]],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, pass_fds=(lock.fileno(),),
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
