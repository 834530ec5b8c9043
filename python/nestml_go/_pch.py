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
* **Unity translation units.** The module source and all model sources are
  compiled as one translation unit (two or more only when there are many
  models and several compiler jobs), so NEST's templates are instantiated once
  instead of once per source.

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
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
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
    "unity_sources",
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


def _compiler_id(cxx: str) -> str:
    """The compiler's full ``--version`` text, or "" if it cannot be run."""
    try:
        return subprocess.run([cxx, "--version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _is_gcc(version_text: str) -> bool:
    # clang finds .gch files only in some versions and configurations; the PCH
    # is used with GCC alone (clang builds still get the unity translation unit).
    return bool(version_text) and "clang" not in version_text.lower()


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
        with _Lock(final + ".lock"):
            if os.path.isfile(header + ".gch"):  # built by a concurrent build meanwhile
                return header
            if os.path.exists(failed):  # or failed there
                return None
            say(f"[nestml_go] precompiling NEST's headers (once; cached in {root})")
            tmp = tempfile.mkdtemp(prefix=key + ".tmp", dir=root)
            try:
                with open(os.path.join(tmp, _HEADER_NAME), "w", encoding="utf-8") as f:
                    f.write(PCH_HEADER)
                cmd = [cxx, *cxxflags, "-x", "c++-header", _HEADER_NAME, "-o", _HEADER_NAME + ".gch"]
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


def write_unity(src_dir: str, index: int, sources: Sequence[str]) -> str:
    """Write the unity source number ``index`` including ``sources``; return its file name."""
    name = f"{UNITY_PREFIX}_{index}.cc"
    text = (
        "// Unity translation unit of a NEST module (written by nestml_go).\n"
        "// nest_extension_interface.h first: it includes nest_impl.h (no include guard),\n"
        "// and the model sources skip their own include of it once it is there.\n"
        '#include "nest_extension_interface.h"\n'
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
