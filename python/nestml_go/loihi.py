"""The Loihi target: Lava code generation, quantization and fixed-point emulation.

Take a NESTML model to Intel's Lava framework (0.10.0) and see exactly what
Loihi 2's fixed-point arithmetic does to it::

    import nestml_go as ng

    ng.generate_loihi_target("models/iaf_psc_exp_neuron.nestml", "loihi_out/",
                             codegen_opts={"parameters": {"refr_T": 0.0}})

    rep = ng.loihi.quantize("iaf_psc_exp_neuron", codegen_opts={"parameters": {"refr_T": 0.0}})
    stim = ng.loihi.make_stimulus(spikes=[[10, 50, 51]], weights=[[300.0]], steps=200)
    runs = ng.loihi.emulate("iaf_psc_exp_neuron", stim, runs=("reference", "fixed"),
                            codegen_opts={"parameters": {"refr_T": 0.0}})
    runs["fixed"]["v"]            # integer membrane, steps x n (bit-exact Loihi)
    runs["reference"]["v_mV"]     # the Go engine (NEST semantics), mV

In-process comparison is deliberately a function, not a new Network backend:
:func:`emulate` runs a population of the model driven by a spike raster
(Lava's RingBuffer -> Dense -> neuron) in the Go fixed-point emulator, in the
generated float model's arithmetic, and in the Go engine (the float
reference), and returns NumPy arrays. The stimulus is the same structure the
generated ``run_example.py`` reads from ``stimulus.json``, so a Lava run and
the emulator can be compared bit for bit.

Nothing here imports Lava: the main package runs on Python versions Lava
cannot be installed on. NIR files are written through :func:`write_nir`,
which imports ``nir`` lazily.
"""

from __future__ import annotations

import math
import numbers
import os
import sys
from typing import Any, Iterable, Mapping, Sequence, Union

import numpy as np

from . import _native
from .codegen import (
    InputPath,
    PathLike,
    _check_common,
    _check_level,
    _check_optional_path,
    _expand_input_path,
    _log,
    _store_log,
)
from .errors import (
    CodeGeneratorOptionsException,
    Diagnostic,
    NestmlCodegenError,
    error_for_diagnostics,
)
from .errors import NestmlTypeError, NestmlValueError  # argument errors raised before calling Go

__all__ = [
    "generate_loihi_target",
    "quantize",
    "emulate",
    "make_stimulus",
    "example_stimulus",
    "write_nir",
    "LOIHI_CODEGEN_OPTIONS",
]

#: codegen_opts keys of the Loihi target (loihi_target.md §8), plus the
#: extensions ``sim_steps`` (steps of each reference stimulus of the
#: simulated error, default 20000) and ``nir_delay`` (ms, with
#: ``nir_include_delay``).
LOIHI_CODEGEN_OPTIONS = frozenset(
    {
        "resolution",
        "tier",
        "parameters",
        "weights",
        "max_simultaneous_inputs",
        "max_input_rate",
        "v_min",
        "headroom",
        "vth_mant",
        "continuous_ports",
        "allow_no_leak",
        "fixed_point",
        "nir",
        "nir_units",
        "nir_include_delay",
        "sim_steps",
        "nir_delay",
    }
)

ModelSpec = Union[str, "os.PathLike[str]", Any]


