"""What Alexa sends for the built-in date, time, duration and first-name slots: not the words
heard but their value ("next monday": "2026-12-07", "ten thirty": "10:30", "in the evening": "EV",
"an hour": "PT1H"), relative to the day the simulator runs.

A small subset of what Alexa understands, enough for the reminder's samples; words it does
not know are no value, so the sample does not match (as Alexa would not fill the slot).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from skill_tools.simulator.nlu_names import first_name_value

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "forty five": 45, "a": 1, "an": 1, "a couple of": 2,
    "a couple": 2, "couple of": 2, "a few": 3,
}  # fmt: skip
_ORDINALS = {
    w: n
    for n, w in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth"),
        1,
    )
}  # fmt: skip
_ORDINALS.update({f"twenty {w}": 20 + n for w, n in list(_ORDINALS.items())[:9]})
_ORDINALS.update({"thirtieth": 30, "thirty first": 31})
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS = {
    "morning": "MO", "this morning": "MO", "in the morning": "MO",
    "afternoon": "AF", "this afternoon": "AF", "in the afternoon": "AF",
    "evening": "EV", "this evening": "EV", "in the evening": "EV",
    "tonight": "NI", "night": "NI", "at night": "NI",
}  # fmt: skip
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "tonight"})
# A part of the day, then its clock hour: True when the hour is in the afternoon or evening
# ("tomorrow evening at seven"), False in the morning ("monday morning around ten").
_PART_AT = {
    f"{part} {at} ": later
    for later, parts in (
        (True, ("tonight", "this evening", "evening", "in the evening", "this afternoon",
                "afternoon", "in the afternoon")),
        (False, ("this morning", "morning", "in the morning")),
    )
    for part in parts
    for at in ("at", "around", "about", "at around", "at about")
}  # fmt: skip
# Amounts, not hours: "a couple of times a week" (round 30: 2 o'clock, a reminder's time).
_VAGUE = frozenset({"a", "an", "a couple of", "a couple", "couple of", "a few"})
_MINUTES = {"": 0, "o clock": 0, "fifteen": 15, "thirty": 30, "forty five": 45, "oh five": 5}
_HALF = {"am": 0, "a m": 0, "in the morning": 0, "pm": 12, "p m": 12, "in the afternoon": 12,
         "in the evening": 12, "at night": 12, "tonight": 12, "": None,
         # round 38, a widow: "two this afternoon" was 2 o'clock, and "is that 2 in the
         # morning?" asked
         "this afternoon": 12, "this evening": 12, "this morning": 0}  # fmt: skip


def _number(words: str) -> int | None:
    """ "ten", or digits as the simulator spells them ("30": "three zero")."""
    if words in _NUMBERS:
        return _NUMBERS[words]
    digits = words.split()
    if digits and len(digits) <= 4 and all(d in _DIGITS for d in digits):
        return int("".join(str(_DIGITS.index(d)) for d in digits))
    return None


def _week(day: date, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}" + ("-WE" if weekend else "")


def _month(day: date, ahead: int) -> str:
    months = day.year * 12 + day.month - 1 + ahead
    return f"{months // 12}-{months % 12 + 1:02d}"


_SPANS: dict[str, Callable[[date], str]] = {
    "this week": lambda d: _week(d),
    "next week": lambda d: _week(d + timedelta(weeks=1)),
    "this weekend": lambda d: _week(d, weekend=True),
    "the weekend": lambda d: _week(d, weekend=True),
    "next weekend": lambda d: _week(d + timedelta(weeks=1), weekend=True),
    "this month": lambda d: _month(d, 0),
    "next month": lambda d: _month(d, 1),
}


def _day_of_month(words: str) -> int | None:
    """ "fifteenth", "the fifteenth", "20th" (as the simulator spells it: "two zero th")."""
    words = words.removeprefix("the ")
    if words in _ORDINALS:
        return _ORDINALS[words]
    for suffix in (" th", " st", " nd", " rd"):
        if words.endswith(suffix):
            number = _number(words.removesuffix(suffix))
            return number if number is not None and 1 <= number <= 31 else None
    return None


def _dated(words: str, today: date) -> date | None:
    """ "the fifteenth", "december twentieth", "the twentieth of december": the next such day."""
    month, day_words = None, words
    for name in MONTHS:
        if words.startswith(name + " "):
            month, day_words = MONTHS.index(name) + 1, words.removeprefix(name + " ")
        elif words.endswith(" of " + name):
            month, day_words = MONTHS.index(name) + 1, words.removesuffix(" of " + name)
    # a bare ordinal is no date: "remind me first thing in the morning" (round 26: January 1)
    day = _day_of_month(day_words) if month or day_words.startswith("the ") else None
    if day is None:
        return None
    for ahead in range(0, 13):  # this month (or the given one) if still to come, else the next
        months = today.year * 12 + today.month - 1 + ahead
        year, number = divmod(months, 12)
        if month is not None and number + 1 != month:
            continue
        try:
            found = date(year, number + 1, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def date_value(words: str, today: date) -> str | None:
    """AMAZON.DATE: an ISO date, or None."""
    words = words.removeprefix("on ").removeprefix("sometime ").removeprefix("some time ")
    words = words.removeprefix("first thing ").removesuffix(" first thing")
    words = words.removesuffix(" morning").removesuffix(" afternoon")
    words = words.removesuffix(" evening").removesuffix(" night")
    named, _, dated = words.partition(" the ")  # "monday the fourteenth" (round 39: tomorrow)
    if named in _WEEKDAYS and (found := _dated(f"the {dated}", today)) is not None:
        return found.isoformat()
    if (found := _dated(words, today)) is not None:
        return found.isoformat()
    if words == "today":  # "tonight" is a time (NI), as Alexa's AMAZON.TIME gives it
        return today.isoformat()
    if words == "tomorrow":
        return (today + timedelta(days=1)).isoformat()
    if words == "the day after tomorrow":
        return (today + timedelta(days=2)).isoformat()
    if words in _SPANS:  # "next week": 2026-W50, "next month": 2027-01
        return _SPANS[words](today)
    for start, offset in (("today", 0), ("tomorrow", 1)):  # "a week from today"
        amount, _, rest = words.replace(" weeks ", " week ").partition(" week from ")
        weeks = _number(amount) if rest == start else None
        if weeks is not None and weeks < 10:
            return (today + timedelta(days=7 * weeks + offset)).isoformat()
    for prefix in ("next ", "this ", ""):
        name = words.removeprefix(prefix)
        if prefix == "" and name.removesuffix("s") in _WEEKDAYS:
            name = name.removesuffix("s")  # "she comes tuesdays": the next one (round 32)
        if words.startswith(prefix) and name in _WEEKDAYS:
            ahead = (_WEEKDAYS.index(name) - today.weekday()) % 7 or 7
            return (today + timedelta(days=ahead)).isoformat()
    return None


_PAST = {
    "half past ": (30, 0), "quarter past ": (15, 0), "quarter to ": (45, 1),
    "a quarter past ": (15, 0), "a quarter to ": (45, 1),
    # Round 39, a retired accountant: "ten past eleven" was set for 10 o'clock.
    **{f"{said} {minutes}{way} ": (m if way == "past" else 60 - m, int(way == "to"))
       for said, m in (("five", 5), ("ten", 10), ("twenty", 20), ("twenty five", 25))
       for minutes in ("", "minutes ") for way in ("past", "to")},
}  # fmt: skip
_ABOUT = (  # "around eight tonight", "sometime in the evening"
    "around ", "about ", "at around ", "at about ", "roughly ", "sometime ", "some time ",
)  # fmt: skip


def time_value(words: str, today: date) -> str | None:
    """AMAZON.TIME: "HH:MM", or a part of the day (MO, AF, EV, NI), or None."""
    for about in _ABOUT:
        if words.startswith(about):
            return time_value(words.removeprefix(about), today)
    if words in _PARTS:
        return _PARTS[words]
    if words in ("noon", "midday"):
        return "12:00"
    if words == "midnight":
        return "00:00"
    for part, later in _PART_AT.items():  # "evening at seven": 19:00; "morning around ten"
        said = words.startswith(part)  # 10:00 (round 30: MO, and 9 o'clock)
        clock = time_value(words.removeprefix(part), today) if said else None
        if clock is not None and ":" in clock:
            return f"{int(clock[:2]) % 12 + 12:02d}{clock[2:]}" if later else clock
    for lead, (minutes, back) in _PAST.items():  # "half past ten", "quarter to four"
        clock = time_value(words.removeprefix(lead), today) if words.startswith(lead) else None
        if clock is not None and clock.endswith(":00"):
            return f"{(int(clock[:2]) - back) % 24:02d}:{minutes:02d}"
    for half, add in _HALF.items():
        body = words.removesuffix(f" {half}").strip() if half else words
        if half and body == words:
            continue
        for minute_words, minute in _MINUTES.items():
            hour_words = body.removesuffix(f" {minute_words}") if minute_words else body
            if minute_words and hour_words == body:
                continue
            hour = _number(hour_words)
            if hour is not None and hour >= 100 and not minute_words:  # "1030": 10:30
                hour, minute = divmod(hour, 100)
            if hour is None or not 1 <= hour <= 12 or hour_words in _VAGUE or minute > 59:
                continue
            if add is not None:
                hour = hour % 12 + add
            return f"{hour:02d}:{minute:02d}"
    return None


def duration_value(words: str, today: date) -> str | None:
    """AMAZON.DURATION: an ISO 8601 duration ("PT2H"), or None."""
    if words in ("half an hour", "a half hour"):
        return "PT30M"
    for whole in (" and a half hours", " hours and a half", " hour and a half"):
        hours = _number(words.removesuffix(whole)) if words.endswith(whole) else None
        if hours is not None:  # "an hour and a half", "two and a half hours"
            return f"PT{hours}H30M"
    amount, _, unit = words.rpartition(" ")
    count = _number(amount)
    letter = {"hour": "H", "hours": "H", "minute": "M", "minutes": "M"}.get(unit)
    if count is not None and letter is not None:
        return f"PT{count}{letter}"
    if count is not None and unit in ("day", "days"):
        return f"P{count}D"
    if count is not None and unit in ("week", "weeks"):
        return f"P{count}W"
    return None


RESOLVERS: dict[str, Callable[[str, date], str | None]] = {
    "AMAZON.DATE": date_value,
    "AMAZON.TIME": time_value,
    "AMAZON.DURATION": duration_value,
    "AMAZON.FirstName": first_name_value,
}
