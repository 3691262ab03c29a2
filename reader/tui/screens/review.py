"""Review mode: walk the sentences the annotators tagged differently and settle each.

The screen shows one item at a time: the sentence in context (the one before it, dim),
each annotator's version on a line of its own, numbered, and the decision. A digit takes
that annotator's version; a label key settles with a label of the reviewer's own; ``0``
settles the sentence as untagged. Each decision moves on to the next open item (undecided,
or decided before the annotators changed their tags). The decisions go to the review
layer (:class:`~reader.store.Review`); the annotators' tags are never changed. The
reviewer is the app's annotator. The rules live in
:class:`~reader.reading.review_session.ReviewSession`; this module is keys and widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from reader.analysis import Sentence
from reader.article import Article
from reader.errors import ReaderError
from reader.reading.review_session import Moved, ReviewSession
from reader.tui.commands import (
    APP_COMMANDS,
    REVIEW_COMMANDS,
    Command,
    bindings,
    reserved_keys,
    review_label_commands,
    version_commands,
)
from reader.tui.display import shown
from reader.tui.keys import add_first
from reader.tui.screens.base import ReaderScreen
from reader.tui.screens.choice import ChoiceDialog
from reader.tui.services import Services
from reader.tui.widgets.versions import VersionList

# Keys Textual or the app use on every screen, and the version digits.
_RESERVED = {"tab", "shift+tab", "ctrl+p", "ctrl+q", "ctrl+c", "enter", *"0123456789"}


class ReviewScreen(ReaderScreen):
    """Settle one article's differences, one sentence at a time.

    Args:
        article: The article.
        sentences: Its sentences (for the context and the number of sentences).
        services: The store, the annotator (here the reviewer) and the labels.
    """

    COMMAND_LIST = REVIEW_COMMANDS
    BINDINGS = bindings(REVIEW_COMMANDS)

    def __init__(self, article: Article, sentences: Sequence[Sentence], services: Services) -> None:
        super().__init__()
        self.article = article
        self.sentences = sentences
        self.services = services
        self.session: ReviewSession | None = None
        self.command_list: list[Command] = []
        self._clashes: list[str] = []

    def extra_commands(self) -> list[Command]:
        """The version digits and the label keys (made from the store's label set)."""
        return self.command_list

    def _bind_keys(self) -> None:
        labels = self.services.labels
        reserved = reserved_keys((*REVIEW_COMMANDS, *APP_COMMANDS)) | _RESERVED
        label_keys = review_label_commands(labels, reserved)
        self._clashes = [
            f"{label.name}: key {label.key!r} is taken here (take a version with it instead)"
            for label in labels.labels
            if label.key in reserved
        ]
        self.command_list = [*version_commands(), *label_keys]
        add_first(self, self.command_list)

    def compose(self) -> ComposeResult:
        """The article's title and the progress, the sentence, the versions, the keys."""
        self._bind_keys()
        yield Static(id="review-title")
        yield Static(id="review-progress")
        with VerticalScroll(id="review-context", can_focus=False):
            yield Static(id="review-sentence")
        yield VersionList(id="review-versions")
        yield Static(id="review-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Read the review and start at its first open item (where the reviewer left off)."""
        title = Text(shown(self.article.title or self.article.path), style="bold")
        title.no_wrap, title.overflow = True, "ellipsis"
        self.query_one("#review-title", Static).update(Text("Review · ").append_text(title))
        self.sub_title = shown(self.article.title or self.article.path)
        for clash in self._clashes:
            self.notify(shown(clash), title="Label keys", severity="warning", markup=False)
        try:
            self.session = ReviewSession(
                self.services.store, self.article.id, len(self.sentences), self.services.annotator
            )
        except ReaderError as error:
            self._failed(error)
        self.show_item()

    # -- drawing ---------------------------------------------------------------------

    def show_item(self) -> None:
        """Draw the current item, the progress and the keys that apply to it."""
        session = self.session
        item = session.current if session is not None else None
        progress = Text(session.progress() if session is not None else "not read")
        progress.append(f" · reviewer {shown(self.services.annotator)}", style="dim")
        progress.no_wrap, progress.overflow = True, "ellipsis"
        self.query_one("#review-progress", Static).update(progress)
        self.query_one("#review-sentence", Static).update(self._sentence_text())
        labels = {label.name: label for label in self.services.labels.labels}
        self.query_one(VersionList).show(item, labels)
        self.query_one("#review-hint", Static).update(self._hint())

    def _sentence_text(self) -> Text:
        session = self.session
        item = session.current if session is not None else None
        if session is None or item is None:
            scope = "" if session is None else session.scope
            return Text(
                f"Nothing to review here ({scope}): s shows another scope, Escape goes back."
                if session is not None
                else "The review could not be read.",
                style="italic",
            )
        text = Text(f"Sentence {item.sentence + 1} of {len(self.sentences)}\n", style="dim")
        index = item.sentence
        known = 0 <= index < len(self.sentences) and self.sentences[index].start == item.start
        if known and index > 0:
            text.append(shown(self.sentences[index - 1].text) + " ", style="dim")
        text.append(shown(item.text), style="bold")
        return text

    def _hint(self) -> Text:
        session = self.session
        item = session.current if session is not None else None
        if item is None:
            return Text("s: another scope · Escape: back", style="dim")
        count = len(item.versions)
        keys = [f"1-{count} take a version" if count > 1 else "1 takes the version"]
        own = [c.keys for c in self.command_list if c.id.startswith("review.label.")]
        if own:
            keys.append(f"{'/'.join(own)} a label of your own")
        keys.append("0 untagged")
        return Text(" · ".join(keys), style="dim", no_wrap=True, overflow="ellipsis")

    def _failed(self, error: ReaderError) -> None:
        self.notify(shown(error.message), title="Review", severity="error", markup=False)

    def _moved(self, moved: Moved) -> None:
        self.show_item()
        if moved.done:
            self.notify("Every item here is decided.", timeout=3, markup=False)

    # -- actions ---------------------------------------------------------------------

    def action_take_version(self, number: int) -> None:
        """Settle on an annotator's version, then go on to the next open item."""
        session = self.session
        if session is None or session.current is None:
            return
        count = len(session.current.versions)
        if number > count:
            self.notify(f"There are {count} versions here.", markup=False)
            return
        try:
            self._moved(session.take_version(number))
        except ReaderError as error:
            self._failed(error)

    def _settle(self, label: str | None) -> None:
        session = self.session
        if session is None or session.current is None:
            return
        try:
            self._moved(session.settle(label))
        except ReaderError as error:
            self._failed(error)

    def action_settle(self, label: str) -> None:
        """Settle with a label of the reviewer's own, then go on."""
        self._settle(label)

    def action_settle_untagged(self) -> None:
        """Settle the sentence as untagged, then go on."""
        self._settle(None)

    def action_clear_decision(self) -> None:
        """Remove the decision on the sentence."""
        session = self.session
        if session is None or session.current is None:
            return
        try:
            removed = session.clear()
        except ReaderError as error:
            self._failed(error)
            return
        if removed is None:
            self.notify("Nothing is decided here.", markup=False)
        self.show_item()

    def action_next_item(self) -> None:
        """Next item."""
        if self.session is not None:
            self.session.move(1)
            self.show_item()

    def action_previous_item(self) -> None:
        """Previous item."""
        if self.session is not None:
            self.session.move(-1)
            self.show_item()

    def action_next_open(self) -> None:
        """Next item that needs a decision."""
        if self.session is None:
            return
        if not self.session.next_open():
            self.notify("Every item here is decided.", markup=False)
        self.show_item()

    def action_cycle_scope(self) -> None:
        """Walk the disagreements, every shared sentence, or the unsettled ones."""
        if self.session is None:
            return
        try:
            self.session.next_scope()
        except ReaderError as error:
            self._failed(error)
        self.show_item()

    def action_accept_agreed(self) -> None:
        """Ask, then decide every agreed sentence of the article as agreed (one undo)."""
        session = self.session
        if session is None:
            return
        try:
            count = session.agreed_undecided()
        except ReaderError as error:
            self._failed(error)
            return
        if not count:
            self.notify("No agreed sentence is left to accept.", markup=False)
            return
        them = "the agreed sentence" if count == 1 else f"all {count} agreed sentences"
        choices = [("yes", f"Accept {them} as agreed (one undo)"), ("no", "Cancel")]

        def answered(answer: str | None) -> None:
            if answer != "yes" or self.session is None:
                return
            try:
                made = self.session.accept_agreed()
            except ReaderError as error:
                self._failed(error)
                return
            self.show_item()
            plural = "s" if made != 1 else ""
            self.notify(f"Accepted {made} agreed sentence{plural}.", markup=False)

        self.app.push_screen(ChoiceDialog(f"Accept {them}?", choices), answered)

    def _step(self, undo: bool) -> None:
        session = self.session
        if session is None:
            return
        try:
            changes = session.undo() if undo else session.redo()
        except ReaderError as error:
            self._failed(error)
            return
        if changes is None:
            self.notify("Nothing to undo." if undo else "Nothing to redo.", markup=False)
            return
        done = "Undone" if undo else "Redone"
        count = len(changes)
        self.notify(f"{done}: {count} decision{'s' if count != 1 else ''}.", markup=False)
        self.show_item()

    def action_undo(self) -> None:
        """Undo your last decision (or accept-all)."""
        self._step(undo=True)

    def action_redo(self) -> None:
        """Redo your last undone decision."""
        self._step(undo=False)

    def action_back(self) -> None:
        """Back to the article or the library."""
        self.dismiss(None)
