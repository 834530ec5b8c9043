"""Run one benchmark network of docs/benchmarks.md on NEST 3.10 (built-in
models) and print a JSON record. Called by bench/sim/run.py in a
subprocess: python nest_net.py '<json config>'."""

import json
import resource
import sys
import time

import numpy as np

cfg = json.loads(sys.argv[1])
import nest  # noqa: E402

nest.set_verbosity("M_ERROR")
nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": cfg["threads"], "rng_seed": cfg.get("seed", 1)})


def stats(sr, n, t_ms):
    ev = sr.get("events")
    times, senders = np.asarray(ev["times"]), np.asarray(ev["senders"])
    cvs = []
    order = np.argsort(senders, kind="stable")
    s, tt = senders[order], times[order]
    bounds = np.flatnonzero(np.diff(s)) + 1
    for ts in np.split(tt, bounds):
        if len(ts) >= 3:
            isi = np.diff(np.sort(ts))
            cvs.append(isi.std() / isi.mean())
    return len(times), len(times) / n / (t_ms / 1000), float(np.mean(cvs)) if cvs else float("nan")


t0 = time.perf_counter()
case = cfg["case"]
out = {"engine": "NEST", "case": case, "version": nest.__version__, "threads": cfg["threads"], "t_ms": cfg["t"]}
if case in ("a", "b", "c"):
    model, params = {
        "a": ("iaf_psc_exp", {}),
        "b": ("aeif_cond_exp", {"t_ref": 2.0}),
        "c": ("hh_psc_alpha", {}),
    }[case]
    pop = nest.Create(model, cfg["n"], params=params)
    pg = nest.Create("poisson_generator", params={"rate": cfg["rate"]})
    nest.Connect(pg, pop, syn_spec={"weight": cfg["weight"], "delay": 0.1})
    sr = nest.Create("spike_recorder")
    nest.Connect(pop, sr)
    n_rec = cfg["n"]
    out["n"] = cfg["n"]
elif case in ("d", "f"):
    # NEST's examples/brunel_alpha_nest.py
    params = {"C_m": 250.0, "tau_m": 20.0, "tau_syn_ex": 0.5, "tau_syn_in": 0.5, "t_ref": 2.0,
              "E_L": 0.0, "V_reset": 0.0, "V_m": 0.0, "V_th": 20.0}
    ex = nest.Create("iaf_psc_alpha", cfg["ne"], params=params)
    inh = nest.Create("iaf_psc_alpha", cfg["ni"], params=params)
    noise = nest.Create("poisson_generator", params={"rate": cfg["rate"]})
    nest.CopyModel("static_synapse", "excitatory", {"weight": cfg["jex"], "delay": 1.5})
    nest.CopyModel("static_synapse", "inhibitory", {"weight": -cfg["g"] * cfg["jex"], "delay": 1.5})
    nest.Connect(noise, ex, syn_spec="excitatory")
    nest.Connect(noise, inh, syn_spec="excitatory")
    if case == "d":
        nest.Connect(ex, ex + inh, {"rule": "fixed_indegree", "indegree": cfg["ce"]}, "excitatory")
    else:  # f: plastic excitatory-to-excitatory synapses (tau_minus lives on the neuron)
        ex.set({"tau_minus": 20.0})
        nest.CopyModel("stdp_synapse", "plastic", {"weight": cfg["jex"], "delay": 1.5, "lambda": 0.01, "alpha": 1.0,
                                                   "mu_plus": 1.0, "mu_minus": 1.0, "tau_plus": 20.0, "Wmax": 2 * cfg["jex"]})
        nest.Connect(ex, ex, {"rule": "fixed_indegree", "indegree": cfg["ce"]}, "plastic")
        nest.Connect(ex, inh, {"rule": "fixed_indegree", "indegree": cfg["ce"]}, "excitatory")
    nest.Connect(inh, ex + inh, {"rule": "fixed_indegree", "indegree": cfg["ci"]}, "inhibitory")
    sr = nest.Create("spike_recorder")
    nest.Connect(ex, sr)
    n_rec = cfg["ne"]
    out["n"] = cfg["ne"] + cfg["ni"]
    out["synapses"] = nest.GetKernelStatus("num_connections")
elif case == "e":
    # Vogels–Abbott COBA (Brette et al. 2007, benchmark 1)
    params = {"C_m": 200.0, "g_L": 10.0, "E_L": -60.0, "V_th": -50.0, "V_reset": -60.0, "t_ref": 5.0,
              "E_ex": 0.0, "E_in": -80.0, "tau_syn_ex": 5.0, "tau_syn_in": 10.0}
    ex = nest.Create("iaf_cond_exp", cfg["ne"], params=params)
    inh = nest.Create("iaf_cond_exp", cfg["ni"], params=params)
    allp = ex + inh
    rng = np.random.default_rng(cfg.get("seed", 1))
    n_all = cfg["ne"] + cfg["ni"]
    allp.set({"V_m": (-60 + 10 * rng.random(n_all)).tolist(), "g_ex": (10 * (4 + 1.5 * rng.standard_normal(n_all))).tolist(),
              "g_in": (10 * (20 + 12 * rng.standard_normal(n_all))).tolist()})
    conn = {"rule": "pairwise_bernoulli", "p": cfg["p"], "allow_autapses": False}
    nest.Connect(ex, allp, conn, {"weight": cfg["wex"], "delay": 0.1})
    nest.Connect(inh, allp, conn, {"weight": -cfg["win"], "delay": 0.1})
    sr = nest.Create("spike_recorder")
    nest.Connect(allp, sr)
    n_rec = n_all
    out["n"] = n_all
    out["synapses"] = nest.GetKernelStatus("num_connections")
elif case == "trace":
    with open(cfg["input_path"]) as f:
        inp = json.load(f)
    pop = nest.Create(inp["nest_model"], inp["n"], params=inp.get("nest_params", {}))
    for i in range(inp["n"]):
        sg = nest.Create("spike_generator", params={"spike_times": inp["exc_times"][i], "spike_weights": inp["exc_weights"][i]})
        nest.Connect(sg, pop[i], syn_spec={"delay": 0.1})
    if inp.get("dc"):
        dc = nest.Create("dc_generator", params={"amplitude": inp["dc"]})
        nest.Connect(dc, pop, syn_spec={"delay": 0.1})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    nest.Connect(mm, pop)
    sr = nest.Create("spike_recorder")
    nest.Connect(pop, sr)
    n_rec = inp["n"]
    out["n"] = inp["n"]
nest.Prepare()
nest.Run(0.1)
out["build_s"] = time.perf_counter() - t0
c0, w0 = time.process_time(), time.perf_counter()
nest.Run(cfg["t"] - 0.1)
out["sim_s"] = time.perf_counter() - w0
out["sim_cpu_s"] = time.process_time() - c0
nest.Cleanup()
out["spikes"], out["rate_hz"], out["cv_isi"] = stats(sr, n_rec, cfg["t"])
out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if case == "trace":
    ev = mm.get("events")
    out["traces"] = {"times": ev["times"].tolist(), "senders": ev["senders"].tolist(), "V_m": ev["V_m"].tolist()}
print(json.dumps(out))
