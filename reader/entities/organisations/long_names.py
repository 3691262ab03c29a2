"""Long organisations' names that the model cut short or ran together: completed before
or after a "for" or "of" phrase ("National Center for" + "Vector Borne Diseases
Control"), and cut at a headline's verb, a member's role, a match's "and" or an owner's
possessive before a place."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.organisations.clubs import is_sports_story
from reader.entities.organisations.shared import BODY_HEADS
from reader.entities.people import _PORTFOLIO_WORDS
from reader.gazetteer import is_country, is_demonym, is_place
from reader.syntax import Parse

_BODY_BEFORE = re.compile(
    r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019-]* ){0,3}[A-Z][\w'\u2019-]*) (?:for|of) $"
)


def body_before(text: str, start: int) -> int:
    """The start of a body's name that the model cut after its "for" or "of": "National
    Center for" before "Vector Borne Diseases Control"."""
    match = _BODY_BEFORE.search(text, max(0, start - 80), start)
    if match and match.group(1).split()[-1].lower() in BODY_HEADS:
        return match.start(1)
    return start


def inner_verb(text: str, start: int, end: int, parse: Parse) -> tuple[int, int] | None:
    """A verb in lower case inside a span, between capitalised words: a headline's
    clause read as one name ("Braga stun Porto"), whose two sides are names."""
    if not parse or " " not in text[start:end]:
        return None
    for index in parse.between(start, end):
        token = parse.tokens[index]
        word = text[token.start : token.end]
        if (
            token.pos == "VERB"
            and word.isalpha()
            and word.islower()
            and start < token.start
            and token.end < end
            and text[start : start + 1].isupper()
            and text[token.end + 1 : token.end + 2].isupper()
        ):
            return token.start, token.end
    return None


# Legislators' roles in capitals, which a party's name comes before ("Fianna Fáil TD").
MEMBER_ACRONYMS = frozenset(
    "td tds mp mps mep meps mla mlas msp msps mna mnas mpp mpps mha mhas mlc mlcs".split()
)


def party_before_role(text: str, start: int, end: int) -> int | None:
    """The end of a party's name in a span that ends in its member's role ("Fianna Fáil
    TD", read as one person's name before "Séamus Ó Conghaile"), or ``None``."""
    words = text[start:end].split(" ")
    if len(words) < 2 or not words[-1].removesuffix("s").isupper():
        return None  # "TD", "MPs"
    if words[-1].lower() not in MEMBER_ACRONYMS or is_demonym(words[0]):
        return None
    if any(is_place(word) for word in words[:-1]):
        return None  # "Kisumu MP": a constituency, not a party
    if not all(word[:1].isupper() for word in words[:-1]):
        return None
    return end - len(words[-1]) - 1


def teams_pair(text: str, start: int, end: int) -> int | None:
    """In a sports story, where a span joins two teams with "and" ("the Brisbane Lions and
    Port Adelaide"), the offset of that " and "; ``None`` elsewhere. A company named with
    "and" ("Marks and Spencer") is not written in a match report's table."""
    name = text[start:end]
    if " and " not in name or name.count(" and ") > 1 or not is_sports_story(text):
        return None
    left, right = name.split(" and ")
    sides = [
        side[1:] if side[:1] in (["the"], ["The"]) else side
        for side in (left.split(), right.split())
    ]
    if not all(side and all(word[:1].isupper() for word in side) for side in sides):
        return None
    if any(word.lower() in BODY_HEADS for side in sides for word in side):
        return None
    return start + len(left)


def named_pair(text: str, start: int, end: int) -> int | None:
    """Where a span joins two names with "and" ("Paladin and Rossing", in a headline)
    and the text writes either alone elsewhere ("Paladin's costs"): the offset of that
    " and "; ``None`` when neither stands alone, as in a firm named for two people
    ("Marks and Spencer"), or a side holds a body's head ("Bank of Tonga and Fiji")."""
    name = text[start:end]
    if name.count(" and ") != 1:
        return None
    left, right = name.split(" and ")
    sides = (left.split(), right.split())
    if not all(0 < len(side) <= 2 and all(w[:1].isupper() for w in side) for side in sides):
        return None
    if any(word.lower().strip(".,") in BODY_HEADS for side in sides for word in side):
        return None
    for side in (left, right):
        # alone: not inside a longer name ("Song" of "Song Festival")
        if _written_alone(text, side, start, end):
            return start + len(left)
    return None


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'\u2019-]* $")


_IN_COUNTRY_AFTER = re.compile(
    r" in ((?:the )?[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)?)(?![\w'\u2019-])"
)


def country_after(text: str, start: int, end: int) -> int:
    """The end of a body's name that the model ended before " in" and a country: a
    country's chapter or branch of a body named with "of" or "for" ("Union of Journalists"
    + " in Israel", "Methodist Church" + " in Fiji"). A city after "in" is where a body
    sits ("... Alternatives in Colombo"), and no part of its name."""
    words = text[start:end].split()
    named = " of " in text[start:end] or " for " in text[start:end]
    if not words or not (named or words[-1].lower() == "church"):
        return end
    match = _IN_COUNTRY_AFTER.match(text, end)
    if match is None or not is_country(match.group(1).removeprefix("the ")):
        return end
    return match.end()


