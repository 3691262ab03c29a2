"""Deciding what a name names, by weighing evidence beyond the model's label.

The model's label for each mention is one voice among several:

- the words inside the name: an organisation's head word ("Labour Party", "Safaricom
  Group", "Supreme Court"), a company or club designator ("Inc.", "FC"), a building's or a
  place's head word ("Olympic Stadium", "Gatundu North");
- the words around each mention: a title or role before it ("Dr", "Senator", "striker"),
  an apposition naming a role ("Jane Doe, a spokeswoman"), a locative before it ("in
  Tamale"), parentheses right after a person's name (a constituency: "Peter Oloo (Kisumu
  Central)");
- the parse: the subject of a speech verb is a person or an organisation, not a place;
- knowledge from packages: a gazetteer of places and a list of given names
  (:mod:`reader.gazetteer`), and the titles of :mod:`reader.name_words`. A known given name
  at the start of a name is strong evidence of a person ("Thabo Mokoena"); a name with no
  known given name at all ("Embraer", "Palangka Raya") makes the model's PERSON vote count
  half, weak evidence since the list misses about one personal name in four;
- what the text calls the name: an organisation's noun before it or in apposition
  ("planemaker Embraer", "Whitaker, the chipmaker"), a role that a company or club employs
  after it ("a Whitaker spokeswoman", "Sundowns coach", "Brenninger's purchasing
  director"), a settlement's noun before it ("the village of Zymna Voda"), a dateline.

Each piece of evidence adds weight to a label and a reason; the label with the most weight
wins, and the share of the weight it holds is the entity's confidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.entities.lone_names import lone_model_guess
from reader.entities.model import Mention
from reader.entities.names import PARTICLES
from reader.entities.organisations import weigh_organisation, weigh_other_kinds
from reader.entities.people import is_known_surname, person_clues, sentence_ends_before
from reader.entities.places import place_clues, pooled_place
from reader.gazetteer import is_country, is_demonym, is_given_name, is_language, is_place
from reader.name_words import (
    AREA_SUFFIXES,
    LAW_HEADS,
    LOCATIVES,
    ORG_HEADS,
    PLACE_FIRST_WORDS,
    PLACE_HEADS,
    SPEECH_LEMMAS,
    titles,
)
from reader.syntax import Parse

# First words of organisations' names in other languages ("Musée d'Orsay", "Banco de
# Portugal", "Éditions Gallimard", "Corriere dello Sport").
_FOREIGN_HEADS = frozenset(
    """musée museo museu banco banque banca université universidad universidade
    universität università universiteit ministère ministerio ministério ministero partido
    parti partito éditions editorial editora edizioni grupo groupe gruppo centre centro
    instituto institut istituto fundación fondation fondazione fundação tribunal corte
    cour agence agencia agenzia corriere compagnie compañía companhia société sociedad
    società impresa empresa compania teatro théâtre comune""".split()
)
# Storms are named like people ("Typhoon Dalisay", "Hurricane Maria").
_STORMS = frozenset("typhoon hurricane cyclone storm tropical".split())
# Labels of names: speaking makes one of these a person or an organisation.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Nouns after a name that make it an outlet ("the Tasnim news agency", "Dawn newspaper").
_OUTLET_NOUNS = frozenset(
    """newspaper daily weekly magazine news agency channel broadcaster network website
    television radio outlet tabloid""".split()
)
# What a company has and a person does not ("Embraer's shares", "Petrobras's board").
_BUSINESS_NOUNS = frozenset(
    """share shares stock profit profits revenue revenues earnings headquarters plant
    factory factories board shareholder shareholders customer customers employee employees
    subsidiary subsidiaries brand brands products output refinery refineries fleet""".split()
)
# What one holds in a company: "shares in Nordfjord Havbruk", "a stake in X", "bonds of X".
_HOLDINGS = frozenset("share shares stake stakes stock stocks bonds bond equity".split())
# Words before "by" that credit a person ("Reporting by", "Photo by").
_CREDITING = frozenset(
    "reporting editing writing written edited compiled reported photo photograph photos".split()
)

# Appositions and role nouns that only people hold ("X, a spokeswoman for Y").
_PERSON_ROLES = frozenset(
    """spokesman spokeswoman spokesperson minister president senator lawmaker mp chairman
    chairwoman chief executive director manager coach striker player captain economist
    analyst lawyer judge professor researcher founder owner leader head governor mayor
    ambassador envoy officer secretary official commissioner editor reporter author
    activist candidate member deputy adviser advisor counsel attorney prosecutor
    spokesperson actor actress singer artist photographer father mother son daughter wife
    husband brother sister widow resident farmer doctor nurse teacher student forward
    winger defender midfielder goalkeeper keeper substitute chair chairperson""".split()
)
_COUNTRY_LIKE = frozenset({"GPE", "LOC", "FAC"})
# A word with a capital after a lower-case letter, not a surname's prefix (Mc, Mac, De, Di,
# Da, Du, La, Le, Van, Von, O').
_COINED = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z]?[a-z]+[A-Z]")
_AGENT_OR_PLACE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Nouns that call a name an organisation: "planemaker Embraer", "oil company Petrobras",
# "Whitaker, the Austin-based chipmaker", "the club", "the newspaper Dawn".
_ORG_NOUNS = frozenset(
    """company companies firm firms group conglomerate maker manufacturer producer
    carmaker automaker planemaker chipmaker drugmaker steelmaker shipbuilder miner
    refiner exporter importer supplier distributor retailer wholesaler carrier airline
    lender bank insurer reinsurer broker brokerage operator developer builder
    contractor utility startup start-up giant chain brand subsidiary unit venture
    consultancy agency broadcaster newspaper daily weekly outlet channel network
    publisher club side outfit franchise team charity ngo organisation organization
    union federation association coalition movement party militia faction
    consortium cooperative co-operative foundation institute university
    hospital""".split()
)
# Roles that a company, club or agency employs, written after its name ("a Whitaker
# spokeswoman", "Sundowns coach Themba Sithole", "Transneft spokeswoman"), or after its
# possessive ("Brenninger's purchasing director"). A person has a spokesman too, but is
# not written before one ("a Trump spokesman" is rare next to "Trump's spokesman").
_EMPLOYEE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson spokespeople coach coaches manager striker
    midfielder defender goalkeeper winger captain player players chief executive ceo
    cfo coo chairman chairwoman chairperson director directors board shareholders
    employees staff workers engineers economist economists analyst analysts
    specialist scientist scientists official officials executives""".split()
)
# Of the roles above, those an owner's possessive also shows for a company ("Petrobras's
# chief executive"), where a person's possessive would be odd.
_CORPORATE_ROLES = frozenset(
    """ceo cfo coo chairman chairwoman chairperson director directors board shareholders
    employees staff workers engineers coach striker midfielder defender goalkeeper
    winger players""".split()
)
# Nouns of settlements before "of": "the village of Zymna Voda", "the town of Medyka".
_SETTLEMENTS = frozenset(
    """village villages town towns city cities district districts province provinces
    region regions municipality municipalities neighbourhood neighborhood suburb
    settlement settlements hamlet county state island islands area""".split()
)
# Capitalised words that are not a given name in a name, though the list holds them: function
# words, particles ("Al Jazeera", "Le Monde", "El Nino"), an adjective of religion
# ("Christian Democratic Appeal"), months and days ("April 2023").
NOT_GIVEN = (
    frozenset(
        """the a an and of for new great will may say christian january february march
        april june july august september october november december monday tuesday
        wednesday thursday friday saturday sunday""".split()
    )
    | PARTICLES
)


