"""`python3 dev.py gunicorn`: gunicorn itself, so that every setting is checked by gunicorn.conf.py.

gunicorn computes its `workers` default from WEB_CONCURRENCY when it is imported, before it
reads its config file, and a value that is not a number stops it there with a traceback. This
runner hides the variable during that import and puts it back, so gunicorn.conf.py checks it
like every other setting: one line, exit 2.
"""

from __future__ import annotations

import os


def main() -> None:
    raw = os.environ.pop("WEB_CONCURRENCY", None)
    from gunicorn.app.wsgiapp import run

    if raw is not None:
        os.environ["WEB_CONCURRENCY"] = raw
    run(prog="dev.py gunicorn")


if __name__ == "__main__":
    main()
