"""The library's rows without the widgets: one :class:`Entry` per article, and the
:class:`RowOrder` that filters and sorts them.

Filtering and sorting are list operations on row numbers, never a rebuild of anything drawn:
the library widget draws only the rows on screen, looked up through :attr:`RowOrder.shown`.
Each entry keeps its filter text and sort keys, worked out once, so a filter letter over
10,000 articles is one pass of substring tests, and a letter that narrows the filter tests
only the rows that matched before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.article import Article
from reader.entities import Entity
from reader.records import Annotation
from reader.stats import agreement_summary

#: The sortable columns, in the order ctrl+s cycles through them.
SORT_KEYS = ("title", "date", "source", "sentences", "progress", "entities")


def tail(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells from the left (``…AFP``): a source's agency is at
    its end."""
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def file_name(path: str) -> str:
    """The file name of an article's path (a corpus line's ``FILE#LINE`` gives ``FILE``'s)."""
    # os.path, not Path: this runs for each of 10,000 rows as a library opens.
    return os.path.basename(path.split("#", 1)[0])


def source_of(article: Article) -> str:
    """Where an article was published: its source field, else its byline."""
    return str(article.metadata.get("source") or article.byline or "")


def named(entities: Iterable[Entity]) -> int:
    """How many people, organisations and places there are (the column ``Ent.``)."""
    return sum(1 for entity in entities if entity.kind != "other")


def alpha_of(article_id: str, tags: Sequence[Annotation], sentences: int) -> float | None:
    """Krippendorff's alpha of the article's annotators, if two or more tagged it."""
    by: dict[str, dict[int, str]] = {}
    for tag in tags:
        if 0 <= tag.sentence < sentences:
            by.setdefault(tag.annotator, {})[tag.sentence] = tag.label
    if len(by) < 2:
        return None
    found = agreement_summary({article_id: by}, {article_id: sentences})
    return None if found is None else found.alpha


@dataclass
class Entry:
    """One row: an article (or a file that would not load) and what is known of it.

    An entry read from the library's index (:mod:`reader.reading.library_index`) has no
    :attr:`article` until it is opened: its title, date and source are kept as text.
    """

    path: str
    article: Article | None = None
    #: Where a corpus's article starts in its file: opening it reads that line alone.
    offset: int | None = None
    error: str = ""
    sentences: int = 0
    #: The analyst's tagged body sentences; ``None`` until the store has been read.
    tagged: int | None = None
    entities: str = "…"
    number: int = field(default=0)
    #: The body's sentences (progress counts them, not the title, byline or caption).
    body: frozenset[int] = frozenset()
    #: Krippendorff's alpha where two or more annotators tagged the article (else None).
    alpha: float | None = None
    article_id: str = ""
    title_text: str = ""
    date: str = ""
    source: str = ""
    #: What the filter searches: title, date, source and file name, casefolded.
    haystack: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        article = self.article
        if article is not None:
            self.article_id = self.article_id or article.id
            self.title_text = self.title_text or (article.title or "")
            self.date = self.date or (article.date or "")
            self.source = self.source or source_of(article)
        self.haystack = f"{self.title} {self.date} {self.source} {file_name(self.path)}".casefold()

    @property
    def title(self) -> str:
        """The headline, else the file name."""
        return self.title_text or file_name(self.path)

    @property
    def loads(self) -> bool:
        """Whether this row is an article (not a file that would not load)."""
        return not self.error

    @property
    def progress(self) -> tuple[int, int]:
        """``(tagged, body sentences)``; nothing tagged while the store is being read."""
        return self.tagged or 0, len(self.body)

    def count_tags(self, mine: Iterable[Annotation]) -> None:
        """Set :attr:`tagged` from the analyst's annotations of this article."""
        self.tagged = len({a.sentence for a in mine} & self.body)

    def sort_key(self, column: str) -> tuple[object, ...]:
        """The value to sort on for ``column`` (a name of :data:`SORT_KEYS`)."""
        if column == "sentences":
            return (self.sentences,)
        if column == "progress":
            tagged, body = self.progress
            return (tagged / body if body else -1.0, tagged)
        if column == "entities":
            return (int(self.entities) if self.entities.isdigit() else -1, self.title.casefold())
        return (str(getattr(self, column)).casefold(), self.title.casefold())

    def matches(self, words: Sequence[str]) -> bool:
        """Whether every word of the filter is in the title, date, source or file name."""
        return all(word in self.haystack for word in words)


class RowOrder:
    """Which entries are shown, in which order: the filter and the sort over row numbers.

    Args:
        entries: The entries, indexed by their :attr:`Entry.number` (shared, not copied:
            the screen appends to it as files load).
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.column = "title"
        self.reverse = False
        self.query = ""
        #: Every entry's number, in the sort order.
        self._sorted: list[int] = []
        #: The numbers of the entries shown: those of :attr:`_sorted` that match the filter.
        self.shown: list[int] = []

    @property
    def words(self) -> list[str]:
        """The filter's words, casefolded."""
        return self.query.casefold().split()

    def resort(self) -> None:
        """Sort every entry again (new entries, a new column, changed counts) and filter."""
        column, entries = self.column, self.entries
        self._sorted = sorted(
            range(len(entries)),
            key=lambda number: entries[number].sort_key(column),
            reverse=self.reverse,
        )
        self.shown = self._matching(self._sorted)

    def sort_by(self, column: str, reverse: bool = False) -> None:
        """Sort on ``column`` (a name of :data:`SORT_KEYS`)."""
        self.column, self.reverse = column, reverse
        self.resort()

    def filter(self, query: str) -> None:
        """Show the entries that match ``query``. A query that only adds to the last one
        can only narrow it, so only the rows shown are tested again."""
        narrower = query.startswith(self.query)
        self.query = query
        self.shown = self._matching(self.shown if narrower else self._sorted)

    def _matching(self, numbers: list[int]) -> list[int]:
        words, entries = self.words, self.entries
        if not words:
            return list(numbers)
        if len(words) == 1:  # the usual case, without a generator per row
            word = words[0]
            return [n for n in numbers if word in entries[n].haystack]
        return [n for n in numbers if entries[n].matches(words)]

    def position_of(self, number: int) -> int | None:
        """Where entry ``number`` is among the rows shown, if it is shown."""
        try:
            return self.shown.index(number)
        except ValueError:
            return None
