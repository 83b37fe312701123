"""The console in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`)
driven by selenium, against the console served on 127.0.0.1 in this process.

Without Chromium these tests skip with one line, unless CONSOLE_BROWSER_REQUIRED=1 (set by
.ci/run once it has installed Chromium), where a missing browser is a failure. The browser
is kept off every network but loopback (a dead proxy, no background services).

With CONSOLE_SCREENSHOTS=<folder> (e.g. docs) the run also saves the screenshots in that
folder that docs/console.md shows; ordinary runs write nothing.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from skill import content as content_module
from skill import triage
from skill_tools.console import cli, create_app
from tests.support import ROOT

WAIT_SECONDS = 15
INJECTED = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    "<b>bold</b>"
)


def _need(reason: str) -> None:
    if os.environ.get("CONSOLE_BROWSER_REQUIRED") == "1":
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = cli.make_server("127.0.0.1", 0, create_app())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _need("selenium is not installed")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not browser or not chromedriver:
        _need("no chromium/chromedriver on PATH (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--force-device-scale-factor=1",
        "--lang=en-US",
        # loopback only: every other address goes to a dead proxy and resolves nowhere
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=127.0.0.1;localhost",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--no-first-run",
        "--no-pings",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        chrome = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    except Exception as exc:  # noqa: BLE001 - any start-up failure is the same one-line reason
        _need(f"chromium did not start ({type(exc).__name__}: {str(exc).splitlines()[0]})")
    chrome.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield chrome
    finally:
        chrome.quit()


@pytest.fixture
def page(driver, base_url):
    """The talk page in a fresh browser session (no cookie: the server starts a new one)."""
    driver.get(base_url + "/static/console.css")  # a page on the origin, to clear its cookies
    driver.delete_all_cookies()
    driver.get(base_url + "/")
    driver.get_log("browser")  # start each test with an empty console log
    return driver


def shoot(driver, name: str) -> None:
    folder = os.environ.get("CONSOLE_SCREENSHOTS")
    if folder:
        target = ROOT / folder if not os.path.isabs(folder) else Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        size = driver.get_window_size()
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(height, 800), 1500))  # the whole page, bounded
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(target / name))
        driver.set_window_size(size["width"], size["height"])


# -- helpers ---------------------------------------------------------------------------------


def turns(driver) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "#transcript li.turn")


def say(driver, text: str):
    """Type `text`, press Enter, wait for the new turn; return its element."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    before = len(turns(driver))
    box = driver.find_element(By.ID, "utterance")
    box.clear()
    box.send_keys(text, Keys.ENTER)
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: len(turns(d)) == before + 1)
    return turns(driver)[-1]


def part(turn, selector: str) -> str:
    from selenium.webdriver.common.by import By

    found = turn.find_elements(By.CSS_SELECTOR, selector)
    return found[0].text if found else ""


def assert_clean_console(driver) -> None:
    """No script errors and no Content-Security-Policy violations on the page."""
    problems = [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]
    ]
    assert problems == []


OUTCOME_TITLES = {
    title
    for o in content_module.load().outcomes.values()
    for title in (o.title, *o.title_for_reason.values())
}


# -- talk ------------------------------------------------------------------------------------


def test_a_typed_conversation_open_headline_check_emergency(page):
    from selenium.webdriver.common.by import By

    first = say(page, "open leg cramp helper")
    assert part(first, ".you .value") == "open leg cramp helper"
    assert first.get_attribute("data-request-type") == "LaunchRequest"
    assert part(first, ".speech .value") and part(first, ".reprompt .value")
    assert part(first, ".open") == "session open"

    headline = say(page, "why do my legs cramp at night")
    assert headline.get_attribute("data-intent") == "LegCrampsAtNightIntent"
    assert "LegCrampsAtNightIntent by exact match" in part(headline, ".understood .value")
    topic = content_module.load().topics["LegCrampsAtNightIntent"]
    assert part(headline, ".card-title") == topic.title
    assert part(headline, ".speech .value").startswith(topic.speech.split(".")[0])

    # the session attributes panel follows the conversation
    page.find_element(By.CSS_SELECTOR, "#session-panel summary").click()
    assert '"topic": "LegCrampsAtNightIntent"' in page.find_element(By.ID, "session-attrs").text

    check = say(page, "check my symptoms")
    assert check.get_attribute("data-intent") == "SymptomCheckIntent"
    assert '"pending": "check"' in page.find_element(By.ID, "session-attrs").text
    answers = ["often", "no", "yes", "no"]  # frequent, not at night, walking: a specialist
    result = None
    for answer in answers[: len(triage.QUESTIONS)]:
        turn = say(page, answer)
        if part(turn, ".card-title") in OUTCOME_TITLES:
            result = turn
            break
    assert result is not None, "the check showed no result"
    assert part(result, ".card-title") == content_module.load().outcomes["see_specialist"].title
    assert part(result, ".open") == "session open"  # the result offers the contact details

    speak = page.find_element(By.ID, "speak")
    assert speak.is_enabled()
    speak.click()  # the browser's speech synthesis; headless has no audio, but it must not fail
    assert speak.get_attribute("data-spoke") == "1"
    shoot(page, "console-talk-speaker.png")

    emergency = say(page, "I have chest pain")
    assert emergency.get_attribute("data-intent") == "EmergencyIntent"
    assert "9 1 1" in part(emergency, ".speech .value")
    assert part(emergency, ".ended") == "session ended"
    assert page.find_element(By.ID, "session-attrs").text == "(no session open)"
    assert_clean_console(page)


