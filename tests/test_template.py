"""template.yaml (AWS SAM): it passes cfn-lint, and it deploys what the packager builds.

cfn-lint ships its resource schemas, so this runs offline.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill_tools import packaging
from tests.support import ROOT

TEMPLATE = ROOT / "template.yaml"
ALEXA_REGIONS = ("us-east-1", "eu-west-1", "us-west-2")  # where Alexa calls Lambda functions
CFN_LINT = "import sys; from cfnlint.runner import main; sys.exit(main())"


def cfn_lint(path: Path) -> subprocess.CompletedProcess[str]:
    """cfn-lint at its strictest: informational findings fail too, in every Alexa region."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            CFN_LINT,
            "--include-checks",
            "I",
            "--non-zero-exit-code",
            "informational",
            "--regions",
            *ALEXA_REGIONS,
            "--",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


class _CfnLoader(yaml.SafeLoader):
    """Reads CloudFormation's short-form tags (!Ref, !Sub, ...) as their long forms."""


def _tag(loader: _CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    key = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {key: value}


_CfnLoader.add_multi_constructor("!", _tag)


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=_CfnLoader)  # noqa: S506


@pytest.fixture(scope="module")
def function(template: dict[str, Any]) -> dict[str, Any]:
    fns = [r for r in template["Resources"].values() if r["Type"] == "AWS::Serverless::Function"]
    assert len(fns) == 1
    return fns[0]["Properties"]


def test_cfn_lint_passes() -> None:
    proc = cfn_lint(TEMPLATE)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cfn_lint_would_catch_a_broken_template(tmp_path: Path) -> None:
    broken = tmp_path / "template.yaml"
    broken.write_text(TEMPLATE.read_text(encoding="utf-8").replace("Timeout: 8", "Timeout: 9000"))
    proc = cfn_lint(broken)
    assert proc.returncode != 0 and "E3034" in proc.stdout


def test_the_function_runs_the_package_the_packager_builds(function: dict[str, Any]) -> None:
    assert function["Handler"] == "lambda_function.lambda_handler"
    assert function["Architectures"] == [packaging.ARCHITECTURE]
    assert function["Runtime"] == {"Ref": "PythonRuntime"}


def test_sam_build_runs_the_projects_packager(template: dict[str, Any]) -> None:
    resource = template["Resources"]["SkillFunction"]
    assert resource["Metadata"] == {"BuildMethod": "makefile", "WorkingDirectory": "."}
    makefile = ROOT / resource["Properties"]["CodeUri"] / "Makefile"
    rule = re.search(r"^build-SkillFunction:\n((?:\t.*\n)+)", makefile.read_text(), re.M)
    assert rule and "dev.py package" in rule[1] and "$(ARTIFACTS_DIR)" in rule[1]


def test_the_runtimes_are_the_packagers_and_the_default_is_the_oldest_the_code_supports(
    template: dict[str, Any],
) -> None:
    runtime = template["Parameters"]["PythonRuntime"]
    assert tuple(runtime["AllowedValues"]) == packaging.LAMBDA_RUNTIMES
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    oldest = re.fullmatch(r">=\s*(\d+\.\d+)", project["requires-python"])
    assert oldest and runtime["Default"] == f"python{oldest[1]}"


def test_memory_and_timeout_suit_alexa(function: dict[str, Any]) -> None:
    assert 128 <= function["MemorySize"] <= 1024
    assert 3 <= function["Timeout"] <= 8  # Alexa gives up after 8 seconds


def test_only_this_skill_may_invoke_the_function(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    events = list(function["Events"].values())
    assert [e["Type"] for e in events] == ["AlexaSkill"]
    assert events[0]["Properties"]["SkillId"] == {"Ref": "SkillId"}
    skill_id = template["Parameters"]["SkillId"]
    assert "Default" not in skill_id  # it must be filled in, never a placeholder
    pattern = re.compile(skill_id["AllowedPattern"])
    assert pattern.fullmatch("amzn1.ask.skill.0f6a2b1c-1234-4d5e-8f90-abcdef012345")
    assert not pattern.fullmatch("arn:aws:lambda:us-east-1:123456789012:function:x")


def test_logs_go_to_a_log_group_with_retention(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    groups = {
        name: r for name, r in template["Resources"].items() if r["Type"] == "AWS::Logs::LogGroup"
    }
    assert len(groups) == 1
    ((name, group),) = groups.items()
    assert function["LoggingConfig"]["LogGroup"] == {"Ref": name}
    assert group["Properties"]["RetentionInDays"]
    # The name Lambda itself would use for this function, so nothing else creates it first.
    assert function["FunctionName"] == {"Ref": "AWS::StackName"}
    assert group["Properties"]["LogGroupName"] == {"Fn::Sub": "/aws/lambda/${AWS::StackName}"}


def test_the_endpoint_arn_is_an_output(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert any(o["Value"] == {"Fn::GetAtt": "SkillFunction.Arn"} for o in outputs.values())
