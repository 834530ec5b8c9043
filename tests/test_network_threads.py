"""Network(threads=...) / set_threads: the engine's results do not depend
on the number of threads (gocore/sim runs the same arithmetic per neuron
and delivers spikes in the same order whatever the partition)."""

from __future__ import annotations

import numpy as np
import pytest

import nestml_go as ng


def run(threads: int | None, *, split: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    net = ng.Network(resolution=0.1, threads=threads)
    net.set_seed(5)
    pop = net.create("iaf_psc_alpha_neuron", n=300)
    pg = net.create("poisson_generator", params={"rate": 9000.0})
    net.connect(pg, pop, weight=60.0, delay=0.1)
    net.connect(pop, pop, weight={"distribution": "normal", "mean": -30.0, "std": 10.0},
                delay={"distribution": "uniform", "min": 0.5, "max": 3.0},
                rule={"rule": "fixed_indegree", "indegree": 40})
    mm = net.create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
    sr = net.create("spike_recorder")
    net.connect(mm, pop[:5])
    net.connect(pop, sr)
    if split:
        for _ in range(10):
            net.simulate(10.0)
    else:
        net.simulate(100.0)
    ev = sr.events
    return ev["times"], ev["senders"], mm.events["V_m"]


def test_threads_property_and_validation() -> None:
    net = ng.Network(threads=3)
    assert net.threads == 3
    net.set_threads(None)
    assert net.threads >= 1
    net.set_threads(1)
    assert net.threads == 1
    with pytest.raises(ValueError):
        net.set_threads(-1)
    with pytest.raises(ValueError):
        ng.Network(threads=1.5)  # type: ignore[arg-type]


def test_results_identical_for_any_thread_count() -> None:
    t1, s1, v1 = run(1)
    assert len(t1) > 100
    for threads, split in ((2, False), (4, True), (None, False)):
        t, s, v = run(threads, split=split)
        np.testing.assert_array_equal(t, t1)
        np.testing.assert_array_equal(s, s1)
        np.testing.assert_array_equal(v, v1)
