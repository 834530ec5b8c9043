#!/usr/bin/env python3
"""Summarise `go test -json` (read from stdin) like `go test` does, and fail
on a failing test -- and, with CI=true, on a skipped one: CI installs every
optional component (the corpus next to the checkout, g++, NEST's headers,
a C compiler for native kernels), so a skip there hides a missing feature.

Usage: go test -json ./... | python3 .ci/go_test.py
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict

# Not tests but writers that scripts run through `go test` with an output
# directory in the environment (bench/odes, docs tooling); without it they
# have nothing to do.
WRITERS = {"TestWriteToolboxInputs", "TestWriteNewFeatures", "TestWriteIafPscExp"}


def main() -> int:
    output: dict[tuple[str, str], list[str]] = defaultdict(list)
    failed: list[tuple[str, str]] = []
    skipped: list[tuple[str, str, str]] = []
    packages: list[tuple[str, str, float]] = []
    for line in sys.stdin:
        try:
            ev = json.loads(line)
        except json.JSONDecodeError:
            print(line, end="")  # build errors are plain text
            continue
        pkg, test, action = ev.get("Package", ""), ev.get("Test", ""), ev.get("Action")
        if action == "build-output":  # compiler errors (Go ≥ 1.24)
            print(ev.get("Output", ""), end="")
        elif action == "output":
            output[(pkg, test)].append(ev.get("Output", ""))
        elif action == "fail" and test:
            failed.append((pkg, test))
        elif action == "skip" and test and test not in WRITERS:
            why = "".join(o.strip() + " " for o in output[(pkg, test)] if "SKIP" not in o and "=== " not in o)
            skipped.append((pkg, test, why.strip()))
        elif action in ("pass", "fail", "skip") and not test:
            packages.append((action, pkg, ev.get("Elapsed", 0.0)))
            if action == "fail" and not any(p == pkg for p, _ in failed):
                failed.append((pkg, ""))  # a build failure or a panic outside a test
    for action, pkg, elapsed in packages:
        word = {"pass": "ok  ", "fail": "FAIL", "skip": "?   "}[action]
        print(f"{word}\t{pkg}\t{elapsed:.3f}s" if action != "skip" else f"{word}\t{pkg}\t[no test files]")
    for pkg, test in failed:
        print(f"\n--- FAIL: {pkg} {test}")
        print("".join(output[(pkg, test)]), end="")
    if skipped:
        print(f"\n{len(skipped)} skipped Go test(s):")
        for pkg, test, why in skipped:
            print(f"  {pkg} {test}: {why}")
    if failed:
        return 1
    if skipped and os.environ.get("CI", "").lower() == "true":
        print("CI=true: every optional component is installed in CI, so no Go test may skip")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
