"""The build-speed helpers of the NEST direct build (python/nestml_go/_pch.py).

Fast checks with the real compiler and the real file system; the PCH and the
unity translation unit in an actual module build are exercised by every test
that builds a module (test_nest_equivalence.py, test_nest_codegen_ir.py, ...).
"""

from __future__ import annotations

import os
import shutil

import pytest

from nestml_go import _pch


def test_cache_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "c"))
    assert _pch.cache_dir() == str(tmp_path / "c")
    monkeypatch.delenv("NESTML_GO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _pch.cache_dir() == os.path.join(str(tmp_path / "xdg"), "nestml_go")


def test_opt_outs(monkeypatch):
    monkeypatch.delenv("NESTML_GO_NO_PCH", raising=False)
    monkeypatch.delenv("NESTML_GO_NO_UNITY", raising=False)
    assert _pch.pch_enabled() and _pch.unity_enabled()
    monkeypatch.setenv("NESTML_GO_NO_PCH", "1")
    assert not _pch.pch_enabled() and _pch.unity_enabled()
    monkeypatch.setenv("NESTML_GO_NO_PCH", "0")
    assert _pch.pch_enabled()
    monkeypatch.setenv("NESTML_GO_NO_UNITY", "yes")
    assert not _pch.unity_enabled()


def test_unity_groups_keep_module_first_and_every_source_once():
    one = _pch.unity_sources(["a.cpp", "m.cpp"], "m.cpp", jobs=2)
    assert one == [["m.cpp", "a.cpp"]]
    models = [f"n{i}.cpp" for i in range(5)]
    groups = _pch.unity_sources(models + ["m.cpp"], "m.cpp", jobs=2)
    assert len(groups) == 2 and groups[0][0] == "m.cpp"
    assert sorted(s for g in groups for s in g) == sorted(models + ["m.cpp"])
    assert _pch.unity_sources(models + ["m.cpp"], "m.cpp", jobs=1) == [["m.cpp"] + models]


def test_unguarded_nest_impl_include_is_detected(tmp_path):
    (tmp_path / "ours.cpp").write_text(
        '#if !defined( NESTML_GO_NEST_IMPL_H_ ) && !defined( NEST_EXTENSION_INTERFACE_H )\n'
        '#include "nest_impl.h"\n#endif\n'
    )
    (tmp_path / "other.cpp").write_text('#include "kernel_manager.h"\n')
    assert _pch.sources_are_guarded(str(tmp_path), ["ours.cpp", "other.cpp"])
    (tmp_path / "pynestml.cpp").write_text('// Includes from nestkernel:\n#include "nest_impl.h"\n')
    assert not _pch.sources_are_guarded(str(tmp_path), ["ours.cpp", "pynestml.cpp"])


def test_unity_file_includes_interface_first(tmp_path):
    name = _pch.write_unity(str(tmp_path), 0, ["m.cpp", "a.cpp"])
    assert name.endswith(".cc")  # not picked up by a later *.cpp glob
    lines = [ln for ln in (tmp_path / name).read_text().splitlines() if ln.startswith("#include")]
    assert lines == ['#include "nest_extension_interface.h"', '#include "m.cpp"', '#include "a.cpp"']


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_failed_pch_build_falls_back_and_is_remembered(monkeypatch, tmp_path):
    # NEST's headers are not in this include directory, so compiling the PCH fails.
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache"))
    gxx = shutil.which("g++")
    flags = ["-std=c++20", "-O2", f"-I{tmp_path / 'no_nest'}"]
    assert _pch.ensure_pch(gxx, flags, "3.10.0", str(tmp_path / "no_nest")) is None
    failed = [f for f in os.listdir(tmp_path / "cache" / "pch") if f.endswith(".failed")]
    assert len(failed) == 1
    assert "nest_extension_interface.h" in (tmp_path / "cache" / "pch" / failed[0]).read_text()
    # no half-built directory is left behind, and nothing is retried
    assert [d for d in os.listdir(tmp_path / "cache" / "pch") if os.path.isdir(tmp_path / "cache" / "pch" / d)] == []
    marker = tmp_path / "cache" / "pch" / failed[0]
    marker.write_text("sentinel")  # a retry would overwrite it with the new compiler output
    assert _pch.ensure_pch(gxx, flags, "3.10.0", str(tmp_path / "no_nest")) is None
    assert marker.read_text() == "sentinel"
    assert _pch.cached_pch(gxx, flags, "3.10.0", str(tmp_path / "no_nest")) is None


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_pch_key_depends_on_flags(monkeypatch, tmp_path):
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path))
    gxx = shutil.which("g++")
    a = _pch._header_path(gxx, ["-O2"], "3.10.0", str(tmp_path))
    b = _pch._header_path(gxx, ["-O1"], "3.10.0", str(tmp_path))
    c = _pch._header_path(gxx, ["-O2"], "3.9.0", str(tmp_path))
    assert a and b and c and len({a, b, c}) == 3
    assert a == _pch._header_path(gxx, ["-O2"], "3.10.0", str(tmp_path))
