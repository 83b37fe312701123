"""The deployed model JSON is made from skill_tools/model_templates, and only from there."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from skill_tools.model import model_path
from skill_tools.samples import (
    TemplateError,
    build,
    expand,
    load_template,
    render,
    trimmed_path,
)


def test_the_committed_model_is_exactly_what_the_templates_make() -> None:
    assert model_path("en-US").read_text("utf-8") == render("en-US"), (
        "en-US.json differs from its templates: edit skill_tools/model_templates/en-US.yaml "
        "and run python3 dev.py samples"
    )


def test_a_pattern_stands_for_every_combination_in_order() -> None:
    assert expand("(why do|how come) my legs (|still) cramp") == [
        "why do my legs cramp",
        "why do my legs still cramp",
        "how come my legs cramp",
        "how come my legs still cramp",
    ]
    assert expand("<w> {cramp}", {"w": "(why|how)"}) == ["why {cramp}", "how {cramp}"]
    with pytest.raises(TemplateError, match="unknown phrase"):
        expand("<nope> it")
    with pytest.raises(TemplateError, match="brackets"):
        expand("(a|(b)) c")


def _model(intents: dict, types: dict | None = None) -> dict:
    raw = {"invocation": "x y", "types": types or {"Cramp": {"CRAMP": ["cramp", "(a|the) cramp"]}}}
    return build({**raw, "intents": intents})["interactionModel"]["languageModel"]


def test_plain_samples_win_and_short_one_slot_variants_and_exceptions_are_dropped() -> None:
    lm = _model(
        {
            "A": {
                "slots": {"cramp": "Cramp"},
                "samples": ["(what is|tell me all about) {cramp}", "(why|how) do i cramp (|now)"],
                "except": ["how do i cramp now"],
            },
            "B": {"samples": ["why do i cramp"]},
        }
    )
    a, b = lm["intents"]
    assert a["samples"] == ["tell me all about {cramp}", "why do i cramp now", "how do i cramp"]
    assert b["samples"] == ["why do i cramp"]
    assert a["slots"] == [{"name": "cramp", "type": "Cramp"}]
    values = lm["types"][0]["values"]
    assert values == [
        {"id": "CRAMP", "name": {"value": "cramp", "synonyms": ["a cramp", "the cramp"]}}
    ]


def test_a_pattern_variant_that_only_adds_padding_words_is_dropped() -> None:
    """ "um", "actually", "instead" teach Alexa nothing and cost SMAPI's room: of variants
    that differ only by them, the shortest stays, and none beside a written sample."""
    lm = _model(
        {
            "A": {
                "samples": ["(so |)what causes (it|them) (|actually)", "um why is it", "(um|well)"]
            },
            "B": {"samples": ["(um |)why is it (|now)", "(well |)how does it work (|please)"]},
        }
    )
    a, b = lm["intents"]
    # a variant made only of padding is a turn of its own: each stays
    assert a["samples"] == ["what causes it", "what causes them", "um why is it", "um", "well"]
    assert b["samples"] == ["why is it", "why is it now", "how does it work"]


def test_a_variant_changing_only_a_word_s_ending_is_dropped_unless_it_has_a_slot() -> None:
    """ "cramp", "cramps", "cramping": Alexa generalises over endings, and SMAPI's room is
    short. The first variant made stays; a slot's sample keeps them all, as a literal matcher
    fills it word for word."""
    lm = _model(
        {
            "A": {
                "samples": [
                    "why do my (leg|legs) (cramp|cramps|cramping) at night",
                    "my calves cramp at night",
                    "my (calf|calves) (cramp|cramps) when i walk",
                ]
            },
            "B": {
                "slots": {"cramp": "Cramp"},
                "samples": ["(why|how) do {cramp} (happen|happens|happening) at night"],
            },
        },
        types={"Cramp": {"CRAMP": ["cramp"]}},
    )
    a, b = lm["intents"]
    assert a["samples"] == [
        "why do my leg cramp at night",
        "my calves cramp at night",
        "my calf cramp when i walk",
        "my calves cramp when i walk",
    ]
    assert len(b["samples"]) == 6


def test_a_variant_that_a_slotted_sample_of_its_intent_fills_is_dropped() -> None:
    """ "my calves cramp at night" beside "my {legPart} cramp at night" (legPart: calves):
    a literal matcher fills the slotted one, and Alexa learns it from the slot's words, so it
    takes room for nothing. A written sample stays, and so does every variant of an intent
    that says keep_filled, or of one with no slotted sample."""
    types = {"LegPart": {"CALF": ["calf", "(my |)calves"]}}
    slotted = {"slots": {"legPart": "LegPart"}}
    samples = ["(my|the) {legPart} (cramp|hurt) at night", "(my|the) (calves|feet) cramp at night"]
    lm = _model(
        {
            "A": {**slotted, "samples": [*samples, "my calf hurt at night"]},
            "B": {
                **slotted,
                "keep_filled": True,
                "samples": ["my {legPart} ache (a lot|)", "(my) calf ache a lot"],
            },
            "C": {"samples": ["(my|the) calves itch"]},
        },
        types=types,
    )
    a, b, c = lm["intents"]
    assert [s for s in a["samples"] if "{" not in s] == [
        "my feet cramp at night",
        "the feet cramp at night",
        "my calf hurt at night",
    ]
    assert b["samples"] == ["my {legPart} ache a lot", "my calf ache a lot"]
    assert c["samples"] == ["my calves itch", "the calves itch"]


def test_fill_written_drops_the_written_samples_a_slotted_one_says_but_those_kept() -> None:
    """Round 38: the topic intents' written samples that a slotted sample says took room the
    safety samples needed; the headline question as the manifest asks it stays."""
    types = {"LegPart": {"CALF": ["calf", "(my |)calves"]}}
    samples = ["my {legPart} cramp at night", "my calves cramp at night", "calf cramp at night",
               "my calf cramp at night", "my legs cramp at night"]
    lm = _model(
        {
            "A": {"slots": {"legPart": "LegPart"}, "fill_written": True,
                  "keep_written": ["my calf cramp at night"], "samples": samples},
            "B": {"slots": {"legPart": "LegPart"}, "samples": [s.replace("cramp", "ache")
                                                             for s in samples]},
        },
        types=types,
    )
    a, b = lm["intents"]
    assert a["samples"] == [  # not "my calves cramp at night"
        "my {legPart} cramp at night", "calf cramp at night", "my calf cramp at night",
        "my legs cramp at night",
    ]
    assert len(b["samples"]) == 5


def test_an_excepted_phrase_stays_out_with_padding_words_too() -> None:
    """Excepting "dig deeper" once kept "dig deeper please", which the simulator (dropping
    "please") matched exactly: an evaluation phrase taught by the back door."""
    spec = {"samples": ["(so |)dig deeper (|please)", "go on"], "except": ["dig deeper"]}
    lm = _model({"A": spec})
    assert lm["intents"][0]["samples"] == ["go on"]


def test_a_key_given_twice_in_the_template_is_an_error_not_a_silent_override() -> None:
    """A second `except:` under one intent used to replace the first without a word."""
    text = "intents:\n  A:\n    except: [x]\n    samples: [y]\n    except: [z]\n"
    with pytest.raises(TemplateError, match="line 5: 'except' given twice"):
        load_template(text)
    assert load_template("intents:\n  A:\n    except: [x]\n")["intents"]["A"] == {"except": ["x"]}


@pytest.mark.parametrize(
    ("intents", "message"),
    [
        ({"A": {"samples": ["hi {cramp} there"]}}, "undeclared slot"),
        ({"A": {"slots": {"c": "Nope"}, "samples": ["x"]}}, "unknown slot type"),
        ({"A": {"samples": ["hello"]}, "B": {"samples": ["Hello!"]}}, "sample of A and B"),
    ],
)
def test_mistakes_in_the_templates_are_named(intents: dict, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        _model(intents)


def test_a_trimmed_variant_is_left_out_but_a_written_sample_never_is() -> None:
    """Round 43: variants left out for room (en-US.trimmed.yaml); a written sample is what
    someone chose to say, so a trim never takes it."""
    raw = {"invocation": "x y", "types": {}}
    intents = {"A": {"samples": ["(why do|how come) my legs cramp", "how come my legs cramp"]}}
    trimmed = {"A": ["why do my legs cramp"]}
    samples = build({**raw, "intents": intents}, trimmed)["interactionModel"]["languageModel"]
    assert samples["intents"][0]["samples"] == ["how come my legs cramp"]
    with pytest.raises(TemplateError, match="no variant"):  # the written one is no variant
        build({**raw, "intents": intents}, {"A": ["how come my legs cramp"]})


def test_a_trimmed_variant_its_patterns_no_longer_make_is_named() -> None:
    raw = {"invocation": "x y", "types": {}, "intents": {"A": {"samples": ["(a|b) c"]}}}
    with pytest.raises(TemplateError, match="'d c' is no variant of A"):
        build(raw, {"A": ["d c"]})


def test_the_committed_trim_list_is_small_and_names_only_variants() -> None:
    """Every line of the trim list is a variant its intent's patterns still make (or the
    model could not be rendered), and the list stays a trim, not a rewrite."""
    trimmed = load_template(trimmed_path("en-US").read_text("utf-8"))
    assert 0 < sum(map(len, trimmed.values())) < 1000


@pytest.mark.parametrize(
    "template",
    [
        "intents: {A: {samples: [yes]}}",  # a sample YAML reads as True
        "types: {Reply: {NO: [nope]}}\nintents: {A: {samples: [x]}}",  # an id read as False
        "types: {Reply: {'NO': [no, nope]}}\nintents: {A: {samples: [x]}}",  # a word
    ],
)
def test_a_yes_or_no_that_yaml_reads_as_a_boolean_is_named(template: str) -> None:
    raw = yaml.safe_load("invocation: x y\n" + template)
    with pytest.raises(TemplateError, match="boolean"):
        build(raw)


def test_the_command_checks_and_misuse_is_one_line_exit_2() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "skill_tools", "samples", "--check"],
        capture_output=True, text=True, timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "skill_tools", "samples", "--check", "--locale", "xx-XX"],
        capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr


def test_drop_intensifiers_keeps_one_variant_of_those_that_differ_by_one() -> None:
    """Round 40: "(really |)bad headache" gave the safety intents two samples that teach
    Alexa one thing, in room their new signs needed. Only an intent that says so drops them
    (a check answer's "can't really tell" is no "can't tell" to a literal matcher), and a
    written sample stays."""
    samples = ["(i have|i've got) a (really |very |)bad headache", "my leg is really swollen"]
    lm = _model(
        {
            "A": {"drop_intensifiers": True, "samples": [*samples, "my leg is swollen"]},
            "B": {"samples": ["(i can't|i can not) (really |)tell"]},
        }
    )
    a, b = lm["intents"]
    assert a["samples"] == [
        "i have a bad headache", "i've got a bad headache", "my leg is really swollen",
        "my leg is swollen",
    ]
    assert sorted(b["samples"]) == ["i can't really tell", "i can't tell"]  # ("can not": said)
