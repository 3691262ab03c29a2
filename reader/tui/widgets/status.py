"""The status line and the entity legend under the article."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from reader.safe_text import visible

BAR_WIDTH = 8


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A bar of block characters: ``███░░░░░``."""
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def status_text(
    *,
    annotator: str,
    store: str,
    tagged: int,
    total: int,
    saved: str,
    unsaved: int,
    entities: str,
) -> Text:
    """The status line: annotator, store, progress, the save state and the entities' state.

    Args:
        annotator: Who is annotating.
        store: The store folder.
        tagged: Tagged sentences.
        total: All sentences.
        saved: ``saved``, ``unsaved`` or ``""`` (nothing tagged yet this session).
        unsaved: How many tags are waiting to be saved.
        entities: What the analysis is doing (``loading model…``), or ``""``.
    """
    parts: list[Text] = [
        Text(visible(annotator), style="bold"),
        Text(f"{tagged}/{total} {progress_bar(tagged, total)}"),
    ]
    if unsaved:
        parts.append(Text(f"✗ {unsaved} UNSAVED (ctrl+s retries)", style="bold reverse"))
    elif saved:
        parts.append(Text("✓ saved"))
    if entities:
        parts.append(Text(entities, style="italic"))
    parts.append(Text(visible(store), style="dim"))
    return Text(" · ").join(parts)


class StatusLine(Widget):
    """One line about the session; long store paths are cut, not wrapped.

    Not a ``Static``: its ``update`` lays the screen out again, which costs milliseconds on
    every key; this line has a fixed size, so a repaint is enough.
    """

    DEFAULT_CSS = """
    StatusLine { height: 1; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def update(self, text: Text) -> None:
        """Show ``text``."""
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Text:
        """The text, cut with an ellipsis."""
        text = self.text.copy()
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text


class Legend(Static):
    """What the highlight of each entity type looks like (styled like the article view)."""

    COMPONENT_CLASSES = {"legend--person", "legend--organisation", "legend--place"}

    DEFAULT_CSS = """
    Legend { height: 1; width: auto; padding: 0 1; }
    Legend > .legend--person { color: $text-accent; text-style: bold; }
    Legend > .legend--organisation { color: $text-primary; text-style: underline; }
    Legend > .legend--place { color: $text-success; text-style: italic; }
    """

    def render(self) -> Text:
        """Person, organisation, place, each in its style."""
        return Text.assemble(
            ("Person", self.get_component_rich_style("legend--person", partial=True)),
            " ",
            ("Organisation", self.get_component_rich_style("legend--organisation", partial=True)),
            " ",
            ("Place", self.get_component_rich_style("legend--place", partial=True)),
        )
