"""The Lambda package: what goes in, that it runs on its own, that it is reproducible, and that
bad input fails in one line without leaving a zip behind.

The package is built once per module (about two seconds) and shared by the tests that only read it.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from skill_tools import packaging
from skill_tools.packaging import PackagingError
from tests.support import ROOT

CONTENT_YAML = ROOT / "skill" / "content" / "en-US.yaml"
TAG = sys.implementation.cache_tag
HERE = f"python{sys.version_info.major}.{sys.version_info.minor}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> packaging.Package:
    out = tmp_path_factory.mktemp("build") / "lambda.zip"
    return packaging.build_zip(
        packaging.project_files(), packaging.lambda_requirements(), out, HERE
    )


@pytest.fixture(scope="module")
def extracted(built: packaging.Package, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("extracted")
    assert not any(folder.iterdir())
    with zipfile.ZipFile(built.path) as zf:
        zf.extractall(folder)
    return folder


def names(package: packaging.Package) -> list[str]:
    with zipfile.ZipFile(package.path) as zf:
        return zf.namelist()


# ---------------------------------------------------------------- must show 1: it runs alone

# Runs in `python -I -S -B`: no site-packages, no PYTHONPATH, no current folder, no bytecode
# written (Lambda's /var/task is read-only); the package folder is the only place anything but
# the standard library can come from.
RUN_ALONE = r"""
import json, sys, sysconfig
folder = sys.argv[1]
sys.path.insert(0, folder)
import lambda_function

def envelope(request):
    app = {"applicationId": "amzn1.ask.skill.test"}
    user = {"userId": "amzn1.ask.account.test"}
    return {
        "version": "1.0",
        "session": {"new": True, "sessionId": "amzn1.echo-api.session.test",
                    "application": app, "attributes": {}, "user": user},
        "context": {"System": {"application": app, "user": user, "device": {"deviceId": "d"}}},
        "request": {"requestId": "amzn1.echo-api.request.1", "timestamp": "2026-11-25T10:00:00Z",
                    "locale": "en-US", **request},
    }

launch = lambda_function.lambda_handler(envelope({"type": "LaunchRequest"}), None)
night = lambda_function.lambda_handler(envelope({
    "type": "IntentRequest",
    "intent": {"name": "LegCrampsAtNightIntent", "confirmationStatus": "NONE"},
}), None)
stdlib = {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib")}
outside = sorted(
    name for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None)
    and not module.__file__.startswith(folder)
    and not any(module.__file__.startswith(p) for p in stdlib)
)
print(json.dumps({"launch": launch, "night": night, "outside": outside,
                  "modules": sorted(sys.modules)}))
