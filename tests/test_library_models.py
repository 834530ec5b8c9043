"""nestml_go's own model library (gocore/models) against NEST's built-in models.

Every neuron of the library that has a NEST counterpart is simulated in
nestml_go's Go engine (``Network.create("<name>_neuron")``, default options)
and compared with the NEST built-in under the protocols of nest_target.md §9,
reused from tests/test_nest_models.py: subthreshold PSCs (spikes of weight
1 ... 10 at 100, 110, ..., 200 ms), spiking input (weights 1 ... 5000),
f-I (dc_generator 10, 505, 1000 pA for 1000 ms: equal spike counts) and a
current pulse (the same amplitudes from 100 to 300 ms).

Tolerances are those of nest_target.md §9: V_m rtol 1e-7 (1e-6 for
conductance models, where nestml_go solves the conductances exactly and NEST
integrates them with GSL; 1e-5 for spiking HH), spike times rtol 1e-9. One
exception, measured and explained at its entry: hh_cond_exp_traub under
spiking input, where NEST's own GSL tolerance (absolute 1e-3) on the
conductances shows on the spike upstroke (V_m rtol 3e-2 there; spike times
still to 1e-9).

No C++ is built here: the NEST side runs only built-in models (one NEST
subprocess per case, as in test_nest_models.py); the compilation of the
library to a NEST module is covered by the all-models codegen test.
Several models are written in the form that reproduces the built-in's
discrete-time algorithm exactly (izhikevich: NEST's forward-Euler map;
mat2, hh, htum: refractory periods counted in whole steps), see their
headers. Runtime: about 50 s of CPU for all cases.

Where a model is compared under a restricted protocol set, the reason is a
documented algorithmic difference of the built-in (nest_target.md §9,
numerics.md N§6.5: the aeif built-ins detect the threshold inside the GSL
loop and reset V_m mid-step).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import nestml_go as ng
from _nestutil import require_nest
from test_nest_models import AMPLITUDES, compare, run_nest

ALL = ["subthreshold", "spiking", "fI", "pulse"]
# Our addition: the protocols above send only positive weights. "mixed"
# sends spikes at 100, 110, ..., 200 ms with weights scale·(+1, -2, +3, ...),
# so the inhibitory ports (sign, reversal potential, time constants) are
# compared too; scale by the unit one spike adds.
MIXED_TIMES = np.linspace(100.0, 200.0, 11)
MIXED_SIGNS = np.array([(-1.0) ** k * (k + 1) for k in range(11)])
MIXED_SCALE = {"pA": 60.0, "nS": 3.0, "mV": 1.5}

# library model -> comparison settings.
#   builtin:  NEST model; builtin_params: its non-default parameters
#   params:   parameters of the library model (NEST names differ, see the
#             model headers); h: resolution (ms); rtol: V_m tolerance
#   protocols: compared protocols (fI compares spike counts only)
#   builtin_vm_offset: added to the built-in's recorded V_m (mV)
#   unit: what a spike weight adds (pA default, nS, mV), scales "mixed"
CASES = {
    "iaf_cond_alpha": {"builtin": "iaf_cond_alpha", "rtol": 1e-6, "protocols": ALL + ["mixed"], "unit": "nS"},
    # equal rise and decay times (NEST's defaults): the alpha-function limit
    "iaf_cond_beta": {"builtin": "iaf_cond_beta", "rtol": 1e-6, "protocols": ALL + ["mixed"], "unit": "nS"},
    "iaf_cond_beta[2,10]": {
        "model": "iaf_cond_beta",
        "builtin": "iaf_cond_beta",
        "builtin_params": {"tau_rise_ex": 2.0, "tau_decay_ex": 10.0},
        "params": {"tau_syn_rise_E": 2.0, "tau_syn_decay_E": 10.0},
        "rtol": 1e-6,
        "protocols": ALL + ["mixed"],
        "unit": "nS",
    },
    # threshold inside NEST's GSL loop: subthreshold traces and spike counts
    # (refr_T = t_ref = 0 by default); NEST: absolute tolerance only
    "aeif_cond_exp": {"builtin": "aeif_cond_exp", "h": 0.01, "rtol": 1e-7, "unit": "nS",
                      "params": {"gsl_abs_error_tol": 1e-6, "gsl_rel_error_tol": 0.0},
                      "protocols": ["subthreshold", "fI", "mixed"]},
    "aeif_cond_alpha": {"builtin": "aeif_cond_alpha", "h": 0.01, "rtol": 1e-7, "unit": "nS",
                        "params": {"gsl_abs_error_tol": 1e-6, "gsl_rel_error_tol": 0.0},
                        "protocols": ["subthreshold", "fI", "mixed"]},
    "aeif_psc_exp": {"builtin": "aeif_psc_exp", "h": 0.01, "rtol": 1e-7,
                     "params": {"gsl_abs_error_tol": 1e-6, "gsl_rel_error_tol": 0.0},
                     "protocols": ["subthreshold", "fI", "mixed"]},
    "aeif_psc_alpha": {"builtin": "aeif_psc_alpha", "h": 0.01, "rtol": 1e-7,
                       "params": {"gsl_abs_error_tol": 1e-6, "gsl_rel_error_tol": 0.0},
                       "protocols": ["subthreshold", "fI", "mixed"]},
    "hh_psc_alpha": {"builtin": "hh_psc_alpha", "rtol": 1e-7, "rtol_by_protocol": {"spiking": 1e-5, "mixed": 1e-5},
                     "params": {"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0.0},
                     "protocols": ["subthreshold", "spiking", "fI", "pulse", "mixed"]},
    # spiking: NEST integrates the conductances with GSL at an absolute
    # tolerance of 1e-3 (nestml_go solves them exactly), which moves the
    # samples on the spike upstroke by up to ~0.02 mV in the Go engine and
    # ~0.05 mV with native kernels, whose libmvec exp differs from Go's in
    # the last bit (relative 2.1e-2 at a sample near 2 mV, where V_m rises
    # by ~40 mV per 0.1 ms); spike times and counts must still agree
    "hh_cond_exp_traub": {"builtin": "hh_cond_exp_traub", "rtol": 1e-6, "rtol_by_protocol": {"spiking": 3e-2},
                          "params": {"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0.0},
                          "protocols": ["subthreshold", "spiking", "fI", "pulse", "mixed"], "unit": "nS"},
    # written as NEST's forward-Euler map (consistent_integration = true)
    "izhikevich": {"builtin": "izhikevich", "rtol": 1e-7, "protocols": ALL + ["mixed"], "unit": "mV"},
    "mat2_psc_exp": {"builtin": "mat2_psc_exp", "rtol": 1e-7, "protocols": ALL + ["mixed"]},
    # NEST's iaf_psc_exp_htum records V_m relative to E_L (builtin_vm_offset)
    "iaf_psc_exp_htum": {"builtin": "iaf_psc_exp_htum", "builtin_vm_offset": -70.0, "rtol": 1e-7,
                         "protocols": ALL + ["mixed"]},
    # relative refractoriness: V_m integrates again after 0.5 ms, but the
    # next spike waits for 8 ms (this limits the rate at 1000 pA)
    "iaf_psc_exp_htum[0.5,8]": {"model": "iaf_psc_exp_htum", "builtin": "iaf_psc_exp_htum",
                                "builtin_params": {"t_ref_abs": 0.5, "t_ref_tot": 8.0},
                                "params": {"t_ref_abs": 0.5, "t_ref_tot": 8.0},
                                "builtin_vm_offset": -70.0, "rtol": 1e-7, "protocols": ALL},
}

def mixed_weights(spec: dict) -> np.ndarray:
    return MIXED_SCALE[spec.get("unit", "pA")] * MIXED_SIGNS


MIXED_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import nest
    cfg = json.loads(sys.argv[1])
    nest.set_verbosity("M_ERROR")
    nest.ResetKernel()
    nest.resolution = cfg["h"]
    n = nest.Create(cfg["model"], params=cfg["params"])
    sg = nest.Create("spike_generator", params={"spike_times": cfg["times"], "spike_weights": cfg["weights"]})
    nest.Connect(sg, n)
    mm = nest.Create("multimeter", params={"record_from": ["V_m"]})
    sr = nest.Create("spike_recorder")
    nest.Connect(mm, n)
    nest.Connect(n, sr)
    nest.Simulate(400.0)
    ev = mm.get("events")
    print("RESULT " + json.dumps({"times": list(map(float, ev["times"])), "V_m": list(map(float, ev["V_m"])),
                                  "spikes": list(map(float, sr.get("events")["times"]))}))
    """
)


