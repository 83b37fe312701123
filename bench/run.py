"""Run the benchmarks in bench/: `python3 dev.py bench [NAME ...] [--quick]`.

Each benchmark measures its own baseline in the same run and prints its ratios; the figures
and goals are in docs/performance.md. Options other than NAME and --quick (e.g. `--runs 9`
for `package`) are passed on to each benchmark run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from skill_tools.cli_args import OneLineParser, prog

HERE = Path(__file__).resolve().parent
BENCHES = {
    "skill": "warm requests and cold start against the ask-sdk-core hello world",
    "nlu": "the simulator's utterance matcher against a dict lookup and difflib",
    "package": "zip size and cold start of the Lambda package against hello world",
    "web": "the web service in process and under gunicorn against hello world",
}


def main(argv: list[str]) -> int:
    parser = OneLineParser(
        prog=prog("bench"),
        description="Run the benchmarks (all by default), each against a baseline measured in "
        "the same run. Benchmarks: "
        + "; ".join(f"{name}: {what}" for name, what in BENCHES.items())
        + ". Other options are passed on to each benchmark.",
    )
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"which to run: {', '.join(BENCHES)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="a short smoke run of each")
    args, rest = parser.parse_known_args(argv)
    unknown = [n for n in args.names if n not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark '{unknown[0]}' (choose from: {', '.join(BENCHES)})")
    status = 0
    for name in args.names or BENCHES:
        script = f"bench_{name}.py"
        print(f"\n== {script} ==", flush=True)
        extra = ["--quick"] if args.quick else []
        status |= subprocess.call([sys.executable, str(HERE / script), *extra, *rest])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
