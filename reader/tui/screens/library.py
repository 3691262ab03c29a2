"""The library: one row per article of a folder, with the analyst's progress on each.

Files are read, and entities found for the articles not yet in the cache, in a thread:
rows appear as files load, and a progress bar shows the analysis, which never blocks the
list. Typing filters the rows; ctrl+s cycles the sort column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Input, Label, ProgressBar

from reader.analysis import Analysis, split_article
from reader.article import Article
from reader.entities import Entity
from reader.errors import ReaderError
from reader.loaders import find_article_files, load_articles
from reader.loaders.notices import collect_warnings
from reader.safe_text import visible
from reader.tui.commands import LIBRARY_COMMANDS, bindings
from reader.tui.screens.base import ReaderScreen
from reader.tui.services import Services
from reader.tui.widgets.status import progress_bar

SORT_KEYS = ("title", "date", "source", "sentences", "progress")
COLUMNS = ("Title", "Date", "Source", "Sent.", "Tagged", "Ent.")
# Widths of the columns after the title, which takes what is left (80 columns leave it 27).
WIDTHS = {"Date": 10, "Source": 10, "Sent.": 5, "Tagged": 11, "Ent.": 4}
BAR = 4


@dataclass
class Entry:
    """One row: an article (or a file that would not load) and what is known of it."""

    path: str
    article: Article | None = None
    error: str = ""
    sentences: int = 0
    tagged: int = 0
    entities: str = "…"
    number: int = field(default=0)

    @property
    def title(self) -> str:
        """The headline, else the file name."""
        if self.article is not None and self.article.title:
            return self.article.title
        return Path(self.path.split("#", 1)[0]).name

    @property
    def date(self) -> str:
        """The publication date, if known."""
        return (self.article.date or "") if self.article else ""

    @property
    def source(self) -> str:
        """Where it was published: the source field, else the byline."""
        if self.article is None:
            return ""
        return str(self.article.metadata.get("source") or self.article.byline or "")

    def sort_key(self, column: str) -> tuple[object, ...]:
        """The value to sort on for ``column`` (a name of :data:`SORT_KEYS`)."""
        if column == "sentences":
            return (self.sentences,)
        if column == "progress":
            return (self.tagged / self.sentences if self.sentences else -1.0, self.tagged)
        return (str(getattr(self, column)).casefold(), self.title.casefold())

    def matches(self, words: Sequence[str]) -> bool:
        """Whether every word of the filter is in the title, date, source or file name."""
        name = Path(self.path.split("#", 1)[0]).name
        haystack = f"{self.title} {self.date} {self.source} {name}".casefold()
        return all(word in haystack for word in words)


def named(entities: Iterable[Entity]) -> int:
    """How many people, organisations and places there are (the column ``Ent.``)."""
    return sum(1 for entity in entities if entity.kind != "other")


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
        """Files were read (posted from the loading thread): the entries so far."""

        entries: list[Entry]
        final: bool = True

    @dataclass
    class Analysed(Message):
        """An article's entities were found (or could not be)."""

        number: int
        entities: str
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
        self.sort_column = "title"
        self.sort_reverse = False
        self._title_width = 0

    def compose(self) -> ComposeResult:
        """The filter, the table, the analysis progress and the footer."""
        yield Input(placeholder="Type to filter · ↑↓ move · Enter opens", id="library-filter")
        table: DataTable[Text | str] = DataTable(
            id="library-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        with Horizontal(id="library-progress"):
            yield Label("Finding entities", id="library-progress-label")
            yield ProgressBar(total=None, show_eta=False, id="library-progress-bar")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the table and start reading the files."""
        self.sub_title = visible(str(self.target))
        self._fit_columns()
        self.query_one("#library-filter", Input).focus()
        self._load()

    # -- loading and analysis, in a thread ---------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="library")
    def _load(self) -> None:
        store, annotator = self.services.store, self.services.annotator
        entries: list[Entry] = []
        warnings: list[str] = []
        # Rows are shown as files load: the first screenful at once, then in batches that
        # double, so that showing them costs as much again as showing them once at the end.
        shown_at = 50
        for path, loaded in self._sources(warnings):
            if len(entries) >= shown_at:
                self.post_message(self.Loaded(list(entries), final=False))
                shown_at *= 2
            if isinstance(loaded, str):
                entries.append(Entry(path, error=loaded, entities="", number=len(entries)))
                continue
            for article in loaded:
                # A finished analysis in the cache has the counts: no splitting, no rules.
                cached = self.services.finder.finished(article)
                sentences = len(split_article(article)) if cached is None else cached.sentences
                entities = "…" if cached is None else str(named(cached.entities))
                try:
                    tagged = len(store.annotations(article.id, annotator))
                except ReaderError:
                    tagged = 0
                entries.append(
                    Entry(article.path, article, "", sentences, tagged, entities, len(entries))
                )
        if warnings:
            self.post_message(self.FilesSkipped(warnings))
        self.post_message(self.Loaded(entries))
        todo = [e for e in entries if e.article is not None and e.entities == "…"]
        done = 0

        def analysed(position: int, result: Analysis | ReaderError) -> None:
            nonlocal done
            if isinstance(result, ReaderError):
                entities = "⚠ " + result.message
            else:
                entities = str(named(result.entities))
            done += 1
            self.post_message(self.Analysed(todo[position].number, entities, done, len(todo)))

        self.services.finder.find_each([e.article for e in todo if e.article], analysed)

    def _sources(self, warnings: list[str]) -> Iterator[tuple[str, list[Article] | str]]:
        """Each file's path and its articles (or why it would not load), as it is read."""
        if self.preloaded is not None:
            yield from ((a.path, [a]) for a in self.preloaded)
            return
        for file in find_article_files(self.target):
            try:
                with collect_warnings() as found:
                    articles = load_articles(file)
                warnings += [str(warning) for warning in found]
                yield str(file), articles
            except ReaderError as error:
                yield str(file), error.message

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.entries = message.entries
        self.refresh_rows()
        if message.final and not any(e.article and e.entities == "…" for e in self.entries):
            self.query_one("#library-progress").display = False

    @on(Analysed)
    def _analysed(self, message: Analysed) -> None:
        entry = self.entries[message.number]
        entry.entities = message.entities
        table = self.query_one(DataTable)
        key = str(entry.number)
        if key in table.rows:
            table.update_cell(key, "Ent.", Text(visible(entry.entities), overflow="ellipsis"))
        bar = self.query_one(ProgressBar)
        bar.update(total=message.total, progress=message.done)
        self.query_one("#library-progress-label", Label).update(
            f"Finding entities {message.done}/{message.total}"
        )
        if message.done >= message.total:
            self.query_one("#library-progress").display = False

    # -- the table -------------------------------------------------------------------

    def on_resize(self) -> None:
        """Give the title what the other columns leave."""
        self._fit_columns()

    def _fit_columns(self) -> None:
        # Each cell has one cell of padding either side; two more for the scroll bar.
        others = sum(WIDTHS.values()) + 2 * len(COLUMNS) + 2
        width = max(self.size.width - others, 12)
        if width == self._title_width:
            return
        self._title_width = width
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for column in COLUMNS:
            table.add_column(column, key=column, width=WIDTHS.get(column, width))
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Fill the table with the entries that match the filter, sorted."""
        table = self.query_one(DataTable)
        selected = self.selected
        words = self.query_one("#library-filter", Input).value.casefold().split()
        shown = [e for e in self.entries if e.matches(words)]
        shown.sort(key=lambda e: e.sort_key(self.sort_column), reverse=self.sort_reverse)
        table.clear()
        for entry in shown:
            table.add_row(*self._cells(entry), key=str(entry.number))
        if selected is not None and str(selected.number) in table.rows:
            table.move_cursor(row=table.get_row_index(str(selected.number)))
        arrow = "▼" if self.sort_reverse else "▲"
        for column, name in zip(COLUMNS, (*SORT_KEYS, ""), strict=True):
            label = f"{column} {arrow}" if name == self.sort_column else column
            table.columns[column].label = Text(label)  # type: ignore[index]
        table.refresh()

    @staticmethod
    def _cells(entry: Entry) -> list[Text]:
        if entry.error:
            return [
                Text(visible(entry.title), style="dim"),
                Text(""),
                Text(visible(entry.error), style="italic", overflow="ellipsis"),
                Text(""),
                Text(""),
                Text(""),
            ]
        bar = progress_bar(entry.tagged, entry.sentences, BAR)
        done = f"{bar} {entry.tagged}/{entry.sentences}"
        return [
            Text(visible(entry.title), overflow="ellipsis", no_wrap=True),
            Text(visible(entry.date)),
            Text(visible(entry.source), overflow="ellipsis", no_wrap=True),
            Text(str(entry.sentences), justify="right"),
            Text(done),
            Text(visible(entry.entities), overflow="ellipsis"),  # as _analysed updates it
        ]

    @property
    def selected(self) -> Entry | None:
        """The entry under the table's cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.entries[int(key)] if key is not None else None

    @on(Input.Changed, "#library-filter")
    def _filter(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#library-filter")
    @on(DataTable.RowSelected)
    def _open(self) -> None:
        self.action_open_article()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        index = COLUMNS.index(str(event.column_key.value))
        if index < len(SORT_KEYS):
            column = SORT_KEYS[index]
            self.sort_reverse = not self.sort_reverse if column == self.sort_column else False
            self.sort_column = column
            self.refresh_rows()

    def action_open_article(self) -> None:
        """Open the highlighted article."""
        entry = self.selected
        if entry is None:
            return
        if entry.article is None:
            self.notify(visible(entry.error), severity="error", markup=False)
            return
        self.post_message(self.ArticleChosen(entry.article))

    def on_screen_resume(self) -> None:
        """Back from an article: its progress may have changed."""
        store, annotator = self.services.store, self.services.annotator
        for entry in self.entries:
            if entry.article is not None:
                try:
                    entry.tagged = len(store.annotations(entry.article.id, annotator))
                except ReaderError:
                    continue  # the count on screen stays; the next save will say more
        if self.entries:
            self.refresh_rows()
        self.query_one("#library-filter", Input).focus()

    def action_cursor_down(self) -> None:
        """Next row."""
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.query_one(DataTable).action_cursor_up()

    def action_page_down(self) -> None:
        """A page down."""
        self.query_one(DataTable).action_page_down()

    def action_page_up(self) -> None:
        """A page up."""
        self.query_one(DataTable).action_page_up()

    def action_cycle_sort(self) -> None:
        """Sort by the next column."""
        position = SORT_KEYS.index(self.sort_column)
        self.sort_column = SORT_KEYS[(position + 1) % len(SORT_KEYS)]
        self.sort_reverse = False
        self.refresh_rows()
        self.notify(f"Sorted by {self.sort_column}.", timeout=2, markup=False)

    def action_reverse_sort(self) -> None:
        """Reverse the order."""
        self.sort_reverse = not self.sort_reverse
        self.refresh_rows()

    def action_clear_filter(self) -> None:
        """Clear the filter."""
        self.query_one("#library-filter", Input).value = ""
