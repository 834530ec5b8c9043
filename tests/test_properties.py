"""Property-based robustness tests (Hypothesis).

Every public function of nestml_go is fed arbitrary input — wrong types,
NaN and infinity, huge sizes, wrong shapes, unknown names — mixed with valid
values. Each call must either work or raise one of nestml_go's exceptions
(:class:`~nestml_go.NestmlError` and its ``TypeError``/``ValueError``
subclasses; ``OSError`` for paths that do not exist), never a bare builtin
exception and never a crash (a Go panic or a fatal Go error would kill this
process). The native library is real: nothing is mocked.

Profiles: ``ci`` (default, derandomized: the same examples every run),
``quick`` (fewer, used by the wheel test) and ``thorough`` (many random
examples, for local bug hunting); choose with ``HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nestml_go as ng
from nestml_go import loihi, plot
from nestml_go.errors import NestmlError, NestmlMemoryError, NestmlTypeError, NestmlValueError

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

_COMMON = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=40, **_COMMON)
settings.register_profile("quick", max_examples=8, **_COMMON)
settings.register_profile("thorough", max_examples=400, **{**_COMMON, "derandomize": False})  # for local runs
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: What a public function may raise for bad input.
OURS = (NestmlError,)
#: ... and, for arguments that are paths, the operating system's verdict.
OURS_OR_OS = (NestmlError, OSError)

VALID = """\
model prop_neuron:
    parameters:
        tau_m ms = 10 ms
        E_L mV = -70 mV
    state:
        V_m mV = E_L
    equations:
        V_m' = -(V_m - E_L) / tau_m
    input:
        spikes_in <- spike
    output:
        spike
    update:
        integrate_odes()
    onReceive(spikes_in):
        V_m += 1 mV
    onCondition(V_m >= -50 mV):
        V_m = E_L
        emit_spike()
"""


class _Opaque:
    """An object of a type no function accepts."""

    def __repr__(self) -> str:
        return "<opaque>"


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("nan"), float("inf"), -float("inf"), -1.0, 0.0, 1e300, complex(1, 2)]),
    st.text(max_size=12),
    st.binary(max_size=8),
)
#: Arbitrary (mostly bad) values of any shape.
junk = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.tuples(scalars, scalars),
    st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), scalars, max_size=3),
    st.sampled_from([_Opaque(), np.array([[1.0, np.nan], [2.0, 3.0]]), np.zeros((2, 0)), np.array(["a"]),
                     np.float64("nan"), np.int64(-3), Path("/nonexistent/x.nestml"), {1, 2}]),
)


def _costly(v: Any) -> bool:
    """A valid but expensive size or duration (between 100 and 10**12): a
    long simulation or gigabytes below the memory limit. The huge ones the
    memory check refuses stay in."""
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and 100 < v < 10**12


#: Junk without costly sizes, for sizes, counts and durations.
cheap = junk.filter(lambda v: not _costly(v))


def outcome(allowed: tuple[type[BaseException], ...], fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn``; return its result, or None if it raised an allowed exception
    (anything else propagates and fails the test)."""
    try:
        return fn(*args, **kwargs)
    except allowed:
        return None


# -- front end -----------------------------------------------------------------

fragments = st.lists(
    st.sampled_from(["model ", "x", ":", "\n", "    ", "state:", "V mV = ", "1", "ms", "'", "=", "(", ")",
                     "emit_spike()", "#", "neuron", "equations:", "onCondition(", "\t", "é", "\x00"]),
    max_size=25,
).map("".join)


@given(source=st.one_of(junk, fragments, st.text(max_size=60)), path=st.one_of(st.none(), junk),
       lang=st.one_of(st.sampled_from(["9.0", "8.3"]), junk), strict=st.one_of(st.booleans(), junk))
def test_check_accepts_or_rejects_cleanly(source: Any, path: Any, lang: Any, strict: Any) -> None:
    res = outcome(OURS, ng.check, source, path=path, lang=lang, strict=strict)
    if res is not None:
        assert isinstance(res, ng.CheckResult)
        assert all(isinstance(d, ng.Diagnostic) for d in res.diagnostics)


