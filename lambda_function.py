"""AWS Lambda entry point: handler `lambda_function.lambda_handler`.

The cyclic garbage collector is paused while the skill (and the SDK) import, then what the
import made is frozen out of every later collection. Import allocates tens of thousands of
objects that live as long as the process; with the collector on, it scans them again and
again as they pile up (and once more on the first request): several milliseconds of every
cold start (docs/performance.md). Freezing keeps the few hundred objects of import-time
garbage for the life of the container, a few hundred kilobytes at most.
"""

import gc

_collecting = gc.isenabled()
gc.disable()
try:
    from skill.app import lambda_handler
finally:
    if _collecting:
        gc.enable()
gc.freeze()

__all__ = ["lambda_handler"]
