"""The main job: check a bundled model, simulate it, plot it, generate its NEST module.

Run from the repository root after setting up (see README):

    .venv/bin/python examples/demo.py [--out demo_out] [--no-nest]

Writes demo_out/iaf_psc_exp_neuron.png and demo_out/nest_module/ (the C++
sources and the built module), and prints the nest.Install(...) line.
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

import nestml_go as ng


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="demo_out", help="output directory (default: demo_out)")
    ap.add_argument("--no-nest", action="store_true", help="skip generating and building the NEST module")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)

    # 1. check the bundled model
    src_path = os.path.join(args.out, "iaf_psc_exp_neuron.nestml")
    with open(src_path, "w", encoding="utf-8") as f:
        f.write(ng.library_source("iaf_psc_exp_neuron"))
    model = ng.load(src_path)
    print(f"[1/4] checked {model.name}: {len([d for d in model.diagnostics if d.is_error])} errors, "
          f"{len([d for d in model.diagnostics if not d.is_error])} warnings")

    # 2. simulate: a DC current plus excitatory and inhibitory spike trains
    net = ng.Network(resolution=0.1)
    neuron = net.create("iaf_psc_exp_neuron")
    rng = np.random.default_rng(1)
    exc_times = np.unique(np.round(np.sort(rng.uniform(1, 500, 80)), 1))
    inh_times = np.unique(np.round(np.sort(rng.uniform(1, 500, 40)), 1))
    exc = net.create("spike_generator", params={"spike_times": exc_times.tolist()})
    inh = net.create("spike_generator", params={"spike_times": inh_times.tolist()})
    dc = net.create("dc_generator", params={"amplitude": 380.0})
    mm = net.create("multimeter", params={"record_from": ["V_m", "I_syn_exc", "I_syn_inh"], "interval": 0.1})
    sr = net.create("spike_recorder")
    net.connect(exc, neuron, weight=300.0, delay=1.0)
    net.connect(inh, neuron, weight=-300.0, delay=1.0)
    net.connect(dc, neuron)
    net.connect(mm, neuron)
    net.connect(neuron, sr)
    net.simulate(500.0)
    ev, spikes = mm.events, sr.events
    print(f"[2/4] simulated 500 ms: {len(spikes['times'])} spikes, {len(ev['times'])} samples")

    # 3. plot
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(2, 1, sharex=True, figsize=(8, 5))
    ax1.plot(ev["times"], ev["V_m"], lw=0.8)
    ax1.plot(spikes["times"], np.full(len(spikes["times"]), -50.0), "|", color="k", ms=10)
    ax1.set_ylabel("V_m (mV)")
    ax1.set_title("iaf_psc_exp_neuron (nestml_go simulator)")
    ax2.plot(ev["times"], ev["I_syn_exc"], lw=0.8, label="I_syn_exc")
    ax2.plot(ev["times"], -ev["I_syn_inh"], lw=0.8, label="-I_syn_inh")
    ax2.set_xlabel("time (ms)")
    ax2.set_ylabel("current (pA)")
    ax2.legend(loc="upper right")
    png = os.path.join(args.out, "iaf_psc_exp_neuron.png")
    fig.tight_layout()
    fig.savefig(png, dpi=120)
    print(f"[3/4] plot saved to {png}")

    # 4. generate and build the NEST module
    if args.no_nest:
        print("[4/4] skipped NEST module (--no-nest)")
        return 0
    target = os.path.join(args.out, "nest_module")
    path = ng.generate_nest_target(model.path, target, module_name="demomodule", logging_level="WARNING")
    print(f"[4/4] NEST module built: nest.Install({path!r}), then nest.Create('iaf_psc_exp_neuron')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