@given(path=st.one_of(junk, st.text(max_size=20), st.sampled_from([".", "/", "/dev/null", "/proc/self"])),
       lang=st.one_of(st.just("9.0"), junk))
def test_check_file_accepts_or_rejects_cleanly(path: Any, lang: Any) -> None:
    outcome(OURS_OR_OS, ng.check_file, path, lang=lang)


@given(src=st.one_of(junk, fragments, st.just(VALID)), name=st.one_of(st.none(), junk, st.just("prop_neuron")))
def test_load_accepts_or_rejects_cleanly(src: Any, name: Any) -> None:
    m = outcome(OURS_OR_OS, ng.load, src, name=name)
    if m is not None:
        assert m.name == "prop_neuron"


@given(name=st.one_of(junk, st.sampled_from(["iaf_psc_exp_neuron", "", "no_such_neuron"])))
def test_library_source_accepts_or_rejects_cleanly(name: Any) -> None:
    outcome(OURS, ng.library_source, name)


@given(timestep=st.one_of(junk, st.floats(0.01, 1.0)), solver=st.one_of(junk, st.sampled_from(["analytic", "numeric"])))
def test_ode_report_accepts_or_rejects_cleanly(timestep: Any, solver: Any) -> None:
    outcome(OURS, _model().ode_report, timestep=timestep, solver=solver)


_MODEL: list[ng.Model] = []


def _model() -> ng.Model:
    if not _MODEL:
        _MODEL.append(ng.load(VALID))
    return _MODEL[0]


# -- networks ------------------------------------------------------------------

model_names = st.sampled_from(["iaf_psc_exp_neuron", "spike_generator", "dc_generator", "poisson_generator",
                               "multimeter", "spike_recorder", "no_such_model", "", "  "])
param_names = st.sampled_from(["tau_m", "V_m", "I_e", "spike_times", "spike_weights", "amplitude", "start",
                               "stop", "rate", "record_from", "interval", "", "no_such_param"])
sizes = st.one_of(cheap, st.integers(-3, 8), st.integers(10**12, 10**18))


@given(resolution=st.one_of(cheap, st.floats(0.01, 1.0)), threads=st.one_of(st.none(), junk, st.integers(0, 4)))
def test_network_constructor(resolution: Any, threads: Any) -> None:
    net = outcome(OURS, ng.Network, resolution=resolution, threads=threads)
    if net is not None:
        net.close()


@given(model=st.one_of(model_names, junk, st.just(VALID)), n=sizes,
       params=st.one_of(st.none(), junk, st.dictionaries(param_names, junk, max_size=3)))
def test_create_accepts_or_rejects_cleanly(model: Any, n: Any, params: Any) -> None:
    with ng.Network() as net:
        nodes = outcome(OURS_OR_OS, net.create, model, n=n, params=params)
        if nodes is not None:
            assert len(nodes) == n


rules = st.one_of(
    junk,
    st.sampled_from(["all_to_all", "one_to_one", "no_such_rule"]),
    st.fixed_dictionaries(
        {"rule": st.sampled_from(["fixed_indegree", "fixed_outdegree", "fixed_total_number", "pairwise_bernoulli"])},
        optional={"indegree": sizes, "outdegree": sizes, "N": sizes, "p": junk, "allow_autapses": junk,
                  "allow_multapses": junk},
    ),
)
values = st.one_of(
    junk,
    st.floats(0.1, 5.0),
    st.fixed_dictionaries({"distribution": st.sampled_from(["normal", "uniform", "lognormal", "exponential", "x"])},
                          optional={"mean": junk, "std": junk, "min": junk, "max": junk, "beta": junk}),
)


@given(which=st.sampled_from(["pop-pop", "sg-pop", "pop-sr", "mm-pop", "pop-sg", "junk"]), other=junk,
       weight=values, delay=values, port=st.one_of(st.none(), junk, st.just("spikes_in")), rule=rules)