def run_nest_mixed(spec: dict) -> dict:
    cfg = {"h": spec.get("h", 0.1), "model": spec["builtin"], "params": dict(spec.get("builtin_params", {})),
           "times": MIXED_TIMES.tolist(), "weights": mixed_weights(spec).tolist()}
    proc = subprocess.run([sys.executable, "-c", MIXED_SCRIPT, json.dumps(cfg)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"NEST run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return {"builtin": [json.loads(line[len("RESULT "):])]}


def _model(case: str) -> str:
    return CASES[case].get("model", case) + "_neuron"


def run_go(case: str) -> dict:
    """The protocols of one case in the Go engine, recorded like the NEST script."""
    spec = CASES[case]
    h = spec.get("h", 0.1)
    params = dict(spec.get("params", {}))
    out = {}
    for proto in spec["protocols"]:
        n_neurons = 1 if proto in ("subthreshold", "spiking", "mixed") else len(AMPLITUDES)
        net = ng.Network(resolution=h)
        nrns = [net.create(_model(case), params=params) for _ in range(n_neurons)]
        if proto == "mixed":
            sg = net.create("spike_generator", params={"spike_times": MIXED_TIMES.tolist(),
                                                       "spike_weights": mixed_weights(spec).tolist()})
            net.connect(sg, nrns[0], weight=1.0, delay=1.0)
            t_sim = 400.0
        elif proto in ("subthreshold", "spiking"):
            top = 10.0 if proto == "subthreshold" else 5000.0
            sg = net.create("spike_generator", params={"spike_times": np.linspace(100.0, 200.0, 11).tolist(),
                                                       "spike_weights": np.linspace(1.0, top, 11).tolist()})
            net.connect(sg, nrns[0], weight=1.0, delay=1.0)
            t_sim = 400.0
        else:
            for k, a in enumerate(AMPLITUDES):
                p = {"amplitude": a} if proto == "fI" else {"amplitude": a, "start": 100.0, "stop": 300.0}
                dc = net.create("dc_generator", params=p)
                net.connect(dc, nrns[k], weight=1.0, delay=1.0)
            t_sim = 1000.0
        pairs = []
        for nrn in nrns:
            mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
            sr = net.create("spike_recorder")
            net.connect(mm, nrn)
            net.connect(nrn, sr)
            pairs.append((mm, sr))
        net.simulate(t_sim, progress=False)
        out[proto] = [{"times": mm.events["times"].tolist(), "V_m": mm.events["V_m"].tolist(),
                       "spikes": sr.events["times"].tolist()} for mm, sr in pairs]
        net.close()
    return out


@pytest.fixture(scope="module")
def results():
    """Every case in NEST (built-in, a subprocess) and in the Go engine.

    Cases run concurrently on two workers: the NEST subprocess of one case
    overlaps with the Go engine run of another (the native calls release
    the GIL)."""
    require_nest()

    def job(case):
        spec = CASES[case]
        protos = [p for p in spec["protocols"] if p != "mixed"]
        cfg = {"h": spec.get("h", 0.1), "modules": [],
               "neurons": {"builtin": [spec["builtin"], dict(spec.get("builtin_params", {}))]},
               "protocols": protos, "amplitudes": AMPLITUDES}
        ref = run_nest(cfg)
        if "mixed" in spec["protocols"]:
            ref["mixed"] = run_nest_mixed(spec)
        return ref, run_go(case)

    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as ex:
        futures = {c: ex.submit(job, c) for c in CASES}
        return {c: f for c, f in futures.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_go_engine_vs_builtin(case, results):
    spec = CASES[case]
    ref, go = results[case].result()
    report = {}
    for proto in spec["protocols"]:
        rtol = spec.get("rtol_by_protocol", {}).get(proto, spec["rtol"])
        for k, (b, g) in enumerate(zip(ref[proto]["builtin"], go[proto])):
            if "builtin_vm_offset" in spec:
                b = dict(b, V_m=[v + spec["builtin_vm_offset"] for v in b["V_m"]])
            what = f"{case} {proto}[{k}]: Go engine vs NEST built-in {spec['builtin']}"
            if proto == "fI":
                assert len(g["spikes"]) == len(b["spikes"]), \
                    f"{what}: {len(g['spikes'])} spikes, built-in {len(b['spikes'])}"
                report[f"{proto}[{k}]"] = len(b["spikes"])
                continue
            d = compare(b, g, rtol, what, prefix=True)
            report[f"{proto}[{k}]"] = (f"{d:.1e}", len(b["spikes"]))
    if "spiking" in spec["protocols"]:
        assert len(ref["spiking"]["builtin"][0]["spikes"]) > 0, f"{case}: the spiking protocol produced no spike"
    if "fI" in spec["protocols"]:
        assert len(ref["fI"]["builtin"][-1]["spikes"]) > 0, f"{case}: the f-I protocol produced no spike"
    print(f"{case}: {report}")
