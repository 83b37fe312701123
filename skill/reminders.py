"""When the "call the clinic" reminder fires, and what can come of asking for it.

Plain Python (no SDK): the handler does the API calls, this decides the time: the day and
time the user asked for ("remind me on Monday at ten": Alexa's AMAZON.DATE and AMAZON.TIME
values), else tomorrow at the content's time, in the device's time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

REMINDERS_PERMISSION = "alexa::alerts:reminders:skill:readwrite"


class ReminderResult(StrEnum):
    CREATED = "created"
    NO_PERMISSION = "no_permission"
    FAILED = "failed"


class Requested(NamedTuple):
    """The day, time or delay asked for; None where nothing usable was said."""

    day: date | None = None
    at: time | None = None
    after: timedelta | None = None  # "in two hours"
    unclear: bool = False  # a day, time or delay was said that none of these could take
    # A clock hour of the small hours, which AMAZON.TIME gives alike for "six" and "six in the
    # morning": `at` is its afternoon or evening, and the user is asked which was meant.
    guessed: bool = False
    part: bool = False  # `at` is a part of the day ("this afternoon"), not a clock time
    # The morning was chosen for `at`, so a morning hour already past today is tomorrow's,
    # not this evening's (round 38: "remind me at 7:30 am", said at 4 pm, was 7:30 pm).
    settled: bool = False

    def values(self) -> dict[str, str | bool | None]:
        """The request as Alexa's slot values, the form `requested` reads back (session)."""
        day, at, after, unclear, guessed, part, settled = self
        return {
            "day": day.isoformat() if day else None,
            "at": (_PART_CODES[at] if part else at.strftime("%H:%M")) if at else None,
            "after": f"PT{int(after.total_seconds()) // 60}M" if after else None,
            **({"unclear": True} if unclear else {}),
            # False kept too: "6 in the morning" chosen is not guessed again when read back
            # (round 31: after the permission question, "is that 6 in the morning?" again)
            **({"guessed": guessed} if at and not part else {}),
            **({"settled": True} if settled else {}),
        }

    def in_the_morning(self) -> Requested:
        """The hour guessed as afternoon or evening, taken as the morning instead."""
        if not self.guessed or self.at is None:
            return self
        morning = self.at.replace(hour=self.at.hour - 12)
        return self._replace(at=morning, guessed=False, settled=True)


def evening_guess(now: datetime, wanted: Requested) -> Requested | None:
    """A morning hour said without a day, already past ("at 7:30", at 4 pm): AMAZON.TIME
    gives "07:30" for "7:30 am" too, so rather than take this evening's, the user is asked
    which half was meant; None when the hour is clear."""
    at = wanted.at
    if at is None or wanted.part or wanted.guessed or wanted.settled or wanted.after:
        return None
    if wanted.day is not None or not 0 < at.hour < 12:
        return None
    today = datetime.combine(now.date(), at)
    if today > now or today + timedelta(hours=12) <= now:
        return None
    return wanted._replace(at=at.replace(hour=at.hour + 12), guessed=True)


# AMAZON.TIME's parts of the day ("remind me in the evening"): the hour each stands for, and
# the hour by which it is over (asked for "this afternoon" at 2:06, the next hour still in it).
PARTS_OF_DAY = {"MO": time(9), "AF": time(14), "EV": time(18), "NI": time(20)}
PART_ENDS = {time(9): 12, time(14): 17, time(18): 21, time(20): 22}
_PART_CODES = {at: code for code, at in PARTS_OF_DAY.items()}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# "next week" (2026-W50), "this weekend" (2026-W49-WE), "next month" (2027-01): the first day
# of each (Monday, Saturday, the 1st), which the confirmation then names.
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_TIME = re.compile(r"\d{2}:\d{2}")
_DURATION = re.compile(r"P(?:(\d{1,2})W)?(?:(\d{1,3})D)?(?:T(?:(\d{1,3})H)?(?:(\d{1,4})M)?)?")
# A clock hour said without "am" or "pm" comes as itself ("three": 03:00); nobody wants a
# reminder to call a clinic before dawn, so these hours are taken as the afternoon.
SMALL_HOURS = range(1, 7)
LATEST = timedelta(days=366)  # further ahead than this is taken as a mishearing
# "in a couple of days" said at 4 a.m. is not a call at 4 a.m.: a delay of whole days keeps
# the time of day only inside these hours, else it is that day at the default time.
WAKING_HOURS = range(8, 21)


def requested(
    day: object,
    at: object,
    after: object = None,
    unclear: object = False,
    guessed: object = None,
    settled: object = False,
) -> Requested:
    """Alexa's slot values (AMAZON.DATE "2026-12-07", AMAZON.TIME "14:30" or "EV",
    AMAZON.DURATION "PT2H", "P2W"), or the same from session attributes. A week, a weekend or a
    month is its first day; a year or anything else is no day, and the request is `unclear`
    ("on Christmas", which Alexa may pass on as the words heard). A small hour is taken as the
    afternoon or evening, and `guessed`, unless `guessed` is False (read back, as chosen);
    read back, any hour asked about (`evening_guess`) stays `guessed`."""
    wanted_day = wanted_at = wanted_after = None
    was_guessed = guessed is True
    part = isinstance(at, str) and at in PARTS_OF_DAY
    if isinstance(day, str):
        wanted_day = _first_day(day)
    if isinstance(at, str):
        if at in PARTS_OF_DAY:
            wanted_at = PARTS_OF_DAY[at]
        elif _TIME.fullmatch(at):
            try:
                wanted_at = time.fromisoformat(at)
            except ValueError:
                wanted_at = None
            if wanted_at is not None and wanted_at.hour in SMALL_HOURS and guessed is not False:
                wanted_at = wanted_at.replace(hour=wanted_at.hour + 12)
                was_guessed = True
    if isinstance(after, str) and (found := _DURATION.fullmatch(after)) and any(found.groups()):
        weeks, days, hours, minutes = (int(g or 0) for g in found.groups())
        wanted_after = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)
    lost = any(
        isinstance(said, str) and said and wanted is None
        for said, wanted in ((day, wanted_day), (at, wanted_at), (after, wanted_after))
    )
    was_guessed = was_guessed and wanted_at is not None and 0 < wanted_at.hour - 12 < 12
    morning = settled is True and wanted_at is not None and wanted_at.hour < 12
    return Requested(
        wanted_day, wanted_at, wanted_after, unclear is True or lost, was_guessed, part, morning
    )


