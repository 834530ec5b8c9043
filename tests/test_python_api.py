"""Tests of the Python boundary: the ctypes layer, errors, argument
validation, fork safety and thread safety. No NEST is needed."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import threading
import time
import warnings
from pathlib import Path

import numpy as np
import pytest

import nestml_go as ng
from nestml_go import _native, cli
from nestml_go.errors import Diagnostic, error_for_diagnostics
from nestml_go.network import Network, NodeCollection

from conftest import BROKEN_LINE, BROKEN_SOURCE, VALID_SOURCE

REPO = Path(__file__).resolve().parent.parent
PARSE_CODES = {"LEXICAL_ERROR", "SYNTAX_ERROR", "INCONSISTENT_DEDENT", "OLD_SYNTAX"}


# -- import and version --------------------------------------------------------


def test_import_exports_everything_in_all() -> None:
    for name in ng.__all__:
        assert hasattr(ng, name), name
    for name in ("check", "check_file", "load", "Network", "generate_target",
                 "generate_nest_target", "NestmlError", "CodeGeneratorOptionsException"):
        assert name in ng.__all__
    assert (Path(ng.__file__).parent / "py.typed").exists()


def test_version_comes_from_the_go_constant() -> None:
    text = (REPO / "pybind" / "version.go").read_text()
    go_version = re.search(r'^const Version = "([^"]+)"', text, re.M).group(1)
    assert ng.__version__ == go_version
    assert _native.call("version") == {"version": go_version}


def test_methods_lists_the_registry() -> None:
    methods = _native.call("methods")["methods"]
    assert {"version", "check", "free"} <= set(methods)
    assert methods == sorted(methods)


# -- check --------------------------------------------------------------------


def test_check_valid_source_has_no_errors(valid_source: str) -> None:
    res = ng.check(valid_source)
    assert res.errors == [], [str(d) for d in res.errors]
    assert res.ok
    assert res.models == ["leaky_probe_neuron"]
    assert res.file == "<string>"
    assert res.raise_for_errors() is res


def test_check_file_valid(valid_file: Path) -> None:
    res = ng.check_file(valid_file)
    assert res.ok, [str(d) for d in res.errors]
    assert res.models == ["leaky_probe_neuron"]
    assert res.file == str(valid_file)


def test_check_syntax_error_has_position(broken_source: str) -> None:
    res = ng.check(broken_source)
    assert not res.ok
    d = res.errors[0]
    assert isinstance(d, Diagnostic)
    assert d.code in PARSE_CODES
    assert d.severity == "error"
    assert d.file == "<string>"
    assert d.line >= BROKEN_LINE  # the dangling '+' or the token after it
    assert d.col >= 0 and d.end_line >= d.line
    assert d.message
    assert str(d).startswith(f"<string>:{d.line}:{d.col + 1}: error {d.code}: ")
    with pytest.raises(ng.NestmlParseError) as exc:
        res.raise_for_errors()
    assert isinstance(exc.value, ng.NestmlCheckError)
    assert isinstance(exc.value, ng.NestmlError)
    assert exc.value.diagnostics == res.diagnostics
    assert exc.value.errors()[0]["code"] == d.code


def test_check_file_reports_its_path(broken_file: Path) -> None:
    res = ng.check_file(broken_file)
    assert res.errors and all(d.file == str(broken_file) for d in res.diagnostics)


def test_check_path_names_the_source() -> None:
    res = ng.check(BROKEN_SOURCE, path="models/x.nestml")
    assert res.errors[0].file == "models/x.nestml"


def test_empty_source_is_an_error_not_a_crash() -> None:
    res = ng.check("")
    assert not res.ok


def test_load_valid_and_broken(valid_file: Path) -> None:
    m = ng.load(valid_file)
    assert m.name == "leaky_probe_neuron"
    assert m.path == str(valid_file)
    assert ng.load(VALID_SOURCE).path is None
    with pytest.raises(ng.NestmlParseError):
        ng.load(BROKEN_SOURCE)
    with pytest.raises(ValueError, match="no model 'other'"):
        ng.load(VALID_SOURCE, name="other")


def test_diagnostic_str_is_compiler_style() -> None:
    d = Diagnostic(code="SYNTAX_ERROR", severity="error", file="a.nestml", line=3, col=4,
                   end_line=3, end_col=5, message="unexpected '+'")
    assert str(d) == "a.nestml:3:5: error SYNTAX_ERROR: unexpected '+'"
    d2 = Diagnostic.from_record({**d.to_dict(), "upstream": "PARSER_ERROR", "extra": 1})
    assert str(d2).endswith("[upstream: PARSER_ERROR]")
    with pytest.raises(Exception):
        d.line = 4  # frozen


def test_error_for_diagnostics_picks_the_class() -> None:
    parse = Diagnostic(code="SYNTAX_ERROR", severity="error", message="x")
    other = Diagnostic(code="VARIABLE_NOT_DEFINED", severity="error", message="y")
    warn = Diagnostic(code="INPUT_BLOCK_MISSING", severity="warning", message="z")
    assert type(error_for_diagnostics([parse, other])) is ng.NestmlParseError
    e = error_for_diagnostics([other, warn])
    assert type(e) is ng.NestmlCheckError and e.diagnostics == [other, warn]


# -- bad arguments ----------------------------------------------------------------


def test_check_rejects_non_strings(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        ng.check(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ng.check(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ng.check_file(3.5)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        ng.check_file(tmp_path / "missing.nestml")
    with pytest.raises(IsADirectoryError):
        ng.check_file(tmp_path)


@pytest.mark.parametrize(
    "resolution, exc",
    [(0.0, ValueError), (-0.1, ValueError), (float("nan"), ValueError),
     (float("inf"), ValueError), ("0.1", TypeError), (None, TypeError), (True, TypeError)],
)
def test_network_resolution_validated_before_go(resolution: object, exc: type) -> None:
    with pytest.raises(exc):
        Network(resolution=resolution)  # type: ignore[arg-type]


def _offline_network(resolution: float = 0.1) -> Network:
    """A Network object without a native handle: enough to exercise the
    Python-side validation, which runs before any native call."""
    net = Network.__new__(Network)
    net._resolution = resolution
    net._handle = None
    net._time = 0.0
    return net


def _nodes(net: Network, name: str, kind: str, first: int, n: int = 1) -> NodeCollection:
    return NodeCollection(net, np.arange(first, first + n), name, kind)


def test_create_arguments_validated() -> None:
    net = _offline_network()
    with pytest.raises(TypeError):
        net.create(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        net.create("  ")
    for bad_n, exc in [(0, ValueError), (-3, ValueError), (2.0, TypeError), (True, TypeError), ("3", TypeError)]:
        with pytest.raises(exc):
            net.create("iaf_psc_exp_neuron", n=bad_n)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        net.create("iaf_psc_exp_neuron", params=[("tau_m", 10.0)])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="NaN"):
        net.create("iaf_psc_exp_neuron", params={"tau_m": float("nan")})
    with pytest.raises(TypeError):
        net.create("iaf_psc_exp_neuron", params={"tau_m": object()})
    with pytest.raises(ValueError, match="sorted"):
        net.create("spike_generator", params={"spike_times": [5.0, 1.0]})
    with pytest.raises(ValueError, match="finite"):
        net.create("spike_generator", params={"spike_times": [1.0, float("inf")]})
    with pytest.raises(ValueError, match="one weight per spike time"):
        net.create("spike_generator", params={"spike_times": [1.0, 2.0], "spike_weights": [1.0]})
    with pytest.raises(ValueError, match="stop"):
        net.create("dc_generator", params={"amplitude": 100.0, "start": 50.0, "stop": 10.0})
    with pytest.raises(TypeError, match="list of variable names"):
        net.create("multimeter", params={"record_from": "V_m"})
    with pytest.raises(ValueError, match="resolution"):
        net.create("multimeter", params={"record_from": ["V_m"], "interval": 0.01})
    with pytest.raises(ValueError):
        net.create("poisson_generator", params={"rate": -1.0})
    # Valid arguments get past validation and only then need the native network.
    with pytest.raises(RuntimeError, match="closed"):
        net.create("spike_generator", params={"spike_times": np.array([1.0, 2.0])})


def test_connect_arguments_validated() -> None:
    net = _offline_network()
    neurons = _nodes(net, "iaf_psc_exp_neuron", "neuron", 1, 3)
    sg = _nodes(net, "spike_generator", "generator", 4)
    mm = _nodes(net, "multimeter", "recorder", 5)
    sr = _nodes(net, "spike_recorder", "recorder", 6)
    with pytest.raises(TypeError):
        net.connect([1, 2], neurons)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="different Network"):
        net.connect(_nodes(_offline_network(), "x", "neuron", 1), neurons)
    with pytest.raises(ValueError, match="finite"):
        net.connect(sg, neurons, weight=float("nan"))
    with pytest.raises(TypeError):
        net.connect(sg, neurons, weight="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="resolution"):
        net.connect(sg, neurons, delay=0.05)
    with pytest.raises(ValueError):
        net.connect(sg, neurons, port=-1)
    with pytest.raises(TypeError):
        net.connect(sg, neurons, port=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rule"):
        net.connect(sg, neurons, rule="all_to_none")
    with pytest.raises(ValueError, match="indegree"):
        net.connect(sg, neurons, rule={"rule": "fixed_indegree"})
    with pytest.raises(ValueError, match="p must"):
        net.connect(sg, neurons, rule={"rule": "pairwise_bernoulli", "p": 1.5})
    with pytest.raises(ValueError, match="distribution"):
        net.connect(sg, neurons, weight={"distribution": "cauchy"})
    with pytest.raises(ValueError, match="generators only send"):
        net.connect(neurons, sg)
    with pytest.raises(ValueError, match=r"connect\(multimeter, neurons\)"):
        net.connect(neurons, mm)
    with pytest.raises(ValueError, match="only receives"):
        net.connect(sr, neurons)
    with pytest.raises(ValueError):
        net.connect(neurons[0:0], sr)
    # Valid directions pass validation (and then need the native network).
    for pre, post in [(sg, neurons), (mm, neurons), (neurons, sr), (neurons, neurons)]:
        with pytest.raises(RuntimeError, match="closed"):
            net.connect(pre, post)


def test_simulate_and_events_validated() -> None:
    net = _offline_network()
    for t, exc in [(0.0, ValueError), (-1.0, ValueError), (float("inf"), ValueError),
                   ("10", TypeError), (10.05, ValueError)]:
        with pytest.raises(exc):
            net.simulate(t)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not a recording device"):
        _nodes(net, "iaf_psc_exp_neuron", "neuron", 1).events


def test_node_collection_shape() -> None:
    net = _offline_network()
    nc = _nodes(net, "iaf_psc_exp_neuron", "neuron", 1, 10)
    assert len(nc) == 10 and nc.ids.dtype == np.int64
    assert list(nc) == list(range(1, 11))
    assert nc[2:4].ids.tolist() == [3, 4] and nc[0].ids.tolist() == [1]
    assert "first=1, last=10" in repr(nc)
    with pytest.raises(ValueError):
        nc.ids[0] = 5  # read-only


def test_codegen_arguments_validated(valid_file: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match='must end in "module"'):
        ng.generate_nest_target(valid_file, tmp_path / "t", module_name="mymod")
    with pytest.raises(ng.CodeGeneratorOptionsException) as exc:
        ng.generate_nest_target(valid_file, tmp_path / "t", codegen_opts={"no_such_option": 1})
    assert str(exc.value) == 'The code generator option "no_such_option" does not exist.'
    with pytest.raises(ValueError, match="numeric_solver"):
        ng.generate_nest_target(valid_file, tmp_path / "t", codegen_opts={"numeric_solver": "rk2"})
    with pytest.raises(TypeError):
        ng.generate_nest_target(valid_file, tmp_path / "t", codegen_opts=["build"])  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        ng.generate_nest_target(tmp_path / "missing.nestml", tmp_path / "t")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no .nestml files"):
        ng.generate_nest_target(tmp_path / "empty", tmp_path / "t")
    with pytest.raises(ValueError, match="logging_level"):
        ng.generate_nest_target(valid_file, tmp_path / "t", logging_level="LOUD")
    with pytest.raises(TypeError):
        ng.generate_nest_target(123)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="target_platform"):
        ng.generate_target(valid_file, target_platform="SPINNAKER")


def test_generate_target_none_checks_only(valid_file: Path, broken_file: Path) -> None:
    assert ng.generate_target(valid_file, target_platform="NONE") is False
    with pytest.raises(ng.NestmlParseError):
        ng.generate_target(broken_file, target_platform="none")
    assert ng.generate_target([valid_file, broken_file], target_platform="NONE",
                              logging_level="NONE", dev=True) is True


# -- errors from Go ---------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, cls",
    [("parse", ng.NestmlParseError), ("check", ng.NestmlCheckError), ("unit", ng.NestmlUnitError),
     ("solver", ng.NestmlSolverError), ("codegen", ng.NestmlCodegenError),
     ("simulation", ng.NestmlSimulationError), ("argument", ng.NestmlArgumentError),
     ("internal", ng.NestmlInternalError), ("no_such_kind", ng.NestmlInternalError),
     ("", ng.NestmlInternalError)],
)
def test_go_error_kinds_map_to_exceptions(kind: str, cls: type) -> None:
    with pytest.raises(ng.NestmlError) as exc:
        _native.call("_debug_error", kind=kind, message="from go")
    assert type(exc.value) is cls
    assert exc.value.message == "from go"
    assert exc.value.kind == (kind if kind in ("parse", "check", "unit", "solver", "codegen",
                                                "simulation", "argument", "internal") else "internal")
    assert exc.value.diagnostics == []


def test_go_panic_is_recovered_as_internal_error() -> None:
    with pytest.raises(ng.NestmlInternalError) as exc:
        _native.call("_debug_panic", message="boom")
    assert exc.value.kind == "internal"
    assert "panic: boom" in exc.value.message
    assert "debug.go" in exc.value.message  # the short stack names the panicking frame
    # The library is still usable afterwards.
    assert _native.call("version")["version"] == ng.__version__


def test_unknown_method_and_bad_json_arguments() -> None:
    with pytest.raises(ng.NestmlArgumentError, match="unknown method"):
        _native.call("no_such_method")
    with pytest.raises(ValueError):  # argument errors are also ValueErrors
        _native.call("check", sourc="model x:\n")
    with pytest.raises(ng.NestmlArgumentError, match="path"):
        _native.call("check")
    with pytest.raises(ng.NestmlArgumentError, match="cannot read"):
        _native.call("check", path="/nonexistent/x.nestml")
    with pytest.raises(ValueError, match="NaN"):
        _native.call("version", x=float("nan"))
    with pytest.raises(TypeError):
        _native.call("version", x=object())
    with pytest.raises(TypeError):
        _native.call(None)  # type: ignore[arg-type]


def test_handles_fill_and_free() -> None:
    h = _native.call("_debug_seq", start=2.0, step=0.5)["handle"]
    a = _native.fill(h, {}, 5)
    assert a.dtype == np.float64 and a.tolist() == [2.0, 2.5, 3.0, 3.5, 4.0]
    assert _native.fill(h, {"offset": 10.0}, 2).tolist() == [12.0, 12.5]
    assert _native.fill(h, {}, 0).shape == (0,)
    big = _native.fill(h, {}, 1_000_000)
    assert big[-1] == 2.0 + 0.5 * 999_999
    assert _native.call("_debug_seq_calls", handle=h)["calls"] == 3
    with pytest.raises(ng.NestmlArgumentError):
        _native.fill(h, {"bogus": 1}, 3)
    with pytest.raises(TypeError):
        _native.fill(h, {}, 2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        _native.fill(h, {}, -1)
    with pytest.raises(ValueError):
        _native.fill(0, {}, 1)
    _native.free(h)
    with pytest.raises(ng.NestmlArgumentError, match="handle"):
        _native.free(h)
    with pytest.raises(ng.NestmlArgumentError, match="handle"):
        _native.fill(h, {}, 3)
    with pytest.raises(ng.NestmlArgumentError, match="handle"):
        _native.call("_debug_seq_calls", handle=h)
    with pytest.raises(ng.NestmlArgumentError):
        _native.call("free", handle=987654321)
    with pytest.raises(ng.NestmlArgumentError, match="handle"):
        _native.call("free")
    _native.release(h)  # quiet: never raises


def test_handle_of_the_wrong_type_is_an_argument_error() -> None:
    box = _native.call("_debug_box", value="x")["handle"]
    try:
        with pytest.raises(ng.NestmlArgumentError, match="no bulk data"):
            _native.fill(box, {}, 3)
        with pytest.raises(ng.NestmlArgumentError, match="not a"):
            _native.call("_debug_seq_calls", handle=box)
    finally:
        _native.free(box)


# -- processes and threads ---------------------------------------------------------


def test_forked_child_gets_nestml_error_not_a_hang() -> None:
    ng.check(VALID_SOURCE)  # make sure the library is loaded in the parent
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
        pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 3
        try:
            ng.check(VALID_SOURCE)
        except ng.NestmlError as e:
            code = 0 if "forked child" in str(e) and "spawn" in str(e) else 4
        except BaseException:
            code = 5
        os._exit(code)
    deadline = time.monotonic() + 30
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung")
        time.sleep(0.02)
    assert os.WIFEXITED(status), status
    assert os.WEXITSTATUS(status) == 0, f"child exit code {os.WEXITSTATUS(status)}"
    # The parent is unaffected.
    assert ng.check(VALID_SOURCE).ok


def _spawn_worker(source: str) -> list[str]:
    import nestml_go

    return nestml_go.check(source).models


def test_spawn_start_method_works() -> None:
    ng.check(VALID_SOURCE)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        assert pool.apply(_spawn_worker, (VALID_SOURCE,)) == ["leaky_probe_neuron"]


def test_concurrent_calls_from_four_threads() -> None:
    expected_valid = ng.check(VALID_SOURCE)
    expected_broken = ng.check(BROKEN_SOURCE)
    shared = _native.call("_debug_seq", start=1.0, step=1.0)["handle"]
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(i: int) -> None:
        try:
            own = _native.call("_debug_seq", start=float(i), step=2.0)["handle"]
            barrier.wait()
            for k in range(40):
                assert ng.check(VALID_SOURCE) == expected_valid
                assert ng.check(BROKEN_SOURCE) == expected_broken
                a = _native.fill(own, {}, 1000)
                assert a[0] == i and a[-1] == i + 2.0 * 999
                b = _native.fill(shared, {"offset": float(k)}, 100)
                assert b[0] == 1.0 + k and b[-1] == 100.0 + k
                with pytest.raises(ng.NestmlInternalError):
                    _native.call("_debug_panic", message=f"thread {i}")
            _native.free(own)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "threads hung"
    assert not errors, errors
    assert _native.call("_debug_seq_calls", handle=shared)["calls"] == 4 * 40
    _native.free(shared)


# -- command line ---------------------------------------------------------------------


def test_cli_check_prints_compiler_style(broken_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(broken_file)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert re.match(rf"^{re.escape(str(broken_file))}:\d+:\d+: error [A-Z_]+: ", out[0])
    caret = next(line for line in out[1:] if "^" in line)
    assert set(caret.strip()) <= {"^", "~"}


def test_cli_check_json_and_exit_codes(valid_file: Path, broken_file: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(valid_file)]) == 0
    capsys.readouterr()
    assert cli.main(["check", "--json", str(valid_file), str(broken_file)]) == 1
    records = json.loads(capsys.readouterr().out)
    assert records and {"code", "severity", "file", "line", "col", "end_line", "end_col",
                        "message", "hint"} <= set(records[0])
    assert cli.main(["check", str(valid_file.parent / "missing.nestml")]) == 2


def test_cli_check_target_adds_compartmental_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "cm.nestml"
    src.write_text("model cm_model:\n    state:\n        V_m real = 0\n\n    update:\n        V_m = 1\n")
    assert cli.main(["check", "--json", str(src)]) == 0
    assert "CM_NO_V_COMP" not in capsys.readouterr().out
    assert cli.main(["check", "--json", "--target", "NEST_compartmental", str(src)]) == 1
    codes = {r["code"] for r in json.loads(capsys.readouterr().out)}
    assert "CM_NO_V_COMP" in codes


def test_cli_version_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"nestml-go {ng.__version__}"
    assert cli.main([]) == 2


def test_cli_generation_flags_reach_validation(valid_file: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    opts = tmp_path / "opts.json"
    opts.write_text(json.dumps({"no_such_option": True}))
    rc = cli.main(["--input_path", str(valid_file), "--target_path", str(tmp_path / "t"),
                   "--module_name", "abcmodule", "--codegen_opts", str(opts)])
    assert rc == 2
    assert 'The code generator option "no_such_option" does not exist.' in capsys.readouterr().err
    assert cli.main(["--input_path", str(valid_file), "--target_platform", "NONE"]) == 0


def test_cli_format_diagnostic_caret_under_range() -> None:
    d = Diagnostic(code="SYNTAX_ERROR", severity="error", file="f.nestml", line=2, col=8,
                   end_line=2, end_col=11, message="bad", hint="try this")
    text = cli.format_diagnostic(d, ["model a:", "    x = foo + 1"])
    lines = text.splitlines()
    assert lines[0] == "f.nestml:2:9: error SYNTAX_ERROR: bad"
    assert lines[1] == "        x = foo + 1"
    assert lines[2] == "            ^~~"
    assert lines[3] == "    hint: try this"


def test_diagnostic_related_locations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # V_m is declared twice: the error on line 5 points back at line 3.
    src = ("model twice_neuron:\n"
           "    state:\n"
           "        V_m mV = 0 mV\n"
           "    parameters:\n"
           "        V_m mV = 1 mV\n")
    res = ng.check(src, path="twice.nestml")
    (d,) = [d for d in res.errors if d.code == "VARIABLE_REDECLARED"]
    assert (d.line, d.col) == (5, 8)
    assert len(d.related) == 1
    r = d.related[0]
    assert (r.line, r.col, r.end_line, r.end_col) == (3, 8, 3, 11)
    assert r.message == "first declaration"
    # the structured records of the exception carry it as a list of dicts
    with pytest.raises(ng.NestmlCheckError) as ei:
        res.raise_for_errors()
    (rec,) = [e for e in ei.value.errors() if e["code"] == "VARIABLE_REDECLARED"]
    assert rec["related"] == [{"line": 3, "col": 8, "end_line": 3, "end_col": 11,
                               "message": "first declaration"}]
    assert Diagnostic.from_record(rec) == d
    assert [x for x in res.diagnostics if not x.related][0].to_dict()["related"] == []
    # compiler-style printing: a note with its location, source line and caret
    f = tmp_path / "twice.nestml"
    f.write_text(src)
    assert cli.main(["check", str(f)]) == 1
    out = capsys.readouterr().out.splitlines()
    i = out.index(f"{f}:3:9: note: first declaration")
    assert out[i + 1:i + 3] == ["            V_m mV = 0 mV", "            ^~~"]
    assert cli.main(["check", "--json", str(f)]) == 1
    recs = json.loads(capsys.readouterr().out)
    assert [x["related"] for x in recs if x["code"] == "VARIABLE_REDECLARED"] == [rec["related"]]


def test_events_carry_units() -> None:
    net = ng.Network()
    pop = net.create("iaf_psc_exp_neuron", 2, params={"I_e": 400.0})
    mm = net.create("multimeter", params={"record_from": ["V_m"]})
    net.connect(mm, pop)
    sr = net.create("spike_recorder")
    net.connect(pop, sr)
    net.simulate(50.0)
    ev = mm.events
    assert ev["times"].unit == "ms" and ev["V_m"].unit == "mV"
    assert not hasattr(ev["senders"], "unit") and ev["senders"].dtype == np.int64
    assert sr.events["times"].unit == "ms" and len(sr.events["times"]) > 0
    # still plain float64 arrays for NumPy
    assert isinstance(ev["V_m"], np.ndarray) and ev["V_m"].dtype == np.float64
