"""Code generation entry points, signature-compatible with pynestml.

:func:`generate_nest_target` and :func:`generate_target` take the same
arguments as upstream NESTML's functions of the same names (see the NEST
target specification, §2.1–2.3), so an existing script changes only its
import::

    from nestml_go import generate_nest_target
    path = generate_nest_target("models/", "build/", module_name="mymodule")
    nest.Install(path)

Differences from pynestml:

* :func:`generate_nest_target` returns the absolute path of the built module
  without its extension (pynestml returns ``None``), ready for
  ``nest.Install``; it is also kept in :data:`last_module_path`. It returns
  ``None`` when nothing was built (``codegen_opts={"build": False}``).
* Models with errors raise :class:`~nestml_go.NestmlCheckError` (or
  :class:`~nestml_go.NestmlParseError`) carrying the diagnostics, unless
  ``dev=True``.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import sys
import warnings
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence, Union

from . import _native
from .errors import (
    CodeGeneratorOptionsException,
    Diagnostic,
    NestmlCodegenError,
    error_for_diagnostics,
)
from .frontend import check_file
from .errors import NestmlTypeError, NestmlValueError  # argument errors raised before calling Go

__all__ = [
    "generate_target",
    "generate_nest_target",
    "last_module_path",
    "CODEGEN_OPTIONS",
    "UPSTREAM_CODEGEN_OPTIONS",
    "EXTENSION_CODEGEN_OPTIONS",
]

PathLike = Union[str, "os.PathLike[str]"]
InputPath = Union[PathLike, Sequence[PathLike]]

#: Absolute path (without extension) of the module built by the last
#: successful :func:`generate_nest_target` call in this process, or None.
last_module_path: str | None = None

#: codegen_opts keys kept compatible with upstream (NEST target spec §2.2).
UPSTREAM_CODEGEN_OPTIONS = frozenset(
    {
        "neuron_parent_class",
        "neuron_parent_class_include",
        "neuron_synapse_pairs",
        "synapse_models",
        "gap_junctions",
        "templates",
        "nest_version",
        "gsl_adaptive_step_size_controller",
        "numeric_solver",
        "continuous_state_buffering_method",
        "delay_variable",
        "weight_variable",
        "strictly_synaptic_vars",
        "solver",
        "preserve_expressions",
        "simplify_expression",
        "ode_toolbox_json_options",
        "nest_path",
        "max_n_compiler_processes",
        "redirect_build_output",
        "build_output_dir",
    }
)
#: nestml_go extension keys (NEST target spec §2.3).
EXTENSION_CODEGEN_OPTIONS = frozenset(
    {
        "build",
        "build_system",
        "nest_include_dir",
        "nest_python",
        "cxx",
        "cxx_abi",
        "extra_cxxflags",
        "extra_ldflags",
        "rk45_implementation",
        "analytic_policy",
        "kernel_max_order",
        "stiffness_check",
        "max_substeps",
        "fp_contract_off",
    }
)
#: Every accepted codegen_opts key.
CODEGEN_OPTIONS = UPSTREAM_CODEGEN_OPTIONS | EXTENSION_CODEGEN_OPTIONS

# Allowed values of enumerated options.
_CHOICES: dict[str, tuple[str, ...]] = {
    "neuron_parent_class": ("ArchivingNode", "StructuralPlasticityNode"),
    "nest_version": ("", "v3.8", "v3.9", "v3.10", "main"),
    "gsl_adaptive_step_size_controller": ("with_respect_to_solution", "with_respect_to_derivative"),
    "numeric_solver": ("rk45", "rk4", "forward-Euler"),
    "continuous_state_buffering_method": ("continuous_time_buffer", "post_spike_based"),
    "solver": ("analytic", "numeric"),
    "build_system": ("auto", "cmake", "direct"),
    "cxx_abi": ("auto", "cxx11", "legacy"),
    "rk45_implementation": ("builtin", "gsl"),
}
_BOOL_OPTS = ("build", "preserve_expressions", "redirect_build_output", "fp_contract_off")
_LIST_OF_STR_OPTS = ("extra_cxxflags", "extra_ldflags", "synapse_models")
_DICT_OPTS = ("delay_variable", "weight_variable", "strictly_synaptic_vars")

# Logging levels (upstream's names and aliases) → rank; diagnostics of a
# severity ranked at or above the chosen level are printed.
_LEVELS = {
    "DEBUG": 0,
    "INFO": 1,
    "WARNING": 2,
    "WARNINGS": 2,
    "ERROR": 3,
    "ERRORS": 3,
    "NONE": 4,
    "NO": 4,
}
_SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}

_MODULE_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

_TARGETS = ("NEST", "NONE", "LOIHI")


# -- argument validation ------------------------------------------------


def _expand_input_path(input_path: InputPath) -> list[str]:
    """Resolve input_path (file, directory searched recursively for
    ``*.nestml``, or a list of these) to a sorted list of absolute files."""
    if isinstance(input_path, (str, os.PathLike)):
        items: list[Any] = [input_path]
    elif isinstance(input_path, Sequence) and not isinstance(input_path, bytes):
        items = list(input_path)
        if not items:
            raise NestmlValueError("input_path is an empty list")
    else:
        raise NestmlTypeError(
            f"input_path must be a path or a list of paths, not {type(input_path).__name__}"
        )
    files: list[str] = []
    for it in items:
        if not isinstance(it, (str, os.PathLike)):
            raise NestmlTypeError(f"input_path entries must be paths, not {type(it).__name__}")
        p = Path(os.fspath(it)).expanduser()
        if not str(it):
            raise NestmlValueError("input_path must not be an empty string")
        if p.is_dir():
            found = sorted(str(f.resolve()) for f in p.rglob("*.nestml") if f.is_file())
            if not found:
                raise NestmlValueError(f"no .nestml files found in directory {p}")
            files.extend(found)
        elif p.is_file():
            files.append(str(p.resolve()))
        else:
            raise FileNotFoundError(f"input_path {p} does not exist")
    # Keep the first occurrence of each file.
    return list(dict.fromkeys(files))


def _check_level(logging_level: str) -> str:
    if not isinstance(logging_level, str):
        raise NestmlTypeError(f"logging_level must be a str, not {type(logging_level).__name__}")
    lvl = logging_level.upper()
    if lvl not in _LEVELS:
        raise NestmlValueError(
            f"unknown logging_level {logging_level!r}; use DEBUG, INFO, WARNING, ERROR or NONE"
        )
    return lvl


def _check_module_name(module_name: str | None) -> str:
    if module_name is None:
        return "nestmlmodule"
    if not isinstance(module_name, str):
        raise NestmlTypeError(f"module_name must be a str, not {type(module_name).__name__}")
    if not module_name.endswith("module"):
        raise NestmlValueError(
            f'module_name "{module_name}" must end in "module" (e.g. "{module_name}module")'
        )
    if not _MODULE_NAME_RE.match(module_name):
        raise NestmlValueError(
            f'module_name "{module_name}" must be a C identifier (letters, digits, underscores)'
        )
    return module_name


def _check_codegen_opts(codegen_opts: Mapping[str, Any] | None) -> dict[str, Any]:
    """Validate codegen_opts; unknown keys raise CodeGeneratorOptionsException."""
    if codegen_opts is None:
        return {}
    if not isinstance(codegen_opts, Mapping):
        raise NestmlTypeError(f"codegen_opts must be a dict, not {type(codegen_opts).__name__}")
    opts = copy.deepcopy(dict(codegen_opts))
    for key in opts:
        if not isinstance(key, str) or key not in CODEGEN_OPTIONS:
            raise CodeGeneratorOptionsException(str(key))
    for key, choices in _CHOICES.items():
        if key in opts and opts[key] not in choices:
            raise NestmlValueError(
                f"codegen_opts[{key!r}] = {opts[key]!r}; allowed: {', '.join(map(repr, choices))}"
            )
    for key in _BOOL_OPTS:
        if key in opts and not isinstance(opts[key], bool):
            raise NestmlTypeError(f"codegen_opts[{key!r}] must be True or False")
    for key in _LIST_OF_STR_OPTS:
        if key in opts:
            v = opts[key]
            if isinstance(v, str) or not isinstance(v, Sequence) or not all(isinstance(x, str) for x in v):
                raise NestmlTypeError(f"codegen_opts[{key!r}] must be a list of strings")
            opts[key] = list(v)
    for key in _DICT_OPTS:
        if key in opts and not isinstance(opts[key], Mapping):
            raise NestmlTypeError(f"codegen_opts[{key!r}] must be a dict")
    if "neuron_synapse_pairs" in opts and not isinstance(opts["neuron_synapse_pairs"], Sequence):
        raise NestmlTypeError("codegen_opts['neuron_synapse_pairs'] must be a list")
    for key in ("max_n_compiler_processes", "kernel_max_order", "max_substeps"):
        if key in opts:
            v = opts[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise NestmlValueError(f"codegen_opts[{key!r}] must be an int >= 1, got {v!r}")
    gj = opts.get("gap_junctions")
    if gj is not None:
        if not isinstance(gj, Mapping):
            raise NestmlTypeError("codegen_opts['gap_junctions'] must be a dict")
        if gj.get("enable"):
            raise NotImplementedError("gap junctions (codegen_opts['gap_junctions']) are not supported yet")
    if "templates" in opts:
        warnings.warn(
            "codegen_opts['templates'] is ignored: nestml_go generates C++ from its own "
            "embedded templates, not upstream's Jinja templates",
            stacklevel=4,
        )
    try:
        json.dumps(opts, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise NestmlTypeError(f"codegen_opts must contain only JSON values (str, numbers, lists, dicts): {e}") from None
    return opts


def _check_optional_path(name: str, p: PathLike | None) -> str | None:
    if p is None:
        return None
    if not isinstance(p, (str, os.PathLike)):
        raise NestmlTypeError(f"{name} must be a path, not {type(p).__name__}")
    s = os.fspath(p)
    if not s:
        raise NestmlValueError(f"{name} must not be empty")
    return os.path.abspath(os.path.expanduser(s))


def _check_common(
    suffix: str, dev: bool, store_log: bool
) -> None:
    if not isinstance(suffix, str):
        raise NestmlTypeError(f"suffix must be a str, not {type(suffix).__name__}")
    if suffix and not re.match(r"^[A-Za-z0-9_]*$", suffix):
        raise NestmlValueError(f"suffix {suffix!r} may contain only letters, digits and underscores")
    if not isinstance(dev, bool):
        raise NestmlTypeError("dev must be True or False")
    if not isinstance(store_log, bool):
        raise NestmlTypeError("store_log must be True or False")


# -- reporting ----------------------------------------------------------


def _log(diags: Iterable[Diagnostic], level: str) -> None:
    rank = _LEVELS[level]
    for d in diags:
        if _SEVERITY_RANK.get(d.severity, 3) >= rank:
            print(str(d), file=sys.stderr)
            if d.hint and rank <= 2:
                print(f"  hint: {d.hint}", file=sys.stderr)


def _store_log(target_path: str, diags: Sequence[Diagnostic], extra: Mapping[str, Any]) -> None:
    report = Path(target_path) / "report"
    report.mkdir(parents=True, exist_ok=True)
    data = dict(extra)
    data["diagnostics"] = [d.to_dict() for d in diags]
    (report / "log.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _progress_for(level: str) -> Callable[..., None]:
    if _LEVELS[level] <= _LEVELS["WARNING"]:
        return print

    def quiet(*args: Any, **kwargs: Any) -> None:
        pass

    return quiet


# -- entry points --------------------------------------------------------


def generate_nest_target(
    input_path: InputPath,
    target_path: PathLike | None = None,
    install_path: PathLike | None = None,
    logging_level: str = "ERROR",
    module_name: str | None = None,
    store_log: bool = False,
    suffix: str = "",
    dev: bool = False,
    codegen_opts: Mapping[str, Any] | None = None,
) -> str | None:
    """Generate (and build) a NEST extension module from NESTML models.

    Args:
        input_path: a ``.nestml`` file, a directory (searched recursively
            for ``*.nestml``), or a list of these.
        target_path: directory for the generated sources; default ``./target``.
        install_path: if given, the built module ``<module_name>.so`` is
            copied there.
        logging_level: ``"DEBUG"``, ``"INFO"``, ``"WARNING"``, ``"ERROR"`` or
            ``"NONE"``; diagnostics at or above it are printed to stderr.
        module_name: name of the module; default ``"nestmlmodule"``; must
            end in ``"module"``.
        store_log: also write the diagnostics to ``<target_path>/report/log.json``.
        suffix: appended to every generated model name.
        dev: generate even if models have errors.
        codegen_opts: code generator options (NEST target spec §2.2, §2.3);
            ``{"build": False}`` writes the sources only.

    Returns:
        The absolute path of the built module without extension, to pass to
        ``nest.Install`` (also printed as a ready ``nest.Install(...)`` line
        unless ``logging_level="NONE"``), or ``None`` if nothing was built.
        (pynestml returns ``None`` always.)

    Raises:
        TypeError, ValueError, FileNotFoundError: invalid arguments.
        CodeGeneratorOptionsException: an unknown ``codegen_opts`` key.
        NestmlParseError, NestmlCheckError: the models have errors (unless ``dev``).
        NestmlCodegenError: generating or building failed.
    """
    module_path, _ = _generate_nest(
        input_path, target_path, install_path, logging_level, module_name,
        store_log, suffix, dev, codegen_opts,
    )
    return module_path


def _generate_nest(
    input_path: InputPath,
    target_path: PathLike | None,
    install_path: PathLike | None,
    logging_level: str,
    module_name: str | None,
    store_log: bool,
    suffix: str,
    dev: bool,
    codegen_opts: Mapping[str, Any] | None,
) -> tuple[str | None, list[Diagnostic]]:
    """generate_nest_target's work; also returns the diagnostics."""
    global last_module_path
    files = _expand_input_path(input_path)
    target = _check_optional_path("target_path", target_path) or os.path.abspath("target")
    install = _check_optional_path("install_path", install_path)
    level = _check_level(logging_level)
    mod = _check_module_name(module_name)
    _check_common(suffix, dev, store_log)
    opts = _check_codegen_opts(codegen_opts)

    res = _native.call(
        "generate_nest",
        input_paths=files,
        target_path=target,
        module_name=mod,
        suffix=suffix,
        codegen_opts=opts,
    )
    diags = [Diagnostic.from_record(r) for r in res.get("diagnostics") or []]
    _log(diags, level)
    if store_log:
        _store_log(
            target,
            diags,
            {"input_paths": files, "files": res.get("files", []), "models": res.get("models", [])},
        )
    if any(d.is_error for d in diags) and not dev:
        raise error_for_diagnostics(diags)

    if opts.get("build") is False:
        return None, diags
    module_path = _build_cached(target, mod, opts, level, res.get("files", []))
    if install is not None:
        os.makedirs(install, exist_ok=True)
        dest = os.path.join(install, mod)
        shutil.copy2(module_path + ".so", dest + ".so")
        module_path = dest
    module_path = os.path.abspath(module_path)
    last_module_path = module_path
    if level != "NONE":
        print(f"nest.Install({json.dumps(module_path)})")
    return module_path, diags


