"""Code generation speed: nestml_go vs pynestml 9.0.0, same models, same run.

For each model (our library's 9.0-syntax files, which pynestml 9.0 accepts):

1. *generate C++*: nestml_go ``generate_nest_target(..., codegen_opts={"build": False})``
   in process (best of 3 after a warm-up) vs pynestml 9.0.0's ``generate_nest_target``
   in its own venv with its builder disabled (time measured inside that process, after
   import);
2. *to a loadable module*: generation plus compiling the sources into a NEST module, as
   wall time and CPU time (user + system, the process and its compilers), ``--repeat``
   runs per model (default 3), interleaved, medians reported. nestml_go runs its whole
   pipeline (``generate_nest_target`` with the build, including locating NEST) twice in
   fresh target directories, each time as a new process would (the in-process memos of
   ``find_nest`` and of the symbol check cleared): *cold* with an empty user cache
   (nothing remembered: NEST is located, the module compiles without the precompiled
   header (PCH) of NEST's headers, which is then built by a detached background process;
   its time until ready is reported separately, it is not in the cold times) and *warm*
   with that cache (the state after ``nestml-go prepare-nest`` or any earlier build).
   pynestml runs its whole pipeline too: ``generate_nest_target`` with its own builder
   (CMake configure, ``make -j2``, ``make install``, the flags of ``nest-config
   --cflags``), timed inside its process after import. The pip wheel's ``nest-config``
   names the wheel's build machine (compiler, paths), so pynestml gets ``nest_path`` =
   a prefix whose ``bin/nest-config`` is a shim (``NEST_CONFIG_SHIM``) answering with
   this machine's compiler and the installed headers; the module it installs is loaded
   into NEST and its neuron created (``LOAD_CHECK``, first run, not timed). As a
   conservative second comparison, pynestml's generated sources are also
   compiled by nestml_go's direct build path (``python/nestml_go/_nestbuild.py``) with
   nestml_go's flags, one translation unit per ``.cpp``, no PCH, no CMake;
3. *unchanged model*: nestml_go regenerating and "rebuilding" the same model again (the
   content-hash build cache).

Usage (repository root, after .ci/setup):
    .venv/bin/python bench/codegen/bench_codegen.py [--repeat 3] [--models a,b] [--pynestml-venv bench/.venv-pynestml]
Writes bench/codegen/results.md (and the raw numbers to results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
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

# pynestml's whole pipeline as a user runs it: generation, then its own builder
# (CMake configure, ``make -j<cores>``, ``make install``) with the flags of
# ``nest-config --cflags``; ``nest_path`` names a prefix whose bin/nest-config
# is the shim below.
PYNESTML_FULL = r'''
import json, os, resource, sys, time
from pynestml.frontend.pynestml_frontend import generate_nest_target
src, target, module, install, nest_path = sys.argv[1:6]
t0, c0 = time.perf_counter(), time.process_time()
generate_nest_target(src, target, install_path=install, module_name=module, logging_level="ERROR",
                     codegen_opts={"nest_path": nest_path})
k = resource.getrusage(resource.RUSAGE_CHILDREN)
print("RESULT " + json.dumps({"seconds": time.perf_counter() - t0,
                             "cpu": time.process_time() - c0 + k.ru_utime + k.ru_stime,
                             "built": os.path.isfile(os.path.join(install, module + ".so"))}))
'''

LOAD_CHECK = r'''
import sys
import nest
nest.Install(sys.argv[1])
nest.Create(sys.argv[2])
print("LOADED")
'''

# The pip wheel's nest-config describes the machine the wheel was built on
# (its compiler, include and library paths do not exist here; nest_target.md,
# pitfall P1), so pynestml's CMake build cannot use it as it is. This shim
# answers with this machine's compiler and NEST's installed headers, no NEST
# libraries (a module is loaded into the running NEST), and the wheel's own
# --cflags plus the C++ ABI macro of the wheel, without which the module could
# not load; everything else is the wheel's nest-config.
NEST_CONFIG_SHIM = """#!/bin/sh
case "$1" in
  --compiler) echo {cxx} ;;
  --includes) echo "-I{include}" ;;
  --prefix) echo {prefix} ;;
  --libs) echo "" ;;
  --cflags) echo "$({real} --cflags) {abi}" ;;
  *) exec {real} "$@" ;;
esac
"""


def nest_config_shim(tmp: str, nest) -> str:
    """A NEST prefix for pynestml's ``nest_path``: bin/nest-config is
    :data:`NEST_CONFIG_SHIM` over the wheel's nest-config."""
    real = os.path.join(os.path.dirname(nest.python), "nest-config")
    if not os.path.isfile(real):
        real = shutil.which("nest-config") or real
    prefix = os.path.join(tmp, "nest_prefix")
    os.makedirs(os.path.join(prefix, "bin"), exist_ok=True)
    path = os.path.join(prefix, "bin", "nest-config")
    with open(path, "w") as f:
        f.write(NEST_CONFIG_SHIM.format(cxx=_nestbuild._find_cxx(None), include=nest.include_dir, prefix=prefix,
                                        real=real, abi=" ".join(nest.abi_flags)))
    os.chmod(path, 0o755)
    return prefix


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


