"""Vector variables and vector spike ports (language.md §8.4, §11.1) in the
Go engine and in the generated NEST module.

The model: three leaky synaptic compartments ``x[0..2]`` as a vector with
their own time constants ``tau[0..2]`` (a vector parameter whose size is the
parameter ``n``), fed element-wise by the vector spike port ``syn[n]``, and
a membrane potential driven by ``x[0] + 2 x[1] + 3 x[2]``. The loops over
the elements use a run-time index.

A vector internal and a vector continuous port (read with a run-time index)
are part of the model too. Engine conventions checked here: elements are got
and set by name
(``"x[1]"``), ``get("x")`` returns a (nodes × elements) array, NEST receptor
numbers address vector port elements from 1 (``receptor_type=2`` is
``syn[1]``), and the size parameter cannot change after compilation. In
NEST, vectors are arrays in the status dictionary, recordable as ``x_0`` …
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import nestml_go as ng
from _nestutil import require_nest

MODEL = """\
model vec_leak_neuron:
    parameters:
        n integer = 3
        tau[n] ms = 10 ms
        tau_m ms = 10 ms
        C_m pF = 250 pF
    internals:
        w_in[2] real = 0.5
    state:
        x[n] real = 0
        V_m mV = -70 mV
        I_sum pA = 0 pA
    equations:
        V_m' = -(V_m + 70 mV) / tau_m + (x[0] + 2 * x[1] + 3 * x[2]) * 1 pA / C_m + I_sum / C_m
    input:
        syn[n] <- spike
        I_in[2] pA <- continuous
    update:
        integrate_odes()
        i integer = 0
        for i in 0 ... n step 1:
            x[i] *= exp(-resolution() / tau[i])
        I_sum = 0 pA
        j integer = 0
        for j in 0 ... 2 step 1:
            I_sum += w_in[j] * I_in[j]
    onReceive(syn):
        k integer = 0
        for k in 0 ... n step 1:
            x[k] += syn[k] * s
