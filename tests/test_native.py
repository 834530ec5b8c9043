"""Native RKF45 kernels (gocore/sim/native.go, docs/decisions/0005): the
numeric part of a model compiled to C at run time. They are on by default
when a C compiler is present; these tests check that they are used, that
they agree with the Go engine, that a network of them gives the same
results for any thread count, and that the option is validated.

The comparison with NEST's built-ins runs with the default (native) engine
in test_library_models.py."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

import nestml_go as ng
from nestml_go.errors import NestmlTypeError, NestmlValueError


def _have_cc() -> bool:
    return any(shutil.which(c) for c in ("cc", "gcc"))


def run(model: str, *, native: bool, threads: int = 1, n: int = 20, t: float = 300.0):
    net = ng.Network(threads=threads, native=native)
    net.set_seed(3)
    pop = net.create(model, n=n)
    pg = net.create("poisson_generator", params={"rate": 8000.0})
    net.connect(pg, pop, weight=10.0 if "cond" in model else 150.0)
    mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    sr = net.create("spike_recorder")
    net.connect(mm, pop[:4])
    net.connect(pop, sr)
    net.simulate(t)
    return net, sr.events, np.asarray(mm.events["V_m"])


@pytest.mark.parametrize("model", ["aeif_cond_exp_neuron", "iaf_cond_exp_neuron", "hh_psc_alpha_neuron"])
def test_native_agrees_with_go_engine(model: str) -> None:
    if not _have_cc():
        pytest.skip("no C compiler: native kernels are unavailable (the Go engine runs)")
    net, ev_n, vm_n = run(model, native=True)
    assert "native kernel" in net.native_status, net.native_status
    _, ev_g, vm_g = run(model, native=False)
    assert len(ev_n["times"]) > 20, "the protocol should make the neurons fire"
    np.testing.assert_array_equal(ev_n["senders"], ev_g["senders"])
    np.testing.assert_allclose(ev_n["times"], ev_g["times"], rtol=0, atol=1e-9)
    scale = np.max(np.abs(vm_g))
    rtol = 1e-5 if model.startswith("hh_") else 1e-9  # spiking HH: issue 5's tolerance
    assert np.max(np.abs(vm_n - vm_g)) <= rtol * scale


def test_native_results_do_not_depend_on_threads() -> None:
    if not _have_cc():
        pytest.skip("no C compiler: native kernels are unavailable (the Go engine runs)")
    _, a, vm_a = run("aeif_cond_exp_neuron", native=True, threads=1, n=50, t=200.0)
    _, b, vm_b = run("aeif_cond_exp_neuron", native=True, threads=3, n=50, t=200.0)
    np.testing.assert_array_equal(a["times"], b["times"])
    np.testing.assert_array_equal(a["senders"], b["senders"])
    np.testing.assert_array_equal(vm_a, vm_b)


def test_native_option(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ng.Network(native=False).native is False
    assert ng.Network(native=True).native is True
    monkeypatch.setenv("NESTML_GO_NATIVE", "0")
    net = ng.Network()
    assert net.native is False
    assert net.native_status == ""
    net.set_native(True)
    assert net.native is True
    monkeypatch.setenv("NESTML_GO_NATIVE", "1")
    assert ng.Network().native is True
    monkeypatch.setenv("NESTML_GO_NATIVE", "yes")
    with pytest.raises(NestmlValueError, match="NESTML_GO_NATIVE"):
        ng.Network()
    with pytest.raises(NestmlTypeError, match="native"):
        ng.Network(native="on")  # type: ignore[arg-type]


def test_models_without_numeric_part_run_a_fused_step() -> None:
    net = ng.Network(native=True)
    pop = net.create("iaf_psc_exp_neuron", n=3)
    assert net.native_status == ""  # nothing simulated yet
    net.simulate(1.0)
    assert len(pop) == 3
    assert net.native_status == "iaf_psc_exp_neuron: fused step kernel\n", net.native_status
    assert ng.Network(native=False).native_status == ""


def test_solver_options() -> None:
    """create(..., solver=...) selects the integrator like pynestml's
    codegen_opts; the aeif error control of NEST changes the trajectory
    only within the tolerance, forward Euler visibly."""

    def vm(solver: dict[str, str] | None) -> np.ndarray:
        net = ng.Network()
        pop = net.create("aeif_cond_exp_neuron", n=1, params={"I_e": 700.0}, solver=solver)
        mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
        net.connect(mm, pop)
        net.simulate(50.0)
        return np.asarray(mm.events["V_m"])

    net = ng.Network(native=True)
    net.create("aeif_cond_exp_neuron", solver={"numeric_solver": "rk4"})
    net.simulate(1.0)
    assert "aeif_cond_exp_neuron: fused step kernel with the native kernel" in net.native_status, net.native_status

    ref = vm(None)
    deriv = vm({"gsl_adaptive_step_size_controller": "with_respect_to_derivative"})
    euler = vm({"numeric_solver": "forward-Euler"})
    assert not np.array_equal(ref, deriv)
    assert np.max(np.abs(ref - deriv)) < 0.05  # both meet their tolerances (mV)
    assert np.max(np.abs(ref - euler)) > 0.05  # forward Euler at 0.1 ms does not
    with pytest.raises(NestmlValueError, match="numeric_solver"):
        ng.Network().create("aeif_cond_exp_neuron", solver={"numeric_solver": "rk99"})
    with pytest.raises(NestmlValueError, match="unknown solver option"):
        ng.Network().create("aeif_cond_exp_neuron", solver={"tolerance": "1"})
    with pytest.raises(NestmlTypeError, match="solver"):
        ng.Network().create("aeif_cond_exp_neuron", solver={"numeric_solver": 4})  # type: ignore[dict-item]
    with pytest.raises(NestmlValueError, match="device"):
        ng.Network().create("poisson_generator", solver={"numeric_solver": "rk4"})
