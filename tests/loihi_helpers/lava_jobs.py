"""Runs Lava jobs for tests/test_loihi.py inside the Lava venv (.venv-lava,
Python 3.10, lava-nc 0.10.0, nir): this file is executed by that
interpreter, never imported by the main test environment.

    .venv-lava/bin/python lava_jobs.py jobs.json results.json

jobs.json is a list of jobs:

* {"kind": "example", "target", "module", "model", "precision", "stock",
   "steps", "stimulus", "out"}: run the generated run_example.run() and save
   its arrays to out (.npz);
* {"kind": "nir", "json", "out"}: write the NIR graph with the generated
   nir_export.write_nir, read it back with nir.read and report node types,
   parameters and edges;
* {"kind": "g2", "out"}: the NIR paper's LIF trace (loihi_target.md §10 G2)
   through Lava's stock LIF + Dense under fixed_pt.

results.json maps job index to {"ok": bool, "error": str, "seconds": float, ...}.
"""

import importlib
import json
import sys
import time
import traceback

import numpy as np


def run_example(job):
    sys.path.insert(0, job["target"])
    mod = importlib.import_module("%s.%s.run_example" % (job["module"], job["model"]))
    out = mod.run(job["precision"], job.get("steps"), job.get("stimulus"), job.get("stock", False))
    np.savez(job["out"], **out)
    return {"spikes": int(np.sum(out["spikes"] != 0))}


def nir_roundtrip(job):
    import nir

    sys.path.insert(0, job["target"])
    exp = importlib.import_module("%s.nir_export" % job["module"])
    exp.write_nir(job["json"], job["out"])
    g = nir.read(job["out"])
    nodes = {}
    for name, node in g.nodes.items():
        d = {"type": type(node).__name__}
        for field in ("tau_syn", "tau_mem", "tau", "r", "v_leak", "v_threshold", "v_reset", "w_in", "weight", "delay"):
            if hasattr(node, field) and getattr(node, field) is not None:
                d[field] = np.asarray(getattr(node, field), dtype=float).tolist()
        nodes[name] = d
    edges = sorted([list(map(str, e)) for e in g.edges])
    return {"nodes": nodes, "edges": edges, "metadata": {k: (v if isinstance(v, (str, int, float)) else str(v)) for k, v in (g.metadata or {}).items()}}


def g2(job):
    from lava.magma.core.run_conditions import RunSteps
    from lava.magma.core.run_configs import Loihi2SimCfg
    from lava.proc.dense.process import Dense
    from lava.proc.io.source import RingBuffer
    from lava.proc.lif.process import LIF
    from lava.proc.monitor.process import Monitor

    rows = [60, 220, 270, 310, 320, 350, 370, 400, 410, 430, 440, 450, 460, 470, 480, 490, 500,
            510, 520, 530, 670, 680, 690, 700, 710, 720, 730, 740, 750, 760, 770, 780, 840, 850]
    steps = 1000
    data = np.zeros((1, steps))
    data[0, rows] = 1
    src = RingBuffer(data=data)
    dense = Dense(weights=np.array([[10]]))
    lif = LIF(shape=(1,), du=4095, dv=163, vth=25, bias_mant=0, bias_exp=0)
    src.s_out.connect(dense.s_in)
    dense.a_out.connect(lif.a_in)
    mv, ms = Monitor(), Monitor()
    mv.probe(lif.v, steps)
    ms.probe(lif.s_out, steps)
    try:
        lif.run(condition=RunSteps(num_steps=steps), run_cfg=Loihi2SimCfg(select_tag="fixed_pt"))
        v = np.asarray(mv.get_data()[lif.name]["v"]).ravel()
        s = np.asarray(ms.get_data()[lif.name]["s_out"]).ravel()
    finally:
        lif.stop()
    return {"v": v.astype(int).tolist(), "spike_rows": np.nonzero(s)[0].tolist()}


def main():
    jobs = json.load(open(sys.argv[1]))
    results = {}
    for i, job in enumerate(jobs):
        t0 = time.time()
        try:
            fn = {"example": run_example, "nir": nir_roundtrip, "g2": g2}[job["kind"]]
            r = fn(job)
            r["ok"] = True
        except Exception:
            r = {"ok": False, "error": traceback.format_exc()}
        r["seconds"] = time.time() - t0
        results[str(i)] = r
    json.dump(results, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
