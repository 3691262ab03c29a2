"""Who said what: quote sentences and their speakers on the development set, next to a
naive rule, in one run.

Each article of ``tests/data/dev/`` (see :mod:`devset`) is analysed by the real pipeline
(``reader.analysis.Analyser``, spaCy included, in a fresh cache folder unless ``--cache``
names one). Each gold quote is found by its substring (white space collapsed, curly quotes
straightened) and becomes the sentence that contains its start. Only body sentences count.

Figures, for reader's rules and for the naive rule:

- **precision / recall / F1** of quote sentences: a sentence suggested as ``quote`` is
  right when a gold quote falls in it;
- **speaker accuracy**: over gold quotes with a named speaker whose sentence was
  suggested, the share whose suggested speaker matches. A suggested name matches when,
  case-folded, it equals the gold name or one of the gold entity's forms, or when one of
  the suggested entity's mentions does (so "Hayali" for "Irfan Al Hayali" counts only if
  the gold lists that form or the entity's mentions include the gold name). Entity
  boundaries are the entity rules' business, not attribution's: the main figure also
  accepts a name that is a whole-word prefix or suffix of the gold name or the other way
  round (a title left off, "Faisal bin Jassim al-Mahmoud" for "Sheikh Faisal bin Jassim
  al-Mahmoud", or a tail left on, "World Health Organization (WHO"); **strict** speaker
  accuracy, without that allowance, is printed beside it;
- **unnamed**: over found gold quotes with no named speaker, the share suggested with none;
- the same per gold ``type`` (``pronoun``, ``apposition``, ``continuation``, ...).

The naive rule: a body sentence with a double quotation mark or guillemet, or a form of
"say", is a quote; its speaker is the last PERSON entity mentioned in it (none if none).

Usage::

    python bench/attribution.py              # a table
    python bench/attribution.py --json       # one JSON object
    python bench/attribution.py --failures   # also list reader's misses and wrong speakers
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import DEV, DevArticle, GoldQuote, load_devset  # noqa: E402

from reader.analysis import Analyser, Analysis  # noqa: E402
from reader.cache import AnalysisCache  # noqa: E402
from reader.loaders import load_articles  # noqa: E402

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_NAIVE_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb]')

#: A method's answer for one article: sentence index -> speaker name (or None).
Predict = Callable[[Analysis], dict[int, str | None]]


def ours(analysis: Analysis) -> dict[int, str | None]:
    """reader's suggestions."""
    return {s.sentence: s.speaker for s in analysis.suggestions if s.label == "quote"}


def naive(analysis: Analysis) -> dict[int, str | None]:
    """Quotation marks or "say" -> quote; the last PERSON named in it -> speaker."""
    found: dict[int, str | None] = {}
    people = sorted(
        (m.start, m.end, e.name)
        for e in analysis.entities
        if e.label == "PERSON"
        for m in e.mentions
    )
    for sentence in analysis.sentences:
        if sentence.block != "paragraph":
            continue
        says = any(
            analysis.parse.tokens[i].lemma.lower() == "say"
            for i in analysis.parse.between(sentence.start, sentence.end)
        )
        if not (says or _NAIVE_MARKS.search(sentence.text)):
            continue
        named = [name for s, e, name in people if sentence.start <= s and e <= sentence.end]
        found[sentence.index] = named[-1] if named else None
    return found


def _normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with white space collapsed and quotes straightened, and each character's
    offset in the original."""
    out: list[str] = []
    where: list[int] = []
    for offset, char in enumerate(text.translate(_QUOTES)):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        where.append(offset)
    return "".join(out), where


def gold_sentences(analysis: Analysis, quotes: Sequence[GoldQuote]) -> list[int | None]:
    """The index of the sentence each gold quote falls in (``None`` if not found)."""
    flat, where = _normalise(analysis.article.text)
    found: list[int | None] = []
    for quote in quotes:
        needle, _ = _normalise(quote.sentence.strip())
        at = flat.find(needle)
        index = None
        if at >= 0:
            offset = where[at]
            index = next((s.index for s in analysis.sentences if s.start <= offset < s.end), None)
        found.append(index)
    return found


def matches(
    name: str | None,
    quote: GoldQuote,
    article: DevArticle,
    analysis: Analysis,
    *,
    strict: bool = False,
) -> bool:
    """Whether a suggested speaker is the gold one (see the module's docstring)."""
    if name is None or quote.speaker is None:
        return name is None and quote.speaker is None
    gold = {quote.speaker.casefold()}
    for entity in (*article.people, *article.organisations):
        if entity.name == quote.speaker:
            gold |= entity.names()
    if name.casefold() in gold:
        return True
    for entity in analysis.entities:
        if entity.name == name and any(m.text.casefold() in gold for m in entity.mentions):
            return True
    if strict:
        return False
    ours_ = name.casefold()
    return any(_affix(ours_, form) or _affix(form, ours_) for form in gold)


def _affix(short: str, long: str) -> bool:
    """Whether ``short`` is a whole-word prefix or suffix of ``long``."""
    return long.startswith(short + " ") or long.endswith(" " + short)


@dataclass
class Tally:
    """Counts for one method."""

    predicted: int = 0
    gold: int = 0
    hits: int = 0
    named: int = 0
    named_right: int = 0
    named_strict: int = 0
    unnamed: int = 0
    unnamed_right: int = 0
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    failures: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        precision = self.hits / self.predicted if self.predicted else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "speaker_accuracy": round(self.named_right / self.named, 3) if self.named else 0.0,
            "speaker_accuracy_strict": (
                round(self.named_strict / self.named, 3) if self.named else 0.0
            ),
            "speakers_named": self.named,
            "unnamed_right": round(self.unnamed_right / self.unnamed, 3) if self.unnamed else 0.0,
            "predicted": self.predicted,
            "gold_sentences": self.gold,
            "by_type": {
                kind: {
                    "gold": n,
                    "recall": round(found / n, 3) if n else 0.0,
                    "speaker_accuracy": round(right / named, 3) if named else None,
                }
                for kind, (n, found, named, right) in sorted(self.by_type.items())
            },
        }


