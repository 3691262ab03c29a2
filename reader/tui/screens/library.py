"""The library: one row per article of a folder, with the analyst's progress on each.

Rows come from the library's index where a file is unchanged (one file read for the whole
folder on a warm reopen), else from the file; the analyst's tag counts are read from the
store once the rows are on screen, and entities are found for the articles not yet in the
cache: all in a thread, reported in batches, never on the key path. The list draws only
the rows on screen (:class:`~reader.tui.widgets.library_list.LibraryList`), so typing a
filter letter or sorting is a list operation (:class:`~reader.reading.library_rows.RowOrder`)
and a repaint. Typing filters the rows; ctrl+s cycles the sort column. The filter is a
:class:`~reader.tui.widgets.filter_bar.FilterBar`, which never asks for a layout: a letter
reaches the terminal as one frame, its line and the rows it filters.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Label, ProgressBar
from textual.worker import get_current_worker

from reader.analysis import split_article
from reader.article import Article
from reader.entities import Entity
from reader.errors import ReaderError
from reader.reading.corpus_process import FinishedKeys
from reader.reading.library_index import LibraryIndex, index_path
from reader.reading.library_load import (
    RowLoader,
    article_of,
    articles_of,
    tag_counts,
    unloaded,
)
from reader.reading.library_rows import SORT_KEYS, Entry, RowOrder, named
from reader.reading.library_rows import tail as tail
from reader.tui.commands import LIBRARY_COMMANDS, bindings
from reader.tui.display import shown
from reader.tui.screens.base import ReaderScreen
from reader.tui.services import Services
from reader.tui.widgets.filter_bar import FilterBar
from reader.tui.widgets.library_list import COLUMNS, LibraryList

#: How often the loading thread reports counts (a message per article would flood the app).
REPORT_EVERY = 0.1
#: How often the background analysis reports. Each report is a frame (the progress line,
#: the entity counts on screen), and one that comes just after a key's frame makes the
#: analyst's key a second frame long: at ten a second nearly every key had one within
#: 40 ms (bench/library.py counts to a key's last byte); at two a second about one in ten.
PROGRESS_EVERY = 0.5


class LibraryScreen(ReaderScreen):
    """The articles of a folder (or a corpus file).

    Args:
        target: The folder (or corpus file).
        services: The store, the annotator and the entity finder.
        articles: The articles of ``target`` if already loaded (a corpus file).
    """

    COMMAND_LIST = LIBRARY_COMMANDS
    BINDINGS = bindings(LIBRARY_COMMANDS)

    @dataclass
    class Loaded(Message):
        """Files were read (posted from the loading thread): the entries since the last."""

        entries: list[Entry]
        final: bool = True

    @dataclass
    class TagsCounted(Message):
        """The store was read for these articles: ``(number, tagged, alpha)`` each."""

        counts: list[tuple[int, int, float | None]]

    @dataclass
    class Analysed(Message):
        """Articles' entities were found (or could not be): ``(number, count)`` each."""

        found: list[tuple[int, str]]
        done: int
        total: int

    @dataclass
    class ArticleChosen(Message):
        """The analyst chose an article to open."""

        article: Article

    @dataclass
    class FilesSkipped(Message):
        """The loader skipped parts of the folder's files (what, one line each)."""

        warnings: list[str]

    def __init__(
        self, target: Path, services: Services, articles: Sequence[Article] | None = None
    ) -> None:
        super().__init__()
        self.target = target
        self.services = services
        self.preloaded = list(articles) if articles is not None else None
        self.entries: list[Entry] = []
        self.order = RowOrder(self.entries)
        #: The entries opened from here: their tag counts are read again on coming back.
        self._opened: set[int] = set()

    @property
    def sort_column(self) -> str:
        """The column the rows are sorted on (a name of :data:`SORT_KEYS`)."""
        return self.order.column

    @property
    def sort_reverse(self) -> bool:
        """Whether the order is reversed."""
        return self.order.reverse

    def compose(self) -> ComposeResult:
        """The filter, the list, the analysis progress and the footer."""
        placeholder = shown("Type to filter · ↑↓ move · Enter opens · ? help")
        yield FilterBar(self._filter, placeholder=placeholder, id="library-filter")
        yield LibraryList(self.order, id="library-table")
        with Horizontal(id="library-progress"):
            yield Label("Finding entities", id="library-progress-label")
            yield ProgressBar(
                total=None, show_eta=False, show_percentage=False, id="library-progress-bar"
            )
        yield Footer()

    def on_mount(self) -> None:
        """Start reading the files."""
        self.sub_title = shown(str(self.target))
        self.query_one("#library-filter", FilterBar).focus()
        self._load()

    @property
    def table(self) -> LibraryList:
        """The list of rows."""
        return self.query_one(LibraryList)

    # -- loading, tag counts and analysis, in a thread ---------------------------------

    def _stopping(self) -> bool:
        return self.services.finder.closing or get_current_worker().is_cancelled

    @work(thread=True, exclusive=True, exit_on_error=False, group="library")
    def _load(self) -> None:
        finder = self.services.finder
        analyser = finder.analyser
        key = f"{analyser.choice.key}.{analyser.rules_key}" if analyser.use_cache else ""
        index = LibraryIndex(index_path(self.target), key)
        index.load()
        keys = FinishedKeys.of(analyser)
        loader = RowLoader(self.target, index, finder.finished, self.preloaded, keys)
        entries: list[Entry] = []
        # Rows are shown as files load: the first screenful at once, then in batches that
        # double, so that showing them costs as much again as showing them once at the end.
        shown_at, posted = 50, 0
        for entry in loader.entries():
            if self._stopping():
                return
            if len(entries) >= shown_at:
                self.post_message(self.Loaded(entries[posted:], final=False))
                posted, shown_at = len(entries), shown_at * 2
            entries.append(entry)
        if loader.warnings:
            self.post_message(self.FilesSkipped(loader.warnings))
        index.save()
        self.post_message(self.Loaded(entries[posted:]))
        # The rows live as long as the library: moved out of the collector's generations,
        # no full collection walks them again while a key waits. A corpus's rows hold
        # their 10,000 articles, and each full collection took tens of milliseconds of a
        # key's time (bench/library.py, warm Down 68-92 ms before, 3 ms after).
        gc.freeze()
        self._count_tags(entries)
        self._analyse(entries, index)

    def _count_tags(self, entries: Sequence[Entry]) -> None:
        counts: list[tuple[int, int, float | None]] = []
        last = time.monotonic()
        for count in tag_counts(entries, self.services.store, self.services.annotator):
            if self._stopping():
                return
            counts.append(count)
            if time.monotonic() - last > REPORT_EVERY:
                self.post_message(self.TagsCounted(counts))
                counts, last = [], time.monotonic()
        self.post_message(self.TagsCounted(counts))

    def _analyse(self, entries: Sequence[Entry], index: LibraryIndex) -> None:
        todo = articles_of([e for e in entries if e.loads and e.entities == "…"], self._stopping)
        found: list[tuple[int, str]] = []
        done, last = 0, time.monotonic()

        def analysed(position: int, result: Sequence[Entity] | ReaderError) -> None:
            nonlocal done, last, found
            entry = todo[position]
            if isinstance(result, ReaderError):
                found.append((entry.number, "⚠ " + result.message))
            else:
                count = named(result)
                index.counted(entry.article_id, count)
                found.append((entry.number, str(count)))
            done += 1
            if done == len(todo):
                index.save()  # before the last report: the next opening finds the counts
            if done == len(todo) or time.monotonic() - last > PROGRESS_EVERY:
                self.post_message(self.Analysed(found, done, len(todo)))
                found, last = [], time.monotonic()

        sources = [unloaded(e) for e in todo]
        # What the analysis is given lives until it ends: out of the collector's
        # generations too, like the rows (a cold corpus's 10,000 of them made the first
        # full collection of the analysis 17 to 60 ms of a key's time, in-process).
        gc.freeze()
        # Only the count is shown: the finished analysis gives it, without splitting again.
        self.services.finder.entities_each(sources, analysed)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        keep = self.selected
        self.entries.extend(message.entries)
        self.order.resort()
        self.table.rows_changed(keep)
        if message.final and not any(e.loads and e.entities == "…" for e in self.entries):
            self.query_one("#library-progress").display = False

    @on(TagsCounted)
    def _tags_counted(self, message: TagsCounted) -> None:
        entries = self.entries
        for number, tagged, alpha in message.counts:
            entry = entries[number]
            entry.tagged, entry.alpha = tagged, alpha
        self.table.entries_changed(number for number, _, _ in message.counts)

    @on(Analysed)
    def _analysed(self, message: Analysed) -> None:
        entries = self.entries
        for number, entities in message.found:
            entries[number].entities = entities
        self.table.entries_changed(number for number, _ in message.found)
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        # Padded to the width of the last count: a report repaints the label, and lays out
        # the screen only when the total changes (a layout makes a key's frame wait).
        widest = f"Finding entities {message.total}/{message.total}"
        text = f"Finding entities {message.done}/{message.total}".ljust(len(widest))
        label = self.query_one("#library-progress-label", Label)
        label.update(text, layout=len(text) != label.content_size.width)
        if message.done >= message.total:
            self.query_one("#library-progress").display = False

    # -- the rows --------------------------------------------------------------------

    def refresh_rows(self) -> None:
        """Sort and filter the entries again and draw them, the cursor on the same one."""
        keep = self.selected
        self.order.resort()
        self.table.rows_changed(keep)

    @property
    def selected(self) -> Entry | None:
        """The entry under the cursor."""
        return self.table.selected

    def _article(self, entry: Entry) -> Article | None:
        """``entry``'s article (loaded now if it came from the index), or ``None`` and
        the reason shown."""
        try:
            return article_of(entry)
        except ReaderError as error:
            self.notify(shown(error.message), severity="error", markup=False)
            return None

    def neighbour(self, article_id: str, step: int) -> Article | None:
        """The article after (``step`` 1) or before (-1) ``article_id`` in the rows as shown
        (filtered and sorted); the cursor moves to it. ``None`` at either end."""
        rows = self.order.shown
        positions = [p for p, n in enumerate(rows) if self.entries[n].loads]
        ids = [self.entries[rows[p]].article_id for p in positions]
        if article_id not in ids:
            return None
        at = ids.index(article_id) + step
        if not 0 <= at < len(ids):
            return None
        self.table.move_cursor(positions[at])
        entry = self.entries[rows[positions[at]]]
        self._opened.add(entry.number)
        return self._article(entry)

    def _filter(self, value: str) -> None:
        keep = self.selected
        self.order.filter(value)
        self.table.rows_changed(keep)

    @on(LibraryList.RowChosen)
    def _open(self) -> None:
        self.action_open_article()

    @on(LibraryList.HeaderClicked)
    def _header(self, event: LibraryList.HeaderClicked) -> None:
        names = [name for name, _, _ in COLUMNS[1:]]
        if event.column in names:
            column = SORT_KEYS[names.index(event.column)]
            reverse = not self.order.reverse if column == self.order.column else False
            self._sort(column, reverse)

    def _sort(self, column: str, reverse: bool) -> None:
        keep = self.selected
        self.order.sort_by(column, reverse)
        self.table.rows_changed(keep)

    def action_open_article(self) -> None:
        """Open the highlighted article."""
        entry = self.selected
        if entry is None:
            return
        if not entry.loads:
            self.notify(shown(entry.error), severity="error", markup=False)
            return
        article = self._article(entry)
        if article is not None:
            self._opened.add(entry.number)
            self.post_message(self.ArticleChosen(article))

    def on_screen_resume(self) -> None:
        """Back from an article: the progress of those opened from here may have changed
        (one store read each; the others did not change)."""
        opened = [self.entries[n] for n in sorted(self._opened)]
        self._opened.clear()
        for number, tagged, alpha in tag_counts(
            opened, self.services.store, self.services.annotator
        ):
            entry = self.entries[number]
            entry.tagged, entry.alpha = tagged, alpha
        if opened:
            self.table.entries_changed(entry.number for entry in opened)
            self.refresh_rows()
        self.query_one("#library-filter", FilterBar).focus()

    def action_cursor_down(self) -> None:
        """Next row."""
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.table.action_cursor_up()

    def action_page_down(self) -> None:
        """A page down."""
        self.table.action_page_down()

    def action_page_up(self) -> None:
        """A page up."""
        self.table.action_page_up()

    def action_cycle_sort(self) -> None:
        """Sort by the next column."""
        position = SORT_KEYS.index(self.order.column)
        self._sort(SORT_KEYS[(position + 1) % len(SORT_KEYS)], False)
        self.notify(f"Sorted by {self.order.column}.", timeout=2, markup=False)

    def action_reverse_sort(self) -> None:
        """Reverse the order."""
        self._sort(self.order.column, not self.order.reverse)

    def action_open_review(self) -> None:
        """Review mode on the highlighted article: settle where the annotators differ."""
        from reader.tui.screens.review import ReviewScreen  # only when reviewing

        entry = self.selected
        article = self._article(entry) if entry is not None and entry.loads else None
        if article is None:
            if entry is None or not entry.loads:
                self.notify("Choose an article first.", markup=False)
            return
        sentences = split_article(article)
        self.app.push_screen(ReviewScreen(article, sentences, self.services))

    def action_clear_filter(self) -> None:
        """Clear the filter."""
        self.query_one("#library-filter", FilterBar).value = ""