def _check_opts(codegen_opts: Mapping[str, Any] | None) -> dict[str, Any]:
    if codegen_opts is None:
        return {}
    if not isinstance(codegen_opts, Mapping):
        raise NestmlTypeError(f"codegen_opts must be a dict, not {type(codegen_opts).__name__}")
    opts = dict(codegen_opts)
    for key in opts:
        if not isinstance(key, str) or key not in LOIHI_CODEGEN_OPTIONS:
            raise CodeGeneratorOptionsException(str(key))
    for key in ("parameters", "weights"):
        if key in opts and not isinstance(opts[key], Mapping):
            raise NestmlTypeError(f"codegen_opts[{key!r}] must be a dict")
    if "weights" in opts:
        w: dict[str, list[float]] = {}
        for k, v in opts["weights"].items():
            if not isinstance(k, str) or isinstance(v, (str, bytes)) or not isinstance(v, Sequence) or len(v) != 2:
                raise NestmlTypeError(f"codegen_opts['weights'] maps port names to [w_min, w_max], got {k!r}: {v!r}")
            w[k] = [_number(f"codegen_opts['weights'][{k!r}]", x) for x in v]
        opts["weights"] = w
    if "parameters" in opts:
        ps: dict[str, float] = {}
        for k, v in opts["parameters"].items():
            if not isinstance(k, str):
                raise NestmlTypeError(f"codegen_opts['parameters'] keys must be names, got {k!r}")
            ps[k] = _number(f"codegen_opts['parameters'][{k!r}]", v)
        opts["parameters"] = ps
    for key in ("resolution", "max_input_rate", "v_min", "headroom", "nir_delay"):
        if key in opts:
            opts[key] = _number(f"codegen_opts[{key!r}]", opts[key])
    for key in ("resolution", "max_input_rate"):
        if key in opts and opts[key] <= 0:
            raise NestmlValueError(f"codegen_opts[{key!r}] must be > 0, got {opts[key]}")
    for key in ("max_simultaneous_inputs", "vth_mant", "sim_steps"):
        if key in opts:
            opts[key] = _count(f"codegen_opts[{key!r}]", opts[key], 1, 1 << 24)
    for key in ("allow_no_leak", "fixed_point", "nir", "nir_include_delay"):
        if key in opts and not isinstance(opts[key], bool):
            raise NestmlTypeError(f"codegen_opts[{key!r}] must be True or False")
    if opts.get("tier", "auto") not in ("auto", "A", "B"):
        raise NestmlValueError("codegen_opts['tier'] must be 'auto', 'A' or 'B'")
    if opts.get("continuous_ports", "drop") not in ("drop", "error"):
        raise NestmlValueError("codegen_opts['continuous_ports'] must be 'drop' or 'error'")
    if opts.get("nir_units", "SI") not in ("SI", "nest"):
        raise NestmlValueError("codegen_opts['nir_units'] must be 'SI' or 'nest'")
    return opts


def _number(name: str, v: Any) -> float:
    """A finite real number (not a bool)."""
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, numbers.Real):
        raise NestmlTypeError(f"{name} must be a number, not {type(v).__name__}")
    f = float(v)
    if not math.isfinite(f):
        raise NestmlValueError(f"{name} must be finite, got {f}")
    return f


def _count(name: str, v: Any, lo: int, hi: int) -> int:
    """An int in [lo, hi] (not a bool)."""
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer)):
        raise NestmlTypeError(f"{name} must be an int, not {type(v).__name__}")
    if not lo <= int(v) <= hi:
        raise NestmlValueError(f"{name} must lie in [{lo}, {hi}], got {int(v)}")
    return int(v)


#: Largest stimulus accepted by :func:`emulate` and friends (steps × neurons).
MAX_STIMULUS_CELLS = 1 << 31


def _check_stimulus(stimulus: Any, nruns: int = 1) -> dict[str, Any]:
    """Validate a stimulus dict (see :func:`make_stimulus`) and refuse one
    whose traces would not fit in memory."""
    if not isinstance(stimulus, Mapping):
        raise NestmlTypeError(f"stimulus must be a dict (see make_stimulus), not {type(stimulus).__name__}")
    st = dict(stimulus)
    unknown = set(st) - {"steps", "n", "inputs", "spikes", "weights", "delays"}
    if unknown:
        raise NestmlValueError(f"stimulus has unknown keys {sorted(map(str, unknown))}")
    for key in ("steps", "n", "spikes", "weights"):
        if key not in st:
            raise NestmlValueError(f"stimulus needs {key!r}")
    steps = _count("stimulus['steps']", st["steps"], 1, MAX_STIMULUS_CELLS)
    n = _count("stimulus['n']", st["n"], 1, MAX_STIMULUS_CELLS)
    if steps * n > MAX_STIMULUS_CELLS:
        raise NestmlValueError(f"stimulus too large: {steps} steps x {n} neurons")
    sp = st["spikes"]
    if isinstance(sp, (str, bytes)) or not isinstance(sp, Sequence):
        raise NestmlTypeError("stimulus['spikes'] must be a list of spike-step lists")
    spikes = [[_count(f"stimulus['spikes'][{j}]", t, 1, steps) for t in _seq(f"stimulus['spikes'][{j}]", s)]
              for j, s in enumerate(sp)]
    inputs = _count("stimulus['inputs']", st.get("inputs", len(spikes)), 0, 1 << 20)
    if inputs != len(spikes):
        raise NestmlValueError(f"stimulus has {len(spikes)} spike lists for {inputs} inputs")
    weights = [_number("stimulus['weights']", w) for w in _seq("stimulus['weights']", st["weights"])]
    if len(weights) != n * inputs:
        raise NestmlValueError(f"stimulus has {len(weights)} weights for {n} x {inputs} (n x inputs)")
    out: dict[str, Any] = {"steps": steps, "n": n, "inputs": inputs, "spikes": spikes, "weights": weights}
    if st.get("delays") is not None:
        delays = [_count("stimulus['delays']", d, 1, 64) for d in _seq("stimulus['delays']", st["delays"])]
        if len(delays) != n * inputs:
            raise NestmlValueError(f"stimulus has {len(delays)} delays for {n} x {inputs} (n x inputs)")
        out["delays"] = delays
    # traces: per run a few (steps x n) arrays of 8 bytes in Go, JSON and NumPy
    _native.check_memory(max(1, nruns) * steps * (n * 8 * 12 + inputs * 4), f"a stimulus of {steps} steps x {n} neurons")
    return out


