"""The development set: articles written in the style of real news, with hand-counted gold.

``tests/data/dev/articles/`` holds the articles (scraped pages, wire copy, Markdown, HTML,
plain text, from many regions and beats) and ``tests/data/dev/gold/`` one JSON file per
article with its people, organisations and quote sentences (see ``docs/benchmarks.md``).
The benchmarks ``bench/entities.py`` and ``bench/attribution.py`` read it through here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


@dataclass(frozen=True)
class GoldEntity:
    """A person or organisation: its canonical name and the other forms the article uses."""

    name: str
    forms: tuple[str, ...]

    def names(self) -> set[str]:
        """Every form, case-folded, the canonical name included."""
        return {form.casefold() for form in (self.name, *self.forms)}


@dataclass(frozen=True)
class GoldQuote:
    """A sentence that quotes or reports speech, found by a substring, and its speaker."""

    sentence: str
    speaker: str | None
    types: tuple[str, ...]


@dataclass(frozen=True)
class DevArticle:
    """One article of the development set with its gold."""

    path: Path
    region: str
    beat: str
    format: str
    people: tuple[GoldEntity, ...]
    organisations: tuple[GoldEntity, ...]
    not_entities: tuple[str, ...]
    quotes: tuple[GoldQuote, ...]


def _entities(rows: list[dict[str, Any]]) -> tuple[GoldEntity, ...]:
    return tuple(GoldEntity(row["name"], tuple(row.get("forms", ()))) for row in rows)


def load_devset(root: Path = DEV) -> list[DevArticle]:
    """Every article of the set that has a gold file, in name order."""
    found = []
    for gold_path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        types = gold.get("type")
        found.append(
            DevArticle(
                path=root / "articles" / gold["article"],
                region=gold.get("region", ""),
                beat=gold.get("beat", ""),
                format=gold.get("format", ""),
                people=_entities(gold.get("people", [])),
                organisations=_entities(gold.get("organisations", [])),
                not_entities=tuple(gold.get("not_entities", [])),
                quotes=tuple(
                    GoldQuote(
                        row["sentence"],
                        row.get("speaker"),
                        tuple(row.get("type", types or ())),
                    )
                    for row in gold.get("quotes", [])
                ),
            )
        )
    return found
