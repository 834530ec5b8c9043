"""Plotting helpers for recorded events, on Matplotlib.

Each function takes the ``events`` dictionary of a recorder (NEST's keys:
``"times"`` in ms, ``"senders"``, one array per recorded variable) or the
recorder itself, draws into ``ax`` (a new figure if ``None``) and returns
the Axes it drew on::

    import nestml_go as ng
    from nestml_go import plot

    ...
    net.simulate(1000.0)
    plot.plot_traces(mm.events, variables=["V_m"])
    plot.plot_raster(sr.events)
    plot.plot_rate(sr.events, bin_ms=10.0, n_neurons=len(pop))

Matplotlib is imported on first use (``pip install matplotlib``, or the
``nestml_go[plot]`` extra).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from .errors import NestmlTypeError, NestmlValueError  # argument errors

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = [
    "plot_raster",
    "plot_rate",
    "plot_traces",
    "plot_weights",
    "rate_histogram",
]

#: Recorded events: a mapping of NumPy arrays, or anything with ``.events``
#: (a recorder NodeCollection).
Events = Union[Mapping[str, Any], Any]

#: Units of NEST's usual variable names, by name prefix, for axis labels.
_UNIT_BY_PREFIX = (("V_", "mV"), ("E_", "mV"), ("I_", "pA"), ("g_", "nS"), ("refr", "ms"), ("tau", "ms"))

# At most this many senders get their own legend entry in plot_traces.
_MAX_LEGEND = 10


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised without matplotlib only
        raise ImportError(
            "nestml_go.plot needs Matplotlib; install it with `pip install matplotlib` "
            "(or `pip install nestml_go[plot]`)"
        ) from e
    return plt


def _events(events: Events) -> Mapping[str, Any]:
    """Accept an events mapping or a recorder; check the shape of the arrays."""
    if not isinstance(events, Mapping) and hasattr(events, "events"):
        events = events.events
    if isinstance(events, tuple):
        raise NestmlTypeError(
            "got the events of several recorders (a tuple); pass one of them, e.g. events[0]"
        )
    if not isinstance(events, Mapping):
        raise NestmlTypeError(
            f"events must be a recorder's events dict (or the recorder), not {type(events).__name__}"
        )
    if "times" not in events:
        raise NestmlValueError("events has no 'times' array; is it a recorder's events dict?")
    arrays: dict[str, np.ndarray] = {}
    for key, arr in events.items():
        try:
            a = np.asarray(arr)
        except (TypeError, ValueError) as e:
            raise NestmlTypeError(f"events[{key!r}] is not an array: {e}") from None
        if a.dtype.kind not in "biuf" and a.size:
            raise NestmlTypeError(f"events[{key!r}] must hold numbers, not {a.dtype}")
        arrays[str(key)] = a
    n = arrays["times"].shape
    if len(n) != 1:
        raise NestmlValueError(f"events['times'] must be one-dimensional, got shape {n}")
    for key, a in arrays.items():
        if a.shape != n:
            raise NestmlValueError(f"events[{key!r}] has shape {a.shape}, but 'times' has shape {n}")
    return events


def _axes(ax: Any) -> Any:
    if ax is None:
        _, ax = _pyplot().subplots()
    return ax


#: The most bins :func:`rate_histogram` makes.
MAX_BINS = 10_000_000


def _finite_ms(name: str, v: Any) -> float:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating)):
        raise NestmlTypeError(f"{name} must be a number of ms, not {type(v).__name__}")
    if not np.isfinite(v):
        raise NestmlValueError(f"{name} must be finite, got {v}")
    return float(v)


def _unit_of(name: str, units: Mapping[str, str] | None) -> str:
    if units and name in units:
        return units[name]
    for prefix, unit in _UNIT_BY_PREFIX:
        if name.startswith(prefix):
            return unit
    return ""


def plot_traces(
    events: Events,
    variables: Sequence[str] | str | None = None,
    ax: Axes | Sequence[Axes] | None = None,
    *,
    units: Mapping[str, str] | None = None,
    **line_kwargs: Any,
) -> list[Axes]:
    """Plot recorded state variables against time (a multimeter's events).

    Args:
        events: a multimeter's ``events`` (or the multimeter).
        variables: the variables to plot (default: every recorded one).
        ax: one Axes for all variables, a sequence of one Axes per variable,
            or ``None`` for a new figure with one panel per variable.
        units: axis-label units by variable name (default: NEST's usual
            units guessed from the name: ``V_*`` mV, ``I_*`` pA, ``g_*`` nS).
        **line_kwargs: passed to ``Axes.plot`` (e.g. ``lw=0.8``); a ``label``
            names the lines in the legend (useful when several runs share
            an Axes).

    Returns:
        The Axes each variable was drawn on, in the order of ``variables``.

    With several senders, each sender gets its own line (labelled with its
    node id when there are at most ten).

    Raises:
        TypeError, ValueError: malformed events, or an unknown variable.
    """
    ev = _events(events)
    recorded = [k for k in ev if k not in ("times", "senders")]
    if variables is None:
        variables = recorded
    elif isinstance(variables, str):
        variables = [variables]
    variables = list(variables)
    if not variables:
        raise NestmlValueError("nothing to plot: the events hold no recorded variables")
    for v in variables:
        if v not in ev or v in ("times", "senders"):
            raise NestmlValueError(f"{v!r} was not recorded (recorded: {', '.join(recorded) or 'nothing'})")
    if ax is None:
        _, axs = _pyplot().subplots(len(variables), 1, sharex=True, squeeze=False,
                                     figsize=(7.0, 1.2 + 1.8 * len(variables)))
        axes = [a for row in axs for a in row]
    elif isinstance(ax, Sequence):
        axes = list(ax)
        if len(axes) != len(variables):
            raise NestmlValueError(f"got {len(axes)} Axes for {len(variables)} variables")
    else:
        axes = [ax] * len(variables)
    times = np.asarray(ev["times"], dtype=float)
    senders = np.asarray(ev["senders"]) if "senders" in ev else np.zeros(times.size, dtype=np.int64)
    ids = np.unique(senders)
    shared = len(set(map(id, axes))) < len(axes)
    base = line_kwargs.pop("label", None)
    for var, a in zip(variables, axes):
        y = np.asarray(ev[var], dtype=float)
        for sid in ids:
            sel = senders == sid
            name = var if base is None else (f"{base}: {var}" if shared else str(base))
            label = name if shared or base is not None else None
            if len(ids) > 1 and len(ids) <= _MAX_LEGEND:
                label = f"{name} (node {int(sid)})" if shared or base is not None else f"node {int(sid)}"
            a.plot(times[sel], y[sel], label=label, **line_kwargs)
        unit = _unit_of(var, units)
        if not shared:
            a.set_ylabel(f"{var} ({unit})" if unit else var)
    if shared:
        unit = _unit_of(variables[0], units)
        if all(_unit_of(v, units) == unit for v in variables) and unit:
            axes[0].set_ylabel(unit)
        axes[0].legend(loc="best", fontsize="small")
    elif (len(ids) > 1 and len(ids) <= _MAX_LEGEND) or base is not None:
        axes[0].legend(loc="best", fontsize="small")
    axes[-1].set_xlabel("time (ms)")
    return axes


def plot_raster(
    events: Events,
    ax: Axes | None = None,
    *,
    marker: str = "|",
    markersize: float = 3.0,
    color: Any = "k",
    **kwargs: Any,
) -> Axes:
    """Raster plot of a spike_recorder's events: one row per sender.

    Args:
        events: a spike_recorder's ``events`` (or the recorder).
        ax: the Axes to draw into (``None``: a new figure).
        marker: the marker of a spike.
        markersize: its size in points.
        color: its colour.
        **kwargs: more arguments for ``Axes.plot``.

    Returns:
        The Axes.
    """
    ev = _events(events)
    if "senders" not in ev:
        raise NestmlValueError("events has no 'senders' array; is it a spike_recorder's events dict?")
    ax = _axes(ax)
    ax.plot(np.asarray(ev["times"], dtype=float), np.asarray(ev["senders"]), linestyle="none",
            marker=marker, markersize=markersize, color=color, **kwargs)
    ax.set_xlabel("time (ms)")
    ax.set_ylabel("neuron id")
    return ax


def rate_histogram(
    events: Events,
    bin_ms: float = 5.0,
    n_neurons: int | None = None,
    t_start: float | None = None,
    t_stop: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The population firing rate of a spike_recorder's events, in bins.

    Args:
        events: a spike_recorder's ``events`` (or the recorder).
        bin_ms: the bin width in ms (finite, > 0).
        n_neurons: the number of neurons recorded; default: the number of
            distinct senders (which misses neurons that never spiked, so pass
            it when you know it).
        t_start: the start of the time window in ms (default: 0).
        t_stop: its end in ms (default: the last spike time, rounded up to
            a whole bin).

    Returns:
        ``(edges, rate)``: bin edges in ms (``len(rate) + 1`` of them) and
        the mean rate per neuron in each bin, in spikes/s (Hz).
    """
    ev = _events(events)
    if isinstance(bin_ms, bool) or not isinstance(bin_ms, (int, float, np.floating, np.integer)):
        raise NestmlTypeError(f"bin_ms must be a number, not {type(bin_ms).__name__}")
    if not np.isfinite(bin_ms) or bin_ms <= 0:
        raise NestmlValueError(f"bin_ms must be finite and > 0, got {bin_ms}")
    try:
        times = np.asarray(ev["times"], dtype=float)
    except (TypeError, ValueError):
        raise NestmlTypeError("events['times'] must hold numbers (ms)") from None
    if not np.all(np.isfinite(times)):
        raise NestmlValueError("events['times'] must be finite")
    if n_neurons is None:
        senders = np.asarray(ev.get("senders", []))
        n_neurons = max(1, int(np.unique(senders).size))
    elif isinstance(n_neurons, bool) or not isinstance(n_neurons, (int, np.integer)) or n_neurons < 1:
        raise NestmlValueError(f"n_neurons must be an int >= 1, got {n_neurons!r}")
    start = 0.0 if t_start is None else _finite_ms("t_start", t_start)
    stop = _finite_ms("t_stop", t_stop) if t_stop is not None else (
        start + bin_ms * max(1, int(np.ceil((times.max() - start) / bin_ms + 1e-9))) if times.size else start + bin_ms
    )
    if not stop > start:
        raise NestmlValueError(f"t_stop ({stop} ms) must be > t_start ({start} ms)")
    n_bins = max(1, round((stop - start) / bin_ms))
    if n_bins > MAX_BINS:
        raise NestmlValueError(f"{n_bins} bins of {bin_ms} ms is too many (at most {MAX_BINS}); use wider bins")
    edges = start + bin_ms * np.arange(n_bins + 1)
    counts, _ = np.histogram(times, bins=edges)
    rate = counts / (int(n_neurons) * bin_ms * 1e-3)
    return edges, rate


def plot_rate(
    events: Events,
    bin_ms: float = 5.0,
    n_neurons: int | None = None,
    ax: Axes | None = None,
    *,
    t_start: float | None = None,
    t_stop: float | None = None,
    **kwargs: Any,
) -> Axes:
    """Population rate histogram (Hz per neuron) of a spike_recorder's events.

    Args:
        events: a spike_recorder's ``events`` (or the recorder).
        bin_ms: the bin width in ms.
        n_neurons: the number of neurons recorded (default: the number of
            distinct senders; see :func:`rate_histogram`).
        ax: the Axes to draw into (``None``: a new figure).
        t_start: the start of the time window in ms (default: 0).
        t_stop: its end in ms (default: the last spike, rounded up to a bin).
        **kwargs: more arguments for ``Axes.stairs``.

    Returns:
        The Axes.
    """
    edges, rate = rate_histogram(events, bin_ms, n_neurons, t_start, t_stop)
    ax = _axes(ax)
    kwargs.setdefault("fill", True)
    kwargs.setdefault("alpha", 0.7)
    ax.stairs(rate, edges, **kwargs)
    ax.set_xlabel("time (ms)")
    ax.set_ylabel("rate (spikes/s)")
    return ax


def plot_weights(
    events: Events,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Synaptic weights over time, one line per connection.

    Args:
        events: a weight_recorder's ``events`` (keys ``"times"``,
            ``"weights"``, optionally ``"senders"`` and ``"targets"``), or a
            multimeter's events with a ``"w"`` array.
        ax: the Axes to draw into (``None``: a new figure).
        **kwargs: passed to ``Axes.step`` (weights change at events and
            hold in between).

    Returns:
        The Axes.
    """
    ev = _events(events)
    key = "weights" if "weights" in ev else "w" if "w" in ev else None
    if key is None:
        raise NestmlValueError("events has no 'weights' (weight_recorder) or 'w' (multimeter) array")
    times = np.asarray(ev["times"], dtype=float)
    w = np.asarray(ev[key], dtype=float)
    senders = np.asarray(ev["senders"]) if "senders" in ev else np.zeros(times.size, dtype=np.int64)
    targets = np.asarray(ev["targets"]) if "targets" in ev else np.zeros(times.size, dtype=np.int64)
    pairs = sorted(set(zip(senders.tolist(), targets.tolist())))
    ax = _axes(ax)
    kwargs.setdefault("where", "post")
    for s, t in pairs:
        sel = (senders == s) & (targets == t)
        order = np.argsort(times[sel], kind="stable")
        label = f"{s} → {t}" if "targets" in ev and len(pairs) <= _MAX_LEGEND else None
        ax.step(times[sel][order], w[sel][order], label=label, **kwargs)
    if "targets" in ev and 1 < len(pairs) <= _MAX_LEGEND:
        ax.legend(loc="best", fontsize="small")
    ax.set_xlabel("time (ms)")
    ax.set_ylabel("weight")
    return ax
