"""How the article view draws its lines: the gutter, a sentence's styled text, the speaker.

Each line starts with a four-cell gutter: the cursor mark, the label's letter (in the
label's colour, reversed, so it reads in 16 colours and with ``NO_COLOR``), and ``!`` when
the tag is not saved, ``*`` when it has a note. A suggested label (not yet the analyst's) is
its letter dim and not reversed, with a ``?``. Whoever says a sentence (its tag's
attribution, or the suggested speaker followed by ``?``) follows the sentence, dim.

The functions here draw; :class:`~reader.tui.widgets.article_view.ArticleView` keeps the
state (cursor, scroll, layout, cache) and calls them for the sentences that come into sight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple, Protocol

from rich.color import ColorParseError
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from reader.attribution import Suggestion
from reader.labels import Label
from reader.reading.finding import Span
from reader.tui.contrast import label_ink
from reader.tui.display import ascii_only, shown

#: The gutter's width, in cells: cursor mark, label letter, ``!``/``*``/``?``, a space.
GUTTER = 4
#: The article view's component classes (``article-view--NAME``), resolved once per theme.
STYLE_NAMES = (
    "cursor",
    "cursor-mark",
    "title",
    "aside",
    "dateline",
    "person",
    "organisation",
    "place",
    "mark",
    "unsaved",
    "suggested",
    "speaker",
    "selection",
)
#: Between a sentence and whoever says it.
SPEAKER_MARK = "—"


class TagSource(Protocol):
    """Where the view reads the tags from (a :class:`~reader.reading.session.TaggingSession`)."""

    @property
    def tags(self) -> Mapping[int, str]:
        """Each tagged sentence's label."""

    @property
    def unsaved(self) -> Mapping[int, str | None]:
        """The sentences whose last change is not saved."""

    def has_note(self, sentence: int) -> bool:
        """Whether the sentence's tag has a note."""

    def suggestion(self, sentence: int) -> Suggestion | None:
        """The suggestion offered on the sentence, if any."""

    def speaker(self, sentence: int) -> str | None:
        """Who says the sentence (its tag's attribution, or the suggested speaker)."""

    def subscribe(self, listener: Callable[[int | None], object]) -> None:
        """Call ``listener`` with each sentence whose tag changes (``None``: any)."""


class NoTags:
    """No tags (a view that only shows an article)."""

    tags: Mapping[int, str] = {}
    unsaved: Mapping[int, str | None] = {}

    def has_note(self, sentence: int) -> bool:
        """Never."""
        return False

    def suggestion(self, sentence: int) -> Suggestion | None:
        """None."""
        return None

    def speaker(self, sentence: int) -> str | None:
        """No one."""
        return None

    def subscribe(self, listener: Callable[[int | None], object]) -> None:
        """Nothing ever changes."""


def label_style(colour: str) -> Style:
    """A label letter's style: reversed, in the label's colour if Rich knows the colour,
    the letter black or white, whichever reads on it (:func:`label_ink`).

    ``labels.toml`` accepts any colour-like word; one that Rich cannot parse must not stop
    the article from drawing, and the reversed letter still reads.
    """
    try:
        return Style(color=colour, bgcolor=label_ink(colour), bold=True, reverse=True)
    except ColorParseError:
        return Style(bold=True, reverse=True)


class Canvas(NamedTuple):
    """What every line of one frame shares.

    Attributes:
        styles: The component styles by name (:data:`STYLE_NAMES`), and ``base``.
        console: The console that renders the text.
        width: The view's width, in cells.
        text_width: The text column's width.
        margin: The blank cells left of the gutter (the column is centred).
    """

    styles: Mapping[str, Style]
    console: Console
    width: int
    text_width: int
    margin: int


def speaker_suffix(source: TagSource, sentence: int) -> str:
    """What follows the sentence on screen: `` — Name``, `` — Name?`` if suggested."""
    speaker = source.speaker(sentence)
    if not speaker:
        return ""
    doubt = "?" if source.suggestion(sentence) is not None else ""
    # No-break spaces: the mark and the name wrap as one word (plain spaces on an
    # ASCII terminal, where the mark is a hyphen).
    glue = " " if ascii_only() else "\xa0"
    name = glue.join(shown(speaker).split())
    return f"  {shown(SPEAKER_MARK)}{glue}{name}{doubt}"


