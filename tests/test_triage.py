"""The spoken check, against a decision table written from the article (not from the code).

Each row is a path through the check: the answers in the order they are asked, then the
outcome. Every one of the 81 combinations of answers a user could give must follow exactly
one row: the machine asks exactly the row's questions, in order, and reaches its outcome.
"""

from __future__ import annotations

from itertools import product

import pytest

from skill import triage
from skill.triage import Answer, Outcome

Y, N, U = Answer.YES, Answer.NO, Answer.UNSURE
SPEC, WORTH, FINE = Outcome.SEE_SPECIALIST, Outcome.WORTH_CHECKING, Outcome.PROBABLY_FINE

# (asked questions with answers, outcome, reason)
TABLE = [
    # Frequent and sleep-disturbing together: see a specialist; walking cannot change that.
    ({"FREQUENT": Y, "SLEEP": Y}, SPEC, "FREQUENT_SLEEP"),
    # Frequent but not (known to be) disturbing sleep: walking decides specialist vs worth.
    ({"FREQUENT": Y, "SLEEP": N, "WALKING": Y}, SPEC, "WALKING"),
    ({"FREQUENT": Y, "SLEEP": N, "WALKING": N}, WORTH, "FREQUENT"),
    ({"FREQUENT": Y, "SLEEP": N, "WALKING": U}, WORTH, "FREQUENT"),
    ({"FREQUENT": Y, "SLEEP": U, "WALKING": Y}, SPEC, "WALKING"),
    ({"FREQUENT": Y, "SLEEP": U, "WALKING": N}, WORTH, "FREQUENT"),
    ({"FREQUENT": Y, "SLEEP": U, "WALKING": U}, WORTH, "FREQUENT"),
    # Not sure how often: already worth checking, sleep cannot make it a specialist visit.
    ({"FREQUENT": U, "WALKING": Y}, SPEC, "WALKING"),
    ({"FREQUENT": U, "WALKING": N}, WORTH, "UNSURE"),
    ({"FREQUENT": U, "WALKING": U}, WORTH, "UNSURE"),
    # Once in a while.
    ({"FREQUENT": N, "SLEEP": Y, "WALKING": Y}, SPEC, "WALKING"),
    ({"FREQUENT": N, "SLEEP": Y, "WALKING": N}, WORTH, "SLEEP"),
    ({"FREQUENT": N, "SLEEP": Y, "WALKING": U}, WORTH, "SLEEP"),
    ({"FREQUENT": N, "SLEEP": U, "WALKING": Y}, SPEC, "WALKING"),
    ({"FREQUENT": N, "SLEEP": U, "WALKING": N}, WORTH, "UNSURE"),
    ({"FREQUENT": N, "SLEEP": U, "WALKING": U}, WORTH, "UNSURE"),
    ({"FREQUENT": N, "SLEEP": N, "WALKING": Y}, SPEC, "WALKING"),
    ({"FREQUENT": N, "SLEEP": N, "WALKING": U}, WORTH, "UNSURE"),
    # Nothing so far: only varicose veins can still make it worth checking.
    ({"FREQUENT": N, "SLEEP": N, "WALKING": N, "VARICOSE": Y}, WORTH, "VARICOSE"),
    ({"FREQUENT": N, "SLEEP": N, "WALKING": N, "VARICOSE": U}, WORTH, "UNSURE"),
    ({"FREQUENT": N, "SLEEP": N, "WALKING": N, "VARICOSE": N}, FINE, "NONE"),
]

ALL_USERS = [dict(zip(triage.QUESTIONS, combo, strict=True)) for combo in product(Answer, repeat=4)]


def run_check(user: dict[str, Answer]) -> tuple[list[str], dict[str, Answer]]:
    """Drive the machine like the conversation does; return the questions asked and answers."""
    asked: list[str] = []
    answers: dict[str, Answer] = {}
    while (q := triage.next_question(answers)) is not None:
        asked.append(q)
        answers = triage.record(answers, user[q])
        assert len(asked) <= 4
    return asked, answers


def matching_rows(user: dict[str, Answer]) -> list[int]:
    return [i for i, (path, _, _) in enumerate(TABLE) if all(user[q] == a for q, a in path.items())]


