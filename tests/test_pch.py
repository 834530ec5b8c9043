"""The build-speed helpers of the NEST direct build (python/nestml_go/_pch.py).

Fast checks with the real compiler and the real file system; the PCH and the
unity translation unit in an actual module build are exercised by every test
that builds a module (test_nest_equivalence.py, test_nest_codegen_ir.py, ...).
"""

from __future__ import annotations

import os
import shutil
import subprocess

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


def test_one_to_three_models_compile_in_two_halves_on_two_jobs():
    # part 1: the module source and the first half of every model; part 2: the second halves
    assert _pch.unity_units(["a.cpp", "m.cpp"], "m.cpp", jobs=2, splittable=["a.cpp"]) == [
        (1, ["m.cpp", "a.cpp"]),
        (2, ["a.cpp"]),
    ]
    three = ["a.cpp", "b.cpp", "c.cpp"]
    assert _pch.unity_units(three + ["m.cpp"], "m.cpp", jobs=4, splittable=three) == [
        (1, ["m.cpp"] + three),
        (2, three),
    ]
    # one job, a source without the split (an older generated one), or many models: whole sources
    assert _pch.unity_units(["a.cpp", "m.cpp"], "m.cpp", jobs=1, splittable=["a.cpp"]) == [(None, ["m.cpp", "a.cpp"])]
    assert _pch.unity_units(["a.cpp", "b.cpp", "m.cpp"], "m.cpp", jobs=2, splittable=["a.cpp"]) == [
        (None, ["m.cpp", "a.cpp", "b.cpp"])
    ]
    models = [f"n{i}.cpp" for i in range(4)]
    assert [p for p, _ in _pch.unity_units(models + ["m.cpp"], "m.cpp", jobs=2, splittable=models)] == [None, None]


