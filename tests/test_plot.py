"""nestml_go.plot and the notebook displays (nestml_go._repr), on the Agg backend."""

from __future__ import annotations

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import nestml_go as ng
from nestml_go import _repr, plot


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def recorded():
    """Two iaf_psc_exp neurons driven by DC, recorded by a multimeter and a
    spike_recorder, simulated by the Go engine."""
    net = ng.Network(resolution=0.1)
    pop = net.create("iaf_psc_exp_neuron", n=2)
    dc = net.create("dc_generator", params={"amplitude": 500.0})
    mm = net.create("multimeter", params={"record_from": ["V_m", "I_syn_exc"], "interval": 1.0})
    sr = net.create("spike_recorder")
    net.connect(dc, pop)
    net.connect(mm, pop)
    net.connect(pop, sr)
    net.simulate(200.0)
    return {"mm": mm.events, "sr": sr.events, "mm_nc": mm, "n": len(pop)}


def test_plot_traces_one_panel_per_variable(recorded):
    axes = plot.plot_traces(recorded["mm"])
    assert len(axes) == 2
    assert axes[0].get_ylabel() == "V_m (mV)"
    assert axes[1].get_ylabel() == "I_syn_exc (pA)"
    assert axes[-1].get_xlabel() == "time (ms)"
    # One line per sender, holding that sender's samples in time order.
    lines = axes[0].get_lines()
    assert len(lines) == 2
    ev = recorded["mm"]
    first = ev["senders"] == ev["senders"].min()
    np.testing.assert_array_equal(lines[0].get_xdata(), ev["times"][first])
    np.testing.assert_array_equal(lines[0].get_ydata(), ev["V_m"][first])


def test_plot_traces_into_given_axes_and_from_recorder(recorded):
    _, ax = plt.subplots()
    axes = plot.plot_traces(recorded["mm_nc"], variables="V_m", ax=ax, units={"V_m": "millivolt"})
    assert axes == [ax]
    assert ax.get_ylabel() == "V_m (millivolt)"
    _, (a1, a2) = plt.subplots(2)
    assert plot.plot_traces(recorded["mm"], ["V_m", "I_syn_exc"], ax=[a1, a2]) == [a1, a2]


def test_plot_traces_shared_axes_gets_a_legend(recorded):
    _, ax = plt.subplots()
    plot.plot_traces(recorded["mm"], ax=ax)
    assert ax.get_legend() is not None
    assert len(ax.get_lines()) == 4  # 2 variables x 2 senders


def test_plot_traces_rejects_bad_input(recorded):
    with pytest.raises(ValueError, match="not recorded"):
        plot.plot_traces(recorded["mm"], variables=["g_exc"])
    with pytest.raises(TypeError, match="events dict"):
        plot.plot_traces([1, 2, 3])
    with pytest.raises(ValueError, match="'times'"):
        plot.plot_traces({"V_m": np.zeros(3)})
    with pytest.raises(ValueError, match="shape"):
        plot.plot_traces({"times": np.zeros(3), "V_m": np.zeros(4)})
    with pytest.raises(TypeError, match="several recorders"):
        plot.plot_traces((recorded["mm"], recorded["mm"]))
    _, (a1, a2) = plt.subplots(2)
    with pytest.raises(ValueError, match="2 Axes for 1"):
        plot.plot_traces(recorded["mm"], "V_m", ax=[a1, a2])


def test_plot_raster(recorded):
    ax = plot.plot_raster(recorded["sr"])
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), recorded["sr"]["times"])
    np.testing.assert_array_equal(line.get_ydata(), recorded["sr"]["senders"])
    assert ax.get_ylabel() == "neuron id"


def test_rate_histogram_counts_spikes_per_neuron_and_second():
    ev = {"times": np.array([1.0, 2.0, 6.0, 11.0]), "senders": np.array([1, 2, 1, 1])}
    edges, rate = plot.rate_histogram(ev, bin_ms=5.0, n_neurons=4)
    np.testing.assert_allclose(edges, [0.0, 5.0, 10.0, 15.0])
    # 2 spikes / (4 neurons * 5 ms) = 100 Hz; then 1 spike each: 50 Hz.
    np.testing.assert_allclose(rate, [100.0, 50.0, 50.0])
    _, rate2 = plot.rate_histogram(ev, bin_ms=5.0)  # n_neurons from the senders: 2
    np.testing.assert_allclose(rate2, [200.0, 100.0, 100.0])
    edges3, rate3 = plot.rate_histogram({"times": np.array([]), "senders": np.array([])}, 10.0, 3)
    assert rate3.tolist() == [0.0] and edges3.tolist() == [0.0, 10.0]
    with pytest.raises(ValueError, match="bin_ms"):
        plot.rate_histogram(ev, bin_ms=0.0)
    with pytest.raises(ValueError, match="n_neurons"):
        plot.rate_histogram(ev, n_neurons=0)
    with pytest.raises(ValueError, match="t_stop"):
        plot.rate_histogram(ev, t_start=10.0, t_stop=5.0)


