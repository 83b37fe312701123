"""The talk page's in-memory conversations: bounded in number and idle time, ids unguessable."""

from __future__ import annotations

import pytest

from skill_tools.console.sessions import Conversations, new_id, valid_id
from skill_tools.model import model_path
from skill_tools.simulator import Simulator, load_nlu


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def nlu():
    return load_nlu(model_path("en-US"))


def store(nlu, **kw) -> Conversations:
    return Conversations(lambda note: Simulator(nlu, on_note=note), **kw)


def test_the_same_id_gets_the_same_conversation(nlu):
    s = store(nlu)
    key, first = s.get(None)
    assert valid_id(key)
    again_key, again = s.get(key)
    assert (again_key, again) == (key, first)


def test_unknown_ids_get_a_new_conversation_and_a_new_id(nlu):
    s = store(nlu)
    key, _ = s.get(new_id())  # well formed, but never issued here
    assert key in s and len(s) == 1


def test_the_store_is_bounded_least_recently_used_first(nlu):
    s = store(nlu, limit=3)
    a, _ = s.get(None)
    b, _ = s.get(None)
    c, _ = s.get(None)
    s.get(a)  # a is used again: b is now the oldest
    d, _ = s.get(None)
    assert len(s) == 3
    assert b not in s and all(k in s for k in (a, c, d))


def test_idle_conversations_are_forgotten(nlu):
    clock = Clock()
    s = store(nlu, idle_seconds=60, clock=clock)
    old, _ = s.get(None)
    clock.now = 30
    kept, _ = s.get(None)
    clock.now = 61
    s.get(kept)
    assert old not in s and kept in s


def test_drop_forgets(nlu):
    s = store(nlu)
    key, _ = s.get(None)
    s.drop(key)
    s.drop("never-issued")
    assert key not in s


@pytest.mark.parametrize(
    "value",
    [
        None, "", "short", "x" * 32 + "/" + "x" * 7,
        pytest.param(new_id() + "a", id="issued-plus-one"),
    ],
)
def test_ids_we_could_not_have_issued_are_invalid(value):
    assert not valid_id(value)