def test_split_sources_are_detected_and_unity_file_defines_the_part(tmp_path):
    (tmp_path / "new.cpp").write_text("#if !defined( NESTML_GO_PART ) || NESTML_GO_PART == 2\n#endif\n")
    (tmp_path / "old.cpp").write_text("void f() {}\n")
    assert _pch.splits_in_parts(str(tmp_path), "new.cpp")
    assert not _pch.splits_in_parts(str(tmp_path), "old.cpp")
    assert not _pch.splits_in_parts(str(tmp_path), "missing.cpp")
    # part 1 (registration) after nest_extension_interface.h; part 2 registers
    # nothing and skips nest_impl.h and the interface (less to parse)
    name = _pch.write_unity(str(tmp_path), 0, ["m.cpp", "new.cpp"], part=1)
    lines = [ln for ln in (tmp_path / name).read_text().splitlines() if ln.startswith("#")]
    assert lines == ['#include "nest_extension_interface.h"', "#define NESTML_GO_PART 1",
                     '#include "m.cpp"', '#include "new.cpp"']
    name = _pch.write_unity(str(tmp_path), 1, ["new.cpp"], part=2)
    lines = [ln for ln in (tmp_path / name).read_text().splitlines() if ln.startswith("#")]
    assert lines == ["#define NESTML_GO_NEST_IMPL_H_", "#define NESTML_GO_PART 2", '#include "new.cpp"']


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_the_two_halves_of_a_generated_model_define_each_function_once(tmp_path):
    # The real generated source, preprocessed without NEST's headers (its
    # #include lines dropped) for part 1, part 2 and whole: the function
    # definitions of the halves must be exactly those of the whole file.
    import nestml_go as ng

    src = tmp_path / "iaf.nestml"
    src.write_text(ng.library_source("iaf_psc_exp_neuron"))
    ng.generate_nest_target(str(src), str(tmp_path / "gen"), module_name="halvesmodule",
                            logging_level="NONE", codegen_opts={"build": False})
    cpp = "iaf_psc_exp_neuron.cpp"
    assert _pch.splits_in_parts(str(tmp_path / "gen"), cpp)
    text = (tmp_path / "gen" / cpp).read_text()
    # keep only the preprocessor conditionals of the split and the code; drop #include lines
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#include"))
    (tmp_path / "body.cpp").write_text(body)

    def defined(*defs: str) -> list[str]:
        out = subprocess.run(["g++", "-E", "-P", *defs, str(tmp_path / "body.cpp")],
                             capture_output=True, text=True, check=True).stdout
        # function definitions of the model: "iaf_psc_exp_neuron::name(" at the start of a line
        return sorted(ln.split("(")[0] for ln in out.splitlines()
                      if ln.startswith(("iaf_psc_exp_neuron::", "register_", "RecordablesMap<")))

    whole = defined()
    one, two = defined("-DNESTML_GO_PART=1"), defined("-DNESTML_GO_PART=2")
    assert len(whole) >= 10 and one and two
    assert sorted(one + two) == whole  # every function in exactly one half
    assert "iaf_psc_exp_neuron::update" in two and "register_iaf_psc_exp_neuron" in one
    # the hot split: the same functions, those that run per step, spike or
    # connection in part 2, the rest in part 1
    assert _pch.splits_hot(str(tmp_path / "gen"), cpp)
    cold = defined("-DNESTML_GO_PART=1", "-DNESTML_GO_HOT_SPLIT")
    hot = defined("-DNESTML_GO_PART=2", "-DNESTML_GO_HOT_SPLIT")
    assert sorted(cold + hot) == whole
    assert sorted(set(hot)) == ["iaf_psc_exp_neuron::handle", "iaf_psc_exp_neuron::handles_test_event",
                                "iaf_psc_exp_neuron::send_test_event", "iaf_psc_exp_neuron::update"]
    assert hot.count("iaf_psc_exp_neuron::handle") == 2  # spikes and currents; data logging is cold
    assert "iaf_psc_exp_neuron::handles_test_event" in cold  # the data-logging one
    # the explicit specialization of RecordablesMap<>::create() is declared in
    # both halves, so neither instantiates NEST's generic one (which asserts)
    for part in ("1", "2"):
        out = subprocess.run(["g++", "-E", "-P", f"-DNESTML_GO_PART={part}", str(tmp_path / "body.cpp")],
                             capture_output=True, text=True, check=True).stdout
        assert "template <>\nvoid RecordablesMap< iaf_psc_exp_neuron >::create();" in out


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


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_background_pch_build_runs_detached_and_remembers_failure(monkeypatch, tmp_path):
    # NEST's headers are not in this include directory: the detached build fails
    # quickly, and records that, so no build starts it again.
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache"))
    gxx = shutil.which("g++")
    flags = ["-std=c++20", f"-I{tmp_path / 'no_nest'}"]
    args = (gxx, flags, "3.10.0", str(tmp_path / "no_nest"))
    assert _pch.start_pch_background(*args)
    # the lock is held from before start_pch_background returns, so this waits
    # for the detached build to finish
    assert _pch.wait_for_pch(*args) is None
    pch_dir = tmp_path / "cache" / "pch"
    assert any(f.endswith(".failed") for f in os.listdir(pch_dir))
    assert not _pch.start_pch_background(*args)  # failed before: not retried
    assert [d for d in os.listdir(pch_dir) if (pch_dir / d).is_dir()] == []  # no half-built PCH left


def test_find_nest_is_remembered_until_the_installation_changes(monkeypatch, tmp_path):
    from _nestutil import require_nest

    from nestml_go import _nestbuild

    require_nest()
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_nestbuild, "_FOUND", {})
    probes = []
    real_probe = _nestbuild._run_probe
    monkeypatch.setattr(_nestbuild, "_run_probe", lambda py: probes.append(py) or real_probe(py))
    first = _nestbuild.find_nest()
    assert len(probes) == 1
    assert _nestbuild.find_nest() == first and len(probes) == 1  # remembered in this process
    monkeypatch.setattr(_nestbuild, "_FOUND", {})
    assert _nestbuild.find_nest() == first and len(probes) == 1  # remembered in the user cache
    # a changed installation (here: a changed fingerprint) is probed again
    real_fp = _nestbuild._install_fingerprint
    monkeypatch.setattr(_nestbuild, "_install_fingerprint", lambda *a, **k: real_fp(*a, **k) + (("x", 1, 1),))
    assert _nestbuild.find_nest() == first and len(probes) == 2