def _seq(name: str, v: Any) -> list[Any]:
    if isinstance(v, np.ndarray):
        return list(v.ravel().tolist())
    if isinstance(v, (str, bytes, Mapping)) or not isinstance(v, Iterable):
        raise NestmlTypeError(f"{name} must be a list, not {type(v).__name__}")
    return list(v)


def _raise_for(diags: Sequence[Diagnostic]) -> None:
    errs = [d for d in diags if d.is_error]
    if not errs:
        return
    if any(d.code.startswith("LOIHI_") for d in errs):
        msg = str(errs[0]) if len(errs) == 1 else f"{errs[0]} (and {len(errs) - 1} more errors)"
        raise NestmlCodegenError(msg, list(diags))
    raise error_for_diagnostics(diags)


def _model_spec(model: ModelSpec) -> str:
    """A library name, a path, NESTML source, or a nestml_go.Model."""
    src = getattr(model, "source", None)
    if isinstance(src, str):
        return src
    if isinstance(model, os.PathLike):
        return os.fspath(model)
    if isinstance(model, str):
        return model
    raise NestmlTypeError(f"model must be a name, a path, NESTML source or a Model, not {type(model).__name__}")


def generate_loihi_target(
    input_path: InputPath,
    target_path: PathLike | None = None,
    logging_level: str = "ERROR",
    module_name: str = "nestml_lava",
    store_log: bool = False,
    suffix: str = "",
    dev: bool = False,
    codegen_opts: Mapping[str, Any] | None = None,
) -> None:
    """Generate Lava code for NESTML models (loihi_target.md §8).

    For every accepted neuron model, writes ``<target_path>/<module_name>/<model>/``
    with ``process.py`` (the Lava ``Process``), ``models.py`` (a floating-point
    ``ProcessModel`` in NEST's update order and a fixed-point one: Loihi's
    bit-accurate LIF for tier A, Loihi-style integers for tier B),
    ``connections.py``, ``stock.py`` (tier A: Lava's own ``LIF``),
    ``run_example.py`` with ``stimulus.json``, ``quantization.json``,
    ``README.md`` and, for tier A, ``<model>.nir.json`` (and ``<model>.nir``
    when the ``nir`` and ``h5py`` packages are importable). The solver report
    goes to ``<target_path>/report/<model>.solver.json``.

    Args:
        input_path: a ``.nestml`` file, a directory (searched recursively),
            or a list of these.
        target_path: output directory; default ``./target_lava``.
        logging_level: ``"DEBUG"``, ``"INFO"``, ``"WARNING"``, ``"ERROR"`` or
            ``"NONE"``; diagnostics at or above it are printed to stderr.
        module_name: the generated Python package (need not end in "module").
        store_log: also write the diagnostics to ``report/log.json``.
        suffix: appended to every generated model name.
        dev: generate the accepted models even if others are rejected.
        codegen_opts: the Loihi options (:data:`LOIHI_CODEGEN_OPTIONS`):
            ``resolution`` (ms, default 0.1), ``tier`` (``"auto"``, ``"A"``,
            ``"B"``), ``parameters`` (overrides in the declared units),
            ``weights`` (``{port: [w_min, w_max]}``), ``max_simultaneous_inputs``
            (16), ``max_input_rate`` (1.0 per step), ``v_min``, ``headroom``
            (0.25), ``vth_mant``, ``continuous_ports`` (``"drop"`` or
            ``"error"``), ``allow_no_leak``, ``fixed_point``, ``nir``,
            ``nir_units`` (``"SI"`` or ``"nest"``), ``nir_include_delay``.

    Raises:
        CodeGeneratorOptionsException: an unknown ``codegen_opts`` key.
        NestmlParseError, NestmlCheckError: the models have front-end errors.
        NestmlCodegenError: a model cannot be mapped to Loihi (its
            ``diagnostics`` carry the ``LOIHI_E_*`` codes), unless ``dev``.
    """
    files = _expand_input_path(input_path)
    target = _check_optional_path("target_path", target_path) or os.path.abspath("target_lava")
    level = _check_level(logging_level)
    if not isinstance(module_name, str) or not module_name.isidentifier():
        raise NestmlValueError(f"module_name {module_name!r} must be a Python identifier")
    _check_common(suffix, dev, store_log)
    opts = _check_opts(codegen_opts)
    res = _native.call(
        "generate_loihi",
        input_paths=files,
        target_path=target,
        module_name=module_name,
        suffix=suffix,
        codegen_opts=opts,
    )
    diags = [Diagnostic.from_record(r) for r in res.get("diagnostics") or []]
    _log(diags, level)
    if store_log:
        _store_log(target, diags, {"input_paths": files, "files": res.get("files", []),
                                   "models": res.get("models", [])})
    if not dev:
        _raise_for(diags)
    written = []
    for rel in res.get("files", []):
        if rel.endswith(".nir.json"):
            out = os.path.join(target, rel[: -len(".json")])
            try:
                write_nir(os.path.join(target, rel), out)
                written.append(out)
            except ImportError:
                if level in ("DEBUG", "INFO"):
                    print(f"nir/h5py not importable: {rel} not converted to .nir", file=sys.stderr)
    return None