def styled_sentence(
    text: str,
    block: str,
    *,
    entities: Iterable[tuple[int, int, str]],
    marks: Iterable[Span],
    selected: Span | None,
    suffix: str | None,
    current: bool,
    styles: Mapping[str, Style],
) -> Text:
    """A sentence's text, styled: its block, entities, marks, selection, speaker, cursor."""
    styled = Text(text, end="", no_wrap=True)
    if block == "title":
        styled.stylize(styles["title"])
    elif block in ("byline", "caption"):
        styled.stylize(styles["aside"])
    for a, b, kind in entities:
        styled.stylize(styles[kind], a, b)
    for a, b in marks:
        styled.stylize(styles["mark"], a, b)
    if selected is not None:
        styled.stylize(styles["selection"], *selected)
    if suffix:
        styled.append(suffix, styles["speaker"])
    if current:
        styled.stylize_before(styles["cursor"])
    return styled


def sentence_strips(
    text: Text,
    starts: Sequence[int],
    gutter: Sequence[list[Segment]],
    *,
    current: bool,
    canvas: Canvas,
) -> list[Strip]:
    """The finished lines of one sentence: margin, gutter, text (cut at ``starts``), padding."""
    styles = canvas.styles
    base = styles["base"]
    ends = [*starts[1:], len(text.plain)]
    lines = text.divide(ends)
    margin = Segment(" " * canvas.margin, base)
    strips = []
    for number, piece in enumerate(lines[: len(starts)]):
        piece.rstrip_end(canvas.text_width)
        body = Strip(piece.render(canvas.console)).apply_style(base)
        if current:
            body = body.adjust_cell_length(canvas.text_width, base + styles["cursor"])
        line = Strip([margin, *gutter[number], *body])
        strips.append(line.adjust_cell_length(canvas.width, base))
    return strips


def dateline_strip(dateline: str, canvas: Canvas) -> Strip:
    """The dateline under the title, aligned with the text column."""
    styles = canvas.styles
    base = styles["base"]
    text = Text(dateline, style=styles["dateline"], end="", no_wrap=True)
    rendered = Strip(text.render(canvas.console)).apply_style(base)
    margin = Segment(" " * (canvas.margin + GUTTER), base)
    return Strip([margin, *rendered]).adjust_cell_length(canvas.width, base)


def gutter(
    source: TagSource,
    labels: Mapping[str, Label],
    index: int,
    *,
    current: bool,
    count: int,
    styles: Mapping[str, Style],
) -> list[list[Segment]]:
    """The gutter of each of a sentence's ``count`` lines (only the first has marks)."""
    base = styles["base"]
    mark_style = base + styles["cursor-mark"]
    unsaved_style = base + styles["unsaved"]
    suggested_style = base + styles["suggested"]
    label = labels.get(source.tags.get(index, ""))
    unsaved = index in source.unsaved
    suggestion = source.suggestion(index) if label is None and not unsaved else None
    suggested = labels.get(suggestion.label) if suggestion is not None else None
    lines = []
    for number in range(count):
        mark = shown("▶" if number == 0 else "▐") if current else " "
        segments = [Segment(mark, mark_style)]
        if number == 0 and label is not None:
            segments.append(Segment(shown(label.letter), base + label_style(label.colour)))
        elif number == 0 and suggestion is not None:
            letter = shown(suggested.letter) if suggested is not None else "?"
            segments.append(Segment(letter, suggested_style))
            segments.append(Segment("?", suggested_style))
            segments.append(Segment(" ", base))
            lines.append(segments)
            continue
        elif number == 0 and unsaved:
            segments.append(Segment("-", unsaved_style))
        else:
            segments.append(Segment(" ", base))
        if number == 0 and unsaved:
            segments.append(Segment("!", unsaved_style))
        elif number == 0 and source.has_note(index):
            segments.append(Segment("*", mark_style))
        else:
            segments.append(Segment(" ", base))
        segments.append(Segment(" ", base))
        lines.append(segments)
    return lines
