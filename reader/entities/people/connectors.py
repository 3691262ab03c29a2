"""Words that join the parts of one person's name, and what a person's name never starts with.

Many naming customs write a word in lower case between a person's given name and the rest
of the name: a patronymic ("Rauf Tofiq oğlu Həsənov", "Aizada Temirbek kyzy"), a
married name ("Clarisse Assogba épouse Kpadonou", "Jane Doe née Smith"), a father's name
("Lamia bint Khalid Al-Shehri", "Gwenllian ap Siôn"). The model often cuts the name at
that word and calls the pieces places or bodies ("Vaqif", "Kpadonou"); the word itself
says that both sides are one person's name, whatever the model called them.

A given name and a regnal number is a person's name with its realm ("Philip II of
Macedon"). A hyphenated given name is one ("Ana-Maria Lupașcu", not "Maria Lupașcu"), and a
person's name never opens with a word in lower case that is no particle: "jul
Plantaže" is a date's month before a club's name, not a person.
"""

from __future__ import annotations

import re

from reader.entities.people.name_knowledge import NAME_PARTICLES, is_given
from reader.name_words import HONORIFICS, ORG_HEADS, PLACE_HEADS, titles

# Words that only stand inside a person's name, between its parts. Patronymics of the
# Turkic languages (Azerbaijani, Turkish, Kyrgyz, Kazakh, Uzbek, Turkmen), married and
# maiden names (French, English), and a child's name before the father's (Arabic, Malay,
# Welsh).
CONNECTORS = frozenset(
    """oğlu oglu ogly oğli o'g'li ulı uly uulu qızı qizi kızı kizi kyzy qyzy gyzy
    épouse epouse épse née veuve bin bint binti ibn ap ferch verch""".split()
)
# A connector between two words, the one after it capitalised.
_CONNECTOR = re.compile(rf"(?<=[^\W\d_]) ({'|'.join(sorted(CONNECTORS))}) (?=[^\W\d_])")
# A word of a name: letters of any script, an apostrophe or a hyphen inside.
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

Candidate = tuple[int, int, str]


