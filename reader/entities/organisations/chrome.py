"""A page's chrome and a story's credits, which the model tags as bodies: a section's
heading alone on its line ("POLITICS", "Courts & Crime", "POLITICS / BENIN"), an
account's link in a menu line ("Log in | Register"), a wire credit's verb ("Writing by
X") and a reporter's beat ("Religion and Health Correspondent")."""

from __future__ import annotations

import re

from reader.entities.model import Mention
from reader.entities.organisations.shared import Weighing
from reader.gazetteer import is_place

# The sections that news sites file stories under, in English usage.
SECTIONS = frozenset(
    """politics political business markets market economy economics finance money
    sport sports football soccer basketball tennis cricket rugby athletics culture arts
    world opinion comment analysis science health tech technology courts court crime
    justice law lifestyle life entertainment news local national international regional
    environment climate education travel food media energy features weather society
    religion faith obituaries elections government diplomacy defence defense security
    agriculture property motoring auto investigations breaking latest home video
    podcasts photos letters editorial labour labor jobs économie economie economía
    politique política actualités actualidad""".split()
)
# The links of a reader's account and of a page's tools in a menu line ("Log in |
# Register | Subscribe").
ACCOUNT_LINKS = frozenset(
    """register newsletter newsletters subscribe subscription subscriptions login logout
    signup e-paper epaper menu search share print""".split()
)
# Verbs of a wire story's credits before "by" ("Writing by X; Editing by Y").
CREDIT_VERBS = frozenset("reporting writing editing compiled additional photography".split())
# What a reporter is after a beat's name ("Religion and Health Correspondent").
_REPORTERS = re.compile(
    r"(?: (?:and|&) [A-Z][a-z]+)* (?:Correspondent|Editor|Reporter|Writer|Columnist)\b"
)
_PARTS = re.compile(r"\s*(?:/|&|\||>|,|\band\b)\s*", re.IGNORECASE)


def _line_of(text: str, mention: Mention) -> str:
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    return text[start : end if end >= 0 else len(text)].strip()


def section_heading(text: str, mention: Mention) -> bool:
    """Whether a mention is a section's heading alone on its line: every part of the line
    a section's name or a place's, at least one of them a section's ("POLITICS",
    "Courts & Crime", "POLITICS / BENIN", "Sport / Football")."""
    line = _line_of(text, mention)
    if len(line) > 40 or mention.text not in line:
        return False
    parts = [part for part in _PARTS.split(line) if part]
    sections = 0
    for part in parts:
        if part.lower() in SECTIONS:
            sections += 1
        elif not is_place(part):
            return False
    return sections > 0 and any(section in mention.text.lower() for section in SECTIONS)


def account_link(text: str, mention: Mention) -> bool:
    """Whether a mention is an account's or a tool's link in a menu line ("Log in |
    Register")."""
    return mention.text.lower() in ACCOUNT_LINKS and " | " in _line_of(text, mention)


def credit_verb(text: str, mention: Mention) -> bool:
    """Whether a mention is a wire credit's verb before "by" ("Writing by X")."""
    return mention.text.lower() in CREDIT_VERBS and text.startswith(" by ", mention.end)


def reporters_beat(text: str, mention: Mention) -> bool:
    """Whether a mention is the beat in a reporter's title ("Religion and Health
    Correspondent")."""
    return (
        all(word.lower() in SECTIONS for word in mention.text.split())
        and _REPORTERS.match(text, mention.end) is not None
    )


def weigh_chrome(text: str, mentions: tuple[Mention, ...], weighing: Weighing) -> None:
    """Take the labels of a name off when every mention of it is the page's chrome or a
    credit's words."""
    words = {word.lower() for mention in mentions[:1] for word in re.findall(r"\w+", mention.text)}
    if not words & (SECTIONS | ACCOUNT_LINKS | CREDIT_VERBS):
        return  # every rule here asks for one of these words in the name
    reason = ""
    if all(section_heading(text, m) for m in mentions):
        reason = "a section's heading alone on its line"
    elif all(account_link(text, m) for m in mentions):
        reason = "an account's link in a menu line"
    elif all(credit_verb(text, m) for m in mentions):
        reason = "a credit's verb before 'by'"
    elif all(reporters_beat(text, m) for m in mentions):
        reason = "a reporter's beat"
    if reason:
        for label in ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"):
            weighing.weights[label] = 0
        weighing.add("CHROME", 1, reason)
