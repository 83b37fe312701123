"""Request cost and cold start of Leg Cramp Helper against the hello-world ask-sdk-core skill.

Both are measured in the same run, alternating, so a noisy shared machine affects both alike.
Goals: warm ratio <= 1.0 (the skill is built once; a request does only its own work),
cold start ratio <= 1.10 (fresh process: import + first request, its EMF metrics line
included), and the usage counters' warm overhead <= 5% (lambda_handler, which counts and
writes one EMF line, against handle_event, which counts nothing; same requests, same run).
A ratio over its goal is marked MISSED; the exit status stays 0 (a report, not a test).

    python3 dev.py bench skill [--quick]
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from skill_tools.cli_args import OneLineParser, prog  # noqa: E402
from tests.support import intent, launch  # noqa: E402

COLD = """
import time, json
t0 = time.perf_counter()
from {module} import lambda_handler
lambda_handler({event!r}, None)
print(time.perf_counter() - t0)
"""


WARM_GOAL = 1.00
METRICS_GOAL = 1.05
COLD_START_GOAL = 1.10  # bench_package.py's cold start goal too: one goal per measure


def goal_cell(ours: float, baseline: float, goal: float) -> str:
    """The ratio and its goal, and MISSED when the ratio is over it."""
    ratio = ours / baseline
    return f"{ratio:>8.2f}  <= {goal:.2f}{'  MISSED' if ratio > goal else ''}"


def warm(handler, event, n: int) -> float:
    """Median seconds per call over n calls, in batches to damp timer noise."""
    batch = 20
    samples = []
    for _ in range(max(1, n // batch)):
        t0 = time.perf_counter()
        for _ in range(batch):
            handler(event, None)
        samples.append((time.perf_counter() - t0) / batch)
    return statistics.median(samples)


def cold(module: str, event: dict, runs: int) -> float:
    code = COLD.format(module=module, event=event)
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}"},
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def compile_sources() -> None:
    """Fresh bytecode for both skills, as a deployed package ships it (site-packages has it)."""
    import compileall

    for path in (ROOT / "skill", ROOT / "lambda_function.py", ROOT / "bench" / "hello_skill.py"):
        if path.is_dir():
            compileall.compile_dir(path, quiet=1)
        else:
            compileall.compile_file(path, quiet=1)


def main() -> int:
    ap = OneLineParser(prog=prog("bench skill"), description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer iterations")
    args = ap.parse_args()
    n, runs, rounds = (400, 5, 2) if args.quick else (4000, 15, 3)

    import hello_skill

    from lambda_function import lambda_handler as ours

    hello_intent = intent("HelloWorldIntent", new=True)
    cases = [
        ("LaunchRequest", launch(), launch()),
        ("IntentRequest", intent("LegCrampsAtNightIntent", new=True), hello_intent),
    ]
    print(f"{'case':<28}{'ours':>12}{'baseline':>14}{'ratio':>8}  goal")
    print("(baseline: hello world; for 'metrics' rows, our handle_event without metrics)")
    for name, our_event, hello_event in cases:
        ours_t, hello_t = [], []
        for _ in range(rounds):  # alternate to share the machine's noise fairly
            with contextlib.redirect_stdout(io.StringIO()):  # the EMF line: Lambda's log
                ours_t.append(warm(ours, our_event, n))
            hello_t.append(warm(hello_skill.lambda_handler, hello_event, n))
        a, b = min(ours_t), min(hello_t)
        print(f"{'warm ' + name:<28}{a * 1e6:>10.1f}us{b * 1e6:>12.1f}us"
              f"{goal_cell(a, b, WARM_GOAL)}")

    from skill.app import handle_event

    sink = io.StringIO()
    for name, event in (
        ("LaunchRequest", launch()),
        ("IntentRequest", intent("LegCrampsAtNightIntent", new=True)),
    ):
        with_m, without = [], []
        for _ in range(rounds):
            sink.seek(0)
            sink.truncate()
            with contextlib.redirect_stdout(sink):  # Lambda's stdout is its log stream
                with_m.append(warm(ours, event, n))
            without.append(warm(handle_event, event, n))
        a, b = min(with_m), min(without)
        print(f"{'metrics ' + name:<28}{a * 1e6:>10.1f}us{b * 1e6:>12.1f}us"
              f"{goal_cell(a, b, METRICS_GOAL)}")

    compile_sources()
    ours_c, hello_c = [], []
    for _ in range(rounds):
        ours_c.append(cold("lambda_function", launch(), runs))
        hello_c.append(cold("hello_skill", launch(), runs))
    a, b = statistics.median(ours_c), statistics.median(hello_c)
    print(
        f"{'cold start (import+1st)':<28}{a * 1e3:>10.1f}ms{b * 1e3:>12.1f}ms"
        f"{goal_cell(a, b, COLD_START_GOAL)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
