"""Simulator benchmarks of docs/benchmarks.md: nestml_go's engine beside
NEST 3.10 (built-in models) and Brian2 (cpp_standalone), same machine, same
run, same thread count.

    python bench/sim/run.py a        # iaf_psc_exp + Poisson input (2·10^4 neurons; --n 100000: full)
    python bench/sim/run.py b        # aeif_cond_exp (10^3 neurons; --n 10000: full)
    python bench/sim/run.py c        # hh_psc_alpha (10^3 neurons, 0.5 s; --n 10000 --t 1000: full)
    python bench/sim/run.py d        # Brunel network (brunel_alpha, 12 500 neurons, full)
    python bench/sim/run.py e        # Vogels–Abbott COBA (4 000 iaf_cond_exp, full)
    python bench/sim/run.py f        # Brunel with STDP on E→E (5 000 neurons, 1.6·10^6 plastic synapses)
    python bench/sim/run.py a --n 5000 --t 200 --skip brian2 --no-doc

Each case prints a table and replaces its section of docs/benchmarks.md
(between <!-- bench:CASE --> markers); the defaults keep one case, all three
simulators, within about three minutes on the 2-core benchmark machine. Run from the repository root with
the project's venv (.venv: NEST); Brian2 runs in bench/.venv-brian2
(created on first use: Brian2 2.9 needs numpy < 2.4, the project's venv has
2.4). --n and --t scale a case down; the table says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.join(ROOT, "bench", "sim")
BIN = os.path.join(HERE, ".bin")
DOC = os.path.join(ROOT, "docs", "benchmarks.md")
B2_VENV = os.path.join(ROOT, "bench", ".venv-brian2")

# a:  every neuron gets its own Poisson train (4 kHz × 50 pA, exponential PSCs)
# b:  10 kHz × 10 nS excitatory conductance input
# c:  4 kHz × 120 pA alpha PSCs
# full_n/full_t are the sizes; n/t the defaults that keep one run of all three
# simulators within about three minutes on the 2-core benchmark machine (--n/--t override).
CASES = {
    "a": dict(title="(a) 10^5 iaf_psc_exp, Poisson input, 1 s at 0.1 ms", full_n=100_000, full_t=1000.0,
              n=20_000, t=1000.0, rate=4000.0, weight=50.0),
    "b": dict(title="(b) 10^4 aeif_cond_exp, Poisson input, 1 s at 0.1 ms", full_n=10_000, full_t=1000.0,
              n=1_000, t=1000.0, rate=10000.0, weight=10.0),
    "c": dict(title="(c) 10^4 hh_psc_alpha, Poisson input, 1 s at 0.1 ms", full_n=10_000, full_t=1000.0,
              n=1_000, t=500.0, rate=4000.0, weight=120.0),
    "d": dict(title="(d) Brunel balanced network (NEST's brunel_alpha: 10 000 + 2 500 iaf_psc_alpha), 1 s at 0.1 ms",
              full_n=12_500, full_t=1000.0, n=12_500, t=1000.0, ne=10_000, ni=2_500, ce=1000, ci=250, g=5.0, eta=2.0, j=0.1),
    "f": dict(title="(f) STDP network: case (d) at 5 000 neurons (10 % connectivity) with stdp_synapse on E→E, 1 s at 0.1 ms",
              full_n=5_000, full_t=1000.0, n=5_000, t=1000.0, ne=4_000, ni=1_000, ce=400, ci=100, g=5.0, eta=2.0, j=0.1),
    "e": dict(title="(e) Vogels–Abbott COBA (Brette et al. 2007: 3 200 + 800 iaf_cond_exp, 2 %, self-sustained), 1 s at 0.1 ms",
              full_n=4_000, full_t=1000.0, n=4_000, t=1000.0, ne=3_200, ni=800, p=0.02, wex=6.0, win=67.0),
}


def psp_norm(tau_m: float, c_m: float, tau_s: float) -> float:
    """Peak PSP (mV) of a 1 pA alpha PSC (NEST's ComputePSPnorm), by Newton."""
    b = 1.0 / tau_s - 1.0 / tau_m

    def psp(t: float) -> float:
        return math.e / (tau_s * c_m * b) * ((math.exp(-t / tau_m) - math.exp(-t / tau_s)) / b - t * math.exp(-t / tau_s))

    lo, hi = 1e-6, 10 * tau_m  # maximise by golden-section search
    for _ in range(200):
        m1, m2 = lo + 0.382 * (hi - lo), lo + 0.618 * (hi - lo)
        if psp(m1) < psp(m2):
            lo = m1
        else:
            hi = m2
    return psp(0.5 * (lo + hi))


def brunel_params(c: dict) -> dict:
    j_unit = psp_norm(20.0, 250.0, 0.5)
    jex = c["j"] / j_unit
    nu_th = 20.0 / (c["j"] * c["ce"] * 20.0)
    p_rate = 1000.0 * c["eta"] * nu_th * c["ce"]
    return dict(jex=jex, rate=p_rate)


def sh(cmd: list[str], timeout: float, env: dict | None = None) -> dict:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({p.returncode}):\n{p.stderr[-3000:]}")
    line = [ln for ln in p.stdout.splitlines() if ln.startswith("{") or ln.startswith("[")][-1]
    out = json.loads(line)
    if isinstance(out, dict):
        out["process_wall_s"] = time.perf_counter() - t0
    return out


def build_go() -> None:
    os.makedirs(BIN, exist_ok=True)
    for name in ("simbench", "membw"):
        subprocess.run(["go", "build", "-o", os.path.join(BIN, name), f"./bench/sim/{name}"], check=True, cwd=ROOT)


def ensure_brian2() -> str:
    py = os.path.join(B2_VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", B2_VENV], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "numpy<2.4", "brian2"], check=True)
    return py


def run_ours(case: str, cfg: dict, threads: int, native: bool = True, method: str = "") -> dict:
    args = [os.path.join(BIN, "simbench"), "-case", case, "-n", str(cfg["n"]), "-t", str(cfg["t"]), "-threads", str(threads),
            f"-native={'true' if native else 'false'}"]
    if method:
        args += ["-method", method]
    if case in ("d", "f"):
        args += ["-rate", str(cfg["rate"]), "-jex", str(cfg["jex"]), "-g", str(cfg["g"]), "-ce", str(cfg["ce"]),
                 "-ci", str(cfg["ci"]), "-ne", str(cfg["ne"]), "-ni", str(cfg["ni"])]
    elif case == "e":
        args += ["-p", str(cfg["p"]), "-wex", str(cfg["wex"]), "-win", str(cfg["win"]), "-ne", str(cfg["ne"]), "-ni", str(cfg["ni"])]
    else:
        args += ["-rate", str(cfg["rate"]), "-weight", str(cfg["weight"])]
    return sh(args, timeout=900)


# cases whose models have a numeric (RKF45) part, run with and without native kernels
NUMERIC = ("b", "c", "e")
# cases also run with a fixed-step rk4 at the simulation step, the kind of method Brian2 uses
FIXED_STEP = ("b", "c")


def run_nest(case: str, cfg: dict, threads: int) -> dict:
    c = dict(cfg, case=case, threads=threads)
    return sh([sys.executable, os.path.join(HERE, "nest_net.py"), json.dumps(c)], timeout=900)


def run_brian2(case: str, cfg: dict, threads: int) -> dict:
    py = ensure_brian2()
    c = dict(cfg, case=case, threads=threads)
    return sh([py, os.path.join(HERE, "brian2_net.py"), json.dumps(c)], timeout=900)


def trace_check(threads: int) -> dict:
    """V_m of five iaf_psc_exp neurons under the same recorded Poisson
    spike trains (plus a DC current), ours against NEST's built-in."""
    rng = np.random.default_rng(7)
    n, t_ms = 5, 1000.0
    exc_t, exc_w = [], []
    for _ in range(n):
        steps = np.flatnonzero(rng.poisson(0.4, int(t_ms / 0.1) - 20)) + 1
        ts = np.round(steps * 0.1, 1)
        w = np.round(rng.uniform(30, 120, len(ts)) * np.where(rng.random(len(ts)) < 0.2, -1, 1), 3)
        exc_t.append(ts.tolist())
        exc_w.append(w.tolist())
    inp = {"model": "iaf_psc_exp_neuron", "nest_model": "iaf_psc_exp", "n": n, "exc_times": exc_t, "exc_weights": exc_w,
           "dc": 150.0, "record": ["V_m"], "params": {}}
    path = os.path.join(BIN, "trace_input.json")
    with open(path, "w") as f:
        json.dump(inp, f)
    ours = sh([os.path.join(BIN, "simbench"), "-case", "trace", "-input", path, "-t", str(t_ms), "-threads", str(threads)], 300)
    nest = sh([sys.executable, os.path.join(HERE, "nest_net.py"), json.dumps({"case": "trace", "input_path": path, "threads": threads, "t": t_ms})], 300)
    a = np.asarray(ours["traces"]["V_m"])
    b = np.asarray(nest["traces"]["V_m"])
    sa = np.asarray(ours["traces"]["senders"])
    sb = np.asarray(nest["traces"]["senders"])
    # NEST orders samples by time then sender, ours too; compare per sender
    err = 0.0
    for k in np.unique(sb):
        x, y = a[sa == k], b[sb == k]
        m = min(len(x), len(y))
        err = max(err, float(np.max(np.abs(x[:m] - y[:m]) / np.maximum(np.abs(y[:m]), 1e-300))))
    return {"neurons": n, "max_rel_err_V_m": err, "samples": int(len(b)), "spikes_ours": ours["spikes"], "spikes_nest": nest["spikes"],
            "same_spike_count": ours["spikes"] == nest["spikes"]}


def machine() -> dict:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.*)", lscpu)
    cpus = re.search(r"^CPU\(s\):\s*(\d+)", lscpu, re.M)
    l3 = re.search(r"L3 cache:\s*(.*)", lscpu)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    go = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.split()[2]
    import nest  # noqa: F401  (version only)

    return {"cpu": model.group(1).strip() if model else platform.processor(), "cpus": int(cpus.group(1)) if cpus else os.cpu_count(),
            "l3": l3.group(1).strip() if l3 else "?", "mem_gb": round(mem, 1), "go": go, "python": platform.python_version(),
            "nest": nest.__version__}


def fmt(x: float | None, nd: int = 2) -> str:
    if x is None or isinstance(x, str) or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.{nd}f}"