def test_first_build_compiles_while_nest_is_imported(monkeypatch, tmp_path):
    # With nothing remembered, find_and_build compiles on a description of
    # NEST found without importing it, while the import runs alongside. For
    # the installed NEST it is the one the import gives (else every first
    # build would compile twice); a wrong one is replaced by the import's and
    # the module built again.
    import dataclasses
    import sys

    from _nestutil import require_nest

    import nestml_go as ng
    from nestml_go import _nestbuild

    require_nest()
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_nestbuild, "_FOUND", {})
    prov = _nestbuild._provisional_install(sys.executable)
    real = _nestbuild.find_nest()
    assert prov == real
    assert _nestbuild._provisional_install("/no/such/python") is None

    src = tmp_path / "src"
    model = os.path.join(os.path.dirname(__file__), "..", "gocore", "models", "iaf_psc_exp_neuron.nestml")
    ng.generate_nest_target(model, str(src), module_name="provmodule", logging_level="NONE", codegen_opts={"build": False})
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache2"))  # nothing remembered
    monkeypatch.setattr(_nestbuild, "_FOUND", {})
    wrong = dataclasses.replace(real, include_dir=str(tmp_path / "no_headers"))
    monkeypatch.setattr(_nestbuild, "_provisional_install", lambda python: wrong)
    used = []
    real_build = _nestbuild.build_module
    monkeypatch.setattr(_nestbuild, "build_module", lambda d, m, nest, **kw: used.append(nest) or real_build(d, m, nest, **kw))
    scripts = []
    real_probe = _nestbuild._run_probe
    monkeypatch.setattr(_nestbuild, "_run_probe", lambda python, script=_nestbuild._PROBE:
                        scripts.append(script) or real_probe(python, script))
    path = _nestbuild.find_and_build(str(src), "provmodule", progress=None, pch=False)
    assert used == [wrong, real]
    assert os.path.exists(path + ".so")
    assert real.include_dir in (src / "build.sh").read_text()
    # the check located NEST without importing it
    assert scripts == [_nestbuild._LOCATE_PROBE]


def test_first_build_imports_nest_when_its_libraries_do_not_resolve(monkeypatch, tmp_path):
    # find_and_build's check trusts where a fresh interpreter finds NEST only
    # if the PyNEST extension's libraries resolve; otherwise NEST is imported,
    # as find_nest does, which also reports why it does not import.
    import sys

    from _nestutil import require_nest

    import nestml_go as ng
    from nestml_go import _nestbuild

    require_nest()
    src = tmp_path / "src"
    model = os.path.join(os.path.dirname(__file__), "..", "gocore", "models", "iaf_psc_exp_neuron.nestml")
    ng.generate_nest_target(model, str(src), module_name="ldmodule", logging_level="NONE", codegen_opts={"build": False})
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache"))  # nothing remembered
    monkeypatch.setattr(_nestbuild, "_FOUND", {})
    assert _nestbuild._ldd_missing(_nestbuild._provisional_install(sys.executable).api_so) == []
    monkeypatch.setattr(_nestbuild, "_ldd_missing", lambda path: ["libmissing.so.1"])
    scripts = []
    real_probe = _nestbuild._run_probe
    monkeypatch.setattr(_nestbuild, "_run_probe", lambda python, script=_nestbuild._PROBE:
                        scripts.append(script) or real_probe(python, script))
    path = _nestbuild.find_and_build(str(src), "ldmodule", progress=None, pch=False)
    assert os.path.exists(path + ".so")
    assert scripts == [_nestbuild._LOCATE_PROBE, _nestbuild._PROBE]