# A place after "in" at a body's end: where it is, not its name.
_IN_PLACE_END = re.compile(r" in ([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)?)$")
_CAPITALISED_AFTER = re.compile(r"(?: [A-Z][\w'\u2019-]*)+")
# A portfolio's list after a body's "for" or "of" phrase: " and Energy", ", Religious and
# Cultural Affairs".
_PORTFOLIO_AFTER = re.compile(
    r"(?:, [A-Z][a-z'\u2019-]+(?: [A-Z][a-z'\u2019-]+)*)*,? and [A-Z][a-z'\u2019-]+"
    r"(?: [A-Z][a-z'\u2019-]+)*(?![\w-])"
)


def _portfolio_tail(tail: str, stop: Callable[[str], bool]) -> bool:
    """Whether the words after a body's name list its portfolio: all capitalised, none the
    start of something else, the last a portfolio's word ("Affairs", "Energy")."""
    words = [word for word in tail.replace(",", " ").split() if word != "and"]
    return words[-1].lower() in _PORTFOLIO_WORDS and not any(stop(word) for word in words)


def body_tail(text: str, start: int, end: int, stop: Callable[[str], bool]) -> int:
    """The end of a body's name that the model cut inside its "for" or "of" phrase:
    "National Center for Vector" + "Borne Diseases Control". The capitalised words after
    it are taken up to a word that ``stop`` says begins something else (a title: "Bank of
    England Governor Andrew Bailey")."""
    words = text[start:end].split()
    heads = [
        i
        for i in range(len(words) - 2)
        if words[i].lower() in BODY_HEADS and words[i + 1] in ("for", "of")
    ]
    if not heads or not all(word[:1].isupper() for word in words[: heads[0] + 1]):
        return end
    located = _IN_PLACE_END.search(text, start, end)
    if located and located.start() > start and is_place(located.group(1)):
        if is_country(located.group(1)):
            return end  # "Union of Journalists in Israel": a country's body, by name
        return located.start()  # "Centre for Policy Alternatives" + " in Colombo"
    portfolio = _PORTFOLIO_AFTER.match(text, end)
    if portfolio and _portfolio_tail(portfolio.group(), stop):
        # "Ministry for Economic Affairs" + " and Energy", "Ministry of Buddhasasana" +
        # ", Religious and Cultural Affairs": a portfolio's list, not a second body.
        return portfolio.end()
    tail = _CAPITALISED_AFTER.match(text, end)
    if tail is None:
        return end
    for word in tail.group().split():
        if stop(word):
            break
        end = text.index(word, end) + len(word)
    return end


_INNER_POSSESSIVE = re.compile(r"['\u2019]s (?=[A-Z])")


def owner_and_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a span holds an owner's possessive before a place ("ZANU-PF’s Harare", read as
    one name when the apostrophe is curly): the owner's end and the place's start; ``None``
    when the words after it are no place ("People’s Party", "Children’s Hospital")."""
    match = _INNER_POSSESSIVE.search(text, start, end)
    if match is None or match.start() == start:
        return None
    rest = text[match.end() : end]
    if not rest or not is_place(rest):
        return None
    return match.start(), match.end()


def owner_and_body(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a span holds one body's possessive before another body's name ("World
    Bank's International Finance Corporation", "Kan's Makan"): the owner's end and the
    owned body's start; ``None`` when the owner is no body's name ("People's Party",
    "Children's Hospital"). Each side must be a name of its own: a body's head ends it,
    or the text writes it alone elsewhere."""
    match = _INNER_POSSESSIVE.search(text, start, end)
    if match is None or match.start() == start:
        return None
    owner, owned = text[start : match.start()], text[match.end() : end]
    if not owned or not all(word[:1].isupper() for word in owned.split()):
        return None
    for side in (owner, owned):
        if side.split()[-1].lower() not in BODY_HEADS and not _written_alone(
            text, side, start, end
        ):
            return None
    return match.start(), match.end()


def _written_alone(text: str, name: str, start: int, end: int) -> bool:
    """Whether the text writes ``name`` outside ``[start, end)``, not inside a longer
    capitalised name."""
    pattern = re.compile(rf"(?<![\w'\u2019&-]){re.escape(name)}(?![\w&-]| [A-Z])")
    for found in pattern.finditer(text):
        before = text[max(0, found.start() - 30) : found.start()]
        if not start <= found.start() < end and not _CAPITALISED_BEFORE.search(before):
            return True
    return False


# Government departments whose full name is "Department of ...", "Ministry for ...".
_DEPARTMENTS = frozenset("department ministry".split())


def people_before_department(text: str, start: int, end: int) -> int:
    """The start of a department's name after the people's adjective that says whose it
    is ("Australian" before "Department of Foreign Affairs and Trade"): the department's
    name begins at its head. Institutes and centres keep theirs ("Indian Institute of
    Science")."""
    words = text[start:end].split(" ")
    if (
        len(words) < 4
        or words[1].lower() not in _DEPARTMENTS
        or words[2] not in ("of", "for")
        or not is_demonym(words[0])
    ):
        return start
    return start + len(words[0]) + 1
