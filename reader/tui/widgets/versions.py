"""Each annotator's version of a sentence, one line each, and the decision on it.

::

    1 ana   Q quote    — Ali Larijani · his words, reported
    2 bob   C claim
    ✓ rita: Q quote (as ana) — Ali Larijani

Every name, speaker and note is untrusted: drawn through :func:`~reader.safe_text.visible`
into a ``rich.text.Text``, never as markup. A line too long for the screen ends in ``…``.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from reader.labels import Label
from reader.store import Annotation, ReviewItem, Version
from reader.tui.display import shown
from reader.tui.widgets.article_lines import SPEAKER_MARK, label_style

#: Widest annotator name shown before it is cut.
NAME_WIDTH = 12


def _label(labels: Mapping[str, Label], name: str | None) -> Text:
    """``Q quote`` (the letter in the label's colour, as in the gutter), or ``· untagged``."""
    if name is None:
        return Text("· untagged", style="dim")
    label = labels.get(name)
    letter = shown(label.letter) if label is not None else "?"
    style = label_style(label.colour) if label is not None else "bold reverse"
    return Text.assemble((letter, style), " ", shown(name))


def _details(attribution: str | None, note: str | None) -> Text:
    text = Text()
    if attribution:
        text.append(f"  {SPEAKER_MARK} {shown(attribution)}", style="italic")
    if note:
        text.append(f" · {shown(note)}", style="dim")
    return text


def version_line(
    number: int, name: str, annotation: Annotation | None, labels: Mapping[str, Label], width: int
) -> Text:
    """One annotator's version: its key, the name, the label, the speaker and the note."""
    shown_name = shown(name)
    if len(shown_name) > NAME_WIDTH:
        shown_name = shown_name[: NAME_WIDTH - 1] + "…"
    line = Text.assemble((f"{number}", "bold reverse"), " ", (shown_name.ljust(width), "bold"))
    line.append("  ")
    label = None if annotation is None else annotation.label
    line.append_text(_label(labels, label).copy())
    if annotation is not None:
        line.append_text(_details(annotation.attribution, annotation.note))
    return line


def decision_line(item: ReviewItem, labels: Mapping[str, Label]) -> Text:
    """The decision on the item (and whether it is stale), or that there is none."""
    decision = item.decision
    if decision is None:
        return Text("○ undecided", style="dim")
    mark, style = ("! stale", "bold reverse") if item.stale else ("✓", "bold")
    line = Text.assemble((mark, style), " ", (shown(decision.reviewer), "bold"), ": ")
    line.append_text(_label(labels, decision.label))
    chosen = Version(decision.label, decision.attribution, decision.note)
    took = [name for name, a in item.versions.items() if Version.of(a) == chosen]
    if item.stale:
        line.append(" (the annotators changed their tags since)", style="dim")
    elif took:
        line.append(f" (as {shown(', '.join(took))})", style="dim")
    line.append_text(_details(decision.attribution, decision.note))
    return line


def versions_text(item: ReviewItem, labels: Mapping[str, Label]) -> Text:
    """Every version of ``item``, numbered from 1 in the order of the keys, then the
    decision."""
    width = min(max((len(shown(n)) for n in item.versions), default=0), NAME_WIDTH)
    lines = [
        version_line(number, name, annotation, labels, width)
        for number, (name, annotation) in enumerate(item.versions.items(), start=1)
    ]
    lines.append(decision_line(item, labels))
    text = Text("\n").join(lines)
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class VersionList(Static):
    """The versions of the item under review and its decision (see :func:`versions_text`)."""

    DEFAULT_CSS = """
    VersionList { height: auto; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show(self, item: ReviewItem | None, labels: Mapping[str, Label]) -> None:
        """Show ``item``'s versions (nothing for ``None``)."""
        self.update(Text() if item is None else versions_text(item, labels))
