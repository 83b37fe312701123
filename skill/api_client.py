"""An ask-sdk ApiClient on urllib, with a timeout, that keeps the access token at home.

The SDK's DefaultApiClient imports `requests` (a large slice of a Lambda cold start) and
calls it with no timeout, so a hung Alexa API call would run into Alexa's 8-second limit.
This client bounds every call, and allows plain http only to loopback addresses, where the
simulator's fake Alexa API listens.

The bearer token in `Authorization` is the user's; it may go to the request's own
`context.System.apiEndpoint` and nowhere else. So redirects are never followed (a 3xx is
handed back to the SDK, which treats it as a failed call; urllib would have re-sent the token
to the redirect target), and a call carrying a token to any other origin is refused before
it is sent. `api_endpoint_scope(event)` names the endpoint for one request; skill.app opens it
around every request it handles.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
from collections.abc import Iterator
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_RESPONSE_BYTES = 1 << 20
_DEFAULT_PORTS = {"http": 80, "https": 443}

_api_endpoint: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "alexa_api_endpoint", default=None
)


class ApiClientError(Exception):
    """The call did not produce an HTTP response. ``kind`` says why, in words safe to log:
    ``timeout``, ``unreachable`` (connection refused, no route, DNS), ``not_allowed`` (the
    URL or the token's destination is refused here) or ``bad_url``."""

    def __init__(self, message: str, kind: str = "not_allowed") -> None:
        super().__init__(message)
        self.kind = kind


def _failure_kind(exc: BaseException) -> str:
    """A failed urllib call, named: urllib wraps a connect timeout or refusal in URLError."""
    reason = getattr(exc, "reason", None)
    cause = reason if isinstance(reason, BaseException) else exc
    if isinstance(cause, TimeoutError):  # socket.timeout is TimeoutError (3.10+)
        return "timeout"
    if isinstance(cause, OSError):
        return "unreachable"
    return "bad_url"


def _origin(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    except ValueError:
        return None
    if not parts.hostname or "@" in parts.netloc:
        return None
    return scheme, parts.hostname, port


@contextlib.contextmanager
def api_endpoint_scope(event: Any) -> Iterator[None]:
    """While open, calls with a token may go only to ``event``'s ``context.System.apiEndpoint``.

    A context variable, so concurrent requests (threads, greenlets) each see their own.
    """
    system = event.get("context", {}).get("System", {}) if isinstance(event, dict) else {}
    endpoint = system.get("apiEndpoint") if isinstance(system, dict) else None
    token = _api_endpoint.set(endpoint if isinstance(endpoint, str) else None)
    try:
        yield
    finally:
        _api_endpoint.reset(token)


@cache
def _opener() -> Any:
    """urllib's opener, without redirects: a 3xx is handed back as the answer, since following
    it would send the token to another URL. Built on the first call, not at import: urllib's
    import costs about 20 ms of every cold start, and most sessions never call the API."""
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            return None

    return urllib.request.build_opener(NoRedirect())


class UrllibApiClient(ApiClient):
    def __init__(self, timeout: float = 1.0) -> None:
        self.timeout = timeout

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        url = request.url or ""
        parts = urlsplit(url)
        if parts.scheme != "https" and not (
            parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
        ):
            raise ApiClientError("only https endpoints (or http on loopback) are allowed")
        headers: dict[str, str] = {}
        for key, value in request.headers or []:
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        if any(key.lower() == "authorization" for key in headers):
            endpoint = _api_endpoint.get()
            if endpoint is None or _origin(url) is None or _origin(url) != _origin(endpoint):
                raise ApiClientError("the access token goes only to the request's apiEndpoint")
        data = None
        if request.body is not None:
            body: Any = request.body
            data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
        import urllib.error
        import urllib.request

        req = urllib.request.Request(url, data=data, headers=headers, method=request.method)
        try:
            with _opener().open(req, timeout=self.timeout) as resp:
                return _response(resp.status, resp.headers.items(), resp.read(MAX_RESPONSE_BYTES))
        except urllib.error.HTTPError as err:  # 4xx, 5xx and the unfollowed 3xx
            with err:
                return _response(err.code, err.headers.items(), err.read(MAX_RESPONSE_BYTES))
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections
            raise ApiClientError(type(exc).__name__, _failure_kind(exc)) from exc


def _response(status: int, headers: Any, body: bytes) -> ApiClientResponse:
    return ApiClientResponse(
        headers=list(headers), status_code=status, body=body.decode("utf-8", "replace") or None
    )
