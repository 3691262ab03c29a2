"""Recognise the parts of a news page that every text format shares.

Headlines, bylines, dates and photo captions look alike across outlets whatever the file
format, so the plain, wire and scraped loaders share these recognisers. They work on the
shape of a line (length, punctuation, leading "By"), never on names from a particular
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from reader.article import BlockKind
from reader.loaders.decoding import squash_spaces

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A month's name or abbreviation, for other modules' date-shaped patterns.
MONTH_RE = _MONTH_RE
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_FIRST = re.compile(
    rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})\b", re.I
)
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\s*,?\s*(\d{{4}})\b", re.I)

# "By Jane Doe", and in the page's own language first: "Par / By Jane Doe", "Por Jane Doe".
_BYLINE = re.compile(
    r"^(?:(?:(?:par|por|von)\s*/\s*)?by|from|par|por|von)\s+"
    r"(?P<who>[^\n]+?)(?:\s+[-\u2013\u2014|]\s+(?P<rest>.*))?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*$")

# A caption names its picture: "(Anadolu Agency photo)", "Photo: Jane Doe/Reuters",
# "This handout picture shows ...". The word alone is not enough ("a photo finish"), so it
# must come with a caption's framing: a trailing parenthesis, a leading label, or "shows".
_PICTURE_WORDS = r"(?:photo(?:graph)?s?|pictures?|images?|handout|file\s+pic|pic)"
_CAPTION_PATTERNS = (
    re.compile(rf"\((?:[^()]*\b{_PICTURE_WORDS}\b[^()]*)\)\s*\.?$", re.I),
    re.compile(
        rf"^(?:\(?{_PICTURE_WORDS}(?:\s+(?:source|credit))?|caption|credit)\s*[:/)\-\u2013\u2014]",
        re.I,
    ),
    re.compile(rf"\b{_PICTURE_WORDS}\b[^.]{{0,80}}\b(?:shows?|showing|taken|pictured)\b", re.I),
    re.compile(r"\b(?:pictured|in this photo|seen here)\b", re.I),
    # The credit after the caption's sentence: "... on Tuesday. Photo: Jane Doe/AFP",
    # "... in 2024. Image source: Getty Images".
    re.compile(rf"[.!?]\s+{_PICTURE_WORDS}(?:\s+(?:source|credit))?\s*:\s*[^.!?]+$", re.I),
)


def parse_date(text: str) -> str | None:
    """Find the first calendar date in ``text`` and return it as an ISO date."""
    found: list[tuple[int, date]] = []
    for match in _ISO_DATE.finditer(text):
        parsed = _make_date(int(match[1]), int(match[2]), int(match[3]))
        if parsed:
            found.append((match.start(), parsed))
    for match in _MONTH_FIRST.finditer(text):
        parsed = _make_date(int(match[3]), _month(match[1]), int(match[2]))
        if parsed:
            found.append((match.start(), parsed))
    for match in _DAY_FIRST.finditer(text):
        parsed = _make_date(int(match[3]), _month(match[2]), int(match[1]))
        if parsed:
            found.append((match.start(), parsed))
    if not found:
        return None
    return min(found)[1].isoformat()


def _month(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return datetime(year, month, day).date()
    except ValueError:
        return None


def parse_byline(line: str) -> tuple[str, str | None] | None:
    """If ``line`` is a byline, return (who, date) with the date as ISO if it has one."""
    stripped = line.strip(" *_")
    match = _BYLINE.match(stripped)
    if not match or len(stripped) > 160:
        return None
    who = match["who"].strip(" ,")
    # "By AFP - Jul 24,2017": the date may sit in the rest or at the end of `who`.
    rest = match["rest"] or ""
    when = parse_date(rest) or parse_date(who)
    if not match["rest"]:
        who = re.split(r"\s*[,|]\s*(?=" + _MONTH_RE + r"|\d)", who, maxsplit=1)[0]
    if not who or who[0].islower():
        return None
    return who_signed(who), when


# "OLENA MARCHUK and PIOTR ZIELINSKI Associated Press": names in capitals, then, in mixed
# case, the outlet (and role) they write for.
_CAPITAL_NAMES = re.compile(
    r"^(?P<names>[A-Z][A-Z'.\-]+(?:\s+(?:[A-Z][A-Z'.\-]*|and|&))+)\s+(?P<tail>[A-Z][a-z].*)$"
)
# "DANA DOE AP Business Writer": before a role, a short word in capitals is the outlet's.
_OUTLET_BEFORE_ROLE = re.compile(r"^(?P<names>.+?)\s+(?P<outlet>[A-Z]{2,4})$")
# The role that ends a writer's description ("AP Business Writer", "Arts Correspondent"),
# and the beats that qualify it: a description, not a name, is left out of ``who``.
_ROLES = frozenset(
    """writer writers correspondent correspondents reporter reporters editor editors staff
    columnist stringer contributor contributors""".split()
)
_BEATS = frozenset(
    """business political politics economics economy arts culture sports sport health
    science diplomatic legal foreign chief senior special energy markets market technology
    tech education environment environmental court courts crime security defence defense
    labour labor investigations investigative entertainment medical religion transport
    agriculture climate finance financial national international regional city local
    general news world asia africa europe middle east staff""".split()
)


def who_signed(who: str) -> str:
    """The names and outlet of a byline's ``who``, without the writer's role.

    "DANA DOE AP Business Writer" -> "DANA DOE, AP"; "Jane Doe, Arts Correspondent" ->
    "Jane Doe"; "Reuters Staff" -> "Reuters". The names stay as written.
    """
    match = _CAPITAL_NAMES.match(who)
    if match and sum(1 for word in match["names"].split() if len(word) > 1) >= 2:
        names, tail = match["names"], match["tail"]
        outlet = _OUTLET_BEFORE_ROLE.match(names)
        if outlet and tail.split()[-1].lower() in _ROLES and len(outlet["names"].split()) >= 2:
            names, tail = outlet["names"], f"{outlet['outlet']} {tail}"
        who = f"{names}, {tail}"
    parts = []
    for part in re.split(r"(,\s*)", who):
        words = part.split()
        if len(words) > 1 and words[-1].lower() in _ROLES:
            words.pop()
            while words and (words[-1].lower() in _BEATS or words[-1] in ("and", "&")):
                words.pop()
            part = " ".join(words)
        parts.append(part)
    signed = re.sub(r"(?:,\s*)+$", "", "".join(parts))
    signed = re.sub(r"(?:,\s*){2,}", ", ", signed).strip(" ,")
    return signed or who


def is_caption(line: str) -> bool:
    """Does ``line`` read like a photo caption?"""
    return any(pattern.search(line) for pattern in _CAPTION_PATTERNS)


def looks_like_title(line: str) -> bool:
    """A headline is short and does not end like a sentence (a question may)."""
    return 0 < len(line) <= 200 and not re.search(r"[.:;,][\"'\u201d\u2019)]*$", line)


def ends_sentence(line: str) -> bool:
    """Does ``line`` end with sentence-final punctuation?"""
    return bool(_SENTENCE_END.search(line))


@dataclass
class Layout:
    """The parts of an article found in its text, before offsets are computed.

    Attributes:
        blocks: (kind, text) in reading order.
        title, date, byline, caption: metadata found on the way.
        metadata: anything else the format carried.
    """

    blocks: list[tuple[BlockKind, str]] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    caption: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    def add(self, kind: BlockKind, text: str) -> None:
        """Append a block, normalising its spaces; empty blocks are dropped."""
        text = squash_spaces(text)
        if not text:
            return
        self.blocks.append((kind, text))
        if kind == "title" and self.title is None:
            self.title = text
        elif kind == "caption" and self.caption is None:
            self.caption = text


def read_header(lines: list[str], layout: Layout, *, title_required: bool = False) -> int:
    """Recognise a headline, byline, date line and caption at the top of ``lines``.

    Fills ``layout`` and returns how many lines the header used. Lines are one paragraph
    each (already unwrapped); blank lines have been removed.
    """
    index = _skip_breadcrumbs(lines)
    if index:
        layout.metadata["section"] = " / ".join(lines[:index])
    # A headline comes first, and only when more follows it.
    if (
        len(lines) > index + 1
        and (title_required or looks_like_title(lines[index]))
        and parse_byline(lines[index]) is None
    ):
        layout.add("title", lines[index])
        index += 1
    # Within the next few lines: a byline, a line that is only a date, a caption.
    for _ in range(3):
        if index >= len(lines) - 1:
            break
        line = lines[index]
        byline = parse_byline(line)
        if byline and layout.byline is None:
            layout.byline = byline[0]
            if layout.date is None and byline[1]:
                layout.date = byline[1]
            layout.add("byline", line)
            index += 1
            continue
        only_date = parse_date(line)
        if only_date and len(line) <= 40 and layout.date is None:
            layout.date = only_date
            layout.add("byline", line)
            index += 1
            continue
        if layout.caption is None and is_caption(line):
            layout.add("caption", line)
            index += 1
            continue
        break
    return index


#: Section names above a headline ("Business", "World / Middle East") are short.
_MAX_BREADCRUMB = 40


def _skip_breadcrumbs(lines: list[str]) -> int:
    """Count the section names ("Business", "Sport") that a page puts above its headline.

    They are recognised by position: short lines that do not read like sentences, followed
    by the headline and then the byline. Without a byline nothing is skipped, because the
    first short line may then be the headline itself.
    """
    for byline_index in range(2, min(len(lines), 6)):
        if parse_byline(lines[byline_index]) is None:
            continue
        crumbs = lines[: byline_index - 1]
        if all(
            len(line) <= _MAX_BREADCRUMB and looks_like_title(line) and not parse_date(line)
            for line in crumbs
        ):
            return len(crumbs)
        return 0
    return 0
