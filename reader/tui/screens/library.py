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
from textual import events, on, work
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
from reader.reading.session import body_progress
from reader.records import Annotation
from reader.stats import agreement_summary
from reader.tui.commands import LIBRARY_COMMANDS, bindings
from reader.tui.display import ascii_only, shown
from reader.tui.screens.base import ReaderScreen
from reader.tui.services import Services
from reader.tui.widgets.safe_input import SafeInput
from reader.tui.widgets.status import progress_bar

SORT_KEYS = ("title", "date", "source", "sentences", "progress", "entities")
#: The first column marks the selected row with a sign (not by colour alone).
MARK = "mark"
COLUMNS = ("Title", "Date", "Source", "Sent.", "Tagged", "Ent.")
# Widths of the columns beside the title, which takes what is left (80 columns leave it 23).
WIDTHS = {MARK: 1, "Date": 10, "Source": 11, "Sent.": 5, "Tagged": 10, "Ent.": 4}
BAR = 4


def tail(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells from the left (``…AFP``): a source's agency is at
    its end."""
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


class FilterInput(SafeInput):
    """The library's filter: every key types into it but ``?``, which shows the help, as
    the footer says (titles are found without it)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "?":
            event.prevent_default()  # not typed: the help, as the app's binding does
            event.stop()
            await self.run_action("app.help")
            return
        await super()._on_key(event)


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
    #: The body's sentences (progress counts them, not the title, byline or caption).
    body: int = 0
    #: Krippendorff's alpha where two or more annotators tagged the article (else None).
    alpha: float | None = None

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
            return (self.tagged / self.body if self.body else -1.0, self.tagged)
        if column == "entities":
            return (int(self.entities) if self.entities.isdigit() else -1, self.title.casefold())
        return (str(getattr(self, column)).casefold(), self.title.casefold())

    def matches(self, words: Sequence[str]) -> bool:
        """Whether every word of the filter is in the title, date, source or file name."""
        name = Path(self.path.split("#", 1)[0]).name
        haystack = f"{self.title} {self.date} {self.source} {name}".casefold()
        return all(word in haystack for word in words)


def named(entities: Iterable[Entity]) -> int:
    """How many people, organisations and places there are (the column ``Ent.``)."""
    return sum(1 for entity in entities if entity.kind != "other")


def _entities_cell(entry: Entry) -> Text:
    """The entity count's cell, the same whether the count came from the cache when the row
    was made or from the analysis later."""
    return Text(shown(entry.entities), justify="right", overflow="ellipsis")


def _alpha(article_id: str, tags: Sequence[Annotation], sentences: int) -> float | None:
    """Krippendorff's alpha of the article's annotators, if two or more tagged it."""
    by: dict[str, dict[int, str]] = {}
    for tag in tags:
        if 0 <= tag.sentence < sentences:
            by.setdefault(tag.annotator, {})[tag.sentence] = tag.label
    if len(by) < 2:
        return None
    found = agreement_summary({article_id: by}, {article_id: sentences})
    return None if found is None else found.alpha


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
        placeholder = shown("Type to filter · ↑↓ move · Enter opens · ? help")
        yield FilterInput(placeholder=placeholder, id="library-filter")
        table: DataTable[Text | str] = DataTable(
            id="library-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        with Horizontal(id="library-progress"):
            yield Label("Finding entities", id="library-progress-label")
            yield ProgressBar(
                total=None, show_eta=False, show_percentage=False, id="library-progress-bar"
            )
        yield Footer()

    def on_mount(self) -> None:
        """Set up the table and start reading the files."""
        self.sub_title = shown(str(self.target))
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
                try:
                    everyone = store.annotations(article.id)
                except ReaderError:
                    everyone = []
                mine = [a for a in everyone if a.annotator == annotator]
                if cached is None:
                    split = split_article(article)
                    sentences, entities = len(split), "…"
                    tagged, body = body_progress(split, mine)
                else:
                    sentences, entities = cached.sentences, str(named(cached.entities))
                    body = len(cached.body)
                    tagged = len({a.sentence for a in mine} & cached.body)
                entry = Entry(article.path, article, "", sentences, tagged, entities, len(entries))
                entry.body = body
                entry.alpha = _alpha(article.id, everyone, sentences)
                entries.append(entry)
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
            table.update_cell(key, "Ent.", _entities_cell(entry))
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
        others = sum(WIDTHS.values()) + 2 * len(WIDTHS) + 2
        width = max(self.size.width - others, 12)
        if width == self._title_width:
            return
        self._title_width = width
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("", key=MARK, width=WIDTHS[MARK])
        for column in COLUMNS:
            table.add_column(column, key=column, width=WIDTHS.get(column, width))
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Fill the table with the entries that match the filter, sorted."""
        table = self.query_one(DataTable)
        selected = self.selected
        words = self.query_one("#library-filter", Input).value.casefold().split()
        rows = [e for e in self.entries if e.matches(words)]
        rows.sort(key=lambda e: e.sort_key(self.sort_column), reverse=self.sort_reverse)
        table.clear()
        for entry in rows:
            table.add_row(*self._cells(entry), key=str(entry.number))
        if selected is not None and str(selected.number) in table.rows:
            table.move_cursor(row=table.get_row_index(str(selected.number)))
        self._mark_cursor()
        arrow = shown("▼" if self.sort_reverse else "▲")
        for column, name in zip(COLUMNS, SORT_KEYS, strict=True):
            label = f"{column} {arrow}" if name == self.sort_column else column
            table.columns[column].label = Text(label)  # type: ignore[index]
        table.refresh()

    def _mark_cursor(self) -> None:
        table = self.query_one(DataTable)
        marker = shown("▶")
        for index, key in enumerate(table.rows):
            mark = marker if index == table.cursor_row else " "
            if table.get_cell(key, MARK) != mark:
                table.update_cell(key, MARK, mark)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._mark_cursor()

    @staticmethod
    def _cells(entry: Entry) -> list[Text | str]:
        if entry.error:
            # The reason first (the path is in the file name, after it).
            name = Path(entry.path.split("#", 1)[0]).name
            reason = entry.error.replace(shown(entry.path), "").strip(" :") or entry.error
            return [
                " ",
                Text.assemble(
                    ("⚠ " if not ascii_only() else "! ", "bold"),
                    (shown(reason), "italic"),
                    " · ",
                    shown(name),
                    no_wrap=True,
                    overflow="ellipsis",
                ),
                Text(""),
                Text(""),
                Text(""),
                Text(""),
                Text(""),
            ]
        if entry.alpha is not None:
            # Several annotators: how far they agree takes the bar's place.
            alpha = f"{entry.alpha:.2f}".replace("0.", ".", 1)  # "α.82" fits the column
            done = f"{entry.tagged}/{entry.body} α{alpha}"
        else:
            done = f"{progress_bar(entry.tagged, entry.body, BAR)} {entry.tagged}/{entry.body}"
        return [
            " ",
            Text(shown(entry.title), overflow="ellipsis", no_wrap=True),
            Text(shown(entry.date)),
            Text(shown(tail(entry.source, WIDTHS["Source"])), no_wrap=True),
            Text(str(entry.sentences), justify="right"),
            Text(done),
            _entities_cell(entry),
        ]

    @property
    def selected(self) -> Entry | None:
        """The entry under the table's cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.entries[int(key)] if key is not None else None

    def neighbour(self, article_id: str, step: int) -> Article | None:
        """The article after (``step`` 1) or before (-1) ``article_id`` in the rows as shown
        (filtered and sorted); the table's cursor moves to it. ``None`` at either end."""
        table = self.query_one(DataTable)
        keys = [str(row.value) for row in table.rows]
        loaded = [k for k in keys if self.entries[int(k)].article is not None]
        ids = [self.entries[int(k)].article.id for k in loaded]  # type: ignore[union-attr]
        if article_id not in ids:
            return None
        position = ids.index(article_id) + step
        if not 0 <= position < len(ids):
            return None
        table.move_cursor(row=keys.index(loaded[position]))
        return self.entries[int(loaded[position])].article

    @on(Input.Changed, "#library-filter")
    def _filter(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#library-filter")
    @on(DataTable.RowSelected)
    def _open(self) -> None:
        self.action_open_article()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        name = str(event.column_key.value)
        if name in COLUMNS:
            index = COLUMNS.index(name)
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
            self.notify(shown(entry.error), severity="error", markup=False)
            return
        self.post_message(self.ArticleChosen(entry.article))

    def on_screen_resume(self) -> None:
        """Back from an article: its progress may have changed."""
        store, annotator = self.services.store, self.services.annotator
        for entry in self.entries:
            if entry.article is not None:
                try:
                    annotations = store.annotations(entry.article.id, annotator)
                    entry.tagged, entry.body = body_progress(
                        split_article(entry.article), annotations
                    )
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

    def action_open_review(self) -> None:
        """Review mode on the highlighted article: settle where the annotators differ."""
        from reader.tui.screens.review import ReviewScreen  # only when reviewing

        entry = self.selected
        if entry is None or entry.article is None:
            self.notify("Choose an article first.", markup=False)
            return
        sentences = split_article(entry.article)
        self.app.push_screen(ReviewScreen(entry.article, sentences, self.services))

    def action_clear_filter(self) -> None:
        """Clear the filter."""
        self.query_one("#library-filter", Input).value = ""
