"""An ask-sdk ApiClient on urllib, with a timeout.

The SDK's DefaultApiClient imports `requests` (a large slice of a Lambda cold start) and
calls it with no timeout, so a hung Alexa API call would run into Alexa's 8-second limit.
This client bounds every call, and allows plain http only to loopback addresses, where the
simulator's fake Alexa API listens.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_RESPONSE_BYTES = 1 << 20


class ApiClientError(Exception):
    """The call did not produce an HTTP response (refused, timed out, bad URL)."""


class UrllibApiClient(ApiClient):
    def __init__(self, timeout: float = 1.0) -> None:
        self.timeout = timeout

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        import urllib.error
        import urllib.request

        url = request.url or ""
        parts = urlsplit(url)
        if parts.scheme != "https" and not (
            parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
        ):
            raise ApiClientError("only https endpoints (or http on loopback) are allowed")
        headers: dict[str, str] = {}
        for key, value in request.headers or []:
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        data = None
        if request.body is not None:
            body: Any = request.body
            data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
        req = urllib.request.Request(url, data=data, headers=headers, method=request.method)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310
                return _response(resp.status, resp.headers.items(), resp.read(MAX_RESPONSE_BYTES))
        except urllib.error.HTTPError as err:
            with err:
                return _response(err.code, err.headers.items(), err.read(MAX_RESPONSE_BYTES))
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections
            raise ApiClientError(type(exc).__name__) from exc


def _response(status: int, headers: Any, body: bytes) -> ApiClientResponse:
    return ApiClientResponse(
        headers=list(headers), status_code=status, body=body.decode("utf-8", "replace") or None
    )
