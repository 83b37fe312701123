"""The index structures the matcher reads, against the plain computation each one spares."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from skill_tools.simulator.nlu_index import SlotTagger, SubsetIndex, type_token

WORDS = st.sampled_from(["my", "legs", "cramp", "at", "night", "calf", "every", "week", "a"])
PHRASES = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


@given(st.lists(st.frozensets(WORDS, max_size=4), max_size=30), st.frozensets(WORDS))
def test_subset_index_finds_every_set_the_words_contain_in_order(
    sets: list[frozenset[str]], said: frozenset[str]
) -> None:
    assert SubsetIndex(sets).within(said) == [i for i, s in enumerate(sets) if s <= said]


def _tag_by_regex(types: dict[str, str], text: str) -> tuple[str, list[tuple[str, str]]]:
    """Each value as a whole-word alternative, the longest first: leftmost, then longest."""
    found: list[tuple[str, str]] = []
    if not types:
        return text, found
    alternatives = "|".join(re.escape(p) for p in sorted(types, key=lambda p: (-len(p), p)))

    def swap(m: re.Match[str]) -> str:
        found.append((types[m.group(0)], m.group(0)))
        return type_token(types[m.group(0)])

    return re.sub(rf"(?<!\S)(?:{alternatives})(?!\S)", swap, text), found


@given(st.dictionaries(PHRASES, st.sampled_from(["Cramp", "LegPart"]), max_size=8), PHRASES)
def test_slot_tagger_takes_the_longest_value_at_each_word(types: dict[str, str], text: str) -> None:
    assert SlotTagger.of(types).tag(text) == _tag_by_regex(types, text)