def test_starting_points_and_repeat_are_buttons(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    labels = [b.text for b in page.find_elements(By.CSS_SELECTOR, "#starters .chip")]
    assert len([t for t in content_module.load().topics.values() if t.title in labels]) == 10
    for label in ("Open", "The check", "Contact", "Reminder", "Emergency"):
        assert label in labels

    def click(selector: str) -> None:
        before = len(turns(page))
        page.find_element(By.CSS_SELECTOR, selector).click()
        WebDriverWait(page, WAIT_SECONDS).until(lambda d: len(turns(d)) == before + 1)

    click('#starters .chip[data-utterance^="open "]')
    click("#repeat")
    opened, repeated = turns(page)[-2:]
    assert repeated.get_attribute("data-intent") == "AMAZON.RepeatIntent"
    assert part(opened, ".speech .value") in part(repeated, ".speech .value")
    page.find_element(By.XPATH, '//button[@class="chip"][text()="Emergency"]').click()
    WebDriverWait(page, WAIT_SECONDS).until(
        lambda d: turns(d)[-1].get_attribute("data-intent") == "EmergencyIntent"
    )
    assert "9 1 1" in part(turns(page)[-1], ".speech .value")


def test_the_screen_preview_shows_the_check(page):
    from selenium.webdriver.common.by import By

    assert not page.find_element(By.ID, "screen-panel").is_displayed()
    page.find_element(By.CSS_SELECTOR, 'input[name="device"][value="screen"]').click()
    assert page.find_element(By.ID, "screen-panel").is_displayed()

    say(page, "open leg cramp helper")
    say(page, "check my symptoms")
    c = content_module.load()
    screen = page.find_element(By.ID, "apl")
    assert screen.get_attribute("data-kind") == "question"
    assert part(screen, ".apl-title") == c.screen.check_title
    subtitle = part(screen, ".apl-subtitle")
    assert any(ch.isdigit() for ch in subtitle)  # the progress: question n of m
    assert part(screen, ".apl-text") == c.questions[triage.QUESTIONS[0]].text
    assert part(screen, ".apl-hint")
    # Echo Show proportions: 1280 x 800
    size = screen.size
    assert abs(size["width"] / size["height"] - 1280 / 800) < 0.02
    shoot(page, "console-talk-screen.png")

    say(page, "often")
    assert part(screen, ".apl-subtitle") != subtitle  # the next question moves the progress
    assert_clean_console(page)


def test_an_injected_script_is_shown_as_text(page):
    from selenium.webdriver.common.by import By

    say(page, "open leg cramp helper")
    turn = say(page, INJECTED)
    assert part(turn, ".you .value") == INJECTED
    assert page.execute_script("return window.__pwned === undefined")
    transcript = page.find_element(By.ID, "transcript")
    assert transcript.find_elements(By.TAG_NAME, "img") == []
    assert transcript.find_elements(By.TAG_NAME, "script") == []
    assert transcript.find_elements(By.TAG_NAME, "b") == []


# -- review ----------------------------------------------------------------------------------


def test_the_review_page_shows_each_topic_with_its_quotes(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.get(base_url + "/content")
    driver.get_log("browser")
    c = content_module.load()
    article = driver.find_element(By.CSS_SELECTOR, ".article-text").text
    for intent, topic in c.topics.items():
        entry = driver.find_element(By.CSS_SELECTOR, f'article.entry[data-path="topics.{intent}"]')
        assert topic.title in entry.text
        links = [a.text.strip("“”") for a in entry.find_elements(By.CSS_SELECTOR, ".quote-link")]
        assert links == [" ".join(q.split()) for q in topic.sources]
        for quote in links:
            assert quote in " ".join(article.split())
    marks = driver.find_elements(By.CSS_SELECTOR, ".article-text mark")
    assert len(marks) >= 10
    reasons = driver.find_elements(By.CSS_SELECTOR, "#not-from-article td.reason")
    assert reasons and all(r.text.strip() for r in reasons)
    checksum = driver.find_element(By.ID, "checksum").text
    assert len(checksum) == 64
    shoot(driver, "console-review.png")
    assert_clean_console(driver)


def test_the_decision_table_page(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.get(base_url + "/decisions")
    rows = driver.find_elements(By.CSS_SELECTOR, "#combination-table tbody tr")
    assert len(rows) == len(triage.Answer) ** len(triage.QUESTIONS)
    outcomes = {
        r.get_attribute("data-outcome")
        for r in driver.find_elements(By.CSS_SELECTOR, "#decision-table tbody tr")
    }
    assert outcomes == {o.value for o in triage.Outcome}
    total = driver.find_element(By.CSS_SELECTOR, "#decision-table tfoot .count").text
    assert int(total) == len(rows)
