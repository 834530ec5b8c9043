"""The ``nestml-go`` command.

Usage::

    nestml-go check [--json] FILE...          check NESTML files, compiler-style output
    nestml-go prepare-nest [options]          precompile NEST's headers for fast module builds
    nestml-go --input_path P [...] [options]  generate code (pynestml's flags)
    nestml-go --version

Generation takes upstream ``nestml``'s flags: ``--input_path``,
``--target_path``, ``--target_platform``, ``--module_name``,
``--logging_level``, ``--suffix``, ``--install_path``, ``--codegen_opts``
(a JSON file), ``--store_log`` and ``--dev``.

Exit status: 0 on success, 1 if any error was reported, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Sequence, TextIO

from .errors import Diagnostic, NestmlError, NestmlTypeError, NestmlValueError

__all__ = ["main", "format_diagnostic"]


def _version() -> str:
    from . import __version__

    return __version__


def _source_excerpt(
    source_lines: Sequence[str] | None, line: int, col: int, end_line: int, end_col: int
) -> list[str]:
    """The source line and a caret under the range (empty if out of range)."""
    if source_lines is None or not 1 <= line <= len(source_lines):
        return []
    text = source_lines[line - 1]
    raw = text.encode("utf-8")
    # Columns are byte offsets; convert to characters for display.
    c = len(raw[: max(col, 0)].decode("utf-8", errors="replace"))
    if end_line == line and end_col > col:
        end = len(raw[:end_col].decode("utf-8", errors="replace"))
    else:
        end = c + 1
    width = max(1, min(end, max(len(text), c + 1)) - c)
    # Keep tabs in the prefix so the caret lines up with the source.
    prefix = "".join(ch if ch == "\t" else " " for ch in text[:c])
    return ["    " + text, "    " + prefix + "^" + "~" * (width - 1)]


def format_diagnostic(d: Diagnostic, source_lines: Sequence[str] | None = None) -> str:
    """Render a diagnostic like a compiler: the message line, then the source
    line and a caret under the range, then the hint, then one ``note:`` per
    related location (with its source line and caret).

    ``source_lines`` are the lines of the file (without newlines); if not
    given or a position is outside them, only the message lines are rendered.
    """
    out = [str(d)]
    out += _source_excerpt(source_lines, d.line, d.col, d.end_line, d.end_col)
    if d.hint:
        out.append(f"    hint: {d.hint}")
    for r in d.related:
        out.append(f"{d.file}:{r.line}:{r.col + 1}: note: {r.message}")
        out += _source_excerpt(source_lines, r.line, r.col, r.end_line, r.end_col)
    return "\n".join(out)


def _read_lines(path: str) -> list[str] | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except OSError:
        return None


def _cmd_check(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    from .frontend import check_file

    p = argparse.ArgumentParser(prog="nestml-go check", description="Check NESTML files.")
    p.add_argument("files", nargs="+", metavar="FILE", help=".nestml files to check")
    p.add_argument("--json", action="store_true", help="print a JSON list of diagnostic records")
    p.add_argument("--lang", choices=("9.0", "8.3"), default="9.0", help="language level (default 9.0)")
    p.add_argument("--strict", action="store_true",
                   help="8.3 forms that 9.0 rejects (bare units, number followed by a variable) are errors, as in pynestml 9.0")
    p.add_argument("--target", choices=("NONE", "NEST", "NEST_compartmental"), default="NONE",
                   help="also run a target's checks: NEST_compartmental adds the CM_* checks (default NONE)")
    args = p.parse_args(argv)
    records: list[dict[str, Any]] = []
    any_error = False
    for f in args.files:
        if not os.path.isfile(f):
            print(f"nestml-go: error: cannot read {f}: no such file", file=stderr)
            return 2
        try:
            res = check_file(f, lang=args.lang, strict=args.strict, target=args.target)
        except NestmlError as e:
            print(f"nestml-go: {e}", file=stderr)
            return 1
        any_error = any_error or not res.ok
        if args.json:
            records.extend(d.to_dict() for d in res.diagnostics)
            continue
        lines = _read_lines(f)
        for d in res.diagnostics:
            print(format_diagnostic(d, lines), file=stdout)
    if args.json:
        json.dump(records, stdout, indent=2)
        stdout.write("\n")
    return 1 if any_error else 0


def _cmd_odes(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    from . import _native

    p = argparse.ArgumentParser(
        prog="nestml-go odes",
        description="Print the ODE analysis (solver report, ODE-toolbox-compatible) of NESTML files.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=".nestml files")
    p.add_argument("--json", action="store_true", help="print the full JSON reports (default: a summary)")
    p.add_argument("--timestep", type=float, default=0.1, help="step for evaluating propagators (ms, default 0.1)")
    p.add_argument("--numeric", action="store_true", help="disable propagators (codegen option solver='numeric')")
    args = p.parse_args(argv)
    out: list[dict[str, Any]] = []
    status = 0
    for f in args.files:
        if not os.path.isfile(f):
            print(f"nestml-go: error: cannot read {f}: no such file", file=stderr)
            return 2
        try:
            res = _native.call("odes", path=f, timestep=args.timestep, solver="numeric" if args.numeric else "")
        except NestmlError as e:
            print(f"nestml-go: {e}", file=stderr)
            return 1
        lines = _read_lines(f)
        for rec in res.get("diagnostics") or []:
            d = Diagnostic.from_record(rec)
            if d.is_error:
                status = 1
                print(format_diagnostic(d, lines), file=stderr)
        for rep in res["reports"]:
            out.append(rep)
            if not args.json:
                ng = rep["nestml_go"]
                print(f"{rep['model']}: analytic {', '.join(ng['analytic_state_variables']) or '-'}; "
                      f"numeric {', '.join(ng['numeric_state_variables']) or '-'}", file=stdout)
    if args.json:
        json.dump(out, stdout, indent=2)
        stdout.write("\n")
    return status


def _generation_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nestml-go",
        description=(
            "NESTML compiler (nestml_go). 'nestml-go check FILE...' checks files; "
            "the options below generate code with pynestml's flags."
        ),
    )
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument("--input_path", "--input-path", nargs="+", metavar="PATH",
                   help="files or directories (searched recursively for *.nestml)")
    p.add_argument("--target_path", "--target-path", metavar="DIR", help="output directory (default ./target)")
    p.add_argument("--target_platform", "--target-platform", default="NEST", metavar="NAME",
                   help="NEST (default), LOIHI or NONE (check only)")
    p.add_argument("--module_name", "--module-name", metavar="NAME",
                   help='module name, must end in "module" (default nestmlmodule)')
    p.add_argument("--logging_level", "--logging-level", default="ERROR", metavar="LEVEL",
                   help="DEBUG, INFO, WARNING, ERROR (default) or NONE")
    p.add_argument("--suffix", default="", help="suffix appended to generated model names")
    p.add_argument("--install_path", "--install-path", metavar="DIR", help="copy the built module here")
    p.add_argument("--codegen_opts", "--codegen-opts", metavar="FILE.json",
                   help="JSON file with code generator options")
    p.add_argument("--store_log", "--store-log", action="store_true", help="write report/log.json")
    p.add_argument("--dev", action="store_true", help="generate even if models have errors")
    return p


def _cmd_generate(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    p = _generation_parser()
    args = p.parse_args(argv)
    if args.version:
        print(f"nestml-go {_version()}", file=stdout)
        return 0
    if not args.input_path:
        p.print_usage(stderr)
        print("nestml-go: error: give --input_path (or use 'nestml-go check FILE...')", file=stderr)
        return 2
    opts: dict[str, Any] | None = None
    if args.codegen_opts:
        try:
            with open(args.codegen_opts, encoding="utf-8") as f:
                opts = json.load(f)
        except (OSError, ValueError) as e:
            print(f"nestml-go: error: cannot read --codegen_opts {args.codegen_opts}: {e}", file=stderr)
            return 2
        if not isinstance(opts, dict):
            print("nestml-go: error: --codegen_opts must contain a JSON object", file=stderr)
            return 2
    from .codegen import generate_target

    try:
        had_errors = generate_target(
            args.input_path,
            target_platform=args.target_platform,
            target_path=args.target_path,
            install_path=args.install_path,
            logging_level=args.logging_level,
            module_name=args.module_name,
            store_log=args.store_log,
            suffix=args.suffix,
            dev=args.dev,
            codegen_opts=opts,
        )
    except (NestmlTypeError, NestmlValueError) as e:  # bad arguments: usage error
        print(f"nestml-go: error: {e}", file=stderr)
        return 2
    except NestmlError as e:
        print(f"nestml-go: {e}", file=stderr)
        return 1
    except (TypeError, ValueError, OSError, NotImplementedError) as e:
        print(f"nestml-go: error: {e}", file=stderr)
        return 2
    return 1 if had_errors else 0


def _cmd_prepare_nest(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> int:
    """``nestml-go prepare-nest``: build the cached precompiled header ahead of the first module build."""
    p = argparse.ArgumentParser(
        prog="nestml-go prepare-nest",
        description=(
            "Locate NEST and precompile its headers into the user cache, so that even the first "
            "NEST module build is fast (docs/decisions/0004-pch-unity-build.md)."
        ),
    )
    p.add_argument("--nest-python", metavar="PYTHON", help="the interpreter that imports nest (default: this one)")
    p.add_argument("--cxx", metavar="COMPILER", help="the C++ compiler (default: $CXX, g++, c++, clang++)")
    p.add_argument("--extra-cxxflags", default="", metavar="FLAGS",
                   help="the extra_cxxflags your builds use (the precompiled header is per flag set)")
    args = p.parse_args(argv)
    import shlex

    from ._nestbuild import NestBuildError, NestNotFoundError, prepare

    try:
        prepare(args.nest_python, args.cxx, shlex.split(args.extra_cxxflags),
                progress=lambda m: print(m, file=stdout, flush=True))
    except (NestNotFoundError, NestBuildError) as e:
        print(f"nestml-go prepare-nest: {e}", file=stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        return _cmd_check(args[1:], sys.stdout, sys.stderr)
    if args and args[0] == "odes":
        return _cmd_odes(args[1:], sys.stdout, sys.stderr)
    if args and args[0] == "prepare-nest":
        return _cmd_prepare_nest(args[1:], sys.stdout, sys.stderr)
    return _cmd_generate(args, sys.stdout, sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