def score(
    pairs: Sequence[tuple[DevArticle, Analysis]], predict: Predict, *, failures: bool = False
) -> Tally:
    """Score one method over the analysed articles."""
    tally = Tally()
    for article, analysis in pairs:
        predicted = predict(analysis)
        located = gold_sentences(analysis, article.quotes)
        gold_indices = {index for index in located if index is not None}
        tally.predicted += len(predicted)
        tally.gold += len(gold_indices)
        tally.hits += len(gold_indices & predicted.keys())
        name = article.path.name
        for index in sorted(predicted.keys() - gold_indices):
            tally.failures.append(f"{name}: extra: {analysis.sentences[index].text}")
        for quote, index in zip(article.quotes, located, strict=True):
            if index is None:
                tally.failures.append(f"{name}: gold not located: {quote.sentence}")
                continue
            found = index in predicted
            right = found and matches(predicted[index], quote, article, analysis)
            for kind in quote.types or ("untyped",):
                row = tally.by_type[kind]
                row[0] += 1
                row[1] += found
                if found and quote.speaker is not None:
                    row[2] += 1
                    row[3] += right
            if not found:
                tally.failures.append(f"{name}: missed: {analysis.sentences[index].text}")
            elif quote.speaker is None:
                tally.unnamed += 1
                tally.unnamed_right += right
                if not right:
                    tally.failures.append(
                        f"{name}: speaker {predicted[index]!r} for unnamed "
                        f"{quote.types}: {analysis.sentences[index].text}"
                    )
            else:
                tally.named += 1
                tally.named_right += right
                tally.named_strict += matches(
                    predicted[index], quote, article, analysis, strict=True
                )
                if not right:
                    tally.failures.append(
                        f"{name}: speaker {predicted[index]!r} not {quote.speaker!r} "
                        f"{quote.types}: {analysis.sentences[index].text}"
                    )
    if not failures:
        tally.failures.clear()
    return tally


def analyse(devset: Sequence[DevArticle], cache: Path) -> list[tuple[DevArticle, Analysis]]:
    """Analyse every article of the set with the real pipeline."""
    analyser = Analyser(cache=AnalysisCache(cache))
    articles = [load_articles(article.path)[0] for article in devset]
    return list(zip(devset, analyser.analyse_many(articles), strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--failures", action="store_true", help="list reader's errors")
    parser.add_argument("--cache", type=Path, help="analysis cache folder (default: a fresh one)")
    parser.add_argument(
        "--dev", type=Path, default=DEV, help="the set's folder (tests/data/holdout: held out)"
    )
    args = parser.parse_args(argv)
    devset = load_devset(args.dev)
    if not devset:
        print(f"no articles with gold found in {args.dev}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as fresh:
        pairs = analyse(devset, args.cache or Path(fresh))
    results = {
        "reader": score(pairs, ours, failures=args.failures),
        "naive": score(pairs, naive),
    }
    report = {
        "articles": len(pairs),
        "gold_quotes": sum(len(article.quotes) for article in devset),
        **{method: tally.figures() for method, tally in results.items()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print_table(report)
    if args.failures:
        print("\nreader's errors:")
        for line in results["reader"].failures:
            print("  " + line)
    return 0


def _print_table(report: dict[str, Any]) -> None:
    ours_, naive_ = report["reader"], report["naive"]
    print(
        f"Attribution on {report['articles']} dev articles, "
        f"{report['gold_quotes']} gold quotes ({ours_['gold_sentences']} sentences)\n"
    )
    print(f"{'':24}{'reader':>10}{'naive':>10}")
    for key, label in (
        ("precision", "quote precision"),
        ("recall", "quote recall"),
        ("f1", "quote F1"),
        ("speaker_accuracy", "speaker accuracy"),
        ("speaker_accuracy_strict", "  strict names"),
        ("unnamed_right", "unnamed kept unnamed"),
        ("predicted", "sentences suggested"),
    ):
        print(f"{label:24}{ours_[key]:>10}{naive_[key]:>10}")
    print(f"\n{'type':16}{'gold':>6}{'recall':>10}{'naive':>8}{'speaker':>10}{'naive':>8}")
    for kind, row in ours_["by_type"].items():
        other = naive_["by_type"][kind]

        def show(value: float | None) -> str:
            return "-" if value is None else f"{value:.2f}"

        print(
            f"{kind:16}{row['gold']:>6}{show(row['recall']):>10}{show(other['recall']):>8}"
            f"{show(row['speaker_accuracy']):>10}{show(other['speaker_accuracy']):>8}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
