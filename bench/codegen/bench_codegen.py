"""Code generation speed: nestml_go vs pynestml 9.0.0, same models, same run.

For each model (our library's 9.0-syntax files, which pynestml 9.0 accepts):

1. *generate C++*: nestml_go ``generate_nest_target(..., codegen_opts={"build": False})``
   in process (best of 3 after a warm-up) vs pynestml 9.0.0's ``generate_nest_target``
   in its own venv with its builder disabled (time measured inside that process, after
   import);
2. *to a loadable module*: generation plus compiling the sources into a NEST module. Both
   are compiled with nestml_go's direct build path against the pip wheel of NEST 3.10
   (``python/nestml_go/_nestbuild.py``): pynestml's own CMake builder cannot build against
   the wheel (docs/decisions/0002-nest-from-pypi.md), so this measures the generated code's
   compile time on equal terms;
3. *unchanged model*: nestml_go regenerating and "rebuilding" the same model again (the
   content-hash build cache).

Usage (repository root, after .ci/setup):
    .venv/bin/python bench/codegen/bench_codegen.py [--pynestml-venv bench/.venv-pynestml]
Writes bench/codegen/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

import nestml_go as ng  # noqa: E402
from nestml_go._nestbuild import build_module, find_nest  # noqa: E402

MODELS = ["iaf_psc_exp_neuron", "iaf_psc_alpha_neuron", "iaf_cond_exp_neuron"]

PYNESTML = r'''
import json, sys, time, os, logging
from pynestml.codegeneration import nest_builder
nest_builder.NESTBuilder.build = lambda self: None   # generation only
from pynestml.frontend.pynestml_frontend import generate_nest_target
src, target, module = sys.argv[1:4]
t0 = time.perf_counter()
generate_nest_target(src, target, module_name=module, logging_level="ERROR")
print("RESULT " + json.dumps({"seconds": time.perf_counter() - t0, "files": sorted(os.listdir(target))}))
'''


def ensure_pynestml(venv: str) -> str:
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "nestml==9.0.0", "nest-simulator==3.10.0"], check=True)
    return py


def best(f, n=3):
    f()
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    return min(ts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pynestml-venv", default=os.path.join(ROOT, "bench", ".venv-pynestml"))
    ap.add_argument("--models", default=",".join(MODELS))
    args = ap.parse_args()
    py = ensure_pynestml(args.pynestml_venv)
    nest = find_nest()
    quiet = lambda *a, **k: None  # noqa: E731
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for m in args.models.split(","):
            src = os.path.join(tmp, m + ".nestml")
            with open(src, "w") as f:
                f.write(ng.library_source(m))
            mod = "b" + m.replace("_", "") + "module"
            # 1. generation
            ours_gen = best(lambda: ng.generate_nest_target(src, os.path.join(tmp, "ours_gen_" + m), module_name=mod,
                                                            logging_level="NONE", codegen_opts={"build": False}))
            ptarget = os.path.join(tmp, "pyn_" + m)
            proc = subprocess.run([py, "-c", PYNESTML, src, ptarget, "p" + mod], capture_output=True, text=True)
            line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
            if not line:
                rows.append((m, ours_gen, None, None, None, None, proc.stderr[-300:]))
                continue
            pyn_gen = json.loads(line[-1][7:])["seconds"]
            # 2. to a loadable module (fresh directories, no cache)
            t0 = time.perf_counter()
            otarget = os.path.join(tmp, "ours_build_" + m)
            ng.generate_nest_target(src, otarget, module_name=mod, logging_level="NONE")
            ours_total = time.perf_counter() - t0
            t0 = time.perf_counter()
            build_module(ptarget, "p" + mod, nest, progress=quiet)
            pyn_total = pyn_gen + (time.perf_counter() - t0)
            # 3. unchanged model
            t0 = time.perf_counter()
            ng.generate_nest_target(src, otarget, module_name=mod, logging_level="NONE")
            regen = time.perf_counter() - t0
            rows.append((m, ours_gen, pyn_gen, ours_total, pyn_total, regen, ""))
    cpu = ""
    try:
        cpu = [ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")][0]
    except Exception:
        pass
    load = os.getloadavg()[0]
    md = ["## Code generation: nestml_go vs pynestml 9.0.0", "",
          f"`bench/codegen/bench_codegen.py`, same models and run. Machine: {cpu}, {os.cpu_count()} cores "
          f"(load average {load:.1f} during the run); Python {platform.python_version()}, NEST 3.10.0 (pip wheel), "
          f"g++ {subprocess.run(['g++', '-dumpversion'], capture_output=True, text=True).stdout.strip()}, no ccache.", "",
          "| model | generate C++: nestml_go | pynestml | speed-up | loadable module: nestml_go | pynestml | speed-up | unchanged model |",
          "|---|---|---|---|---|---|---|---|"]
    for m, og, pg, ot, pt, rg, err in rows:
        if pg is None:
            md.append(f"| {m} | {og*1e3:.1f} ms | failed: {err.strip().splitlines()[-1] if err.strip() else '?'} | | | | | |")
            continue
        md.append(f"| {m} | {og*1e3:.1f} ms | {pg:.1f} s | {pg/og:,.0f}× | {ot:.1f} s | {pt:.1f} s | {pt/ot:.1f}× | {rg*1e3:.0f} ms |")
    md += ["", "Targets (issue #6): generation ≥ 500×, loadable module ≥ 2×, unchanged model < 0.5 s.", ""]
    out = os.path.join(ROOT, "bench", "codegen", "results.md")
    with open(out, "w") as f:
        f.write("\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
