"""Library models in real NEST: generated module vs NEST's built-in, and Go engine vs generated module.

The models are generated in place from the upstream NESTML corpus
(kernels/convolutions, delta kernels, numeric ODEs) and compared with NEST's
built-in counterparts using the protocols and tolerances of nest_target.md
§9:

* subthreshold PSCs: spike_generator at 100, 110, ..., 200 ms with weights
  1 ... 10, 400 ms;
* spiking: the same with weights 1 ... 5000;
* f-I: dc_generator of 10, 505 and 1000 pA for 1000 ms (equal spike counts);
* current pulse: dc_generator of 10, 505 and 1000 pA from 100 to 300 ms,
  1000 ms.

A multimeter samples V_m every 1 ms; the sample times must be identical,
V_m must agree within the per-model relative tolerance of §9, and spike
times within rtol 1e-9.

The Go engine (nestml_go.Network with the same file) and the generated
module execute the same algorithm; they must agree to rtol 1e-9 in every
protocol. The Go engine compiles models with the default options, so it is
compared with the default-option build of each model (for aeif_cond_exp
and izhikevich that is not the variant compared with NEST's built-in, which
needs solver="numeric" with the derivative controller, resp. forward Euler).

Modules (one per set of codegen_opts, since options apply to all files of
a generate_nest_target call) are built once; every model runs in its own
NEST subprocess (a kernel crash must not take pytest down, and a process
cannot load a module twice), the subprocesses run concurrently.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

import nestml_go as ng
from _nestutil import require_nest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "nestml-upstream" / "models" / "neurons"

RTOL_SPIKES = 1e-9
RTOL_GO = 1e-9
AMPLITUDES = [10.0, 505.0, 1000.0]
# module groups: codegen_opts and suffix of each generate_nest_target call
GROUPS = {
    "default": {"suffix": "_nestml", "codegen_opts": {}},
    "aeif": {"suffix": "_alt_nestml",
             "codegen_opts": {"solver": "numeric", "gsl_adaptive_step_size_controller": "with_respect_to_derivative"}},
    "izh": {"suffix": "_alt_int_nestml", "codegen_opts": {"numeric_solver": "forward-Euler"}},
}

# model -> settings. "variant": the group of the build compared with NEST's
# built-in; every model is also built in the default group (Go comparison).
MODELS = {
    "iaf_psc_alpha": {"builtin": "iaf_psc_alpha", "variant": "default", "h": 0.1, "rtol": 1e-10,
                      "protocols": ["subthreshold", "spiking", "fI", "pulse"]},
    "iaf_psc_delta": {"builtin": "iaf_psc_delta", "variant": "default", "h": 0.1, "rtol": 1e-10,
                      "protocols": ["subthreshold", "spiking", "fI", "pulse"]},
    "iaf_cond_exp": {"builtin": "iaf_cond_exp", "variant": "default", "h": 0.1, "rtol": 1e-6,
                     "protocols": ["subthreshold", "spiking", "fI", "pulse"]},
    "iaf_cond_alpha": {"builtin": "iaf_cond_alpha", "variant": "default", "h": 0.1, "rtol": 1e-7,
                       "protocols": ["subthreshold", "spiking", "fI"]},
    # threshold inside the GSL loop in NEST, after the step in NESTML: only
    # subthreshold traces are compared, and spike counts with refr_T = 0
    "aeif_cond_exp": {"builtin": "aeif_cond_exp", "variant": "aeif", "h": 0.01, "rtol": 1e-7,
                      "params": {"refr_T": 0.0}, "protocols": ["subthreshold", "fI"]},
    "hh_psc_alpha": {"builtin": "hh_psc_alpha", "variant": "default", "h": 0.1, "rtol": 1e-7,
                     "rtol_by_protocol": {"spiking": 1e-5},
                     "params": {"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0.0},
                     "protocols": ["subthreshold", "spiking", "fI"]},
    "izhikevich": {"builtin": "izhikevich", "variant": "izh", "h": 0.1, "rtol": 1e-7,
                   "protocols": ["subthreshold", "spiking", "fI"]},
}


def source(model: str) -> str:
    return str(CORPUS / f"{model}_neuron.nestml")


NEST_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    import nest
    cfg = json.loads(sys.argv[1])
    nest.set_verbosity("M_ERROR")

    def kernel():
        nest.ResetKernel()
        nest.resolution = cfg["h"]
        for m in cfg["modules"]:
            nest.Install(m)

    def neurons(n):
        # one NodeCollection of n neurons per compared model
        out = {}
        for key, (model, params) in cfg["neurons"].items():
            out[key] = nest.Create(model, n, params=params)
        return out

    def record(nodes, t_sim):
        mms, srs = {}, {}
        for key, nc in nodes.items():
            mms[key] = nest.Create("multimeter", len(nc), params={"record_from": ["V_m"]})
            nest.Connect(mms[key], nc, "one_to_one")
            srs[key] = nest.Create("spike_recorder", len(nc))
            nest.Connect(nc, srs[key], "one_to_one")
        nest.Simulate(t_sim)
        res = {}
        for key in nodes:
            res[key] = []
            for mm, sr in zip(mms[key], srs[key]):
                ev = mm.get("events")
                res[key].append({"times": list(map(float, ev["times"])), "V_m": list(map(float, ev["V_m"])),
                                 "spikes": list(map(float, sr.get("events")["times"]))})
        return res

    out = {}
    for proto in cfg["protocols"]:
        kernel()
        if proto in ("subthreshold", "spiking"):
            nodes = neurons(1)
            top = 10.0 if proto == "subthreshold" else 5000.0
            sg = nest.Create("spike_generator", params={"spike_times": np.linspace(100.0, 200.0, 11),
                                                        "spike_weights": np.linspace(1.0, top, 11)})
            for nc in nodes.values():
                nest.Connect(sg, nc)
            out[proto] = record(nodes, 400.0)
        else:
            amps = cfg["amplitudes"]
            nodes = neurons(len(amps))
            for k, a in enumerate(amps):
                p = {"amplitude": a} if proto == "fI" else {"amplitude": a, "start": 100.0, "stop": 300.0}
                dc = nest.Create("dc_generator", params=p)
                for nc in nodes.values():
                    nest.Connect(dc, nc[k])
            out[proto] = record(nodes, 1000.0)
    print("RESULT " + json.dumps(out))
    """
)


