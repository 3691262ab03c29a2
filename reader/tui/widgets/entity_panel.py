"""The people, organisations and places of an article, with their mention counts.

People and organisations are listed, most mentioned first; places sit under a collapsed
heading. An entity whose label rests on weak or conflicting evidence is dim with a ``?``.
Moving through the list selects an entity (the reading screen highlights its mentions);
below the list, the details say honestly who found each mention (the model, the alias
rules, the byline, or an analyst), why it has its label, and what it says: the claims and
quotes attributed to it (suggested ones with ``?``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.entities import Entity
from reader.tui.display import shown
from reader.tui.widgets.entity_line import EntityLine

KIND_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}
PLACES_TOGGLE = "toggle-places"


def entity_line(entity: Entity, widget: Widget) -> EntityLine:
    """One list line, for the list ``widget``: the name (cut with an ellipsis) and the
    mention count at the right."""
    if entity.uncertain:
        name = Text.assemble(("? ", "bold"), shown(entity.name), style="dim")
    else:
        name = Text(shown(entity.name))
    return EntityLine(widget, name, str(entity.count))


class Said(NamedTuple):
    """A sentence attributed to an entity, as the panel lists it.

    Attributes:
        sentence: Its index.
        letter: Its label's letter.
        suggested: Whether it is only suggested (not yet the analyst's tag).
        text: The sentence.
    """

    sentence: int
    letter: str
    suggested: bool
    text: str


def entity_details(entity: Entity) -> Text:
    """Who the entity is, who found its mentions, and how sure its label is (and why)."""
    by = Counter(mention.by for mention in entity.mentions)
    found = ", ".join(f"{source} {count}" for source, count in by.most_common())
    details = Text.assemble(
        (shown(entity.name), "bold"),
        f"\n{entity.label} · {entity.count} mention{'s' if entity.count != 1 else ''}",
        f"\nfound by: {found}",
    )
    if entity.uncertain:
        share = round(entity.confidence * 100)
        details.append(f"\n? uncertain: {share}% of the evidence says {entity.label}", "bold")
    if entity.why:
        details.append("\nwhy: " + "; ".join(shown(reason) for reason in entity.why))
    return details


def said_lines(said: Sequence[Said]) -> Text:
    """The claims and quotes of an entity, one line each (cut at the panel's edge)."""
    if not said:
        return Text("says: nothing tagged or suggested", style="dim")
    lines = Text(no_wrap=True, overflow="ellipsis")
    lines.append(f"says: {len(said)} (n/N jump)", "bold")
    for item in said:
        lines.append("\n")
        mark = f"{shown(item.letter)}{'?' if item.suggested else ' '} "
        lines.append(mark, "dim" if item.suggested else "bold")
        lines.append(" ".join(shown(item.text).split()), "dim" if item.suggested else "")
    return lines


class EntityPanel(Vertical, can_focus=False):
    """The entity list and the selected entity's details.

    ``j``/``k`` move through the list while it has focus, as they move through the
    article when it does (the reading screen's own ``j``/``k`` would move the article).
    """

    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False, id="entities.down"),
        Binding("k", "move(-1)", "Up", show=False, id="entities.up"),
    ]

    class Highlighted(Message):
        """An entity was highlighted in the list (``None``: a heading or nothing)."""

        def __init__(self, panel: EntityPanel, entity: Entity | None) -> None:
            super().__init__()
            self.panel = panel
            self.entity = entity

    class Chosen(Message):
        """An entity was chosen with Enter or a click."""

        def __init__(self, panel: EntityPanel, entity: Entity) -> None:
            super().__init__()
            self.panel = panel
            self.entity = entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: list[Entity] = []
        self.places_open = False
        self._ready = False
        #: What the selected entity says (set by the reading screen).
        self.said: list[Said] = []

    def compose(self) -> ComposeResult:
        """The list, then the details."""
        waiting = Option(shown("Finding people and organisations…"), disabled=True)
        yield OptionList(waiting, id="entity-list")
        yield Static("", id="entity-details")

    def on_mount(self) -> None:
        """Title the panel."""
        self.border_title = "Entities"

    def action_move(self, step: int) -> None:
        """Move the list's highlight."""
        if step > 0:
            self.option_list.action_cursor_down()
        else:
            self.option_list.action_cursor_up()

    @property
    def option_list(self) -> OptionList:
        """The list widget."""
        return self.query_one("#entity-list", OptionList)

    def set_failed(self, message: str) -> None:
        """Say that the entities could not be found."""
        options = self.option_list
        options.clear_options()
        options.add_option(Option(Text(shown(message), style="italic"), disabled=True))

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Show these entities, keeping the highlighted one if it is still there."""
        options = self.option_list
        previous = self.selected
        self.entities = list(entities)
        self._ready = True
        self._rebuild(previous.name if previous else None)
        if not options.has_focus and previous is None:
            options.highlighted = None

    def _rebuild(self, keep: str | None) -> None:
        options = self.option_list
        options.clear_options()
        by_kind: dict[str, list[tuple[int, Entity]]] = {k: [] for k in KIND_TITLES}
        for index, entity in enumerate(self.entities):
            if entity.kind in by_kind:
                by_kind[entity.kind].append((index, entity))
        added: list[Option] = []
        for kind, title in KIND_TITLES.items():
            members = sorted(by_kind[kind], key=lambda item: (-item[1].count, item[1].name))
            if kind == "place":
                arrow = shown("▾" if self.places_open else "▸")
                heading = Text(f"{arrow} {title} ({len(members)})", style="bold")
                added.append(Option(heading, id=PLACES_TOGGLE))
                if not self.places_open:
                    continue
            else:
                added.append(Option(Text(f"{title} ({len(members)})", style="bold"), disabled=True))
            added.extend(Option(entity_line(e, options), id=f"entity-{i}") for i, e in members)
        options.add_options(added)
        if keep is not None:
            for position, option in enumerate(added):
                kept = self._entity_of(option.id)
                if kept is not None and kept.name == keep:
                    options.highlighted = position
                    break

    def _entity_of(self, option_id: str | None) -> Entity | None:
        if option_id is None or not option_id.startswith("entity-"):
            return None
        index = int(option_id.removeprefix("entity-"))
        return self.entities[index] if index < len(self.entities) else None

    @property
    def selected(self) -> Entity | None:
        """The highlighted entity, if any."""
        options = self.option_list
        if options.highlighted is None or not self._ready:
            return None
        return self._entity_of(options.get_option_at_index(options.highlighted).id)

    def clear_selection(self) -> None:
        """Highlight nothing."""
        self.option_list.highlighted = None
        self._show_details(None)

    def set_said(self, said: Sequence[Said]) -> None:
        """Show what the selected entity says (its claims and quotes)."""
        said = list(said)
        if said != self.said:
            self.said = said
            self._show_details(self.selected)

    def _show_details(self, entity: Entity | None) -> None:
        details = self.query_one("#entity-details", Static)
        if entity is None:
            details.update("")
        else:
            details.update(Group(entity_details(entity), said_lines(self.said)))
        details.set_class(entity is None, "-empty")

    @on(OptionList.OptionHighlighted, "#entity-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        entity = self._entity_of(event.option.id)
        self._show_details(entity)
        self.post_message(self.Highlighted(self, entity))

    @on(OptionList.OptionSelected, "#entity-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == PLACES_TOGGLE:
            self.places_open = not self.places_open
            self._rebuild(None)
            self.option_list.highlighted = event.option_index
            return
        entity = self._entity_of(event.option.id)
        if entity is not None:
            self.post_message(self.Chosen(self, entity))
