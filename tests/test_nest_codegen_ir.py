"""The NEST C++ printer (gocore/codegen/nest) against NEST's built-in iaf_psc_exp.

The generated module comes from the hand-built ir.Model of iaf_psc_exp in
gocore/codegen/nest/iaf_psc_exp_ir_test.go (not from the parser and the
lowering): ``go test -run TestWriteIafPscExp`` writes the sources, the direct
build path (python/nestml_go/_nestbuild.py) compiles them, and each case runs
NEST's ``iaf_psc_exp`` and the generated ``iaf_psc_exp_neuron`` side by side in
one fresh NEST process with identical input: spike generators with positive,
negative and mixed weights and a dc_generator pulse. V_m is recorded every
step and compared with rtol 1e-9; spike times must be identical.

Needs NEST (skipped unless CI=true), the Go toolchain and a C++ compiler.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from _nestutil import require_nest

REPO = Path(__file__).resolve().parents[1]
MODULE = "codegenirtestmodule"
RTOL_VM = 1e-9

# (shared params, built-in only, generated only, dc amplitude)
CASES = {
    "defaults": ({}, {}, {}, 380.0),
    "equal_taus_10": ({"tau_m": 10.0}, {"tau_syn_ex": 10.0, "tau_syn_in": 10.0},
                      {"tau_syn_exc": 10.0, "tau_syn_inh": 10.0}, 380.0),
    "equal_taus_2": ({"tau_m": 2.0}, {"tau_syn_ex": 2.0, "tau_syn_in": 2.0},
                     {"tau_syn_exc": 2.0, "tau_syn_inh": 2.0}, 2000.0),
    "other_params_I_e": ({"tau_m": 12.0, "C_m": 180.0, "E_L": -65.0, "V_reset": -68.0, "V_th": -52.0, "I_e": 120.0},
                         {"tau_syn_ex": 1.5, "tau_syn_in": 3.7, "t_ref": 3.0},
                         {"tau_syn_exc": 1.5, "tau_syn_inh": 3.7, "refr_T": 3.0}, 380.0),
}

NEST_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    import nest

    cfg = json.loads(sys.argv[1])
    rng = np.random.default_rng(12345)

    def grid_times(n):
        return np.unique(np.round(rng.uniform(1.0, 999.0, n) * 10) / 10)

    exc_t = grid_times(400); exc_w = rng.uniform(50, 400, exc_t.size)
    inh_t = grid_times(300); inh_w = -rng.uniform(50, 500, inh_t.size)
    mix_t = grid_times(200); mix_w = rng.uniform(-300, 300, mix_t.size)

    def run(common, builtin_only, nestml_only, dc_amp, threads=1, chunks=1):
        nest.ResetKernel()
        nest.Install(cfg["module"])
        nest.resolution = 0.1
        nest.local_num_threads = threads
        ref = nest.Create("iaf_psc_exp", params={**common, **builtin_only})
        gen = nest.Create("iaf_psc_exp_neuron", params={**common, **nestml_only})
        sgs = [nest.Create("spike_generator", params={"spike_times": t, "spike_weights": w})
               for t, w in ((exc_t, exc_w), (inh_t, inh_w), (mix_t, mix_w))]
        dc = nest.Create("dc_generator", params={"amplitude": dc_amp, "start": 100.0, "stop": 800.0})
        for src in sgs + [dc]:
            nest.Connect(src, ref, syn_spec={"delay": 1.0})
            nest.Connect(src, gen, syn_spec={"delay": 1.0})
        mms, srs = [], []
        for n in (ref, gen):
            mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
            sr = nest.Create("spike_recorder")
            nest.Connect(mm, n)
            nest.Connect(n, sr)
            mms.append(mm)
            srs.append(sr)
        for _ in range(chunks):
            nest.Simulate(1000.0 / chunks)
        return {
            "times": [mm.events["times"].tolist() for mm in mms],
            "V_m": [mm.events["V_m"].tolist() for mm in mms],
            "spikes": [sr.events["times"].tolist() for sr in srs],
        }

    out = {name: run(*args) for name, args in cfg["cases"].items()}
    out["defaults_2threads"] = run({}, {}, {}, 380.0, threads=2)
    out["defaults_10chunks"] = run({}, {}, {}, 380.0, chunks=10)

    # status dictionary and errors
    nest.ResetKernel()
    nest.Install(cfg["module"])
    n = nest.Create("iaf_psc_exp_neuron")
    st = n.get()
    errors = {}
    for key, bad in (("C_m", -1.0), ("tau_m", 0.0)):
        try:
            nest.Create("iaf_psc_exp_neuron").set({key: bad})
            errors[key] = ""
        except Exception as ex:
            errors[key] = type(ex).__name__ + ": " + str(ex)
    try:
        nest.Connect(nest.Create("spike_generator"), n, syn_spec={"receptor_type": 1})
        errors["receptor_type"] = ""
    except Exception as ex:
        errors["receptor_type"] = type(ex).__name__ + ": " + str(ex)
    out["status"] = {"recordables": sorted(st["recordables"]), "C_m": st["C_m"], "V_m": st["V_m"],
                     "unit_psc": st["unit_psc"], "errors": errors}
    print("RESULT " + json.dumps(out))
    """
)


