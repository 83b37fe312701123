"""The clinic console's web app through Flask's test client: headers, escaping, bad input,
the talk API driving the real skill, and the review pages built from the real content.

Assertions rest on structure and stable facts (intents, outcomes, 9 1 1, article quotes), not
on wording other work may change.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from flask.testing import FlaskClient

from skill import content as content_module
from skill import triage
from skill_tools.console import create_app
from skill_tools.console.app import COOKIE, CSP, MAX_BODY_BYTES, MAX_UTTERANCE_CHARS
from skill_tools.console.review import ARTICLE_PATH

INJECTED = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.fixture
def client(app) -> FlaskClient:
    return app.test_client()


def say(client: FlaskClient, utterance: str, device: str = "speaker") -> dict:
    response = client.post("/api/say", json={"utterance": utterance, "device": device})
    assert response.status_code == 200, response.data
    return response.get_json()


# -- headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/content", "/decisions", "/static/talk.js", "/nope"])
def test_every_response_carries_a_strict_csp_and_no_store(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert csp == CSP
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no other origin
    assert "unsafe" not in csp and "http" not in csp and "*" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_hold_no_inline_script_or_style(client):
    for path in ("/", "/content", "/decisions"):
        page = client.get(path).get_data(as_text=True)
        assert re.findall(r"<script(?![^>]*\bsrc=)", page) == [], path
        assert " style=" not in page and "<style" not in page, path
        assert re.search(r"\son[a-z]+=", page) is None, path  # no inline event handlers
        assert re.search(r"(src|href)=\"(https?:)?//", page) is None, path  # nothing remote


# -- the talk API ----------------------------------------------------------------------------


def test_a_conversation_through_the_real_skill(client):
    first = say(client, "open leg cramp helper")
    assert first["turn"]["understood"]["request_type"] == "LaunchRequest"
    assert first["turn"]["new_session"] and not first["turn"]["session_ended"]
    assert first["turn"]["reprompt"]
    assert client.get_cookie(COOKIE) is not None

    topic = say(client, "why do my legs cramp at night")
    assert topic["turn"]["understood"]["intent"] == "LegCrampsAtNightIntent"
    assert topic["turn"]["understood"]["method"] == "exact"
    assert topic["turn"]["card"]["title"]
    assert topic["session"]["open"] and topic["session"]["attributes"]["topic"] == (
        "LegCrampsAtNightIntent"
    )

    check = say(client, "check my symptoms")
    assert check["turn"]["understood"]["intent"] == "SymptomCheckIntent"
    assert check["session"]["attributes"]["pending"] == "check"
    outcome_titles = {o.title for o in content_module.load().outcomes.values()}
    for _ in triage.QUESTIONS:  # answer no until the check settles
        turn = say(client, "no")["turn"]
        if turn["card"] and turn["card"]["title"] in outcome_titles:
            break
    else:
        pytest.fail("the check never reached a result")

    emergency = say(client, "I have chest pain")["turn"]
    assert emergency["understood"]["intent"] == "EmergencyIntent"
    assert "9 1 1" in emergency["speech"]
    assert emergency["session_ended"]


def test_the_screen_device_gets_the_apl_data_source(client):
    say(client, "open leg cramp helper", device="screen")
    turn = say(client, "check my symptoms", device="screen")["turn"]
    screen = turn["screen"]
    assert screen["kind"] == "question"
    assert screen["title"] == content_module.load().screen.check_title
    assert re.search(r"\d", screen["subtitle"])  # progress: question n of m
    assert screen["text"]
    speaker = say(client, "no", device="speaker")["turn"]
    assert speaker["screen"] is None  # a speaker declares no APL: no directive


def test_each_browser_has_its_own_session(app):
    one, two = app.test_client(), app.test_client()
    say(one, "open leg cramp helper")
    say(one, "check my symptoms")
    assert say(two, "yes")["notes"]  # no session open there: sent as a one-shot, with a note
    assert say(one, "no")["session"]["attributes"]["answers"] == {"FREQUENT": "no"}


def test_new_session_forgets_the_open_one(client):
    say(client, "open leg cramp helper")
    response = client.post("/api/new", json={})
    assert response.status_code == 200
    assert response.get_json()["session"] == {"open": False, "attributes": None}
    assert say(client, "why do my legs cramp at night")["turn"]["new_session"]


def test_an_injected_script_comes_back_as_json_text(client):
    """The API returns it as data; the browser test shows the page renders it as text."""
    data = say(client, INJECTED)
    assert data["turn"]["utterance"] == INJECTED
    assert data["turn"]["understood"]["intent"] == "AMAZON.FallbackIntent"
    assert "<script" not in data["turn"]["speech"]


def test_forged_cookies_get_a_fresh_session(client):
    client.set_cookie(COOKIE, "../../etc/passwd")
    say(client, "open leg cramp helper")
    assert client.get_cookie(COOKIE).value != "../../etc/passwd"


# -- bad input: 4xx, never 500 ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"", "application/json", 400),
        (b'["a list"]', "application/json", 400),
        (b'{"utterance": 5}', "application/json", 400),
        (b'{"utterance": "   "}', "application/json", 400),
        (b'{"utterance": "hi", "device": "toaster"}', "application/json", 400),
        (json.dumps({"utterance": "a" * (MAX_UTTERANCE_CHARS + 1)}).encode(), "application/json",
         400),
        (b'{"utterance": "hi"}', "text/plain", 415),
        (b"\xff\xfe\x00", "application/json", 400),
        (b'{"utterance": "' + b"a" * MAX_BODY_BYTES + b'"}', "application/json", 413),
    ],
)
def test_bad_requests_get_a_4xx_json_error(client, body, content_type, status):
    response = client.post("/api/say", data=body, content_type=content_type)
    assert response.status_code == status
    assert set(response.get_json()) == {"error"}


def test_wrong_method_and_unknown_path(client):
    assert client.get("/api/say").status_code == 405
    assert client.get("/no/such/page").status_code == 404
    assert client.post("/api/new", data="x", content_type="text/plain").status_code == 415


def test_a_foreign_host_header_is_refused_on_loopback(client):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the console."""
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "[::1]:8765"}).status_code == 200
    open_app = create_app({"LOOPBACK_ONLY": False})
    assert open_app.test_client().get("/", headers={"Host": "clinic-pc:8765"}).status_code == 200


