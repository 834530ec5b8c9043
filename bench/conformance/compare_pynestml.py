#!/usr/bin/env python3
"""Compare nestml_go's checker with pynestml 9.0.0 and the recorded 8.3 verdicts.

For every file of the conformance corpus (``upstream_verdicts.tsv``):

* pynestml 9.0.0 (installed from PyPI into ``bench/.venv-pynestml``, created if
  absent) parses the file and runs its symbol table and context conditions,
  exactly as its frontend does for ``--target_platform NONE`` (ModelParser,
  then CoCosManager for every model without a phase-3 error);
* nestml_go checks it with the default settings (``nestml-go check --json``,
  level 9.0, lenient);
* both are compared with the recorded upstream 8.3 verdict.

Parse+check time per file is measured for both tools in the same run
(pynestml in-process after a warm-up pass; nestml_go in-process through its
Python package, which calls the native library, also after a warm-up).

Usage (from the repository root)::

    python3 bench/conformance/compare_pynestml.py [--out results.json] [--md report.md]
                                                  [--nestml-go PATH] [--fresh-lib]

``--fresh-lib`` builds the native library from the current Go tree into a
temporary directory and points nestml-go at it (``NESTML_GO_LIBRARY``), so
the comparison reflects uncommitted checker changes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = (ROOT / ".." / "shared" / "corpus" / "nestml-upstream").resolve()
VENV = ROOT / "bench" / ".venv-pynestml"
OURS_PY = ROOT / ".venv" / "bin" / "python"
PYNESTML_VERSION = "9.0.0"


# --------------------------------------------------------------------------
# workers (run inside the respective virtual environments)

def worker_pynestml(files: list[str], repeat: int) -> dict:
    """Validate each file with pynestml; return errors, warnings and times."""
    import io
    import contextlib

    from pynestml.frontend.frontend_configuration import FrontendConfiguration
    from pynestml.frontend.pynestml_frontend import init_predefined
    from pynestml.utils.logger import Logger, LoggingLevel
    from pynestml.utils.model_parser import ModelParser
    from pynestml.cocos.co_cos_manager import CoCosManager

    FrontendConfiguration.target_platform = "NONE"
    FrontendConfiguration.codegen_opts = {}
    Logger.no_print = True
    Logger.init_logger(LoggingLevel.NO)
    init_predefined()

    def run(path: str):
        Logger.init_logger(LoggingLevel.NO)
        crashed = ""
        sink = io.StringIO()
        t0 = time.perf_counter()
        try:
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                unit = ModelParser.parse_file(path)
                if unit is not None:
                    CoCosManager.check_model_names_unique(unit)
                    for model in unit.get_model_list():
                        if not Logger.has_errors(model):
                            CoCosManager.check_cocos(model)
        except Exception as e:  # upstream crashes on some inputs (checks.md §6 item 7)
            crashed = f"{type(e).__name__}: {e}"
        dt = time.perf_counter() - t0
        errors, warnings = [], []
        for (_artifact, _node, level, code, pos, msg) in Logger.get_log().values():
            line = pos.start_line if pos is not None else None
            rec = {"line": line, "code": code.name if code is not None else "PARSER_OR_LEXER", "message": str(msg)[:300]}
            if level == LoggingLevel.ERROR:
                errors.append(rec)
            elif level == LoggingLevel.WARNING:
                warnings.append(rec)
        return errors, warnings, crashed, dt

    out = {}
    for f in files:  # warm-up pass (imports, ANTLR caches)
        run(f)
    for f in files:
        times = []
        for _ in range(repeat):
            errors, warnings, crashed, dt = run(f)
            times.append(dt)
        out[f] = {"errors": errors, "warnings": warnings, "crashed": crashed, "seconds": min(times)}
    import pynestml
    return {"version": getattr(pynestml, "__version__", "?"), "files": out}


def worker_ours(files: list[str], repeat: int) -> dict:
    """Time nestml_go's parse+check per file through its Python package."""
    from nestml_go.frontend import check_file

    out = {}
    for f in files:  # warm-up
        check_file(f)
    for f in files:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            check_file(f)
            times.append(time.perf_counter() - t0)
        out[f] = {"seconds": min(times)}
    return {"files": out}


# --------------------------------------------------------------------------
# orchestration

def read_verdicts() -> list[dict]:
    rows = []
    with open(CORPUS / "upstream_verdicts.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            lines = [int(x) for x in cols[2].split(",") if x.strip().isdigit()] if len(cols) > 2 and cols[2] else []
            rows.append({"file": cols[0], "valid": cols[1] == "valid", "error_lines": lines,
                         "codes": cols[3] if len(cols) > 3 else ""})
    return rows


def ensure_venv() -> Path:
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(py), "-c", "import importlib.metadata as m; print(m.version('nestml'))"],
                           capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.strip() != PYNESTML_VERSION:
        subprocess.run([str(py), "-m", "pip", "install", "-q", f"nestml=={PYNESTML_VERSION}"], check=True)
    return py


