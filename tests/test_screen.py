"""APL on devices with a screen: present only there, valid, and saying what the voice says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lambda_function import lambda_handler
from skill import screen
from skill.content import load
from tests.support import frequency_slot, intent, launch, speech, with_screen

C = load()
APL_DIR = Path(screen.__file__).parent / "apl"
OUTCOME_STATE = {"pending": "check", "answers": {"FREQUENT": "no", "SLEEP": "no"}}

CASES = {
    "answer": (intent, ("LegCrampsAtNightIntent",)),
    "question": (intent, ("SymptomCheckIntent",)),
    "outcome": (intent, ("AMAZON.YesIntent", OUTCOME_STATE)),  # walking: yes
    "contact": (intent, ("ContactClinicIntent",)),
    "home": (lambda: launch(), ()),
}


def directives(response):
    return response["response"].get("directives") or []


@pytest.mark.parametrize("kind", CASES)
def test_a_screen_device_gets_one_render_document(kind):
    make, args = CASES[kind]
    r = lambda_handler(with_screen(make(*args)), None)
    [d] = directives(r)
    assert d["type"] == "Alexa.Presentation.APL.RenderDocument"
    assert d["document"]["type"] == "APL"
    assert d["datasources"]["view"]["kind"] == kind


@pytest.mark.parametrize("kind", CASES)
def test_a_speaker_never_gets_a_directive(kind):
    make, args = CASES[kind]
    assert directives(lambda_handler(make(*args), None)) == []


def view_of(env):
    r = lambda_handler(with_screen(env), None)
    return speech(r), directives(r)[0]["datasources"]["view"], r


def test_answer_screen_text_is_the_spoken_answer():
    said, view, _ = view_of(intent("VaricoseVeinsIntent"))
    topic = C.topics["VaricoseVeinsIntent"]
    assert view["text"] == topic.speech and said.startswith(view["text"])
    assert view["title"] == topic.title


def test_question_screen_shows_progress_and_the_spoken_question():
    said, view, _ = view_of(intent("SymptomCheckIntent"))
    assert view["subtitle"] == "Question 1 of 4"
    assert view["text"] == C.questions["FREQUENT"].text and said.endswith(view["text"])
    # after "not sure how often", only the walking question can still matter
    state = {"pending": "check", "answers": {}}
    said, view, _ = view_of(intent("NotSureIntent", state))
    # The total never changes mid-check: 4 is the longest any check can be.
    assert view["subtitle"] == "Question 2 of 4" and view["text"] == C.questions["WALKING"].text


def test_outcome_screen_shows_the_result_and_the_clinic():
    said, view, r = view_of(intent("AMAZON.YesIntent", OUTCOME_STATE))
    assert view["title"] == C.outcomes["see_specialist"].title
    assert view["text"] == r["response"]["card"]["content"]
    # The screen shows what was said (less the spoken question) and the explanation too.
    spoken = said.rsplit(". ", 1)[0] + "."
    assert all(sentence in view["text"] for sentence in spoken.split(". "))
    assert C.outcomes["see_specialist"].explain in view["text"]
    assert C.clinic.name in view["footer"] and C.clinic.website in view["footer"]


def test_frequency_answer_on_screen_moves_the_progress():
    state = {"pending": "check", "answers": {}}
    _, view, _ = view_of(intent("CrampFrequencyIntent", state, frequency_slot("often", "OFTEN")))
    assert view["subtitle"] == "Question 2 of 4" and view["text"] == C.questions["SLEEP"].text


@pytest.mark.parametrize("path", sorted(APL_DIR.glob("*.json")), ids=lambda p: p.name)
def test_every_apl_document_is_valid_json_of_the_right_shape(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "APL"
    assert isinstance(doc["version"], str) and doc["version"][:4].isdigit()
    main = doc["mainTemplate"]
    assert main["parameters"] == ["view"]
    assert isinstance(main["items"], list) and main["items"]


def test_the_document_binds_only_fields_the_data_source_has():
    text = (APL_DIR / "document.json").read_text(encoding="utf-8")
    used = set(__import__("re").findall(r"\$\{view\.(\w+)", text))
    _, view, _ = view_of(intent("SymptomCheckIntent"))
    assert used and used <= set(view)


def test_no_view_for_goodbye():
    assert directives(lambda_handler(with_screen(intent("AMAZON.StopIntent")), None)) == []


def test_the_emergency_screen_shows_the_card_s_text():
    r = lambda_handler(with_screen(intent("EmergencyIntent")), None)
    (view,) = [d["datasources"]["view"] for d in directives(r)]
    assert view["text"] == r["response"]["card"]["content"]
