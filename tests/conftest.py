"""Shared test setup. Hypothesis profiles: `ci` (default) and `long`, chosen by HYPOTHESIS_PROFILE.

ci:   derandomized (the same examples every run, so a red build reproduces), no example
      database, no deadline (shared CI machines stall).
long: random, for the documented 100,000-example fuzz run (meant for tests/test_fuzz.py
      only: every hypothesis test without its own max_examples would get 100,000):
      HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py -q \
          -p no:logging --hypothesis-show-statistics
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# One session seal key for the test process and the servers it starts (skill/seal.py), so a
# reply sealed by one can be repeated by the other, as on hosts that share the key.
os.environ.setdefault("SKILL_SESSION_KEY", "tests-only-not-a-secret")

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=100_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
