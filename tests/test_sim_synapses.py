"""Plastic synapses of the Go simulator against NEST 3.10's built-in synapses.

Protocol (as upstream's STDP tests): spike_generator → parrot_neuron for the
presynaptic and the postsynaptic trains; the parrots are connected by the
synapse under test on the postsynaptic parrot's receptor 1 (ours: port
``no_repeat``), so that the transmitted spikes are not repeated. NEST runs
its built-in synapse, we run upstream's NESTML model of it (read in place
from the corpus) with the matching parameters; the weight_recorder events
(senders, targets, times, weights) must agree, weights within rtol 1e-9.
For tsodyks_synapse and static_synapse the target is an iaf_psc_exp neuron
and its V_m trace is compared as well.

Deliberate difference (docs/synapses.md): a postsynaptic spike exactly at
t_pre − d is, in NEST's built-ins, neither in the depression trace nor
potentiated by that pre spike's trace; a NESTML synapse replays it before the
pre spike (language.md §16.4). The trains below avoid such coincidences.

NEST runs once, in a subprocess, for all cases.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import nestml_go as ng
from _nestutil import require_nest

H = 0.1
T_SIM = 1000.0
RTOL = 1e-9
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "nestml-upstream" / "models" / "synapses"
DELAYS = [1.0, 1.5, 3.3]  # one synapse per delay (one_to_one between three parrot pairs)

TAU_PLUS, TAU_MINUS, W0 = 16.8, 33.7, 50.0
_PAIR = {"lambda": 0.05, "alpha": 1.2, "mu_plus": 0.4, "mu_minus": 0.6, "Wmax": 100.0}
_PAIR_CASE = ({**_PAIR, "tau_plus": TAU_PLUS}, {**_PAIR, "tau_tr_pre": TAU_PLUS, "tau_tr_post": TAU_MINUS}, {"tau_minus": TAU_MINUS})
# NEST's built-in → (our NESTML model, NEST's synapse parameters, ours, NEST's
# postsynaptic parameters — NEST keeps the post traces in the neuron)
STDP = {
    "stdp_synapse": ("stdp_synapse", *_PAIR_CASE),
    "stdp_nn_symm_synapse": ("stdp_nn_symm_synapse", *_PAIR_CASE),
    "stdp_nn_pre_centered_synapse": ("stdp_nn_pre_centered_synapse", *_PAIR_CASE),
    "stdp_nn_restr_synapse": ("stdp_nn_restr_symm_synapse", *_PAIR_CASE),
    "stdp_triplet_synapse": (
        "stdp_triplet_synapse",
        {"tau_plus": TAU_PLUS, "tau_plus_triplet": 101.0, "Aplus": 0.5, "Aplus_triplet": 0.3,
         "Aminus": 0.6, "Aminus_triplet": 0.1, "Wmax": 100.0},
        {"tau_plus": TAU_PLUS, "tau_x": 101.0, "tau_minus": TAU_MINUS, "tau_y": 125.0, "A2_plus": 0.5,
         "A3_plus": 0.3, "A2_minus": 0.6, "A3_minus": 0.1, "Wmax": 100.0},
        {"tau_minus": TAU_MINUS, "tau_minus_triplet": 125.0},
    ),
}
# our bundled NESTML synapses (gocore/models) are found by NEST's names and
# must match NEST as upstream's do
LIBRARY = set(ng.library_models())
STDP_CASES = [(n, "corpus") for n in STDP] + [(n, "library") for n in STDP if n in LIBRARY]
PSC_CASES = [(n, src) for n in ("tsodyks_synapse", "static_synapse") for src in ("corpus", "library")
             if src == "corpus" or n in LIBRARY]


def model_spec(nest_name, corpus_name, source):
    return str(CORPUS / f"{corpus_name}.nestml") if source == "corpus" else nest_name


DOPA_TIMES = [float(t) for t in np.round(np.linspace(23.7, 950.0, 40), 1)]
DOPA = {"tau_c": 300.0, "tau_n": 150.0, "b": 0.003, "A_plus": 0.3, "A_minus": 0.1, "Wmin": 0.0, "Wmax": 200.0}
# per-connection values of stdp_synapse (one per pair of trains)
ARRAYS = {"weight": [50.0, 40.0, 30.0], "Wmax": [60.0, 100.0, 80.0], "lambda": [0.05, 0.02, 0.08], "alpha": [1.2, 0.8, 1.0]}
TSODYKS = [  # two synapses: with and without facilitation
    {"tau_psc": 2.0, "tau_fac": 0.0, "tau_rec": 400.0, "U": 0.4},
    {"tau_psc": 2.0, "tau_fac": 150.0, "tau_rec": 120.0, "U": 0.15},
]


def trains():
    """Presynaptic and postsynaptic generator times (ms) for three pairs, on
    the grid, without a post spike at exactly pre − d, and with the first
    post spike well after the first pre spike (NEST's nearest-neighbour
    rules treat post spikes before the first pre spike specially)."""
    rng = np.random.default_rng(2026)
    out = []
    for d in DELAYS:
        pre = np.unique(np.round(rng.uniform(5.0, T_SIM - 20, 70), 1))
        post = np.unique(np.round(rng.uniform(pre[0] + 5, T_SIM - 20, 60), 1))
        steps_pre = set(np.round(pre / H).astype(int))
        dd = int(round(d / H))
        post = np.array([t for t in post if int(round(t / H)) + dd not in steps_pre])
        out.append((pre.tolist(), post.tolist()))
    return out


def dopa_trains():
    """One pair of trains with presynaptic spikes on whole milliseconds (see
    test_neuromodulated_matches_nest_stdp_dopamine)."""
    pre, post = trains()[0]
    pre = sorted({float(round(t)) for t in pre})
    steps_pre = {int(round(t / H)) for t in pre}
    post = [t for t in post if int(round(t / H)) + int(round(DELAYS[0] / H)) not in steps_pre]
    return [(pre, post)]


NEST_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import nest
    cfg = json.loads(sys.argv[1])
    nest.set_verbosity("M_ERROR")
    res = {}

    def parrot_pairs(trains):
        pre, post = [], []
        for a, b in trains:
            ga = nest.Create("spike_generator", params={"spike_times": a})
            gb = nest.Create("spike_generator", params={"spike_times": b})
            pa, pb = nest.Create("parrot_neuron"), nest.Create("parrot_neuron")
            nest.Connect(ga, pa, syn_spec={"delay": 1.0})
            nest.Connect(gb, pb, syn_spec={"delay": 1.0})
            pre.append(pa)
            post.append(pb)
        return pre, post

    def events(rec, keys):
        ev = rec.get("events")
        return {k: [float(x) for x in ev[k]] for k in keys}

    for name, (syn_params, post_params) in cfg["stdp"].items():
        nest.ResetKernel()
        nest.resolution = cfg["h"]
        pre, post = parrot_pairs(cfg["trains"])
        for p in post:
            p.set(post_params)
        wr = nest.Create("weight_recorder")
        nest.CopyModel(name, name + "_rec", {"weight_recorder": wr})
        for pa, pb, d in zip(pre, post, cfg["delays"]):
            spec = {"synapse_model": name + "_rec", "receptor_type": 1, "weight": cfg["w0"], "delay": d}
            spec.update(syn_params)
            nest.Connect(pa, pb, syn_spec=spec)
        nest.Simulate(cfg["t"])
        res[name] = {"wr": events(wr, ["senders", "targets", "times", "weights"]),
                     "sizeof": nest.GetDefaults(name).get("sizeof", 0)}

    for name, plist in (("tsodyks_synapse", cfg["tsodyks"]), ("static_synapse", [{}, {}])):
        nest.ResetKernel()
        nest.resolution = cfg["h"]
        pre, _ = parrot_pairs(cfg["trains"][:2])
        tgt = nest.Create("iaf_psc_exp", 2)
        wr = nest.Create("weight_recorder")
        mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": cfg["h"]})
        nest.CopyModel(name, name + "_rec", {"weight_recorder": wr})
        for k, (pa, p) in enumerate(zip(pre, plist)):
            spec = {"synapse_model": name + "_rec", "weight": 800.0 + 300 * k, "delay": cfg["delays"][k]}
            spec.update(p)
            if name == "tsodyks_synapse":
                spec["u"] = p["U"]
            nest.Connect(pa, tgt[k], syn_spec=spec)
        nest.Connect(mm, tgt)
        nest.Simulate(cfg["t"])
        res[name] = {"wr": events(wr, ["senders", "targets", "times", "weights"]),
                     "mm": events(mm, ["senders", "times", "V_m"])}
    # stdp_synapse with per-connection parameter arrays (one_to_one)
    nest.ResetKernel()
    nest.resolution = cfg["h"]
    arr = cfg["arrays"]
    gens = [nest.Create("spike_generator", params={"spike_times": t}) for pair in cfg["trains"] for t in pair[:1]]
    gens += [nest.Create("spike_generator", params={"spike_times": pair[1]}) for pair in cfg["trains"]]
    pre, post = nest.Create("parrot_neuron", 3), nest.Create("parrot_neuron", 3)
    post.set(tau_minus=cfg["tau_minus"])
    for g, p in zip(gens, list(pre) + list(post)):
        nest.Connect(g, p, syn_spec={"delay": 1.0})
    wr = nest.Create("weight_recorder")
    nest.CopyModel("stdp_synapse", "stdp_arr_rec", {"weight_recorder": wr})
    spec = {"synapse_model": "stdp_arr_rec", "receptor_type": 1, "weight": arr["weight"], "delay": cfg["delays"],
            "Wmax": arr["Wmax"], "lambda": arr["lambda"], "alpha": arr["alpha"], "tau_plus": cfg["tau_plus"],
            "mu_plus": 0.4, "mu_minus": 0.6}
    nest.Connect(pre, post, "one_to_one", syn_spec=spec)
    nest.Simulate(cfg["t"])
    res["stdp_arrays"] = {"wr": events(wr, ["senders", "targets", "times", "weights"])}
    # stdp_dopamine_synapse with a volume transmitter fed by a parrot
    nest.ResetKernel()
    nest.resolution = cfg["h"]
    pre, post = parrot_pairs(cfg["dopa_trains"])
    post[0].set(tau_minus=cfg["tau_minus"])
    gd = nest.Create("spike_generator", params={"spike_times": cfg["dopa_times"]})
    pd = nest.Create("parrot_neuron")
    nest.Connect(gd, pd, syn_spec={"delay": 1.0})
    vt = nest.Create("volume_transmitter")
    nest.Connect(pd, vt, syn_spec={"delay": 1.0})
    wr = nest.Create("weight_recorder")
    nest.CopyModel("stdp_dopamine_synapse", "dopa_rec", dict(cfg["dopa"], weight_recorder=wr, volume_transmitter=vt,
                                                             tau_plus=cfg["tau_plus"]))
    nest.Connect(pre[0], post[0], syn_spec={"synapse_model": "dopa_rec", "receptor_type": 1, "weight": cfg["w0"],
                                           "delay": cfg["delays"][0]})
    nest.Simulate(cfg["t"])
    res["stdp_dopamine_synapse"] = {"wr": events(wr, ["senders", "targets", "times", "weights"])}
    print("RESULT " + json.dumps(res))
    """
)


