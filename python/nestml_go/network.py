"""In-process simulation with a PyNEST-shaped API.

Example::

    import nestml_go as ng

    net = ng.Network(resolution=0.1)                       # ms
    pop = net.create("iaf_psc_exp_neuron", n=10)
    sg = net.create("spike_generator", params={"spike_times": [10.0, 20.0]})
    mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    sr = net.create("spike_recorder")
    net.connect(sg, pop, weight=500.0, delay=1.0)
    net.connect(mm, pop)
    net.connect(pop, sr)
    net.simulate(100.0)                                    # ms
    sr.events["times"], sr.events["senders"]

Times are in milliseconds, node ids are 1-based as in NEST, and the device
names and parameters are NEST's.
"""

from __future__ import annotations

import math
import numbers
import os
import threading
from typing import Any, Iterator, Mapping, Sequence, Union

import numpy as np

from ._repr import node_collection_html

from . import _native
from . import _units
from .model import Model
from .errors import NestmlError, NestmlTypeError, NestmlValueError  # argument errors raised before calling Go

__all__ = ["Network", "NodeCollection", "GENERATORS", "RECORDERS", "SAMPLING_RECORDERS"]

#: Stimulation devices: they only send (``connect(generator, neurons)``).
GENERATORS = frozenset(
    {
        "spike_generator",
        "dc_generator",
        "poisson_generator",
        "ac_generator",
        "noise_generator",
        "step_current_generator",
    }
)
#: Recording devices that sample state variables; in NEST they are connected
#: *to* the neurons they observe (``connect(multimeter, neurons)``).
SAMPLING_RECORDERS = frozenset({"multimeter", "voltmeter"})
#: Recording devices (``connect(neurons, spike_recorder)``, ``connect(multimeter, neurons)``).
RECORDERS = frozenset({"spike_recorder", "weight_recorder", "volume_transmitter"}) | SAMPLING_RECORDERS

# Event keys that hold integers (converted from the float64 transfer buffer).
_INT_EVENT_KEYS = frozenset({"senders", "targets", "receptors", "ports"})

ModelSpec = Union[str, Model, "os.PathLike[str]"]


def _is_real(x: Any) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def _real(name: str, x: Any) -> float:
    if not _is_real(x):
        raise NestmlTypeError(f"{name} must be a real number, not {type(x).__name__}")
    return float(x)


def _finite(name: str, x: Any) -> float:
    v = _real(name, x)
    if not math.isfinite(v):
        raise NestmlValueError(f"{name} must be finite, got {v}")
    return v


def _positive(name: str, x: Any) -> float:
    v = _finite(name, x)
    if v <= 0.0:
        raise NestmlValueError(f"{name} must be > 0, got {v}")
    return v


