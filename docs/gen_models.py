"""Generate the model library pages of the docs: docs/models/<name>.md and
docs/models/img/<name>.png for every model of nestml_go's library.

    .venv/bin/python docs/gen_models.py            # write pages and plots
    .venv/bin/python docs/gen_models.py --check    # exit 1 if a page is missing or stale

Each page is built from the model's source (nestml_go.library_source): the
description from its header comment, the equations rendered as LaTeX, tables
of parameters and state variables (with units and the source comments), the
solver split from Model.ode_report(), a plot of a short simulation in
nestml_go's own simulator, and the full source. --check compares only the
Markdown (plots differ in their bytes between Matplotlib versions).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import nestml_go as ng
import numpy as np
from nestml_go._repr import Declaration, ModelSummary, equations_latex, summarize

HERE = Path(__file__).resolve().parent
MODELS_DIR = HERE / "models"
IMG_DIR = MODELS_DIR / "img"

T_SIM = 200.0  # ms
H = 0.1  # ms
EXC_TIMES = [10.0, 13.0, 16.0, 19.0, 22.0]
INH_TIMES = [45.0, 48.0]
DC_START, DC_STOP = 80.0, 170.0
# A spike weight that gives a visible response, by the unit a spike adds.
WEIGHT_BY_UNIT = {"pA": 600.0, "nS": 25.0, "mV": 4.0}
# Synapse pages: a presynaptic train every 20 ms; the postsynaptic spikes
# follow the first five presynaptic spikes by 4 ms and precede the others
# by 4 ms (potentiation, then depression). Both trains drive parrot
# neurons, connected by the synapse with weight SYN_W0 and delay 1 ms.
SYN_PRE = [10.0 + 20.0 * k for k in range(9)]
SYN_POST = [t + 4.0 for t in SYN_PRE[:5]] + [t - 4.0 for t in SYN_PRE[5:]]
SYN_W0 = 50.0
SYN_T = 200.0  # ms


def is_synapse(name: str) -> bool:
    """Library synapses are named *_synapse (language.md §16.1)."""
    return name.endswith("_synapse")


def _magnitude(text: str) -> float | None:
    m = re.match(r"^\s*(-?[\d.]+(?:[eE][+-]?\d+)?)", text)
    return float(m.group(1)) if m else None


def _defaults(s: ModelSummary) -> dict[str, float]:
    out = {}
    for d in s.parameters:
        v = _magnitude(d.default)
        if v is not None:
            out[d.name] = v
    return out


def _spike_ports(s: ModelSummary) -> list[tuple[str, str]]:
    """(port, qualifier) for each spike input port; qualifier '' if none."""
    out = []
    for line in s.inputs:
        m = re.match(r"^([A-Za-z_]\w*)(?:\s*\[[^\]]*\])?\s*<-\s*((?:excitatory|inhibitory)\s+)*spike\b", line)
        if m:
            q = "inhibitory" if "inhibitory" in line else "excitatory" if "excitatory" in line else ""
            out.append((m.group(1), q))
    return out


def _spike_unit(source: str, s: ModelSummary) -> str:
    """The unit one spike of weight 1 adds (pA, nS or mV), from the source's
    spike-scaling idioms; pA if none is recognised."""
    for port, _ in _spike_ports(s):
        for pat in (
            rf"convolve\(\s*\w+\s*,\s*{port}\s*\)\s*\*\s*1\s*(\w+)",
            rf"{port}\s*\*\s*1\s*(\w+)\s*\*\s*1\s*s\b",
        ):
            m = re.search(pat, source)
            if m and m.group(1) in WEIGHT_BY_UNIT:
                return m.group(1)
    return "pA"


def _dc_amplitude(p: dict[str, float]) -> float:
    """1.3 x the rheobase current of the default parameters (pA)."""
    gap = p.get("V_th", -55.0) - p.get("E_L", -70.0)
    if "g_L" in p:
        rheo = p["g_L"] * gap
    elif "C_m" in p and "tau_m" in p:
        rheo = p["C_m"] * gap / p["tau_m"]
    elif "C_m" not in p:
        return 10.0  # no capacitance: the current enters as a voltage rate (Izhikevich)
    else:
        rheo = 400.0
    return round(1.3 * rheo, -1)


def protocol(name: str, source: str, s: ModelSummary) -> dict[str, Any]:
    p = _defaults(s)
    unit = _spike_unit(source, s)
    ports = _spike_ports(s)
    signed = any(q in ("", "inhibitory") for _, q in ports)
    return {
        "weight": WEIGHT_BY_UNIT[unit],
        "unit": unit,
        "inhibitory": signed and bool(ports),
        "spikes": bool(ports),
        "dc": _dc_amplitude(p),
        "continuous": any("continuous" in line for line in s.inputs),
    }


# Bookkeeping state that says nothing in a plot: refractory timers and the
# previous-step copies used for spike detection.
_BOOKKEEPING = {"refr_t", "r_abs", "r_tot"}


def _plottable(var: str, source: str) -> bool:
    """Whether a state variable is worth a trace: not a derivative, not
    bookkeeping, not a kernel's initial-value state."""
    if "'" in var or var in _BOOKKEEPING or var.endswith("_old"):
        return False
    return re.search(rf"\bkernel\s+{re.escape(var)}\b", source) is None


