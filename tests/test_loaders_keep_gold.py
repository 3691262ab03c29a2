"""The loaders never drop body text: every set's gold survives loading.

Each evaluation set (``tests/data/*/gold``) names the people and organisations of its
articles with every surface form, and the quote sentences by a substring. Whatever a
loader takes for page chrome, each quote substring and each form that the raw file writes
in a line of the article (not only in a line shaped like chrome: a menu, a short title-like
line such as another story's headline, a copyright notice; nor only in a Markdown file's
front matter, which is metadata) must be in the loaded text.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

from reader.loaders import load_article
from reader.loaders.chrome import is_edge_chrome, is_headline

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from devset import DevArticle, load_devset  # noqa: E402

SETS = sorted(path.parent for path in DATA.glob("*/gold"))


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def _raw_lines(path: Path) -> list[str]:
    """The file's lines as a reader sees them: an HTML page's without its markup, a
    Markdown file's without its front matter (metadata, not text)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    if path.suffix == ".html":
        raw = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", raw)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return [line.strip() for line in raw.split("\n")]


def _article_lines(lines: list[str]) -> str:
    """The raw text without the lines shaped like chrome, for finding forms in."""
    kept = [line for line in lines if not (is_headline(line) or is_edge_chrome(line))]
    return _norm(" ".join(kept))


def _articles() -> list[DevArticle]:
    return [article for folder in SETS for article in load_devset(folder)]


@pytest.mark.parametrize(
    "dev", _articles(), ids=lambda dev: f"{dev.path.parent.parent.name}/{dev.path.name}"
)
def test_no_gold_form_or_quote_is_lost_in_loading(dev: DevArticle) -> None:
    text = _norm(load_article(dev.path).text)
    lines = _raw_lines(dev.path)
    everything, article = _norm(" ".join(lines)), _article_lines(lines)
    lost = [
        quote.sentence
        for quote in dev.quotes
        if _norm(quote.sentence) in everything and _norm(quote.sentence) not in text
    ]
    for entity in (*dev.people, *dev.organisations):
        lost += [
            form
            for form in (entity.name, *entity.forms)
            if _norm(form) in article and _norm(form) not in text
        ]
    assert not lost


def test_every_set_is_checked() -> None:
    assert len(SETS) >= 17
    assert all(load_devset(folder) for folder in SETS)
