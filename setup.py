"""Build script: compiles the Go core into the package's native library.

``pip install .`` and ``pip install -e .`` run ``build_ext``, which runs

    go build -buildmode=c-shared -trimpath -o <dest>/nestml_go/_libnestml.so ./pybind

from the repository root (``<dest>`` is the build directory, or ``python/``
for editable installs). The library does not link libpython, so wheels are
tagged ``py3-none-<platform>``. Everything else is declared in
pyproject.toml; the version comes from ``pybind/version.go``.

Environment: ``GO`` names the go binary (default: ``go`` on PATH);
``NESTML_GO_BUILD_FLAGS`` adds extra ``go build`` flags.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

try:  # setuptools >= 70.1 ships bdist_wheel itself
    from setuptools.command.bdist_wheel import bdist_wheel as _bdist_wheel
except ImportError:  # older setuptools: the wheel package provides it
    try:
        from wheel.bdist_wheel import bdist_wheel as _bdist_wheel
    except ImportError:  # no wheel support at all (e.g. a bare `setup.py sdist`)
        _bdist_wheel = None

ROOT = Path(__file__).resolve().parent
LIB_EXT = "nestml_go._libnestml"


def read_version() -> str:
    """Return the Go constant Version from pybind/version.go."""
    text = (ROOT / "pybind" / "version.go").read_text(encoding="utf-8")
    m = re.search(r'^const Version = "([^"]+)"', text, re.MULTILINE)
    if not m:
        raise RuntimeError("pybind/version.go does not define const Version")
    return m.group(1)


class GoExtension(Extension):
    """The c-shared library built by ``go build`` from ./pybind."""

    def __init__(self, name: str, go_package: str) -> None:
        super().__init__(name, sources=[])
        self.go_package = go_package


class BuildGo(build_ext):
    """build_ext that builds GoExtensions with the Go toolchain."""

    def get_ext_filename(self, fullname: str) -> str:
        # A plain name, not a CPython extension suffix: ctypes loads it.
        # (setuptools asks with the full dotted name, distutils' fullpath
        # computation with the last component only.)
        if fullname == LIB_EXT:
            return os.path.join(*fullname.split(".")) + ".so"
        if fullname == LIB_EXT.rsplit(".", 1)[1]:
            return fullname + ".so"
        return super().get_ext_filename(fullname)

    def build_extension(self, ext: Extension) -> None:
        if not isinstance(ext, GoExtension):
            super().build_extension(ext)
            return
        go = shutil.which(os.environ.get("GO", "go"))
        if go is None:
            raise RuntimeError(
                "building nestml_go needs the Go toolchain (go >= 1.23) on PATH "
                "(or set GO=/path/to/go); see https://go.dev/doc/install"
            )
        dest = Path(self.get_ext_fullpath(ext.name)).resolve()
        dest.parent.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.setdefault("CGO_ENABLED", "1")
        extra = shlex.split(os.environ.get("NESTML_GO_BUILD_FLAGS", ""))
        # Build into a scratch directory: c-shared also writes a C header
        # that must not end up in the package.
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / dest.name
            cmd = [go, "build", "-buildmode=c-shared", "-trimpath", *extra, "-o", str(out), ext.go_package]
            print("running", " ".join(shlex.quote(c) for c in cmd), flush=True)
            subprocess.run(cmd, cwd=ROOT, env=env, check=True)
            shutil.copyfile(out, dest)


cmdclass: dict[str, type] = {"build_ext": BuildGo}

if _bdist_wheel is not None:

    class BdistWheel(_bdist_wheel):  # type: ignore[misc, valid-type]
        """Tag wheels py3-none-<platform>: platform-specific (the Go
        library), but not tied to a CPython version or ABI (it does not
        link libpython)."""

        def finalize_options(self) -> None:
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self) -> tuple[str, str, str]:
            _, _, plat = super().get_tag()
            return "py3", "none", plat

    cmdclass["bdist_wheel"] = BdistWheel


setup(
    version=read_version(),
    ext_modules=[GoExtension(LIB_EXT, "./pybind")],
    cmdclass=cmdclass,
)
