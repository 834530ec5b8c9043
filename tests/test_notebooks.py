"""Executable documentation: the example notebooks, the NESTML snippets of the
docs, the getting-started page, and the generated model-library pages.

* every ``examples/*.ipynb`` runs top to bottom in a real Jupyter kernel
  (nbclient + ipykernel) and must produce no error output;
* every ```` ```nestml ```` block of the guide pages is a complete model that
  ``nestml_go.check`` accepts without errors or warnings (infos are fine), unless an
  ``<!-- expect: CODE -->`` line right above it names the diagnostic it must
  produce;
* the Python blocks of docs/getting-started.md run, in order, as one script;
* docs/models/ is what docs/gen_models.py generates from the library.

Without nbclient/ipykernel (or NEST, for the NEST parts) these tests skip on a
developer machine and fail in CI (CI=true), where they are required.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nestml_go as ng
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTEBOOKS = sorted((ROOT / "examples").glob("*.ipynb"))
# Pages whose NESTML blocks are complete models checked here.
GUIDE_PAGES = ["language.md", "getting-started.md", "index.md", "pynestml.md", "targets.md"]
# Seconds a notebook cell may take (a NEST module build on a busy machine is the slowest).
CELL_TIMEOUT = 900

_BLOCK = re.compile(
    r"(?:<!--\s*expect:\s*(?P<expect>[A-Z_]+)\s*-->\s*\n)?```(?P<lang>[a-z]*)\n(?P<body>.*?)\n```",
    re.DOTALL,
)


def _require(module: str, why: str) -> None:
    if importlib.util.find_spec(module) is not None:
        return
    msg = f"{module} is not installed ({why}; pip install -r requirements-docs.txt)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI must install it: " + msg)
    pytest.skip(msg)


def _blocks(page: Path, lang: str) -> list[tuple[int, str | None, str]]:
    """(line, expected code, body) of each fenced block of a language."""
    text = page.read_text(encoding="utf-8")
    out = []
    for m in _BLOCK.finditer(text):
        if m.group("lang") == lang:
            line = text[: m.start("body")].count("\n") + 1
            out.append((line, m.group("expect"), m.group("body") + "\n"))
    return out


# -- notebooks -----------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(path: Path, tmp_path: Path) -> None:
    _require("nbclient", "the notebook runner")
    _require("ipykernel", "the Jupyter kernel")
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        allow_errors=True,  # collect every error output, then report them all
        resources={"metadata": {"path": str(tmp_path)}},
    )
    start = time.monotonic()
    client.execute()
    elapsed = time.monotonic() - start
    errors = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                tb = "\n".join(out.get("traceback", []))
                tb = re.sub(r"\x1b\[[0-9;]*m", "", tb)  # strip ANSI colours
                errors.append(f"cell {i}:\n{cell.source}\n--> {out.get('ename')}: {out.get('evalue')}\n{tb[-3000:]}")
    assert not errors, f"{path.name} ({elapsed:.0f} s):\n\n" + "\n\n".join(errors)
    print(f"{path.name}: {elapsed:.1f} s")


def test_notebooks_are_stored_without_outputs() -> None:
    """Outputs are produced by running; committed notebooks stay small and diffable."""
    _require("nbformat", "reading notebooks")
    import nbformat

    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, (
                    f"{path.name} has stored outputs; clear them "
                    "(jupyter nbconvert --clear-output --inplace)"
                )


# -- NESTML snippets of the docs --------------------------------------------------


def _snippets() -> list[tuple[str, int, str | None, str]]:
    out = []
    for name in GUIDE_PAGES:
        page = DOCS / name
        if page.exists():
            out.extend((name, line, expect, body) for line, expect, body in _blocks(page, "nestml"))
    return out


SNIPPETS = _snippets()


def test_the_guide_has_snippets() -> None:
    assert len([s for s in SNIPPETS if s[0] == "language.md"]) >= 10


@pytest.mark.parametrize("page, line, expect, source", SNIPPETS, ids=[f"{s[0]}:{s[1]}" for s in SNIPPETS])
def test_docs_nestml_snippet(page: str, line: int, expect: str | None, source: str) -> None:
    res = ng.check(source, path=f"docs/{page}:{line}")
    found = "\n".join(str(d) for d in res.diagnostics)
    if expect is None:
        assert res.models, f"docs/{page}:{line}: the block defines no model"
        findings = [d for d in res.diagnostics if d.severity != "info"]
        assert not findings, f"docs/{page}:{line} should check without errors or warnings:\n{found}"
    else:
        assert expect in {d.code for d in res.diagnostics}, (
            f"docs/{page}:{line} should produce {expect}, got:\n{found or '(nothing)'}"
        )


# -- getting started -----------------------------------------------------------------


def test_getting_started_runs(tmp_path: Path) -> None:
    page = DOCS / "getting-started.md"
    text = page.read_text(encoding="utf-8")
    nest_at = text.index("## First NEST module")
    models = [b for _, _, b in _blocks(page, "nestml") if "model my_neuron:" in b]
    assert models, "getting-started.md no longer defines my_neuron"
    (tmp_path / "my_neuron.nestml").write_text(models[0], encoding="utf-8")
    with_nest = importlib.util.find_spec("nest") is not None or os.environ.get("CI", "").lower() == "true"
    script = []
    for m in _BLOCK.finditer(text):
        if m.group("lang") == "python" and (with_nest or m.start() < nest_at):
            script.append(m.group("body"))
    env = dict(os.environ, MPLBACKEND="Agg")
    proc = subprocess.run(
        [sys.executable, "-c", "\n\n".join(script)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=CELL_TIMEOUT, check=False,
    )
    assert proc.returncode == 0, f"getting-started.md failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    assert (tmp_path / "first_simulation.png").exists()
    if with_nest:
        assert "'V_m'" in proc.stdout  # the recordables of the generated model


# -- model library pages ---------------------------------------------------------------


def test_model_pages_are_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(DOCS / "gen_models.py"), "--check"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
