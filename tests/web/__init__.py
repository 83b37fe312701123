"""Helpers for the web service tests and bench (tests/test_web.py, bench/bench_web.py)."""