@dataclass
class Weighing:
    """Evidence for each label of one entity, with the reasons, in the order found."""

    weights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    reasons: list[str] = field(default_factory=list)

    def add(self, label: str, weight: float, reason: str) -> None:
        """Add ``weight`` for ``label``, and say why (once per reason)."""
        self.weights[label] += weight
        if reason not in self.reasons:
            self.reasons.append(reason)

    def decide(self, fallback: str) -> tuple[str, float]:
        """The winning label and its share of the evidence."""
        positive = {label: w for label, w in self.weights.items() if w > 0}
        if not positive:
            return fallback, 0.5
        best = max(sorted(positive), key=lambda label: positive[label])
        return best, positive[best] / sum(positive.values())


def weigh(
    text: str,
    name: str,
    mentions: Sequence[Mention],
    votes: Counter[str],
    parse: Parse,
    person_names: set[str],
) -> Weighing:
    """Weigh the evidence for an entity called ``name`` with ``mentions``.

    Args:
        text: The article's text.
        name: The entity's canonical name.
        mentions: Its mentions.
        votes: The model's votes (label -> weight).
        parse: The dependency parse (may be empty).
        person_names: Lower-case words of the article's other people's names (a
            parenthesis after one of them holds a constituency, not an acronym).
    """
    weighing = Weighing()
    for label, count in votes.items():
        if count:
            weighing.add(label, count, f"spaCy: {label} x{count}")
    words = name.split()
    last = words[-1].lower().strip(".,") if words else ""
    first = words[0].lower() if words else ""
    if len(words) > 1 and last in ORG_HEADS:
        weighing.add("ORG", 6, f"organisation word: {words[-1]}")
    elif (
        len(words) > 2
        and (first in ORG_HEADS or first in _FOREIGN_HEADS)
        and (
            words[1].lower()
            in ("of", "for", "de", "du", "des", "d'", "di", "del", "della", "dello")
            or words[1].startswith(("d'", "d\u2019"))
        )
    ):
        weighing.add("ORG", 6, f"organisation word: {words[0]}")
    elif len(words) > 1 and first in _FOREIGN_HEADS:
        weighing.add("ORG", 5, f"organisation word: {words[0]}")
    elif len(words) > 1 and last in PLACE_HEADS and last not in AREA_SUFFIXES:
        weighing.add("FAC", 3, f"place word: {words[-1]}")
    elif len(words) > 1 and last in LAW_HEADS:
        weighing.add("LAW", 5, f"a law's word: {words[-1]}")
    elif len(words) > 1 and first.rstrip(".") in PLACE_FIRST_WORDS:
        weighing.add("LOC", 4, f"place word: {words[0]}")
    elif (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and given_name_of(words, places=True) is not None
    ):
        weighing.add("PERSON", 1, "shaped like a personal name")
    elif len(words) > 1 and is_country(words[-1]) and not is_place(name):
        # "Seafood Norway", "Greenpeace Indonesia": a body named for its country.
        weighing.add("ORG", 4, f"a country's body: {words[-1]}")
    if any(_COINED.match(word) for word in words):
        # "MyCC", "JomRide", "GroenLinks": a capital inside a word is a brand's or a body's
        # ("McDonald", "DeSantis", "MacLeod" are people's, and left out).
        weighing.add("ORG", 3, "a coined name")
    if len(words) == 2 and last in AREA_SUFFIXES and words[1][:1].isupper():
        weighing.add("GPE", 5, f"area name: {words[-1]}")
    if any(word.rstrip(".").lower() in ("jr", "sr") for word in words[1:]):
        weighing.add("PERSON", 4, "Jr./Sr. after the name")
    if any(char.isdigit() for char in name):
        weighing.weights["PERSON"] = 0  # a model number ("Galaxy S24"), not a person
    if is_language(name) and (votes.get("PERSON") or votes.get("ORG")):
        weighing.add("LANGUAGE", 3, "a language's name (ISO 639)")
    place = is_place(name)
    if is_country(name):
        # A country's name of two words or more is never a person's ("Sri Lanka").
        weight = 6 + (sum(votes.values()) if len(words) > 1 else 0)
        weighing.add("GPE", weight, "a country (ISO 3166)")
    elif place:
        weighing.add("GPE", 2, "a place name (GeoNames, ISO 3166)")
    if len(words) > 1 and any(word.lower() in _STORMS for word in words[:-1]):
        weighing.add("EVENT", 6, "a storm's name")
    if len(words) == 1 and parse and not _proper_anywhere(mentions, parse):
        weighing.weights["PERSON"] = 0  # "Health", "Turnout": a common noun, not a name
    for label, clue, reason in place_clues(text, name, mentions, votes):
        weighing.add(label, clue, reason)
    weigh_organisation(text, name, mentions, parse, weighing, place)
    for label, clue, reason in person_clues(text, words, mentions, parse, place, votes):
        weighing.add(label, clue, reason)
    # A known given name says who speaks ("Amani Kouadio N'Dri told ..."): weigh it before
    # the speech verbs; the lack of one is weighed after them, as it always was.
    untitled = words[1:] if len(words) > 1 and words[0].lower().rstrip(".") in titles() else words
    given_first = given_name_of(untitled) is not None
    if given_first:
        _given_name(words, votes, weighing)
    for mention in mentions:
        _around(text, mention, parse, weighing, place, person_names)
    if not given_first:
        _given_name(words, votes, weighing)
    if lone_model_guess(text, words, mentions, votes, weighing.weights["PERSON"], person_names):
        weighing.weights["PERSON"] = 0
        weighing.add("MISC", 0.5, "one word, the model's PERSON once, and nothing else")
    if len(words) == 1 and not place and is_demonym(name) and weighing.weights["ORG"] > 0:
        # "the Brazilian club", "his Uruguayan coach": a people's adjective names no body,
        # whatever noun of a club or a firm follows it.
        weighing.weights["ORG"] = 0
        weighing.add("NORP", 1, "a people's adjective, no body's name")
    if (
        len(words) == 1
        and weighing.reasons == ["spaCy: ORG x1"]
        and is_given_name(name)
        and not place
        # "Moody's": a body named by its founder's possessive
        and not any(text.startswith(("'s", "\u2019s"), m.end) for m in mentions)
    ):
        # "Rodrigo", "Lamia": a given name the model once called a body, and nothing
        # else says so; a body known by one word is named again or does something.
        weighing.weights["ORG"] = 0
        weighing.add("MISC", 0.5, "a given name, the model's ORG once, and nothing else")
    if name[:1].islower() and not any(votes.get(label) for label in _NAME_LABELS):
        # "a year", "four weeks": a date the model found, whatever words stand near it
        # ("called a party"), is no body.
        weighing.weights["ORG"] = min(weighing.weights.get("ORG", 0), 0)
    pooled = pooled_place(weighing.weights)
    if pooled is not None:
        weighing.add(pooled[0], pooled[1], "a place: its evidence together")
    weigh_other_kinds(text, name, mentions, weighing, place)
    return weighing


