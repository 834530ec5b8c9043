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
