"""Run every benchmark in bench/ in turn: `python3 dev.py bench [--quick]`.

Each benchmark measures its own baseline in the same run and prints its ratios.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["bench_skill.py", "bench_nlu.py", "bench_package.py", "bench_web.py"]


def main(argv: list[str]) -> int:
    status = 0
    for name in BENCHES:
        print(f"\n== {name} ==", flush=True)
        status |= subprocess.call([sys.executable, str(HERE / name), *argv])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