def test_connect_accepts_or_rejects_cleanly(which: str, other: Any, weight: Any, delay: Any, port: Any,
                                             rule: Any) -> None:
    with ng.Network() as net:
        pop = net.create("iaf_psc_exp_neuron", n=3)
        sg = net.create("spike_generator", params={"spike_times": [1.0]})
        sr = net.create("spike_recorder")
        mm = net.create("multimeter", params={"record_from": ["V_m"]})
        pre, post = {"pop-pop": (pop, pop), "sg-pop": (sg, pop), "pop-sr": (pop, sr), "mm-pop": (mm, pop),
                     "pop-sg": (pop, sg), "junk": (other, pop)}[which]
        n = outcome(OURS, net.connect, pre, post, weight=weight, delay=delay, port=port, rule=rule)
        if n is not None:
            assert n >= 0


def _long_run(v: Any) -> bool:
    """A valid but long duration: more than 100 ms and fewer than 2**53 steps
    (longer ones are refused)."""
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and 100 < v < 1e15


@given(t=st.one_of(junk.filter(lambda v: not _long_run(v)), st.sampled_from([0.1, 1.0, 2.5, 0.05, 1e300, 2**70])),
       progress=st.one_of(st.none(), junk),
       seed=st.one_of(junk, st.integers(0, 2**32)), threads=st.one_of(st.none(), junk, st.integers(0, 3)),
       index=st.one_of(junk, st.integers(-5, 5), st.just(slice(0, 2)), st.just([0, 2])))
def test_simulate_seed_threads_index(t: Any, progress: Any, seed: Any, threads: Any, index: Any) -> None:
    with ng.Network() as net:
        pop = net.create("iaf_psc_exp_neuron", n=3, params={"I_e": 400.0})
        sr = net.create("spike_recorder")
        net.connect(pop, sr)
        outcome(OURS, net.set_seed, seed)
        outcome(OURS, net.set_threads, threads)
        outcome(OURS, net.simulate, t, progress=progress)
        sub = outcome(OURS, pop.__getitem__, index)
        if sub is not None:
            assert set(sub.ids) <= set(pop.ids)
        ev = sr.events
        assert isinstance(ev, dict) and set(ev["senders"]) <= set(pop.ids)


@given(params=st.dictionaries(st.sampled_from(["tau_m", "V_m", "I_e", "C_m"]),
                              st.one_of(junk, st.sampled_from(["20 ms", "-70 mV", "1 nF", "5 pA"]),
                                        st.tuples(st.floats(), st.sampled_from(["ms", "mV", "s", "bogus"]))),
                              min_size=1, max_size=3),
       names=st.one_of(junk, st.sampled_from(["V_m", "tau_m", "no_such_var"]), st.lists(st.text(max_size=5))),
       with_unit=st.one_of(st.booleans(), junk))
def test_neuron_params_get_and_set(params: Any, names: Any, with_unit: Any) -> None:
    with ng.Network() as net:
        pop = outcome(OURS, net.create, "iaf_psc_exp_neuron", n=2, params=params)
        if pop is None:
            pop = net.create("iaf_psc_exp_neuron", n=2)
        outcome(OURS, pop.set, params)
        outcome(OURS, pop.set, names)
        outcome(OURS, pop.get, names, with_unit=with_unit)


def test_a_network_too_large_for_memory_is_refused_with_an_estimate() -> None:
    with ng.Network() as net:
        with pytest.raises(NestmlMemoryError, match=r"would need about .* available") as e:
            net.create("iaf_psc_exp_neuron", n=10**13)
        assert e.value.needed > e.value.available > 0
        pop = net.create("iaf_psc_exp_neuron", n=10)
        with pytest.raises(NestmlMemoryError, match="synapses"):
            net.connect(pop, pop, rule={"rule": "fixed_indegree", "indegree": 10**15})
        assert len(net.create("iaf_psc_exp_neuron", n=2)) == 2  # the network is still usable


# -- code generation -----------------------------------------------------------

@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("prop")
    (d / "good.nestml").write_text(VALID)
    (d / "broken.nestml").write_text(VALID.replace("V_m += 1 mV", "V_m += "))
    (d / "empty_dir").mkdir()
    return {"good": d / "good.nestml", "broken": d / "broken.nestml", "empty_dir": d / "empty_dir",
            "missing": d / "missing.nestml", "out": d / "out"}


