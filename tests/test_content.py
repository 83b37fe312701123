"""Provenance and shape of everything the skill says."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from skill import content
from skill_tools import provenance, wording
from tests.support import ROOT

ARTICLE = (ROOT / "seeds" / "leg-cramps-and-vein-health.txt").read_text(encoding="utf-8")
SHARED_ARTICLE = ROOT.parent / "shared" / "seeds" / "leg-cramps-and-vein-health.txt"


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load((ROOT / "skill" / "content" / "en-US.yaml").read_text("utf-8"))


def test_seed_is_the_clinic_article_verbatim():
    if not SHARED_ARTICLE.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SHARED_ARTICLE.read_bytes() == (ROOT / "seeds" / SHARED_ARTICLE.name).read_bytes()


def test_every_quote_is_in_the_article_and_every_text_is_accounted_for(raw):
    assert provenance.unsupported_quotes(raw, ARTICLE) == []


def test_changing_one_word_of_a_quote_fails_provenance(raw):
    bad = copy.deepcopy(raw)
    quote = bad["topics"]["LegCrampsAtNightIntent"]["source"][0]
    bad["topics"]["LegCrampsAtNightIntent"]["source"][0] = quote.replace("muscles", "tendons", 1)
    assert quote != bad["topics"]["LegCrampsAtNightIntent"]["source"][0]
    problems = provenance.unsupported_quotes(bad, ARTICLE)
    assert len(problems) == 1 and "tendons" in problems[0]


def test_whitespace_differences_do_not_matter(raw):
    spaced = copy.deepcopy(raw)
    q = spaced["topics"]["CrampCausesIntent"]["source"][0]
    spaced["topics"]["CrampCausesIntent"]["source"][0] = q.replace(" ", "\n   ")
    assert provenance.unsupported_quotes(spaced, ARTICLE) == []


def test_unmarked_text_without_source_is_reported(raw):
    bad = copy.deepcopy(raw)
    del bad["prompts"]["welcome"]["not_from_article"]
    assert any("prompts.welcome" in p for p in provenance.unsupported_quotes(bad, ARTICLE))


@pytest.mark.parametrize(
    "section",
    ["topics.LegCrampsAtNightIntent", "check.outcomes.see_specialist", "contact"],
)
def test_an_answer_without_source_is_refused(raw, section):
    bad = copy.deepcopy(raw)
    node = bad
    for part in section.split("."):
        node = node[part]
    del node["source"]
    with pytest.raises(content.ContentError, match="source"):
        content.parse(bad)


def test_every_topic_answer_is_sourced_and_one_breath():
    c = content.load()
    assert len(c.topics) == 10
    for topic in c.topics.values():
        assert topic.sources
        assert content.word_count(topic.speech) <= content.MAX_ANSWER_WORDS, topic.intent


def test_an_overlong_answer_is_refused(raw):
    bad = copy.deepcopy(raw)
    bad["topics"]["VeinDiagnosisIntent"]["speech"] = "word " * 51
    with pytest.raises(content.ContentError, match="longer than"):
        content.parse(bad)


def test_safety_text_is_marked_not_from_article(raw):
    for key in ("disclaimer", "emergency", "emergency_card"):
        assert raw["safety"][key]["not_from_article"]
    assert raw["check"]["not_a_diagnosis"]["not_from_article"] == "disclaimer"


def test_clinic_details_are_configuration(raw):
    c = content.parse(raw)
    assert c.clinic.name == "The Vein Center of Maryland"
    assert c.clinic.website == "theveincenterofmaryland.com"
    assert c.clinic.phone == ""
    assert "theveincenterofmaryland.com" in c.contact.card


def test_empty_phone_is_never_spoken_or_shown(raw):
    c = content.parse(raw)
    for text in (c.contact.speech, c.contact.card):
        assert "phone" not in text.lower()
        assert not re.search(r"\d", text)


def test_a_configured_phone_is_spoken_and_shown(raw):
    configured = copy.deepcopy(raw)
    configured["clinic"]["phone"] = "000 000 0000"
    c = content.parse(configured)
    assert "000 000 0000" in c.contact.speech
    assert "000 000 0000" in c.contact.card


def test_no_invented_numbers_in_what_the_skill_says():
    """No phone number, statistic or dose: the only numbers spoken are the emergency number and
    the national crisis line (988, to thoughts of self-harm)."""
    c = content.load()
    texts = [t.speech for t in c.topics.values()] + [t.more or "" for t in c.topics.values()]
    texts += list(c.prompts.values()) + list(c.safety.values()) + [c.contact.speech]
    for o in c.outcomes.values():
        texts += [o.advice, *o.reasons.values()]
    numbers = {n for t in texts for n in re.findall(r"\d[\d ]*\d|\d", t)}
    assert numbers <= {"911", "9 1 1", "988", "9 8 8"}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["topics"]["VeinDiagnosisIntent"].update(next="somewhere"), "next"),
        (lambda r: r["topics"].update(Bogus=r["topics"]["VeinDiagnosisIntent"]), "Intent"),
        (lambda r: r["check"]["questions"].pop("SLEEP"), "questions"),
        (lambda r: r["check"]["outcomes"].pop("probably_fine"), "outcomes"),
        (lambda r: r["prompts"]["menu"].update(text="{unknown}"), "placeholder"),
        (lambda r: r["clinic"].update(phone=5), "phone"),
        (lambda r: r["safety"].pop("emergency"), "emergency"),
        # round 26: a step for a reason the outcome never gives
        (
            lambda r: r["check"]["outcomes"]["see_specialist"]["advice_for"].update(NONE="x"),
            "advice_for",
        ),
    ],
)
def test_malformed_content_is_refused_with_its_path(raw, mutate, message):
    bad = copy.deepcopy(raw)
    mutate(bad)
    with pytest.raises(content.ContentError, match=message):
        content.parse(bad)


def test_unreadable_content_file_is_a_content_error(tmp_path):
    (tmp_path / "en-US.yaml").write_text("clinic: [unclosed", encoding="utf-8")
    with pytest.raises(content.ContentError, match="not valid YAML"):
        content.read_raw("en-US", tmp_path)
    with pytest.raises(content.ContentError, match="cannot read"):
        content.read_raw("fr-FR", tmp_path)


# -- sentence by sentence: only what the quotes say (skill_tools/wording.py) --------------------


def test_every_medical_sentence_uses_only_words_of_its_own_quotes(raw):
    items = list(wording.medical_texts(raw))
    # Every kind of medical text is covered: topics, questions, results and their titles.
    paths = {item.path for item in items}
    for needed in (
        "topics.LegCrampsAtNightIntent.speech",
        "topics.LegCrampsAtNightIntent.more",
        "topics.LegCrampsAtNightIntent.title",
        "check.questions.SLEEP.text",
        "check.outcomes.probably_fine.title",
        "check.outcomes.see_specialist.reasons.FREQUENT_SLEEP",
        "check.outcomes.see_specialist.advice_for.FREQUENT_SLEEP",
        "check.outcomes.see_specialist.title_for.FREQUENT_SLEEP",
        "check.outcomes.worth_checking.advice",
        "check.outcomes.probably_fine.explain",
    ):
        assert needed in paths
    assert [str(p) for p in wording.audit(raw)] == []


def _with(raw, path: str, text: str):
    """A copy of the content with the text at a dotted path replaced."""
    bad = copy.deepcopy(raw)
    *parents, leaf = path.split(".")
    node = bad
    for part in parents:
        node = node[part]
    node[leaf] = text
    return bad


# The drifts found in review, each put back into a copy of the content: the audit names each.
DRIFTS = [
    pytest.param(
        "topics.CrampsAndVeinDiseaseIntent.speech",
        "Often, yes. Leg cramps and vein health often go hand in hand.",
        "yes",
        id="often-yes",
    ),
    pytest.param(
        "check.outcomes.worth_checking.reasons.FREQUENT",
        "Severe, frequent cramps can suggest vein disease, so frequent cramping is worth "
        "having checked.",
        "without: disrupt, sleep",
        id="severe-frequent-without-sleep",
    ),
    pytest.param(
        "check.outcomes.worth_checking.reasons.SLEEP",
        "Severe cramps that disrupt sleep can suggest vein disease.",
        "without: frequent",
        id="severe-sleep-without-frequent",
    ),
    pytest.param(
        "check.outcomes.probably_fine.title", "Probably not a concern", "probabl", id="probably"
    ),
    pytest.param(
        "topics.CrampCausesIntent.more",
        "Cramps that come with walking and ease after a brief rest can point to vein disease.",
        "point",
        id="point-to-vein-disease",
    ),
    pytest.param(
        "check.outcomes.probably_fine.explain",
        "Fatigue, dehydration, an electrolyte imbalance, especially with potassium, and certain "
        "medications are common causes.",
        "without: diseas, vein",
        id="causes-without-vein-disease",
    ),
    pytest.param(
        "topics.VeinDiagnosisIntent.speech",
        "The vein test does not hurt: the physician uses non-invasive methods.",
        "hurt",
        id="test-does-not-hurt",
    ),
]


@pytest.mark.parametrize(("path", "text", "complaint"), DRIFTS)
def test_the_audit_fails_on_each_drift(raw, path, text, complaint):
    problems = [str(p) for p in wording.audit(_with(raw, path, text))]
    assert any(path in p and complaint in p for p in problems), problems


def test_does_the_vein_test_hurt_is_not_answered_as_a_diagnosis_topic():
    """'Does the vein test hurt' was answered with 'non-invasive': the article says nothing
    about pain, so it is a question for the clinic."""
    from skill_tools.model import model_path
    from skill_tools.simulator.nlu import load_nlu

    assert load_nlu(model_path("en-US")).resolve("does the vein test hurt").intent == (
        "TreatmentsIntent"
    )


def test_the_conversational_word_list_stays_short():
    """Every word there is a word no quote has to back: growing it weakens the audit."""
    assert len(wording.CONVERSATIONAL_WORDS) <= 15
    assert not {"yes", "probably", "point", "often", "usually", "serious"} & (
        wording.CONVERSATIONAL_WORDS | wording.STOP_WORDS
    )


# -- content that cannot be served is refused at load ---------------------------------------


def _renamed(raw, path: str, old: str, new: str):
    bad = copy.deepcopy(raw)
    node = bad
    for part in path.split("."):
        node = node[part]
    node[new] = node.pop(old)
    return bad


KEYS_THE_LOGIC_ASKS_FOR = [
    *[("check.questions", q) for q in ("FREQUENT", "SLEEP", "WALKING", "VARICOSE")],
    *[("check.outcomes", o) for o in ("see_specialist", "worth_checking", "probably_fine")],
    *[
        (f"check.outcomes.{o}.reasons", r)
        for o, reasons in {
            "see_specialist": ("WALKING", "FREQUENT_SLEEP"),
            "worth_checking": ("FREQUENT", "SLEEP", "VARICOSE", "UNSURE"),
            "probably_fine": ("NONE",),
        }.items()
        for r in reasons
    ],
    ("topics", "CrampsWhenWalkingIntent"),
    ("prompts", "anything_else"),
    ("out_of_scope", "remedy"),
    ("safety", "emergency_line"),
]


@pytest.mark.parametrize(("path", "key"), KEYS_THE_LOGIC_ASKS_FOR)
def test_renaming_a_key_the_logic_asks_for_is_refused_at_load_in_one_line(raw, path, key):
    bad = _renamed(raw, path, key, key + "_RENAMED")
    with pytest.raises(content.ContentError) as refused:
        content.parse(bad)
    message = str(refused.value)
    assert "\n" not in message and (key in message or key + "_RENAMED" in message), message


def test_the_check_command_and_the_import_refuse_such_content_in_one_line(tmp_path):
    """The same refusal through the command a maintainer runs and through the import that
    starts the skill, on a copy of the project with FREQUENT_SLEEP renamed."""
    import shutil
    import subprocess
    import sys

    copy_root = tmp_path / "project"
    shutil.copytree(ROOT / "skill", copy_root / "skill", ignore=shutil.ignore_patterns(".compiled"))
    shutil.copytree(ROOT / "interaction_model", copy_root / "interaction_model")
    text = (copy_root / "skill/content/en-US.yaml").read_text("utf-8")
    (copy_root / "skill/content/en-US.yaml").write_text(
        text.replace("        FREQUENT_SLEEP: >-", "        FREQUENT_AND_SLEEP: >-"), "utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "skill_tools", "check"],
        cwd=copy_root, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode != 0
    lines = [line for line in (done.stdout + done.stderr).splitlines() if "FREQUENT_" in line]
    assert len(lines) == 1 and "FREQUENT_SLEEP" in lines[0], done.stdout + done.stderr
    # ... and the runtime itself refuses to start on it: importing the skill raises
    # ContentError with the same one line (the last line of the traceback).
    imported = subprocess.run(
        [sys.executable, "-c", "import skill.app"],
        cwd=copy_root, capture_output=True, text=True,
        timeout=120,
    )
    assert imported.returncode != 0
    last = imported.stderr.strip().splitlines()[-1]
    assert last.startswith("skill.content.ContentError: ") and "FREQUENT_SLEEP" in last, last


def test_the_conversation_asks_only_for_prompts_the_content_must_have():
    import re

    source = (ROOT / "skill" / "conversation.py").read_text("utf-8")
    asked = set(re.findall(r'\bp(?:rompt)?\("([a-z_]+)"\)', source))
    assert asked and asked <= set(content.PROMPT_KEYS)


def test_content_takes_the_check_s_ids_from_triage_without_restating_them():
    """Question and outcome ids live in skill/triage.py only: content.py names none."""
    from skill import triage

    source = (ROOT / "skill" / "content.py").read_text("utf-8")
    ids = (*triage.QUESTIONS, *(outcome.value for outcome in triage.Outcome))
    assert [i for i in ids if f'"{i}"' in source or f"'{i}'" in source] == []


def test_the_quote_audit_does_not_ship_with_the_runtime():
    import ast

    defined = {
        node.name
        for path in (ROOT / "skill").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
    }
    assert not {"unsupported_quotes", "provenance", "Provenance"} & defined


def test_the_default_locale_is_parsed_once_however_it_is_named():
    """can_fulfill asks for load(), the conversation for load("en-US"): one parse serves both."""
    assert content.load() is content.load(content.DEFAULT_LOCALE)
