"""iaf_psc_exp equivalence: NEST's built-in, our generated module in NEST, our Go simulator.

The same stimulus — excitatory and inhibitory spike trains (positive and
negative weights on receptor 0) and a DC current — drives all three for
1000 ms at h = 0.1 ms. V_m traces must agree within the tolerance of
docs/tolerances (rtol 1e-9) and the spike times must be identical. The
singular case tau_m == tau_syn (where upstream NESTML's symbolic propagators
divide by zero) is included, with NEST's built-in as the reference.

NEST runs in a subprocess per case, because a NEST process cannot load a
rebuilt module twice and because a kernel crash must not take pytest down.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass

import numpy as np
import pytest

import nestml_go as ng
from _nestutil import require_nest

RTOL_VM = 1e-9  # V_m relative tolerance (docs/testing.md, tolerance table)
T_SIM = 1000.0
H = 0.1

CASES = {
    "default": {},
    "equal_tau": {"tau_m": 10.0, "tau_syn_exc": 10.0, "tau_syn_inh": 10.0},
}

NEST_NAMES = {"tau_syn_exc": "tau_syn_ex", "tau_syn_inh": "tau_syn_in", "refr_T": "t_ref"}


def stimulus():
    rng = np.random.default_rng(42)
    exc = np.unique(np.round(rng.uniform(1.0, T_SIM - 5, 300), 1))
    inh = np.unique(np.round(rng.uniform(1.0, T_SIM - 5, 150), 1))
    return {
        "exc_times": exc.tolist(),
        "exc_weights": np.round(rng.uniform(50, 400, len(exc)), 3).tolist(),
        "inh_times": inh.tolist(),
        "inh_weights": np.round(-rng.uniform(50, 400, len(inh)), 3).tolist(),
        "dc": 420.0,
    }


NEST_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import nest
    cfg = json.loads(sys.argv[1])
    nest.set_verbosity("M_ERROR")
    nest.ResetKernel()
    nest.resolution = cfg["h"]
    if cfg.get("module"):
        nest.Install(cfg["module"])
    n = nest.Create(cfg["model"], params=cfg["params"])
    s = cfg["stim"]
    exc = nest.Create("spike_generator", params={"spike_times": s["exc_times"], "spike_weights": s["exc_weights"]})
    inh = nest.Create("spike_generator", params={"spike_times": s["inh_times"], "spike_weights": s["inh_weights"]})
    dc = nest.Create("dc_generator", params={"amplitude": s["dc"]})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": cfg["h"]})
    sr = nest.Create("spike_recorder")
    nest.Connect(exc, n, syn_spec={"weight": 1.0, "delay": 1.0})
    nest.Connect(inh, n, syn_spec={"weight": 1.0, "delay": 1.0})
    nest.Connect(dc, n, syn_spec={"weight": 1.0, "delay": 1.0})
    nest.Connect(mm, n)
    nest.Connect(n, sr)
    nest.Simulate(cfg["t"])
    ev = mm.get("events")
    print("RESULT " + json.dumps({"times": list(map(float, ev["times"])), "V_m": list(map(float, ev["V_m"])),
                                  "spikes": list(map(float, sr.get("events")["times"]))}))
    """
)


def run_nest(model, params, stim, module=None):
    cfg = {"h": H, "t": T_SIM, "model": model, "params": params, "stim": stim, "module": module}
    proc = subprocess.run(
        [sys.executable, "-c", NEST_SCRIPT, json.dumps(cfg)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, f"NEST run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def run_go(params, stim):
    net = ng.Network(resolution=H)
    n = net.create("iaf_psc_exp_neuron", params=params)
    # the same protocol; the spike generators carry the signed weights
    exc = net.create("spike_generator", params={"spike_times": stim["exc_times"], "spike_weights": stim["exc_weights"]})
    inh = net.create("spike_generator", params={"spike_times": stim["inh_times"], "spike_weights": stim["inh_weights"]})
    dc = net.create("dc_generator", params={"amplitude": stim["dc"]})
    mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": H})
    sr = net.create("spike_recorder")
    net.connect(exc, n, weight=1.0, delay=1.0)
    net.connect(inh, n, weight=1.0, delay=1.0)
    net.connect(dc, n, weight=1.0, delay=1.0)
    net.connect(mm, n)
    net.connect(n, sr)
    net.simulate(T_SIM)
    ev = mm.events
    return {"times": ev["times"].tolist(), "V_m": ev["V_m"].tolist(), "spikes": sr.events["times"].tolist()}


@dataclass
class Built:
    """A generated and built module: its path (without .so) and where it came from."""

    path: str
    src: str
    target: str


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    require_nest()
    src = tmp_path_factory.mktemp("model") / "iaf_psc_exp_neuron.nestml"
    src.write_text(ng.library_source("iaf_psc_exp_neuron"))
    target = tmp_path_factory.mktemp("nest_target")
    path = ng.generate_nest_target(str(src), str(target), module_name="equivtestmodule", logging_level="ERROR")
    return Built(path, str(src), str(target))


def assert_same(ref, got, what, prefix=False):
    if prefix:
        # NEST's multimeter hands over the samples of the last min_delay
        # interval only at the next Simulate call; our recorder has them all.
        # Compare the samples NEST has delivered.
        assert len(got["times"]) >= len(ref["times"])
        got = dict(got, times=got["times"][: len(ref["times"])], V_m=got["V_m"][: len(ref["V_m"])])
    assert len(ref["times"]) == len(got["times"]), f"{what}: {len(got['times'])} samples, reference {len(ref['times'])}"
    np.testing.assert_allclose(got["times"], ref["times"], rtol=0, atol=1e-9, err_msg=f"{what}: sample times")
    np.testing.assert_allclose(got["V_m"], ref["V_m"], rtol=RTOL_VM, atol=0, err_msg=f"{what}: V_m")
    assert got["spikes"] == ref["spikes"], f"{what}: spike times differ"


@pytest.mark.parametrize("case", sorted(CASES))
def test_iaf_psc_exp_three_way(case, built):
    params = CASES[case]
    stim = stimulus()
    nest_params = {NEST_NAMES.get(k, k): v for k, v in params.items()}
    builtin = run_nest("iaf_psc_exp", nest_params, stim)
    generated = run_nest("iaf_psc_exp_neuron", params, stim, module=built.path)
    go = run_go(params, stim)

    assert len(builtin["spikes"]) >= 20, f"protocol too weak: {len(builtin['spikes'])} spikes"
    assert len(builtin["times"]) >= (T_SIM - 1.0) / H - 1  # all but NEST's last min_delay
    assert_same(builtin, generated, f"{case}: generated module vs NEST built-in")
    assert_same(builtin, go, f"{case}: Go simulator vs NEST built-in", prefix=True)
    assert_same(generated, go, f"{case}: Go simulator vs generated module", prefix=True)
    assert len(go["times"]) == round(T_SIM / H)


def test_unchanged_model_is_not_rebuilt(built):
    """Regenerating an unchanged model reuses the built module (content-hash
    cache of the generated sources and build options)."""
    so = built.path + ".so"
    before = os.stat(so).st_mtime_ns
    again = ng.generate_nest_target(built.src, built.target, module_name="equivtestmodule", logging_level="ERROR")
    assert again == built.path
    assert os.stat(so).st_mtime_ns == before, "an unchanged model was rebuilt"
