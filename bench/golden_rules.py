"""Golden Rules pass rates: reader's segmenter next to plain spaCy, per category.

The cases are ``tests/data/golden_rules.json``: news-style texts written for reader, one or
more for each category of the English "Golden Rules" of the Pragmatic Segmenter (the
yardstick of pySBD), each with the sentences a careful editor expects. A case passes when
a segmenter returns exactly those sentences (white space around each sentence ignored).

spaCy runs as it comes: the full pipeline with its dependency parser, sentences from
``doc.sents``.

Usage::

    python bench/golden_rules.py            # a table
    python bench/golden_rules.py --json     # one JSON object
    python bench/golden_rules.py --failures # also list reader's failures
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "golden_rules.json"
Segmenter = Callable[[str], list[str]]


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    """The cases, each with ``id``, ``category``, ``text`` and ``expected``."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return cases


def reader_segmenter() -> Segmenter:
    """reader's rule-based segmenter."""
    from reader.segment import split_sentences

    return split_sentences


def spacy_segmenter(model: str | None = None) -> tuple[Segmenter, str]:
    """Plain spaCy: the whole pipeline, parser included, and ``doc.sents``."""
    import spacy

    from reader.nlp import resolve_model

    choice = resolve_model(model)
    nlp = spacy.load(choice.name)

    def split(text: str) -> list[str]:
        return [sentence.text.strip() for sentence in nlp(text).sents if sentence.text.strip()]

    return split, f"spaCy {choice.label} (parser, doc.sents)"


def score(cases: Sequence[dict[str, Any]], segment: Segmenter) -> dict[str, Any]:
    """Pass counts per category and overall, and the failed cases."""
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for case in cases:
        got = [sentence.strip() for sentence in segment(case["text"])]
        passed = got == case["expected"]
        tally = per_category[case["category"]]
        tally[0] += int(passed)
        tally[1] += 1
        if not passed:
            failures.append({**case, "got": got})
    passed_total = sum(p for p, _ in per_category.values())
    return {
        "passed": passed_total,
        "total": len(cases),
        "rate": passed_total / len(cases) if cases else 0.0,
        "categories": {name: {"passed": p, "total": t} for name, (p, t) in per_category.items()},
        "failures": failures,
    }


def _percent(passed: int, total: int) -> str:
    return f"{100 * passed / total:5.1f}%" if total else "    –"


def print_table(ours: dict[str, Any], theirs: dict[str, Any], spacy_name: str) -> None:
    """Print both results as a plain-text table, categories in the cases' order."""
    print(f"Golden Rules ({ours['total']} cases): reader vs {spacy_name}\n")
    width = max(len(name) for name in ours["categories"]) + 2
    print(f"{'category':<{width}} {'cases':>5}  {'reader':>13}  {'spaCy':>13}")
    for name, tally in ours["categories"].items():
        other = theirs["categories"][name]
        print(
            f"{name:<{width}} {tally['total']:>5}  "
            f"{tally['passed']:>3} {_percent(tally['passed'], tally['total'])}   "
            f"{other['passed']:>3} {_percent(other['passed'], other['total'])}"
        )
    print(
        f"{'overall':<{width}} {ours['total']:>5}  "
        f"{ours['passed']:>3} {_percent(ours['passed'], ours['total'])}   "
        f"{theirs['passed']:>3} {_percent(theirs['passed'], theirs['total'])}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run both segmenters over the cases and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--failures", action="store_true", help="list reader's failed cases")
    parser.add_argument("--model", help="spaCy pipeline to compare with (default: reader's)")
    args = parser.parse_args(argv)

    cases = load_cases()
    ours = score(cases, reader_segmenter())
    spacy_split, spacy_name = spacy_segmenter(args.model)
    theirs = score(cases, spacy_split)
    if args.json:
        result = {
            "cases": len(cases),
            "reader": {k: v for k, v in ours.items() if k != "failures" or args.failures},
            "spacy": {k: v for k, v in theirs.items() if k != "failures"},
            "spacy_model": spacy_name,
        }
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print_table(ours, theirs, spacy_name)
    if args.failures:
        for failure in ours["failures"]:
            print(f"\n#{failure['id']} {failure['category']}: {failure['text']}")
            print(f"  expected: {failure['expected']}")
            print(f"  got:      {failure['got']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