def test_a_cross_site_post_is_refused(client):
    hostile = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
    response = client.post("/api/say", json={"utterance": "hi"}, headers=hostile)
    assert response.status_code == 403
    same = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/say", json={"utterance": "hi"}, headers=same).status_code == 200


# -- the review pages ------------------------------------------------------------------------


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_review_shows_every_topic_with_its_quotes(client):
    page = client.get("/content").get_data(as_text=True)
    text = _text(page)
    c = content_module.load()
    for topic in c.topics.values():
        assert f'data-path="topics.{topic.intent}"' in page
        for quote in topic.sources:
            assert " ".join(quote.split()) in text
    for outcome in c.outcomes.values():
        assert outcome.title in text
    assert "9 1 1" in text  # the safety texts


def _highlighted_runs(page: str) -> list[str]:
    """The article's highlighted passages, adjacent highlights joined into one run."""
    article = page[page.index('id="article"') :]
    article = re.sub(r'<span class="anchor" id="[^"]*"></span>', "", article)
    article = re.sub(r"</mark><mark[^>]*>", "", article)
    return [html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", article, re.S)]


def test_the_review_highlights_quotes_in_the_full_article(client):
    page = client.get("/content").get_data(as_text=True)
    runs = _highlighted_runs(page)
    for topic in content_module.load().topics.values():
        for quote in topic.sources:
            assert any(" ".join(quote.split()) in run for run in runs), quote
    # the whole article is there, word for word
    article_text = " ".join(ARTICLE_PATH.read_text(encoding="utf-8").split())
    shown = page[page.index('class="article-text"') :]
    paragraphs = re.findall(r"<p>(.*?)</p>", shown, re.S)
    assert " ".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paragraphs) == article_text
    # every quote links to its first highlight in the article
    anchors = set(re.findall(r'id="art-(quote-\d+)"', page))
    links = set(re.findall(r'href="#art-(quote-\d+)"', page))
    assert links and links == anchors


def test_the_review_lists_texts_not_from_the_article_with_reasons(client):
    page = client.get("/content").get_data(as_text=True)
    section = page[page.index('id="not-from-article"') : page.index('id="article"')]
    for path in ("prompts.welcome", "safety.emergency", "check.not_a_diagnosis"):
        row = re.search(rf'<tr data-path="{re.escape(path)}">(.*?)</tr>', section, re.S)
        assert row, path
        assert 'class="reason">' in row.group(1) and _text(row.group(1).split('class="reason">')[1])


def test_the_review_carries_the_checksum_and_a_print_stylesheet(client):
    import hashlib

    page = client.get("/content").get_data(as_text=True)
    digest = hashlib.sha256(
        (content_module.CONTENT_DIR / "en-US.yaml").read_bytes()
    ).hexdigest()
    assert f'id="checksum">{digest}<' in page
    assert re.search(r'id="modified">\d{4}-\d\d-\d\d \d\d:\d\d UTC<', page)
    css = client.get("/static/console.css").get_data(as_text=True)
    assert "@media print" in css


def test_the_decision_table_covers_every_combination(client):
    page = client.get("/decisions").get_data(as_text=True)
    combos = re.findall(r'<tr class="outcome-(\w+)" data-outcome="\w+">', page.split(
        'id="combination-table"')[1])
    assert len(combos) == len(triage.Answer) ** len(triage.QUESTIONS)
    paths = page.split('id="decision-table"')[1].split("</table>")[0]
    counts = [int(n) for n in re.findall(r'<td class="count">(\d+)</td>', paths)]
    everyone = len(triage.Answer) ** len(triage.QUESTIONS)
    assert sum(counts[:-1]) == counts[-1] == everyone  # the rows, then the total
    assert {o.value for o in triage.Outcome} == set(re.findall(r'data-outcome="(\w+)"', paths))


def test_everything_is_escaped_on_the_review_pages(app, monkeypatch, tmp_path):
    """An article holding markup (a real file, through the real review) is shown as text."""
    from skill_tools.console import review

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_PATH.read_text(encoding="utf-8") + "\n\n" + INJECTED + "\n")
    monkeypatch.setattr(review, "ARTICLE_PATH", article)
    page = app.test_client().get("/content").get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