def table(case: str, cfg: dict, res: dict, threads: int, scaled: str, extra: str, mach: dict, loads: tuple) -> str:
    ours = res.get("nestml_go")
    lines = [f"### {CASES[case]['title']}", ""]
    lines.append(f"Run {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, {threads} threads, "
                 f"N = {cfg['n']}, {cfg['t']:g} ms{scaled}. Load average before/after: {loads[0]:.1f} / {loads[1]:.1f} "
                 f"(the machine is shared; CPU time is the steadier figure).")
    lines.append("")
    lines.append("| simulator | version | build s | simulate s (wall) | simulate s (CPU) | incl. compile s | wall ratio | CPU ratio | rate Hz | CV ISI |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in res.items():
        if r is None or "error" in r:
            lines.append(f"| {name} | – | – | – | – | – | – | – | – | {r.get('error', 'skipped') if r else 'skipped'} |")
            continue
        if name.startswith("Brian2"):
            build, sim, cpu, total = r["setup_s"], r["sim_s"], r["run_cpu_s"], r["total_s"]
        else:
            build, sim, cpu = r["build_s"], r["sim_s"], r["sim_cpu_s"]
            total = build + sim
        wr = sim / ours["sim_s"] if ours and name != "nestml_go" else None
        cr = cpu / ours["sim_cpu_s"] if ours and name != "nestml_go" else None
        ver = r.get("version", mach["go"] if name.startswith("nestml_go") else "?")
        if name == "Brian2":
            ver += f" ({r['method']})"
        lines.append(f"| {name} | {ver} | {fmt(build)} | {fmt(sim)} | {fmt(cpu)} | {fmt(total)} | "
                     f"{fmt(wr) + '×' if wr else '1'} | {fmt(cr) + '×' if cr else '1'} | {fmt(r['rate_hz'])} | {fmt(r['cv_isi'], 3)} |")
    lines.append("")
    lines.append("Ratios are the other simulator's simulate time over ours (> 1: we are faster). Brian2's simulate time is "
                 "the loop time its generated program measures; \"incl. compile\" adds code generation and the C++ build.")
    if extra:
        lines += ["", extra]
    return "\n".join(lines) + "\n"


def update_doc(case: str, text: str, mach: dict) -> None:
    os.makedirs(os.path.dirname(DOC), exist_ok=True)
    doc = open(DOC).read() if os.path.exists(DOC) else ""
    start, end = f"<!-- bench:{case} -->", f"<!-- /bench:{case} -->"
    block = f"{start}\n{text}{end}"
    if start in doc:
        doc = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, doc, flags=re.S)
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    open(DOC, "w").write(doc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("case", choices=sorted(CASES) + ["membw"])
    ap.add_argument("--n", type=int, help="population size (scales the case down)")
    ap.add_argument("--t", type=float, help="simulated time in ms")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--skip", default="", help="comma-separated: nest,brian2,go-engine,rk4,gsl (Brian2 with GSL's rkf45)")
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds: every simulator runs once per round, rounds one after the other; the table "
                         "shows each simulator's median run (by wall time) and the range")
    a = ap.parse_args()
    build_go()
    mach = machine()
    if a.case == "membw":
        bw = sh([os.path.join(BIN, "membw")], 300)
        print(json.dumps(bw, indent=1))
        return
    cfg = dict(CASES[a.case])
    scaled = ""
    if a.case in ("d", "f"):
        cfg.update(brunel_params(cfg))
    if a.n:
        cfg["n"] = a.n
        if a.case in ("d", "e", "f"):
            cfg["ne"], cfg["ni"] = a.n * 4 // 5, a.n // 5
    if a.t:
        cfg["t"] = a.t
    if cfg["n"] != cfg["full_n"]:
        scaled += f" (scaled down from {cfg['full_n']} to fit the 3-minute budget; --n {cfg['full_n']} for the full size)"
    if cfg["t"] != cfg["full_t"]:
        scaled += f" (time scaled from {cfg['full_t']:g} ms)"
    skip = set(filter(None, a.skip.split(",")))
    loads = [os.getloadavg()[0]]
    res: dict = {}
    sims = [("nestml_go", run_ours)]
    if a.case in NUMERIC:
        # the same run in the Go engine alone (no native RKF45 kernels)
        sims.append(("nestml_go (Go engine)", lambda c, g, t: run_ours(c, g, t, native=False)))
    if a.case in FIXED_STEP:
        # Brian2's kind of method: a fixed-step rk4 (create(..., solver={"numeric_solver": "rk4"}))
        sims.append(("nestml_go (rk4)", lambda c, g, t: run_ours(c, g, t, method="rk4")))
    sims += [("NEST", run_nest), ("Brian2", run_brian2)]
    if a.case in FIXED_STEP:
        # Brian2 with GSL's adaptive rkf45 and NEST's error bounds: the same
        # kind of algorithm as ours and NEST's (brian2_net.py)
        sims.append(("Brian2 (gsl_rkf45)", lambda c, g, t: run_brian2(c, dict(g, method="gsl_rkf45"), t)))
    runs: dict = {}
    for rnd in range(max(1, a.repeat)):
        for name, fn in sims:
            if (name.lower() in skip or (name == "nestml_go (Go engine)" and "go-engine" in skip)
                    or (name == "nestml_go (rk4)" and "rk4" in skip) or (name.startswith("Brian2") and "brian2" in skip)
                    or (name == "Brian2 (gsl_rkf45)" and "gsl" in skip)):
                res[name] = None
                continue
            if rnd > 0 and name == "nestml_go (Go engine)":
                continue  # the slow reference row: once
            print(f"[{a.case}] round {rnd + 1}: running {name} …", file=sys.stderr, flush=True)
            try:
                runs.setdefault(name, []).append(fn(a.case, cfg, a.threads))
            except Exception as e:  # a failing simulator is reported, not fatal
                runs.setdefault(name, []).append({"error": str(e).splitlines()[0][:120]})
                print(e, file=sys.stderr)
    spread = []
    for name, rs in runs.items():
        ok = sorted((r for r in rs if "error" not in r), key=lambda r: r["sim_s"])
        res[name] = ok[(len(ok) - 1) // 2] if ok else rs[0]  # the median run (the lower one of an even count)
        if len(ok) > 1:
            spread.append(f"{name} {fmt(ok[0]['sim_s'])}–{fmt(ok[-1]['sim_s'])} s")
    res = {name: res.get(name) for name, _ in sims}
    loads.append(os.getloadavg()[0])
    extra = []
    ours = res.get("nestml_go")
    if ours and "error" not in ours and ours.get("plastic_synapses"):
        extra.append(f"Plastic synapses: {ours['plastic_synapses']} stdp_synapse connections at "
                     f"{', '.join(str(b) for b in ours['plastic_bytes_per_synapse'])} bytes each (record plus per-synapse state).")
    if ours and "error" not in ours and ours.get("synapses"):
        extra.append(f"Memory: {ours['synapses']} static synapses held in {ours['synapse_bytes'] / 1e6:.1f} MB = "
                     f"{ours['synapse_bytes'] / ours['synapses']:.2f} bytes per synapse (16-byte records plus row offsets); "
                     f"Go heap after the run {ours['heap_mb']:.0f} MB.")
    rk4, b2 = res.get("nestml_go (rk4)"), res.get("Brian2")
    if rk4 and b2 and "error" not in rk4 and "error" not in b2:
        extra.append(f"Fixed-step methods side by side: Brian2 ({b2['method']}) {b2['sim_s'] / rk4['sim_s']:.2f}× wall, "
                     f"{b2['run_cpu_s'] / rk4['sim_cpu_s']:.2f}× CPU the time of nestml_go with rk4 at the same step "
                     f"(> 1: we are faster).")
    gsl = res.get("Brian2 (gsl_rkf45)")
    if ours and gsl and "error" not in ours and "error" not in gsl:
        extra.append(f"Adaptive RKF45 side by side: Brian2 with GSL's rkf45 and NEST's error bounds takes "
                     f"{gsl['sim_s'] / ours['sim_s']:.2f}× the wall time of nestml_go (> 1: we are faster). Brian2 {gsl['version']} "
                     f"integrates with GSL on one thread while its OpenMP worker waits (its CPU time counts the waiting), so "
                     f"per core of work the ratio is at least Brian2's wall time over our CPU time, "
                     f"{gsl['sim_s'] / ours['sim_cpu_s']:.2f}×.")
    if a.case == "a" and "nest" not in skip:
        tc = trace_check(a.threads)
        res_tc = (f"Correctness beside the timing: V_m of {tc['neurons']} iaf_psc_exp neurons driven by the same recorded spike "
                  f"trains and a DC current for 1 s, ours against NEST's built-in: max relative error {tc['max_rel_err_V_m']:.2e} "
                  f"over {tc['samples']} samples; spike counts {tc['spikes_ours']} vs {tc['spikes_nest']}.")
        extra.append(res_tc)
        print(res_tc, file=sys.stderr)
    if spread:
        extra.insert(0, f"Each simulator ran {a.repeat} times, in {a.repeat} rounds one after the other; the table shows "
                        f"its median run (by wall time). Wall-time range: {', '.join(spread)}.")
    text = table(a.case, cfg, res, a.threads, scaled, "\n\n".join(extra), mach, tuple(loads))
    print(text)
    print(json.dumps(res, indent=1, default=str), file=sys.stderr)
    if not a.no_doc:
        update_doc(a.case, text, mach)


if __name__ == "__main__":
    main()