def _times(name: str, x: Any, *, sorted_: bool) -> list[float]:
    if isinstance(x, (str, bytes)) or not isinstance(x, (Sequence, np.ndarray)):
        raise NestmlTypeError(f"{name} must be a list or 1-D array of numbers, not {type(x).__name__}")
    try:
        a = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise NestmlTypeError(f"{name} must contain only numbers") from None
    if a.ndim != 1:
        raise NestmlValueError(f"{name} must be one-dimensional, got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise NestmlValueError(f"{name} must contain only finite numbers")
    if sorted_ and a.size > 1 and np.any(np.diff(a) < 0):
        raise NestmlValueError(f"{name} must be sorted in non-decreasing order")
    return [float(v) for v in a]


def _native_arg(on: Any) -> bool:
    if on is None:
        env = os.environ.get("NESTML_GO_NATIVE", "1").strip()
        if env not in ("0", "1"):
            raise NestmlValueError(f"NESTML_GO_NATIVE must be 0 or 1, got {env!r}")
        return env == "1"
    if not isinstance(on, bool):
        raise NestmlTypeError(f"native must be True, False or None, got {on!r}")
    return on


def _threads_arg(n: Any) -> int:
    if n is None:
        return 0
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 0 <= n <= MAX_THREADS:
        raise NestmlValueError(
            f"threads must be an int in [0, {MAX_THREADS}] (0 or None: one per core), got {n!r}"
        )
    return int(n)


#: The most threads a network may be given.
MAX_THREADS = 1024


def _plain_value(key: str, v: Any) -> Any:
    """Convert a parameter value to JSON-able Python, rejecting NaN and odd types."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, str):
        return v
    if _is_real(v):
        f = float(v) if not isinstance(v, (int, np.integer)) else int(v)
        if isinstance(f, float) and math.isnan(f):
            raise NestmlValueError(f"parameter {key!r} is NaN")
        if isinstance(f, float) and math.isinf(f):
            raise NestmlValueError(f"parameter {key!r} is infinite")
        return f
    if isinstance(v, np.ndarray) or (isinstance(v, Sequence) and not isinstance(v, (str, bytes))):
        items = v.tolist() if isinstance(v, np.ndarray) else list(v)
        return [_plain_value(key, x) for x in items]
    raise NestmlTypeError(
        f"parameter {key!r} has unsupported type {type(v).__name__} "
        "(use numbers, strings such as '20 ms', booleans, or lists of these)"
    )


class Network:
    """A network simulated in process by the Go engine.

    Args:
        resolution: the simulation time step in ms (finite, > 0).
        threads: how many threads advance the network (``None`` or 0: one
            per core). Results are identical for every thread count. Between
            steps the threads spin for up to 200 µs before they sleep, so a
            running simulation keeps its cores busy (decision 0006).
        native: run the numeric (RKF45) part of models in compiled C kernels
            (``True``), or in the Go engine only (``False``). ``None`` (the
            default) takes ``$NESTML_GO_NATIVE`` (``0`` or ``1``), else
            ``True``. A kernel is compiled once per model with the system's
            C compiler and cached; without a compiler the Go engine runs.
            Kernels use the C library's exp and pow (and, with AVX2 or
            AVX-512, libmvec's vector exp), so their results agree with the
            Go engine's to rounding, not bit for bit; see
            :attr:`native_status`.

    The network owns a native handle; it is released by :meth:`close`, by
    leaving a ``with`` block, or when the object is garbage-collected.
    """

    def __init__(
        self, resolution: float = 0.1, threads: int | None = None, native: bool | None = None
    ) -> None:
        self._resolution = _positive("resolution", resolution)
        self._handle: int | None = None
        res = _native.call(
            "net_new", resolution=self._resolution, threads=_threads_arg(threads),
            native=_native_arg(native),
        )
        self._handle = int(res["handle"])
        self._time = 0.0
        self._time_lock = threading.Lock()  # simulate() from several threads

    @property
    def threads(self) -> int:
        """The number of threads a simulation uses."""
        return int(_native.call("net_threads", handle=self.handle)["threads"])

    @property
    def native(self) -> bool:
        """Whether the numeric parts of models run in compiled C kernels."""
        return bool(_native.call("net_native", handle=self.handle)["native"])

    def set_native(self, on: bool | None) -> None:
        """Turn native kernels on or off (``None``: the default, see the
        class); it takes effect at the next :meth:`simulate`."""
        _native.call("net_native", handle=self.handle, native=_native_arg(on))

    @property
    def native_status(self) -> str:
        """One line per model: ``fused step kernel`` (the whole step in C),
        ``fused step kernel with the native kernel`` (the same, around a
        numeric part integrated in C), ``native kernel`` (only the numeric
        part in C, with the reason the rest is not), or ``Go engine`` with
        the reason (no C compiler, …); empty when native kernels are off or
        nothing has been simulated yet. A numeric part's kernel reports the
        neurons it integrates in lock step: ``(8 lanes)`` with AVX-512,
        ``(4 lanes)`` with AVX2, ``(scalar)`` otherwise."""
        return str(_native.call("net_native", handle=self.handle)["status"])

    def set_threads(self, n: int | None) -> None:
        """Set the number of threads (``None`` or 0: one per core). Results
        do not depend on it: every neuron is updated by the same arithmetic
        and every input buffer receives its spikes in the same order."""
        _native.call("net_threads", handle=self.handle, threads=_threads_arg(n))

    # -- lifecycle -----------------------------------------------------

    @property
    def resolution(self) -> float:
        """The simulation time step in ms."""
        return self._resolution

    @property
    def time(self) -> float:
        """Simulated time so far in ms."""
        return self._time

    @property
    def handle(self) -> int:
        """The native handle (private to nestml_go)."""
        if self._handle is None:
            raise RuntimeError("this Network is closed")
        return self._handle

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._handle is None

    def close(self) -> None:
        """Release the native network. Further use raises :class:`RuntimeError`."""
        h, self._handle = self._handle, None
        if h is not None:
            _native.release(h)

    def __enter__(self) -> "Network":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        state = "closed" if self.closed else f"t={self._time:g} ms"
        return f"Network(resolution={self._resolution:g}, {state})"

    # -- building ------------------------------------------------------

    def create(
        self,
        model: ModelSpec,
        n: int = 1,
        params: Mapping[str, Any] | None = None,
        solver: Mapping[str, str] | None = None,
    ) -> "NodeCollection":
        """Create ``n`` nodes of a model or device.

        Args:
            model: a :class:`~nestml_go.Model`, a library model or NEST device
                name (``"iaf_psc_exp_neuron"``, ``"spike_generator"``,
                ``"dc_generator"``, ``"poisson_generator"``, ``"multimeter"``,
                ``"spike_recorder"``), a path to a ``.nestml`` file, or NESTML
                source text.
            n: how many nodes (int >= 1).
            params: initial parameter/state values, e.g. ``{"tau_m": 20.0}``
                (in the declared unit), with units ``{"tau_m": "20 ms"}`` or
                ``{"tau_m": (0.02, "s")}``, or one value per node (a list or
                array); see :meth:`NodeCollection.set`. Device parameters are
                NEST's: ``spike_generator``: ``spike_times``, ``spike_weights``
                (ms, pA/nS); ``dc_generator``: ``amplitude`` (pA), ``start``,
                ``stop`` (ms); ``step_current_generator``:
                ``amplitude_times`` (ms), ``amplitude_values`` (pA),
                ``allow_offgrid_times``; ``ac_generator``: ``amplitude``,
                ``offset`` (pA), ``phase`` (deg), ``frequency`` (Hz);
                ``noise_generator``: ``mean``, ``std``, ``std_mod`` (pA),
                ``frequency`` (Hz), ``phase`` (deg), ``dt`` (ms);
                ``poisson_generator``: ``rate`` (Hz); current generators
                also take ``start`` and ``stop`` (ms);
                ``multimeter``: ``record_from`` (list of names), ``interval`` (ms).
            solver: how the numeric part of a model is integrated, with the
                keys of pynestml's ``codegen_opts``: ``numeric_solver``
                (``"rk45"``, the default; ``"rk4"``, ``"forward-Euler"``) and
                ``gsl_adaptive_step_size_controller``
                (``"with_respect_to_solution"``, the default, or
                ``"with_respect_to_derivative"``, NEST's aeif models). Only
                for neuron models.

        Returns:
            The new nodes (ids are 1-based and consecutive).
        """
        if isinstance(model, Model):
            spec = model.path if model.path is not None else model.source
            name_hint = model.name
        elif isinstance(model, os.PathLike):
            spec = os.path.abspath(os.fspath(model))
            name_hint = ""
        elif isinstance(model, str):
            if not model.strip():
                raise NestmlValueError("model must not be empty")
            spec = model
            name_hint = model
        else:
            raise NestmlTypeError(
                f"model must be a model/device name, a path, NESTML source or a Model, "
                f"not {type(model).__name__}"
            )
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
            raise NestmlTypeError(f"n must be an int, not {type(n).__name__}")
        n = int(n)
        if n < 1:
            raise NestmlValueError(f"n must be >= 1, got {n}")
        clean = self._check_params(name_hint, params)
        if solver is not None:
            if not isinstance(solver, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in solver.items()
            ):
                raise NestmlTypeError(f"solver must be a dict of strings, not {solver!r}")
            if name_hint in GENERATORS or name_hint in RECORDERS:
                raise NestmlValueError(f"solver options apply to neuron models, not to the device {name_hint!r}")
        _native.check_memory(n * _node_bytes(spec, name_hint), f"creating {n} nodes of {name_hint or 'the model'}")
        res = _native.call(
            "net_create", handle=self.handle, model=spec, n=n, params=clean,
            **({"solver": dict(solver)} if solver else {}),
        )
        first = int(res["first"])
        count = int(res.get("n", n))
        name = str(res.get("name", name_hint))
        kind = _classify(name, str(res.get("kind", "")))
        return NodeCollection(self, np.arange(first, first + count, dtype=np.int64), name, kind)

    def _check_params(self, model: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
        if params is None:
            params = {}
        if not isinstance(params, Mapping):
            raise NestmlTypeError(f"params must be a dict, not {type(params).__name__}")
        out: dict[str, Any] = {}
        for k, v in params.items():
            if not isinstance(k, str) or not k:
                raise NestmlTypeError(f"parameter names must be non-empty strings, got {k!r}")
            out[k] = v
        if model == "spike_generator":
            if "spike_times" in out:
                out["spike_times"] = _times("spike_times", out["spike_times"], sorted_=True)
                if any(t < 0 for t in out["spike_times"]):
                    raise NestmlValueError("spike_times must be >= 0 ms")
            if "spike_weights" in out:
                w = _times("spike_weights", out["spike_weights"], sorted_=False)
                nt = len(out.get("spike_times", []))
                if w and len(w) != nt:
                    raise NestmlValueError(
                        f"spike_weights has {len(w)} entries but spike_times has {nt}; "
                        "give one weight per spike time (or none)"
                    )
                out["spike_weights"] = w
        elif model in ("dc_generator", "step_current_generator", "ac_generator", "noise_generator"):
            if "amplitude" in out:
                out["amplitude"] = _finite("amplitude", out["amplitude"])
            start = _finite("start", out["start"]) if "start" in out else 0.0
            if "start" in out:
                if start < 0:
                    raise NestmlValueError(f"start must be >= 0 ms, got {start}")
                out["start"] = start
            if "stop" in out:
                stop = _real("stop", out["stop"])
                if math.isnan(stop):
                    raise NestmlValueError("stop must not be NaN")
                if stop < start:
                    raise NestmlValueError(f"stop ({stop} ms) must be >= start ({start} ms)")
                if math.isinf(stop):
                    del out["stop"]  # NEST's default: never stops
                else:
                    out["stop"] = stop
        elif model == "poisson_generator":
            if "rate" in out:
                rate = _finite("rate", out["rate"])
                if rate < 0:
                    raise NestmlValueError(f"rate must be >= 0 Hz, got {rate}")
                out["rate"] = rate
        elif model in SAMPLING_RECORDERS:
            if "record_from" in out:
                rf = out["record_from"]
                if isinstance(rf, str) or not isinstance(rf, (Sequence, np.ndarray)):
                    raise NestmlTypeError(
                        f"record_from must be a list of variable names, e.g. ['V_m'], "
                        f"not {type(rf).__name__}"
                    )
                rf = list(rf)
                if not all(isinstance(x, str) and x for x in rf):
                    raise NestmlTypeError("record_from must contain only non-empty variable names")
                out["record_from"] = rf
            if "interval" in out:
                iv = _positive("interval", out["interval"])
                if iv < self._resolution * (1 - 1e-12):
                    raise NestmlValueError(
                        f"interval ({iv} ms) must be >= the resolution ({self._resolution} ms)"
                    )
                out["interval"] = iv
        if model not in GENERATORS and model not in RECORDERS:
            # neuron parameters/state: numbers in the declared unit, or
            # quantities ("20 ms", (20, "ms")) converted by the core
            return {k: _wire_value(k, v) for k, v in out.items()}
        return {k: _plain_value(k, v) for k, v in out.items()}

    def connect(
        self,
        pre: "NodeCollection",
        post: "NodeCollection",
        weight: Any = 1.0,
        delay: Any = 1.0,
        port: int | str | None = None,
        rule: str | Mapping[str, Any] = "all_to_all",
        syn_spec: Mapping[str, Any] | None = None,
    ) -> int:
        """Connect ``pre`` to ``post`` with a NEST connection rule.

        Args:
            pre: source nodes (neurons, generators, or a multimeter).
            post: target nodes (neurons or a spike_recorder).
            weight: synaptic weight — a number, an array with one value per
                connection, or a distribution dict as in NEST
                (``{"distribution": "normal", "mean": 1.0, "std": 0.1}``,
                ``"uniform"`` with ``min``/``max``, ``"lognormal"`` with
                ``mu``/``sigma``, ``"exponential"`` with ``beta``).
            delay: transmission delay in ms (>= resolution), same forms as
                ``weight``; drawn values are rounded to the grid.
            port: input port name of the target (``"syn[1]"`` for element 1
                of a vector port), or a NEST receptor number (multi-receptor
                models number their spike ports from 1, one per vector
                element); ``None`` routes spikes by the sign of their weight
                (excitatory/inhibitory ports).
            rule: a rule name or a NEST ``conn_spec`` dict: ``all_to_all``,
                ``one_to_one``, ``fixed_indegree`` (``indegree``),
                ``fixed_outdegree`` (``outdegree``), ``fixed_total_number``
                (``N``), ``pairwise_bernoulli`` (``p``); ``allow_autapses``
                and ``allow_multapses`` default to True as in NEST.
            syn_spec: NEST's ``syn_spec``: ``synapse_model`` (default
                ``"static_synapse"``; a synapse :class:`~nestml_go.Model`, a
                library name, a ``.nestml`` path or NESTML source), ``weight``,
                ``delay`` and ``receptor_type`` (a port name) replacing the
                arguments, ``weight_recorder`` (a weight_recorder node),
                ``weight_variable`` (default ``"w"``), ``post_port``
                (default ``"post_spikes"``), ``volume_transmitter`` (a
                volume_transmitter node feeding the port ``mod_port``,
                default ``"mod_spikes"``), ``post_ports`` (third factors:
                ``{"syn_port": "neuron_variable"}``), ``continuous_state_buffering_method``
                (how they read the neuron variables: ``"continuous_time_buffer"``,
                the default, or ``"post_spike_based"``, as the codegen option of
                the same name), ``delay_variable`` (a
                parameter that receives each connection's delay), and
                values of the synapse's parameters and initial state — a
                number, or, per connection, an array or a distribution dict
                as for ``weight`` (see docs/synapses.md).

        Returns:
            The number of connections made.

        As in NEST, a multimeter is connected *to* the neurons it records
        (``connect(mm, neurons)``) and neurons to a spike_recorder
        (``connect(neurons, sr)``). Random rules draw from the network's
        generator (see :meth:`set_seed`).
        """
        for name, nc in (("pre", pre), ("post", post)):
            if not isinstance(nc, NodeCollection):
                raise NestmlTypeError(f"{name} must be a NodeCollection, not {type(nc).__name__}")
            if nc.network is not self:
                raise NestmlValueError(f"{name} belongs to a different Network")
            if len(nc) == 0:
                raise NestmlValueError(f"{name} is empty")
        syn, weight, delay, port = _syn_spec(self, syn_spec, weight, delay, port)
        w = _value_spec("weight", weight)
        d = _value_spec("delay", delay)
        if "const" in d and d["const"] < self._resolution * (1 - 1e-12):
            raise NestmlValueError(f"delay ({d['const']} ms) must be >= the resolution ({self._resolution} ms)")
        if "array" in d and any(x < self._resolution * (1 - 1e-12) for x in d["array"]):
            raise NestmlValueError(f"every delay must be >= the resolution ({self._resolution} ms)")
        if port is not None:
            if isinstance(port, str):
                if not port:
                    raise NestmlValueError("port must not be an empty string")
            elif isinstance(port, (int, np.integer)) and not isinstance(port, bool):
                port = int(port)  # a NEST receptor number (receptor_type), resolved by the engine
                if port < 0:
                    raise NestmlValueError(f"receptor_type must be >= 0, got {port}")
            else:
                raise NestmlTypeError(f"port must be a port name or None, not {type(port).__name__}")
        spec = _conn_spec(rule)
        _check_direction(pre, post)
        n_syn = _n_synapses(spec, len(pre), len(post))
        _native.check_memory(n_syn * SYNAPSE_BYTES, f"connecting {n_syn:.3g} synapses")
        res = _native.call(
            "net_connect",
            handle=self.handle,
            pre=pre.ids.tolist(),
            post=post.ids.tolist(),
            weight=w,
            delay=d,
            port=port,
            conn_spec=spec,
            syn_spec=syn,
        )
        return int(res.get("n", 0))

    def set_seed(self, seed: int) -> None:
        """Seed the network's random numbers (connection rules,
        distributions, poisson_generator). The same seed gives the same
        network and the same spikes."""
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise NestmlValueError(f"seed must be an int >= 0, got {seed!r}")
        _native.call("net_seed", handle=self.handle, seed=int(seed))

    def simulate(self, t_ms: float, progress: bool | None = None) -> None:
        """Advance the network by ``t_ms`` milliseconds (finite, > 0, a
        multiple of the resolution).

        The run proceeds in chunks so that it can show progress and be
        interrupted: Ctrl-C (KeyboardInterrupt) stops it after the current
        chunk, leaving the network consistent at the time reached (``time``);
        a later ``simulate`` continues from there. Splitting a run changes
        no result: ``simulate(100)`` equals ``10 × simulate(10)``.

        Args:
            progress: show a progress bar (``None``: only for runs that take
                more than about a second, and only on a terminal or in a
                notebook).
        """
        t = _positive("t_ms", t_ms)
        steps = t / self._resolution
        if steps >= 2.0**53:
            raise NestmlValueError(f"t_ms ({t} ms) is too long: {steps:.3g} steps exceed 2**53")
        if abs(steps - round(steps)) > 1e-9 * max(1.0, steps):
            raise NestmlValueError(
                f"t_ms ({t} ms) must be a multiple of the resolution ({self._resolution} ms)"
            )
        if progress is not None and not isinstance(progress, bool):
            raise NestmlTypeError(f"progress must be a bool or None, not {type(progress).__name__}")
        total = int(round(steps))
        chunk = max(1, min(total, int(round(10.0 / self._resolution))))  # 10 ms of model time
        done = 0
        bar = _Progress(total, self._resolution, progress)
        try:
            while done < total:
                n = min(chunk, total - done)
                with self._time_lock:  # the call and the clock update together (threads)
                    res = _native.call("net_simulate", handle=self.handle, t=n * self._resolution)
                    self._time = float(res["time"]) if "time" in res else self._time + n * self._resolution
                done += n
                bar.update(done)
        finally:
            bar.close()

    # -- results -------------------------------------------------------

    def _events(self, recorder: int) -> dict[str, np.ndarray]:
        meta = _native.call("net_events_meta", handle=self.handle, recorder=recorder)
        n = int(meta["n"])
        units = meta.get("units") or {}
        out: dict[str, np.ndarray] = {}
        for key in meta["keys"]:
            arr = _native.fill(self.handle, {"recorder": recorder, "key": key}, n)
            if key in _INT_EVENT_KEYS:
                out[key] = arr.astype(np.int64)
            elif units.get(key):
                out[key] = _units.UnitArray(arr, str(units[key]))  # ndarray with a .unit
            else:
                out[key] = arr
        return out


_RULES = {
    "all_to_all": (),
    "one_to_one": (),
    "fixed_indegree": ("indegree",),
    "fixed_outdegree": ("outdegree",),
    "fixed_total_number": ("N",),
    "pairwise_bernoulli": ("p",),
}


def _syn_spec(net: "Network", syn_spec: Any, weight: Any, delay: Any, port: Any) -> tuple[Any, Any, Any, Any]:
    """Split a NEST ``syn_spec`` into the native synapse spec (None for
    the plain static synapse) and the weight, delay and port it sets."""
    if syn_spec is None:
        return None, weight, delay, port
    if not isinstance(syn_spec, Mapping):
        raise NestmlTypeError(f"syn_spec must be a dict, not {type(syn_spec).__name__}")
    ss = dict(syn_spec)
    weight = ss.pop("weight", weight)
    delay = ss.pop("delay", delay)
    if "receptor_type" in ss:
        port = ss.pop("receptor_type")
    model = ss.pop("synapse_model", "static_synapse")
    if isinstance(model, Model):
        model = model.path if model.path is not None else model.source
    elif isinstance(model, os.PathLike):
        model = os.path.abspath(os.fspath(model))
    elif not isinstance(model, str) or not model.strip():
        raise NestmlTypeError("synapse_model must be a synapse name, a path, NESTML source or a Model")
    out: dict[str, Any] = {"synapse_model": model, "params": {}}
    for dev in ("weight_recorder", "volume_transmitter"):
        node = ss.pop(dev, None)
        if node is None:
            continue
        if isinstance(node, NodeCollection):
            if node.network is not net or node.name != dev or len(node) != 1:
                raise NestmlValueError(f"{dev} must be one {dev} node of this network")
            node = int(node.ids[0])
        if isinstance(node, bool) or not isinstance(node, (int, np.integer)):
            raise NestmlTypeError(f"{dev} must be a {dev} node, not {type(node).__name__}")
        out[dev] = int(node)
    for key in ("weight_variable", "post_port", "mod_port", "delay_variable", "continuous_state_buffering_method"):
        if key in ss:
            v = ss.pop(key)
            if not isinstance(v, str) or not v:
                raise NestmlTypeError(f"{key} must be a non-empty name")
            out[key] = v
    if "post_ports" in ss:
        bound, spike_port = _post_ports(ss.pop("post_ports"))
        if bound:
            out["post_ports"] = bound
        if spike_port is not None:
            if out.get("post_port", spike_port) != spike_port:
                raise NestmlValueError(f"post_ports names the spike port {spike_port!r} but post_port is {out['post_port']!r}")
            out["post_port"] = spike_port
    for k, v in ss.items():
        if not isinstance(k, str) or not k:
            raise NestmlTypeError(f"syn_spec keys must be names, got {k!r}")
        if isinstance(v, (Mapping, list, tuple, np.ndarray)):
            # one value per connection: an array or a distribution
            out.setdefault("per_conn", {})[k] = _value_spec(k, v)
        else:
            out["params"][k] = _finite(k, v)
    return out, weight, delay, port


def _post_ports(v: Any) -> tuple[dict[str, str], str | None]:
    """Third-factor bindings: ``{"syn_port": "neuron_var"}`` or pynestml's
    ``neuron_synapse_pairs`` form ``["post_spikes", ["syn_port", "neuron_var"], ...]``
    (a bare name is the postsynaptic spike port). Returns the bindings and
    the spike port (or None)."""
    if isinstance(v, str):
        v = [v]
    pairs = v.items() if isinstance(v, Mapping) else v
    out: dict[str, str] = {}
    spike_port = None
    try:
        for pair in pairs:
            if isinstance(pair, str):
                if not pair or spike_port is not None:
                    raise TypeError
                spike_port = pair
                continue
            port, var = pair
            if not isinstance(port, str) or not port or not isinstance(var, str) or not var:
                raise TypeError
            out[port] = var
    except (TypeError, ValueError):
        raise NestmlTypeError(
            'post_ports must map synapse continuous ports to neuron variables: {"port": "var"} or [["port", "var"], ...]'
        ) from None
    return out, spike_port


def _conn_spec(rule: Any) -> dict[str, Any]:
    if isinstance(rule, str):
        rule = {"rule": rule}
    if not isinstance(rule, Mapping):
        raise NestmlTypeError(f"rule must be a rule name or a conn_spec dict, not {type(rule).__name__}")
    spec = dict(rule)
    name = spec.pop("rule", "all_to_all")
    if not isinstance(name, str) or name not in _RULES:
        raise NestmlValueError(f"unknown connection rule {name!r}; use one of {', '.join(_RULES)}")
    out: dict[str, Any] = {"rule": name}
    for key in _RULES[name]:
        if key not in spec:
            raise NestmlValueError(f"rule {name!r} needs {key!r}")
        v = spec.pop(key)
        if key == "p":
            p = _real("p", v)
            if not 0.0 <= p <= 1.0:
                raise NestmlValueError(f"p must lie in [0, 1], got {p}")
            out["p"] = p
        else:
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
                raise NestmlValueError(f"{key} must be an int >= 0, got {v!r}")
            out[key] = int(v)
    for key in ("allow_autapses", "allow_multapses"):
        if key in spec:
            v = spec.pop(key)
            if not isinstance(v, bool):
                raise NestmlTypeError(f"{key} must be a bool")
            out[key] = v
    if spec:
        raise NestmlValueError(f"unknown conn_spec keys for {name!r}: {', '.join(sorted(map(str, spec)))}")
    return out


_DISTRIBUTIONS = {"normal": ("mean", "std"), "uniform": ("min", "max"), "lognormal": ("mu", "sigma"), "exponential": ("beta",)}


def _value_spec(name: str, v: Any) -> dict[str, Any]:
    if isinstance(v, Mapping):
        d = dict(v)
        dist = d.pop("distribution", None)
        if not isinstance(dist, str) or dist not in _DISTRIBUTIONS:
            raise NestmlValueError(f"{name}: distribution must be one of {', '.join(_DISTRIBUTIONS)}, got {dist!r}")
        out: dict[str, Any] = {"distribution": dist}
        for key in _DISTRIBUTIONS[dist]:
            if key not in d:
                raise NestmlValueError(f"{name}: the {dist} distribution needs {key!r}")
            out[key] = _finite(f"{name}.{key}", d.pop(key))
        if d:
            raise NestmlValueError(f"{name}: unknown keys {', '.join(sorted(map(str, d)))}")
        return out
    if isinstance(v, (list, tuple, np.ndarray)):
        try:
            arr = np.asarray(v, dtype=float).ravel()
        except (TypeError, ValueError):
            raise NestmlTypeError(f"{name} must be a number, an array of numbers or a distribution dict") from None
        if not np.all(np.isfinite(arr)):
            raise NestmlValueError(f"{name}: every value must be finite")
        return {"array": arr.tolist()}
    return {"const": _finite(name, v)}


class _Progress:
    """A minimal progress bar on stderr (terminals) or a notebook widget-free
    text line, shown only for runs longer than about a second."""

    def __init__(self, total: int, h: float, enabled: bool | None) -> None:
        import sys
        import time

        self._sys, self._time = sys, time
        self.total, self.h = total, h
        self.start = time.monotonic()
        # enabled=True forces the bar; None shows it only for runs longer
        # than about a second, on a terminal or in a notebook
        self.forced = enabled is True
        self.enabled = enabled
        if enabled is None:
            self.enabled = bool(getattr(sys.stderr, "isatty", lambda: False)()) or "ipykernel" in sys.modules
        self.shown = False

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        elapsed = self._time.monotonic() - self.start
        if not self.shown and elapsed < 1.0 and not self.forced:
            return
        frac = done / self.total
        eta = elapsed / frac - elapsed if frac > 0 else 0.0
        bar = "#" * int(30 * frac)
        self._sys.stderr.write(
            f"\r[nestml_go] {bar:<30} {100 * frac:5.1f}%  {done * self.h:.1f}/{self.total * self.h:.1f} ms  eta {eta:.0f} s"
        )
        self._sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self._sys.stderr.write("\n")
            self._sys.stderr.flush()


#: Memory per synapse for the estimate in :meth:`Network.connect` (bytes).
SYNAPSE_BYTES = 16
#: Fixed memory per neuron besides its variables (bytes): buffers, bookkeeping.
NODE_OVERHEAD_BYTES = 64


def _node_bytes(spec: str, name: str) -> int:
    """A lower-bound estimate of one node's memory: 8 bytes per declared
    parameter, state, internal and input (from the model source), plus
    :data:`NODE_OVERHEAD_BYTES`; devices count as one node."""
    if name in GENERATORS or name in RECORDERS:
        return NODE_OVERHEAD_BYTES
    from ._repr import summarize

    try:
        src = spec
        if "\n" not in spec and not spec.lstrip().startswith("model "):
            if os.path.isfile(spec):
                with open(spec, encoding="utf-8") as f:
                    src = f.read()
            else:
                src = str(_native.call("library", name=spec)["source"])
        sm = summarize(src)
        nvars = len(sm.parameters) + len(sm.state) + len(sm.internals) + len(sm.inputs)
    except Exception:  # noqa: BLE001 - only an estimate; the core reports real errors
        nvars = 0
    return NODE_OVERHEAD_BYTES + 8 * max(nvars, 1)


def _n_synapses(spec: Mapping[str, Any], n_pre: int, n_post: int) -> float:
    """How many synapses a conn_spec makes (the expectation for pairwise_bernoulli)."""
    rule = spec["rule"]
    if rule == "one_to_one":
        return float(min(n_pre, n_post))
    if rule == "fixed_indegree":
        return float(spec["indegree"]) * n_post
    if rule == "fixed_outdegree":
        return float(spec["outdegree"]) * n_pre
    if rule == "fixed_total_number":
        return float(spec["N"])
    if rule == "pairwise_bernoulli":
        return float(spec["p"]) * n_pre * n_post
    return float(n_pre) * n_post


def _wire_value(name: str, value: Any) -> Any:
    """:func:`_units.wire_value` with its argument errors as nestml_go's
    exception types (NestmlTypeError / NestmlValueError)."""
    try:
        return _units.wire_value(name, value)
    except NestmlError:
        raise
    except TypeError as e:
        raise NestmlTypeError(str(e)) from None
    except ValueError as e:
        raise NestmlValueError(str(e)) from None


def _classify(name: str, kind: str) -> str:
    """Return ``"generator"``, ``"recorder"`` or ``"neuron"``."""
    if name in GENERATORS:
        return "generator"
    if name in RECORDERS:
        return "recorder"
    if kind in ("generator", "recorder", "neuron"):
        return kind
    return "neuron"


def _check_direction(pre: "NodeCollection", post: "NodeCollection") -> None:
    if post.kind == "generator":
        raise NestmlValueError(
            f"cannot connect into a {post.name}: generators only send; "
            f"use connect({post.name}, neurons)"
        )
    if post.name in SAMPLING_RECORDERS:
        raise NestmlValueError(
            f"a {post.name} is connected to the neurons it records: "
            f"use connect({post.name}, neurons), not connect(neurons, {post.name})"
        )
    if pre.kind == "recorder" and pre.name not in SAMPLING_RECORDERS:
        raise NestmlValueError(
            f"a {pre.name} only receives: use connect(neurons, {pre.name})"
        )
    if pre.name in SAMPLING_RECORDERS and post.kind != "neuron":
        raise NestmlValueError(f"a {pre.name} can only record from neurons, not from a {post.name}")
    if pre.kind == "generator" and post.kind == "recorder":
        raise NestmlValueError(
            f"cannot connect a {pre.name} to a {post.name} directly; "
            "record the neurons it drives (or route it through a parrot neuron)"
        )


class NodeCollection:
    """A group of nodes of one model in a :class:`Network` (like PyNEST's).

    Attributes:
        network: the network the nodes belong to.
        ids: node ids (1-based, int64 NumPy array).
        name: the model or device name.
        kind: ``"neuron"``, ``"generator"`` or ``"recorder"``.
    """

    _repr_html_ = node_collection_html

    def __init__(self, network: Network, ids: np.ndarray, name: str, kind: str) -> None:
        self.network = network
        self._ids = np.asarray(ids, dtype=np.int64)
        self._ids.setflags(write=False)
        self.name = name
        self.kind = kind

    @property
    def ids(self) -> np.ndarray:
        """Node ids, 1-based (read-only int64 array)."""
        return self._ids

    def __len__(self) -> int:
        return int(self._ids.size)

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids.tolist())

    def __getitem__(self, index: int | slice | Sequence[int] | np.ndarray) -> "NodeCollection":
        if isinstance(index, (bool, np.bool_)) or not isinstance(index, (int, np.integer, slice, Sequence, np.ndarray)):
            raise NestmlTypeError(f"index must be an int, a slice or a list of ints, not {type(index).__name__}")
        if isinstance(index, (str, bytes)):
            raise NestmlTypeError("index must be an int, a slice or a list of ints, not a string")
        if isinstance(index, (Sequence, np.ndarray)):
            try:
                arr = np.asarray(index)
            except (TypeError, ValueError):
                raise NestmlTypeError("index must be a flat list of ints") from None
            if arr.ndim != 1 or (arr.size and arr.dtype.kind not in "iub"):
                raise NestmlTypeError(f"index must be a flat list of ints (or booleans), got {index!r}")
            index = arr.astype(np.int64) if arr.size == 0 else arr
        try:
            sel = self._ids[index]
        except (IndexError, OverflowError) as e:
            raise NestmlValueError(f"index out of range for {len(self)} nodes: {e}") from None
        except (TypeError, ValueError) as e:
            raise NestmlTypeError(f"bad index {index!r}: {e}") from None
        return NodeCollection(self.network, np.atleast_1d(sel), self.name, self.kind)

    def __repr__(self) -> str:
        if len(self) == 0:
            return f"NodeCollection(model={self.name}, size=0)"
        return (
            f"NodeCollection(model={self.name}, size={len(self)}, "
            f"first={int(self._ids[0])}, last={int(self._ids[-1])})"
        )

    @property
    def events(self) -> dict[str, np.ndarray] | tuple[dict[str, np.ndarray], ...]:
        """Recorded events, as NEST's ``events`` dictionary.

        Keys are ``"times"`` (ms, float64), ``"senders"`` (int64) and, for a
        multimeter, one float64 array per recorded variable (one entry per
        sample and sender). Times and recorded variables are
        :class:`~nestml_go._units.UnitArray` s: NumPy arrays whose ``unit``
        attribute names their unit (``"ms"``, ``"mV"``, …; plain arrays for
        dimensionless values and where the recorded internal unit differs
        from the declared one). For a collection of several recorders, a tuple
        with one dictionary per recorder (as PyNEST's ``get("events")``).
        """
        if self.kind != "recorder":
            raise NestmlTypeError(f"{self.name} is not a recording device; it has no events")
        per = tuple(self.network._events(int(i)) for i in self._ids)
        return per[0] if len(per) == 1 else per

    # -- parameters and state ----------------------------------------------

    def _neuron_ids(self, what: str) -> list[int]:
        if self.kind != "neuron":
            raise NestmlTypeError(
                f"{self.name} is a device; {what} works on neurons (set device parameters in create)"
            )
        if self.network.closed:
            raise RuntimeError("this Network is closed")
        return [int(i) for i in self._ids]

    def get(self, *names: str | Sequence[str], with_unit: bool = False) -> Any:
        """Parameters and state variables of the neurons, as NumPy arrays in
        the model's declared units (like PyNEST's ``get``).

        ``get("V_m")`` returns a :class:`~nestml_go._units.UnitArray` (a
        float64 array, one value per node, whose ``unit`` attribute is the
        declared unit, e.g. ``"mV"``; ``""`` for plain numbers);
        ``get("V_m", with_unit=True)`` returns the pair ``(array, "mV")``.
        ``get("V_m", "tau_m")`` or ``get(["V_m", "tau_m"])`` returns a dict
        of such arrays (pairs with ``with_unit``); ``get()`` a dict of all
        parameters and state variables. An unknown name raises
        :class:`ValueError` with a did-you-mean hint. A vector variable
        ``x`` gives a (nodes × elements) array; its elements are got and
        set one by one as ``"x[0]"``, ``"x[1]"``, … (also in ``record_from``).
        """
        ids = self._neuron_ids("get")
        if not isinstance(with_unit, bool):
            raise NestmlTypeError("with_unit must be a bool")
        single = len(names) == 1 and isinstance(names[0], str)
        if len(names) == 1 and not isinstance(names[0], str):
            if not isinstance(names[0], (Sequence, np.ndarray)):
                raise NestmlTypeError(f"names must be strings, not {type(names[0]).__name__}")
            names = tuple(names[0])
        if not names:
            meta = _native.call("net_vars", handle=self.network.handle, id=ids[0])
            names = tuple(meta["names"])
        out: dict[str, Any] = {}
        for name in names:
            if not isinstance(name, str) or not name:
                raise NestmlTypeError(f"variable names must be non-empty strings, got {name!r}")
            res = _native.call("net_get", handle=self.network.handle, ids=ids, name=name)
            arr = _units.UnitArray(res["values"], str(res.get("unit", "")))
            out[name] = (np.asarray(arr), arr.unit) if with_unit else arr
        return out[str(names[0])] if single else out

    def set(self, params: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        """Set parameters and state variables of the neurons (like PyNEST's
        ``set``): ``set(V_m=-70.0)``, ``set({"V_m": array})``,
        ``set(tau_m="20 ms")``, ``set(tau_m=(0.02, "s"))``.

        A plain number or array is in the variable's declared unit; a value
        with a unit is converted by the core's unit system, and a unit of
        another dimension raises :class:`ValueError` naming both units. An
        array gives one value per node. After the assignment the model's
        parameter invariants (``[[...]]``) are checked: if one fails, or a
        name is unknown (the message suggests the nearest name), a
        :class:`ValueError` is raised and nothing is changed. New parameters
        take effect at the next ``simulate``; state variables keep their
        values when parameters change, as in NEST.
        """
        ids = self._neuron_ids("set")
        merged: dict[str, Any] = {}
        if params is not None:
            if not isinstance(params, Mapping):
                raise NestmlTypeError(f"params must be a dict, not {type(params).__name__}")
            merged.update(params)
        merged.update(kwargs)
        if not merged:
            return
        wire: dict[str, Any] = {}
        for k, v in merged.items():
            if not isinstance(k, str) or not k:
                raise NestmlTypeError(f"parameter names must be non-empty strings, got {k!r}")
            w = _wire_value(k, v)
            arr = w.get("value") if isinstance(w, dict) else w
            if isinstance(arr, list) and len(arr) != len(ids):
                raise NestmlValueError(f"{k}: {len(arr)} values for {len(ids)} nodes (give one value or one per node)")
            wire[k] = w
        _native.call("net_set", handle=self.network.handle, ids=ids, params=wire)