def median_pair(pairs: list) -> tuple:
    """Element-wise median of (wall, CPU) pairs."""
    return tuple(statistics.median(p[i] for p in pairs) for i in range(2))


def measure_once(tmp: str, m: str, src: str, mod: str, rep: int, py: str, nest, quiet,
                 pgen_dir: str, pyn_gen: tuple, shim: str) -> dict:
    """One repetition of step 2 for model m: pynestml's whole pipeline (its
    generation and its CMake build), nestml_go cold (empty user cache; the
    background PCH waited for afterwards), nestml_go warm, and pynestml's
    generated sources compiled with nestml_go's build path and flags."""
    ptarget, pinstall = os.path.join(tmp, f"pyn_full_{m}_{rep}"), os.path.join(tmp, f"pyn_inst_{m}_{rep}")
    proc = subprocess.run([py, "-c", PYNESTML_FULL, src, ptarget, "p" + mod, pinstall, shim],
                          capture_output=True, text=True)
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    full = json.loads(line[-1][7:]) if line else {}
    if not full.get("built"):
        return {"err": "pynestml's build: " + (proc.stderr or proc.stdout)[-300:]}
    if rep == 0:  # the module pynestml built and installed loads into NEST (not timed)
        so = os.path.join(pinstall, "p" + mod + ".so")
        load = subprocess.run([nest.python, "-c", LOAD_CHECK, so, m], capture_output=True, text=True,
                              env=dict(os.environ, PYNEST_QUIET="1"))
        if "LOADED" not in load.stdout:
            return {"err": "pynestml's module does not load: " + (load.stderr or load.stdout)[-300:]}
    # "cold": an empty user cache, so NEST is located and the module compiles
    # without the precompiled header, which a background process then builds;
    # "warm": that PCH reused (the per-directory content-hash cache misses in
    # fresh target directories).
    os.environ["NESTML_GO_CACHE_DIR"] = os.path.join(tmp, f"cache_{m}_{rep}")
    otarget = os.path.join(tmp, f"ours_cold_{m}_{rep}")
    fresh_process_state()
    load_before = os.getloadavg()[0]
    cold = timed(lambda: ng.generate_nest_target(src, otarget, module_name=mod, logging_level="NONE"))
    with open(os.path.join(otarget, "nestml_go_build.json")) as f:
        cold_record = json.load(f)
    # the PCH, built in the background after the cold build: wait for it
    t0 = time.perf_counter()
    flags = _nestbuild._cxxflags(nest)
    cxx = _nestbuild._find_cxx(None)
    pch_ready = _pch.wait_for_pch(cxx, flags, nest.version, nest.include_dir) is not None
    pch_wait = time.perf_counter() - t0
    fresh_process_state()
    wtarget = os.path.join(tmp, f"ours_warm_{m}_{rep}")
    warm = timed(lambda: ng.generate_nest_target(src, wtarget, module_name=mod, logging_level="NONE"))
    with open(os.path.join(wtarget, "nestml_go_build.json")) as f:
        warm_record = json.load(f)
    # pynestml's sources compiled by nestml_go's build path: one translation
    # unit per .cpp, two at a time, no PCH (its sources cannot share a unity
    # TU: unguarded nest_impl.h), nestml_go's flags
    edir = os.path.join(tmp, f"pyn_ours_{m}_{rep}")
    shutil.copytree(pgen_dir, edir)
    gsl = any("gsl_odeiv" in open(os.path.join(edir, f), errors="replace").read()
              for f in os.listdir(edir) if f.endswith((".cpp", ".h")))
    pbuild = timed(lambda: build_module(edir, "p" + mod, nest, progress=quiet, unity=False, pch=False,
                                        extra_ldflags=["-lgsl", "-lgslcblas"] if gsl else []))
    return {"cold": cold, "warm": warm, "pyn_full": (full["seconds"], full["cpu"]),
            "pyn": (pyn_gen[0] + pbuild[0], pyn_gen[1] + pbuild[1]), "otarget": otarget,
            "pch_wait": pch_wait, "pch_ready": pch_ready, "warm_used_pch": bool(warm_record.get("pch")),
            "load": [load_before, os.getloadavg()[0]],
            "cold_build": {k: cold_record.get(k) for k in ("build_seconds", "compile_seconds")}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pynestml-venv", default=os.path.join(ROOT, "bench", ".venv-pynestml"))
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--repeat", type=int, default=3,
                    help="repetitions of the builds per model (medians reported; default 3)")
    args = ap.parse_args()
    py = ensure_pynestml(args.pynestml_venv)
    nest = find_nest()
    quiet = lambda *a, **k: None  # noqa: E731
    rows = []
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        shim = nest_config_shim(tmp, nest)
        for m in args.models.split(","):
            src = os.path.join(tmp, m + ".nestml")
            with open(src, "w") as f:
                f.write(ng.library_source(m))
            mod = "b" + m.replace("_", "") + "module"
            # 1. generation
            ours_gen = best(lambda: ng.generate_nest_target(src, os.path.join(tmp, "ours_gen_" + m), module_name=mod,
                                                            logging_level="NONE", codegen_opts={"build": False}))
            pgen_dir = os.path.join(tmp, "pyn_gen_" + m)
            proc = subprocess.run([py, "-c", PYNESTML, src, pgen_dir, "p" + mod], capture_output=True, text=True)
            line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
            if not line:
                rows.append({"model": m, "ours_gen": ours_gen, "err": proc.stderr[-300:]})
                continue
            pyn = json.loads(line[-1][7:])
            runs = []
            for rep in range(args.repeat):
                run = measure_once(tmp, m, src, mod, rep, py, nest, quiet, pgen_dir,
                                   (pyn["seconds"], pyn["cpu"]), shim)
                if "err" in run:
                    runs = [run]
                    break
                runs.append(run)
                loads.append(os.getloadavg()[0])
            if "err" in runs[0]:
                rows.append({"model": m, "ours_gen": ours_gen, "err": runs[0]["err"]})
                continue
            # 3. unchanged model
            t0 = time.perf_counter()
            ng.generate_nest_target(src, runs[0]["otarget"], module_name=mod, logging_level="NONE")
            regen = time.perf_counter() - t0
            rows.append({"model": m, "ours_gen": ours_gen, "regen": regen, "runs": runs,
                         **{k: median_pair([r[k] for r in runs]) for k in ("cold", "warm", "pyn", "pyn_full")},
                         "pyn_gen": pyn["seconds"],
                         "pch_wait": statistics.median(r["pch_wait"] for r in runs),
                         "pch_ready": all(r["pch_ready"] for r in runs),
                         "warm_used_pch": all(r["warm_used_pch"] for r in runs),
                         "load": [min(r["load"][0] for r in runs), max(r["load"][0] for r in runs)]})
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
    md += ["", "Time to a loadable module: generation plus C++ build, wall time (elapsed), medians of "
           f"{args.repeat} runs per model, the runs interleaved. *pynestml*: its `generate_nest_target` with its "
           "own builder, as a user runs it (generation, CMake configure, `make -j2`, `make install`; the flags of "
           "`nest-config --cflags`), measured inside its process after import; the wheel's `nest-config` describes "
           "the machine the wheel was built on, so `nest_path` points at a shim that gives this machine's compiler "
           "and NEST's headers (bench_codegen.py, `NEST_CONFIG_SHIM`); the module it installs loads into NEST. "
           "nestml_go *cold*: empty user cache (the first build on a machine: NEST located, the module compiled "
           "without the precompiled header (PCH) on both cores; the PCH is then built by a detached background "
           "process, *PCH ready* = the wait for it after the cold build, not in the cold time); *warm*: user cache "
           "filled (after `nestml-go prepare-nest` or any earlier build), model not cached. *Per run*: each run's "
           "cold speed-up on its own. Load: 1-min load average before the cold builds (lowest–highest).", "",
           "| model | nestml_go cold | warm | pynestml | speed-up cold | warm | cold, per run | PCH ready | load |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "err" in r:
            continue
        (cw, _), (ww, _), (fw, _) = r["cold"], r["warm"], r["pyn_full"]
        pch = f"+{r['pch_wait']:.1f} s" if r["pch_ready"] and r["warm_used_pch"] else "no PCH"
        per_run = ", ".join(f"{x['pyn_full'][0] / x['cold'][0]:.1f}×" for x in r["runs"])
        md.append(f"| {r['model']} | {cw:.1f} s | {ww:.1f} s | {fw:.1f} s | {fw/cw:.1f}× | {fw/ww:.1f}× "
                  f"| {per_run} | {pch} | {r['load'][0]:.1f}–{r['load'][1]:.1f} |")
    md += ["", "The same builds in CPU time (user + system of the process and its compilers, robust on a loaded "
           "machine), and against a *conservative* pynestml: its generation plus its generated sources compiled "
           "by nestml_go's build path with nestml_go's flags (`-O2` and GCC's garbage-collector parameters "
           "instead of its `-O3`), one translation unit per file, two at a time, no CMake.", "",
           "| model | CPU: nestml_go cold | warm | pynestml | speed-up cold | warm "
           "| wall: conservative pynestml | speed-up cold | warm | cold, per run |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "err" in r:
            continue
        (cw, cc), (ww, wc), (pw, _), (_, fc) = r["cold"], r["warm"], r["pyn"], r["pyn_full"]
        per_run = ", ".join(f"{x['pyn'][0] / x['cold'][0]:.1f}×" for x in r["runs"])
        md.append(f"| {r['model']} | {cc:.1f} s | {wc:.1f} s | {fc:.1f} s | {fc/cc:.1f}× | {fc/wc:.1f}× "
                  f"| {pw:.1f} s | {pw/cw:.1f}× | {pw/ww:.1f}× | {per_run} |")
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
