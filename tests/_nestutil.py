"""Helpers for tests that need the real NEST simulator."""

from __future__ import annotations

import importlib.util
import os

import pytest


def require_nest() -> None:
    """Skip the calling test when NEST is not installed — except in CI
    (CI=true), where NEST is a required test dependency and its absence is a
    failure."""
    if importlib.util.find_spec("nest") is not None:
        return
    msg = "nest-simulator is not installed (pip install nest-simulator==3.10.0)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI must install NEST: " + msg)
    pytest.skip(msg)