@pytest.fixture(scope="module")
def nest_results():
    require_nest()
    cfg = {"h": H, "t": T_SIM, "trains": trains(), "delays": DELAYS, "w0": W0, "tsodyks": TSODYKS,
           "stdp": {k: (v[1], v[3]) for k, v in STDP.items()},
           "dopa_times": DOPA_TIMES, "dopa_trains": dopa_trains(), "dopa": DOPA, "tau_plus": TAU_PLUS, "tau_minus": TAU_MINUS,
           "arrays": ARRAYS}
    proc = subprocess.run([sys.executable, "-c", NEST_SCRIPT, json.dumps(cfg)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"NEST run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def parrot_pairs(net, trs):
    pre, post = [], []
    for a, b in trs:
        ga = net.create("spike_generator", params={"spike_times": a})
        gb = net.create("spike_generator", params={"spike_times": b})
        pa, pb = net.create("parrot_neuron"), net.create("parrot_neuron")
        net.connect(ga, pa, 1.0, 1.0)
        net.connect(gb, pb, 1.0, 1.0)
        pre.append(pa)
        post.append(pb)
    return pre, post


def sorted_events(ev):
    """Weight events as rows (time, sender, target, weight), sorted."""
    rows = np.column_stack([np.asarray(ev["times"], float), np.asarray(ev["senders"], float),
                            np.asarray(ev["targets"], float), np.asarray(ev["weights"], float)])
    return rows[np.lexsort((rows[:, 2], rows[:, 1], rows[:, 0]))]


def assert_same_events(ours, nests, what):
    a, b = sorted_events(ours), sorted_events(nests)
    assert a.shape == b.shape, f"{what}: {len(a)} weight events, NEST {len(b)}"
    assert len(a) > 50, f"{what}: too few events to compare"
    np.testing.assert_array_equal(a[:, :3], b[:, :3], err_msg=f"{what}: times/senders/targets")
    np.testing.assert_allclose(a[:, 3], b[:, 3], rtol=RTOL, atol=0, err_msg=f"{what}: weights")


def assert_same_vm(ev, ref):
    """V_m samples of both targets; NEST's multimeter delivers the samples
    of the last min_delay (here 1 ms) only at the next Simulate call, so
    the comparison stops at NEST's last sample."""
    t, s, v = (np.asarray(ev[k], float) for k in ("times", "senders", "V_m"))
    rt, rs, rv = (np.asarray(ref[k], float) for k in ("times", "senders", "V_m"))
    assert rt.max() >= T_SIM - 1.0
    keep = t <= rt.max()
    t, s, v = t[keep], s[keep], v[keep]
    o, ro = np.lexsort((s, t)), np.lexsort((rs, rt))
    np.testing.assert_array_equal(np.column_stack([t[o], s[o]]), np.column_stack([rt[ro], rs[ro]]))
    np.testing.assert_allclose(v[o], rv[ro], rtol=RTOL, atol=0)
    assert np.ptp(v) > 1.0, "V_m hardly moved: the protocol tests nothing"


@pytest.mark.parametrize("nest_name,source", STDP_CASES)
def test_stdp_weights_match_nest(nest_results, nest_name, source):
    net = ng.Network(resolution=H)
    pre, post = parrot_pairs(net, trains())
    wr = net.create("weight_recorder")
    for pa, pb, d in zip(pre, post, DELAYS):
        model, _, ours, _ = STDP[nest_name]
        spec = {"synapse_model": model_spec(nest_name, model, source), "receptor_type": "no_repeat",
                "weight": W0, "delay": d, "weight_recorder": wr, **ours}
        assert net.connect(pa, pb, syn_spec=spec) == 1
    net.simulate(T_SIM)
    ours = wr.events
    ref = nest_results[nest_name]["wr"]
    # ids: NEST and we create the nodes in the same order
    assert_same_events(ours, ref, nest_name)
    assert np.ptp(ours["weights"]) > 1.0, "weights hardly changed: the protocol tests nothing"


@pytest.mark.parametrize("nest_name,source", PSC_CASES)
def test_psc_synapses_match_nest(nest_results, nest_name, source):
    net = ng.Network(resolution=H)
    pre, _ = parrot_pairs(net, trains()[:2])
    tgt = net.create("iaf_psc_exp_neuron", 2)
    wr = net.create("weight_recorder")
    mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": H})
    plist = TSODYKS if nest_name == "tsodyks_synapse" else [{}, {}]
    for k, (pa, p) in enumerate(zip(pre, plist)):
        spec = {"synapse_model": model_spec(nest_name, nest_name, source), "weight": 800.0 + 300 * k,
                "delay": DELAYS[k], "weight_recorder": wr, **p}
        assert net.connect(pa, tgt[k], syn_spec=spec) == 1
    net.connect(mm, tgt)
    net.simulate(T_SIM)
    ref = nest_results[nest_name]
    assert_same_events(wr.events, ref["wr"], nest_name)
    assert_same_vm(mm.events, ref["mm"])


def test_neuromodulated_matches_nest_stdp_dopamine(nest_results):
    """neuromodulated_stdp_synapse fed by a volume_transmitter against
    NEST's stdp_dopamine_synapse (dopamine spikes at their arrival at the
    transmitter, handled before post and pre events at equal times). NEST
    clamps the weight to [Wmin, Wmax] after every update, the NESTML model
    does not: the protocol stays inside the bounds. NEST's synapse is
    advanced by the transmitter at the end of every min_delay interval
    (here 1 ms); a presynaptic spike inside an interval is then handled
    after that update, propagating back to the spike time, and the
    postsynaptic spikes of that window are read twice. With presynaptic
    spikes on whole milliseconds the two semantics coincide
    (docs/synapses.md)."""
    net = ng.Network(resolution=H)
    pre, post = parrot_pairs(net, dopa_trains())
    gd = net.create("spike_generator", params={"spike_times": DOPA_TIMES})
    pd = net.create("parrot_neuron")
    net.connect(gd, pd, 1.0, 1.0)
    vt = net.create("volume_transmitter")
    net.connect(pd, vt, 1.0, 1.0)
    wr = net.create("weight_recorder")
    spec = {"synapse_model": str(CORPUS / "neuromodulated_stdp_synapse.nestml"), "receptor_type": "no_repeat",
            "weight": W0, "delay": DELAYS[0], "weight_recorder": wr, "volume_transmitter": vt,
            "tau_tr_pre": TAU_PLUS, "tau_tr_post": TAU_MINUS, **DOPA}
    assert net.connect(pre[0], post[0], syn_spec=spec) == 1
    net.simulate(T_SIM)
    ours = wr.events
    assert_same_events(ours, nest_results["stdp_dopamine_synapse"]["wr"], "stdp_dopamine_synapse")
    w = np.asarray(ours["weights"])
    assert np.ptp(w) > 1.0 and w.min() > DOPA["Wmin"] and w.max() < DOPA["Wmax"]


def test_static_synapse_fast_path_matches_nest(nest_results):
    """syn_spec={"synapse_model": "static_synapse"} uses the engine's 16-byte
    static synapse; V_m must equal NEST's static_synapse run."""
    net = ng.Network(resolution=H)
    pre, _ = parrot_pairs(net, trains()[:2])
    tgt = net.create("iaf_psc_exp_neuron", 2)
    net.create("weight_recorder")  # keeps the node ids equal to the NEST run
    mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": H})
    for k, pa in enumerate(pre):
        net.connect(pa, tgt[k], syn_spec={"synapse_model": "static_synapse", "weight": 800.0 + 300 * k, "delay": DELAYS[k]})
    net.connect(mm, tgt)
    net.simulate(T_SIM)
    assert_same_vm(mm.events, nest_results["static_synapse"]["mm"])


def test_synapse_api_errors():
    net = ng.Network(resolution=H)
    n = net.create("iaf_psc_exp_neuron", 2)
    stdp = str(CORPUS / "stdp_synapse.nestml")
    with pytest.raises(ng.NestmlError, match="no weight variable"):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "weight_variable": "g"})
    with pytest.raises(ng.NestmlError, match="no parameter \"tau_plus\""):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "tau_plus": 10.0})
    with pytest.raises(ng.NestmlError, match="not a synapse"):
        net.connect(n, n, syn_spec={"synapse_model": "iaf_psc_exp_neuron"})
    with pytest.raises(ng.NestmlError, match="weight_recorder"):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "weight_recorder": n[:1]})
    with pytest.raises(ng.NestmlError):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "lambda": "fast"})
    with pytest.raises(ng.NestmlError):
        net.connect(n, n, syn_spec=[1, 2])


