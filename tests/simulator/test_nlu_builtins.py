"""skill_tools/simulator/nlu_builtins.py: the values Alexa sends for dates, times, delays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from skill.reminders import Requested, requested
from skill_tools.simulator.nlu_builtins import date_value, duration_value, time_value
from tests.talk import nlu

WEDNESDAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("today", "2026-12-02"),
        ("tonight", None),  # a time (NI), not a day
        ("tomorrow", "2026-12-03"),
        ("tomorrow morning", "2026-12-03"),
        ("the day after tomorrow", "2026-12-04"),
        ("monday", "2026-12-07"),
        ("on friday", "2026-12-04"),
        ("next wednesday", "2026-12-09"),  # the same weekday: a week ahead
        ("next week", "2026-W50"),  # Alexa's week and month values, as its docs give them
        ("this weekend", "2026-W49-WE"),
        ("next month", "2027-01"),
        ("this evening", None),  # a time, not a day
        ("ten", None),
        # Round 8: days of the month, and a week said loosely.
        ("the fifteenth", "2026-12-15"),
        ("the first", "2027-01-01"),  # this month's is past: the next one
        ("december two zero th", "2026-12-20"),  # "December 20th", as spoken_form spells it
        ("the twentieth of december", "2026-12-20"),
        ("january third", "2027-01-03"),
        ("the thirty first of february", None),
        ("sometime next week", "2026-W50"),
        ("monday first thing", "2026-12-07"),
        # Round 9.
        ("a week from today", "2026-12-09"),
        ("two weeks from tomorrow", "2026-12-17"),
        # Round 26, a new user: "remind me first thing in the morning" was set for January 1.
        ("first", None),
        # Round 39, a retired accountant: set for tomorrow.
        ("monday the fourteenth", "2026-12-14"),
    ],
)
def test_dates(words: str, expected: str | None) -> None:
    assert date_value(words, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("ten", "10:00"),
        ("ten thirty", "10:30"),
        ("half past ten", "10:30"),
        ("tonight at eight", "20:00"),
        ("tonight", "NI"),
        ("quarter to four", "03:45"),
        ("a quarter to ten", "09:45"),  # round 19: no time, so no reminder
        ("ten past eleven", "11:10"),  # round 39: set for 11 o'clock
        ("twenty past two", "02:20"),
        ("five minutes to nine", "08:55"),
        ("around eight tonight", "20:00"),
        ("about seven pm", "19:00"),
        ("three pm", "15:00"),
        ("eight in the morning", "08:00"),
        ("six in the evening", "18:00"),
        ("evening at seven", "19:00"),  # round 11: "tomorrow evening at seven" was 7 a.m.
        ("afternoon at two", "14:00"),
        ("two this afternoon", "14:00"),  # round 38: 2 o'clock, and "is that 2 in the morning?"
        ("seven this evening", "19:00"),
        ("noon", "12:00"),
        ("one zero pm", "22:00"),  # "10 pm", as the simulator spells digits
        ("one zero three zero", "10:30"),
        ("this evening", "EV"),
        ("tonight", "NI"),
        ("tomorrow", None),
        ("a", None),
    ],
)
def test_times(words: str, expected: str | None) -> None:
    assert time_value(words, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [("an hour", "PT1H"), ("two hours", "PT2H"), ("thirty minutes", "PT30M"),
     ("half an hour", "PT30M"), ("a day", "P1D"), ("a while", None),
     ("three zero minutes", "PT30M"), ("two weeks", "P2W"), ("a week", "P1W"),
     ("an hour and a half", "PT1H30M"), ("two and a half hours", "PT2H30M")],
)  # fmt: skip
def test_durations(words: str, expected: str | None) -> None:
    assert duration_value(words, WEDNESDAY) == expected


def test_a_reminder_phrase_carries_the_values_alexa_would_send() -> None:
    match = nlu().resolve("remind me tomorrow at ten to call the clinic")
    assert match.intent == "SetReminderIntent"
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert match.slots["day"].value == tomorrow
    assert match.slots["time"].value == "10:00"
    assert match.slots["provider"].resolved == "CLINIC"


def test_words_that_are_no_date_are_no_exact_match_and_no_day_for_the_skill() -> None:
    match = nlu().resolve("remind me on someday")
    assert match.method != "exact"  # at most an open slot, whose words the skill ignores
    day = match.slots["day"].value if "day" in match.slots else None
    assert requested(day, None) == Requested()



@pytest.mark.parametrize(
    ("said", "weekday", "first_of_month"),
    [
        ("remind me next week", 0, False),
        ("i'd like a reminder for next week", 0, False),
        ("remind me this weekend", 5, False),
        ("set a reminder for next month", None, True),
    ],
)
def test_a_week_or_month_fills_the_reminder_s_day(said, weekday, first_of_month) -> None:
    """Round 7: these were plain samples, so no day came and the reminder was tomorrow's."""
    match = nlu().resolve(said)
    assert match.intent == "SetReminderIntent"
    day = requested(match.slots["day"].value, None).day
    assert day is not None and day > date.today() - timedelta(days=6)
    assert day.weekday() == weekday if weekday is not None else day.day == 1


