"""People and organisations: reader's entities next to raw spaCy, on the development set.

Each article of ``tests/data/dev`` (see ``bench/devset.py``) is analysed twice in the same
run with the same loaded model:

- **reader**: ``Analyser.analyse`` (spaCy, then consolidation); its entities of label
  ``PERSON`` are the people, ``ORG`` the organisations, one per canonical name.
- **raw spaCy**: the same pipeline's ``doc.ents`` over the same blocks, one item per
  distinct span text of each label, as an analyst would see them listed.

Scoring is per entity, per article. A predicted item is correct when its text (reader: the
canonical name; spaCy: the span text) is the gold name or one of its forms, for the same
kind, both compared case-folded, without a leading "the " or a trailing possessive.
Precision is correct items over predicted items; recall is gold entities matched by at
least one item over gold entities. Several
items matching one gold entity (a name split in two, "Hayali" beside "Irfan Al Hayali")
all count as correct, which favours raw spaCy, not reader.

Usage::

    python bench/entities.py              # the table
    python bench/entities.py --errors     # also list reader's misses and false finds
    python bench/entities.py --json       # one JSON object
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from devset import DEV, DevArticle, GoldEntity, load_devset

from reader.analysis import Analyser, _pieces
from reader.cache import AnalysisCache
from reader.loaders import load_article

KINDS = {"PERSON": "people", "ORG": "organisations"}


@dataclass
class Score:
    """Counts for one system and one kind."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Correct over predicted."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Gold entities found over gold entities."""
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _norm(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", text)
    return " ".join(text.split()).casefold()


def score(
    score_: Score, article: str, predicted: Iterable[str], gold: tuple[GoldEntity, ...]
) -> None:
    """Add one article's predicted names of one kind to ``score_``."""
    names = sorted(set(predicted))
    matched: set[int] = set()
    for name in names:
        hits = [
            i
            for i, entity in enumerate(gold)
            if _norm(name) in {_norm(form) for form in entity.names()}
        ]
        score_.predicted += 1
        if hits:
            score_.correct += 1
            matched.update(hits)
        else:
            score_.false.append(f"{article}: {name}")
    score_.gold += len(gold)
    score_.found += len(matched)
    score_.misses += [f"{article}: {gold[i].name}" for i in range(len(gold)) if i not in matched]


def run(articles: list[DevArticle]) -> dict[str, dict[str, Score]]:
    """Score reader and raw spaCy on every article."""
    with tempfile.TemporaryDirectory() as folder:
        analyser = Analyser(cache=AnalysisCache(Path(folder)))
        nlp = analyser.pipeline
        results = {system: {k: Score() for k in KINDS.values()} for system in ("reader", "spacy")}
        for dev in articles:
            article = load_article(dev.path)
            ours = analyser.analyse(article)
            raw: dict[str, list[str]] = {label: [] for label in KINDS}
            pieces = _pieces(article)
            found = nlp.analyse([text for _, text in pieces])
            for (_, text), (spans, _) in zip(pieces, found, strict=True):
                for start, end, label in spans:
                    if label in KINDS:
                        raw[label].append(text[start:end])
            for label, kind in KINDS.items():
                gold = dev.people if kind == "people" else dev.organisations
                mine = [e.name for e in ours.entities if e.label == label]
                score(results["reader"][kind], dev.path.name, mine, gold)
                score(results["spacy"][kind], dev.path.name, raw[label], gold)
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--dev", type=Path, default=DEV, help="the development set's folder")
    args = parser.parse_args(argv)
    articles = load_devset(args.dev)
    if not articles:
        print("no development articles found", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = run(articles)
    elapsed = time.perf_counter() - started
    if args.json:
        print(
            json.dumps(
                {
                    system: {
                        kind: {
                            "precision": round(s.precision, 3),
                            "recall": round(s.recall, 3),
                            "f1": round(s.f1, 3),
                            "predicted": s.predicted,
                            "gold": s.gold,
                        }
                        for kind, s in kinds.items()
                    }
                    for system, kinds in results.items()
                }
            )
        )
        return 0
    print(f"{len(articles)} articles, {elapsed:.1f} s")
    print(f"{'kind':<15}{'system':<10}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for kind in KINDS.values():
        for system in ("reader", "spacy"):
            s = results[system][kind]
            print(
                f"{kind:<15}{system:<10}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                f"{s.predicted:>7}{s.gold:>7}"
            )
    if args.errors:
        for kind in KINDS.values():
            s = results["reader"][kind]
            print(f"\n{kind}: missed ({len(s.misses)})")
            print("\n".join(f"  {m}" for m in s.misses))
            print(f"{kind}: false ({len(s.false)})")
            print("\n".join(f"  {m}" for m in s.false))
    return 0


if __name__ == "__main__":
    sys.exit(main())
