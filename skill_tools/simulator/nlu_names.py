"""First names the simulator hears as Alexa's AMAZON.FirstName ("I just want to go be with
Martha": round 47, a widower's wish fell back).

Alexa's catalogue holds thousands; these are common American names of the skill's users'
generations and their families', enough that a sample with a {name} slot is tried as
Alexa would. Names that are also everyday words ("will", "may", "grace") are left out, so
that a phrase is never a name by accident.
"""

from __future__ import annotations

from datetime import date

_NAMES = """
    aaron abigail adam agnes al alan albert alex alice alicia allen alma amanda amber amy
    andrea andrew angela anita ann anna anne annie anthony antonio arlene arthur ashley
    audrey barbara beatrice becky ben benjamin bernard bernice bert beth betty beverly bill
    billy bob bobby bonnie brandon brenda brian bruce bryan carl carla carlos carmen carol
    caroline carolyn catherine cathy charles charlie charlotte cheryl chris christina
    christine christopher cindy clara clarence claude connie cynthia dale dan daniel danny
    darlene dave david dawn dean debbie deborah debra denise dennis diana diane dick dolores
    don donald donna doris dorothy dot doug douglas earl ed eddie edith edna edward eileen
    elaine eleanor elizabeth ella ellen elsie emily emma eric erin ernest esther ethel eugene
    evelyn florence frances francis frank fred gail gary gene george georgia gerald geraldine
    gladys glen glenn gloria gordon greg gregory gwen hank harold harry hazel heather helen
    henry herbert howard ida irene jacqueline james jan jane janet janice jason jean jeff
    jeffrey jennifer jenny jerry jessica jim jimmy joan joe joel john johnny jonathan jose
    joseph josephine joyce juan juanita judith judy julia julie karen kate katherine kathleen
    kathy keith kelly ken kenneth kevin kim larry laura lauren lawrence leonard leroy linda
    lisa lois loretta lori louis louise lucille lucy luis lynn mabel maggie manuel marcus
    margaret margie maria marian marie marilyn marion marjorie mark marlene martha martin
    marvin mary maureen maxine megan melissa michael michelle mike mildred milton miriam
    nancy natalie nathan neil nicholas nicole norma norman oscar pam pamela pat patricia
    patrick paul paula pauline pearl peggy peter phil phillip phyllis rachel ralph ramon
    randy ray raymond rebecca regina rhonda richard rick rita robert roberta rodney roger
    ron ronald rosa rosemary roy ruby russell ruth ryan sally sam samuel sandra sandy sara
    sarah scott sharon sheila shirley stanley stephanie stephen steve steven sue susan tammy
    teresa terry thelma theresa thomas tim timothy tina todd tom tommy tony tracy vera
    vernon veronica vicki victor victoria vincent viola virginia wallace walter wanda wayne
    wendy wilma william willie yolanda
"""
FIRST_NAMES = frozenset(_NAMES.split())


def first_name_value(words: str, today: date) -> str | None:
    """AMAZON.FirstName: the name, or None (one name, or two as in "mary ann")."""
    del today  # a name is the same on every day; the signature is the resolvers'
    names = words.split()
    return words if 1 <= len(names) <= 2 and all(n in FIRST_NAMES for n in names) else None