def _load_nestbuild():
    spec = importlib.util.spec_from_file_location("_nestbuild_for_test", REPO / "python" / "nestml_go" / "_nestbuild.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    require_nest()
    if shutil.which("go") is None:
        pytest.skip("the Go toolchain is needed to print the hand-built IR")
    if not any(shutil.which(c) for c in (os.environ.get("CXX", "g++"), "g++", "c++", "clang++")):
        pytest.skip("no C++ compiler")
    src = tmp_path_factory.mktemp("codegen_ir")
    env = dict(os.environ, NESTML_GO_WRITE_IAF_DIR=str(src), NESTML_GO_WRITE_IAF_MODULE=MODULE)
    proc = subprocess.run(
        ["go", "test", "-count=1", "-run", "^TestWriteIafPscExp$", "./gocore/codegen/nest/"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, f"go test failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert (src / "iaf_psc_exp_neuron.cpp").is_file()
    nb = _load_nestbuild()
    module = nb.build_module(str(src), MODULE, nb.find_nest(), progress=None)
    cfg = {"module": module, "cases": CASES}
    proc = subprocess.run([sys.executable, "-c", NEST_SCRIPT, json.dumps(cfg)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"NEST run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


@pytest.mark.parametrize("case", sorted(CASES) + ["defaults_2threads", "defaults_10chunks"])
def test_generated_iaf_psc_exp_matches_builtin(result, case):
    r = result[case]
    t_ref, t_gen = (np.asarray(x) for x in r["times"])
    v_ref, v_gen = (np.asarray(x) for x in r["V_m"])
    s_ref, s_gen = r["spikes"]
    assert t_ref.size == 9990 and np.array_equal(t_ref, t_gen), "sample times differ"
    np.testing.assert_allclose(v_gen, v_ref, rtol=RTOL_VM, atol=0, err_msg=f"{case}: V_m")
    assert s_gen == s_ref, f"{case}: spike times differ"
    assert len(s_ref) > 0, f"{case}: the protocol should make the neuron spike"


def test_generated_status_and_errors(result):
    st = result["status"]
    assert st["recordables"] == ["I_syn_exc", "I_syn_inh", "V_m", "refr_t"]
    assert st["C_m"] == 250.0 and st["V_m"] == -70.0 and st["unit_psc"] == 1.0
    assert "The constraint 'C_m > 0 pF' is violated!" in st["errors"]["C_m"]
    assert "BadProperty" in st["errors"]["tau_m"] and "PROPAGATOR_NONFINITE" in st["errors"]["tau_m"]
    assert "UnknownReceptorType" in st["errors"]["receptor_type"]