def _first_day(value: str) -> date | None:
    """The day AMAZON.DATE names, or the first day of the week, weekend or month it names."""
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
        if found := _WEEK.fullmatch(value):
            year, week, weekend = found.groups()
            return date.fromisocalendar(int(year), int(week), 6 if weekend else 1)
        if found := _MONTH.fullmatch(value):
            return date(int(found[1]), int(found[2]), 1)
    except ValueError:
        return None
    return None


def local_now(now_utc: datetime, zone: str) -> datetime:
    """The device's wall-clock time, naive. Raises ValueError for an unknown zone."""
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    return now_utc.astimezone(time_zone(zone)).replace(tzinfo=None)


def scheduled(now: datetime, wanted: Requested, default_at: time) -> datetime:
    """When the reminder fires, as a naive local time for the API. A delay counts from now
    (a delay of whole days is that day at the time said, or at `default_at` when asked at
    night);
    a time alone, or today at a time, is the next one to come; a day alone is that day at
    `default_at`; nothing, a time past, or more than a year ahead: tomorrow at
    `default_at`."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), default_at)
    if wanted.after is not None:
        when = (now + wanted.after).replace(second=0, microsecond=0)
        whole_days = wanted.after.days and not wanted.after.seconds
        if whole_days and (wanted.at is not None or now.hour not in WAKING_HOURS):
            when = datetime.combine(when.date(), wanted.at or default_at)  # "in 3 days at 10"
    elif wanted.at is not None and wanted.day in (None, now.date()):
        when = _next_at(now, wanted.at, wanted.part, wanted.settled)  # "at 8", "tonight at 8"
    elif wanted.day is not None:
        when = datetime.combine(wanted.day, wanted.at or default_at)
    else:
        return tomorrow
    return when if now < when <= now + LATEST else tomorrow


def _next_at(now: datetime, at: time, part: bool = False, morning: bool = False) -> datetime:
    """The next `at` to come: said at 3 pm, "at 8" is 8 this evening (a clock hour comes
    without am or pm), "at 2:30" is 2:30 tomorrow; a part of the day (`part`: "this
    morning", 9:00) is its next whole hour while it lasts, and once over, tomorrow's; so is a
    small hour past, whose morning the user has confirmed (round 17: "at 4", "is that 4 in
    the morning?", "yes", at 6:44, was 4 this afternoon), and any hour whose morning was
    chosen (`morning`)."""
    when = datetime.combine(now.date(), at)
    if when > now:
        return when
    next_hour = datetime.combine(now.date(), time(now.hour)) + timedelta(hours=1)
    if part and next_hour.date() == now.date() and next_hour.hour < PART_ENDS[at]:
        return next_hour  # "this afternoon", said at 2:06: 3 o'clock (round 29: tomorrow at 2)
    evening = when + timedelta(hours=12)
    meant = morning or at in PARTS_OF_DAY.values() or at.hour in SMALL_HOURS
    if 0 < at.hour < 12 and not meant and evening > now:
        return evening  # not midnight (00:00), which was noon
    return when + timedelta(days=1)


def spoken_when(now: datetime, when: datetime) -> str:
    """ "tomorrow at 9 in the morning", "on Monday at 2:30 in the afternoon" (en-US)."""
    days = (when.date() - now.date()).days
    if days == 0:
        day = "today"
    elif days == 1 and when.time() == time(0):  # midnight tonight, not "tomorrow at"
        day = "tonight"
    elif days == 1:
        day = "tomorrow"
    elif days < 7:
        day = f"on {when:%A}"
    else:
        day = f"on {when:%B} {when.day}"
    return f"{day} at {spoken_time(when.time())}"


def spoken_time(at: time) -> str:
    if at == time(12):
        return "noon"
    if at == time(0):
        return "midnight"
    hour = at.hour % 12 or 12
    clock = f"{hour}" if at.minute == 0 else f"{hour}:{at.minute:02d}"
    if at.hour < 12:
        part = "in the morning"
    elif at.hour < 17:
        part = "in the afternoon"
    elif at.hour < 21:
        part = "in the evening"
    else:
        part = "at night"
    return f"{clock} {part}"


def time_zone(name: str) -> tzinfo:
    """The device's zone. zoneinfo reads the system database, else the `tzdata` package
    (a dependency), since some minimal Lambda images carry no /usr/share/zoneinfo."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def api_time(value: datetime) -> str:
    """The Reminders API's local time format: 2026-11-26T09:00:00.000."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.000")
