"""Split a plain text into paragraphs, re-joining hard-wrapped wire copy.

Two layouts are common. Scraped pages and most exports put one paragraph on each line,
with lines of every length. Wire copy and e-mailed stories wrap every line at a fixed
width (often 64-80 columns) and mark paragraphs by a blank line, an indent, or a short
last line. The width test below tells them apart from the line lengths alone.
"""

from __future__ import annotations

from reader.loaders.layout import ends_sentence

#: Lines this close to the wrap width are taken to continue on the next line.
_WRAP_SLACK = 25
#: Wire services wrap at 80 columns or fewer; anything wider is a paragraph per line.
_MAX_WRAP_WIDTH = 100


def chunks(lines: list[str]) -> list[list[str]]:
    """Group lines into runs separated by blank lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def wrap_width(groups: list[list[str]]) -> int | None:
    """Return the wrap width if the text is hard-wrapped, else ``None``."""
    lengths = [len(line.strip()) for group in groups for line in group]
    inner = [len(line.strip()) for group in groups for line in group[:-1]]
    if len(inner) < 2:
        return None
    # The 95th percentile, not the maximum: one long URL line must not hide the wrapping.
    width = sorted(lengths)[min(len(lengths) - 1, int(len(lengths) * 0.95))]
    if width > _MAX_WRAP_WIDTH:
        return None
    near_width = sum(1 for length in inner if length >= width - _WRAP_SLACK)
    if near_width / len(inner) < 0.6:
        return None
    # Paragraph-per-line text whose paragraphs happen to be short varies a lot in length;
    # wrapped text is tight around its width.
    if _pstdev(inner) > width / 3:
        return None
    return width


def _join(previous: str, line: str) -> str:
    # "co-" at a line end followed by "operation": keep the hyphen, drop the break.
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha():
        return previous + line
    return f"{previous} {line}"


def unwrap(group: list[str], width: int) -> list[str]:
    """Re-join the lines of one wrapped run into paragraphs."""
    paragraphs: list[str] = []
    current = ""
    previous_line = ""
    for raw in group:
        line = raw.strip()
        indented = raw.startswith("  ")
        short_end = (
            bool(previous_line)
            and ends_sentence(previous_line)
            and len(previous_line) < width - _WRAP_SLACK
        )
        if current and (indented or short_end):
            paragraphs.append(current)
            current = ""
        current = _join(current, line) if current else line
        previous_line = line
    if current:
        paragraphs.append(current)
    return paragraphs


def split_paragraphs(lines: list[str]) -> tuple[list[str], bool]:
    """Return the paragraphs of ``lines`` and whether the text was hard-wrapped."""
    groups = chunks(lines)
    width = wrap_width(groups)
    if width is None:
        return [line.strip() for group in groups for line in group], False
    paragraphs: list[str] = []
    for group in groups:
        paragraphs.extend(unwrap(group, width))
    return paragraphs, True


def _pstdev(values: list[int]) -> float:
    """The population standard deviation (``statistics.pstdev`` without importing
    ``statistics``, which brings ``fractions`` and ``decimal``: 5 ms of every start)."""
    mean = sum(values) / len(values)
    return float((sum((value - mean) ** 2 for value in values) / len(values)) ** 0.5)
