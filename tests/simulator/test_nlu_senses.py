"""The everyday readings of a sign's words on their own (skill_tools/simulator/nlu_senses.py);
through the matcher, with the real model, in tests/test_safety.py."""

from __future__ import annotations

import pytest

from skill_tools.simulator.nlu_senses import (
    cut_by_accident,
    figure_of_speech,
    ordinary_reading,
)


def _padded(text: str) -> str:
    return f" {text} "


@pytest.mark.parametrize(
    ("sample", "said"),
    [  # Round 42 (a line cook, a retired teacher with diabetes, a triathlete): 911, and the
        # session ended.
        ("i passed out", "i am so tired i pass out as soon as i get home"),
        ("i am all dizzy", "i get dizzy if i stand up too quickly"),
        ("i fainted", "i felt faint when i got up too fast this morning"),
        ("my leg is numb", "my feet are numb most of the time from my diabetes"),
        ("i can not feel my foot", "a cut on my foot will not heal and i can not feel it because "
         "of my neuropathy"),
        ("i am short of breath", "i am short of breath at the end of my sprint sets"),
        # ... and a farmer with COPD, mid-check
        ("i am short of breath", "short of breath up the hill always have been with the copd"),
        ("help me now", "now hang on before i answer does pickle juice help"),
        # Round 43 (a nursing assistant, a steelworker with heart failure, a deer hunter)
        ("my leg is numb", "my leg went totally numb and tingly from sitting on it"),
        ("my leg is bleeding", "got a little nick shaving my leg bleeding some"),
        ("i am bleeding", "i bumped my shin on the table and it is bleeding a bit"),
        ("my leg is all swole up", "my leg is swole up since i started the new pill"),
        ("i can not feel my foot", "i cut my foot and did not even feel it cause of my sugar"),
        ("my foot is numb", "his foot went numb after sitting in his recliner"),
        # Round 44, a marathon runner: how hard exercise feels
        ("i am dying", "i am literally dying after that hill workout my legs are dead"),
        ("my heart is pounding", "my heart was pounding like crazy after the sprint"),
        ("i am all dizzy", "i bonked hard and felt dizzy at the finish"),
        ("help me now", "help me check mine now"),  # help with a task
    ],
)
def test_an_everyday_story_raises_no_alarm(sample: str, said: str) -> None:
    assert ordinary_reading(sample, _padded(said))


@pytest.mark.parametrize(
    ("sample", "said"),
    [
        ("i fainted", "i fainted when i stood up"),
        ("i am all dizzy", "i get dizzy when i stand up and my chest hurts"),
        ("my leg is numb", "my left leg suddenly went numb at work"),
        ("my arm is numb", "my arm went numb at work and my face feels funny"),
        ("i am short of breath", "i am short of breath at rest after my sprints"),
        ("i am short of breath", "since my sprints i am short of breath and my calf is swollen"),
        ("i passed out", "i passed out at work"),
        ("help me now", "can you help me now my leg is swollen"),
        ("help me now", "help me now please does anything help"),
        # Round 43: a little bleeding that will not stop, or on a blood thinner; a new pill's
        # swelling of the lips (an allergy), or with a red, hot leg
        ("i am bleeding", "i nicked my leg and it is bleeding a bit and will not stop"),
        ("i am bleeding", "bleeding a little from a scrape and i am on warfarin"),
        ("my lips are swollen", "my lips are swollen since i started the new pill"),
        ("my leg is all swole up", "my leg is swole up and red since i started the new pill"),
        # Round 44: after exercise, the chest or a swollen calf still counts
        ("my heart is pounding", "my heart was pounding after the sprint and my chest hurts"),
        ("i am dying", "i am dying after my run my calf is swollen and red"),
    ],
)
def test_an_acute_word_keeps_the_alarm(sample: str, said: str) -> None:
    assert not ordinary_reading(sample, _padded(said))


def test_a_cut_by_accident_is_no_crisis_but_one_on_purpose_is() -> None:
    assert cut_by_accident("i cut myself", _padded("i cut myself on a knife at work"))
    assert not cut_by_accident("i cut myself", _padded("i cut myself on purpose at work"))
    assert not cut_by_accident("i cut myself", _padded("i cut myself again last night"))
    assert not cut_by_accident("i want to end it", _padded("i want to end it at work"))
    assert cut_by_accident("i cut myself", _padded("i cut myself on the barbed wire"))


def test_a_cramp_that_will_kill_and_a_sport_given_up_are_figures_of_speech() -> None:
    """Round 44, a marathon runner: "this cramp is gonna kill me" and "i feel like giving up
    on running" got the crisis line; a wish to die, or giving up on life, still does."""
    assert figure_of_speech(_padded("this cramp is going to kill me"))
    assert figure_of_speech(_padded("i feel like giving up on running these cramps"))
    assert not figure_of_speech(_padded("i wish these cramps would kill me already"))
    assert not figure_of_speech(_padded("i feel like giving up on life"))