def simulate(name: str, proto: dict[str, Any], s: ModelSummary,
             source: str = "") -> tuple[dict[str, np.ndarray], np.ndarray, list[str]]:
    """Run the stimulus protocol; return multimeter events, spike times and
    the recorded variables."""
    candidates = [d.name for d in s.state if _plottable(d.name, source)]
    if "V_m" in candidates:
        candidates.remove("V_m")
        candidates.insert(0, "V_m")
    record: list[str] = []
    for var in candidates:  # keep the variables the simulator can record
        try:
            probe = ng.Network(resolution=H)
            n = probe.create(name)
            mm = probe.create("multimeter", params={"record_from": record + [var]})
            probe.connect(mm, n)
            record.append(var)
        except ng.NestmlError:
            pass
    net = ng.Network(resolution=H)
    neuron = net.create(name)
    if proto["spikes"]:
        w = proto["weight"]
        exc = net.create("spike_generator", params={"spike_times": EXC_TIMES})
        net.connect(exc, neuron, weight=w, delay=1.0)
        if proto["inhibitory"]:
            inh = net.create("spike_generator", params={"spike_times": INH_TIMES})
            net.connect(inh, neuron, weight=-2 * w, delay=1.0)
    if proto["continuous"]:
        dc = net.create("dc_generator", params={"amplitude": proto["dc"], "start": DC_START, "stop": DC_STOP})
        net.connect(dc, neuron)
    mm = net.create("multimeter", params={"record_from": record, "interval": H})
    sr = net.create("spike_recorder")
    net.connect(mm, neuron)
    net.connect(neuron, sr)
    net.simulate(T_SIM, progress=False)
    return mm.events, sr.events["times"], record


