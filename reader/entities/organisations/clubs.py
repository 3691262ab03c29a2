"""Clubs in a sports story: a town's name that plays, scores, is beaten or employs players
names its club ("Braga equalised", "Sporting loanee", "coached Académica"); a story is a
sports story by its score and its sports words."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.model import Mention
from reader.entities.names import PARTICLES
from reader.entities.organisations.shared import CLUB_ROLES, PERSON_AFTER, Weighing
from reader.entities.people import is_known_surname
from reader.gazetteer import is_demonym, is_given_name
from reader.syntax import Parse

# Verbs whose subject or object in a sports story is a team.
_MATCH_VERBS = frozenset(
    """beat defeat draw lose win host face stun thrash edge equalise equalize lead trail
    eliminate knock overcome hammer rout crush""".split()
)
# Verbs whose object in a sports story is a club ("coached Académica", "joined Estoril").
_CLUB_OBJECT_VERBS = frozenset("coach join leave".split())
# Words that mark a sports story; three different ones, with a score, make one.
_SPORT_WORDS = frozenset(
    """coach goalkeeper striker midfielder defender winger penalty penalties goal goals
    match league cup season final referee squad half-time halftime fixture stadium
    innings wicket wickets equaliser equalizer kick-off playoff playoffs""".split()
)
# The sides of a player's position, written with a capital at a sentence's start
# ("Centre forward X scored", "Left winger X").
POSITION_SIDES = frozenset("centre center left right inside outside wide".split())
# A score: "4-2", "1-1", or Australian football's "12.14 (86)".
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b|\b\d{1,2}\.\d{1,2} \(\d{1,3}\)")


@lru_cache(maxsize=8)
def is_sports_story(text: str) -> bool:
    """Whether an article reports sport: a score and at least three sports words."""
    if not _SCORE.search(text):
        return False
    words = set(re.findall(r"[a-z][a-z-]+", text.lower()))
    return len(words & _SPORT_WORDS) >= 3


def weigh_club(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: Weighing,
    role: str,
    possessive: bool,
) -> None:
    """In a sports story, a name that plays, scores or employs players names its club
    (a people's adjective, "Brazilian defender", does not)."""
    before = text[max(0, mention.start - 60) : mention.start]
    if _TRANSFER_FROM.search(before) and not is_demonym(mention.text):
        weighing.add("ORG", 4, "a club a player came from")  # "on loan from Hibernian"
        return
    if weighing.weights.get("NORP", 0) > 0:
        return
    if mention.text.lower() in POSITION_SIDES and not possessive:
        return  # "Centre forward X", "Left back": the side of a player's position
    if role in CLUB_ROLES or (possessive and role in CLUB_ROLES | {"side", "team"}):
        weighing.add("ORG", 4, f"a club's {role}")
        return
    if possessive and PERSON_AFTER.match(text, mention.end + 3):
        weighing.add("ORG", 3, "a club's player")  # "Geelong's Sam Falloon"
        return
    if not parse:
        return
    head = parse.last_of(mention.start, mention.end)
    if head is None:
        return
    token = parse.tokens[head]
    while token.dep == "conj" and token.head != head:
        head = token.head
        token = parse.tokens[head]
    parent = parse.tokens[token.head]
    lemma = parent.lemma.lower()
    agent = weighing.weights.get("PERSON", 0) <= max(
        weighing.weights.get("ORG", 0), weighing.weights.get("GPE", 0)
    ) or _team_shaped(mention.text, token.tag)
    if agent and (_BEHIND.search(before) or _MATCH_AGAINST.search(before)):
        weighing.add("ORG", 4, "a team in a table or a match")  # "two points behind Hearts"
        return
    # A person plays and is beaten too ("Alcaraz beat Sinner"): only a name that does not
    # lean to a person; a coach's or a player's move is to a club whatever its label.
    plays = token.dep in ("nsubj", "dobj") and lemma in _MATCH_VERBS and agent
    if plays or (token.dep == "dobj" and lemma in _CLUB_OBJECT_VERBS):
        weighing.add("ORG", 4, f"a team: {lemma}")
    elif token.dep == "pobj" and parent.lemma.lower() in ("against", "with", "to"):
        grand = parse.tokens[parent.head]
        if grand.lemma.lower() in _MATCH_VERBS and agent:
            weighing.add("ORG", 4, f"a team: {grand.lemma.lower()} {parent.lemma.lower()}")


# A club a player came from ("on loan from Hibernian", "joined Simba from TP Mazembe").
_TRANSFER_FROM = re.compile(
    r"\b(?:loan|loaned|signed|signing|joined|joining|arrived|moved|transferred|recruited)"
    r"\b[^.;:]{0,40}\bfrom (?:the )?$"
)
# A team's place in a table ("two points behind Hearts") and a match's other side ("a cup
# tie against Dundee", "their 2-1 win over Coastal Union").
_BEHIND = re.compile(r"\b(?:points?|goals?) (?:behind|ahead of|clear of|above|below) $")
_MATCH_AGAINST = re.compile(
    r"\b(?:tie|match|game|derby|clash|win|victory|defeat|draw|loss|fixture|meeting|"
    r"final|semi-final) (?:against|over|with) (?:the )?$"
)


def _team_shaped(name: str, tag: str) -> bool:
    """Whether a name the model calls a person is shaped like a team's: a plural proper noun
    ("Hearts", "Rangers"), or two words or more with neither a known given name nor a known
    surname ("Dodoma Jiji", "TP Mazembe"); a player's full name has one ("Carlos Alcaraz")."""
    words = name.split()
    if len(words) == 1:
        return tag == "NNPS"
    given = any(
        word[:1].isupper() and word.lower() not in PARTICLES and is_given_name(word)
        for word in words
    )
    return not given and not is_known_surname(words[-1])
