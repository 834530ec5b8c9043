"""Code generation speed: nestml_go vs pynestml 9.0.0, same models, same run.

For each model (our library's 9.0-syntax files, which pynestml 9.0 accepts):

1. *generate C++*: nestml_go ``generate_nest_target(..., codegen_opts={"build": False})``
   in process (best of 3 after a warm-up) vs pynestml 9.0.0's ``generate_nest_target``
   in its own venv with its builder disabled (time measured inside that process, after
   import);
2. *to a loadable module*: generation plus compiling the sources into a NEST module, as
   CPU time (user + system, this process and its compilers) and wall time. nestml_go runs
   its whole pipeline (``generate_nest_target`` with the build, including locating NEST)
   twice in fresh target directories, each time as a new process would (the in-process
   memos of ``find_nest`` and of the symbol check cleared): *cold* with an empty user
   cache (nothing remembered: NEST is probed, the module compiles without the precompiled
   header (PCH) of NEST's headers, which is then built by a detached background process;
   its time until ready is reported separately, it is not in the cold CPU time) and
   *warm* with that cache (the state after ``nestml-go prepare-nest`` or any earlier
   build). pynestml's
   sources are compiled with nestml_go's direct build path against the pip wheel of NEST
   3.10 (``python/nestml_go/_nestbuild.py``) in pynestml's layout, one translation unit
   per ``.cpp`` and no PCH: pynestml's own CMake builder cannot build against the wheel
   (docs/decisions/0002-nest-from-pypi.md), so this compares the generated code's compile
   time with the same compiler and flags (and leaves out CMake's configure step);
3. *unchanged model*: nestml_go regenerating and "rebuilding" the same model again (the
   content-hash build cache).

Usage (repository root, after .ci/setup):
    .venv/bin/python bench/codegen/bench_codegen.py [--pynestml-venv bench/.venv-pynestml]
Writes bench/codegen/results.md (and the raw numbers to results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

import nestml_go as ng  # noqa: E402
from nestml_go import _nestbuild, _pch  # noqa: E402
from nestml_go._nestbuild import build_module, find_nest  # noqa: E402


def fresh_process_state() -> None:
    """Forget what this process remembered (as a new Python process would)."""
    _nestbuild._FOUND.clear()
    _nestbuild._LIB_MEMO.clear()
    _pch._COMPILER_IDS.clear()

MODELS = ["iaf_psc_exp_neuron", "iaf_psc_alpha_neuron", "aeif_cond_exp_neuron"]

PYNESTML = r'''
import json, sys, time, os, logging
from pynestml.codegeneration import nest_builder
nest_builder.NESTBuilder.build = lambda self: None   # generation only
from pynestml.frontend.pynestml_frontend import generate_nest_target
src, target, module = sys.argv[1:4]
t0, c0 = time.perf_counter(), time.process_time()
generate_nest_target(src, target, module_name=module, logging_level="ERROR")
print("RESULT " + json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                             "files": sorted(os.listdir(target))}))
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


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its waited-for child processes."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(f):
    """Run f(); return (wall seconds, CPU seconds incl. child processes)."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    f()
    return time.perf_counter() - t0, cpu_seconds() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pynestml-venv", default=os.path.join(ROOT, "bench", ".venv-pynestml"))
    ap.add_argument("--models", default=",".join(MODELS))
    args = ap.parse_args()
    py = ensure_pynestml(args.pynestml_venv)
    nest = find_nest()
    quiet = lambda *a, **k: None  # noqa: E731
    rows = []
    loads = [os.getloadavg()[0]]
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
                rows.append({"model": m, "ours_gen": ours_gen, "err": proc.stderr[-300:]})
                continue
            pyn = json.loads(line[-1][7:])
            # 2. to a loadable module: generation + build, in fresh target directories (the
            # per-directory content-hash cache misses). "cold": an empty user cache, so the
            # precompiled header is built too (alongside the module's compile); "warm": the
            # PCH from the cold run is reused.
            os.environ["NESTML_GO_CACHE_DIR"] = os.path.join(tmp, "cache_" + m)
            otarget = os.path.join(tmp, "ours_cold_" + m)
            fresh_process_state()
            load_before = os.getloadavg()[0]
            cold = timed(lambda: ng.generate_nest_target(src, otarget, module_name=mod, logging_level="NONE"))
            # the PCH, built in the background after the cold build: wait for it
            t0 = time.perf_counter()
            flags = _nestbuild._cxxflags(nest)
            cxx = _nestbuild._find_cxx(None)
            pch_ready = _pch.wait_for_pch(cxx, flags, nest.version, nest.include_dir) is not None
            pch_wait = time.perf_counter() - t0
            fresh_process_state()
            warm = timed(lambda: ng.generate_nest_target(src, os.path.join(tmp, "ours_warm_" + m), module_name=mod,
                                                         logging_level="NONE"))
            with open(os.path.join(tmp, "ours_warm_" + m, "nestml_go_build.json")) as f:
                warm_record = json.load(f)
            # pynestml's sources, built as its CMake build does: one translation unit per
            # .cpp, no PCH (its sources cannot share a unity TU: unguarded nest_impl.h).
            gsl = any("gsl_odeiv" in open(os.path.join(ptarget, f), errors="replace").read()
                      for f in os.listdir(ptarget) if f.endswith((".cpp", ".h")))
            pbuild = timed(lambda: build_module(ptarget, "p" + mod, nest, progress=quiet, unity=False, pch=False,
                                                extra_ldflags=["-lgsl", "-lgslcblas"] if gsl else []))
            pyn_total = (pyn["seconds"] + pbuild[0], pyn["cpu"] + pbuild[1])
            # 3. unchanged model
            t0 = time.perf_counter()
            ng.generate_nest_target(src, otarget, module_name=mod, logging_level="NONE")
            regen = time.perf_counter() - t0
            rows.append({"model": m, "ours_gen": ours_gen, "pyn_gen": pyn["seconds"], "cold": cold, "warm": warm,
                         "pyn": pyn_total, "regen": regen, "pch_wait": pch_wait, "pch_ready": pch_ready,
                         "warm_used_pch": bool(warm_record.get("pch")),
                         "warm_units": len(warm_record.get("translation_units", {})),
                         "load": [load_before, os.getloadavg()[0]]})
            loads.append(os.getloadavg()[0])
    cpu = ""
    try:
        cpu = [ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")][0]
    except Exception:
        pass
    gxx = subprocess.run(["g++", "-dumpversion"], capture_output=True, text=True).stdout.strip()
    md = ["## Code generation: nestml_go vs pynestml 9.0.0 (issue 6)", "",
          f"`bench/codegen/bench_codegen.py`, same models and run, {time.strftime('%Y-%m-%d', time.gmtime())}. "
          f"Machine: {cpu}, {os.cpu_count()} cores, shared (1-min load average {min(loads):.1f}–{max(loads):.1f} "
          f"during the run); Python {platform.python_version()}, NEST 3.10.0 (pip wheel), g++ {gxx}, "
          f"{'ccache' if shutil.which('ccache') else 'no ccache'}, pynestml 9.0.0.", "",
          "| model | generate C++: nestml_go | pynestml | speed-up | unchanged model: nestml_go |",
          "|---|---|---|---|---|"]
    for r in rows:
        if "err" in r:
            err = r["err"].strip().splitlines()[-1] if r["err"].strip() else "?"
            md.append(f"| {r['model']} | {r['ours_gen']*1e3:.1f} ms | failed: {err} | | |")
            continue
        md.append(f"| {r['model']} | {r['ours_gen']*1e3:.1f} ms | {r['pyn_gen']:.1f} s | "
                  f"{r['pyn_gen']/r['ours_gen']:,.0f}× | {r['regen']*1e3:.0f} ms |")
    md += ["", "Time to a loadable module (generation + C++ build; CPU = user + system time of the process and "
           "its compilers, robust on a loaded machine; wall = elapsed). nestml_go *cold*: empty user cache "
           "(first build on a machine: NEST probed, module compiled without the precompiled header on both "
           "cores; the PCH is then built by a detached background process, *PCH ready* = the wait for it after "
           "the cold build, not included in the cold times); *warm*: user cache filled (after "
           "`nestml-go prepare-nest` or any earlier build), model not cached. pynestml: its generation, then its "
           "sources compiled one translation unit per file, two at a time, as its CMake build does, with the "
           "same compiler and flags. Load: 1-min load average before the cold build.", "",
           "| model | CPU: nestml_go cold | warm | pynestml | speed-up cold | warm "
           "| wall: nestml_go cold | warm | pynestml | speed-up cold | warm | PCH ready | load |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "err" in r:
            continue
        (cw, cc), (ww, wc), (pw, pc) = r["cold"], r["warm"], r["pyn"]
        pch = f"+{r['pch_wait']:.1f} s" if r["pch_ready"] and r["warm_used_pch"] else "no PCH"
        md.append(f"| {r['model']} | {cc:.1f} s | {wc:.1f} s | {pc:.1f} s | {pc/cc:.1f}× | {pc/wc:.1f}× "
                  f"| {cw:.1f} s | {ww:.1f} s | {pw:.1f} s | {pw/cw:.1f}× | {pw/ww:.1f}× | {pch} "
                  f"| {r['load'][0]:.1f} |")
    md += ["", "Targets (issue #6): generation ≥ 500×, loadable module ≥ 2×, unchanged model < 0.5 s.", ""]
    out = os.path.join(ROOT, "bench", "codegen", "results.md")
    with open(out, "w") as f:
        f.write("\n".join(md))
    with open(os.path.join(ROOT, "bench", "codegen", "results.json"), "w") as f:
        json.dump({"loads": loads, "rows": rows}, f, indent=1)
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
