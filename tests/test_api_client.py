"""The Alexa API client keeps the user's access token at the request's apiEndpoint (issue #12).

Real HTTP on 127.0.0.1: an "Alexa API" that redirects, and a second server that records every
request it gets (it must never see the token).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from ask_sdk_model.services import ApiClientRequest

from lambda_function import lambda_handler
from skill.api_client import ApiClientError, UrllibApiClient, api_endpoint_scope
from tests.support import intent, speech, with_alexa_api

TOKEN = "Bearer test-access-token"


class Recording(ThreadingHTTPServer):
    """Remembers each request's path and headers; answers 200 {} or redirects to ``target``."""

    def __init__(self, target: str | None = None) -> None:
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.target = target
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: Recording

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.server.seen.append((self.command, self.path, dict(self.headers.items())))
        if self.server.target is not None:
            self.send_response(307)  # 307/308 keep the method and body: the worst case
            self.send_header("Location", self.server.target + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b'{"timeZone": "America/New_York"}' if self.command == "GET" else b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer  # noqa: N815 - stdlib names

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def servers(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Recording, Recording]]:
    """(api, elsewhere): ``api`` redirects every request to ``elsewhere``."""
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
    elsewhere = Recording()
    api = Recording(target=elsewhere.url)
    threads = [threading.Thread(target=s.serve_forever, args=(0.02,), daemon=True)
               for s in (api, elsewhere)]  # fmt: skip
    for t in threads:
        t.start()
    try:
        yield api, elsewhere
    finally:
        for s in (api, elsewhere):
            s.shutdown()
            s.server_close()


def call(url: str, method: str = "GET") -> Any:
    request = ApiClientRequest(
        url=url, method=method, headers=[("Authorization", TOKEN)], body={"x": 1}
    )
    return UrllibApiClient(timeout=2.0).invoke(request)


def scope(endpoint: str) -> Any:
    return api_endpoint_scope({"context": {"System": {"apiEndpoint": endpoint}}})


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_redirect_is_handed_back_not_followed(
    servers: tuple[Recording, Recording], method: str
) -> None:
    api, elsewhere = servers
    with scope(api.url):
        answer = call(f"{api.url}/v1/alerts/reminders", method)
    assert answer.status_code == 307
    assert [seen[:2] for seen in api.seen] == [(method, "/v1/alerts/reminders")]
    assert api.seen[0][2]["Authorization"] == TOKEN
    assert elsewhere.seen == []  # the token never left the apiEndpoint


def test_the_token_goes_to_no_other_origin(servers: tuple[Recording, Recording]) -> None:
    api, elsewhere = servers
    with scope(api.url), pytest.raises(ApiClientError, match="apiEndpoint"):
        call(f"{elsewhere.url}/v1/alerts/reminders")
    with pytest.raises(ApiClientError, match="apiEndpoint"):  # no request in scope: refuse
        call(f"{elsewhere.url}/v1/alerts/reminders")
    with scope(f"{api.url}/"), pytest.raises(ApiClientError, match="apiEndpoint"):
        call(f"http://user@{api.url.removeprefix('http://')}/v1")
    assert elsewhere.seen == [] and api.seen == []
    # Without a token the origin rule does not apply (nothing to leak).
    request = ApiClientRequest(url=f"{elsewhere.url}/x", method="GET", headers=[])
    assert UrllibApiClient().invoke(request).status_code == 200


def test_same_origin_spelled_differently_is_the_same_endpoint(
    servers: tuple[Recording, Recording],
) -> None:
    api, elsewhere = servers
    port = api.server_address[1]
    api.target = None
    with scope(f"http://LOCALHOST:{port}"):
        assert call(f"http://localhost:{port}/v2/x").status_code == 200
    with scope(f"http://127.0.0.1:{port}/"):
        assert call(f"http://127.0.0.1:{port}/v2/x").status_code == 200
    assert len(api.seen) == 2


def test_the_skill_asking_for_a_reminder_does_not_follow_a_redirect(
    servers: tuple[Recording, Recording],
) -> None:
    """The whole path: a reminder request whose Alexa API redirects. The user hears the
    failure apology and the redirect target never hears from us."""
    api, elsewhere = servers
    answer = lambda_handler(with_alexa_api(intent("SetReminderIntent"), api.url), None)
    assert api.seen and all(h["Authorization"] == TOKEN for _, _, h in api.seen)
    assert elsewhere.seen == []
    assert speech(answer)  # answered, not an exception
