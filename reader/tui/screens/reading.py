"""The reading screen: one article, its entities beside it, tagged one key per sentence.

The entities and what is sought in the article (search, entity, filter) are the finding
half, :class:`~reader.tui.screens.finding.FindingScreen`; this module adds the tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Footer, Input

from reader.analysis import Analysis
from reader.article import Article
from reader.config import data_dir
from reader.errors import ReaderError
from reader.loaders import stored_path
from reader.reading.session import Outcome, TaggingSession
from reader.reading.tag_layers import Layer, layer, others
from reader.reanchor import Reanchoring
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
from reader.tui.screens.choice import ChoiceDialog
from reader.tui.screens.dialogs import TextDialog
from reader.tui.screens.finding import FindingScreen
from reader.tui.screens.speaker_dialog import SpeakerDialog
from reader.tui.services import Services
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.status import Legend, StatusLine, sentence_info, status_text

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


class ReadingScreen(FindingScreen):
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

    auto_advance: var[bool] = var(True)
    """Move on to the next untagged sentence after a tag (bound to the app's setting)."""
    suggestions: var[bool] = var(True, init=False)
    """Offer suggested labels and speakers (bound to the app's setting)."""

    @dataclass
    class Leaving(Message):
        """The analyst wants to go back to the library (the app checks unsaved tags)."""

        screen: ReadingScreen

    @dataclass
    class Neighbour(Message):
        """The analyst wants the next (``step`` 1) or previous (-1) article of the library."""

        screen: ReadingScreen
        step: int

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
        self.session: TaggingSession | None = None
        self._position_timer: Timer | None = None
        self._had_unsaved = False
        self._label_clashes: list[str] = []
        self.label_command_list: list[Command] = []
        #: Whose tags the article shows, when not the annotator's own (read-only then).
        self.viewing: Layer | None = None

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
        """The article and the entity panel, the search bar, the status line, the footer."""
        self._bind_labels()
        labels = {label.name: label for label in self.services.labels.labels}
        self._view = ArticleView(
            self.article, self.sentences, labels, dateline=dateline(self.article), id="article"
        )
        self._panel = EntityPanel(id="entity-panel")
        with Horizontal(id="reading-body"):
            yield self._view
            yield self._panel
        yield Input(placeholder="Search the article (Enter: find, Escape: cancel)", id="search")
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

    # -- actions: moving ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what does not apply now."""
        if action == "retry_unsaved":
            return bool(self.session and self.session.unsaved)
        if action in ("accept_suggestion", "reject_suggestion", "accept_all_suggestions"):
            return self.suggestions
        return super().check_action(action, parameters)

    def action_next_sentence(self) -> None:
        """Next sentence."""
        self.view.step(1)

    def action_previous_sentence(self) -> None:
        """Previous sentence."""
        self.view.step(-1)

    def action_first_sentence(self) -> None:
        """First sentence."""
        self.view.first()

    def action_last_sentence(self) -> None:
        """Last sentence."""
        self.view.last()

    def action_page_down(self) -> None:
        """One page down."""
        self.view.page(1)

    def action_page_up(self) -> None:
        """One page up."""
        self.view.page(-1)

    def _untagged(self, step: int) -> None:
        session = self.session
        if session is None:
            return
        target = session.next_untagged(self.view.cursor, step)
        if target is None:
            self.notify("Every sentence is tagged.", markup=False)
        else:
            self.view.move_to(target)

    def action_next_untagged(self) -> None:
        """Next untagged sentence."""
        self._untagged(1)

    def action_previous_untagged(self) -> None:
        """Previous untagged sentence."""
        self._untagged(-1)

    # -- actions: tagging ------------------------------------------------------------

    def _show(self, outcome: Outcome) -> None:
        # The view has redrawn the sentence already: it reads the session's tags.
        if outcome.error:
            self.notify(
                shown(outcome.error) + "\nThe tag is kept on screen, marked !; ctrl+s retries.",
                title="Not saved",
                severity="error",
                timeout=10,
                markup=False,
            )
        self.update_status()
        if outcome.error or not (self.session and self.session.unsaved):
            # Only the retry action's availability can change; the footer is costly to redo.
            if self._had_unsaved != bool(outcome.error):
                self.refresh_bindings()
            self._had_unsaved = bool(self.session and self.session.unsaved)

    def action_tag(self, label: str) -> None:
        """Tag the current sentence (the same label again clears it) and move on."""
        session = self.session
        if session is None or self.read_only():
            return
        cursor = self.view.cursor
        had = session.tags.get(cursor)
        outcome = session.toggle(cursor, label)
        self._show(outcome)
        if outcome.label is None and had is not None and outcome.saved:
            self.notify(
                f"Cleared the {had} tag: its own key again clears it (u undoes).",
                timeout=3,
                markup=False,
            )
        self._advance(cursor, outcome)

    def _advance(self, cursor: int, outcome: Outcome) -> None:
        """After a tag, move on to the next untagged sentence (if the analyst wants to)."""
        session = self.session
        if session is None:
            return
        if outcome.label is not None and self.auto_advance:
            target = session.next_untagged(cursor)
            if target is not None and (not self.filtered or target in self.view.shown):
                self.view.move_to(target)
            elif self.filtered:
                self.view.step(1)

    def action_clear_tag(self) -> None:
        """Clear the current sentence's tag."""
        if self.session is not None and not self.read_only():
            self._show(self.session.tag(self.view.cursor, None))

    def action_retry_unsaved(self) -> None:
        """Save again the tags that could not be saved."""
        if self.session is None:
            return
        for outcome in self.session.retry():
            self._show(outcome)

    def _step(self, undo: bool) -> None:
        if self.session is None or self.read_only():
            return
        outcome = self.session.undo() if undo else self.session.redo()
        if outcome is None:
            self.notify("Nothing to undo." if undo else "Nothing to redo.", markup=False)
            return
        if outcome.error:
            self.notify(shown(outcome.error), severity="error", markup=False)
            return
        self._show(outcome)
        if outcome.sentence is not None:
            self.view.move_to(outcome.sentence)
        done = "Undone" if undo else "Redone"
        self.notify(f"{done}: {outcome.undone}.", timeout=3, markup=False)

    def action_undo(self) -> None:
        """Undo the last change."""
        self._step(undo=True)

    def action_redo(self) -> None:
        """Redo the last undone change."""
        self._step(undo=False)

    def action_note(self) -> None:
        """Write, change or clear the note on the current sentence's tag."""
        self._ask_field("note", "Note on this sentence")

    def action_attribution(self) -> None:
        """Record who makes the current sentence's claim or quote."""
        names = [
            e.name for e in (self.analysis.entities if self.analysis else ()) if e.kind != "other"
        ]
        self._ask_field("attribution", "Who makes this claim or quote?", names)

    # -- suggestions -----------------------------------------------------------------

    def analysis_changed(self, analysis: Analysis) -> None:
        """Offer the analysis's suggestions (found again after each entity correction)."""
        if self.session is not None:
            self.session.set_suggestions(analysis.suggestions)
            self.refresh_bindings()

    def speakers(self) -> dict[int, tuple[str, str, bool]]:
        """Who says each tagged or suggested sentence, its label, and if it is suggested."""
        session = self.session
        if session is None:
            return {}
        found = {}
        for index in {*session.tags, *session.suggestions}:
            who = session.speaker(index)
            if not who:
                continue
            offered = session.suggestion(index)
            if offered is not None:
                found[index] = (who, offered.label, True)
            elif index in session.tags:
                found[index] = (who, session.tags[index], False)
        return found

    def watch_suggestions(self, shown: bool) -> None:
        """Offer suggestions or not."""
        if self.session is not None:
            self.session.set_shown(shown)
        self.refresh_bindings()

    def action_toggle_suggestions(self) -> None:
        """Show or hide suggestions (remembered)."""
        self.suggestions = not self.suggestions
        self.post_message(self.SettingChanged("suggestions", self.suggestions))
        self.notify(f"Suggestions: {'shown' if self.suggestions else 'hidden'}.", markup=False)

    def action_accept_suggestion(self) -> None:
        """Tag the current sentence as suggested, with its speaker, and move on."""
        session = self.session
        if session is None or self.read_only():
            return
        cursor = self.view.cursor
        outcome = session.accept(cursor)
        if outcome is None:
            self.notify("Nothing is suggested here.", markup=False)
            return
        self._show(outcome)
        self._advance(cursor, outcome)

    def action_reject_suggestion(self) -> None:
        """Reject the current sentence's suggestion for good."""
        session = self.session
        if session is None or self.read_only():
            return
        if session.suggestion(self.view.cursor) is None:
            self.notify("Nothing is suggested here.", markup=False)
            return
        error = session.reject(self.view.cursor)
        if error:
            self.notify(shown(error), title="Not saved", severity="error", markup=False)

    def action_accept_all_suggestions(self) -> None:
        """Ask, then accept every suggestion left in the article."""
        session = self.session
        if session is None or self.read_only():
            return
        count = len(session.pending)
        if not count:
            self.notify("No suggestion is left in this article.", markup=False)
            return
        them = "the suggestion" if count == 1 else f"all {count} suggestions"
        choices = [("yes", f"Accept {them}, with their speakers"), ("no", "Cancel")]

        def answered(answer: str | None) -> None:
            if answer != "yes" or self.session is None:
                return
            outcomes = self.session.accept_all()
            failed = [o for o in outcomes if o.error]
            for outcome in failed[:1] or outcomes[-1:]:
                self._show(outcome)
            saved = len(outcomes) - len(failed)
            self.notify(f"Accepted {saved} suggestion{'s' if saved != 1 else ''}.", markup=False)

        self.app.push_screen(ChoiceDialog(f"Accept {them}?", choices), answered)

    def _ask_field(self, field: str, title: str, suggestions: list[str] | None = None) -> None:
        session = self.session
        if session is None or self.read_only():
            return
        sentence = self.view.cursor
        record = session.records.get(sentence)
        if record is None or sentence in session.unsaved:
            self.notify("Tag the sentence first: notes belong to a tag.", markup=False)
            return

        def answered(value: str | None) -> None:
            if value is None or value == current:
                return  # cancelled, or Enter on the text as it was: nothing to save
            error = session.annotate(sentence, field, value or None)
            if error:
                self.notify(shown(error), title="Not saved", severity="error", markup=False)
                return
            self.update_status()

        current = getattr(record, field) or ""
        # The real text is edited (the field draws it inertly): display is not storage.
        kind = SpeakerDialog if field == "attribution" else TextDialog
        dialog = kind(title, current, suggestions, about=self.sentences[sentence].text)
        dialog.set_class(self._cursor_in_top_half(), "-below")
        self.app.push_screen(dialog, answered)

    def _cursor_in_top_half(self) -> bool:
        """Whether the current sentence is drawn in the top half of the screen (a dialog
        then goes to the bottom, so that it never covers the sentence it is about)."""
        layout = self.view._layout
        row = layout.row_of(self.view.cursor) if layout else None
        if row is None:
            return True
        y = self.view.region.y + row.first_line - self.view.scroll_offset.y
        return y < self.size.height // 2

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

    # -- review mode, and whose tags are shown (docs/team.md) -----------------------------

    def action_open_review(self) -> None:
        """Review mode on this article: settle where the annotators differ."""
        from reader.tui.screens.review import ReviewScreen  # only when reviewing

        self.app.push_screen(ReviewScreen(self.article, self.sentences, self.services))

    def action_cycle_tags(self) -> None:
        """Show the next annotator's tags read-only, then the settled layer, then yours."""
        session = self.session
        if session is None:
            return
        try:
            cycle: list[Layer | None] = [
                None,
                *others(self.services.store, self.article.id, self.services.annotator),
            ]
        except ReaderError as error:
            self.notify(shown(error.message), severity="error", markup=False)
            return
        if len(cycle) == 1:
            self.notify("No one else has tagged this article.", markup=False)
            return
        position = cycle.index(self.viewing) if self.viewing in cycle else 0
        self._view_layer(cycle[(position + 1) % len(cycle)])

    def _view_layer(self, which: Layer | None) -> None:
        session = self.session
        if session is None:
            return
        if which is not None:
            try:
                tags = layer(self.services.store, self.article.id, which, self.sentences)
            except ReaderError as error:
                self.notify(shown(error.message), severity="error", markup=False)
                return
        self.viewing = which
        self.view.read_tags(session if which is None else tags)
        self.update_status()
        whose = "your own tags" if which is None else f"{which.title} (read-only)"
        self.notify(f"Showing {shown(whose)}.", timeout=3, markup=False)

    def read_only(self) -> bool:
        """Whether another's tags are shown (then say so: nothing is tagged)."""
        if self.viewing is None:
            return False
        whose = shown(self.viewing.title)
        self.notify(f"Read-only: viewing {whose}. O shows your own again.", markup=False)
        return True

    def on_screen_resume(self) -> None:
        """Back from review mode: the settled layer may have changed."""
        if self.viewing is not None:
            self._view_layer(self.viewing)
