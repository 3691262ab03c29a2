"""The reading screen: one article, its entities beside it, tagged one key per sentence.

It is built in layers, each a screen class of its own module: the entities and what is
sought in the article (search, entity, filter),
:class:`~reader.tui.screens.finding.FindingScreen`; moving, tagging, undo, notes, speakers
and whose tags are shown,
:class:`~reader.tui.screens.tagging.TaggingScreen`; the suggestions,
:class:`~reader.tui.screens.suggesting.SuggestingScreen`. This module composes the widgets
and adds the status line, the reading position, the label filter, export and the moves
between articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer

from reader.article import Article
from reader.config import data_dir
from reader.errors import ReaderError
from reader.loaders import stored_path
from reader.reading.session import TaggingSession
from reader.tui.commands import (
    APP_COMMANDS,
    READING_COMMANDS,
    Command,
    bindings,
    label_commands,
    reserved_keys,
)
from reader.tui.display import shown
from reader.tui.keys import add_first
from reader.tui.screens.suggesting import SuggestingScreen
from reader.tui.services import Services
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.status import Legend, StatusLine, sentence_info, status_text

if TYPE_CHECKING:
    from reader.reanchor import Reanchoring

#: Seconds without moving before the reading position is written to the store.
POSITION_DELAY = 2.0
# Keys Textual or the app use on every screen; a label key must not take them.
_ALWAYS_RESERVED = {"tab", "shift+tab", "ctrl+p", "ctrl+q", "ctrl+c", "enter"}


def export_folder() -> Path:
    """Where an export from the app goes by default: ``exports/`` in reader's data folder
    (never the folder the app happened to be started from)."""
    return data_dir() / "exports"


def dateline(article: Article) -> str:
    """``2017-07-24 · AFP · file.txt``: the date, the source and where the article is from."""
    source = article.metadata.get("source") or article.byline or ""
    name = article.path.rsplit("/", 1)[-1]
    return " · ".join(str(part) for part in (article.date, source, name) if part)


class ReadingScreen(SuggestingScreen):
    """Read and tag one article.

    Args:
        article: The article.
        services: The store, the annotator, the labels and the entity finder.
        from_library: Opened from the library (escape goes back to it).
        auto_advance: Move on to the next untagged sentence after a tag.
        entity_panel: Show the entity panel.
        suggestions: Offer suggested labels and speakers.
    """

    COMMAND_LIST = READING_COMMANDS
    BINDINGS = bindings(READING_COMMANDS)

    class Leaving(Message):
        """The analyst wants to go back to the library (the app checks unsaved tags)."""

        def __init__(self, screen: ReadingScreen) -> None:
            super().__init__()
            self.screen = screen

    class Neighbour(Message):
        """The analyst wants the next (``step`` 1) or previous (-1) article of the library."""

        def __init__(self, screen: ReadingScreen, step: int) -> None:
            super().__init__()
            self.screen = screen
            self.step = step

    def __init__(
        self,
        article: Article,
        services: Services,
        *,
        from_library: bool = False,
        auto_advance: bool = True,
        entity_panel: bool = True,
        suggestions: bool = True,
    ) -> None:
        super().__init__(article, services, entity_panel=entity_panel)
        self.from_library = from_library
        self.set_reactive(ReadingScreen.auto_advance, auto_advance)
        self.set_reactive(ReadingScreen.suggestions, suggestions)
        self._position_timer: Timer | None = None
        self._label_clashes: list[str] = []
        self.label_command_list: list[Command] = []
        self._resumed = False  # see post_message

    def post_message(self, message: Message) -> bool:
        """Post ``message``; the screen's first ``ScreenResume`` does not restyle it.

        Textual restyles a resumed screen in case the styles changed while it was covered.
        Its first resume follows its mounting, which styled every widget: restyling them
        all a second time was about a sixth of the work before the first frame (issue 15).
        A change of theme, of the app's classes or of the stylesheet restyles the screen by
        itself; later resumes (a dialog closed) restyle as Textual does.
        """
        if isinstance(message, events.ScreenResume) and not self._resumed:
            self._resumed = True
            message = events.ScreenResume(refresh_styles=False)
        return super().post_message(message)

    def extra_commands(self) -> list[Command]:
        """The label commands (made from the store's label set)."""
        return self.label_command_list

    # -- building ----------------------------------------------------------------------

    def _bind_labels(self) -> None:
        labels = self.services.labels
        reserved = reserved_keys((*READING_COMMANDS, *APP_COMMANDS)) | _ALWAYS_RESERVED
        self.label_command_list = label_commands(labels, reserved)
        for number, label in enumerate(labels.labels, start=1):
            if label.key in reserved:
                digit = f" (use {number})" if number <= 9 else ""
                self._label_clashes.append(f"{label.name}: key {label.key!r} is taken{digit}")
        # The label keys go first, so that the footer starts with them.
        add_first(self, self.label_command_list)

    def compose(self) -> ComposeResult:
        """The article and the entity panel, the status line, the footer (the search bar is
        added when first opened: :meth:`search_bar`)."""
        self._bind_labels()
        labels = {label.name: label for label in self.services.labels.labels}
        self._view = ArticleView(
            self.article, self.sentences, labels, dateline=dateline(self.article), id="article"
        )
        self._panel = EntityPanel(id="entity-panel")
        with Horizontal(id="reading-body"):
            yield self._view
            yield self._panel
        yield StatusLine(id="sentence-info")
        with Horizontal(id="status-bar"):
            yield StatusLine(id="status")
            yield Legend(id="legend")
        yield Footer()

    def on_mount(self) -> None:
        """Show the tags at once, resume where the analyst was, find entities in a thread."""
        store = self.services.store
        try:
            first_opening = not store.knows(self.article.id)
        except ReaderError:
            first_opening = False
        self.session = TaggingSession(store, self.article, self.sentences, self.services.annotator)
        self.session.show_suggestions = self.suggestions
        self.session.subscribe(lambda _: self.refresh_said())
        if self.session.load_error:
            message = shown(self.session.load_error)
            self.notify(message, title="Tags not read", severity="error", timeout=15, markup=False)
        view = self.view
        view.read_tags(self.session)
        view.cursor = self.session.resume_position()
        self.call_after_refresh(view.scroll_to_cursor, center=True)
        self.panel.display = self.entity_panel
        self.sub_title = shown(self.article.title or self.article.path)
        self.update_status()
        view.focus()
        for clash in self._label_clashes:
            self.notify(shown(clash), title="Label keys", severity="warning", markup=False)
        self._start_analysis()
        if first_opening:  # perhaps an edited file: its earlier version's tags come over
            self.call_after_refresh(self._carry_over)
        # Written (once, on a first opening) after the first paint: the library and
        # `reader stats` want the article's record, the screen does not.
        self.call_after_refresh(self._register)

    @work(thread=True, exclusive=True, exit_on_error=False, group="carry-over")
    def _carry_over(self) -> None:
        # In a thread: finding the earlier versions reads every article's record, and a
        # large store must not hold up the first key.
        session = self.session
        if session is None:
            return
        try:
            result = session.carry_over_in_store()
        except ReaderError as error:
            title = "Earlier version's tags not carried over"
            self.app.call_from_thread(
                self.notify, shown(error.message), title=title, severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._carried_over, session, result)

    def _carried_over(self, session: TaggingSession, result: Reanchoring) -> None:
        session.take_carried(result)
        if not (result.moved or result.orphaned):
            return
        self.update_status()
        message = f"{result.summary()} from an earlier version of this file."
        if result.orphaned:
            message += " Orphaned tags are kept: `reader orphans` lists them."
        self.notify(shown(message), title="Article changed", timeout=15, markup=False)

    def _register(self) -> None:
        try:
            self.services.store.register_article(
                self.article.id,
                path=stored_path(self.article.path),
                title=self.article.title,
                date=self.article.date,
                byline=self.article.byline,
                sentences=len(self.sentences),
            )
        except ReaderError as error:
            self.notify(shown(error.message), severity="error", timeout=8, markup=False)

    # -- status ----------------------------------------------------------------------

    def update_status(self) -> None:
        """Redraw the status line from the session."""
        session = self.session
        if session is None:
            return
        text = status_text(
            annotator=self.services.annotator,
            store=str(self.services.store.root),
            tagged=session.tagged,
            total=session.total,
            saved=session.last_save,
            unsaved=len(session.unsaved),
            entities=self.entities_state,
            sought=self.sought,
            auto_advance=self.auto_advance,
        )
        if self.viewing is not None:
            whose = Text(f"{shown(self.viewing.title)} (read-only, O)", style="bold reverse")
            text = Text(" · ").join([whose, text])
        self.query_one("#status", StatusLine).update(text)
        self.update_sentence_info()

    def update_sentence_info(self) -> None:
        """Show the current sentence's speaker and note under the article (if it has any)."""
        session = self.session
        if session is None:
            return
        cursor = self.view.cursor
        # The tag's own speaker: a suggested one is shown, marked, after the sentence.
        tagged = cursor in session.tags
        speaker = (session.speaker(cursor) or "") if tagged else ""
        info = sentence_info(session.note(cursor), speaker)
        line = self.query_one("#sentence-info", StatusLine)
        line.update(info)
        if line.display != bool(info):
            line.display = bool(info)
            self.view.keep_cursor_in_view()

    def watch_auto_advance(self) -> None:
        """The status line says when a tag does not move on."""
        self.update_status()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, _: ArticleView.CursorMoved) -> None:
        self.update_sentence_info()
        # The position is written after a pause, not on every key: moving must stay
        # instant. One paused interval timer, restarted on each move, costs less than a
        # new timer (a new task) per key.
        if self._position_timer is None:
            self._position_timer = self.set_interval(
                POSITION_DELAY, self._position_pause_over, pause=True
            )
        self._position_timer.reset()
        self._position_timer.resume()

    def _position_pause_over(self) -> None:
        if self._position_timer is not None:
            self._position_timer.pause()
        self.save_position()

    def save_position(self) -> None:
        """Write the reading position to the store (a failure is only a warning)."""
        if self.session is None:
            return
        error = self.session.save_position(self.view.cursor)
        if error:
            self.notify(shown(error), title="Position not saved", severity="warning", markup=False)

    def on_unmount(self) -> None:
        """Remember where the analyst was."""
        if self._position_timer is not None:
            self._position_timer.stop()
        self.save_position()

    # -- actions: settings, the label filter, export, other articles --------------------

    def action_toggle_auto_advance(self) -> None:
        """Switch moving on after a tag."""
        self.auto_advance = not self.auto_advance
        self.post_message(self.SettingChanged("auto_advance", self.auto_advance))
        self.notify(f"After a tag: {'move on' if self.auto_advance else 'stay'}.", markup=False)

    def action_by_label(self) -> None:
        """Show only the sentences of one label, then the next label, the untagged ones,
        then all sentences again; ``n``/``N`` jump through them."""
        session = self.session
        if session is None:
            return
        names = [label.name for label in self.services.labels.labels]
        cycle: list[str | None] = [*names, "untagged", None]
        position = cycle.index(self.by_label) if self.by_label in cycle else -1
        chosen = cycle[(position + 1) % len(cycle)]
        self.entity = None
        self.search_query = ""
        self.panel.clear_selection()
        if chosen is None:
            self.filtered = True
            self.action_toggle_filter()
            self.notify("Showing every sentence.", timeout=2, markup=False)
            return
        targets = session.with_label(None if chosen == "untagged" else chosen)
        self.by_label = chosen
        self._set_targets({}, targets)
        if not targets:
            self.notify(f"No sentence is {chosen}: r shows the next label.", markup=False)
            return
        self.filtered = False
        self.action_toggle_filter()
        self.by_label = chosen
        self.update_status()
        self._jump(1, include_current=True)

    def action_summary(self) -> None:
        """Show the article's tags: how many of each label, the speakers, the notes."""
        from reader.tui.screens.summary import SummaryScreen

        if self.session is not None:
            self.app.push_screen(SummaryScreen(self.session, self.services.labels))

    def action_next_article(self) -> None:
        """The next article of the library, in its order."""
        self.post_message(self.Neighbour(self, 1))

    def action_previous_article(self) -> None:
        """The previous article of the library, in its order."""
        self.post_message(self.Neighbour(self, -1))

    def action_export(self) -> None:
        """Ask for a format and a path, then export this article's tags in a worker."""
        # Imported here: the export formats are not needed for the first paint.
        from reader.tui.screens.export_dialog import ExportDialog

        def chosen(answer: tuple[str, Path] | None) -> None:
            if answer is not None:
                self._export(*answer)

        stem = Path(self.article.path.split("#", 1)[0]).stem or "article"
        folder = export_folder()
        self.app.push_screen(ExportDialog(stem, folder), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, fmt: str, path: Path) -> None:
        # A failure (a ReaderError, or worse) is said by the app's worker handler.
        from reader.formats import export_articles

        store, analyser = self.services.store, self.services.finder.analyser
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            written = export_articles(store, [self.article.id], fmt, path, analyser=analyser)
        except (OSError, UnicodeError) as error:
            # Said as one line, like every failure (a name the file system refuses...).
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise ReaderError(f"cannot write {path}: {reason}") from error
        self.app.call_from_thread(
            self.notify, f"Exported as {fmt} to {shown(str(written))}", markup=False
        )

    def action_back(self) -> None:
        """Close the search, clear the selection or filter, else back to the library."""
        if self.back_out():
            return
        if self.from_library:
            self.post_message(self.Leaving(self))
        else:
            self.notify(
                "This article was opened on its own: ctrl+q quits (every tag is saved).",
                timeout=4,
                markup=False,
            )
