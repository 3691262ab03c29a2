"""The tagging half of the reading screen: moving, tagging, undo, notes and speakers.

:class:`TaggingScreen` holds the analyst's :class:`~reader.reading.session.TaggingSession`
and the actions that change it, and whose tags the article shows: the analyst's own, or
another annotator's or the settled layer read-only (docs/team.md). The suggestions
(:mod:`reader.tui.screens.suggesting`) and the reading screen build on it.
"""

from __future__ import annotations

from textual.reactive import var

from reader.article import Article
from reader.errors import ReaderError
from reader.reading.session import Outcome, TaggingSession
from reader.reading.tag_layers import Layer, layer, others
from reader.tui.display import shown
from reader.tui.screens.finding import FindingScreen
from reader.tui.services import Services


class TaggingScreen(FindingScreen):
    """An article's tags: moving between sentences, tagging them, undo, notes, speakers.

    Args:
        article: The article.
        services: The store, the annotator, the labels and the entity finder.
        entity_panel: Show the entity panel.
    """

    auto_advance: var[bool] = var(True)
    """Move on to the next untagged sentence after a tag (bound to the app's setting)."""

    def __init__(self, article: Article, services: Services, *, entity_panel: bool = True) -> None:
        super().__init__(article, services, entity_panel=entity_panel)
        self.session: TaggingSession | None = None
        self._had_unsaved = False
        #: Whose tags the article shows, when not the annotator's own (read-only then).
        self.viewing: Layer | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what does not apply now."""
        if action == "retry_unsaved":
            return bool(self.session and self.session.unsaved)
        return super().check_action(action, parameters)

    # -- actions: moving ---------------------------------------------------------------

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

    # -- notes and speakers ----------------------------------------------------------

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
        # The dialogs are not on the first frame: imported when one opens.
        from reader.tui.screens.dialogs import TextDialog
        from reader.tui.screens.speaker_dialog import SpeakerDialog

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
