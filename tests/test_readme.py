"""The README stays short and true: its safe shell commands run, its links resolve, and every
command in it and in docs/ is written one way (`python3 dev.py ...`)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
MAX_LINES = 300


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"^```(?:sh|bash|shell)\n(.*?)^```", text, re.M | re.S)


def commands(block: str) -> list[list[str]]:
    """Each command line of a block as argv, continuations joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", block)
    return [argv for line in joined.splitlines() if (argv := shlex.split(line, comments=True))]


def is_safe(argv: list[str]) -> bool:
    """Commands that finish quickly, need no network and change nothing outside dist/."""
    if argv[:2] != ["python3", "dev.py"] or len(argv) < 3:
        return False
    command, rest = argv[2], argv[3:]
    return (
        command == "--help"
        or (command == "simulate" and "--say" in rest and "--endpoint" not in rest)
        or (command in ("check", "package") and not rest)
        or (command == "test" and "--collect-only" in rest)
        or (command == "bench" and rest == ["--help"])
    )


README_COMMANDS = [argv for block in shell_blocks(README.read_text()) for argv in commands(block)]
SAFE = [argv for argv in README_COMMANDS if is_safe(argv)]


def test_the_readme_is_short() -> None:
    assert len(README.read_text().splitlines()) <= MAX_LINES


def test_the_readme_opens_with_the_two_commands() -> None:
    (first, *_) = shell_blocks(README.read_text())
    assert [argv[:3] for argv in commands(first)] == [
        ["python3", "dev.py", "simulate"],
        ["python3", "dev.py", "test"],
    ]


def test_the_readme_shows_each_kind_of_safe_command() -> None:
    kinds = {argv[2] for argv in SAFE}
    assert {"simulate", "check", "package", "test", "bench"} <= kinds, kinds


@pytest.mark.parametrize("argv", SAFE, ids=shlex.join)
def test_a_safe_readme_command_runs(argv: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, *argv[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, f"{shlex.join(argv)}\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}"
    if argv[2] == "simulate":
        assert proc.stdout.count("Alexa: ") == argv.count("--say")
    if argv[2] == "test":  # the README says it lists the tests: ids, not per-file counts
        assert "tests/test_readme.py::test_the_readme_is_short" in proc.stdout.splitlines()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_command_is_written_one_way(page: Path) -> None:
    for block in shell_blocks(page.read_text()):
        for argv in commands(block):
            words = [w for w in argv if "=" not in w or w.startswith("-")]  # skip VAR=value
            tool = words[0] if words else ""
            assert not tool.startswith((".venv/", "python", "leg-cramp-helper")) or words[:2] == [
                "python3",
                "dev.py",
            ], f"{page.name}: {shlex.join(argv)}"


def _anchors(text: str) -> set[str]:
    heads = re.findall(r"^#+ (.+)$", text, re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in heads}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_resolves(page: Path) -> None:
    text = page.read_text()
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked.read_text()), f"{page.name}: {target}"
