"""Current generators of the Go engine against NEST 3.10, and get/set of
neuron parameters and state with units.

Equivalence protocol: one NEST built-in ``iaf_psc_exp`` driven by a
device, against our library model ``iaf_psc_exp_neuron`` in the Go engine
driven by the same device with the same parameters, weight and delay.
V_m is compared sample by sample (rtol 1e-9) and the spike times must be
equal. The expected values are NEST's, never ours. ``noise_generator``
draws different random numbers than NEST, so it is tested statistically.
"""

from __future__ import annotations

import numpy as np
import pytest

import nestml_go as ng
from nestml_go import _units

from _nestutil import require_nest

T_SIM = 300.0
H = 0.1


def _run_nest(device: str, params: dict, weight: float, delay: float):
    require_nest()
    import nest

    nest.set_verbosity("M_ERROR")
    nest.ResetKernel()
    nest.resolution = H
    n = nest.Create("iaf_psc_exp")
    g = nest.Create(device, params=params)
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": H})
    sr = nest.Create("spike_recorder")
    nest.Connect(g, n, syn_spec={"weight": weight, "delay": delay})
    nest.Connect(mm, n)
    nest.Connect(n, sr)
    nest.Simulate(T_SIM)
    ev = mm.get("events")
    return np.asarray(ev["times"]), np.asarray(ev["V_m"]), np.asarray(sr.get("events")["times"])


def _run_ours(device: str, params: dict, weight: float, delay: float, threads: int = 1):
    with ng.Network(resolution=H, threads=threads) as net:
        n = net.create("iaf_psc_exp_neuron")
        g = net.create(device, params=params)
        mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": H})
        sr = net.create("spike_recorder")
        net.connect(g, n, weight=weight, delay=delay)
        net.connect(mm, n)
        net.connect(n, sr)
        net.simulate(T_SIM)
        ev = mm.events
        return ev["times"], ev["V_m"], sr.events["times"]


