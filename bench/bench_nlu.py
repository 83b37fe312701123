"""How fast (and how well) the simulator's NLU turns an utterance into an intent.

Goal: median under 1 ms per utterance on this skill's model. Two baselines are measured in
the same run, on the same utterances:
- dict lookup: spoken_form + one dict lookup of the exact text (the floor any matcher pays;
  it understands only literal samples);
- difflib: `difflib.get_close_matches` of the spoken-form text against every sample (slot
  samples filled with up to 20 of their values, in lockstep), cutoff 0.6: the obvious
  fuzzy matcher.

The utterance mix: every literal sample (exact), slot samples with values (slot), the
labelled near-miss and nonsense phrases of tests/simulator/nlu_phrases.yaml (near, nonsense).
Accuracy is reported on the labelled phrases, including the documented known misses.

    .venv/bin/python bench/bench_nlu.py [--quick] [--rounds N]
"""

from __future__ import annotations

import difflib
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skill_tools.cli_args import OneLineParser, prog  # noqa: E402
from skill_tools.model import model_path  # noqa: E402
from skill_tools.simulator.nlu import FALLBACK, NLU, load_nlu  # noqa: E402
from skill_tools.simulator.nlu_words import spoken_form  # noqa: E402

PHRASES = ROOT / "tests" / "simulator" / "nlu_phrases.yaml"
DIFFLIB_SAMPLE = 8  # utterances per group timed with difflib (seconds a call at this size)


def fills(sample: str, words: dict[str, list[str]], cap: int) -> list[str]:
    """`sample` with its slots filled in lockstep (the k-th word of every slot together), at
    most `cap` variants: a product of every slot's values would run to millions of phrases
    for samples with three slots."""
    names = [n for n in words if "{" + n + "}" in sample and words[n]]
    if not names:
        return [] if "{" in sample else [sample]
    out = []
    for k in range(min(cap, max(len(words[n]) for n in names))):
        text = sample
        for n in names:
            text = text.replace("{" + n + "}", words[n][k % len(words[n])])
        out.append(text)
    return [o for o in out if "{" not in o]


def slot_words(intent: dict, types: dict, synonyms: int | None) -> dict[str, list[str]]:
    """Each slot's words: every value, with its first `synonyms` synonyms (None: all)."""
    out = {}
    for slot in intent.get("slots", []):
        slot_type = types.get(slot["type"])
        values = slot_type["values"] if slot_type else []
        out[slot["name"]] = [
            w for v in values
            for w in [v["name"]["value"], *v["name"].get("synonyms", [])[:synonyms]]
        ]
    return out


def utterance_mix(nlu: NLU, model: dict) -> dict[str, list[str]]:
    intents = model["interactionModel"]["languageModel"]["intents"]
    types = {t["name"]: t for t in model["interactionModel"]["languageModel"].get("types", [])}
    exact = [s for i in intents for s in i.get("samples", []) if "{" not in s]
    slot = []
    for intent in intents:
        words = slot_words(intent, types, 3)
        for sample in intent.get("samples", []):
            if "{" in sample:
                slot += fills(sample, words, 3)
    phrases = yaml.safe_load(PHRASES.read_text(encoding="utf-8"))
    near = [p for ps in phrases["near"].values() for p in ps]
    return {"exact": exact, "slot": slot, "near": near, "nonsense": phrases["nonsense"]}


def labelled() -> list[tuple[str, str]]:
    phrases = yaml.safe_load(PHRASES.read_text(encoding="utf-8"))
    out = [(p, i) for i, ps in phrases["near"].items() for p in ps]
    out += [(p, i) for i, ps in phrases.get("known_misses", {}).items() for p in ps]
    return out + [(p, FALLBACK) for p in phrases["nonsense"]]


