"""Shared fixtures for the Python tests."""

from __future__ import annotations

from pathlib import Path

import pytest

# A small valid model, written for these tests.
VALID_SOURCE = """\
# A leaky membrane driven by spikes, for the Python boundary tests.
model leaky_probe_neuron:
    parameters:
        tau_m ms = 12 ms
        E_L mV = -68 mV
        V_th mV = -52 mV

    state:
        V_m mV = E_L

    equations:
        V_m' = -(V_m - E_L) / tau_m

    input:
        spikes_in <- spike

    output:
        spike

    update:
        integrate_odes()

    onReceive(spikes_in):
        V_m += 1 mV

    onCondition(V_m >= V_th):
        V_m = E_L
        emit_spike()
"""

# The same model with a syntax error on line 9 (a dangling operator).
BROKEN_SOURCE = """\
model broken_probe_neuron:
    parameters:
        tau_m ms = 12 ms

    state:
        V_m mV = -70 mV

    equations:
        V_m' = -V_m / tau_m +

    update:
        integrate_odes()
"""
BROKEN_LINE = 9


@pytest.fixture
def valid_source() -> str:
    return VALID_SOURCE


@pytest.fixture
def broken_source() -> str:
    return BROKEN_SOURCE


@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    p = tmp_path / "leaky_probe_neuron.nestml"
    p.write_text(VALID_SOURCE, encoding="utf-8")
    return p


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    p = tmp_path / "broken_probe_neuron.nestml"
    p.write_text(BROKEN_SOURCE, encoding="utf-8")
    return p


# -- CI: no skips -------------------------------------------------------------
# A test may skip only when an optional component is missing (NEST, g++, a C
# compiler, Lava, the corpus next to the checkout, matplotlib). CI installs
# all of them, so with CI=true a skipped test fails the run, as
# .ci/go_test.py does for the Go tests.

_SKIPPED: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _SKIPPED.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import os

    if _SKIPPED and os.environ.get("CI", "").lower() == "true":
        print(f"\nCI=true: {len(_SKIPPED)} test(s) skipped; CI installs every optional component:")
        for s in _SKIPPED:
            print("  " + s)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
