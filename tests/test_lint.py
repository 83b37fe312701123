"""The interaction model lint: a good model passes, each single defect trips exactly its rule."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skill_tools import lint
from skill_tools.lint import REQUIRED_BUILTINS, lint_manifest, lint_model
from tests.support import MODEL

REAL_MODEL = MODEL


def good_model() -> dict[str, Any]:
    """The smallest model that passes every rule."""
    builtins = [{"name": n, "samples": []} for n in REQUIRED_BUILTINS]
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": "leg cramp helper",
                "intents": [
                    {"name": "CausesIntent", "samples": ["what causes leg cramps", "why d.v.t."]},
                    {
                        "name": "FrequencyIntent",
                        "slots": [
                            {"name": "frequency", "type": "CrampFrequency"},
                            {"name": "when", "type": "AMAZON.DATE"},
                        ],
                        "samples": ["{frequency}", "i'd say {frequency} since {when}"],
                    },
                    *builtins,
                ],
                "types": [
                    {
                        "name": "CrampFrequency",
                        "values": [
                            {"id": "OFTEN", "name": {"value": "often", "synonyms": ["a lot"]}},
                            {"id": "RARELY", "name": {"value": "rarely", "synonyms": ["seldom"]}},
                        ],
                    }
                ],
            }
        }
    }


def lm(model: dict[str, Any]) -> dict[str, Any]:
    return model["interactionModel"]["languageModel"]


def intent(model: dict[str, Any], name: str) -> dict[str, Any]:
    return next(i for i in lm(model)["intents"] if i["name"] == name)


def values(model: dict[str, Any]) -> list[dict[str, Any]]:
    return lm(model)["types"][0]["values"]


def set_invocation(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda m: lm(m).__setitem__("invocationName", name)


def drop_intent(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda m: lm(m).__setitem__(
        "intents", [i for i in lm(m)["intents"] if i["name"] != name]
    )


DEFECTS: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
    # invocation name
    "one word": ("invocation-name", set_invocation("cramps")),
    "capital letters": ("invocation-name", set_invocation("Leg Cramp Helper")),
    "digits": ("invocation-name", set_invocation("leg cramp helper 2")),
    "hyphen": ("invocation-name", set_invocation("leg-cramp helper")),
    "launch word": ("invocation-name", set_invocation("open leg cramps")),
    "launch phrase": ("invocation-name", set_invocation("talk to leg cramps")),
    "wake word": ("invocation-name", set_invocation("alexa leg cramps")),
    "skill word": ("invocation-name", set_invocation("leg cramp skill")),
    "two words with an article": ("invocation-name", set_invocation("the cramps")),
    "two words with a preposition": ("invocation-name", set_invocation("for cramps")),
    "missing name": ("invocation-name", lambda m: lm(m).pop("invocationName")),
    # samples
    "sample under two intents": (
        "duplicate-sample",
        lambda m: intent(m, "AMAZON.HelpIntent")["samples"].append("What causes  leg cramps"),
    ),
    "digit in a sample": (
        "sample-text",
        lambda m: intent(m, "CausesIntent")["samples"].append("cramps 2 nights a week"),
    ),
    "question mark in a sample": (
        "sample-text",
        lambda m: intent(m, "CausesIntent")["samples"].append("why do legs cramp?"),
    ),
    "comma in a sample": (
        "sample-text",
        lambda m: intent(m, "CausesIntent")["samples"].append("so, why"),
    ),
    "unclosed slot brace": (
        "sample-text",
        lambda m: intent(m, "FrequencyIntent")["samples"].append("about {frequency"),
    ),
    "slot of another intent": (
        "sample-text",
        lambda m: intent(m, "CausesIntent")["samples"].append("cramps {frequency}"),
    ),
    "empty sample": ("sample-text", lambda m: intent(m, "CausesIntent")["samples"].append(" ")),
    # slots and types
    "undefined slot type": (
        "slot-type",
        lambda m: intent(m, "FrequencyIntent")["slots"][0].__setitem__("type", "Frequency"),
    ),
    "slot without a type": (
        "slot-type",
        lambda m: intent(m, "FrequencyIntent")["slots"][0].pop("type"),
    ),
    "value listed twice": (
        "slot-values",
        lambda m: values(m).append({"name": {"value": "Often"}}),
    ),
    "value also another value's synonym": (
        "slot-values",
        lambda m: values(m)[1]["name"]["synonyms"].append("often"),
    ),
    "synonym under two values": (
        "slot-values",
        lambda m: values(m)[1]["name"]["synonyms"].append("a lot"),
    ),
    "id used twice": ("slot-values", lambda m: values(m)[1].__setitem__("id", "OFTEN")),
    # intents
    **{
        f"no {name}": ("builtin-intents", drop_intent(name))
        for name in ("AMAZON.HelpIntent", "AMAZON.FallbackIntent", "AMAZON.StartOverIntent")
    },
    "intent declared twice": (
        "duplicate-intent",
        lambda m: lm(m)["intents"].append({"name": "AMAZON.HelpIntent", "samples": []}),
    ),
    "samples not a list": (
        "model-shape",
        lambda m: lm(m)["intents"].append({"name": "OtherIntent", "samples": "hello"}),
    ),
}


def test_the_good_model_is_clean() -> None:
    assert lint_model(good_model()) == []


@pytest.mark.parametrize("defect", DEFECTS)
def test_each_defect_trips_exactly_its_rule(defect: str) -> None:
    rule, mutate = DEFECTS[defect]
    model = good_model()
    mutate(model)
    problems = lint_model(model)
    assert problems, f"{defect}: not caught"
    assert {p.rule for p in problems} == {rule}, [str(p) for p in problems]


def test_every_rule_has_a_defect_that_trips_it() -> None:
    assert {rule for rule, _ in DEFECTS.values()} == set(lint.RULES)


@pytest.mark.parametrize(
    "model",
    [None, [], "model", {}, {"interactionModel": {"languageModel": {"intents": "x", "types": 3}}}],
)
def test_malformed_models_are_reported_not_raised(model: Any) -> None:
    problems = lint_model(model)
    assert "model-shape" in {p.rule for p in problems}


def test_hostile_nesting_inside_a_model_does_not_raise() -> None:
    model = good_model()
    lm(model)["intents"] += [7, {"name": 3, "slots": [None], "samples": [None, 4]}]
    lm(model)["types"] += [{"name": "T", "values": [{"name": "x"}, {"name": {"synonyms": "y"}}]}]
    assert lint_model(model)  # findings, and no exception


def test_problem_reads_as_one_line() -> None:
    model = good_model()
    set_invocation("cramps")(model)
    (problem,) = lint_model(model)
    assert str(problem) == "invocationName: 'cramps' must be two or more words [invocation-name]"


# -- handled intents ------------------------------------------------------------------------


def test_handled_intents_must_match_the_model_both_ways() -> None:
    model = good_model()
    names = {i["name"] for i in lm(model)["intents"]}
    assert lint_model(model, names) == []
    problems = lint_model(model, (names - {"CausesIntent"}) | {"ExtraIntent"})
    assert {(p.rule, p.where) for p in problems} == {
        ("handled-intents", "intent CausesIntent"),
        ("handled-intents", "intent ExtraIntent"),
    }


def test_the_real_model_is_clean() -> None:
    assert [str(p) for p in lint_model(REAL_MODEL)] == []


def test_the_real_model_lists_exactly_the_intents_the_skill_handles() -> None:
    from skill.handlers.intents import handled_intents

    assert [str(p) for p in lint_model(REAL_MODEL, handled_intents())] == []


# -- manifest example phrases ---------------------------------------------------------------


def manifest(*phrases: Any) -> dict[str, Any]:
    locale = {"name": "Leg Cramp Helper", "examplePhrases": list(phrases)}
    return {"manifest": {"publishingInformation": {"locales": {"en-US": locale}}}}


def test_good_example_phrases_pass() -> None:
    m = manifest(
        "Alexa, open leg cramp helper",
        "Alexa, ask Leg Cramp Helper what causes leg cramps?",
        "Alexa, ask leg cramp helper i'd say a lot since tomorrow",  # slots filled in
    )
    assert lint_manifest(m, good_model()) == []


@pytest.mark.parametrize(
    "phrases",
    [
        (),
        ("Alexa, launch leg cramp helper",),
        ("Open leg cramp helper",),
        ("Alexa, open leg cramp helpers",),
        ("Alexa, ask leg cramp helper what are leg cramps",),  # not a sample
        ("Alexa, ask leg cramp helper i'd say sometimes since now",),  # off-list slot value
        ("Alexa, open leg cramp helper",) * 4,
        (7,),
    ],
)
def test_bad_example_phrases_are_caught(phrases: tuple[Any, ...]) -> None:
    problems = lint_manifest(manifest(*phrases), good_model())
    assert problems and {p.rule for p in problems} == {"example-phrases"}


def test_the_real_manifest_example_phrases_are_samples() -> None:
    found = json.loads(lint.DEFAULT_MANIFEST.read_text(encoding="utf-8"))
    assert [str(p) for p in lint_manifest(found, REAL_MODEL)] == []


# -- python -m skill_tools check -------------------------------------------------------------------


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def model_file(folder: Path, data: Any) -> Path:
    """A model where the ASK CLI puts it, so <folder>/skill.json is its manifest."""
    return write(folder / "interactionModels" / "custom" / "en-US.json", data)


def test_check_exits_0_on_a_clean_model(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    model = model_file(tmp_path, good_model())
    assert lint.main(["--model", str(model), "--no-handlers"]) == 0
    assert capsys.readouterr().out == "dev.py check: model clean\n"


def test_check_finds_the_manifest_beside_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    model = model_file(tmp_path, good_model())
    write(tmp_path / "skill.json", manifest("Alexa, open leg cramp helper"))
    assert lint.main(["--model", str(model), "--no-handlers"]) == 0
    assert capsys.readouterr().out == "dev.py check: model, manifest clean\n"
    write(tmp_path / "skill.json", manifest("Alexa, ask leg cramp helper to dance"))
    assert lint.main(["--model", str(model), "--no-handlers"]) == 1
    assert "[example-phrases]" in capsys.readouterr().out


def test_check_prints_one_line_per_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = good_model()
    set_invocation("ask cramps")(bad)
    drop_intent("AMAZON.HelpIntent")(bad)
    model = model_file(tmp_path, bad)
    write(tmp_path / "skill.json", manifest("Alexa, ask cramps why"))
    assert lint.main(["--model", str(model), "--no-handlers"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 3  # launch word, missing Help, example phrase
    assert all(line.endswith("]") for line in lines)
    assert err.count("\n") == 1 and "3 problem(s)" in err


def test_check_cross_checks_the_skills_handlers(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    model = model_file(tmp_path, good_model())
    assert lint.main(["--model", str(model)]) == 1
    assert "[handled-intents]" in capsys.readouterr().out


@pytest.mark.parametrize("content", ["{not json", None])
def test_unreadable_model_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture, content: str | None
) -> None:
    path = tmp_path / "m.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert lint.main(["--model", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("dev.py check: ")


def test_explicit_missing_manifest_is_an_error(tmp_path: Path, capsys) -> None:
    model = model_file(tmp_path, good_model())
    assert lint.main(["--model", str(model), "--manifest", str(tmp_path / "no.json")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_misuse_is_one_line_and_exit_2(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        lint.main(["--frobnicate"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("dev.py check: error:") and err.count("\n") == 1


def test_check_is_dispatched_by_python_m_skill(capsys: pytest.CaptureFixture) -> None:
    from skill_tools.__main__ import main

    assert main(["check", "--no-handlers"]) == 0
    assert "clean" in capsys.readouterr().out


@pytest.mark.parametrize(
    "data",
    [
        {"interactionModel": {}},
        {"interactionModel": {"languageModel": {"invocationName": "leg cramp helper"}}},
        {"interactionModel": {"languageModel": {"intents": []}}},
    ],
    ids=["no languageModel", "no intents", "empty intents"],
)
def test_a_model_with_nothing_to_read_is_one_root_problem_not_its_follow_ons(
    tmp_path: Path, capsys: pytest.CaptureFixture, data: Any
) -> None:
    # The real CLI, handlers and a manifest included: each of those would otherwise restate
    # the root problem (every built-in "missing", every handled intent "not in the model").
    model = model_file(tmp_path, data)
    write(tmp_path / "skill.json", manifest("Alexa, ask leg cramp helper why do my legs cramp"))
    assert lint.main(["--model", str(model)]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1, out
    assert out.endswith("[model-shape]\n")
    assert "1 problem(s)" in err
