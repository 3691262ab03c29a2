"""Evidence that a name names a place: a town, a port, an oil field, an island, a river.

Many places in the news are too small for a gazetteer of cities ("a hospital in the
towns of X, Y and Z", "flights to X", "the X and Y rivers"), and a model reads a
one-word place as a person or a body as often as not. The words around each mention
say what it is:

- a place's noun before "of" ("the eastern port of X", "the towns of the X");
- a place's noun after the name, or after a list that ends with it ("the X terminal",
  "the X and Y rivers", "the X, Y and Z districts");
- a place's noun owned by it ("X's airstrip", "X's outskirts");
- a list of names that a locative opens ("in X, Y and Z": the first is where, and so
  are the rest);
- a journey's word before "to" or "from" ("flights to X", "flew from X");
- a locative before a name that GeoNames knows as a town or a village of 500 people
  or more (:func:`reader.gazetteer.is_small_place`), never the town's name alone: many
  are people's names too ("Marco", "Hilton").

The evidence for a place is split between three labels (a settlement, a natural
feature, a building or site); :func:`pooled_place` lets their sum, not the largest one
alone, stand against a person's or a body's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from reader.entities.model import Mention
from reader.gazetteer import is_place, is_small_place

#: A label, a weight and a reason.
Clue = tuple[str, float, str]

# Nouns of settlements and areas (GPE), of natural features (LOC) and of sites (FAC),
# singular and plural.
_SETTLEMENT_NOUNS = frozenset(
    """town towns village villages city cities port ports district districts province
    provinces region regions constituency constituencies municipality municipalities
    county counties suburb suburbs settlement settlements hamlet hamlets commune communes
    oasis""".split()
)
_FEATURE_NOUNS = frozenset(
    """river rivers island islands volcano volcanoes crater craters lake lakes valley
    valleys mountain mountains bay bays coast peninsula atoll atolls reef reefs lagoon
    creek creeks delta basin plateau desert""".split()
)
_SITE_NOUNS = frozenset(
    """terminal terminals oilfield oilfields gasfield gasfields airstrip airstrips
    refinery refineries""".split()
)
# Last words of the names of natural features and harbours ("Half Moon Cove", "Cabbage Tree
# Creek"): after a locative, a place's name, whatever given name opens it.
_FEATURE_HEADS = frozenset(
    """cove creek reef atoll lagoon crater volcano peninsula strait straits plateau
    heights springs falls glacier desert harbour harbor beach island islands river lake
    valley coast""".split()
)
# What a place has and a person or a body does not ("X's airstrip", "X's outskirts").
_OWNED_BY_PLACES = frozenset(
    """airstrip outskirts suburbs coastline shores slopes summit crater craters
    villages villagers inhabitants townspeople""".split()
)
# Locatives that open a list of places ("in X, Y and Z"); "between", "to" and "from"
# join people as often ("talks between X and Y").
_LIST_LOCATIVES = frozenset("in near across throughout outside around".split())
# What one holds or does in a company: "shares in X, Y and Z", "invested in X and Y".
_NOT_WHERE = frozenset(
    """share shares stake stakes stock stocks bonds bond equity invest invested investing
    investment investments interest interests role roles""".split()
)
# A journey's words before "to" or "from": "flights to X", "flew from X", "the road to X".
_JOURNEY = re.compile(
    r"\b(?:fl(?:y|ies|ew|own|ying|ight|ights)|ferr(?:y|ies)|sail(?:s|ed|ing)?|"
    r"voyage|road|highway|drove|driven|airlifted|evacuated|deployed)"
    r"(?: (?:a|an|two|three|four|five|six|seven|several|daily|weekly|direct|week|day|"
    r"month|more|extra|back)){0,3} (?:to|from|into) $"
)
_NAME_WORD = r"(?:[A-Z][\w'\u2019-]*|of|de|al|el|ar)"
# A list's earlier items before a mention: "Zawiya, Ras Tanura and " (each a capitalised
# name of up to four words), after a locative and an optional "the".
_LIST_BEFORE = re.compile(
    r"(?:\b([\w-]+) )?\b(\w+) (?:the )?((?:[A-Z][\w'\u2019-]*(?: " + _NAME_WORD + r"){0,3}"
    r"(?:, | and |, and | or ))+)$"
)
# A list's later items after a mention, then a lower-case noun: " and Tana rivers".
_LIST_AFTER = re.compile(
    r"^((?:(?:, | and |, and | or )[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,3})*) "
    r"([a-z]+)\b"
)
# A site's noun after a name and its trade: "the X gas complex", "the X oil terminal".
_SITE_AFTER = re.compile(
    r" (oil|gas|crude|petrochemical|industrial|export|fuel|oil and gas) "
    r"(complex|terminal|field|fields|port|hub)\b"
)
# An apposition that calls a name a place: "X, a fishing village on the coast,", "X, the
# district's main town." (not "X, a town councillor": the noun ends the phrase or a
# preposition or a relative follows it).
_DESCRIBED = re.compile(
    r"^, (?:a|an|the) (?:[a-z'\u2019-]+ ){0,3}?"
    r"(town|village|port|city|island|district|region|province|oasis|river|valley|volcano|"
    r"settlement|hamlet|suburb|constituency|atoll|peninsula)"
    r"(?=[,.;:)]| (?:of|in|on|near|at|north|south|east|west|where|that|which|some|about|"
    r"with|whose|and|\d))"
)
# The rest of a list after a name, up to its "and" or "or": ", Y and Z", " and Z".
_LIST_GOES_ON = re.compile(
    r"^(?:, [A-Z][\w'\u2019-]*(?: " + _NAME_WORD + r"){0,3})*,? (?:and|or) [A-Z]"
)
_CREDIT = re.compile(r"\b(?:by|By|BY)\b")
# Where a name lies: "X on the Baltic coast", "X, on the border", or by a known place:
# "X near Y", "X, south of Y" (group 2 is then checked in the gazetteer).
_LOCATED = re.compile(
    r"^,? (?:(on the (?:[A-Za-z'\u2019-]+ ){0,2}(?:coast|border|shore|shores|banks|"
    r"outskirts|island|plateau|peninsula|frontier)\b)|"
    r"(?:near|outside|(?:north|south|east|west)(?:-?(?:east|west))? of) "
    r"([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}))"
)
_OF_BEFORE = re.compile(r"\b([a-z]+) of (?:the )?$")
_LOCATIVES = frozenset("in at near from to outside around".split())


def place_clues(
    text: str, name: str, mentions: Sequence[Mention], votes: Mapping[str, float]
) -> list[Clue]:
    """Evidence from each mention's neighbours that ``name`` names a place; none for an
    acronym ("the ASEAN region"), which names a body far more often, nor for a people's
    adjective that the model saw as one ("the Kurdish region")."""
    words = name.split()
    if not words or all(word.isupper() for word in words) or not name[:1].isupper():
        return []
    if votes.get("NORP") and not any(votes.get(label) for label in _PLACE_LABELS):
        return []
    clues: list[Clue] = []
    for mention in mentions:
        if mention.text != name and is_place(mention.text):
            continue  # "Ruritania" of "Médicos Unidos de Ruritania": the body's place
        clues.extend(_clues_of(text, mention, whole=mention.text == name))
    return clues


def _clues_of(text: str, mention: Mention, *, whole: bool) -> Iterable[Clue]:
    before = text[max(0, mention.start - 120) : mention.start]
    if "\n" in before:
        before = before[before.rfind("\n") + 1 :]
    # Each pattern that ends at the name is tried only where the text's last characters
    # can end it: a search over the whole window for each mention would cost more.
    of = _OF_BEFORE.search(before) if before.endswith(("of ", "the ")) else None
    if of and of.group(1) in _SETTLEMENT_NOUNS | _FEATURE_NOUNS | _SITE_NOUNS:
        yield (_label_of(of.group(1)), 4, f"a place's noun before 'of': {of.group(1)}")
    after = text[mention.end : mention.end + 120].split("\n", 1)[0]
    listed = _LIST_AFTER.match(after)
    if listed:
        noun = listed.group(2)
        if noun in _SETTLEMENT_NOUNS | _FEATURE_NOUNS | _SITE_NOUNS and (
            listed.group(1) == "" or noun.endswith("s")
        ):
            where = "after it" if listed.group(1) == "" else "after its list"
            yield (_label_of(noun), 3, f"a place's noun {where}: {noun}")
    site = _SITE_AFTER.match(after)
    if site:
        yield ("FAC", 3, f"a site: {site.group(1)} {site.group(2)}")
    located = _LOCATED.match(after)
    if located and (located.group(1) or _known_place_first(located.group(2))):
        yield ("GPE", 3, "placed beside another place")
    described = _DESCRIBED.match(after)
    if described:
        noun = described.group(1)
        yield (_label_of(noun), 4, f"described as a {noun}")
    owned = re.match(r"(?:'s|\u2019s) ([a-z]+)\b", after)
    if owned and owned.group(1) in _OWNED_BY_PLACES:
        yield ("GPE", 3, f"has {owned.group(1)}")
    opened = _LIST_BEFORE.search(before) if before.endswith((", ", "and ", "or ")) else None
    if (
        opened
        and opened.group(2).lower() in _LIST_LOCATIVES
        and (opened.group(1) or "").lower() not in _NOT_WHERE
        # A list has its "and" or "or" before the name or after it: "its manager in
        # Vorga, Ana Telmi, told" is an apposition.
        and (opened.group(3).endswith(("and ", "or ")) or _LIST_GOES_ON.match(after))
        # "Reporting by X in Vorga and Y in Lusa": writers and their cities.
        and not _CREDIT.search(before)
        and not after.startswith(" in ")
    ):
        yield ("GPE", 3, f"listed after '{opened.group(2).lower()}'")
    if before.endswith(("to ", "from ", "into ")) and _JOURNEY.search(before):
        yield ("GPE", 3, "a journey's end")
    if before[-1:] != " " or before[:-1].rsplit(" ", 1)[-1] not in _LOCATIVES:
        return
    words = mention.text.split()
    if len(words) > 1 and words[-1].lower() in _FEATURE_HEADS:
        yield ("GPE", 2, f"a place's name ({words[-1]}), after a locative")
    elif whole and not is_place(mention.text) and is_small_place(mention.text):
        yield ("GPE", 3, "a town or village (GeoNames), after a locative")


def _known_place_first(words: str) -> bool:
    """Whether the gazetteer knows the first one, two or three of ``words``."""
    split = words.split()
    return any(is_place(" ".join(split[:size])) for size in range(1, len(split) + 1))


def _label_of(noun: str) -> str:
    """A settlement's or an area's noun makes a GPE, a natural feature's a LOC, a site's
    a FAC."""
    if noun in _FEATURE_NOUNS:
        return "LOC"
    if noun in _SITE_NOUNS:
        return "FAC"
    return "GPE"


_PLACE_LABELS = ("GPE", "LOC", "FAC")
_AGENTS = ("PERSON", "ORG")


def pooled_place(weights: Mapping[str, float]) -> tuple[str, float] | None:
    """The place's label that should gather the other places' weight, and how much,
    when the evidence for a place, summed over its three labels, outweighs a person's
    and a body's but no one of its labels does; ``None`` otherwise."""
    places = {label: weights.get(label, 0.0) for label in _PLACE_LABELS}
    positive = {label: weight for label, weight in places.items() if weight > 0}
    if len(positive) < 2:
        return None
    total = sum(positive.values())
    agent = max(weights.get(label, 0.0) for label in _AGENTS)
    best = max(sorted(positive), key=lambda label: positive[label])
    if total <= agent or positive[best] > agent:
        return None
    return best, total - positive[best]