def given_name_of(words: Sequence[str], *, places: bool = False) -> str | None:
    """The first of a name's words that is a known given name, if any, never a function
    word or a month. A place's name ("Orlando Pirates", "Kenya Airways", "Ali": the list
    holds them, and so does the gazetteer) counts only with ``places``: as a given name
    it is no evidence for a person, and no evidence against one either."""
    for word in words:
        if (
            word[:1].isupper()
            and not word.isupper()
            and word.lower() not in NOT_GIVEN
            and is_given_name(word)
            and (places or not is_place(word))
        ):
            return word
    return None


def _given_name(words: Sequence[str], votes: Counter[str], weighing: Weighing) -> None:
    """A known given name first is strong evidence of a person; no known given name at
    all is weak evidence against, so the model's PERSON vote counts half."""
    if not words or not any(weighing.weights.get(label, 0) > 0 for label in _AGENT_OR_PLACE):
        return
    if len(words) > 1 and words[0].lower().rstrip(".") in titles():
        words = words[1:]  # "Sheikh Hamid": the given name follows the honorific
    given = given_name_of(words)
    if given is not None:
        last = words[-1].lower().strip(".,")
        if (
            len(words) > 1
            and given == words[0]
            and last not in ORG_HEADS | PLACE_HEADS
            # "Ras Tanura", "Port Louis": a place's first word, though the list holds it
            and given.lower() not in PLACE_FIRST_WORDS
        ):
            weighing.add("PERSON", 3, f"a given name: {given}")
        return
    if name_is_acronym(words) or given_name_of(words, places=True) is not None:
        return
    if len(words) > 1 and is_known_surname(words[-1]):
        return  # a known surname is no evidence against a person
    model = votes.get("PERSON", 0)
    if model:
        weighing.weights["PERSON"] -= model / 2
        weighing.reasons.append("no known given name: spaCy's PERSON counts half")


