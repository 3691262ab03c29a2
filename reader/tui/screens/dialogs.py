"""Small dialogs: each is a ModalScreen that dismisses with its answer."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.entities import Entity
from reader.tui.display import shown
from reader.tui.widgets.safe_input import SafeInput

#: The types an analyst can give an entity, with what they mean.
ENTITY_TYPES = (
    ("PERSON", "person"),
    ("ORG", "organisation"),
    ("GPE", "place: country, city, state"),
    ("LOC", "place: other location"),
    ("NORP", "nationality, religious or political group"),
    ("FAC", "building, airport, road"),
    ("EVENT", "named event"),
)


class RelabelDialog(ModalScreen[str | None]):
    """Pick another type for an entity; dismisses with the spaCy label or ``None``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, entity: Entity) -> None:
        super().__init__()
        self.entity = entity

    def compose(self) -> ComposeResult:
        """A title and the list of types."""
        with Vertical(id="dialog"):
            yield Label(Text.assemble("Type of ", (shown(self.entity.name), "bold")))
            yield OptionList(
                *(
                    Option(Text.assemble((label, "bold"), f"  {meaning}"), id=label)
                    for label, meaning in ENTITY_TYPES
                ),
                id="dialog-options",
            )

    def on_mount(self) -> None:
        """Start on the entity's current type."""
        options = self.query_one(OptionList)
        labels = [label for label, _ in ENTITY_TYPES]
        if self.entity.label in labels:
            options.highlighted = labels.index(self.entity.label)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text (a note, who says it); dismisses with it, or ``None``.

    The field holds the real text (a multi-line or right-to-left note stays as it is unless
    it is edited) and draws it inertly. An empty answer is returned as ``""``: it clears
    the field. With the class ``-below`` the dialog sits at the bottom of the screen, else
    at the top: the caller puts it where it does not cover the sentence it is about.

    Args:
        title: What is asked.
        value: The current text.
        suggestions: Completions (the article's entity names).
        about: The sentence it is about, quoted on one line.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(
        self,
        title: str,
        value: str,
        suggestions: list[str] | None = None,
        *,
        about: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.suggestions = suggestions or []
        self.about = about

    def compose(self) -> ComposeResult:
        """A title and one input (with completions, when there are suggestions)."""
        suggester = SuggestFromList(self.suggestions) if self.suggestions else None
        with Vertical(id="dialog"):
            yield Label(Text(shown(self.title_text), "bold"))
            if self.about:
                yield Label(
                    Text(shown(self.about), "italic", no_wrap=True, overflow="ellipsis"),
                    id="dialog-about",
                )
            yield SafeInput(self.value, suggester=suggester, id="dialog-input")
            hint = "Enter saves · an empty line clears · Escape cancels"
            if self.suggestions:
                hint += " · → completes"
            yield Label(Text(shown(hint), "dim"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value
        self.dismiss(value if value == self.value else value.strip())

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