def baselines(nlu: NLU, model: dict) -> dict[str, Callable[[str], str]]:
    """Two matchers to compare against, built (once) from the same model."""
    intents = model["interactionModel"]["languageModel"]["intents"]
    types = {t["name"]: t for t in model["interactionModel"]["languageModel"].get("types", [])}
    table: dict[str, str] = {}
    for intent in intents:
        words = slot_words(intent, types, None)
        for sample in intent.get("samples", []):
            for text in fills(sample, words, 20):
                table.setdefault(spoken_form(text), intent["name"])
    keys = list(table)

    def dict_lookup(text: str) -> str:
        return table.get(spoken_form(text), FALLBACK)

    def close_match(text: str) -> str:
        hit = difflib.get_close_matches(spoken_form(text), keys, n=1, cutoff=0.6)
        return table[hit[0]] if hit else FALLBACK

    return {"dict lookup": dict_lookup, "difflib": close_match}


def timings(fn: Callable[[str], object], utterances: list[str], rounds: int) -> list[float]:
    """Seconds per call, one sample per call, utterances shuffled each round."""
    order = list(utterances)
    rng = random.Random(7)
    samples: list[float] = []
    clock = time.perf_counter
    gc.disable()
    try:
        for _ in range(rounds):
            rng.shuffle(order)
            for u in order:
                t0 = clock()
                fn(u)
                samples.append(clock() - t0)
    finally:
        gc.enable()
    return samples


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1]


def us(seconds: float) -> str:
    return f"{seconds * 1e6:9.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(prog=prog("bench nlu"), description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds over the mix")
    args = parser.parse_args(argv)
    rounds = args.rounds or (3 if args.quick else 30)

    import json

    model = json.loads(model_path("en-US").read_text(encoding="utf-8"))
    builds = []
    for _ in range(3 if args.quick else 10):
        t0 = time.perf_counter()
        nlu = load_nlu(model_path("en-US"))
        builds.append(time.perf_counter() - t0)
    mix = utterance_mix(nlu, model)
    every = [u for us_ in mix.values() for u in us_]
    others = baselines(nlu, model)

    print(f"NLU benchmark: {len(every)} utterances x {rounds} rounds (difflib: "
          f"{max(1, rounds // 10)}), "
          f"model of {len(nlu.intents)} intents, compiled in "
          f"{statistics.median(builds) * 1e3:.1f} ms (median of {len(builds)})")
    print()
    slow_rounds = max(1, rounds // 10)  # difflib costs milliseconds a call
    print(f"{'utterances':<12}{'n':>5} {'ours med':>9} {'ours p95':>9} {'dict med':>9} "
          f"{'difflib med':>12} {'ours/dict':>10} {'difflib/ours':>13}   (microseconds)")
    ours_all: list[float] = []
    dict_all: list[float] = []
    diff_all: list[float] = []
    for name, utterances in [*mix.items(), ("all", [])]:
        if name == "all":
            ours, dicts, diffs = ours_all, dict_all, diff_all
        else:
            ours = timings(nlu.resolve, utterances, rounds)
            dicts = timings(others["dict lookup"], utterances, rounds)
            # difflib costs milliseconds a call over this many samples: time every n-th
            # utterance, at most DIFFLIB_SAMPLE of a group.
            step = max(1, len(utterances) // DIFFLIB_SAMPLE)
            diffs = timings(others["difflib"], utterances[::step], slow_rounds)
            ours_all += ours
            dict_all += dicts
            diff_all += diffs
        med, dmed, fmed = map(statistics.median, (ours, dicts, diffs))
        n = len(utterances) if utterances else len(every)
        print(f"{name:<12}{n:>5} {us(med)} {us(p95(ours))} {us(dmed)} "
              f"{us(fmed):>12} {med / dmed:>9.1f}x {fmed / med:>12.0f}x")
    print()
    rows = labelled()
    print(f"accuracy on {len(rows)} labelled phrases (near misses, known misses, nonsense):")
    for label, fn in [("ours", nlu.resolve), *others.items()]:
        right = 0
        for phrase, want in rows:
            got = fn(phrase)
            right += (getattr(got, "intent", got) == want)
        print(f"  {label:<12} {right:>3}/{len(rows)}  ({100 * right / len(rows):.0f}%)")

    med, high = statistics.median(ours_all), p95(ours_all)
    verdict = "met" if med < 1e-3 else "NOT met"
    print()
    print(f"goal: median < 1 ms per utterance: {verdict} "
          f"(median {med * 1e3:.3f} ms, p95 {high * 1e3:.3f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
