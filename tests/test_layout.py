"""The layout's import rules, read from the source (not from what happens to be imported).

- `skill/` is the runtime, shipped to Lambda whole: it imports neither the web transport
  (`skill_web`) nor the developer tools (`skill_tools`), so the package needs no exclusion list.
- The conversation logic and content modules import no Alexa SDK: handlers adapt it.
- Nothing imports a transport (`lambda_function`, `skill_web`) except tests and the tool that
  starts the web server by name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

RUNTIME = ROOT / "skill"
# The modules that must stay plain Python: the Alexa handlers adapt them to the SDK.
PLAIN = ("answers", "content", "conversation", "logs", "metrics", "reminders", "seal", "speech",
         "triage")


def imported(path: Path) -> set[str]:
    """Top-level and dotted names a module imports (absolute and resolved relative imports)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names |= {f"{module}.{a.name}" for a in node.names}
    return names


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _under(names: set[str], *tops: str) -> set[str]:
    return {n for n in names if n.split(".")[0] in tops}


@pytest.mark.parametrize("path", _modules(RUNTIME), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_runtime_imports_no_tools_and_no_transport(path: Path) -> None:
    assert _under(imported(path), "skill_tools", "skill_web", "lambda_function", "flask") == set()


@pytest.mark.parametrize("name", PLAIN)
def test_logic_and_content_import_no_alexa_sdk(name: str) -> None:
    names = imported(RUNTIME / f"{name}.py")
    assert _under(names, "ask_sdk_core", "ask_sdk_model", "ask_sdk_runtime") == set()
    # ... nor the handlers or the app that wire the SDK in
    assert not {n for n in names if n.startswith(("skill.handlers", "skill.app"))}


@pytest.mark.parametrize(
    "path", _modules(ROOT / "skill_tools") + _modules(ROOT / "skill_web"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_nothing_imports_the_lambda_entry_point(path: Path) -> None:
    assert "lambda_function" not in imported(path)


def test_the_tools_reach_the_web_server_only_by_name() -> None:
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in _modules(ROOT / "skill_tools")
        if _under(imported(p), "skill_web")
    ]
    assert offenders == []


def test_the_runtime_names_the_tools_only_in_words() -> None:
    """`python -m skill` points to `python -m skill_tools`; it neither imports nor runs it."""
    source = (RUNTIME / "__main__.py").read_text("utf-8")
    assert "runpy" not in source and "import_module" not in source and "exec" not in source


def test_the_rule_reader_sees_each_kind_of_import() -> None:
    names = imported(ROOT / "skill" / "handlers" / "intents.py")
    assert "skill.conversation.Conversation" in names
    assert _under(names, "ask_sdk_core")  # the handlers do adapt the SDK