def name_is_acronym(words: Sequence[str]) -> bool:
    """A name in capitals ("CPC", "PALANGKA RAYA") says nothing of given names."""
    return all(word.isupper() for word in words)


def _proper_anywhere(mentions: Sequence[Mention], parse: Parse) -> bool:
    """Whether the parse reads any mention of a one-word name as a proper noun."""
    for mention in mentions:
        index = parse.at(mention.start)
        if index is None or parse.tokens[index].pos in ("PROPN", "X"):
            return True
    return False


def _around(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: Weighing,
    place: bool,
    person_names: set[str],
) -> None:
    """Evidence from one mention's neighbours and its place in the parse."""
    before = text[max(0, mention.start - 40) : mention.start].split()
    if sentence_ends_before(text, mention.start):
        before = []  # "... the Al-Qabas newspaper. Hamad al-Fadhli": not "the newspaper X"
    previous = before[-1].lower().rstrip(".") if before else ""
    if previous and previous in titles() and before[-1][:1].isupper():
        weighing.add("PERSON", 3, f"title before it: {before[-1]}")
    elif previous in _PERSON_ROLES:
        weighing.add("PERSON", 2, f"role before it: {before[-1]}")
    elif previous == "by" and len(before) > 1 and before[-2].lower().lstrip("(") in _CREDITING:
        weighing.add("PERSON", 3, f"credited: {before[-2]} by")
    holding = len(before) > 1 and before[-2].lower() in _HOLDINGS
    if previous in ("in", "of") and holding and _named(weighing):
        weighing.add("ORG", 4, f"{before[-2].lower()} {previous} it")  # "shares in X"
    elif previous in LOCATIVES:
        if place:
            weighing.add("GPE", 2, f"after '{previous}'")
        elif previous in ("in", "near", "outside", "inside", "throughout"):
            weighing.add("GPE", 2.5, f"after '{previous}'")
    if previous in _ORG_NOUNS and not before[-1][:1].isupper():
        weighing.add("ORG", 3, f"called a {previous}")
    elif (
        previous == "of"
        and len(before) > 1
        and before[-2].lower() in _SETTLEMENTS
        and not before[-2][:1].isupper()
    ):
        weighing.add("GPE", 4, f"a {before[-2].lower()}'s name")
    if _is_dateline(text, mention):
        weighing.add("GPE", 4, "a dateline")
    after = text[mention.end : mention.end + 30].split()
    if after and after[0].lower().strip(".,") in _OUTLET_NOUNS:
        weighing.add("ORG", 3, f"an outlet: {after[0]}")
    elif (
        after and after[0].lower().strip(".,") in _EMPLOYEE_ROLES and not place and _named(weighing)
    ):
        weighing.add("ORG", 3, f"employs a {after[0].lower().strip('.,')}")
    if (
        text[mention.start - 1 : mention.start] == "("
        and text[mention.end : mention.end + 1] == ")"
    ):
        preceding = text[max(0, mention.start - 40) : mention.start - 1].split()
        if preceding and preceding[-1].lower() in person_names and not mention.text.isupper():
            weighing.add("GPE", 4, "in parentheses after a person's name")
    if not parse:
        return
    # The name's head: the last of its tokens, climbing while the head stays inside.
    head = parse.last_of(mention.start, mention.end)
    if head is None:
        return
    while True:
        above = parse.tokens[head].head
        if above == head or not mention.start <= parse.tokens[above].start < mention.end:
            break
        head = above
    token = parse.tokens[head]
    parent = parse.tokens[token.head]
    if (
        token.dep in ("nsubj", "nsubjpass")
        and parent.lemma in SPEECH_LEMMAS
        and any(weighing.weights.get(label, 0) > 0 for label in _NAME_LABELS)
    ):
        agent = "PERSON" if weighing.weights["PERSON"] >= weighing.weights["ORG"] else "ORG"
        weighing.add(agent, 2, f"says something ('{parent.lemma}')")
        for label in _COUNTRY_LIKE:
            if weighing.weights[label] > 0 and not place:
                weighing.weights[label] -= 2
    if token.dep == "poss" and parent.lemma.lower() in _BUSINESS_NOUNS:
        weighing.add("ORG", 3, f"owns {parent.lemma}")
    elif (
        token.dep == "poss"
        and parent.lemma.lower() in _CORPORATE_ROLES
        and not place
        and _named(weighing)
    ):
        weighing.add("ORG", 3, f"employs a {parent.lemma.lower()}")
    roles = [parse.tokens[c] for c in parse.children(head) if parse.tokens[c].dep == "appos"]
    if token.dep == "appos":
        roles.append(parent)
    if any(role.lemma.lower() in _PERSON_ROLES for role in roles):
        weighing.add("PERSON", 4, "described by a role")
    elif any(role.lemma.lower() in _ORG_NOUNS for role in roles):
        weighing.add("ORG", 4, "described as an organisation")


def _named(weighing: Weighing) -> bool:
    """Whether something names an agent or a place so far: not a number, a date or a
    people ("about 200 workers", "Portuguese striker")."""
    return any(weighing.weights.get(label, 0) > 0 for label in _AGENT_OR_PLACE)


def _is_dateline(text: str, mention: Mention) -> bool:
    """A name in capitals that opens a block, followed by a comma or a dash: a wire
    story's dateline ("PALANGKA RAYA, Central Kalimantan -"), which names a place."""
    name = mention.text
    if not name.isupper() or len(name) < 3:
        return False
    if mention.start and text[mention.start - 1] != "\n":
        return False
    # The model may cut a dateline of several words ("DAR ES" of "DAR ES SALAAM —").
    return _DATELINE_END.match(text, mention.end) is not None


_DATELINE_END = re.compile(r"(?: [A-Z]+)*(?:, | \u2014| -| \u2013)")