CASES = {
    "dc": ("dc_generator", {"amplitude": 400.0, "start": 25.0, "stop": 150.0}, 1.0, 1.0),
    "step_current": (
        "step_current_generator",
        {"amplitude_times": [10.0, 50.3, 120.0, 200.0], "amplitude_values": [300.0, 500.0, -100.0, 450.0],
         "start": 5.0, "stop": 250.0},
        1.0, 1.0,
    ),
    "step_current_weight_delay": (
        "step_current_generator",
        {"amplitude_times": [0.1, 0.2, 30.0, 30.1, 180.0], "amplitude_values": [100.0, 180.0, 250.0, 230.0, 0.0]},
        1.7, 0.3,
    ),
    "step_current_offgrid": (
        "step_current_generator",
        {"amplitude_times": [10.04, 50.25, 120.001], "amplitude_values": [400.0, 250.0, 600.0],
         "allow_offgrid_times": True},
        1.0, 1.0,
    ),
    "ac": (
        "ac_generator",
        {"amplitude": 300.0, "offset": 200.0, "phase": 30.0, "frequency": 20.0, "start": 10.0, "stop": 280.0},
        1.0, 1.0,
    ),
    "ac_weight_delay": (
        "ac_generator",
        {"amplitude": 250.0, "offset": 320.0, "phase": -75.0, "frequency": 7.5},
        1.3, 2.0,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_current_generator_matches_nest(case: str) -> None:
    device, params, weight, delay = CASES[case]
    t_ref, v_ref, s_ref = _run_nest(device, params, weight, delay)
    t, v, s = _run_ours(device, params, weight, delay)
    # NEST's multimeter may start/end its record differently; compare the
    # samples at NEST's times (every one of them must exist in ours)
    idx = np.searchsorted(t, t_ref)
    assert np.all(idx < len(t)) and np.array_equal(t[idx], t_ref)
    assert len(t_ref) > 2500
    np.testing.assert_allclose(v[idx], v_ref, rtol=1e-9, atol=0)
    # the device must actually drive the neuron in this protocol
    assert np.ptp(v_ref) > 5.0
    assert len(s_ref) > 0
    np.testing.assert_allclose(s, s_ref, rtol=1e-9, atol=0)


def test_current_generators_split_runs_and_threads_agree() -> None:
    """simulate(100) == 10 × simulate(10), and the thread count changes nothing."""
    src_params = [
        ("step_current_generator", {"amplitude_times": [5.0, 40.0, 70.0], "amplitude_values": [300.0, 600.0, 100.0]}),
        ("ac_generator", {"amplitude": 200.0, "offset": 300.0, "frequency": 35.0, "phase": 10.0}),
        ("noise_generator", {"mean": 300.0, "std": 200.0, "dt": 0.5}),
    ]

    def run(chunks: int, threads: int):
        with ng.Network(resolution=H, threads=threads) as net:
            net.set_seed(11)
            pop = net.create("iaf_psc_exp_neuron", 40)
            for dev, p in src_params:
                net.connect(net.create(dev, params=p), pop)
            mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
            net.connect(mm, pop)
            for _ in range(chunks):
                net.simulate(100.0 / chunks)
            return mm.events["V_m"]

    ref = run(1, 1)
    assert np.array_equal(run(10, 1), ref)
    assert np.array_equal(run(1, 2), ref)
    assert np.ptp(ref) > 1.0


_PROBE = """
model current_probe:
    state:
        I pA = 0 pA
    input:
        I_stim pA <- continuous
    update:
        I = I_stim
"""


def _noise_samples(seed: int, n: int, mean: float, std: float, dt: float, t: float, start: float = 0.0, **extra):
    with ng.Network(resolution=H, threads=2) as net:
        net.set_seed(seed)
        pop = net.create(_PROBE, n)
        g = net.create("noise_generator", params={"mean": mean, "std": std, "dt": dt, "start": start, **extra})
        mm = net.create("multimeter", params={"record_from": ["I"], "interval": H})
        net.connect(g, pop, delay=H)
        net.connect(mm, pop)
        net.simulate(t)
        ev = mm.events
        return np.stack([ev["I"][ev["senders"] == i] for i in pop.ids]), ev["times"][ev["senders"] == pop.ids[0]]


def test_noise_generator_statistics() -> None:
    mean, std, dt = 150.0, 40.0, 0.5
    x, times = _noise_samples(3, 50, mean, std, dt, 200.0)
    # NEST's timing: the first draw in the first step, held for dt, acting
    # two steps later with a delay of one step
    assert np.all(x[:, :2] == 0.0)
    body = x[:, 2:]
    k = int(round(dt / H))
    blocks = body[:, : (body.shape[1] // k) * k].reshape(x.shape[0], -1, k)
    assert np.all(blocks == blocks[:, :, :1]), "the current must be constant within each dt"
    draws = blocks[:, :, 0]
    n = draws.size
    assert draws.shape == (50, 399)  # 2000 samples, 2 before the first current
    # mean and standard deviation within 5 standard errors
    assert abs(draws.mean() - mean) < 5 * std / np.sqrt(n)
    assert abs(draws.std() - std) < 5 * std / np.sqrt(2 * n)
    # per-target independence: correlations of targets are small
    c = np.corrcoef(draws)
    off = c[~np.eye(len(c), dtype=bool)]
    assert np.max(np.abs(off)) < 5 / np.sqrt(draws.shape[1])
    # successive draws are independent
    lag1 = np.mean([np.corrcoef(d[:-1], d[1:])[0, 1] for d in draws])
    assert abs(lag1) < 5 / np.sqrt(n)
    # normal: about 68.3 % within one std (5 standard errors)
    frac = np.mean(np.abs(draws - mean) < std)
    assert abs(frac - 0.6827) < 5 * np.sqrt(0.6827 * 0.3173 / n)


def test_noise_generator_modulated_variance() -> None:
    """std_mod: the variance of the draw in step s is std² + std_mod²·sin(ω·(s+1)·h + φ)
    (NEST's oscillator), estimated across 300 independent targets."""
    std, std_mod, f, phase = 100.0, 80.0, 10.0, 40.0
    x, times = _noise_samples(9, 300, 0.0, std, H, 200.0, std_mod=std_mod, frequency=f, phase=phase)
    var = x[:, 2:].var(axis=0)
    s = np.arange(var.size)  # the step of each draw (recorded two samples later)
    sin = np.sin(2 * np.pi * f / 1000.0 * (s + 1) * H + np.deg2rad(phase))
    slope, intercept = np.polyfit(sin, var, 1)
    assert abs(slope / std_mod**2 - 1) < 0.05
    assert abs(intercept / std**2 - 1) < 0.05
    with ng.Network(resolution=H) as net:
        with pytest.raises(ValueError, match="std_mod"):
            net.create("noise_generator", params={"std": 1.0, "std_mod": 2.0})


def test_noise_generator_seeded_and_windowed() -> None:
    a, _ = _noise_samples(5, 3, 0.0, 10.0, 1.0, 20.0)
    b, _ = _noise_samples(5, 3, 0.0, 10.0, 1.0, 20.0)
    c, _ = _noise_samples(6, 3, 0.0, 10.0, 1.0, 20.0)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    # inactive before start (start 5 ms: first draw in the step ending at 5 ms)
    d, times = _noise_samples(5, 2, 0.0, 10.0, 1.0, 20.0, start=5.0)
    assert np.all(d[:, times <= 5.1] == 0.0)
    assert np.all(d[:, times > 5.15] != 0.0)


def test_noise_generator_membrane_statistics_match_nest() -> None:
    """Our noise and NEST's (different random numbers) drive 200 built-in /
    library iaf_psc_exp neurons (no spikes) to the same stationary V_m
    distribution: mean, standard deviation and (zero) correlation across
    neurons agree within their sampling errors."""
    require_nest()
    import nest

    n_neurons, t_sim = 200, 500.0
    p = {"mean": 100.0, "std": 200.0, "dt": 1.0}

    def stats(ev, ids):
        x = np.stack([ev["V_m"][ev["senders"] == i] for i in ids])
        t = ev["times"][ev["senders"] == ids[0]]
        x = x[:, t > 50.0]
        c = np.corrcoef(x)
        return x.mean(), x.std(), c[~np.eye(len(c), dtype=bool)].mean()

    nest.set_verbosity("M_ERROR")
    nest.ResetKernel()
    nest.resolution = H
    nest.rng_seed = 3
    nrn = nest.Create("iaf_psc_exp", n_neurons, params={"V_th": 1e9})
    g = nest.Create("noise_generator", params=p)
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
    nest.Connect(g, nrn)
    nest.Connect(mm, nrn)
    nest.Simulate(t_sim)
    ev = mm.get("events")
    ref = stats({k: np.asarray(ev[k]) for k in ("V_m", "senders", "times")}, nrn.tolist())

    with ng.Network(resolution=H) as net:
        net.set_seed(3)
        pop = net.create("iaf_psc_exp_neuron", n_neurons, params={"V_th": 1e9})
        g = net.create("noise_generator", params=p)
        mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
        net.connect(g, pop)
        net.connect(mm, pop)
        net.simulate(t_sim)
        got = stats(mm.events, pop.ids.tolist())

    # stationary mean E_L + mean·tau_m/C_m = -66 mV; ~4000 effective samples
    assert abs(ref[0] - (-66.0)) < 0.2 and abs(got[0] - (-66.0)) < 0.2
    assert ref[1] > 1.0 and abs(got[1] / ref[1] - 1.0) < 0.08
    # independent noise per target: neurons are (nearly) uncorrelated; a
    # shared current would give correlations near 1
    assert abs(ref[2]) < 0.05 and abs(got[2]) < 0.05


@pytest.mark.parametrize(
    "device, params, match",
    [
        ("step_current_generator", {"amplitude_times": [1.0, 2.0], "amplitude_values": [1.0]}, "same length"),
        ("step_current_generator", {"amplitude_times": [1.0, 1.05], "amplitude_values": [1.0, 2.0]}, "multiple of the resolution"),
        ("step_current_generator", {"amplitude_times": [2.0, 1.0], "amplitude_values": [1.0, 2.0]}, "strictly increasing"),
        ("step_current_generator",
         {"amplitude_times": [1.01, 1.02], "amplitude_values": [1.0, 2.0], "allow_offgrid_times": True}, "strictly increasing"),
        ("step_current_generator", {"allow_offgrid_times": 1}, "true or false"),
        ("ac_generator", {"frequence": 3.0}, "frequency"),
        ("noise_generator", {"dt": 0.25}, "multiple of the resolution"),
        ("noise_generator", {"std": -1.0}, "std"),
    ],
)
def test_device_parameter_errors(device: str, params: dict, match: str) -> None:
    with ng.Network(resolution=H) as net:
        with pytest.raises(ValueError, match=match):
            net.create(device, params=params)


# -- units (the Go units package through units_convert) -------------------------


@pytest.mark.parametrize(
    "src, dst, factor",
    [("s", "ms", 1000.0), ("ms", "s", 1e-3), ("nS mV", "pA", 1.0), ("1/ms", "Hz", 1000.0),
     ("mV/ms", "V/s", 1.0), ("nF", "pF", 1000.0), ("ms**-1", "1 / s", 1000.0), ("GOhm", "MOhm", 1000.0),
     ("", "1", 1.0), ("(ms**2)**(1/2)", "us", 1000.0)],
)
def test_conversion_factor(src: str, dst: str, factor: float) -> None:
    assert _units.conversion_factor(src, dst) == pytest.approx(factor, rel=1e-15)


def test_conversion_errors_name_both_units() -> None:
    with pytest.raises(ValueError, match=r"cannot convert mV to ms"):
        _units.conversion_factor("mV", "ms")
    with pytest.raises(ValueError, match=r'did you mean "ms"'):
        _units.conversion_factor("msec", "ms")
    with pytest.raises(ValueError, match="invalid unit"):
        _units.conversion_factor("mV/", "mV")


def test_parse_quantity() -> None:
    assert _units.parse_quantity("20 ms") == (20.0, "ms")
    assert _units.parse_quantity("-70.5mV") == (-70.5, "mV")
    assert _units.parse_quantity("1e-3 s") == (1e-3, "s")
    assert _units.parse_quantity((2, "nS/mV")) == (2.0, "nS/mV")
    assert _units.parse_quantity(-70) == (-70.0, None)
    mag, unit = _units.parse_quantity(([1, 2], "ms"))
    assert unit == "ms" and np.array_equal(mag, [1.0, 2.0])
    with pytest.raises(ValueError, match="number followed by a unit"):
        _units.parse_quantity("ms 20")
    with pytest.raises(TypeError):
        _units.parse_quantity((1, 2))
    assert _units.convert("0.02 s", "ms") == pytest.approx(20.0)
    assert _units.convert(5.0, "ms") == 5.0


# -- get/set on populations -------------------------------------------------------


def test_get_set_with_units() -> None:
    with ng.Network() as net:
        pop = net.create("iaf_psc_exp_neuron", 3, params={"tau_m": "20 ms", "C_m": (0.3, "nF")})
        tau = pop.get("tau_m")
        assert isinstance(tau, np.ndarray) and tau.unit == "ms"
        assert np.array_equal(tau, [20.0, 20.0, 20.0])
        assert np.array_equal(pop.get("C_m"), [300.0] * 3)
        v, unit = pop.get("V_m", with_unit=True)
        assert unit == "mV" and np.array_equal(v, [-70.0] * 3)
        pop.set(V_m=-60.0)
        assert np.array_equal(pop.get("V_m"), [-60.0] * 3)
        pop.set({"V_m": np.array([-61.0, -62.0, -63.0])})
        assert np.array_equal(pop.get("V_m"), [-61.0, -62.0, -63.0])
        pop.set(E_L=(-0.065, "V"), tau_m=(0.01, "s"))
        assert np.allclose(pop.get("E_L"), -65.0, rtol=1e-15)
        assert np.allclose(pop.get("tau_m"), 10.0, rtol=1e-15)
        both = pop[1:].get("V_m", "E_L")
        assert set(both) == {"V_m", "E_L"} and np.array_equal(both["V_m"], [-62.0, -63.0])
        everything = pop.get()
        assert {"C_m", "tau_m", "V_m", "I_syn_exc"} <= set(everything)


def test_set_errors_change_nothing() -> None:
    with ng.Network() as net:
        pop = net.create("iaf_psc_exp_neuron", 2)
        with pytest.raises(ValueError, match=r"cannot convert mV to ms"):
            pop.set(tau_m="20 mV")
        with pytest.raises(ValueError, match=r'did you mean "tau_m"'):
            pop.set(tau_mm=3.0)
        with pytest.raises(ValueError, match="2 values for 3|3 values for 2"):
            pop.set(V_m=[1.0, 2.0, 3.0])
        with pytest.raises(TypeError):
            net.create("dc_generator").set(amplitude=3.0)
        assert np.array_equal(pop.get("tau_m"), [10.0, 10.0])
        aeif = net.create("aeif_cond_exp_neuron", 2)
        with pytest.raises(ValueError, match=r"invariant .*Delta_T.* node %d" % aeif.ids[1]):
            aeif.set(Delta_T=[1.0, -5.0], V_m=-50.0)
        # all or nothing: neither Delta_T nor V_m changed
        assert np.array_equal(aeif.get("Delta_T"), [2.0, 2.0])
        assert np.array_equal(aeif.get("V_m"), [-70.6, -70.6])
        with pytest.raises(ValueError, match="invariant"):
            net.create("aeif_cond_exp_neuron", params={"Delta_T": "-3 mV"})


def test_set_parameters_take_effect_after_simulate() -> None:
    """A parameter set between runs changes the dynamics like a fresh
    network with that parameter from the start of the second run."""

    def run(set_between: bool):
        with ng.Network() as net:
            pop = net.create("iaf_psc_exp_neuron", params={"I_e": 300.0})
            mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
            net.connect(mm, pop)
            net.simulate(20.0)
            if set_between:
                pop.set(tau_m="5 ms", I_e="0.5 nA")
            net.simulate(20.0)
            return mm.events["V_m"], pop

    v_same, _ = run(False)
    v_changed, _ = run(True)
    assert np.array_equal(v_same[:200], v_changed[:200])
    assert not np.allclose(v_same[200:], v_changed[200:])
    # the second half follows the new tau_m: leaky integration towards
    # E_L + R·I with R = tau_m/C_m, from V at 20 ms (exact solution)
    tau, c_m, i_e, e_l = 5.0, 250.0, 500.0, -70.0
    v0 = v_changed[199]
    t = np.arange(1, 201) * 0.1
    v_inf = e_l + i_e * tau / c_m
    expected = v_inf + (v0 - v_inf) * np.exp(-t / tau)
    below = expected < -55.0  # before any spike
    np.testing.assert_allclose(v_changed[200:][below], expected[below], rtol=1e-12)