def plot(name: str, proto: dict[str, Any], events: dict[str, np.ndarray], spikes: np.ndarray,
         record: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from nestml_go import plot as ngplot

    others = [v for v in record if v != "V_m"]
    main = "V_m" if "V_m" in record else record[0]
    fig, axes = plt.subplots(2 if others else 1, 1, sharex=True, figsize=(7.5, 4.2 if others else 3.0),
                             squeeze=False, height_ratios=[2, 1] if others else [1])
    ax = axes[0][0]
    ngplot.plot_traces(events, main, ax=ax, color="tab:blue", lw=1.0)
    if proto["continuous"]:
        ax.axvspan(DC_START, DC_STOP, color="tab:orange", alpha=0.08, lw=0)
    top = ax.get_ylim()[1]
    if proto["spikes"]:
        ax.plot(EXC_TIMES, [top] * len(EXC_TIMES), "v", color="tab:green", ms=5, clip_on=False, label="exc. input")
        if proto["inhibitory"]:
            ax.plot(INH_TIMES, [top] * len(INH_TIMES), "v", color="tab:red", ms=5, clip_on=False, label="inh. input")
    if len(spikes):
        ax.plot(spikes, [ax.get_ylim()[0]] * len(spikes), "^", color="k", ms=5, clip_on=False, label="output spikes")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize="small", ncol=3, frameon=False)
    if others:
        ax.set_xlabel("")
        ngplot.plot_traces(events, others, ax=axes[1][0], lw=1.0)
        axes[1][0].legend(loc="upper right", fontsize="x-small")
    else:
        ax.set_xlabel("time (ms)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)


def simulate_synapse(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Weight-recorder events (times, weights) of the synapse protocol."""
    net = ng.Network(resolution=H)
    ga = net.create("spike_generator", params={"spike_times": SYN_PRE})
    gb = net.create("spike_generator", params={"spike_times": SYN_POST})
    pre, post = net.create("parrot_neuron"), net.create("parrot_neuron")
    net.connect(ga, pre, 1.0, 1.0)
    net.connect(gb, post, 1.0, 1.0)
    wr = net.create("weight_recorder")
    net.connect(pre, post, syn_spec={"synapse_model": name, "receptor_type": "no_repeat", "weight": SYN_W0,
                                     "delay": 1.0, "weight_recorder": wr})
    net.simulate(SYN_T, progress=False)
    return np.asarray(wr.events["times"], float), np.asarray(wr.events["weights"], float)


def plot_synapse(name: str, times: np.ndarray, weights: np.ndarray, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 3.0))
    ax.plot(times, weights, "o-", color="tab:blue", ms=4, lw=1.0, label="transmitted weight")
    top = ax.get_ylim()[1]
    pre = [t + 1.0 for t in SYN_PRE]  # the parrots fire 1 ms after the generators
    post = [t + 1.0 for t in SYN_POST]
    ax.plot(pre, [top] * len(pre), "v", color="tab:green", ms=5, clip_on=False, label="pre spikes")
    ax.plot(post, [top] * len(post), "v", color="tab:red", ms=5, clip_on=False, label="post spikes")
    ax.set_xlabel("time (ms)")
    ax.set_ylabel("weight")
    ax.set_xlim(0, SYN_T)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize="small", ncol=3, frameon=False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)


def _synapse_example(name: str) -> list[str]:
    return [
        f"![{name}: transmitted weight for a fixed pre- and postsynaptic spike train](img/{name}.png)",
        "",
        f"Default parameters, initial weight {SYN_W0:g}, delay 1 ms, h = {H:g} ms. Two parrot neurons repeat "
        f"presynaptic spikes every 20 ms from {SYN_PRE[0]:g} ms and postsynaptic spikes 4 ms after the first "
        "five and 4 ms before the other presynaptic spikes; the plot shows the weight each presynaptic spike "
        "is transmitted with (`weight_recorder`). Produced by `docs/gen_models.py` in nestml_go's simulator; "
        "in Python:",
        "",
        "```python",
        "import nestml_go as ng",
        "",
        "net = ng.Network(resolution=0.1)",
        f'ga = net.create("spike_generator", params={{"spike_times": {SYN_PRE}}})',
        f'gb = net.create("spike_generator", params={{"spike_times": {SYN_POST}}})',
        'pre, post = net.create("parrot_neuron"), net.create("parrot_neuron")',
        "net.connect(ga, pre, 1.0, 1.0)",
        "net.connect(gb, post, 1.0, 1.0)",
        'wr = net.create("weight_recorder")',
        f'net.connect(pre, post, syn_spec={{"synapse_model": "{name}", "receptor_type": "no_repeat",',
        f'                                 "weight": {SYN_W0:g}, "delay": 1.0, "weight_recorder": wr}})',
        f"net.simulate({SYN_T:g})",
        'print(wr.events["times"], wr.events["weights"])',
        "```",
        "",
    ]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _table(decls: list[Declaration]) -> list[str]:
    rows = ["| name | default | unit | description |", "|---|---|---|---|"]
    for d in decls:
        cells = [f"`{d.name}`", d.default.replace("|", r"\|"), f"`{d.type}`", d.comment.replace("|", r"\|")]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _doc_markdown(s: ModelSummary) -> list[str]:
    """The header comment after its first paragraph (the description), as
    Markdown: indented formula lines become code blocks."""
    lines = [line.rstrip() for line in s.doc]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and lines[0].strip():  # the first paragraph is the description
        lines.pop(0)
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def _solvers(name: str) -> str:
    try:
        rep = ng.load(ng.library_source(name)).ode_report()
    except ng.NestmlError as e:
        return f"The ODE analysis reports an error: {e}"
    x = rep.get("nestml_go") or {}
    exact = [v for v in x.get("analytic_state_variables") or []]
    numeric = [v for v in x.get("numeric_state_variables") or [] if v not in exact]
    parts = []
    if exact:
        parts.append("solved exactly (propagators): " + ", ".join(f"`{v}`" for v in exact))
    if numeric:
        parts.append("integrated numerically (RKF45): " + ", ".join(f"`{v}`" for v in numeric))
    kernels = [f"`{k['kernel']}` on `{k['port']}`" for k in x.get("kernels") or []]
    text = "State variables " + "; ".join(parts) + "." if parts else "No ODEs."
    if kernels:
        text += " Convolutions: " + ", ".join(kernels) + " (their hidden states are named `KERNEL__X__PORT`)."
    return text


def page(name: str) -> str:
    source = ng.library_source(name)
    s = summarize(source, name)
    proto = None if is_synapse(name) else protocol(name, source, s)
    md = [f"# {name}", "", _sentence(s.description), ""]
    doc = _doc_markdown(s)
    if doc:
        md += doc + [""]
    md += ["## Equations", ""]
    eqs = equations_latex(s)
    rendered = [tex for _, tex in eqs if tex is not None]
    if rendered:
        md += ["$$", r"\begin{aligned}"]
        for tex in rendered:
            md.append(r" \\ ".join(line.replace(" = ", " &= ", 1) for line in tex.split(r" \\ ")) + r" \\")
        md += [r"\end{aligned}", "$$", ""]
    unrendered = [src for src, tex in eqs if tex is None]
    if unrendered:
        md += ["```nestml"] + unrendered + ["```", ""]
    md += [_solvers(name), ""]
    md += ["## Parameters", ""] + _table(s.parameters) + [""]
    md += ["## State variables", ""] + _table(s.state) + [""]
    if s.internals:
        md += ["## Internals", ""] + _table(s.internals) + [""]
    md += ["## Input and output", ""]
    md += [f"- input `{line}`" for line in s.inputs]
    if s.output:
        md += [f"- output `{s.output}`"]
    md += ["", "## Example", ""]
    if proto is None:
        md += _synapse_example(name)
        return "\n".join(md + _source_section(name, source))
    stim = []
    if proto["spikes"]:
        stim.append(
            f"excitatory spikes of weight {proto['weight']:g} {proto['unit']} at "
            f"{', '.join(f'{t:g}' for t in EXC_TIMES)} ms"
        )
        if proto["inhibitory"]:
            stim.append(
                f"inhibitory spikes of weight {-2 * proto['weight']:g} {proto['unit']} at "
                f"{', '.join(f'{t:g}' for t in INH_TIMES)} ms"
            )
    if proto["continuous"]:
        stim.append(f"a {proto['dc']:g} pA current step from {DC_START:g} to {DC_STOP:g} ms (shaded)")
    md += [
        f"![{name} responding to spikes and a current step](img/{name}.png)",
        "",
        f"Default parameters, {T_SIM:g} ms at h = {H:g} ms; input: " + "; ".join(stim) + ". "
        "Produced by `docs/gen_models.py` in nestml_go's simulator; in Python:",
        "",
        "```python",
        "import nestml_go as ng",
        "",
        "net = ng.Network(resolution=0.1)",
        f'neuron = net.create("{name}")',
    ]
    if proto["spikes"]:
        md += [
            f'exc = net.create("spike_generator", params={{"spike_times": {EXC_TIMES}}})',
            f"net.connect(exc, neuron, weight={proto['weight']:g}, delay=1.0)",
        ]
        if proto["inhibitory"]:
            md += [
                f'inh = net.create("spike_generator", params={{"spike_times": {INH_TIMES}}})',
                f"net.connect(inh, neuron, weight={-2 * proto['weight']:g}, delay=1.0)",
            ]
    if proto["continuous"]:
        md += [
            (
                f'dc = net.create("dc_generator", params={{"amplitude": {proto["dc"]:g}, '
                f'"start": {DC_START:g}, "stop": {DC_STOP:g}}})'
            ),
            "net.connect(dc, neuron)",
        ]
    md += [
        'mm = net.create("multimeter", params={"record_from": ["V_m"]})',
        "net.connect(mm, neuron)",
        f"net.simulate({T_SIM:g})",
        'ng.plot.plot_traces(mm.events, "V_m")',
        "```",
        "",
    ]
    return "\n".join(md + _source_section(name, source))


def _source_section(name: str, source: str) -> list[str]:
    md = ["## Source", "", f'??? note "{name}.nestml"', "", "    ```nestml"]
    md += [("    " + line).rstrip() for line in source.rstrip("\n").splitlines()]
    return md + ["    ```", ""]


def index_page(names: list[str]) -> str:
    md = [
        "# Model library",
        "",
        "nestml_go ships its own versions of the standard neuron and synapse models, written for this project",
        "from the published equations and NEST's documented model definitions, with the names upstream NESTML",
        "uses (so `nest.Create(\"iaf_psc_exp_neuron\")` and `net.create(\"iaf_psc_exp_neuron\")` keep working).",
        "`nestml_go.library_models()` lists them and `nestml_go.library_source(name)` returns the NESTML text;",
        "`Network.create` accepts the neuron names and `syn_spec={\"synapse_model\": ...}` the synapse names",
        "directly. Where a parameter name differs from the NEST built-in's, the model's header says so.",
        "",
    ]
    for title, group in (("Neurons", [n for n in names if not is_synapse(n)]),
                         ("Synapses", [n for n in names if is_synapse(n)])):
        if not group:
            continue
        md += [f"## {title}", "", "| model | description |", "|---|---|"]
        for n in group:
            s = summarize(ng.library_source(n), n)
            md.append(f"| [`{n}`]({n}.md) | {_sentence(s.description)} |")
        md.append("")
    md += [
        "",
        "Each page shows the equations, the parameters with their units, and the model's response in",
        "nestml_go's simulator: to a few input spikes and a current step (neurons), or the weight",
        "evolution for fixed pre- and postsynaptic spike trains (synapses). The pages and plots are",
        "generated by `docs/gen_models.py` from the sources. Every neuron is compared with NEST's",
        "built-in model in `tests/test_library_models.py` (see [Testing](../testing.md)).",
        "",
    ]
    return "\n".join(md)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the pages are up to date")
    ap.add_argument("models", nargs="*", help="only these models (default: all)")
    args = ap.parse_args(argv)
    names = ng.library_models()
    chosen = args.models or names
    pages = {MODELS_DIR / f"{n}.md": page(n) for n in chosen}
    if not args.models:
        pages[MODELS_DIR / "index.md"] = index_page(names)
    if args.check:
        stale = [str(p.relative_to(HERE.parent)) for p, text in pages.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        missing = [f"docs/models/img/{n}.png" for n in chosen if not (IMG_DIR / f"{n}.png").exists()]
        orphans = [str(p.relative_to(HERE.parent)) for p in MODELS_DIR.glob("*.md")
                   if p.stem != "index" and p.stem not in names]
        if stale or missing or orphans:
            for p in stale + missing:
                print(f"out of date or missing: {p}", file=sys.stderr)
            for p in orphans:
                print(f"no such library model any more: {p}", file=sys.stderr)
            print("run: .venv/bin/python docs/gen_models.py", file=sys.stderr)
            return 1
        return 0
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    for p, text in pages.items():
        p.write_text(text, encoding="utf-8")
    for n in chosen:
        if is_synapse(n):
            try:
                times, weights = simulate_synapse(n)
            except ng.NestmlError as e:  # a synapse the simulator cannot run yet
                print(f"{n}: no plot ({e})", file=sys.stderr)
                continue
            plot_synapse(n, times, weights, IMG_DIR / f"{n}.png")
            print(f"{n}: {len(times)} transmitted spikes, final weight {weights[-1]:.4g}")
            continue
        source = ng.library_source(n)
        s = summarize(source, n)
        proto = protocol(n, source, s)
        try:
            events, spikes, record = simulate(n, proto, s, source)
        except ng.NestmlError as e:  # a model the simulator cannot run yet
            print(f"{n}: no plot ({e})", file=sys.stderr)
            continue
        plot(n, proto, events, spikes, record, IMG_DIR / f"{n}.png")
        print(f"{n}: {len(spikes)} spikes, recorded {', '.join(record)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