def quantize(
    model: ModelSpec, codegen_opts: Mapping[str, Any] | None = None, simulate: bool = False
) -> dict[str, Any]:
    """The quantization report (quantization.json, loihi_target.md §7.3) of a
    model: scales, integer parameters and rounding errors. ``simulate=True``
    also runs the reference stimuli (the ``simulated_error`` entries; a few
    hundred ms).

    Raises:
        NestmlCodegenError: the model cannot be mapped (``LOIHI_E_*``).
    """
    if not isinstance(simulate, (bool, np.bool_)):
        raise NestmlTypeError(f"simulate must be True or False, not {type(simulate).__name__}")
    res = _native.call("loihi_quantize", model=_model_spec(model),
                       codegen_opts=_check_opts(codegen_opts), simulate=bool(simulate))
    diags = [Diagnostic.from_record(r) for r in res.get("diagnostics") or []]
    _raise_for(diags)
    rep = dict(res["report"])
    rep["diagnostics"] = diags
    return rep


def make_stimulus(
    spikes: Sequence[Iterable[int]],
    weights: Any,
    delays: Any = None,
    steps: int | None = None,
) -> dict[str, Any]:
    """A stimulus: input j spikes at the 1-based Lava time steps ``spikes[j]``;
    ``weights`` (n_neurons x n_inputs) are NEST weights in the model's unit
    (signed: negative = inhibitory); ``delays`` NEST delays in steps (>= 1),
    scalar or matrix, default 1; ``steps`` defaults to the last spike + 100."""
    sp = [sorted(_count(f"spikes[{j}]", t, 1, MAX_STIMULUS_CELLS) for t in _seq(f"spikes[{j}]", s))
          for j, s in enumerate(_seq("spikes", spikes))]
    if isinstance(weights, (str, bytes, Mapping)):
        raise NestmlTypeError(f"weights must be a number or a matrix, not {type(weights).__name__}")
    try:
        W = np.atleast_2d(np.asarray(weights, dtype=float))
    except (TypeError, ValueError):
        raise NestmlTypeError("weights must be a matrix of numbers (n_neurons x n_inputs)") from None
    if W.ndim != 2 or W.shape[0] < 1:
        raise NestmlValueError(f"weights must be a matrix (n_neurons x n_inputs), got shape {W.shape}")
    if not np.all(np.isfinite(W)):
        raise NestmlValueError("weights must be finite")
    if W.shape[1] != len(sp):
        raise NestmlValueError(f"weights has {W.shape[1]} columns for {len(sp)} inputs")
    last = max([t for s in sp for t in s] + [0])
    steps = last + 100 if steps is None else _count("steps", steps, max(1, last), MAX_STIMULUS_CELLS)
    st: dict[str, Any] = {"steps": int(steps), "n": int(W.shape[0]), "inputs": len(sp),
                          "spikes": sp, "weights": W.ravel().tolist()}
    if delays is not None:
        try:
            D = np.broadcast_to(np.asarray(delays), W.shape)
        except ValueError:
            raise NestmlValueError(f"delays must be a number or a {W.shape} matrix") from None
        st["delays"] = [_count("delays", d, 1, 64) for d in D.ravel().tolist()]
    return st


