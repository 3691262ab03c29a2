"""Split a plain text into paragraphs, re-joining hard-wrapped wire copy.

Two layouts are common. Scraped pages and most exports put one paragraph on each line,
with lines of every length. Wire copy and e-mailed stories wrap every line at a fixed
width (often 64-80 columns) and mark paragraphs by a blank line, an indent, or a short
last line. The width test below tells them apart from the line lengths alone.
"""

from __future__ import annotations

import re

from reader.loaders.chrome import is_dateline
from reader.loaders.layout import ends_sentence, looks_like_title, parse_byline

#: Lines this close to the wrap width are taken to continue on the next line.
_WRAP_SLACK = 25
#: Wire services wrap at 80 columns or fewer; anything wider is a paragraph per line.
_MAX_WRAP_WIDTH = 100
#: A wire story's headline and byline are within its first lines.
_HEADER_LINES = 4

# A line that ends with a name's initial or a title ("Thomas J.", "Dr.") ends no sentence,
# however short it is: the name goes on at the start of the next line.
_OPEN_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Adv|Eng)\.$"
)
# A sentence's end, not a clause's (";" and ":" part a credit's own names).
_FULL_STOP = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
# The furniture that closes wire copy starts a line of its own after the last sentence:
# "(Reporting by ...; Editing by ...)", "AP Business Writers Jane Doe in Tokyo ...
# contributed", "With files from ...", "Editor: ...", "Image source: ...", "Enditem".
_FURNITURE_START = re.compile(
    r"""^(?:\(?(?:additional\ )?(?:reporting|writing|editing|compiled|research)\ by\b
    | (?:associated\ press|AP|AFP|Reuters|Bloomberg|Xinhua)(?:\ [A-Z][a-z]+){0,2}
      \ (?:writers?|correspondents?|reporters?|staff)\b
    | with\ files\ from\b | (?:editor|editors|editing|source|image\ source)\s*:
    | enditem\b)""",
    re.X | re.I,
)


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
            and not _OPEN_ABBREVIATION.search(previous_line)
        )
        furniture = bool(_FULL_STOP.search(previous_line) and _FURNITURE_START.match(line))
        if current and (indented or short_end or furniture):
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
    paragraphs, used = wire_header(groups[0])
    groups[0] = groups[0][used:]
    for group in groups:
        paragraphs.extend(unwrap(group, width))
    return paragraphs, True


def wire_header(group: list[str]) -> tuple[list[str], int]:
    """The headline and byline that open wrapped wire copy, each one paragraph.

    Wire copy often runs its headline, its byline ("By Jane Doe AP Business Writer") and
    its dateline sentence together without a blank line, and the headline's last line is
    long enough to read as wrapped text. They are told apart by the byline, or else the
    dateline, within the first lines: the lines before it are the headline. Returns the
    paragraphs of the header and how many lines they used (``[], 0`` when there is none).
    """
    lines = [line.strip() for line in group]
    for index, line in enumerate(lines[:_HEADER_LINES]):
        byline = parse_byline(line) is not None
        if not byline and not is_dateline(line):
            continue
        title = " ".join(lines[:index])
        if index and not (looks_like_title(title) and parse_byline(title) is None):
            return [], 0
        header = [title] if title else []
        # A byline is its own paragraph; a dateline opens the body's.
        if byline and index + 1 < len(lines):
            return [*header, line], index + 1
        return header, index
    return [], 0


def _pstdev(values: list[int]) -> float:
    """The population standard deviation (``statistics.pstdev`` without importing
    ``statistics``, which brings ``fractions`` and ``decimal``: 5 ms of every start)."""
    mean = sum(values) / len(values)
    return float((sum((value - mean) ** 2 for value in values) / len(values)) ** 0.5)
