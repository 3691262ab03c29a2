"""What an article-level export format is: the interface ``reader.export`` registers.

Row formats (``jsonl``, ``csv``) write one record per annotated sentence and need nothing
but the store (see :data:`reader.export.Writer`). The formats here write whole articles:
the text, the entities, the tokens. Each module defines one :class:`ArticleFormat` as
``FORMAT``; it says what each article must come with (:attr:`ArticleFormat.need`) and
where its output goes (a text stream, a binary file, or a folder).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, TextIO

from reader.interchange.sources import ExportArticle, Need, Warn, ignore_warning
from reader.labels import DEFAULT_LABELS, LabelSet

#: What ``--only`` keeps in formats that carry both: sentence labels or entity spans.
Only = Literal["sentences", "entities"]

#: Where a format's output goes: a text stream (stdout or a file), a binary file (``-o``
#: required), or a folder of files (``-o`` required).
Output = Literal["text", "file", "folder"]


@dataclass(frozen=True)
class ExportOptions:
    """Choices that apply to every article-level format.

    Attributes:
        labels: The store's label set (Prodigy's options, brat's entity types).
        only: Only sentence labels or only entity spans (``None``: both), where a format
            carries both.
        warn: Called with one line for each thing left out.
    """

    labels: LabelSet = DEFAULT_LABELS
    only: Only | None = None
    warn: Warn = ignore_warning

    @property
    def sentences(self) -> bool:
        """Whether sentence labels are exported."""
        return self.only != "entities"

    @property
    def entities(self) -> bool:
        """Whether entity spans are exported."""
        return self.only != "sentences"


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote.

    Attributes:
        articles: How many articles it wrote something for.
        annotations: How many sentence annotations it wrote.
    """

    articles: int
    annotations: int


#: Writes the articles to a text stream (``output="text"``) or to a path (``file`` or
#: ``folder``) and says what it wrote.
ArticleWriter = Callable[[Sequence[ExportArticle], TextIO | Path, ExportOptions], ExportSummary]


@dataclass(frozen=True)
class ArticleFormat:
    """An export format that writes whole articles.

    Attributes:
        name: The ``--format`` name.
        description: One line for ``--help`` and the app.
        output: ``text``, ``file`` (binary, ``-o`` required) or ``folder``.
        write: The writer.
        need: What each article must come with (``text`` or ``entities``).
        suffix: The file name ending ``-o`` should have (``.spacy``), if any.
        sentences_need: What the format needs when only sentence labels are exported
            (less than :attr:`need` when only the entities needed the analysis).
        without_text: What the format does with an article whose file cannot be loaded,
            for the one-line warning (``left out``, ``exported without its entities``).
    """

    name: str
    description: str
    output: Output
    write: ArticleWriter
    need: Need = "entities"
    suffix: str = ""
    sentences_need: Need | None = None
    without_text: str = "left out"

    def needs(self, options: ExportOptions) -> Need:
        """What each article must come with, given the options."""
        if not options.entities and self.sentences_need is not None:
            return self.sentences_need
        return self.need


def timestamp(iso: str) -> int:
    """Seconds since the epoch of a store time (``2025-11-28T04:51:07.123Z``); 0 if bad."""
    try:
        return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return 0


def one_line(text: str) -> str:
    """``text`` on one line (notes may hold line breaks; some formats are line-based)."""
    return " ".join(text.split())


def ensure_folder(path: Path) -> Path:
    """Create ``path`` as a folder (and its parents) if needed, and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_stem(item: ExportArticle) -> str:
    """A safe, unique file name stem for an article: ``iran-iraq-vow-...-<id>``.

    Built from the title (else the file name) folded to ASCII, so that no title can
    name a path outside the export folder; the id keeps two articles apart.
    """
    source = item.title or Path(item.path.split("#")[0]).stem
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-")
    return f"{slug}-{item.id}" if slug else item.id
