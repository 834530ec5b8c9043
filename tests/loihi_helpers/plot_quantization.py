"""Draws docs/img/loihi_quantization.png: the quantization trade-offs of
the Loihi target (docs/loihi.md). Run from the repository root with the main
environment:  .venv/bin/python tests/loihi_helpers/plot_quantization.py
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from nestml_go import loihi  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "docs" / "img" / "loihi_quantization.png"


def main():
    fig, axes = plt.subplots(1, 3, figsize=(14, 4.2))
    # 1. effective membrane time constant error vs h/tau
    ax = axes[0]
    for tau in (5.0, 10.0, 20.0, 50.0):
        hs = np.array([0.025, 0.05, 0.1, 0.2, 0.5, 1.0])
        errs = []
        for h in hs:
            rep = loihi.quantize("iaf_psc_exp_neuron", codegen_opts={
                "resolution": float(h), "parameters": {"refr_T": 0.0, "tau_m": tau}})
            errs.append(abs(rep["decays"]["dv"]["rel_error"]))
        ax.loglog(hs / tau, np.maximum(errs, 1e-7), "o-", label=f"τ_m = {tau:g} ms")
    x = np.logspace(-3.5, -0.5, 50)
    ax.loglog(x, 0.5 / (4096 * x), "k--", lw=1, label="0.5/(4096·h/τ) bound")
    ax.axhline(0.01, color="r", lw=0.8, ls=":")
    ax.text(1.2e-3, 0.012, "LOIHI_W_TAU_ERROR (1 %)", color="r", fontsize=8)
    ax.set_xlabel("h / τ_m")
    ax.set_ylabel("|τ_eff / τ − 1|")
    ax.set_title("12-bit decay: time-constant error")
    ax.legend(fontsize=8)

    # 2. firing-rate error, fixed vs float, for the current step and Poisson input
    ax = axes[1]
    hs = [0.05, 0.1, 0.2, 0.5, 1.0]
    rows = {"current_step": ([], []), "poisson": ([], [])}
    for h in hs:
        rep = loihi.quantize("iaf_psc_exp_neuron", simulate=True, codegen_opts={
            "resolution": h, "parameters": {"refr_T": 0.0},
            "weights": {"exc_spikes": [0.0, 100.0], "inh_spikes": [-100.0, 0.0]}, "sim_steps": int(2000 / h)})
        for e in rep["simulated_error"]:
            rows[e["stimulus"]][0].append(100 * (e["rate_rel_error"] or 0))
            rows[e["stimulus"]][1].append(100 * (e["rate_rel_error_quantized_decay"] or 0))
    for name, (full, qd) in rows.items():
        ax.plot(hs, full, "o-", label=f"{name}: fixed vs float")
        ax.plot(hs, qd, "x--", label=f"{name}: fixed vs float with quantized decays")
    ax.axhline(0, color="k", lw=0.5)
    ax.set_xscale("log")
    ax.set_xlabel("resolution h (ms)")
    ax.set_ylabel("firing-rate error (%)")
    ax.set_title("iaf_psc_exp, 2 s: spikes lost to quantization")
    ax.legend(fontsize=7)

    # 3. membrane trace: float reference vs Loihi fixed point
    ax = axes[2]
    opts = {"parameters": {"refr_T": 0.0, "I_e": 200.0}, "resolution": 0.1}
    stim = loihi.make_stimulus(spikes=[list(range(50, 1500, 37)), list(range(300, 1500, 53))],
                               weights=[[400.0, -250.0]], steps=1500)
    r = loihi.emulate("iaf_psc_exp_neuron", stim, runs=("reference", "fixed"), codegen_opts=opts)
    t = 0.1 * np.arange(1, 1501)
    ax.plot(t, r["reference"]["v_mV"][:, 0], lw=1.2, label="float (Go engine, NEST semantics)")
    ax.plot(t, r["fixed"]["v_mV"][:, 0], lw=0.9, ls="--", label="Loihi fixed point (bit-exact emulator)")
    ax.set_xlabel("t (ms)")
    ax.set_ylabel("V_m (mV)")
    ax.set_title("tier A iaf_psc_exp: same input, both arithmetics")
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(OUT, dpi=110)
    print("wrote", OUT)
    for name, (full, qd) in rows.items():
        print(name, "h", hs, "rate err % fixed-vs-float", np.round(full, 3), "fixed-vs-qd", np.round(qd, 3))


if __name__ == "__main__":
    sys.exit(main())