opt_keys = st.sampled_from(["build", "no_such_option", "solver", "tier", "resolution", "weights", "parameters",
                            "gap_junctions", "neuron_synapse_pairs", "nir", "sim_steps", "max_input_rate"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(which=st.sampled_from(["broken", "missing", "empty_dir", "junk"]), other=junk,
       platform=st.one_of(junk, st.sampled_from(["NONE", "NEST", "nest", "SPINNAKER", ""])),
       level=st.one_of(junk, st.sampled_from(["ERROR", "NONE"])),
       module=st.one_of(junk, st.sampled_from(["mymodule", "bad name", ""])),
       suffix=st.one_of(junk, st.just("")), dev=st.one_of(st.booleans(), junk),
       opts=st.one_of(st.none(), junk, st.dictionaries(opt_keys, junk, max_size=3)))
def test_generate_target_rejects_cleanly(files: dict[str, Path], which: str, other: Any, platform: Any, level: Any,
                                         module: Any, suffix: Any, dev: Any, opts: Any) -> None:
    # Only inputs that cannot reach a C++ build: broken, missing or junk.
    src = other if which == "junk" else files[which]
    kw = {"target_path": files["out"], "logging_level": level, "module_name": module, "suffix": suffix,
          "dev": dev, "codegen_opts": opts}
    outcome(OURS_OR_OS, ng.generate_target, src, target_platform=platform, **kw)
    outcome(OURS_OR_OS, ng.generate_nest_target, src, **kw)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], max_examples=15)
@given(which=st.sampled_from(["good", "broken", "missing", "junk"]), other=junk,
       module=st.one_of(junk, st.sampled_from(["nestml_lava", "bad name"])),
       opts=st.one_of(st.none(), junk, st.dictionaries(opt_keys, junk, max_size=2)))
def test_generate_loihi_target_accepts_or_rejects_cleanly(files: dict[str, Path], which: str, other: Any,
                                                          module: Any, opts: Any) -> None:
    src = other if which == "junk" else files[which]
    outcome(OURS_OR_OS, ng.generate_loihi_target, src, target_path=files["out"] / "lava", module_name=module,
            logging_level="NONE", codegen_opts=opts)


# -- Loihi helpers ---------------------------------------------------------------

stimuli = st.one_of(
    junk,
    st.fixed_dictionaries(
        {"steps": st.one_of(st.integers(-2, 30), cheap, st.just(10**12)), "n": st.one_of(st.integers(-1, 3), cheap),
         "spikes": st.one_of(junk, st.lists(st.lists(st.integers(-2, 40), max_size=3), max_size=2)),
         "weights": st.one_of(junk, st.lists(st.floats(-500, 500), max_size=6))},
        optional={"inputs": st.one_of(st.integers(-1, 3), cheap), "delays": junk},
    ),
)


@given(stim=stimuli, runs=st.one_of(junk, st.just(("fixed",)), st.just(["reference", "float"])),
       opts=st.one_of(st.none(), junk, st.dictionaries(opt_keys, junk, max_size=2)))
def test_emulate_accepts_or_rejects_cleanly(stim: Any, runs: Any, opts: Any) -> None:
    res = outcome(OURS, loihi.emulate, "iaf_psc_exp_neuron", stim, runs=runs, codegen_opts=opts)
    if res is not None:
        for r in runs:
            assert res[r]["v_mV"].shape == (stim["steps"], stim["n"])


@given(spikes=st.one_of(junk, st.lists(st.lists(st.integers(-2, 50), max_size=3), max_size=3)),
       weights=st.one_of(junk, st.floats(), st.lists(st.lists(st.floats(), min_size=1, max_size=3), max_size=2)),
       delays=st.one_of(st.none(), junk, st.integers(-1, 70)), steps=st.one_of(st.none(), cheap, st.integers(-1, 60)),
       n=st.one_of(cheap, st.integers(-1, 3), st.just(10**9)),
       qsim=st.one_of(junk.filter(lambda v: v is not True), st.just(False)))  # True: a slow simulation
