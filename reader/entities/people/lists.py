"""A name listed with organisations only, or with places only, is one of them.

"asked Telia Nord, Elsa and Tele5 to filter messages", "in Takeo, Kandal and Prey Veng",
"a rival such as Bosch Hydraulik or ZF Lenkung": a list joins things of one kind, and a
name the model called a person with nothing but its votes and its shape (or that the
evidence took from the people and left open) takes the kind of the names it is listed
with. A name written as only a person's is (a title or a
person's noun before it, an age or a role in apposition, ", who" after it) or with a
known given name and surname stays a person, and so does a list with a person in it.
The list must have its "and" or "or" before a name of a known kind ("By Nusrat Jahan, Dhaka"
is a byline, not a list), and a credit's list is none ("Reporting by Omar Tazi in Rabat
and Sarah Whitcombe in London").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from reader.entities.model import Entity, Mention
from reader.entities.people.name_knowledge import is_given, is_known_surname
from reader.entities.people.uses import used_as_a_person
from reader.syntax import Parse

# What stands between two items of a list: a comma, "and", "or".
_SEPARATOR = re.compile(r"(?:, and |, or |, | and | or )")
_PLACES = frozenset({"GPE", "LOC"})
# A credit's "by" earlier in the line: its list names writers and their cities.
_CREDIT = re.compile(r"\b(?:by|By|BY)\b")
# A credit that ends its line: "Jane Doe in Tokyo and Ravi Nair in Delhi contributed."
_CONTRIBUTED = re.compile(r"[^\n]*\bcontribut(?:ed|ing)\b")


def _line_start(text: str, position: int) -> int:
    """Where the line that holds ``position`` starts."""
    return text.rfind("\n", 0, position) + 1


def relabel_listed(text: str, entities: Sequence[Entity], parse: Parse) -> list[Entity]:
    """The entities, with each weak person listed only with organisations (or places)
    relabelled as they are, and the reason said (see the module's docstring)."""
    weak = {
        entity.name
        for entity in entities
        if (entity.label == "PERSON" or (entity.label == "MISC" and entity.votes.get("PERSON")))
        and not _surely_a_person(text, entity, parse)
    }
    # A weak person listed beside another ("Telia Nord, Elsa and Tele5") says nothing of
    # the list's kind: it is left out of the labels, and the list walked through it.
    label_at = {
        (m.start, m.end): "" if e.name in weak else e.label for e in entities for m in e.mentions
    }
    starts = {start: end for start, end in label_at}
    ends = {end: start for start, end in label_at}
    relabelled = []
    for entity in entities:
        label = None
        if entity.name in weak:
            label = _label_of_lists(text, entity.mentions, label_at, starts, ends)
        if label is None:
            relabelled.append(entity)
            continue
        kind = "organisations" if label == "ORG" else "places"
        relabelled.append(
            dataclasses.replace(
                entity,
                label=label,
                confidence=min(entity.confidence, 0.6),
                why=(*entity.why, f"listed with {kind} only"),
            )
        )
    return relabelled


def _surely_a_person(text: str, entity: Entity, parse: Parse) -> bool:
    """Whether the entity is written as a person's name or has a person's known names."""
    words = entity.name.split()
    known = len(words) > 1 and is_given(words[0]) and is_known_surname(words[-1])
    return known or used_as_a_person(text, entity.mentions, parse)


def _label_of_lists(
    text: str,
    mentions: Sequence[Mention],
    label_at: dict[tuple[int, int], str],
    starts: dict[int, int],
    ends: dict[int, int],
) -> str | None:
    """The one label of the names listed with the mentions, ORG or a place's, if every
    list has an "and" or an "or" and holds no person."""
    labels: set[str] = set()
    for mention in mentions:
        if (
            mention.by == "byline"
            or _CREDIT.search(text, _line_start(text, mention.start), mention.start)
            or _CONTRIBUTED.match(text, mention.end)
        ):
            continue  # "(Reporting by Omar Tazi in Rabat and Sarah Whitcombe in London)"
        listed, joined = _neighbours(text, mention, label_at, starts, ends)
        if not listed:
            continue
        if not joined or "PERSON" in listed:
            return None
        labels.update(label for label in listed if label)
    if labels == {"ORG"}:
        return "ORG"
    if labels and labels <= _PLACES:
        return "GPE"
    return None


def _neighbours(
    text: str,
    mention: Mention,
    label_at: dict[tuple[int, int], str],
    starts: dict[int, int],
    ends: dict[int, int],
) -> tuple[list[str], bool]:
    """The labels of the names listed with a mention, walking the list both ways, and
    whether the list has an "and" or an "or"."""
    labels: list[str] = []
    joined = False
    start, end = mention.start, mention.end
    while True:  # rightwards: "X, B and C"
        separator = _SEPARATOR.match(text, end)
        if separator is None or separator.end() not in starts:
            break
        end, start_next = starts[separator.end()], separator.end()
        labels.append(label_at[(start_next, end)])
        # the list's "and" joins a name of a known kind: not "Tanvir Ahmed and Nusrat
        # Jahan, Dhaka", two writers and their city
        joined = joined or (separator.group() != ", " and bool(labels[-1]))
    while True:  # leftwards: "A, B and X"
        found = None
        for sep in (", and ", ", or ", " and ", " or ", ", "):
            if text.endswith(sep, 0, start) and start - len(sep) in ends:
                found = sep
                break
        if found is None:
            break
        end_before = start - len(found)
        start = ends[end_before]
        labels.append(label_at[(start, end_before)])
        joined = joined or (found != ", " and bool(labels[-1]))
    return labels, joined
