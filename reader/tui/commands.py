"""Every action of the app, declared once: its keys, footer text, help text and group.

A :class:`Command` becomes a :class:`~textual.binding.Binding` (with an ``id``, so that keys
can be remapped through ``App.set_keymap``), a line in the help screen and an entry in the
command palette. Screens list their commands in ``COMMAND_LIST``; the label commands are
made at run time from the store's label set (:func:`label_commands`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual.binding import Binding, BindingType

from reader.labels import LabelSet


class Command(NamedTuple):
    """One action and everything said about it.

    Attributes:
        id: The binding id (``reader.next``), stable so that a keymap can remap it.
        action: The action string run on the screen (``next_sentence``, ``tag('claim')``).
        keys: The default keys, comma separated (``j,down``).
        title: Short text for the footer and the palette (``Next``).
        help: One line for the help screen and the palette.
        group: Where the help screen lists it (``Move``, ``Tag``, ...).
        show: Whether the footer shows it.
        key_display: How the footer shows the key, if not Textual's default.
        priority: Whether the key is resolved as it arrives, before the keys after it are
            handed to the focused widget (Textual's priority binding): for a key that moves
            the focus to a text field, so that what is typed after it goes there.
    """

    id: str
    action: str
    keys: str
    title: str
    help: str
    group: str
    show: bool = False
    key_display: str | None = None
    priority: bool = False

    def binding(self) -> Binding:
        """The Textual binding for this command."""
        return Binding(
            self.keys,
            self.action,
            self.title,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.help,
            id=self.id,
            priority=self.priority,
        )


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    """The bindings for a list of commands, in order."""
    return [command.binding() for command in commands]


GROUPS = ("Move", "Tag", "Suggest", "Find", "Entities", "Review", "Library", "App")

# Keys the reading screen uses for itself; a label whose key is one of these keeps only its
# digit (the clash is reported when the article opens).
READING_COMMANDS: tuple[Command, ...] = (
    Command("reader.next", "next_sentence", "j,down", "Next", "Next sentence", "Move"),
    Command("reader.previous", "previous_sentence", "k,up", "Prev", "Previous sentence", "Move"),
    Command("reader.first", "first_sentence", "g,home", "First", "First sentence", "Move"),
    Command("reader.last", "last_sentence", "G,end", "Last", "Last sentence", "Move"),
    Command(
        "reader.next_untagged",
        "next_untagged",
        "space,right_square_bracket",
        "Untagged",
        "Next untagged sentence",
        "Move",
    ),
    Command(
        "reader.previous_untagged",
        "previous_untagged",
        "left_square_bracket",
        "Prev untagged",
        "Previous untagged sentence",
        "Move",
    ),
    Command("reader.page_down", "page_down", "pagedown", "Page down", "Page down", "Move"),
    Command("reader.page_up", "page_up", "pageup", "Page up", "Page up", "Move"),
    Command(
        "reader.clear",
        "clear_tag",
        "0,backspace",
        "Clear",
        "Clear the sentence's tag (or press its label's key again)",
        "Tag",
    ),
    Command(
        "reader.undo",
        "undo",
        "u",
        "Undo",
        "Undo the last change (kept across restarts)",
        "Tag",
        show=True,
    ),
    Command("reader.redo", "redo", "ctrl+r", "Redo", "Redo the last undone change", "Tag"),
    Command(
        "reader.retry",
        "retry_unsaved",
        "ctrl+s",
        "Retry saves",
        "Save again the tags that could not be saved",
        "Tag",
    ),
    Command(
        "reader.note",
        "note",
        "m",
        "Note",
        "Write a note on the tagged sentence (marked * in the gutter, shown under the article)",
        "Tag",
    ),
    Command(
        "reader.attribution",
        "attribution",
        "w",
        "Who says it",
        "Record who makes the claim or quote (completes entity names)",
        "Tag",
    ),
    Command(
        "reader.suggestion.accept",
        "accept_suggestion",
        "y",
        "Accept",
        "Accept the suggested label and speaker (shown dim, with ?)",
        "Suggest",
    ),
    Command(
        "reader.suggestion.reject",
        "reject_suggestion",
        "d",
        "Reject",
        "Reject the suggestion (it is not offered again)",
        "Suggest",
    ),
    Command(
        "reader.suggestion.accept_all",
        "accept_all_suggestions",
        "Y",
        "Accept all",
        "Accept every suggestion left in the article (asks first)",
        "Suggest",
    ),
    Command(
        "reader.suggestion.toggle",
        "toggle_suggestions",
        "s",
        "Suggestions",
        "Show or hide suggested labels and speakers (remembered)",
        "Suggest",
    ),
    Command(
        "reader.auto_advance",
        "toggle_auto_advance",
        "a",
        "Auto-advance",
        "Switch moving on to the next untagged sentence after a tag",
        "Tag",
    ),
    # Priority: a fast typist's "/1990" arrives in one burst; an ordinary binding would run
    # only after "1" had gone to the article (and tagged its sentence).
    Command(
        "reader.search",
        "search",
        "slash",
        "Search",
        "Search in the article",
        "Find",
        show=True,
        priority=True,
    ),
    Command(
        "reader.by_label",
        "by_label",
        "r",
        "By label",
        "Show only one label's sentences, the next label, the untagged ones, all (n/N jump)",
        "Find",
    ),
    Command(
        "reader.next_hit",
        "next_hit",
        "n",
        "Next hit",
        "Next sentence with the search or the selected entity",
        "Find",
    ),
    Command(
        "reader.previous_hit",
        "previous_hit",
        "N",
        "Prev hit",
        "Previous sentence with the search or the selected entity",
        "Find",
    ),
    Command(
        "reader.filter",
        "toggle_filter",
        "f",
        "Filter",
        "Show only the sentences with the search or the selected entity",
        "Find",
    ),
    Command(
        "reader.entities",
        "focus_entities",
        "e",
        "Entities",
        "Focus the entity panel",
        "Entities",
    ),
    Command(
        "reader.panel",
        "toggle_panel",
        "p",
        "Panel",
        "Show or hide the entity panel",
        "Entities",
    ),
    # While words are selected (v), these come before the keys they share (L: relabel).
    Command(
        "reader.select.left",
        "select_word(-1)",
        "h,left",
        "Word left",
        "Select the word before (while selecting words)",
        "Entities",
    ),
    Command(
        "reader.select.right",
        "select_word(1)",
        "l,right",
        "Word right",
        "Select the word after (while selecting words)",
        "Entities",
    ),
    Command(
        "reader.select.extend_left",
        "extend_selection(-1)",
        "H,shift+left",
        "Extend left",
        "Extend the selection a word to the left",
        "Entities",
    ),
    Command(
        "reader.select.extend_right",
        "extend_selection(1)",
        "L,shift+right",
        "Extend right",
        "Extend the selection a word to the right",
        "Entities",
    ),
    Command(
        "reader.select.done",
        "finish_selection",
        "enter",
        "Add entity",
        "Add the selected words as an entity (asks for its type)",
        "Entities",
    ),
    Command(
        "reader.add_entity",
        "select_words",
        "v",
        "Select words",
        "Select words of the sentence to add them as an entity (h/l move, H/L extend)",
        "Entities",
    ),
    Command(
        "reader.merge_entity",
        "merge_entity",
        "M",
        "Merge entity",
        "Merge the selected entity into another (pick it from a list)",
        "Entities",
    ),
    Command(
        "reader.split_entity",
        "split_entity",
        "S",
        "Split entity",
        "Split a form (an alias) out of the selected entity into its own",
        "Entities",
    ),
    Command(
        "reader.reject_entity",
        "reject_entity",
        "R",
        "Reject entity",
        "The selected entity is not an entity (saved as a correction)",
        "Entities",
    ),
    Command(
        "reader.relabel_entity",
        "relabel_entity",
        "L",
        "Relabel entity",
        "Give the selected entity another type (saved as a correction)",
        "Entities",
    ),
    Command(
        "reader.summary",
        "summary",
        "T",
        "Tally",
        "The article's tags: how many of each label, the speakers, the notes",
        "Tag",
    ),
    Command(
        "reader.next_article",
        "next_article",
        "greater_than_sign",
        "Next article",
        "The next article of the library (in its order)",
        "Move",
        key_display=">",
    ),
    Command(
        "reader.previous_article",
        "previous_article",
        "less_than_sign",
        "Prev article",
        "The previous article of the library (in its order)",
        "Move",
        key_display="<",
    ),
    Command(
        "reader.review_mode",
        "open_review",
        "D",
        "Review mode",
        "Review mode: settle the sentences the annotators tagged differently",
        "Review",
    ),
    Command(
        "reader.whose_tags",
        "cycle_tags",
        "O",
        "Whose tags",
        "Show another annotator's tags (read-only), the settled layer, then yours again",
        "Review",
    ),
    Command(
        "reader.export",
        "export",
        "ctrl+e",
        "Export",
        "Export this article's tags (jsonl, csv, prodigy, doccano, brat, spacy, md)",
        "App",
    ),
    Command(
        "reader.back",
        "back",
        "escape",
        "Back",
        "Close the search, drop the filter or selection, else back to the library",
        "App",
    ),
)

LIBRARY_COMMANDS: tuple[Command, ...] = (
    Command(
        "library.open",
        "open_article",
        "enter",
        "Open",
        "Open the highlighted article",
        "Library",
        show=True,
    ),
    Command("library.down", "cursor_down", "down", "Down", "Next article", "Library"),
    Command("library.up", "cursor_up", "up", "Up", "Previous article", "Library"),
    Command("library.page_down", "page_down", "pagedown", "Page down", "Page down", "Library"),
    Command("library.page_up", "page_up", "pageup", "Page up", "Page up", "Library"),
    Command(
        "library.sort",
        "cycle_sort",
        "ctrl+s",
        "Sort",
        "Sort by the next column (title, date, source, sentences, progress)",
        "Library",
        show=True,
    ),
    Command(
        "library.reverse",
        "reverse_sort",
        "ctrl+o",
        "Reverse",
        "Reverse the sort order",
        "Library",
    ),
    Command(
        "library.clear", "clear_filter", "escape", "Clear filter", "Clear the filter", "Library"
    ),
    Command(
        "library.review_mode",
        "open_review",
        "ctrl+r",
        "Review mode",
        "Review mode on the highlighted article: settle where the annotators differ",
        "Review",
    ),
)

# The review screen: digits take an annotator's version (version_commands), label keys
# settle with a label of the reviewer's own (review_label_commands).
REVIEW_COMMANDS: tuple[Command, ...] = (
    Command("review.next", "next_item", "n,j,down", "Next", "Next item", "Review", show=True),
    Command("review.previous", "previous_item", "p,k,up", "Prev", "Previous item", "Review"),
    Command(
        "review.next_open",
        "next_open",
        "space",
        "Undecided",
        "Next item without a decision (or with a stale one)",
        "Review",
    ),
    Command(
        "review.untagged",
        "settle_untagged",
        "0",
        "Untagged",
        "Settle the sentence as untagged (no label)",
        "Review",
    ),
    Command(
        "review.clear",
        "clear_decision",
        "backspace,delete",
        "Clear",
        "Remove the decision on the sentence (undecided again)",
        "Review",
    ),
    Command(
        "review.accept_agreed",
        "accept_agreed",
        "A",
        "Accept agreed",
        "Accept every sentence all annotators agree on, in one step (asks first)",
        "Review",
        show=True,
    ),
    Command(
        "review.undo",
        "undo",
        "u",
        "Undo",
        "Undo your last decision (kept across restarts)",
        "Review",
        show=True,
    ),
    Command("review.redo", "redo", "ctrl+r", "Redo", "Redo your last undone decision", "Review"),
    Command(
        "review.scope",
        "cycle_scope",
        "s",
        "Scope",
        "Walk the disagreements, every sentence tagged by more than one, or the unsettled",
        "Review",
        show=True,
    ),
    Command("review.back", "back", "escape", "Back", "Back to where review was opened", "App"),
)

APP_COMMANDS: tuple[Command, ...] = (
    Command(
        "app.help",
        "help",
        "question_mark,f1",
        "Help",
        "Show every key",
        "App",
        show=True,
        key_display="?",
    ),
    Command("app.theme", "change_theme", "ctrl+t", "Theme", "Choose a theme (remembered)", "App"),
    Command("app.quit", "quit", "ctrl+q", "Quit", "Quit (every tag is already saved)", "App"),
)
# ctrl+p (the palette) is Textual's own binding; the help screen lists it too.
PALETTE_COMMAND = Command(
    "app.palette", "command_palette", "ctrl+p", "Palette", "Search every action", "App"
)


def label_commands(labels: LabelSet, reserved: Iterable[str] = ()) -> list[Command]:
    """One command per label: its digit (1-9, in order) and its own key.

    Args:
        labels: The store's label set.
        reserved: Keys the screen already uses; a label key among them is left out (the
            label keeps its digit).
    """
    taken = set(reserved)
    commands = []
    for number, label in enumerate(labels.labels, start=1):
        keys = [str(number)] if number <= 9 else []
        if label.key not in taken:
            keys.append(label.key)
        if not keys:
            continue
        commands.append(
            Command(
                f"reader.tag.{label.name}",
                f"tag({label.name!r})",
                ",".join(keys),
                label.name,
                f"Tag the sentence as {label.name} (again: clear)",
                "Tag",
                show=number <= 3,
                key_display="/".join(keys),
            )
        )
    return commands


def reserved_keys(commands: Iterable[Command]) -> set[str]:
    """Every key (as written in a command, and as typed) used by ``commands``."""
    aliases = {
        "slash": "/",
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "greater_than_sign": ">",
        "less_than_sign": "<",
    }
    keys: set[str] = set()
    for command in commands:
        for key in command.keys.split(","):
            keys.add(key)
            keys.add(aliases.get(key, key))
    return keys


def commands_of(node: object) -> list[Command]:
    """The commands a screen or app declares: its ``extra_commands()`` (the labels, made at
    run time) first, then its ``COMMAND_LIST``."""
    extra = getattr(node, "extra_commands", None)
    found = list(extra()) if callable(extra) else []
    found.extend(getattr(node, "COMMAND_LIST", ()))
    return found


def version_commands(count: int = 9) -> list[Command]:
    """The review screen's keys that take an annotator's version: digits 1 to ``count``."""
    return [
        Command(
            f"review.version.{number}",
            f"take_version({number})",
            str(number),
            "Take",
            f"Settle on annotator {number}'s version: label, speaker and note",
            "Review",
            show=number == 1,
            key_display=f"1-{count}" if number == 1 else None,
        )
        for number in range(1, count + 1)
    ]


def review_label_commands(labels: LabelSet, reserved: Iterable[str] = ()) -> list[Command]:
    """The review screen's label keys: settle with a label of the reviewer's own.

    Labels have no digit here (digits take a version); a label whose key is ``reserved``
    has no key on the review screen (a version with it can still be taken).
    """
    taken = set(reserved)
    return [
        Command(
            f"review.label.{label.name}",
            f"settle({label.name!r})",
            label.key,
            label.name,
            f"Settle the sentence as {label.name} (your own label)",
            "Review",
        )
        for label in labels.labels
        if label.key not in taken
    ]