def run_nest(cfg):
    proc = subprocess.run([sys.executable, "-c", NEST_SCRIPT, json.dumps(cfg)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"NEST run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def run_go(model, spec):
    """The NEST protocols in the Go engine (default options)."""
    h = spec["h"]
    params = dict(spec.get("params", {}))
    out = {}
    for proto in spec["protocols"]:
        n_neurons = 1 if proto in ("subthreshold", "spiking") else len(AMPLITUDES)
        net = ng.Network(resolution=h)
        nrns = [net.create(source(model), params=params) for _ in range(n_neurons)]
        if proto in ("subthreshold", "spiking"):
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
        mms, srs = [], []
        for nrn in nrns:
            mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
            sr = net.create("spike_recorder")
            net.connect(mm, nrn)
            net.connect(nrn, sr)
            mms.append(mm)
            srs.append(sr)
        net.simulate(t_sim)
        out[proto] = [{"times": mm.events["times"].tolist(), "V_m": mm.events["V_m"].tolist(),
                       "spikes": sr.events["times"].tolist()} for mm, sr in zip(mms, srs)]
        net.close()
    return out


@pytest.fixture(scope="module")
def modules(tmp_path_factory):
    """Build one module per option group; return group -> module path."""
    require_nest()
    files = {g: [] for g in GROUPS}
    for model, spec in MODELS.items():
        files["default"].append(source(model))
        if spec["variant"] != "default":
            files[spec["variant"]].append(source(model))
    paths = {}
    for g, opts in GROUPS.items():
        target = tmp_path_factory.mktemp(f"nest_{g}")
        paths[g] = ng.generate_nest_target(files[g], str(target), module_name=f"models{g}module",
                                           suffix=opts["suffix"], logging_level="NONE",
                                           codegen_opts=dict(opts["codegen_opts"]))
    return paths


@pytest.fixture(scope="module")
def nest_results(modules):
    """Run every model's protocols in NEST (concurrent subprocesses)."""
    def job(model):
        spec = MODELS[model]
        params = dict(spec.get("params", {}))
        neurons = {
            "builtin": [spec["builtin"], {}],
            "variant": [f"{model}_neuron{GROUPS[spec['variant']]['suffix']}", params],
        }
        mods = [modules["default"]]
        if spec["variant"] != "default":
            neurons["default"] = [f"{model}_neuron{GROUPS['default']['suffix']}", params]
            mods.append(modules[spec["variant"]])
        cfg = {"h": spec["h"], "modules": mods, "neurons": neurons, "protocols": spec["protocols"],
               "amplitudes": AMPLITUDES}
        return run_nest(cfg)

    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as ex:
        futures = {m: ex.submit(job, m) for m in MODELS}
        return {m: f for m, f in futures.items()}


def result(nest_results, model):
    return nest_results[model].result()


def compare(ref, got, rtol, what, prefix=False):
    """Compare one neuron's recording; returns the max relative V_m difference."""
    if prefix:
        # NEST hands over the samples of the last min_delay interval only at
        # the next Simulate call; the Go recorder has them all
        assert len(got["times"]) >= len(ref["times"]), f"{what}: fewer samples than the reference"
        got = dict(got, times=got["times"][: len(ref["times"])], V_m=got["V_m"][: len(ref["V_m"])])
    assert len(ref["times"]) == len(got["times"]), f"{what}: {len(got['times'])} samples, reference {len(ref['times'])}"
    assert len(ref["times"]) > 0, f"{what}: no samples"
    np.testing.assert_allclose(got["times"], ref["times"], rtol=0, atol=1e-9, err_msg=f"{what}: sample times")
    np.testing.assert_allclose(got["V_m"], ref["V_m"], rtol=rtol, atol=0, err_msg=f"{what}: V_m")
    assert len(got["spikes"]) == len(ref["spikes"]), \
        f"{what}: {len(got['spikes'])} spikes, reference {len(ref['spikes'])}"
    np.testing.assert_allclose(got["spikes"], ref["spikes"], rtol=RTOL_SPIKES, atol=0, err_msg=f"{what}: spike times")
    r, g = np.asarray(ref["V_m"]), np.asarray(got["V_m"])
    return float(np.max(np.abs(g - r) / np.maximum(np.abs(r), 1e-300)))


@pytest.mark.parametrize("model", sorted(MODELS))
def test_generated_vs_builtin(model, nest_results):
    spec = MODELS[model]
    res = result(nest_results, model)
    report = {}
    for proto in spec["protocols"]:
        rtol = spec.get("rtol_by_protocol", {}).get(proto, spec["rtol"])
        builtin, variant = res[proto]["builtin"], res[proto]["variant"]
        for k, (b, v) in enumerate(zip(builtin, variant)):
            what = f"{model} {proto}[{k}]: generated vs NEST built-in"
            if proto == "fI":
                # f-I: equal spike counts (upstream asserts nothing)
                assert len(v["spikes"]) == len(b["spikes"]), \
                    f"{what}: {len(v['spikes'])} spikes, built-in {len(b['spikes'])}"
                report[f"{proto}[{k}]"] = len(b["spikes"])
                continue
            d = compare(b, v, rtol, what)
            report[f"{proto}[{k}]"] = (d, len(b["spikes"]))
    if spec["protocols"].count("spiking"):
        assert len(res["spiking"]["builtin"][0]["spikes"]) > 0, f"{model}: the spiking protocol produced no spike"
    print(f"{model}: {report}")


@pytest.mark.parametrize("model", sorted(MODELS))
def test_go_engine_vs_generated(model, nest_results):
    spec = MODELS[model]
    res = result(nest_results, model)
    go = run_go(model, spec)
    key = "variant" if spec["variant"] == "default" else "default"
    report = {}
    for proto in spec["protocols"]:
        for k, (c, g) in enumerate(zip(res[proto][key], go[proto])):
            d = compare(c, g, RTOL_GO, f"{model} {proto}[{k}]: Go engine vs generated module", prefix=True)
            report[f"{proto}[{k}]"] = (d, len(c["spikes"]))
    print(f"{model} (Go): {report}")


RUNTIME_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    import nest
    module, model = sys.argv[1], sys.argv[2]
    nest.set_verbosity("M_ERROR")
    out = {}

    def trace(chunks):
        nest.ResetKernel()
        nest.resolution = 0.1
        nest.Install(module)
        n = nest.Create(model, params={"I_e": 800.0})
        mm = nest.Create("multimeter", params={"record_from": ["V_m", "w"], "interval": 0.1})
        nest.Connect(mm, n)
        for c in chunks:
            nest.Simulate(c)
        ev = mm.get("events")
        return [list(map(float, ev["V_m"])), list(map(float, ev["w"]))]

    out["whole"], out["split"] = trace([100.0]), trace([10.0] * 10)

    nest.ResetKernel()
    nest.Install(module)
    errors = {}
    for key, value in (("gsl_abs_error_tol", 0.0), ("gsl_abs_error_tol", -1.0), ("gsl_rel_error_tol", -1e-9)):
        n = nest.Create(model)  # a fresh neuron: a failed set_status may leave the value set (upstream order)
        try:
            n.set({key: value})
            errors[f"{key}={value}"] = None
        except Exception as e:
            errors[f"{key}={value}"] = [type(e).__name__, str(e)]
    n = nest.Create(model)
    n.set({"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0.0})
    out["tolerances"] = [n.get("gsl_abs_error_tol"), n.get("gsl_rel_error_tol")]
    out["errors"] = errors

    # an exploding exponential: NaN/Inf in the integrator -> NumericalInstability
    nest.ResetKernel()
    nest.Install(module)
    n = nest.Create(model, params={"V_peak": 1e9, "Delta_T": 0.001, "I_e": 2000.0})
    try:
        nest.Simulate(100.0)
        out["instability"] = None
    except Exception as e:
        out["instability"] = [type(e).__name__, str(e)]
    print("RESULT " + json.dumps(out))
    """
)


def test_numeric_runtime_behaviour(modules):
    """Numeric models in NEST: the persistent step memory makes Simulate(100)
    equal 10 x Simulate(10) bit for bit; the error tolerances are validated
    by set_status; integrator failures raise NumericalInstability."""
    model = f"aeif_cond_exp_neuron{GROUPS['aeif']['suffix']}"
    proc = subprocess.run([sys.executable, "-c", RUNTIME_SCRIPT, modules["aeif"], model],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"NEST run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    res = json.loads([ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1][len("RESULT "):])
    whole, split = res["whole"], res["split"]
    assert len(whole[0]) > 900 and len(whole[0]) == len(split[0])
    assert whole == split, "Simulate(100) differs from 10 x Simulate(10)"
    assert max(whole[0]) - min(whole[0]) > 10.0, "the protocol does not exercise the integrator"
    for case, err in res["errors"].items():
        assert err is not None, f"set_status({case}) was accepted"
        assert err[0] == "BadProperty" and "error tolerance" in err[1], (case, err)
    assert res["tolerances"] == [1e-3, 0.0]
    inst = res["instability"]
    assert inst is not None and inst[0] == "NumericalInstability", inst
    assert "NUMERIC_NONFINITE" in inst[1] and model in inst[1], inst
