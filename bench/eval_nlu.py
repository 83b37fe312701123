"""The evaluation sets' figures: how many phrasings reach the intent they mean, and how many
an exact-match matcher would get (a literal sample or a slot-value fill, the way Bespoken's
virtual-alexa matches), for each set of tests/simulator/eval_phrases.yaml.
The check's natural answers are scored too. No timing: these are accuracy figures.

    .venv/bin/python bench/eval_nlu.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "simulator"))

import test_eval  # noqa: E402  - the same harness the tests use


def main() -> int:
    print(f"{'set':<10}{'phrases':>8}{'simulator':>11}{'exact match':>13}   goal 95% / 80%")
    total = right = exact_right = 0.0
    for name in test_eval.SETS:
        share, exact, missed = test_eval.accuracy(name)
        n = sum(len(v) for v in test_eval.EVAL[name].values())
        total, right, exact_right = total + n, right + share * n, exact_right + exact * n
        print(f"{name:<10}{n:>8}{share:>10.1%}{exact:>12.1%}")
    print(f"{'all':<10}{total:>8.0f}{right / total:>10.1%}{exact_right / total:>12.1%}")
    for name in test_eval.ANSWER_SETS:
        results = test_eval.check_answer_results(name)
        right = sum(1 for r in results if r[1] == r[3])
        print(f"{name}: {right}/{len(results)} recorded as meant ({right / len(results):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