@pytest.mark.parametrize("user", ALL_USERS, ids=lambda u: "-".join(a.value for a in u.values()))
def test_every_combination_follows_its_row(user):
    rows = matching_rows(user)
    assert len(rows) == 1, f"table rows overlap or miss this user: {rows}"
    path, outcome, reason = TABLE[rows[0]]
    asked, answers = run_check(user)
    assert asked == list(path), "asked the wrong questions, or in the wrong order"
    result = triage.classify(answers)
    assert (result.outcome, result.reason) == (outcome, reason)


def test_the_table_covers_all_81_combinations_and_at_most_four_questions():
    assert len(ALL_USERS) == 81
    assert sorted(i for u in ALL_USERS for i in matching_rows(u)) == sorted(
        i for i, (path, _, _) in enumerate(TABLE) for _ in range(3 ** (4 - len(path)))
    )
    assert max(len(path) for path, _, _ in TABLE) == 4


def test_first_question_is_how_often():
    assert triage.next_question({}) == "FREQUENT"


def test_record_ignores_an_answer_when_nothing_is_pending():
    done = {"FREQUENT": Y, "SLEEP": Y}
    assert triage.record(done, N) == done


@pytest.mark.parametrize(
    "raw",
    [
        {"VARICOSE": "yes"},  # skipped the questions before it
        {"FREQUENT": "yes", "SLEEP": "yes", "WALKING": "no"},  # asked after the outcome settled
        {"FREQUENT": "unsure", "SLEEP": "yes"},  # SLEEP is never asked after "not sure"
        {"FREQUENT": "maybe"},
        {"FREQUENT": 1},
        {"BOGUS": "yes"},
        ["FREQUENT", "yes"],
        "FREQUENT=yes",
        {q: "no" for q in [*triage.QUESTIONS, "EXTRA"]},
    ],
)
def test_forged_answers_are_refused(raw):
    assert triage.parse_answers(raw) is None


@pytest.mark.parametrize("user", ALL_USERS[::7])
def test_every_state_the_check_passes_through_parses_back(user):
    answers: dict[str, Answer] = {}
    while (q := triage.next_question(answers)) is not None:
        assert triage.parse_answers({k: v.value for k, v in answers.items()}) == answers
        answers = triage.record(answers, user[q])
    assert triage.parse_answers({k: v.value for k, v in answers.items()}) == answers


def test_grounds_name_the_questions_a_reason_rests_on():
    assert triage.grounds("WALKING") == ("WALKING",)
    assert triage.grounds("FREQUENT_SLEEP") == ("FREQUENT", "SLEEP")
    assert triage.grounds("UNSURE") == () and triage.grounds("NONE") == ()
    for reasons in triage.reasons_by_outcome().values():
        for reason in reasons:
            assert set(triage.grounds(reason)) <= set(triage.QUESTIONS)


def test_a_missing_answer_counts_as_no_so_complete_sets_give_every_reason():
    """reasons_by_outcome enumerates only the 81 complete sets of answers, which is sound
    only while a missing answer classifies as no; here, over every partial set as well."""
    found: dict[triage.Outcome, set[str]] = {o: set() for o in triage.Outcome}
    for combo in product((None, *Answer), repeat=len(triage.QUESTIONS)):
        partial = {q: a for q, a in zip(triage.QUESTIONS, combo, strict=True) if a is not None}
        as_no = {q: partial.get(q, N) for q in triage.QUESTIONS}
        assert triage.classify(partial) == triage.classify(as_no), partial
        result = triage.classify(partial)
        found[result.outcome].add(result.reason)
    assert triage.reasons_by_outcome() == {o: frozenset(r) for o, r in found.items()}


def test_split_path_keeps_the_answers_the_check_reaches_and_sets_the_rest_aside() -> None:
    said = {"FREQUENT": Answer.NO, "WALKING": Answer.NO}  # "not sure" became a no
    assert triage.split_path(said) == ({"FREQUENT": Answer.NO}, {"WALKING": Answer.NO})
    assert triage.parse_answers({"FREQUENT": "no", "WALKING": "no"}) is None
    loose = triage.parse_answers({"FREQUENT": "no", "WALKING": "no"}, reachable=False)
    assert loose == said