def test_per_connection_parameters_match_nest(nest_results):
    """stdp_synapse with Wmax, lambda, alpha, weight and delay given as
    arrays (one value per connection, one_to_one) against NEST's
    stdp_synapse given the same arrays."""
    net = ng.Network(resolution=H)
    trs = trains()
    gens = [net.create("spike_generator", params={"spike_times": a}) for a, _ in trs]
    gens += [net.create("spike_generator", params={"spike_times": b}) for _, b in trs]
    pre, post = net.create("parrot_neuron", 3), net.create("parrot_neuron", 3)
    for k, g in enumerate(gens):
        net.connect(g, (pre if k < 3 else post)[k % 3], 1.0, 1.0)
    wr = net.create("weight_recorder")
    spec = {"synapse_model": str(CORPUS / "stdp_synapse.nestml"), "receptor_type": "no_repeat", "weight": ARRAYS["weight"],
            "delay": DELAYS, "weight_recorder": wr, "Wmax": ARRAYS["Wmax"], "lambda": np.array(ARRAYS["lambda"]),
            "alpha": ARRAYS["alpha"], "tau_tr_pre": TAU_PLUS, "tau_tr_post": TAU_MINUS, "mu_plus": 0.4, "mu_minus": 0.6}
    assert net.connect(pre, post, rule="one_to_one", syn_spec=spec) == 3
    net.simulate(T_SIM)
    ours = wr.events
    assert_same_events(ours, nest_results["stdp_arrays"]["wr"], "stdp_synapse with parameter arrays")
    assert np.ptp(ours["weights"]) > 1.0, "weights hardly changed: the protocol tests nothing"


