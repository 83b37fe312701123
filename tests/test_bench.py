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


def test_the_ratio_judged_is_the_median_of_per_round_ratios() -> None:
    """Not a ratio of two medians: a round slowed by the machine slows both of its sides."""
    rounds = load("bench_skill").Rounds()
    for ours, baseline in [(1.0, 1.0), (2.2, 2.0), (9.0, 3.0), (1.1, 1.0), (1.05, 1.0)]:
        rounds.add(ours, baseline)
    assert rounds.ratio() == 1.1
    q1, q3 = rounds.spread()
    assert q1 == 1.05 and abs(q3 - 1.1) < 1e-9


def test_warm_rounds_alternate_which_side_goes_first() -> None:
    bench = load("bench_skill")
    calls: list[str] = []
    rounds = bench.warm(lambda: calls.append("ours"), lambda: calls.append("base"), 4)
    timed = calls[2 * bench.WARM_BATCH :]  # after the warm-up
    firsts = [timed[i * 2 * bench.WARM_BATCH] for i in range(4)]
    assert firsts == ["ours", "base", "ours", "base"]
    assert len(rounds.ratios()) == 4
