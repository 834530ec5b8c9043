"""The README's main job (examples/demo.py) runs: check, simulate, plot.

The NEST-module step of the demo is exercised by the NEST tests (same
generate_nest_target call); here it is left out to keep the run short.
"""

from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_demo_runs_and_writes_the_plot(tmp_path):
    proc = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", "demo.py"), "--out", str(tmp_path), "--no-nest"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "[1/4] checked iaf_psc_exp_neuron: 0 errors" in proc.stdout
    png = tmp_path / "iaf_psc_exp_neuron.png"
    assert png.exists() and png.stat().st_size > 10_000
    assert "spikes" in proc.stdout