TF_NEURON = """
model tf_neuron:
    state:
        n integer = 0
        I_dend pA = 0 pA
    input:
        spikes <- spike
    output:
        spike
    update:
        n += 1
        I_dend = n * 0.004 pA
        if n % 100 == 0:
            emit_spike()
"""


def stdsp_reference(pre, post, dap, d, p):
    """stdsp_synapse written out: the permanence after each pre spike."""
    perm, t_last, trace, t_trace = p["permanence"], 0.0, 0.0, 0.0
    out, q = [], 0
    for tp in pre:
        while q < len(post) and post[q] <= tp - d:
            t = post[q] + d
            trace *= np.exp(-(t - t_trace) / p["tau_pre_trace"])
            t_trace = t
            if p["dt_min"] < t - t_last < p["dt_max"]:
                perm = min((perm / p["permanence_max"] + p["lambda_plus"] * trace) * p["permanence_max"], p["permanence_max"])
                perm += p["lambda_h"] * (p["zt"] - dap[q]) * p["permanence_max"]
                perm = max(min(perm, p["permanence_max"]), p["permanence_min"])
            q += 1
        trace = trace * np.exp(-(tp - t_trace) / p["tau_pre_trace"]) + 1
        t_trace = t_last = tp
        perm = max(perm - p["lambda_minus"] * p["permanence_max"], p["permanence_min"])
        out.append(perm)
    return out


