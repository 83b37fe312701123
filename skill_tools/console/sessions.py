"""The talk page's conversations: one simulator per browser, in memory, bounded.

A browser is known by a random id in a cookie. Its entry holds the simulator (the same
session driver `simulate` uses) and nothing else: no transcript is kept, the page shows it
and forgets it. The store holds at most `limit` browsers and forgets one idle for
`idle_seconds`; the least recently used goes first when it is full.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from skill_tools.simulator import Simulator

DEFAULT_LIMIT = 64
DEFAULT_IDLE_SECONDS = 30 * 60
_ID_BYTES = 24


@dataclass
class Conversation:
    """One browser's simulator; `notes` collects what the simulator says about a turn."""

    simulator: Simulator
    notes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    used: float = 0.0


def new_id() -> str:
    return secrets.token_urlsafe(_ID_BYTES)


def valid_id(value: str | None) -> bool:
    """An id we could have issued: the right length, URL-safe base64 characters only."""
    return (
        isinstance(value, str)
        and len(value) == len(new_id())
        and all(ch.isalnum() or ch in "-_" for ch in value)
    )


class Conversations:
    """Thread-safe map of browser id to Conversation, bounded in size and idle time."""

    def __init__(
        self,
        make: Callable[[Callable[[str], None]], Simulator],
        *,
        limit: int = DEFAULT_LIMIT,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._make = make
        self.limit = limit
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._items: OrderedDict[str, Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def get(self, key: str | None) -> tuple[str, Conversation]:
        """The browser's conversation, or a new one (with a new id) if unknown or expired."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            item = self._items.get(key) if key is not None else None
            if item is None:
                key = new_id()
                notes: list[str] = []
                item = Conversation(self._make(notes.append), notes)
                self._items[key] = item
                while len(self._items) > self.limit:
                    self._items.popitem(last=False)
            else:
                self._items.move_to_end(key)
            item.used = now
            return key, item

    def drop(self, key: str | None) -> None:
        with self._lock:
            self._items.pop(key, None)  # type: ignore[arg-type]

    def _expire(self, now: float) -> None:
        while self._items:
            key, oldest = next(iter(self._items.items()))
            if now - oldest.used < self.idle_seconds:
                return
            del self._items[key]