"""


def spoken(ssml: str) -> str:
    assert ssml.startswith("<speak>") and ssml.endswith("</speak>"), ssml
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", ssml)).split())


@pytest.fixture(scope="module")
def run_alone(extracted: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", RUN_ALONE, str(extracted)],
        cwd=extracted,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    *emf, last = proc.stdout.splitlines()  # each invocation's metrics line (EMF), then ours
    assert len(emf) == 2 and all('"CloudWatchMetrics"' in line for line in emf), emf
    return json.loads(last)


def test_the_extracted_package_imports_nothing_from_outside_itself(run_alone: dict) -> None:
    assert run_alone["outside"] == []
    for web_only in ("flask", "werkzeug", "cryptography", "skill_web", "skill_tools"):
        assert web_only not in run_alone["modules"]


def test_the_extracted_package_answers_a_launch_request(run_alone: dict) -> None:
    raw = yaml.safe_load(CONTENT_YAML.read_text(encoding="utf-8"))
    welcome = raw["prompts"]["welcome"]["text"].format(name=raw["clinic"]["name"])
    response = run_alone["launch"]["response"]
    assert response["outputSpeech"]["type"] == "SSML"
    assert " ".join(welcome.split()) in spoken(response["outputSpeech"]["ssml"])
    assert spoken(response["outputSpeech"]["ssml"]).endswith("?")
    assert spoken(response["reprompt"]["outputSpeech"]["ssml"])
    assert response["shouldEndSession"] is False


def test_the_extracted_package_answers_the_headline_question(run_alone: dict) -> None:
    raw = yaml.safe_load(CONTENT_YAML.read_text(encoding="utf-8"))
    answer = " ".join(raw["topics"]["LegCrampsAtNightIntent"]["speech"].split())
    response = run_alone["night"]["response"]
    said = spoken(response["outputSpeech"]["ssml"])
    assert answer in said
    assert said[said.index(answer) + len(answer) :].strip().endswith("?"), "then an offer"
    assert spoken(response["reprompt"]["outputSpeech"]["ssml"])
    assert response["shouldEndSession"] is False


def test_the_package_reads_the_shipped_content_cache_not_yaml(run_alone: dict) -> None:
    # A read-only Lambda cannot write the cache; the zip carries it, so no cold start parses YAML.
    assert "yaml" not in run_alone["modules"]


# ------------------------------------------------------------------ must show 2: same bytes


def test_two_builds_of_the_same_tree_are_identical(
    built: packaging.Package, tmp_path: Path
) -> None:
    # The second build runs in a fresh process through the command line, so the bytes depend
    # on nothing but the sources (not on what this test process has imported).
    proc = subprocess.run(
        [sys.executable, "-m", "skill_tools", "package",
         "--output", str(tmp_path), "--runtime", HERE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "lambda.zip").read_bytes() == built.path.read_bytes()
    first, second = proc.stdout.splitlines()[:2]
    assert re.fullmatch(r".*lambda\.zip: \d+\.\d\d MiB \(\d+ files\)", first)
    assert f"{built.size / 2**20:.2f} MiB ({built.files} files)" in first
    assert HERE in second and "with bytecode" in second


# -------------------------------------------------------------------------- what goes in


def test_the_zip_holds_the_entry_point_the_skill_and_its_data(built: packaging.Package) -> None:
    inside = set(names(built))
    for name in (
        "lambda_function.py",
        "skill/app.py",
        "skill/content/en-US.yaml",
        "skill/content/.compiled/en-US.json",
        "ask_sdk_core/skill_builder.py",
        "ask_sdk_model/__init__.py",
        "yaml/__init__.py",
    ):
        assert name in inside, name


def test_the_zip_holds_no_dev_tools_tests_or_web_transport(built: packaging.Package) -> None:
    inside = names(built)
    for name in inside:
        parts = name.rstrip("/").split("/")
        assert not (set(parts[:-1]) & {"tests", "test"}), name
        assert not name.endswith((".pyi", "/RECORD", "/INSTALLER", "/WHEEL", "/direct_url.json"))
    # The project's part is the runtime package whole, and nothing of the tools or the web.
    shipped = {n for n in inside if n.split("/")[0] in ("skill", "skill_tools", "skill_web")}
    shipped = {n for n in shipped if not n.endswith("/") and "__pycache__" not in n}
    runtime = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "skill").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert shipped == runtime
    assert "lambda_function.py" in inside
    tops = {n.split("/")[0].split("-")[0].lower() for n in inside}
    for absent in ("flask", "werkzeug", "cryptography", "jinja2", "pytest", "hypothesis", "cffi"):
        assert absent not in tops


def test_dist_info_keeps_only_metadata_and_licenses(built: packaging.Package) -> None:
    kept = [n for n in names(built) if ".dist-info/" in n and not n.endswith("/")]
    assert kept
    for name in kept:
        rest = name.split(".dist-info/", 1)[1]
        assert (
            rest == "METADATA"
            or rest.startswith("licenses/")
            or "LICENSE" in rest.upper()
            or "NOTICE" in rest.upper()
        ), name


def test_bytecode_is_for_the_target_runtime_only(built: packaging.Package) -> None:
    inside = set(names(built))
    pycs = [n for n in inside if n.endswith(".pyc")]
    assert pycs and built.compiled
    assert all(n.endswith(f".{TAG}.pyc") and "/__pycache__/" in f"/{n}" for n in pycs)
    for source in (n for n in inside if n.endswith(".py")):
        folder, _, stem = source.rpartition("/")
        pyc = f"{folder}/__pycache__/{stem[:-3]}.{TAG}.pyc".lstrip("/")
        assert pyc in inside, source


def test_bytecode_is_hash_based_and_unchecked(built: packaging.Package) -> None:
    import importlib.util

    with zipfile.ZipFile(built.path) as zf:
        data = zf.read(f"skill/__pycache__/app.{TAG}.pyc")
        source = zf.read("skill/app.py")
    assert data[:4] == importlib.util.MAGIC_NUMBER
    assert int.from_bytes(data[4:8], "little") == 0b01  # hash-based, not checked
    assert data[8:16] == importlib.util.source_hash(source)


def test_entries_are_sorted_with_fixed_times_and_permissions(built: packaging.Package) -> None:
    with zipfile.ZipFile(built.path) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        mode = info.external_attr >> 16
        assert mode == (0o040755 if info.is_dir() else 0o100644), info.filename


def test_no_pyyaml_extension_is_shipped_and_nothing_warns(built: packaging.Package) -> None:
    assert not [n for n in names(built) if n.startswith("yaml/") and n.endswith(".so")]
    assert built.warnings == ()


def test_the_closure_is_what_lambda_needs() -> None:
    reqs = packaging.lambda_requirements()
    assert not [r for r in reqs if r.split("<")[0].split(">")[0].lower() in packaging.WEB_ONLY]
    dists = {d.metadata["Name"].lower() for d in packaging.resolve_distributions(reqs, HERE)}
    assert {"ask-sdk-core", "ask-sdk-model", "ask-sdk-runtime", "pyyaml", "requests"} <= dists
    assert "python-dateutil" in dists and "six" in dists
    assert not dists & {"flask", "werkzeug", "cryptography", "cffi", "jinja2"}


# ---------------------------------------------------------------------------- bad input


def run_cli(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "skill_tools", "package", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_a_missing_dependency_is_one_line_exit_1_and_no_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pyproject.write_text(
        text.replace("dependencies = [\n", 'dependencies = [\n    "no-such-dist-lch>=1",\n', 1)
    )
    monkeypatch.setattr(packaging, "PYPROJECT", pyproject)
    out = tmp_path / "dist"
    assert packaging.main(["--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("dev.py package: error: ")
    assert "no-such-dist-lch" in err and "not installed" in err
    assert not out.exists() or not any(out.iterdir())


def test_an_unwritable_output_folder_is_one_line_exit_1_and_no_zip(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = run_cli("--output", str(blocker / "dist"))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("dev.py package: error: cannot create output")
    assert list(tmp_path.iterdir()) == [blocker]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere"
)
def test_a_read_only_output_folder_is_one_line_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    code, _, err = run_cli("--output", str(folder))
    assert code == 1 and err.count("\n") == 1 and "cannot write" in err
    assert list(folder.iterdir()) == []


def test_a_failure_while_writing_leaves_the_previous_zip_untouched(tmp_path: Path) -> None:
    out = tmp_path / "lambda.zip"
    out.write_bytes(b"the previous, complete zip")
    files = {"lambda_function.py": ROOT / "lambda_function.py", "gone.txt": tmp_path / "missing"}
    with pytest.raises(PackagingError, match="cannot write"):
        packaging.build_zip(files, ["six"], out, HERE)
    assert out.read_bytes() == b"the previous, complete zip"
    assert [p.name for p in tmp_path.iterdir()] == ["lambda.zip"]


def test_misuse_is_one_line_exit_2() -> None:
    code, out, err = run_cli("--runtime", "python2.7")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("dev.py package: error: ")


def test_an_invalid_requirement_is_a_packaging_error(tmp_path: Path) -> None:
    with pytest.raises(PackagingError, match="invalid requirement"):
        packaging.build_zip({}, ["not a requirement!"], tmp_path / "x.zip", HERE)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------- another target runtime


def test_another_runtime_gets_source_only_and_a_warning(tmp_path: Path) -> None:
    other = next(r for r in packaging.LAMBDA_RUNTIMES if r != HERE)
    files = {"lambda_function.py": ROOT / "lambda_function.py"}
    package = packaging.build_zip(files, ["six"], tmp_path / "lambda.zip", other)
    assert not package.compiled
    assert not [n for n in names(package) if n.endswith(".pyc")]
    assert any("no bytecode compiled" in w and other in w for w in package.warnings)


@pytest.mark.parametrize(
    ("tag", "runtime", "fits"),
    [
        ("py3-none-any", "python3.11", True),
        ("cp311-cp311-manylinux_2_17_x86_64", "python3.11", True),
        ("cp311-cp311-manylinux2014_x86_64", "python3.11", True),
        ("cp311-cp311-manylinux_2_28_x86_64", "python3.11", False),  # AL2 has glibc 2.26
        ("cp312-cp312-manylinux_2_28_x86_64", "python3.12", True),  # AL2023 has 2.34
        ("cp311-cp311-manylinux_2_17_x86_64", "python3.12", False),
        ("cp311-abi3-manylinux_2_17_x86_64", "python3.12", True),
        ("cp313-abi3-manylinux_2_17_x86_64", "python3.12", False),
        ("cp311-cp311-manylinux_2_17_aarch64", "python3.11", False),
        ("cp311-cp311-macosx_11_0_arm64", "python3.11", False),
        ("cp311-cp311-win_amd64", "python3.11", False),
    ],
)
def test_wheel_tags_that_lambda_can_load(tag: str, runtime: str, fits: bool) -> None:
    assert packaging.tag_fits(tag, runtime) is fits