@pytest.mark.parametrize("bound, method", [(True, "continuous_time_buffer"), (True, "post_spike_based"), (False, None)])
def test_stdsp_third_factor_post_ports(bound, method):
    """stdsp_synapse's continuous port dAP_trace bound with post_ports to
    the postsynaptic neuron's I_dend (0.04·t pA at the end of the step that
    ends at t ms), read by the post handler at t_post + d
    (continuous_time_buffer, the default) or at the post spike
    (post_spike_based): the synapse transmits (w = Wmax) exactly at the pre
    spikes after which the hand-computed permanence exceeds the threshold;
    unbound, the port reads 0 and the pattern differs."""
    params = {"lambda_h": 0.05, "zt": 1.0, "lambda_plus": 0.01, "lambda_minus": 0.02, "permanence_max": 100.0,
              "permanence_min": 0.0, "dt_min": 4.0, "dt_max": 100.0, "permanence_threshold": 9.0,
              "tau_pre_trace": 80.0, "Wmax": 7.0}
    pre_gen = [5.0, 14.0, 24.0, 34.0, 44.0, 54.0]
    pre = [t + 1 for t in pre_gen]
    post = [10.0, 20.0, 30.0, 40.0, 50.0]
    net = ng.Network(resolution=H)
    g = net.create("spike_generator", params={"spike_times": pre_gen})
    parrot = net.create("parrot_neuron")
    nrn = net.create(ng.load(TF_NEURON), 1)
    net.connect(g, parrot, 1.0, 1.0)
    wr = net.create("weight_recorder")
    spec = {"synapse_model": str(CORPUS / "stdsp_synapse.nestml"), "weight": 1.0, "delay": 1.0,
            "weight_recorder": wr, "permanence": 10.0, **params}
    if bound:
        spec["post_ports"] = ["post_spikes", ["dAP_trace", "I_dend"]]
        if method == "post_spike_based":
            spec["continuous_state_buffering_method"] = method
    assert net.connect(parrot, nrn, syn_spec=spec) == 1
    net.simulate(60.0)
    lag = 1.0 if method == "continuous_time_buffer" else 0.0  # the delay
    dap = [0.04 * (t + lag) for t in post] if bound else [0.0] * len(post)
    perm = stdsp_reference(pre, post, dap, 1.0, {**params, "permanence": 10.0})
    want = [t for t, pm in zip(pre, perm) if pm > params["permanence_threshold"]]
    np.testing.assert_allclose(wr.events["times"], want, rtol=0, atol=1e-9)
    assert np.all(np.asarray(wr.events["weights"]) == params["Wmax"])
    other = stdsp_reference(pre, post, [0.0] * len(post) if bound else [0.04 * t for t in post], 1.0, {**params, "permanence": 10.0})
    assert [pm > params["permanence_threshold"] for pm in perm] != [pm > params["permanence_threshold"] for pm in other], \
        "test setup: binding the third factor does not change which spikes are sent"


