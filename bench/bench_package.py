"""Zip size and cold start of the Lambda package against a hello-world ask-sdk-core skill.

Both zips are built by the same packager (skill_tools/packaging.py: same dependency closure rules,
same bytecode, same compression), the baseline from bench/hello_skill.py with ask-sdk-core
only. Each is extracted, then timed in fresh processes that see only the extracted folder and
the standard library (`python -I -S`), alternating ours and the baseline so a noisy machine
affects both alike. Cold start = interpreter start + import + first request, as Lambda's init
plus first invoke.

Goals: cold start ratio <= 1.10 (bench_skill.py's, one goal for the measure), zip size ratio
<= 1.2. A ratio over its goal is marked MISSED; the exit status stays 0 (a report).

    python3 dev.py bench package [--runs N] [--quick]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_skill import COLD_START_GOAL, goal_cell  # noqa: E402

from skill_tools import packaging  # noqa: E402
from skill_tools.cli_args import OneLineParser, prog  # noqa: E402
from tests.support import intent, launch  # noqa: E402

SIZE_GOAL = 1.20

# Timed inside the child from its first line, and around the whole child from outside.
COLD = r"""
import time
t0 = time.perf_counter()
import sys, json
sys.path.insert(0, sys.argv[1])
from {module} import lambda_handler
lambda_handler(json.loads(sys.argv[2]), None)
print(time.perf_counter() - t0)
"""


def cold_once(folder: Path, module: str, event: dict) -> tuple[float, float]:
    """(seconds inside the child: import + first request, seconds for the whole process)."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            "-I",  # isolated: no environment, no user site, no current folder
            "-S",  # no site-packages: only the extracted folder and the standard library
            "-B",  # write no bytecode, like Lambda's read-only /var/task
            "-c",
            COLD.format(module=module),
            str(folder),
            json.dumps(event),
        ],
        cwd=folder,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    total = time.perf_counter() - t0
    return float(out.stdout.strip().splitlines()[-1]), total


def build(work: Path) -> dict[str, tuple[packaging.Package, Path]]:
    ours = packaging.build_zip(
        packaging.project_files(), packaging.lambda_requirements(), work / "ours" / "lambda.zip"
    )
    hello = packaging.build_zip(
        {"hello_skill.py": ROOT / "bench" / "hello_skill.py"},
        ["ask-sdk-core"],
        work / "hello" / "lambda.zip",
    )
    out = {}
    for name, package in (("ours", ours), ("hello", hello)):
        folder = work / f"{name}-extracted"
        with zipfile.ZipFile(package.path) as zf:
            zf.extractall(folder)
        out[name] = (package, folder)
    return out


def row(label: str, ours: float, hello: float, goal: float | None) -> None:
    cell = f"{ours / hello:>7.2f}" if goal is None else goal_cell(ours, hello, goal)[1:]
    print(f"{label:<44}{ours:>10.2f}{hello:>13.2f}{cell}")


def main() -> int:
    ap = OneLineParser(prog=prog("bench package"), description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21, help="fresh processes per skill and case")
    ap.add_argument("--quick", action="store_true", help="7 runs")
    args = ap.parse_args()
    runs = 7 if args.quick else max(3, args.runs)

    with tempfile.TemporaryDirectory(prefix="bench-package-") as tmp:
        built = build(Path(tmp))
        ours, ours_dir = built["ours"]
        hello, hello_dir = built["hello"]
        print(f"python {sys.version.split()[0]}, target {ours.runtime}, bytecode: {ours.compiled}")
        size_ratio = ours.size / hello.size
        print(f"\n{'zip':<44}{'ours':>10}{'hello world':>13}{'ratio':>7}  goal")
        row("size (MiB)", ours.size / 2**20, hello.size / 2**20, SIZE_GOAL)
        print(f"{'files':<44}{ours.files:>10}{hello.files:>13}")

        launch_event = launch()
        cases = [
            ("LaunchRequest", launch_event, launch_event),
            (
                "first IntentRequest",
                intent("LegCrampsAtNightIntent", new=True),
                intent("HelloWorldIntent", new=True),
            ),
        ]
        print(
            f"\n{f'cold start, ms (median of {runs})':<44}{'ours':>10}{'hello world':>13}"
            f"{'ratio':>7}  goal"
        )
        worst = 0.0
        for name, our_event, hello_event in cases:
            samples: dict[str, list[tuple[float, float]]] = {"ours": [], "hello": []}
            for _ in range(runs):  # alternate, so both share the machine's noise
                samples["ours"].append(cold_once(ours_dir, "lambda_function", our_event))
                samples["hello"].append(cold_once(hello_dir, "hello_skill", hello_event))
            for label, index in (("import + first request", 0), ("whole process", 1)):
                a = statistics.median(s[index] for s in samples["ours"]) * 1e3
                b = statistics.median(s[index] for s in samples["hello"]) * 1e3
                if index == 0:
                    worst = max(worst, a / b)
                row(f"{name}: {label}", a, b, COLD_START_GOAL if index == 0 else None)
        ok = worst <= COLD_START_GOAL and size_ratio <= SIZE_GOAL
        verdict = "met" if ok else "NOT met"
        print(f"\ngoals {verdict}: cold start ratio {worst:.2f}, zip size ratio {size_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