def example_stimulus(
    model: ModelSpec, n: int = 4, steps: int = 1000, codegen_opts: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The deterministic stimulus the generated run_example.py uses by default."""
    n = _count("n", n, 1, 1 << 20)
    steps = _count("steps", steps, 1, MAX_STIMULUS_CELLS // n)
    _native.check_memory(steps * n * 16, f"a stimulus of {steps} steps x {n} neurons")
    res = _native.call("loihi_example_stimulus", model=_model_spec(model),
                       codegen_opts=_check_opts(codegen_opts), n=n, steps=steps)
    return dict(res["stimulus"])


def emulate(
    model: ModelSpec,
    stimulus: Mapping[str, Any],
    runs: Sequence[str] = ("fixed",),
    codegen_opts: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Run a population of ``model`` on ``stimulus`` in process.

    ``runs`` chooses among ``"fixed"`` (the bit-exact Go emulator of the
    generated fixed-point model: Lava's stock LIF and Dense for tier A),
    ``"float"`` (the generated float model's arithmetic in Go) and
    ``"reference"`` (the Go engine running the model: NEST's semantics).

    Returns ``{run: {"v_mV", "spikes", "v", "u", "x"}}`` with arrays of shape
    (steps, n): the membrane in mV, spikes (0/1) and, for ``"fixed"``, the
    integer membrane ``v``, the tier A current ``u`` or the tier B states
    ``x`` (steps, states, n); plus ``"tier"``, ``"kind"``,
    ``"voltage_scale"`` (LSB per mV) and ``"diagnostics"``.
    """
    if isinstance(runs, str) or not isinstance(runs, Sequence) or not runs:
        raise NestmlTypeError("runs must be a non-empty list of 'fixed', 'float', 'reference'")
    for r in runs:
        if r not in ("fixed", "float", "reference"):
            raise NestmlValueError(f"unknown run {r!r}; use 'fixed', 'float' or 'reference'")
    stim = _check_stimulus(stimulus, len(runs))
    res = _native.call("loihi_run", model=_model_spec(model), codegen_opts=_check_opts(codegen_opts),
                       stimulus=stim, runs=list(runs))
    diags = [Diagnostic.from_record(r) for r in res.get("diagnostics") or []]
    _raise_for(diags)
    out: dict[str, Any] = {"tier": res.get("tier"), "kind": res.get("kind"),
                           "voltage_scale": res.get("voltage_scale"), "diagnostics": diags}
    for run in runs:
        tr = res[run]
        d = {"v_mV": np.asarray(tr["v_mV"], dtype=float),
             "spikes": np.asarray(tr["spikes"], dtype=np.int8)}
        for key in ("v", "u"):
            if tr.get(key) is not None:
                d[key] = np.asarray(tr[key], dtype=np.int64)
        if tr.get("x") is not None:
            d["x"] = np.asarray(tr["x"], dtype=np.int64)
        out[run] = d
    return out


_NIR_NS: dict[str, Any] | None = None


def write_nir(json_path: PathLike, out_path: PathLike) -> Any:
    """Write a generated ``<model>.nir.json`` as an NIR HDF5 file with
    ``nir.write`` and return the ``nir.NIRGraph``. Needs ``nir`` and ``h5py``
    (ImportError otherwise). The implementation is the generated
    ``nir_export.py``, obtained from the native library, so both agree."""
    global _NIR_NS
    import nir  # noqa: F401  (ImportError if absent)
    import h5py  # noqa: F401

    if _NIR_NS is None:
        src = _native.call("loihi_nir_writer")["source"]
        ns: dict[str, Any] = {"__name__": "nestml_go._nir_export"}
        exec(compile(src, "nir_export.py", "exec"), ns)  # noqa: S102 - our own generated code
        _NIR_NS = ns
    return _NIR_NS["write_nir"](os.fspath(json_path), os.fspath(out_path))
