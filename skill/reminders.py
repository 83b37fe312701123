"""When the "call the clinic" reminder fires, and what can come of asking for it.

Plain Python (no SDK): the handler does the API calls, this decides the time.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

REMINDERS_PERMISSION = "alexa::alerts:reminders:skill:readwrite"


class ReminderResult(StrEnum):
    CREATED = "created"
    NO_PERMISSION = "no_permission"
    FAILED = "failed"


def next_morning(now_utc: datetime, zone: str, at: time) -> datetime:
    """Tomorrow at `at`, in the device's time zone, as a naive local time for the API.

    Raises ValueError for an unknown zone.
    """
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    local_now = now_utc.astimezone(time_zone(zone))
    return datetime.combine(local_now.date() + timedelta(days=1), at)


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
