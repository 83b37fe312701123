"""The review model: generic over the content file, faithful to the article and to triage.

Edited content files are real files in a temporary folder, read through the same loader.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from skill import content as content_module
from skill import triage
from skill_tools.console import review
from skill_tools.console.app import create_app

SOURCE = content_module.CONTENT_DIR / "en-US.yaml"
QUOTE = "Leg cramps and vein health often go hand-in-hand."


@pytest.fixture(scope="module")
def real() -> review.Review:
    return review.build_review()


def edited(tmp_path: Path, change) -> Path:
    """A copy of the content folder whose YAML went through `change(raw)`."""
    raw = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    change(raw)
    (tmp_path / "en-US.yaml").write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return tmp_path


def test_every_topic_is_reviewed_with_all_its_quotes(real):
    c = content_module.load()
    topics = {e.path: e for e in real.sections[0].entries}
    assert set(topics) == {f"topics.{intent}" for intent in c.topics}
    for intent, topic in c.topics.items():
        entry = topics[f"topics.{intent}"]
        assert [q.text for q in entry.quotes] == [" ".join(s.split()) for s in topic.sources]
        assert all(q.found for q in entry.quotes)
        assert ("answer", topic.speech) in entry.texts


def test_the_check_contact_and_safety_are_reviewed(real):
    paths = {e.path for s in real.sections for e in s.entries}
    assert {f"check.questions.{q}" for q in triage.QUESTIONS} <= paths
    assert {f"check.outcomes.{o.value}" for o in triage.Outcome} <= paths
    assert {"contact", "safety.emergency", "safety.disclaimer"} <= paths


def test_highlights_cover_exactly_the_quoted_text(real):
    article = " ".join("".join(seg.text for seg in p) for p in real.article)
    assert article == " ".join(review.ARTICLE_PATH.read_text(encoding="utf-8").split())
    highlighted = {a for p in real.article for seg in p for a in seg.quotes}
    assert highlighted == {q.anchor for q in real.quotes}
    for paragraph in real.article:
        for seg in paragraph:
            for anchor in seg.quotes:
                quote = next(q for q in real.quotes if q.anchor == anchor)
                assert seg.text in quote.text  # a highlight never spills past its quote


def test_a_new_section_with_sources_and_marks_shows_up_without_code(tmp_path):
    def add(raw):
        raw["future_section"] = {
            "answer": {"text": "Not something the article covers.", "source": [QUOTE]},
            "refusal": {"text": "Ask the clinic, {name}.", "not_from_article": "honesty"},
        }

    r = review.build_review(content_dir=edited(tmp_path, add))
    other = {e.path: e for s in r.sections if s.id == "other" for e in s.entries}
    assert [q.text for q in other["future_section.answer"].quotes] == [QUOTE]
    marked = {e.path: e for e in r.not_from_article}
    refusal = marked["future_section.refusal"]
    assert refusal.reason == "honesty"
    assert refusal.texts == (("text", "Ask the clinic, The Vein Center of Maryland."),)


def test_a_quote_not_in_the_article_is_flagged(tmp_path):
    def bend(raw):
        raw["topics"]["VeinDiagnosisIntent"]["source"] = ["The physician can employ magic."]

    r = review.build_review(content_dir=edited(tmp_path, bend))
    entry = next(e for e in r.sections[0].entries if e.path == "topics.VeinDiagnosisIntent")
    assert [q.found for q in entry.quotes] == [False]


def test_the_checksum_is_of_the_file_reviewed(tmp_path, real):
    import hashlib

    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(SOURCE, folder / "en-US.yaml")
    assert review.build_review(content_dir=folder).checksum == real.checksum
    with (folder / "en-US.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# reviewed\n")
    changed = review.build_review(content_dir=folder)
    assert changed.checksum == hashlib.sha256((folder / "en-US.yaml").read_bytes()).hexdigest()
    assert changed.checksum != real.checksum


def test_the_decision_table_agrees_with_triage(real):
    n = len(triage.QUESTIONS)
    assert len(real.combinations) == len(triage.Answer) ** n
    assert sum(p.combinations for p in real.paths) == len(real.combinations)
    for combo in real.combinations:
        user = dict(zip(triage.QUESTIONS, map(triage.Answer, combo.user), strict=True))
        asked = {q: a for (q, a), was in zip(user.items(), combo.asked, strict=True) if was}
        assert triage.classify(asked).outcome.value == combo.outcome
        assert triage.classify(user).outcome.value == combo.outcome  # skipping never changed it
    # the README's rule: walking cramps alone always mean a specialist
    walking = triage.QUESTIONS.index("WALKING")
    assert all(
        c.outcome == "see_specialist" for c in real.combinations if c.user[walking] == "yes"
    )


def test_a_broken_content_file_is_reported_not_crashed(tmp_path, monkeypatch):
    """Mid-edit, the review page says what is wrong instead of failing with a bare 500."""
    app = create_app()  # started while the file was fine
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "en-US.yaml").write_text("topics: [not, a, mapping\n", encoding="utf-8")
    monkeypatch.setattr(content_module, "CONTENT_DIR", folder)
    with pytest.raises(content_module.ContentError):
        review.build_review()
    response = app.test_client().get("/content")
    assert response.status_code == 500
    assert b'id="content-error"' in response.data
