"""A site's own name over its menu: a scraped page opens with the outlet's masthead, a
line of a few capitalised words, and under it the sections' menu ("Politics | Economy |
Sport | Opinion"). The model reads the masthead as anything or nothing; its shape says it
is the outlet."""

from __future__ import annotations

import re

# A masthead's words: capitalised, or the short particles of a title in any language ("El
# Observador del Plata", "Le Journal de Tana", "The Ulster Ledger").
_WORD = (
    r"(?:[A-Z\u00c0-\u00de][\w'\u2019&-]*"
    r"|de|del|la|le|las|los|du|des|di|da|do|of|the|and|y|e|et|am|an|al|el)"
)
_MASTHEAD_LINE = re.compile(rf"^[ \t]*({_WORD}(?: {_WORD}){{0,5}})[ \t]*$", re.M)
# A menu of sections: three items or more parted by bars, none of them a sharing or an
# account's link (which follow a byline or a date, not a masthead).
_MENU_LINE = re.compile(r"[^\n|]+(?: \| [^\n|]+){2,}")
_NOT_SECTIONS = re.compile(
    r"\b(?:Share|Facebook|WhatsApp|Twitter|Print|Email|E-mail|Log in|Sign in|Listen)\b"
)
_PARTICLES = frozenset("de del la le las los du des di da do of the and y e et am an al el".split())


def mastheads(text: str) -> list[tuple[int, int]]:
    """Each line that names the site over its menu of sections (see the module's note):
    two words or more, the first capitalised and not a byline's "By"; one word alone is
    rather a section's name over its sub-menu ("Sport" over "Football | Tennis | Golf")."""
    found = []
    for match in _MASTHEAD_LINE.finditer(text):
        name = match.group(1)
        words = name.split()
        if words[0].lower() in _PARTICLES - {"the", "el", "le", "la", "los", "las"}:
            continue
        if words[0] == "By" or words[-1].lower() in _PARTICLES:
            continue
        if len(words) == 1:
            continue
        rest = text[match.end() :].lstrip("\n \t")
        menu = _MENU_LINE.match(rest)
        if menu is None or "\n" in rest[: menu.end()] or _NOT_SECTIONS.search(menu.group()):
            continue
        found.append(match.span(1))
    return found