def test_prepare_nest_command(monkeypatch, capsys):
    from _nestutil import require_nest

    from nestml_go import cli

    require_nest()
    monkeypatch.setenv("NESTML_GO_NO_PCH", "1")
    assert cli.main(["prepare-nest"]) == 0
    assert "NESTML_GO_NO_PCH is set: nothing to prepare" in capsys.readouterr().out
    monkeypatch.delenv("NESTML_GO_NO_PCH")
    assert cli.main(["prepare-nest", "--cxx", "no-such-compiler-xyz"]) == 1
    assert "C++ compiler 'no-such-compiler-xyz' not found" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_gc_speed_flags_for_gcc_only(tmp_path):
    assert _pch.speed_flags(shutil.which("g++")) == list(_pch.GCC_SPEED_FLAGS)
    fake = tmp_path / "clang++"
    fake.write_text("#!/bin/sh\necho 'Debian clang version 14.0.6'\n")
    fake.chmod(0o755)
    assert _pch.speed_flags(str(fake)) == []  # clang has no --param ggc-*
    # GCC accepts them (an unknown --param is an error)
    proc = subprocess.run([shutil.which("g++"), *_pch.GCC_SPEED_FLAGS, "-x", "c++", "-fsyntax-only", "-"],
                          input="int main() { return 0; }\n", capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stderr == ""


def test_abi_probe_and_symbol_lists_of_the_first_build(monkeypatch, tmp_path):
    # The first build on a machine reads NEST's symbols while other work runs:
    # the ABI probe demangles only the candidate names (same answer as
    # demangling all), and the symbol lists of the undefined-symbol check are
    # read during the compile, so the check after linking runs nm only on the
    # module itself.
    import sys

    from _nestutil import require_nest

    from nestml_go import _nestbuild

    require_nest()
    nest = _nestbuild.find_nest()  # remembered from earlier tests or builds, if any
    # nothing remembered for the symbol lists: an empty cache
    monkeypatch.setenv("NESTML_GO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_nestbuild, "_LIB_MEMO", {})
    assert _nestbuild._guess_api_so(sys.executable) == nest.api_so
    syms = [s for s in _nestbuild._nm_symbols(nest.api_so, defined=True) if s.startswith("_ZN4nest")]
    demangled = _nestbuild._demangle(syms)
    n_new = sum(1 for d in demangled if "std::__cxx11::basic_string" in d)
    n_old = sum(1 for d in demangled if "std::basic_string" in d)
    abi, evidence = _nestbuild._probe_abi(nest.api_so, nest.wheel_tag)
    assert abi == ("cxx11" if n_new else "legacy") and str(n_new or n_old) in evidence
    # the probe's symbol list is the one the undefined-symbol check reads: remembered
    assert any(k[:2] == ("defined", os.path.realpath(nest.api_so)) for k in _nestbuild._LIB_MEMO)

    _nestbuild._prefetch_symbol_lists(nest)
    calls = []
    real_nm = _nestbuild._nm_symbols
    monkeypatch.setattr(_nestbuild, "_nm_symbols", lambda path, defined: calls.append((path, defined)) or real_nm(path, defined))
    # the PyNEST extension stands in for a module: it links the same libraries
    _nestbuild._undefined_symbols(nest.api_so, nest)
    assert calls == [(nest.api_so, False)]


def test_dynamic_symbols_read_like_nm(tmp_path):
    # The undefined-symbol check reads the dynamic symbol tables itself; it
    # must give what nm -D gives, for NEST's libraries and every library they
    # link, defined and undefined (weak undefined ones left out), and leave
    # anything that is not a 64-bit little-endian ELF file to nm.
    from _nestutil import require_nest

    from nestml_go import _nestbuild

    require_nest()
    nest = _nestbuild.find_nest()
    libs = [lib for api in nest.symbol_libs for lib in [api, *_nestbuild._ldd(api)]]
    assert len(libs) >= 3  # the extension, libstdc++, libc at least

    def nm(path, defined):
        out = subprocess.run(["nm", "-D", "--defined-only" if defined else "--undefined-only", "-P", path],
                             capture_output=True, text=True, check=True).stdout
        return sorted(ln.split()[0].split("@", 1)[0] for ln in out.splitlines()
                      if len(ln.split()) > 1 and (defined or ln.split()[1] not in ("w", "v")))

    for lib in libs:
        for defined in (True, False):
            names = _nestbuild._elf_dynamic_symbols(lib, defined)
            assert names is not None and sorted(names) == nm(lib, defined), (lib, defined)
    assert _nestbuild._elf_dynamic_symbols(nest.api_so, True)  # not empty
    text = tmp_path / "not_elf.so"
    text.write_text("not an ELF file\n")
    assert _nestbuild._elf_dynamic_symbols(str(text), True) is None
    with pytest.raises(_nestbuild.NestNotFoundError):  # then nm, which reports it
        _nestbuild._nm_symbols(str(text), True)

_TRACE_SCRIPT = """
import json, sys
import nest
nest.set_verbosity("M_ERROR")
nest.Install(sys.argv[1])
nest.resolution = 0.1
out = {}
for model, i_e in (("iaf_psc_alpha_neuron", 200.0), ("aeif_cond_exp_neuron", 800.0)):
    n = nest.Create(model, 3)
    n.set({"I_e": i_e})
    n[1].set({"C_m": 180.0})
    sg = nest.Create("spike_generator", params={"spike_times": [5.0, 7.3, 20.0, 20.1, 44.4],
                                                 "spike_weights": [40.0, -25.0, 300.0, 150.0, 90.0]})
    nest.Connect(sg, n)
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    nest.Connect(mm, n)
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Simulate(120.0)
    ev = mm.get("events")
    out[model] = {"V_m": [float(v) for v in ev["V_m"]], "senders": [int(s) for s in ev["senders"]],
                  "spikes": [float(t) for t in sr.get("events")["times"]], "C_m": [float(c) for c in n.get("C_m")]}
print(json.dumps(out))
"""


def test_hot_split_module_runs_like_a_module_of_whole_units(monkeypatch, tmp_path):
    # Without the PCH, two halves are split hot and cold: part 2 (update,
    # event handlers) with the module's flags, part 1 (registration, status,
    # construction, calibration) with -Og, linked last. The module must run
    # exactly like one compiled as whole translation units. Like every test
    # that builds a module (test_nest_models.py, ...), it needs NEST and a
    # C++ compiler and does not skip without the compiler.
    import json
    import sys

    from _nestutil import require_nest

    import nestml_go as ng

    require_nest()
    srcs = []
    for m in ("iaf_psc_alpha_neuron", "aeif_cond_exp_neuron"):
        p = tmp_path / f"{m}.nestml"
        p.write_text(ng.library_source(m))
        srcs.append(str(p))
    monkeypatch.setenv("NESTML_GO_NO_PCH", "1")
    hot = ng.generate_nest_target(srcs, str(tmp_path / "hot"), module_name="hotsplitmodule", logging_level="NONE")
    info = json.loads((tmp_path / "hot" / "nestml_go_build.json").read_text())
    assert info["hot_split"] and info["pch"] is None
    cmds = (tmp_path / "hot" / "build.sh").read_text().splitlines()
    part1 = next(c for c in cmds if "-c nestml_go_unity_0.cc" in c)
    part2 = next(c for c in cmds if "-c nestml_go_unity_1.cc" in c)
    assert part1.split()[-5:-4] == _pch.COLD_PART_FLAGS and "-Og" not in part2 and "-O2" in part2
    assert cmds[-1].endswith("nestml_go_unity_1.o nestml_go_unity_0.o")  # the optimized copies first
    assert "#define NESTML_GO_HOT_SPLIT" in (tmp_path / "hot" / "nestml_go_unity_0.cc").read_text()
    monkeypatch.setenv("NESTML_GO_NO_UNITY", "1")
    whole = ng.generate_nest_target(srcs, str(tmp_path / "whole"), module_name="wholeunitsmodule",
                                    logging_level="NONE")
    assert not json.loads((tmp_path / "whole" / "nestml_go_build.json").read_text())["hot_split"]

    def run(module: str) -> dict:
        proc = subprocess.run([sys.executable, "-c", _TRACE_SCRIPT, module], capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return json.loads(proc.stdout.strip().splitlines()[-1])

    a, b = run(hot), run(whole)
    assert a == b
    for model, res in a.items():
        assert len(res["V_m"]) > 3 * 1100 and res["spikes"], model  # spiking, recorded every step
        assert res["C_m"][1] == 180.0