_CACHE_FILE = ".nestml_go_build_cache.json"
_BUILD_KEYS = ("cxx", "extra_cxxflags", "extra_ldflags", "nest_python", "nest_include_dir", "cxx_abi", "fp_contract_off")


def _build_cached(src_dir: str, module_name: str, opts: Mapping[str, Any], level: str, files: Sequence[str]) -> str:
    """Build unless an identical module was built from identical sources:
    the cache key is the SHA-256 of every generated file, the build options
    and the nestml_go version, stored next to the sources. An unchanged model
    therefore regenerates and "rebuilds" in well under a second."""
    import hashlib

    h = hashlib.sha256()
    h.update(__import__("nestml_go").__version__.encode())
    h.update(module_name.encode())
    h.update(json.dumps({k: opts.get(k) for k in _BUILD_KEYS}, sort_keys=True, default=str).encode())
    for name in sorted(files):
        h.update(name.encode())
        with open(os.path.join(src_dir, name), "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    key = h.hexdigest()
    cache = os.path.join(src_dir, _CACHE_FILE)
    try:
        with open(cache, encoding="utf-8") as f:
            old = json.load(f)
        if old.get("key") == key and os.path.exists(str(old.get("module")) + ".so"):
            if level in ("DEBUG", "INFO"):
                print(f"[nestml_go] {module_name}: sources unchanged, reusing {old['module']}.so")
            return str(old["module"])
    except (OSError, ValueError):
        pass
    module = _build(src_dir, module_name, opts, level)
    with open(cache, "w", encoding="utf-8") as f:
        json.dump({"key": key, "module": module}, f)
    return module


def _build(src_dir: str, module_name: str, opts: Mapping[str, Any], level: str) -> str:
    """Build the generated sources with the NEST build helper; return the
    module path without extension."""
    try:
        from ._nestbuild import NestBuildError, NestNotFoundError, find_and_build
    except ImportError as e:  # pragma: no cover - the helper ships with the package
        raise NestmlCodegenError(f"the NEST build helper is unavailable: {e}") from e
    try:
        return find_and_build(
            src_dir,
            module_name,
            nest_python=opts.get("nest_python"),
            cxx=opts.get("cxx"),
            extra_cxxflags=tuple(opts.get("extra_cxxflags", ())),
            extra_ldflags=tuple(opts.get("extra_ldflags", ())),
            jobs=int(opts.get("max_n_compiler_processes", 2)),
            progress=_progress_for(level),
        )
    except (NestNotFoundError, NestBuildError) as e:
        raise NestmlCodegenError(
            f"building the NEST module failed: {e}\n"
            f"(the sources are in {src_dir}; pass codegen_opts={{'build': False}} to skip building)"
        ) from e


def generate_target(
    input_path: InputPath,
    target_platform: str = "NEST",
    target_path: PathLike | None = None,
    install_path: PathLike | None = None,
    logging_level: str = "ERROR",
    module_name: str | None = None,
    store_log: bool = False,
    suffix: str = "",
    dev: bool = False,
    codegen_opts: Mapping[str, Any] | None = None,
) -> bool:
    """Process NESTML models for a target platform (pynestml's ``generate_target``).

    Args:
        target_platform: ``"NEST"`` (generate and build a NEST module, as
            :func:`generate_nest_target`), ``"NONE"`` (check only) or
            ``"LOIHI"``; case-insensitive.

    The other arguments are those of :func:`generate_nest_target`.

    Returns:
        True if any error was reported (only possible with ``dev=True``;
        without it errors raise), False otherwise.
    """
    if not isinstance(target_platform, str):
        raise NestmlTypeError(f"target_platform must be a str, not {type(target_platform).__name__}")
    platform = target_platform.upper()
    if platform not in _TARGETS:
        raise NestmlValueError(
            f"unknown target_platform {target_platform!r}; use one of {', '.join(_TARGETS)}"
        )
    if platform == "NEST":
        _, nest_diags = _generate_nest(
            input_path, target_path, install_path, logging_level, module_name,
            store_log, suffix, dev, codegen_opts,
        )
        # Errors raise unless dev; with dev, report whether any were found.
        return any(d.is_error for d in nest_diags)
    if platform == "LOIHI":
        from .loihi import generate_loihi_target

        generate_loihi_target(
            input_path,
            target_path=target_path,
            logging_level=logging_level,
            module_name=module_name or "nestml_lava",
            store_log=store_log,
            suffix=suffix,
            dev=dev,
            codegen_opts=codegen_opts,
        )
        return False
    # NONE: check only.
    files = _expand_input_path(input_path)
    level = _check_level(logging_level)
    _check_module_name(module_name)
    _check_common(suffix, dev, store_log)
    _check_codegen_opts(codegen_opts)
    diags: list[Diagnostic] = []
    for f in files:
        diags.extend(check_file(f).diagnostics)
    _log(diags, level)
    if store_log:
        target = _check_optional_path("target_path", target_path) or os.path.abspath("target")
        _store_log(target, diags, {"input_paths": files})
    has_errors = any(d.is_error for d in diags)
    if has_errors and not dev:
        raise error_for_diagnostics(diags)
    return has_errors