@pytest.mark.parametrize("method", ["continuous_time_buffer", "post_spike_based"])
def test_third_factor_buffering_methods(method):
    """A third factor read in both handlers (test_nest_synapses'
    third_synapse, bound to the neuron's decaying x): the weights after
    each pre spike equal the hand calculation of the method
    (test_nest_synapses.third_reference; the two methods differ at every
    pre spike, and the generated NEST module gives the same weights, see
    test_nest_synapses.test_third_factor_simulator_vs_nest)."""
    from test_nest_synapses import (THIRD_D, THIRD_NEURON, THIRD_POST_GEN, THIRD_PRE_GEN, THIRD_SYNAPSE,
                                    third_reference)

    net = ng.Network(resolution=H)
    g_pre = net.create("spike_generator", params={"spike_times": THIRD_PRE_GEN})
    g_post = net.create("spike_generator", params={"spike_times": THIRD_POST_GEN})
    p_pre = net.create("parrot_neuron")
    # two neurons, each its own synapse: their buffers do not mix
    n = net.create(ng.load(THIRD_NEURON.format(name="third_neuron")), 2)
    sr = net.create("spike_recorder")
    wr = net.create("weight_recorder")
    net.connect(g_pre, p_pre, 1.0, 1.0)
    net.connect(g_post, n[0], syn_spec={"weight": 1.0, "delay": 1.0, "receptor_type": "drive"})
    net.connect(n, sr)
    spec = {"synapse_model": ng.load(THIRD_SYNAPSE), "weight": 0.0, "delay": THIRD_D, "receptor_type": "plastic",
            "weight_recorder": wr, "post_ports": ["post_spikes", ["x", "x"]],
            "continuous_state_buffering_method": method}
    assert net.connect(p_pre, n, syn_spec=spec) == 2
    net.simulate(100.0)
    post = np.asarray(sr.events["times"]).tolist()
    assert post == pytest.approx([31.0, 56.0]) and set(sr.events["senders"]) == {int(n.ids[0])}
    pre = [t + 1.0 for t in THIRD_PRE_GEN]
    ev = wr.events
    for tgt, spikes in ((int(n.ids[0]), post), (int(n.ids[1]), [])):
        sel = np.asarray(ev["targets"]) == tgt
        assert np.asarray(ev["times"])[sel].tolist() == pytest.approx(pre)
        np.testing.assert_allclose(np.asarray(ev["weights"])[sel], third_reference(method, pre, spikes, THIRD_D),
                                   rtol=1e-12, atol=1e-300)
    other = "post_spike_based" if method == "continuous_time_buffer" else "continuous_time_buffer"
    assert all(abs(a - b) > 1e-3 for a, b in zip(third_reference(method, pre, post, THIRD_D),
                                                  third_reference(other, pre, post, THIRD_D)))
    with pytest.raises(ng.NestmlError, match="continuous_state_buffering_method"):
        net2 = ng.Network(resolution=H)
        a = net2.create("parrot_neuron")
        b = net2.create(ng.load(THIRD_NEURON.format(name="third_neuron")), 1)
        net2.connect(a, b, syn_spec=dict(spec, weight_recorder=None, continuous_state_buffering_method="sometimes"))


