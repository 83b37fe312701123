"""Serving a development server until Ctrl-C or SIGTERM: one loop for `serve` and `console`.

Both stop cleanly (exit 0) on either signal, so `dev.py`'s exec and a supervisor's SIGTERM
free the port the same way.
"""

from __future__ import annotations

import signal
import sys
from typing import Any


def serve_until_stopped(server: Any, prog: str, host: str, note: str) -> int:
    """Say where `server` listens (`note` in brackets after it), then serve until stopped."""

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    shown = f"[{host}]" if ":" in host else host
    try:  # the line is printed inside: a SIGTERM right after it must still stop cleanly
        print(f"{prog}: listening on http://{shown}:{server.port}/ ({note})",
              file=sys.stderr, flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
