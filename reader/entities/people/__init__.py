"""People: evidence for and against a person, and people's names the model cut or missed.

One module per kind of evidence, each true of news copy from any country:

- :mod:`.name_knowledge`: what people's names and people's nouns look like (known given
  names and surnames, a person's shape, the nouns only a person is);
- :mod:`.shape`: the evidence of a name's own words ("W.M. Chandana Wijesekera" is a
  person's, "Los Choneros" never);
- :mod:`.uses`: the evidence of how the text uses each mention ("in the Gobi", "Rio Tinto,
  which", "Sequeira, 61,");
- :mod:`.for_and_against`: all of it gathered for one entity (:func:`person_clues`);
- :mod:`.roles`: a role or a portfolio before a name, cut off it ("Taoiseach Niamh
  Corcoran");
- :mod:`.missed`: names the model missed, cut short or split ("Gonçalo" of "Gonçalo
  Matos", "Ts. Oyunchimeg");
- :mod:`.aliases`: another name of the same person or body ("X, known as Y");
- :mod:`.works_and_bodies`: uses that make a name a party's, a work's or a body's ("the
  ruling X", "a production of X", "X (XY)");
- :mod:`.lists`: a weak person listed with organisations only, or places only, is one;
- :mod:`.staff_bylines`: a byline that credits an outlet's staff ("By Reuters Staff");
- :mod:`.connectors`: the words that join one person's name's parts ("Rauf Tofiq oğlu
  Həsənov", "Clarisse Assogba épouse Kpadonou").

Each function takes the text and offsets and returns what it found: the callers in
:mod:`reader.entities.consolidation`, :mod:`reader.entities.spans` and
:mod:`reader.entities.evidence` apply it. The names below are the package's public face.
"""

from reader.entities.people.aliases import company_short_form, initialled_owner, other_names
from reader.entities.people.connectors import (
    drop_lower_case_lead,
    hyphenated_given_start,
    join_connected,
    join_regnal,
)
from reader.entities.people.for_and_against import person_clues
from reader.entities.people.lists import relabel_listed
from reader.entities.people.missed import given_name_completed, join_initials, missed_people
from reader.entities.people.name_knowledge import (
    is_given,
    is_known_surname,
    is_person_noun_word,
    names_a_person,
    sentence_ends_before,
)
from reader.entities.people.roles import PORTFOLIO_WORDS, role_before_person
from reader.entities.people.staff_bylines import staff_outlet

# The name organisations.py imports the portfolios' words by.
_PORTFOLIO_WORDS = PORTFOLIO_WORDS

__all__ = [
    "PORTFOLIO_WORDS",
    "company_short_form",
    "drop_lower_case_lead",
    "given_name_completed",
    "hyphenated_given_start",
    "initialled_owner",
    "is_given",
    "is_known_surname",
    "is_person_noun_word",
    "join_connected",
    "join_initials",
    "join_regnal",
    "missed_people",
    "names_a_person",
    "other_names",
    "person_clues",
    "relabel_listed",
    "role_before_person",
    "sentence_ends_before",
    "staff_outlet",
]
