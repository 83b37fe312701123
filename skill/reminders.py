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

    def values(self) -> dict[str, str | None]:
        """The request as Alexa's slot values, the form `requested` reads back (session)."""
        day, at, after = self
        return {
            "day": day.isoformat() if day else None,
            "at": at.strftime("%H:%M") if at else None,
            "after": f"PT{int(after.total_seconds()) // 60}M" if after else None,
        }


# AMAZON.TIME's parts of the day ("remind me in the evening"): the hour each stands for.
PARTS_OF_DAY = {"MO": time(9), "AF": time(14), "EV": time(18), "NI": time(20)}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}")
_DURATION = re.compile(r"P(?:(\d{1,2})W)?(?:(\d{1,3})D)?(?:T(?:(\d{1,3})H)?(?:(\d{1,4})M)?)?")
# A clock hour said without "am" or "pm" comes as itself ("three": 03:00); nobody wants a
# reminder to call a clinic before dawn, so these hours are taken as the afternoon.
SMALL_HOURS = range(1, 7)
LATEST = timedelta(days=366)  # further ahead than this is taken as a mishearing


def requested(day: object, at: object, after: object = None) -> Requested:
    """Alexa's slot values (AMAZON.DATE "2026-12-07", AMAZON.TIME "14:30" or "EV",
    AMAZON.DURATION "PT2H", "P2W"), or the same from session attributes. A week, a month, a
    year or anything else is no day."""
    wanted_day = wanted_at = wanted_after = None
    if isinstance(day, str) and _DAY.fullmatch(day):
        try:
            wanted_day = date.fromisoformat(day)
        except ValueError:
            wanted_day = None
    if isinstance(at, str):
        if at in PARTS_OF_DAY:
            wanted_at = PARTS_OF_DAY[at]
        elif _TIME.fullmatch(at):
            try:
                wanted_at = time.fromisoformat(at)
            except ValueError:
                wanted_at = None
            if wanted_at is not None and wanted_at.hour in SMALL_HOURS:
                wanted_at = wanted_at.replace(hour=wanted_at.hour + 12)
    if isinstance(after, str) and (found := _DURATION.fullmatch(after)) and any(found.groups()):
        weeks, days, hours, minutes = (int(g or 0) for g in found.groups())
        wanted_after = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)
    return Requested(wanted_day, wanted_at, wanted_after)


def local_now(now_utc: datetime, zone: str) -> datetime:
    """The device's wall-clock time, naive. Raises ValueError for an unknown zone."""
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    return now_utc.astimezone(time_zone(zone)).replace(tzinfo=None)


def scheduled(now: datetime, wanted: Requested, default_at: time) -> datetime:
    """When the reminder fires, as a naive local time for the API. A delay counts from now;
    a time alone, or today at a time, is the next one to come; a day alone is that day at
    `default_at`; nothing, a time past, or more than a year ahead: tomorrow at
    `default_at`."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), default_at)
    if wanted.after is not None:
        when = (now + wanted.after).replace(second=0, microsecond=0)
    elif wanted.day is not None:
        when = datetime.combine(wanted.day, wanted.at or default_at)
        if when <= now and wanted.day == now.date() and wanted.at is not None:
            when += timedelta(days=1)  # "today at 8", said at noon: tomorrow at 8
    elif wanted.at is not None:
        when = datetime.combine(now.date(), wanted.at)
        if when <= now:
            when += timedelta(days=1)
    else:
        return tomorrow
    return when if now < when <= now + LATEST else tomorrow


def spoken_when(now: datetime, when: datetime) -> str:
    """ "tomorrow at 9 in the morning", "on Monday at 2:30 in the afternoon" (en-US)."""
    days = (when.date() - now.date()).days
    if days == 0:
        day = "today"
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