def test_stimulus_helpers_and_quantize(spikes: Any, weights: Any, delays: Any, steps: Any, n: Any, qsim: Any) -> None:
    stim = outcome(OURS, loihi.make_stimulus, spikes, weights, delays=delays, steps=steps)
    if stim is not None:
        assert len(stim["weights"]) == stim["n"] * stim["inputs"]
    outcome(OURS, loihi.example_stimulus, "iaf_psc_exp_neuron", n=n, steps=steps if steps is not None else 10)
    outcome(OURS, loihi.quantize, "iaf_psc_exp_neuron", simulate=qsim)


# -- plots -------------------------------------------------------------------------

arrays = st.one_of(junk, st.lists(st.floats(), max_size=5).map(np.asarray))
events = st.one_of(
    junk,
    st.dictionaries(st.sampled_from(["times", "senders", "V_m", "weights", "w", "targets"]), arrays, max_size=4),
)


@given(ev=events, variables=st.one_of(st.none(), junk, st.just(["V_m"])), bin_ms=st.one_of(junk, st.floats(0.1, 50)),
       n_neurons=st.one_of(st.none(), junk, st.integers(-1, 5)), t_start=st.one_of(st.none(), junk),
       t_stop=st.one_of(st.none(), junk))
def test_plot_helpers_accept_or_reject_cleanly(ev: Any, variables: Any, bin_ms: Any, n_neurons: Any, t_start: Any,
                                               t_stop: Any) -> None:
    try:
        outcome(OURS, plot.plot_traces, ev, variables=variables)
        outcome(OURS, plot.plot_raster, ev)
        outcome(OURS, plot.rate_histogram, ev, bin_ms=bin_ms, n_neurons=n_neurons, t_start=t_start, t_stop=t_stop)
        outcome(OURS, plot.plot_rate, ev, bin_ms=bin_ms, n_neurons=n_neurons)
        outcome(OURS, plot.plot_weights, ev)
    finally:
        plt.close("all")


# -- threads and fork ----------------------------------------------------------------

def _run_network(seed: int) -> np.ndarray:
    with ng.Network(resolution=0.1, threads=1) as net:
        net.set_seed(seed)
        pop = net.create("iaf_psc_exp_neuron", n=20)
        pg = net.create("poisson_generator", params={"rate": 8000.0})
        sr = net.create("spike_recorder")
        net.connect(pg, pop, weight=40.0)
        net.connect(pop, sr)
        net.simulate(100.0)
        ev = sr.events
        assert isinstance(ev, dict)
        return np.column_stack([ev["times"], ev["senders"]])


def test_threads_building_and_simulating_networks_match_sequential_runs() -> None:
    expected = {s: _run_network(s) for s in range(4)}
    assert all(len(v) > 0 for v in expected.values())
    got: dict[int, np.ndarray] = {}
    errors: list[BaseException] = []
    shared = ng.Network(resolution=0.1)
    shared.create("iaf_psc_exp_neuron", n=10, params={"I_e": 400.0})

    def work(seed: int) -> None:
        try:
            for _ in range(3):
                shared.simulate(1.0)  # concurrent calls on one network are serialised
                got[seed] = _run_network(seed)
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert abs(shared.time - 12.0) < 1e-9
    for s, arr in expected.items():
        np.testing.assert_array_equal(got[s], arr)
    shared.close()


def test_forked_child_using_a_parent_network_gets_a_clear_error() -> None:
    net = ng.Network()
    pop = net.create("iaf_psc_exp_neuron", n=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
        pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 3
        try:
            net.simulate(1.0)
        except NestmlError as e:
            code = 0 if "forked child" in str(e) else 4
        except BaseException:
            code = 5
        try:
            net.close()  # releasing in the child is a quiet no-op
            del pop
        except BaseException:
            code = 6
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
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    net.simulate(1.0)  # the parent's network is unaffected
    assert net.time == pytest.approx(1.0)
    net.close()


def test_argument_errors_are_builtin_subclasses() -> None:
    with pytest.raises(TypeError) as te:
        ng.check(3)  # type: ignore[arg-type]
    assert isinstance(te.value, NestmlTypeError) and isinstance(te.value, NestmlError)
    with pytest.raises(ValueError) as ve:
        ng.Network(resolution=float("nan"))
    assert isinstance(ve.value, NestmlValueError) and ve.value.kind == "argument"
