"""Provenance and shape of everything the skill says."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from skill import content

ROOT = Path(__file__).resolve().parents[1]
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
    assert content.unsupported_quotes(raw, ARTICLE) == []


def test_changing_one_word_of_a_quote_fails_provenance(raw):
    bad = copy.deepcopy(raw)
    quote = bad["topics"]["LegCrampsAtNightIntent"]["source"][0]
    bad["topics"]["LegCrampsAtNightIntent"]["source"][0] = quote.replace("muscles", "tendons", 1)
    assert quote != bad["topics"]["LegCrampsAtNightIntent"]["source"][0]
    problems = content.unsupported_quotes(bad, ARTICLE)
    assert len(problems) == 1 and "tendons" in problems[0]


def test_whitespace_differences_do_not_matter(raw):
    spaced = copy.deepcopy(raw)
    q = spaced["topics"]["CrampCausesIntent"]["source"][0]
    spaced["topics"]["CrampCausesIntent"]["source"][0] = q.replace(" ", "\n   ")
    assert content.unsupported_quotes(spaced, ARTICLE) == []


def test_unmarked_text_without_source_is_reported(raw):
    bad = copy.deepcopy(raw)
    del bad["prompts"]["welcome"]["not_from_article"]
    assert any("prompts.welcome" in p for p in content.unsupported_quotes(bad, ARTICLE))


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
    """No phone number, statistic or dose: the only number spoken is the emergency number."""
    c = content.load()
    texts = [t.speech for t in c.topics.values()] + [t.more or "" for t in c.topics.values()]
    texts += list(c.prompts.values()) + list(c.safety.values()) + [c.contact.speech]
    for o in c.outcomes.values():
        texts += [o.advice, *o.reasons.values()]
    numbers = {n for t in texts for n in re.findall(r"\d[\d ]*\d|\d", t)}
    assert numbers <= {"911", "9 1 1"}


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
