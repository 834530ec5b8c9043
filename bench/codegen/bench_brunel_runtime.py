"""Brunel network run time in NEST 3.10: built-in vs nestml_go's vs pynestml's iaf_psc_alpha.

The network is NEST's ``brunel_alpha_numpy.py`` example (Brunel 2000, model
A, sparse random network, 12 500 neurons: NE = 10 000 excitatory, NI = 2 500
inhibitory, CE = 1 000 / CI = 250 inputs per neuron, J = 0.1 mV, g = 5,
eta = 2, delay 1.5 ms, resolution 0.1 ms) with the neuron model replaced:

* ``builtin``: NEST's own ``iaf_psc_alpha``;
* ``nestml_go``: our module generated from ``gocore/models/iaf_psc_alpha_neuron.nestml``;
* ``pynestml``: pynestml 9.0.0's module generated from the same file (9.0
  syntax, which pynestml accepts), compiled with the same direct build path
  and flags as ours, `-O2` (pynestml's CMake builder cannot use the pip
  wheel's nest-config as it is; bench_codegen.py runs it through a shim to
  time its build, which compiles at `-O3`).

Each variant runs in a fresh NEST process (2 threads) that sets up the
network (time reported too), simulates a 10 ms warm-up, then times
``--repeat`` consecutive ``nest.Simulate(T)`` calls; the median of the wall
time and of the process CPU time (both threads; less sensitive to other load
on the machine) is reported.

Usage (repository root):
    .venv/bin/python bench/codegen/bench_brunel_runtime.py [--t-sim 300] [--repeat 3]
Prints a Markdown table (also written to bench/codegen/brunel_results.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

import nestml_go as ng  # noqa: E402
from nestml_go._nestbuild import build_module, find_nest  # noqa: E402

MODEL_FILE = os.path.join(ROOT, "gocore", "models", "iaf_psc_alpha_neuron.nestml")

PYNESTML_GEN = r'''
import sys
from pynestml.codegeneration import nest_builder
nest_builder.NESTBuilder.build = lambda self: None   # generation only; built by the caller
from pynestml.frontend.pynestml_frontend import generate_nest_target
src, target, module = sys.argv[1:4]
generate_nest_target(src, target, module_name=module, suffix="_pynestml", logging_level="ERROR")
'''

# One run: build the network, time Simulate. argv: JSON config.
RUN = r'''
import json, math, sys, time
import nest
cfg = json.loads(sys.argv[1])
nest.set_verbosity("M_ERROR")
nest.ResetKernel()
nest.resolution = 0.1
nest.local_num_threads = cfg["threads"]
nest.rng_seed = 1
if cfg["module"]:
    nest.Install(cfg["module"])

def lambertwm1(x):
    # branch -1 of Lambert's W on [-1/e, 0): Newton on w*exp(w) = x from w = -2
    w = -2.0 if x > -0.3 else -1.0 - math.sqrt(2.0 * (1.0 + math.e * x))
    for _ in range(100):
        ew = math.exp(w)
        w_new = w - (w * ew - x) / (ew * (w + 1.0))
        if abs(w_new - w) < 1e-15 * abs(w):
            return w_new
        w = w_new
    return w

def psp_norm(tau_m, c_m, tau_syn):
    # peak of the PSP of a unit alpha current, as in NEST's brunel_alpha example
    a = tau_m / tau_syn
    b = 1.0 / tau_syn - 1.0 / tau_m
    t_max = 1.0 / b * (-lambertwm1(-math.exp(-1.0 / a) / a) - 1.0 / a)
    return (math.exp(1.0) / (tau_syn * c_m * b) *
            ((math.exp(-t_max / tau_m) - math.exp(-t_max / tau_syn)) / b - t_max * math.exp(-t_max / tau_syn)))

order = 2500
NE, NI = 4 * order, order
epsilon, g, eta, J, delay = 0.1, 5.0, 2.0, 0.1, 1.5
CE, CI = int(epsilon * NE), int(epsilon * NI)
tau_m, c_m, tau_syn, theta = 20.0, 250.0, 0.5, 20.0
J_ex = J / psp_norm(tau_m, c_m, tau_syn)
J_in = -g * J_ex
nu_th = theta / (J * CE * tau_m)
p_rate = 1000.0 * eta * nu_th * CE

if cfg["variant"] == "builtin":
    params = {"C_m": c_m, "tau_m": tau_m, "t_ref": 2.0, "E_L": 0.0, "V_reset": 10.0, "V_m": 0.0,
              "V_th": theta, "tau_syn_ex": tau_syn, "tau_syn_in": tau_syn}
    exc_rec, inh_rec = 0, 0
else:
    params = {"C_m": c_m, "tau_m": tau_m, "refr_T": 2.0, "E_L": 0.0, "V_reset": 10.0, "V_m": 0.0,
              "V_th": theta, "tau_syn_exc": tau_syn, "tau_syn_inh": tau_syn}
    rt = nest.GetDefaults(cfg["model"]).get("receptor_types", {})
    exc_rec = rt.get("EXC_SPIKES", 0)
    inh_rec = rt.get("INH_SPIKES", 0)

t0 = time.perf_counter()
nodes_ex = nest.Create(cfg["model"], NE, params=params)
nodes_in = nest.Create(cfg["model"], NI, params=params)
noise = nest.Create("poisson_generator", params={"rate": p_rate})
espikes = nest.Create("spike_recorder")
nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": delay})
nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": delay})
nest.Connect(noise, nodes_ex + nodes_in, syn_spec={"synapse_model": "excitatory", "receptor_type": exc_rec})
nest.Connect(nodes_ex[:50], espikes)
nest.Connect(nodes_ex, nodes_ex + nodes_in, {"rule": "fixed_indegree", "indegree": CE},
             {"synapse_model": "excitatory", "receptor_type": exc_rec})
nest.Connect(nodes_in, nodes_ex + nodes_in, {"rule": "fixed_indegree", "indegree": CI},
             {"synapse_model": "inhibitory", "receptor_type": inh_rec})
t_build = time.perf_counter() - t0
nest.Simulate(cfg["warmup"])
n0 = espikes.n_events
times, cpu = [], []
for _ in range(cfg["repeat"]):
    t0, c0 = time.perf_counter(), time.process_time()
    nest.Simulate(cfg["t_sim"])
    times.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
rate = (espikes.n_events - n0) / (cfg["repeat"] * cfg["t_sim"]) * 1000.0 / 50
print("RESULT " + json.dumps({"build": t_build, "simulate": times, "cpu": cpu, "rate": rate}))
'''


def _loadavg() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def build_modules(tmp: str, pynestml_python: str | None) -> dict:
    """Return variant -> (module path or None, model name)."""
    variants = {"builtin": (None, "iaf_psc_alpha")}
    mod = ng.generate_nest_target(MODEL_FILE, os.path.join(tmp, "ours"), module_name="brunelgomodule",
                                  suffix="_nestml_go", logging_level="NONE")
    variants["nestml_go"] = (mod, "iaf_psc_alpha_neuron_nestml_go")
    if pynestml_python:
        target = os.path.join(tmp, "pynestml")
        subprocess.run([pynestml_python, "-c", PYNESTML_GEN, MODEL_FILE, target, "brunelpynestmlmodule"],
                       check=True, capture_output=True, text=True)
        # one translation unit per file: pynestml's sources include NEST's
        # unguarded nest_impl.h after the module source, so they cannot share one
        mod = build_module(target, "brunelpynestmlmodule", find_nest(), jobs=2, progress=None,
                           unity=False, pch=False)
        variants["pynestml"] = (mod, "iaf_psc_alpha_neuron_pynestml")
    return variants


def run(variant: str, module: str | None, model: str, t_sim: float, threads: int, repeat: int,
        warmup: float = 10.0) -> dict:
    """One NEST process: set up the network, simulate ``warmup`` ms, then
    time ``repeat`` consecutive ``Simulate(t_sim)`` calls."""
    cfg = {"variant": variant, "module": module, "model": model, "t_sim": t_sim, "threads": threads,
           "repeat": repeat, "warmup": warmup}
    proc = subprocess.run([sys.executable, "-c", RUN, json.dumps(cfg)], capture_output=True, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{variant} run failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return json.loads(lines[-1][7:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--t-sim", type=float, default=300.0, help="simulated time in ms (default 300)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--pynestml-venv", default=os.path.join(ROOT, "bench", ".venv-pynestml"))
    args = ap.parse_args()
    py = os.path.join(args.pynestml_venv, "bin", "python")
    if not os.path.exists(py):
        print(f"pynestml venv not found ({py}); pynestml column skipped", file=sys.stderr)
        py = None

    load_before = _loadavg()
    with tempfile.TemporaryDirectory(prefix="brunel_bench_") as tmp:
        variants = build_modules(tmp, py)
        results: dict[str, dict] = {}
        for v, (mod, model) in variants.items():
            r = run(v, mod, model, args.t_sim, args.threads, args.repeat)
            results[v] = r
            print(f"{v}: simulate {r['simulate']} s, set-up {r['build']:.2f} s, "
                  f"rate {r['rate']:.1f} spikes/s", file=sys.stderr)
    load_after = _loadavg()

    med = {v: statistics.median(r["simulate"]) for v, r in results.items()}
    cpu = {v: statistics.median(r["cpu"]) for v, r in results.items()}
    md = [f"| model | Simulate({args.t_sim:g} ms) wall, median | the {args.repeat} runs | vs built-in "
          "| CPU time (both threads), median | vs built-in | network set-up | exc. rate (spikes/s) |",
          "|---|---|---|---|---|---|---|---|"]
    for v, r in results.items():
        runs = ", ".join(f"{x:.2f}" for x in r["simulate"])
        md.append(f"| {v} | {med[v]:.2f} s | {runs} | {med[v] / med['builtin']:.2f}× | {cpu[v]:.2f} s "
                  f"| {cpu[v] / cpu['builtin']:.2f}× | {r['build']:.1f} s | {r['rate']:.1f} |")
    head = (f"Brunel network (12 500 neurons), {args.threads} threads, after a 10 ms warm-up "
            f"{args.repeat} consecutive Simulate({args.t_sim:g} ms) calls per model, median; "
            f"{platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores; load average before {load_before}, after {load_after}.")
    text = head + "\n\n" + "\n".join(md) + "\n"
    print(text)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "brunel_results.md"), "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