def join_connected(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """One person's name for the pieces of a name joined by a connector (see the module's
    docstring): the candidates inside it make way for it. The model must have found a
    piece of it; a title before it stays out ("Yr Athro Gwenllian ap Siôn")."""
    names = [span for span in _connected_names(text) if _found_inside(span, candidates)]
    if not names:
        return candidates
    kept = [c for c in candidates if not any(c[0] < end and start < c[1] for start, end in names)]
    kept += [(start, end, "PERSON") for start, end in names]
    return sorted(kept)


def _connected_names(text: str) -> list[tuple[int, int]]:
    """Where each name joined by a connector starts and ends: one or two capitalised words
    before the connector, and up to three after it, particles in lower case among them
    ("Hamad bin Khalifa Al Thani"), the last capitalised."""
    found: list[tuple[int, int]] = []
    for match in _CONNECTOR.finditer(text):
        before = _words_before(text, match.start())
        # "against Rauf Tofiq", "Athro Gwenllian"; "Sheikh Tamim" keeps its honorific.
        while before and not _name_word(before[0][1]) and before[0][1].lower() not in HONORIFICS:
            before = before[1:]
        after = _words_after(text, match.end())
        while after and not _name_word(after[-1][1]):
            after = after[:-1]  # "Khalid Al-Shehri Foundation", "Kpadonou Monday"
        if (
            before
            and after
            and all(_name_word(word) or word.lower() in HONORIFICS for _, word in before)
        ):
            span = (before[0][0], after[-1][0] + len(after[-1][1]))
            if found and span[0] < found[-1][1]:  # "Hamad bin Khalifa bin Hamad"
                previous = found.pop()
                span = (previous[0], max(span[1], previous[1]))
            found.append(span)
    return found


def _words_before(text: str, end: int) -> list[tuple[int, str]]:
    """The one or two capitalised words that end at ``end``, one space apart."""
    words: list[tuple[int, str]] = []
    while len(words) < 2:
        start = end
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'\u2019-"):
            start -= 1
        word = text[start:end]
        if not word or not word[:1].isupper():
            break
        words.insert(0, (start, word))
        if text[start - 1 : start] != " ":
            break
        end = start - 1
    return words


def _words_after(text: str, start: int) -> list[tuple[int, str]]:
    """Up to three words of a name from ``start``: capitalised, or particles between."""
    words: list[tuple[int, str]] = []
    while len(words) < 4:
        match = _WORD.match(text, start)
        if match is None:
            break
        word = match.group()
        if not (word[:1].isupper() or (word in NAME_PARTICLES and words)):
            break
        words.append((match.start(), word))
        if text[match.end() : match.end() + 1] != " ":
            break
        start = match.end() + 1
    while words and not words[-1][1][:1].isupper():
        words.pop()
    return words


def _name_word(word: str) -> bool:
    """A capitalised word that may be a name's: no title, no head of a body or a place."""
    return word[:1].isupper() and not _not_a_name_word(word)


def _not_a_name_word(word: str) -> bool:
    """Whether a capitalised word ends a body's or a place's name, or is a title."""
    lower = word.lower().strip(".,")
    return lower in ORG_HEADS or lower in PLACE_HEADS or lower in titles()


def _found_inside(span: tuple[int, int], candidates: list[Candidate]) -> bool:
    """Whether the model found a piece of the name in ``span`` (not all of it as a
    person's), and no name that runs out of it to the right (a body's name that holds a
    person's: "Zayed bin Sultan Foundation")."""
    start, end = span
    overlapping = [c for c in candidates if c[0] < end and start < c[1]]
    if any(c[2] == "PERSON" and c[0] <= start and end <= c[1] for c in overlapping):
        return False  # the model found the whole name
    return bool(overlapping) and all(
        c[1] <= end or c[2] == "PERSON" for c in overlapping if c[2] in _NAME_LABELS
    )


# A regnal number after a given name ("Philip II", "Henry VIII", "Leo XIV").
_REGNAL = re.compile(r"(?:II|III|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})")
# What follows a monarch's number: " of Macedon", " of Castile and León".
_REALM = re.compile(r" of [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)?(?![\w'\u2019-])")


def join_regnal(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A known given name and a regnal number ("Philip II", which the model may call a
    body) is a person's name, and runs on over the realm after it ("Philip II of
    Macedon": the realm is no place of its own there)."""
    joined: list[Candidate] = []
    skip_until = -1
    for start, end, label in candidates:
        if start < skip_until:
            continue  # the realm, now inside the monarch's name
        words = text[start:end].split()
        if len(words) == 2 and is_given(words[0]) and _REGNAL.fullmatch(words[1]):
            realm = _REALM.match(text, end)
            if realm is not None:
                end = skip_until = realm.end()
            label = "PERSON"
        joined.append((start, end, label))
    return joined


def hyphenated_given_start(text: str, start: int) -> int:
    """Where a person's name starts whose given name is hyphenated and the model began at
    its second half ("Maria Lupașcu" of "Ana-Maria Lupașcu"): the first half must be a
    known given name; ``start`` otherwise."""
    if text[start - 1 : start] != "-":
        return start
    first = start - 1
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    word = text[first : start - 1]
    if first and (text[first - 1].isalnum() or text[first - 1] in "-'\u2019"):
        return start
    return first if is_given(word) else start


def drop_lower_case_lead(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A person's span that opens with a word in lower case that is no particle ("jul
    Plantaže", "Olimpia the Apertura") starts at its first capitalised word; the rest is
    left to the weighing as the model labelled it."""
    fixed = []
    for start, end, label in candidates:
        words = text[start:end].split(" ")
        if (
            label == "PERSON"
            and len(words) > 1
            and words[0][:1].islower()
            and words[0].isalpha()
            and words[0] not in NAME_PARTICLES
            and words[1][:1].isupper()
        ):
            start += len(words[0]) + 1
        fixed.append((start, end, label))
    return fixed


__all__ = [
    "CONNECTORS",
    "drop_lower_case_lead",
    "hyphenated_given_start",
    "join_connected",
    "join_regnal",
]
