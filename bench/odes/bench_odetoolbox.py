"""ODE analysis speed: nestml_go vs ODE-toolbox 3.0.0 on the same systems, same run.

For every model of upstream's library (read in place from ../shared), nestml_go
writes the ODE-toolbox input of the system it analyses (ODEs, function-of-time
kernels, default parameters; gocore/pipeline TestWriteToolboxInputs). This
script times

* ODE-toolbox's ``analysis(indict, disable_stiffness_check=True)`` on that
  input (what pynestml calls), in its own venv (odetoolbox==3.0.0 from PyPI),
  and
* nestml_go's ``odes.Analyze`` on the same model (Go benchmark
  ``BenchmarkAnalyze``, parsing and checking excluded on both sides),

checks that both classify the same states as analytic, and writes a table to
bench/odes/results.md (merged into docs/benchmarks.md).

Usage (from the repository root):
    python3 bench/odes/bench_odetoolbox.py [--venv bench/.venv-odetoolbox] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DEFAULT_MODELS = ["iaf_psc_exp_neuron", "iaf_psc_alpha_neuron", "iaf_cond_exp_neuron", "izhikevich_neuron",
                  "aeif_cond_exp_neuron", "hh_psc_alpha_neuron", "stdp_synapse"]

TIMER = r'''
import json, sys, time, logging, os
import odetoolbox
logging.disable(logging.CRITICAL)
out = {}
d, repeat, wanted = sys.argv[1], int(sys.argv[2]), set(sys.argv[3].split(",")) if sys.argv[3] else None
for f in sorted(os.listdir(d)):
    if wanted and f[:-5] not in wanted:
        continue
    indict = json.load(open(os.path.join(d, f)))
    best = float("inf"); res = None; err = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            res = odetoolbox.analysis(indict, disable_stiffness_check=True)
        except Exception as e:  # recorded, not hidden
            err = f"{type(e).__name__}: {e}"
            break
        best = min(best, time.perf_counter() - t0)
    analytic = sorted(v for s in (res or []) if s["solver"] == "analytical" for v in s["state_variables"])
    out[f[:-5]] = {"seconds": best if err is None else None, "error": err, "analytic": analytic}
print(json.dumps(out))
'''


def ensure_venv(venv: str) -> str:
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        print(f"[bench] creating {venv} with odetoolbox==3.0.0", flush=True)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        # odetoolbox 3.0.0 declares no dependencies; it needs these
        subprocess.run([py, "-m", "pip", "install", "-q", "odetoolbox==3.0.0", "sympy", "scipy", "numpy"], check=True)
    return py


def go_times() -> dict[str, float]:
    out = subprocess.run(
        ["go", "test", "./gocore/pipeline", "-run", "^$", "-bench", "BenchmarkAnalyze", "-benchtime", "200x"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    times = {}
    for m in re.finditer(r"BenchmarkAnalyze/(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", out):
        times[m.group(1)] = float(m.group(2)) * 1e-9
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--venv", default=os.path.join(ROOT, "bench", ".venv-odetoolbox"))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--models", default=",".join(DEFAULT_MODELS),
                    help="comma-separated model names ('' = all 40; ODE-toolbox needs minutes per model here)")
    args = ap.parse_args()
    py = ensure_venv(args.venv)
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, NESTML_GO_TOOLBOX_DIR=d)
        subprocess.run(["go", "test", "./gocore/pipeline", "-run", "TestWriteToolboxInputs", "-count=1"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        t0 = time.perf_counter()
        proc = subprocess.run([py, "-c", TIMER, d, str(args.repeat), args.models], capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        tb = json.loads(proc.stdout.strip().splitlines()[-1])
        tb_wall = time.perf_counter() - t0
    go = go_times()
    ver = subprocess.run([py, "-c", "import importlib.metadata as m; print(m.version('odetoolbox'), m.version('sympy'))"],
                         capture_output=True, text=True).stdout.split()
    rows, ratios = [], []
    for model in sorted(tb):
        g = go.get(model)
        if g is None and model.endswith("_neuron") is False:
            g = go.get(model)
        t = tb[model]
        if t["seconds"] is None:
            rows.append(f"| {model} | {g*1e6:.0f} µs | failed: {t['error'][:60]} | – |" if g else f"| {model} | – | failed | – |")
            continue
        if g is None:
            rows.append(f"| {model} | – | {t['seconds']*1e3:.1f} ms | – |")
            continue
        r = t["seconds"] / g
        ratios.append(r)
        rows.append(f"| {model} | {g*1e6:.0f} µs | {t['seconds']*1e3:.1f} ms | {r:,.0f}× |")
    gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else float("nan")
    cpu = ""
    try:
        cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    except Exception:
        pass
    md = [
        "## ODE analysis: nestml_go vs ODE-toolbox",
        "",
        f"Same systems, same run (`python3 bench/odes/bench_odetoolbox.py`). Machine: {cpu}, {os.cpu_count()} cores; "
        f"Go {subprocess.run(['go', 'version'], capture_output=True, text=True).stdout.split()[2]}, "
        f"Python {platform.python_version()}, ODE-toolbox {ver[0] if ver else '?'} (SymPy {ver[1] if len(ver) > 1 else '?'}).",
        "ODE-toolbox: `analysis(indict, disable_stiffness_check=True)`, best of "
        f"{args.repeat}; nestml_go: `odes.Analyze` (Go benchmark, 200 iterations). Parsing/checking excluded on both sides.",
        "",
        "| model | nestml_go | ODE-toolbox | speed-up |",
        "|---|---|---|---|",
        *rows,
        "",
        f"Geometric-mean speed-up over {len(ratios)} models: **{gm:,.0f}×** (target ≥ 500×). "
        f"ODE-toolbox total wall time for all models: {tb_wall:.1f} s.",
        "",
    ]
    out = os.path.join(ROOT, "bench", "odes", "results.md")
    with open(out, "w") as f:
        f.write("\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
