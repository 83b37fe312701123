"""When the "call the clinic" reminder fires, and what can come of asking for it.

Plain Python (no SDK): the handler does the API calls, this decides the time.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

REMINDERS_PERMISSION = "alexa::alerts:reminders:skill:readwrite"


class ReminderResult(StrEnum):
    CREATED = "created"
    NO_PERMISSION = "no_permission"
    FAILED = "failed"


def next_morning(now_utc: datetime, zone: str, at: time) -> datetime:
    """Tomorrow at `at`, in the device's time zone, as a naive local time for the API.

    Raises ValueError (or zoneinfo.ZoneInfoNotFoundError, a KeyError) for an unknown zone.
    """
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    local_now = now_utc.astimezone(ZoneInfo(zone))
    return datetime.combine(local_now.date() + timedelta(days=1), at)


def api_time(value: datetime) -> str:
    """The Reminders API's local time format: 2026-11-26T09:00:00.000."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.000")