"""

H = 0.1
TAUS = [5.0, 10.0, 20.0]
# spikes: (time, weight, receptor) — receptor k + 1 is syn[k]
SPIKES = [(5.0, 2.5, 2), (12.0, 1.0, 1), (20.0, -0.7, 3)]
T_SIM = 40.0


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    p = tmp_path_factory.mktemp("vec") / "vec_leak_neuron.nestml"
    p.write_text(MODEL)
    return p


def reference():
    """Independent closed form per step (h = 0.1 ms): each x_k decays by
    exp(-h/tau_k) per step and jumps by the weight at the end of the step in
    which its spike arrives (send time + 1 ms delay); V_m follows the exact
    solution of its linear ODE with the input held at its step-start value:
    V(t+h) = -70 + (V + 70) e^{-h/tau_m} + (1 - e^{-h/tau_m}) tau_m u / C_m."""
    steps = int(round(T_SIM / H))
    x = np.zeros(3)
    v = -70.0
    p = math.exp(-H / 10.0)
    jumps = {int(round((t + 1.0) / H)): (w, r - 1) for t, w, r in SPIKES}
    ts, xs, vs = [], [], []
    for k in range(1, steps + 1):
        u = x[0] + 2 * x[1] + 3 * x[2]
        v = -70.0 + (v + 70.0) * p + (1 - p) * 10.0 * u / 250.0
        x = x * np.exp(-H / np.array(TAUS))
        if k in jumps:
            w, e = jumps[k]
            x[e] += w
        ts.append(k * H)
        xs.append(x.copy())
        vs.append(v)
    return np.array(ts), np.array(xs), np.array(vs)


# a current into element 1 of the continuous vector port (NEST: receptor 1)
DC = {"amplitude": 80.0, "start": 15.0, "stop": 30.0}


def run_engine(path, dc=False):
    net = ng.Network(resolution=H)
    nrn = net.create(ng.load(str(path)))
    nrn.set({f"tau[{k}]": t for k, t in enumerate(TAUS)})
    for t, w, r in SPIKES:
        sg = net.create("spike_generator", params={"spike_times": [t], "spike_weights": [w]})
        net.connect(sg, nrn, syn_spec={"receptor_type": r, "delay": 1.0})
    if dc:
        net.connect(net.create("dc_generator", params=DC), nrn, port="I_in[1]", delay=1.0)
    mm = net.create("multimeter", params={"record_from": ["V_m", "x[0]", "x[1]", "x[2]"], "interval": H})
    net.connect(mm, nrn)
    net.simulate(T_SIM)
    ev = mm.events
    out = {"times": ev["times"], "V_m": ev["V_m"], "x": np.array([ev[f"x[{k}]"] for k in range(3)]).T,
           "x_now": nrn.get("x")}
    net.close()
    return out


def test_engine_closed_form(model_path):
    got = run_engine(model_path)
    ts, xs, vs = reference()
    idx = np.searchsorted(ts, got["times"])
    assert len(got["times"]) > 350 and np.allclose(ts[idx], got["times"], atol=1e-9)
    np.testing.assert_allclose(got["x"], xs[idx], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(got["V_m"], vs[idx], rtol=1e-12)
    # every element received its own spike: all three traces moved
    assert (np.abs(got["x"]).max(axis=0) > 0.5).all()
    # get() of a whole vector: nodes x elements
    assert got["x_now"].shape == (1, 3)
    np.testing.assert_allclose(got["x_now"][0], xs[-1], rtol=1e-12)


def test_engine_vector_api(model_path):
    net = ng.Network(resolution=H)
    nrn = net.create(ng.load(str(model_path)), n=2)
    nrn.set({"tau[2]": 7.0, "x[1]": [1.0, 2.0]})
    assert nrn.get("tau").shape == (2, 3)
    np.testing.assert_array_equal(nrn.get("tau")[:, 2], [7.0, 7.0])
    np.testing.assert_array_equal(nrn.get("x[1]"), [1.0, 2.0])
    with pytest.raises(ValueError, match="size of vector"):
        nrn.set(n=4)
    nrn.set(n=3)  # the bound size itself is accepted
    sg = net.create("spike_generator", params={"spike_times": [1.0]})
    for bad, msg in [(0, "receptor_type 0 does not exist"), (4, "receptor_type 4 does not exist")]:
        with pytest.raises(ValueError, match=msg):
            net.connect(sg, nrn, syn_spec={"receptor_type": bad})
    net.close()


_NEST = textwrap.dedent(
    """
    import json, sys
    import nest
    nest.set_verbosity("M_ERROR")
    cfg = json.loads(sys.argv[1])
    nest.ResetKernel()
    nest.resolution = cfg["h"]
    nest.Install(cfg["module"])
    n = nest.Create("vec_leak_neuron")
    st = n.get()
    out = {"status": {k: (st[k].tolist() if hasattr(st[k], "tolist") else st[k])
                      for k in ("tau", "x", "n", "w_in", "receptor_types", "recordables", "continuous_inputs")}}
    n.set({"tau": cfg["taus"]})
    out["tau_set"] = list(n.get("tau"))
    errors = {}
    for key, bad in (("short", {"tau": [1.0, 2.0]}), ("size", {"n": 4})):
        try:
            n.set(bad)
            errors[key] = None
        except Exception as e:  # BadProperty
            errors[key] = type(e).__name__ + ": " + str(e)
    out["errors"] = errors
    for t, w, r in cfg["spikes"]:
        sg = nest.Create("spike_generator", params={"spike_times": [t], "spike_weights": [w]})
        nest.Connect(sg, n, syn_spec={"receptor_type": r, "delay": 1.0})
    nest.Connect(nest.Create("dc_generator", params=cfg["dc"]), n, syn_spec={"receptor_type": 1, "delay": 1.0})
    mm = nest.Create("multimeter", params={"record_from": ["V_m", "x_0", "x_1", "x_2"], "interval": cfg["h"]})
    nest.Connect(mm, n)
    nest.Simulate(cfg["t"])
    ev = mm.events
    out["times"] = ev["times"].tolist()
    out["V_m"] = ev["V_m"].tolist()
    out["x"] = [ev["x_%d" % k].tolist() for k in range(3)]
    print("RESULT " + json.dumps(out))
    """
)


def test_nest_matches_engine(model_path, tmp_path):
    require_nest()
    mod = ng.generate_nest_target([str(model_path)], str(tmp_path / "build"), module_name="vectestmodule",
                                  logging_level="NONE")
    cfg = {"h": H, "module": str(mod), "taus": TAUS, "spikes": SPIKES, "t": T_SIM, "dc": DC}
    proc = subprocess.run([sys.executable, "-c", _NEST, json.dumps(cfg)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    res = json.loads([ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1][len("RESULT "):])
    st = res["status"]
    assert st["tau"] == [10.0, 10.0, 10.0] and st["x"] == [0.0, 0.0, 0.0] and st["n"] == 3
    assert st["receptor_types"] == {"SYN_0": 1, "SYN_1": 2, "SYN_2": 3}
    assert set(st["recordables"]) == {"V_m", "I_sum", "x_0", "x_1", "x_2"}
    assert st["w_in"] == [0.5, 0.5]
    assert st["continuous_inputs"] == {"I_IN_0": 0, "I_IN_1": 1}
    assert res["tau_set"] == TAUS
    assert res["errors"]["short"] is not None and "BadProperty" in res["errors"]["short"]
    assert "3 elements" in res["errors"]["short"]
    assert res["errors"]["size"] is not None and "fixed at 3" in res["errors"]["size"]

    got = run_engine(model_path, dc=True)
    nt = np.array(res["times"])
    common, i_nest, i_go = np.intersect1d(np.round(nt, 6), np.round(got["times"], 6), return_indices=True)
    assert len(common) > 350
    np.testing.assert_allclose(np.array(res["V_m"])[i_nest], got["V_m"][i_go], rtol=1e-9)
    np.testing.assert_allclose(np.array(res["x"]).T[i_nest], got["x"][i_go], rtol=1e-9, atol=1e-14)
    # the spikes and the current reached V_m: 80 pA · 0.5 for 15 ms lifts it by ~1.3 mV
    assert np.max(np.array(res["V_m"])) > -69.0
