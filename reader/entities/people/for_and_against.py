"""All the evidence for and against a person, gathered for one entity.

:func:`person_clues` asks each kind of evidence in turn, in a fixed order (the order of
the reasons an entity shows): the name's last word as a role ("Political
Correspondent"), a known surname last after a given name ("Declan Foley": Faker's
surnames, without the words that are places or heads), the name's shape
(:mod:`.shape`), a place's name written after "in", and how the text uses each mention
(:mod:`.uses`). The caller, :func:`reader.entities.evidence.weigh`, adds them up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.entities.model import Mention
from reader.entities.people.clue import NEVER, Clue
from reader.entities.people.country_bodies import country_body_clues
from reader.entities.people.described_bodies import described_as_a_body
from reader.entities.people.foreign_heads import foreign_head_clues
from reader.entities.people.name_knowledge import (
    NAME_PARTICLES,
    NOT_NAMES,
    is_given,
    is_known_surname,
    lower_case_words,
    may_be_given,
)
from reader.entities.people.shape import shape_clues
from reader.entities.people.unknown_names import speaks, unknown_and_unused
from reader.entities.people.uses import (
    described_as_a_person,
    neighbour_clues,
    not_a_person_use,
    used_as_a_person,
)
from reader.entities.people.works_and_bodies import work_and_body_clues
from reader.gazetteer import is_given_name, is_place
from reader.name_words import ROLE_NOUNS, is_title
from reader.syntax import Parse

# Roles that end a byline's or a caption's description of a writer ("Political
# Correspondent", "Sports Editor", "Staff Writer"), besides the roles of ROLE_NOUNS.
_BYLINE_ROLES = frozenset(
    """correspondent correspondents editor editors reporter reporters writer writers
    columnist columnists contributor contributors photographer photographers
    commentator critic presenter producer staff desk team credit credits caption
    captions photo picture video handout""".split()
)


def person_clues(
    text: str,
    words: Sequence[str],
    mentions: Sequence[Mention],
    parse: Parse,
    place: bool,
    votes: Mapping[str, float],
) -> list[Clue]:
    """Evidence for or against a person from the name's words and each mention's
    neighbours (see the module's docstring); ``votes`` are the model's."""
    clues: list[Clue] = []
    if (
        words
        and words[0][:1].islower()
        and words[0].lower() not in NAME_PARTICLES
        and any(_after_title(text, mention.start) for mention in mentions)
    ):
        # "in the State next year": a phrase in lower case after a title's word is no name.
        clues.append(("PERSON", NEVER, "written in lower case"))
        return clues
    if not any(count and label not in _NUMERIC for label, count in votes.items()):
        return clues  # a date, a sum or a number: nothing here is about people
    last = words[-1].lower().strip(".,") if words else ""
    if len(words) > 1 and (last in _BYLINE_ROLES or last in ROLE_NOUNS) and not is_given(words[0]):
        clues.append(("PERSON", NEVER, f"a role, not a name: {words[-1]}"))
        clues.append(("ROLE", 3, f"a role, not a name: {words[-1]}"))
    if (
        2 <= len(words) <= 4
        and is_known_surname(words[-1])
        and (is_given(words[0]) or may_be_given(words[0], text))
        and not any(char.isdigit() for word in words for char in word)
    ):
        clues.append(("PERSON", 2, f"a known surname: {words[-1]}"))
    elif (
        len(words) == 2
        and is_known_surname(words[1])
        and is_given_name(words[0])
        and words[0].lower() not in NAME_PARTICLES  # "El Niño"
        and words[0].lower() not in NOT_NAMES
        and words[0][:1].isupper()
        and not words[0].isupper()
        and not place
        and not is_place(words[1])
    ):
        # "Marco Bianchi", "Victoria Lindqvist": a given name that is also a town's
        # ("Marco", "Victoria") before a known surname is a person's name, where the
        # whole is no place's.
        clues.append(("PERSON", 2, f"a town's name as a given name, and a surname: {words[1]}"))
    clues.extend(shape_clues(text, words, mentions))
    clues.extend(country_body_clues(words))
    clues.extend(foreign_head_clues(words))
    if (
        len(words) == 1
        and words[0].lower() in _MONTHS
        and not used_as_a_person(text, mentions, parse)
        and not any(speaks(mention, parse) for mention in mentions)
    ):
        # "in May": a month, unless the text writes it as a person ("May said").
        clues.append(("PERSON", NEVER, f"a month's name: {words[0]}"))
    if (
        place
        and len(words) > 1
        and any(text[max(0, m.start - 3) : m.start] == "in " for m in mentions)
    ):
        # "the bishops in Santo Domingo": a place's name of several words, written as a
        # place, is the place, though it starts with a given name.
        clues.append(("PERSON", NEVER, "a place's name of several words, after 'in'"))
        clues.append(("GPE", 3, "a place's name of several words, after 'in'"))
    elif (
        place
        and len(words) > 1
        and _common_word(words[0], text)
        and not used_as_a_person(text, mentions, parse)
    ):
        # "the Red Sea", "Golden Bay": a place's name that opens with a colour or a word
        # the article writes in lower case is the place's, not a given name's.
        clues.append(("PERSON", NEVER, f"a place's name, opened by a common word: {words[0]}"))
    elif (
        not votes.get("PERSON")
        and any(votes.get(label) for label in ("LOC", "GPE", "FAC"))
        and any(text[max(0, m.start - 3) : m.start] == "in " for m in mentions)
    ):
        # "in Latin America": the model called it a place and the text writes it as one;
        # a given name's shape ("Latin") is no reason to call it a person.
        clues.append(("PERSON", NEVER, "a place to the model, and after 'in'"))
    if (
        _a_place_or_people_only(votes)
        and not used_as_a_person(text, mentions, parse)
        and not any(speaks(mention, parse) for mention in mentions)
    ):
        # "the Red Sea", "Latin American": the model called it a place or a people every
        # time, and the text never writes it as a person: a given name's shape ("Red",
        # "Latin") is no reason to call it one.
        clues.append(("PERSON", NEVER, "a place or a people to the model, never a person"))
    only_person = all(label == "PERSON" for label, count in votes.items() if count)
    uses = [not_a_person_use(text, mention, parse) for mention in mentions]
    against = [use for use in uses if use]
    if against and all(use is not None for use in uses):
        # Every mention writes it as no person's: "the Gobi" twice, "in the Storting".
        clues.append(("PERSON", NEVER, against[0]))
        if against[0].startswith("a body's noun"):
            clues.append(("ORG", 2, against[0]))
    elif against:
        # "calls for the Mantashe to step down" beside "Gwede Mantashe said": a slip.
        clues.append(("PERSON", -3, against[0]))
    # "Kurdish region", "Kurdistan region": the model's people's adjective or place needs no
    # place's noun to say what it is, and "region" must not turn an adjective into a place.
    model_place = any(votes.get(label) for label in ("NORP", "GPE", "LOC", "FAC"))
    described = False
    uses_of_others: list[str] = []
    for mention in mentions:
        clues.extend(neighbour_clues(text, mention, parse, place, only_person, model_place))
        for clue in work_and_body_clues(text, words, mention, votes):
            clues.append(clue)
            if clue[0] == "PERSON":
                uses_of_others.append(clue[2])
        if not described and not place:
            noun = described_as_a_person(text, mention, parse)
            if noun:
                clues.append(("PERSON", 3, f"described as a person: {noun}"))
                described = True
    body = next(filter(None, (described_as_a_body(text, m, parse) for m in mentions)), None)
    if body and not described and not used_as_a_person(text, mentions, parse):
        # "Aisling Ghéar, Northern Ireland's only ... theatre company": a body, though the
        # model's votes for a person outnumber the apposition.
        clues.append(("PERSON", NEVER, f"described as a body: {body}"))
    if uses_of_others and not used_as_a_person(text, mentions, parse):
        # "the ruling Georgian Dream" once, and "Georgian Dream" five times with nothing
        # around it: the model's votes and a given name's shape are no person's use.
        clues.append(("PERSON", NEVER, f"{uses_of_others[0]}; never written as a person"))
    for_a_person = any(label == "PERSON" and weight > 0 for label, weight, _ in clues)
    if (
        votes.get("PERSON")
        and not for_a_person
        and unknown_and_unused(text, words, mentions, parse)
    ):
        clues.append(("PERSON", NEVER, "no known name, and never written as a person"))
    if only_person and any(weight == NEVER for label, weight, _ in clues if label == "PERSON"):
        # The model said "a person" and nothing else; the evidence says not: say so, and
        # leave what it is open ("the Knud and Inger ... Foundation", "the Hashed").
        clues.append(("MISC", 0.5, "no person, and nothing says what it is"))
    return clues


# Colours, which open places' names ("Red Sea", "White Nile", "Golden Bay") and are
# given names too ("Red", "Blue", "Golden").
_COLOURS = frozenset(
    "red white black blue green yellow golden silver grey gray brown orange pink".split()
)


def _common_word(word: str, text: str) -> bool:
    """Whether a name's first word is a colour or a word the article writes in lower
    case ("red", "media"), not a given name there."""
    lower = word.lower()
    return lower in _COLOURS or lower in lower_case_words(text)


def _after_title(text: str, start: int) -> bool:
    """Whether a capitalised title's word stands right before ``start``."""
    before = text[max(0, start - 30) : start]
    return before.endswith(" ") and bool(before.split()) and is_title(before.split()[-1])


_MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)


def _a_place_or_people_only(votes: Mapping[str, float]) -> bool:
    """Whether the model called a name a place or a people, and nothing else."""
    labels = {label for label, count in votes.items() if count}
    return bool(labels) and labels <= _PLACE_OR_PEOPLE


_PLACE_OR_PEOPLE = frozenset({"GPE", "LOC", "NORP"})
# The model's labels of numbers and times, which no rule here is about.
_NUMERIC = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())