def run_worker(python: Path, mode: str, files: list[str], repeat: int, env=None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(files, fh)
        listing = fh.name
    try:
        proc = subprocess.run([str(python), str(Path(__file__).resolve()), f"--worker-{mode}", listing,
                               "--repeat", str(repeat)], capture_output=True, text=True, env=env)
    finally:
        os.unlink(listing)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} worker failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def ours_diagnostics(nestml_go: str, files: list[str], env) -> dict[str, list[dict]]:
    proc = subprocess.run([nestml_go, "check", "--json", *files], capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"nestml-go check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    by_file: dict[str, list[dict]] = {f: [] for f in files}
    for rec in json.loads(proc.stdout):
        by_file.setdefault(rec["file"], []).append(rec)
    return by_file


def build_fresh_lib() -> str:
    d = tempfile.mkdtemp(prefix="nestml_go_lib_")
    lib = os.path.join(d, "_libnestml.so")
    subprocess.run(["go", "build", "-buildmode=c-shared", "-trimpath", "-o", lib, "./pybind"], cwd=ROOT, check=True)
    return lib


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--worker-pynestml", metavar="LIST", help=argparse.SUPPRESS)
    ap.add_argument("--worker-ours", metavar="LIST", help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=3, help="timed repetitions per file (minimum is kept)")
    ap.add_argument("--nestml-go", default=str(ROOT / ".venv" / "bin" / "nestml-go"), help="nestml-go executable")
    ap.add_argument("--fresh-lib", action="store_true", help="build the native library from the current tree first")
    ap.add_argument("--out", help="write the raw results as JSON")
    ap.add_argument("--md", help="write the markdown report here (default: stdout)")
    args = ap.parse_args()

    for mode, fn in (("pynestml", worker_pynestml), ("ours", worker_ours)):
        listing = getattr(args, f"worker_{mode}")
        if listing:
            files = json.load(open(listing, encoding="utf-8"))
            print(json.dumps(fn(files, args.repeat)))
            return 0

    rows = read_verdicts()
    files = [str(CORPUS / r["file"]) for r in rows]
    env = dict(os.environ)
    if args.fresh_lib:
        env["NESTML_GO_LIBRARY"] = build_fresh_lib()

    blocked = ""
    pyn = None
    try:
        py = ensure_venv()
        pyn = run_worker(py, "pynestml", files, args.repeat)
    except Exception as e:  # record the exact failure as blocked evidence
        blocked = f"{type(e).__name__}: {e}"
    ours = ours_diagnostics(args.nestml_go, files, env)
    ours_t = run_worker(OURS_PY, "ours", files, args.repeat, env=env)

    results = []
    for r, f in zip(rows, files):
        our_errs = [d for d in ours.get(f, []) if d["severity"] == "error"]
        our_lines = {d["line"] for d in our_errs}
        res = {"file": r["file"], "v83_valid": r["valid"], "v83_lines": r["error_lines"],
               "ours_valid": not our_errs, "ours_lines": sorted(our_lines),
               "ours_codes": sorted({d["code"] for d in our_errs}),
               "ours_seconds": ours_t["files"][f]["seconds"]}
        if pyn is not None:
            p = pyn["files"][f]
            res.update({"v90_valid": not p["errors"] and not p["crashed"],
                        "v90_lines": sorted({e["line"] for e in p["errors"] if e["line"] is not None}),
                        "v90_codes": sorted({e["code"] for e in p["errors"]}),
                        "v90_crashed": p["crashed"], "v90_seconds": p["seconds"],
                        "v90_errors": p["errors"]})
        results.append(res)

    report = render(results, pyn, blocked)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump({"pynestml": pyn and pyn["version"], "blocked": blocked, "results": results}, fh, indent=1)
    if args.md:
        Path(args.md).write_text(report, encoding="utf-8")
    else:
        print(report)
    return 0


def render(results: list[dict], pyn, blocked: str) -> str:
    n = len(results)
    out = []
    agree83 = sum(r["ours_valid"] == r["v83_valid"] for r in results)
    lines83 = sum(len(r["v83_lines"]) for r in results if not r["v83_valid"])
    cov83 = sum(sum(l in r["ours_lines"] for l in r["v83_lines"]) for r in results if not r["v83_valid"])
    out.append(f"files: {n}")
    out.append(f"nestml_go vs upstream 8.3 (recorded): same verdict {agree83}/{n}; upstream error lines with an error "
               f"of ours on the primary line {cov83}/{lines83} (related locations are not in the JSON records)")
    if pyn is None:
        out.append(f"pynestml {PYNESTML_VERSION}: BLOCKED: {blocked}")
        return "\n".join(out) + "\n"
    agree90 = sum(r["ours_valid"] == r["v90_valid"] for r in results)
    agree8390 = sum(r["v83_valid"] == r["v90_valid"] for r in results)
    out.append(f"pynestml {pyn['version']} vs upstream 8.3: same verdict {agree8390}/{n}")
    out.append(f"nestml_go vs pynestml {pyn['version']}: same verdict {agree90}/{n}")
    out.append("")
    out.append("| file | 8.3 | 9.0 | nestml_go | 9.0 error lines: codes |")
    out.append("| --- | --- | --- | --- | --- |")
    v = lambda b: "valid" if b else "invalid"
    for r in results:
        if r["v83_valid"] == r["v90_valid"] == r["ours_valid"]:
            continue
        detail = "; ".join(sorted({f"{e['line']}: {e['code']}" for e in r["v90_errors"]}))
        if r["v90_crashed"]:
            detail = (detail + "; " if detail else "") + "crash: " + r["v90_crashed"][:120]
        out.append(f"| `{r['file']}` | {v(r['v83_valid'])} | {v(r['v90_valid'])} | {v(r['ours_valid'])} | {detail} |")
    t90 = [r["v90_seconds"] for r in results]
    tgo = [r["ours_seconds"] for r in results]
    ratios = sorted(a / b for a, b in zip(t90, tgo) if b > 0)
    med = ratios[len(ratios) // 2]
    out.append("")
    out.append(f"parse+check time, sum over {n} files: pynestml {sum(t90):.3f} s, nestml_go {sum(tgo):.4f} s "
               f"(ratio of sums {sum(t90) / sum(tgo):.0f}x; per-file ratio median {med:.0f}x, "
               f"min {ratios[0]:.0f}x, max {ratios[-1]:.0f}x)")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
