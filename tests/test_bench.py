"""The benchmarks' report: a ratio over its goal is marked, and each measure has one goal."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.support import ROOT


def load(name: str) -> ModuleType:
    saved = list(sys.path)
    try:  # the bench scripts put bench/ on sys.path, as running them does
        sys.path.insert(0, str(ROOT / "bench"))
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path[:] = saved


def test_a_ratio_over_its_goal_is_marked_missed() -> None:
    bench = load("bench_skill")
    assert bench.goal_cell(1.32, 1.0, 1.10).split() == ["1.32", "<=", "1.10", "MISSED"]
    assert bench.goal_cell(1.10, 1.0, 1.10).split() == ["1.10", "<=", "1.10"]
    assert "MISSED" not in bench.goal_cell(0.75, 1.0, 1.00)


def test_cold_start_has_one_goal_in_both_benchmarks() -> None:
    assert load("bench_package").COLD_START_GOAL == load("bench_skill").COLD_START_GOAL == 1.10