def test_delay_variable_and_per_connection_errors():
    net = ng.Network(resolution=H)
    n = net.create("iaf_psc_exp_neuron", 3)
    stdp = str(CORPUS / "stdp_synapse.nestml")
    with pytest.raises(ng.NestmlError, match="delay_variable"):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "delay_variable": "d"})
    with pytest.raises(ng.NestmlError, match="too short"):
        net.connect(n, n, rule="one_to_one", syn_spec={"synapse_model": stdp, "Wmax": [1.0, 2.0]})
    with pytest.raises(ng.NestmlError, match="distribution"):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "Wmax": {"distribution": "gamma"}})
    with pytest.raises(ng.NestmlError, match="post_ports"):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "post_ports": [["a", 1]]})
    with pytest.raises(ng.NestmlError, match="no continuous input port"):
        net.connect(n, n, syn_spec={"synapse_model": stdp, "post_ports": {"I_x": "V_m"}})
    assert net.connect(n, n, rule="one_to_one", syn_spec={"synapse_model": stdp,
                       "Wmax": {"distribution": "uniform", "min": 50.0, "max": 60.0}}) == 3


def test_delay_variable_receives_connection_delay():
    """A synapse whose weight grows by its delay variable d (ms) at every
    pre spike: after 5 spikes the transmitted weight is 5·d for each
    connection's delay."""
    src = """
model dly_synapse:
    state:
        w real = 0
    parameters:
        d ms = 1 ms
    input:
        pre_spikes <- spike
    output:
        spike
    onReceive(pre_spikes):
        w += d / ms
        emit_spike(w)
"""
    net = ng.Network(resolution=H)
    g = net.create("spike_generator", params={"spike_times": [1.0, 2.0, 3.0, 4.0, 5.0]})
    src_p = net.create("parrot_neuron")
    tgt = net.create("parrot_neuron", 3)
    net.connect(g, src_p, 1.0, 1.0)
    wr = net.create("weight_recorder")
    delays = [0.5, 1.2, 2.0]
    assert net.connect(src_p, tgt, syn_spec={"synapse_model": ng.load(src), "weight": 0.0, "delay": delays, "delay_variable": "d",
                                             "receptor_type": "no_repeat", "weight_recorder": wr}) == 3
    net.simulate(20.0)
    ev = wr.events
    last = {int(t): w for t, w in zip(ev["targets"], ev["weights"])}
    np.testing.assert_allclose([last[int(i)] for i in tgt.ids], [5 * d for d in delays], rtol=1e-12)