@pytest.mark.parametrize(
    ("said", "at"),
    [
        ("remind me tomorrow afternoon", "AF"),  # round 7: the afternoon was lost
        ("remind me next tuesday evening", "EV"),
        ("remind me friday at half past ten", "10:30"),
        ("sure make it tomorrow at three", "03:00"),
        ("remind me tomorrow afternoon to call them", "AF"),
        ("sure but make it thursday evening instead", "EV"),
        ("remind me tomorrow evening to call the clinic", "EV"),  # round 8: 9 in the morning
        ("set a reminder for tomorrow evening at seven", "19:00"),  # round 11: 07:00
        ("remind me at a quarter to ten on friday", "09:45"),  # round 19: the fallback
    ],
)
def test_a_reminder_s_day_keeps_its_time(said: str, at: str) -> None:
    match = nlu().resolve(said)
    assert match.intent == "SetReminderIntent"
    assert match.slots["day"].value and match.slots["time"].value == at


@pytest.mark.parametrize(
    ("said", "weekday"),
    [
        ("remind me first thing monday to call the clinic", 0),  # round 7: the phone reply
        ("remind me thursday that i need to call the vein center", 3),
        ("can you remind me to ring the clinic first thing friday", 4),
    ],
)
def test_a_reminder_with_its_day_and_the_clinic_named_keeps_the_day(said, weekday) -> None:
    match = nlu().resolve(said)
    assert match.intent == "SetReminderIntent"
    assert date.fromisoformat(match.slots["day"].value).weekday() == weekday


@pytest.mark.parametrize(
    ("words", "expected"),
    [("a couple of hours", "PT2H"), ("a few minutes", "PT3M"), ("a couple of days", "P2D")],
)
def test_loose_amounts_of_time(words: str, expected: str) -> None:
    assert duration_value(words, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("said", "slot"),
    [
        ("set a reminder in two hours", "duration"),  # round 8: "in two hours" filled {day}
        ("remind me in a couple of hours", "duration"),
        ("nudge me this weekend to book an appointment", "day"),
        ("could you set a reminder for me for next week", "day"),
        ("remind me on the fifteenth", "day"),
    ],
)
def test_a_reminder_said_loosely_still_carries_its_day_or_delay(said: str, slot: str) -> None:
    """Round 8's new user: each was set for tomorrow at 9, the day or delay lost."""
    match = nlu().resolve(said)
    assert match.intent == "SetReminderIntent"
    wanted = requested(match.slots["day"].value, None, match.slots["duration"].value)
    assert (wanted.after if slot == "duration" else wanted.day) is not None


@pytest.mark.parametrize(
    ("said", "weekday", "at"),
    [
        ("put a reminder in for friday at 2 in the afternoon", 4, "14:00"),
        ("remind me to ring the vein crew on monday", 0, None),  # "vein people": a synonym now
        ("set a reminder for me for thursday afternoon", 3, "AF"),
    ],
)
def test_a_reminder_near_a_sample_still_carries_its_day_and_time(said, weekday, at) -> None:
    """Round 9's new user: a phrase matched loosely (near or guessed) lost its day and time,
    and the reminder was set for tomorrow at 9 as if asked; Alexa recognises them anywhere."""
    match = nlu().resolve(said)
    assert match.intent == "SetReminderIntent" and match.method != "exact"
    assert date.fromisoformat(match.slots["day"].value).weekday() == weekday
    assert match.slots["time"].value == at


def test_a_time_alexa_does_not_know_is_not_swapped_for_the_day_beside_it() -> None:
    """ "After lunch tomorrow": "tomorrow" alone would be 9 in the morning, before lunch; the
    unknown words stay, and the skill says it could not use them."""
    match = nlu().resolve("remind me after lunch tomorrow")
    assert match.slots["time"].value == "after lunch tomorrow" and not match.slots["day"].value


@pytest.mark.parametrize(
    ("said", "day", "at"),
    [  # Round 39, a retired accountant: 10 o'clock on Friday, and tomorrow at 9.
        ("remind me on Friday at ten past eleven in the morning", (4, None), "11:10"),
        ("remind me on Wednesday the sixteenth at nine in the morning", (None, 16), "09:00"),
    ],
)
def test_a_reminder_keeps_its_minutes_and_its_date(said: str, day: tuple, at: str) -> None:
    match = nlu().resolve(said)
    assert match.intent == "SetReminderIntent" and match.slots["time"].value == at
    found = date.fromisoformat(match.slots["day"].value)
    assert (found.weekday() if day[0] is not None else found.day) == (day[0] or day[1])