def test_plot_rate_matches_the_recorded_rate(recorded):
    ax = plot.plot_rate(recorded["sr"], bin_ms=20.0, n_neurons=recorded["n"], t_stop=200.0)
    assert ax.get_ylabel() == "rate (spikes/s)"
    assert len(ax.patches) == 1
    edges, rate = plot.rate_histogram(recorded["sr"], 20.0, recorded["n"], t_stop=200.0)
    mean_rate = len(recorded["sr"]["times"]) / recorded["n"] / 0.2
    assert rate.mean() == pytest.approx(mean_rate)
    assert len(edges) == 11


def test_plot_weights_one_line_per_connection():
    ev = {
        "times": np.array([1.0, 2.0, 3.0, 4.0]),
        "weights": np.array([1.0, 2.0, 1.5, 2.5]),
        "senders": np.array([1, 1, 2, 2]),
        "targets": np.array([3, 3, 3, 3]),
    }
    ax = plot.plot_weights(ev)
    lines = ax.get_lines()
    assert len(lines) == 2
    assert ax.get_legend() is not None
    ax2 = plot.plot_weights({"times": np.array([0.0, 5.0]), "w": np.array([1.0, 0.5])})
    assert len(ax2.get_lines()) == 1
    with pytest.raises(ValueError, match="weights"):
        plot.plot_weights({"times": np.array([0.0])})


def test_plot_is_reachable_from_the_package():
    assert ng.plot is plot
    assert "plot" in ng.__all__


# -- notebook display --------------------------------------------------------


def test_model_html_shows_equations_and_parameter_units():
    m = ng.load(ng.library_source("iaf_psc_exp_neuron"))
    h = m._repr_html_()
    assert "<b>iaf_psc_exp_neuron</b>" in h
    assert "<td><code>tau_m</code></td><td>10 ms</td><td>ms</td><td>membrane time constant</td>" in h
    assert r"\frac{\mathrm{d}V_{\mathrm{m}}}{\mathrm{d}t}" in h
    assert "exact propagators" in h
    tex = m._repr_latex_()
    assert tex.startswith("$$\\begin{aligned}") and tex.endswith("\\end{aligned}$$")


def test_model_html_for_every_library_model():
    for name in ng.library_models():
        m = ng.load(ng.library_source(name))
        h = m._repr_html_()
        assert name in h and "parameters" in h


@pytest.mark.parametrize(
    "expr, tex",
    [
        ("-(V_m - E_L) / tau_m", r"-\frac{V_{\mathrm{m}} - E_{\mathrm{L}}}{\tau_{\mathrm{m}}}"),
        ("exp(-t / tau_syn)", r"\exp\left(-\frac{t}{\tau_{\mathrm{syn}}}\right)"),
        ("convolve(K, spikes) * 1 pA", r"\left(K \ast \mathrm{spikes}\right) \cdot 1\,\mathrm{pA}"),
        ("3 mV/ms * x", r"3\,\mathrm{mV/ms} \, x"),
        ("-x**2", r"-{x}^{2}"),
        ("a ** -b", r"{a}^{-b}"),
        ("1E3", r"10^{3}"),
        ("abs(x) >= 2", r"\left|x\right| \ge 2"),
        ("x > 0 and not y", r"x > 0 \land \lnot y"),
    ],
)
def test_expression_latex(expr, tex):
    assert _repr.expression_latex(expr, {"V_m", "E_L", "tau_m", "tau_syn", "K", "spikes", "x", "a", "b", "y"}) == tex


def test_summary_reads_declarations_and_equations():
    src = '''\
# doc line one
# doc line two
model probe_neuron:
    parameters:
        tau ms = 10 ms [[tau > 0 ms]]   # time constant
        a, b real = 1.5
    state:
        x real = 0
        x' ms**-1 = 0 ms**-1
    equations:
        kernel g' = -g / tau,
               g$' = -g$ / tau
        x'' = -2 * x' / tau - x / tau**2
    input:
        spikes <- spike
    output:
        spike
    update:
        integrate_odes()
'''
    s = _repr.summarize(src)
    assert s.name == "probe_neuron"
    assert s.description == "doc line one doc line two"
    assert [(d.name, d.type, d.default, d.comment) for d in s.parameters] == [
        ("tau", "ms", "10 ms", "time constant"),
        ("a", "real", "1.5", ""),
        ("b", "real", "1.5", ""),
    ]
    assert [d.name for d in s.state] == ["x", "x'"]
    assert len(s.equations) == 2 and s.equations[0].startswith("kernel g' = -g / tau, g$'")
    assert "spikes" in s.names
    latex = [t for _, t in _repr.equations_latex(s)]
    assert latex[1].startswith(r"\frac{\mathrm{d}^{2}x}{\mathrm{d}t^{2}} = ")
    with pytest.raises(ValueError):
        _repr.summarize(src, "other_neuron")


def test_events_html_summarizes_a_recording(recorded):
    h = _repr.events_html(recorded["sr"], title="spikes")
    assert "<b>spikes</b>" in h and "senders" in h
    assert _repr.node_collection_html(recorded["mm_nc"]).count("V_m") == 1


def test_plot_traces_label_for_overlaid_runs(recorded):
    _, ax = plt.subplots()
    plot.plot_traces(recorded["mm"], "V_m", ax=ax, label="run A")
    plot.plot_traces(recorded["mm"], "V_m", ax=ax, label="run B", ls="--")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["run A (node 1)", "run A (node 2)", "run B (node 1)", "run B (node 2)"]
