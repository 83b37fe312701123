"""interaction_model/skill.json and ask-resources.json: complete and true for certification."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from skill import reminders
from tests.support import ROOT

MODEL_DIR = ROOT / "interaction_model"
LOCALE = "en-US"
INVOCATION = "leg cramp helper"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((MODEL_DIR / "skill.json").read_text(encoding="utf-8"))["manifest"]


@pytest.fixture(scope="module")
def store(manifest: dict[str, Any]) -> dict[str, Any]:
    return manifest["publishingInformation"]["locales"][LOCALE]


@pytest.fixture(scope="module")
def language_model() -> dict[str, Any]:
    path = MODEL_DIR / "interactionModels" / "custom" / f"{LOCALE}.json"
    return json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]


# --------------------------------------------------------- must show 4: the example phrases


def phrase_problems(phrases: list[str], language_model: dict[str, Any]) -> list[str]:
    """Each phrase must be 'Alexa, open <invocation>' or 'Alexa, ask <invocation> <sample>'."""
    invocation = language_model["invocationName"]
    samples = {  # a sample with a slot would need a value said for it: not an example
        s for intent in language_model["intents"] for s in intent.get("samples", []) if "{" not in s
    }
    problems = [] if 1 <= len(phrases) <= 3 else [f"{len(phrases)} phrases (1 to 3 allowed)"]
    for phrase in phrases:
        ask = f"Alexa, ask {invocation} "
        if phrase == f"Alexa, open {invocation}":
            continue
        if not phrase.startswith(ask):
            problems.append(f"{phrase!r} neither opens nor asks {invocation!r}")
        elif phrase[len(ask) :] not in samples:
            problems.append(f"{phrase!r}: {phrase[len(ask) :]!r} is not a sample utterance")
    return problems


def test_every_example_phrase_opens_the_skill_or_asks_it_a_sample_utterance(
    store: dict[str, Any], language_model: dict[str, Any]
) -> None:
    assert language_model["invocationName"] == INVOCATION
    assert store["examplePhrases"][0] == f"Alexa, open {INVOCATION}"
    assert phrase_problems(store["examplePhrases"], language_model) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "Alexa, ask leg cramp helper why do my legs cramp at night?",  # punctuation: no sample
        "Alexa, ask leg cramp helper Why do my legs cramp at night",  # samples are lower case
        "Alexa, ask leg cramp helper to tell me about cramps",
        "Alexa, open leg cramps helper",
        "Alexa, ask leg cramp helper they happen {frequency}",  # a slot, not words
    ],
)
def test_the_phrase_check_rejects(phrase: str, language_model: dict[str, Any]) -> None:
    assert phrase_problems([phrase], language_model)


# ------------------------------------------------------------------- store listing


def test_name_summary_description_and_keywords_fit_the_store(store: dict[str, Any]) -> None:
    assert store["name"] == "Leg Cramp Helper"
    assert 0 < len(store["summary"]) <= 160
    assert 0 < len(store["description"]) <= 4000
    assert 1 <= len(store["keywords"]) <= 30
    assert all(k.strip() == k and k for k in store["keywords"])


@pytest.mark.parametrize(
    "fragment",
    [
        "information only",
        "not a substitute for professional medical advice",
        "call your doctor",
        "medical emergency, call your local emergency number",
    ],
)
def test_the_description_carries_the_health_disclaimer(
    store: dict[str, Any], fragment: str
) -> None:
    assert fragment in " ".join(store["description"].lower().split())


def test_the_summary_says_it_is_not_medical_advice(store: dict[str, Any]) -> None:
    assert "not medical advice" in store["summary"]


def test_publishing_information(manifest: dict[str, Any]) -> None:
    info = manifest["publishingInformation"]
    assert info["category"] == "HEALTH_AND_FITNESS"
    assert info["isAvailableWorldwide"] is False and info["distributionCountries"] == ["US"]
    assert info["testingInstructions"].strip()
    assert set(info["locales"]) == {
        p.stem for p in (MODEL_DIR / "interactionModels/custom").glob("*.json")
    }
    assert "smallIconUri" not in info["locales"][LOCALE]  # added in the console, never invented


def test_privacy_and_compliance_answers_are_true(manifest: dict[str, Any]) -> None:
    privacy = manifest["privacyAndCompliance"]
    assert privacy == {
        "allowsPurchases": False,  # no in-skill purchasing
        "usesPersonalInfo": False,  # asks for no name, address, email or phone number
        "isChildDirected": False,
        "isExportCompliant": True,
        "containsAds": False,
        "usesHealthInfo": False,  # not a HIPAA covered entity processing PHI through Amazon
    }


def test_the_permission_declared_is_the_one_the_code_asks_for(manifest: dict[str, Any]) -> None:
    assert manifest["permissions"] == [{"name": reminders.REMINDERS_PERMISSION}]


def test_apl_is_declared_because_the_skill_renders_apl(manifest: dict[str, Any]) -> None:
    assert list((ROOT / "skill" / "apl").glob("*.json"))
    assert {"type": "ALEXA_PRESENTATION_APL"} in manifest["apis"]["custom"]["interfaces"]


def test_the_endpoint_is_a_lambda_arn_in_an_alexa_region(manifest: dict[str, Any]) -> None:
    uri = manifest["apis"]["custom"]["endpoint"]["uri"]
    assert re.fullmatch(
        r"arn:aws:lambda:(us-east-1|eu-west-1|us-west-2):\d{12}:function:[A-Za-z0-9_-]{1,64}", uri
    )


# ------------------------------------------------------------------------------ ASK CLI


def test_ask_resources_deploy_this_repository_as_it_is() -> None:
    resources = json.loads((ROOT / "ask-resources.json").read_text(encoding="utf-8"))
    assert resources["askcliResourcesVersion"] == "2020-03-31"
    profile = resources["profiles"]["default"]
    src = ROOT / profile["skillMetadata"]["src"]
    assert src.resolve() == MODEL_DIR.resolve()
    assert (src / "skill.json").is_file()
    assert (src / "interactionModels" / "custom" / f"{LOCALE}.json").is_file()
    # The function is deployed by SAM (template.yaml); `ask deploy` deploys only the skill.
    assert "code" not in profile and "skillInfrastructure" not in profile
