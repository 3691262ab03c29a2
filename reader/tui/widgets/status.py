"""The status line and the entity legend under the article."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from reader.tui.display import shown

BAR_WIDTH = 8


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A bar of block characters: ``███░░░░░``."""
    filled = round(width * done / total) if total else 0
    return shown("█" * filled + "░" * (width - filled))


def status_text(
    *,
    annotator: str,
    store: str,
    tagged: int,
    total: int,
    saved: str,
    unsaved: int,
    entities: str,
    sought: str = "",
    auto_advance: bool = True,
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
        sought: The filter in force (``Daesh 3/15``), or ``""``: shown for as long as it is.
        auto_advance: Whether a tag moves on (said only when it does not).
    """
    parts: list[Text] = [
        Text(shown(annotator), style="bold"),
        Text(f"{tagged}/{total} {progress_bar(tagged, total)}"),
    ]
    if unsaved:
        parts.append(Text(shown(f"✗ {unsaved} UNSAVED (ctrl+s retries)"), style="bold reverse"))
    if sought:
        parts.append(Text(shown(f"filter: {sought} · Esc clears"), style="bold"))
    if not auto_advance:
        parts.append(Text("auto-advance off", style="bold"))
    if saved and not unsaved:
        parts.append(Text(shown("✓ saved")))
    if entities:
        parts.append(Text(shown(entities), style="italic"))
    parts.append(Text(shown(store), style="dim"))
    return Text(shown(" · ")).join(parts)


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


def sentence_info(note: str, speaker: str) -> Text:
    """The current sentence's speaker and note, on one line (``""`` parts left out)."""
    parts = []
    if speaker:
        parts.append(Text.assemble(("speaker: ", "bold"), shown(speaker)))
    if note:
        parts.append(Text.assemble(("note: ", "bold"), shown(note)))
    return Text(shown(" · ")).join(parts)
