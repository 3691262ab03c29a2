"""Evidence for organisations against what is named like one and is not.

The evidence is kept by kind: :mod:`.weighing` weighs a name's words and its mentions'
surroundings for a body (and calls on the others in one order); :mod:`.not_a_body` holds
what makes a body-like name a competition, a product, a platform, a site or a unit;
:mod:`.clubs` the sports story's clubs; :mod:`.missed` finds bodies the model did not tag,
and :mod:`.acronyms` acronyms it did not tag; :mod:`.long_names` completes long names the
model cut and cuts those it ran together; :mod:`.foreign_names` reads bodies' names in other
languages; :mod:`.described`, :mod:`.headed`, :mod:`.uses` and :mod:`.mastheads` find
bodies the model left untagged by what describes them, by their own head noun, by a use
only a body has, and by the page's masthead; :mod:`.shared` holds the words several of
them use.

Rules for classes of page, never lists of particular names:

- competitions are events, not organisations: a name that ends in a competition's word
  ("Nedbank Cup", "Taça de Portugal"), or a league that the text plays in, qualifies for or
  stages ("the Europa League group stage");
- products are not companies: a model number inside the name ("Lumina X7", "Halo 3"), a
  product's noun after or before it ("Lumina Buds earphones", "the voice assistant
  Xiaolan"), a stock index ("the benchmark TAIEX index");
- a platform that people post on is a medium ("said on Telegram", "its Instagram
  account");
- legislatures named in their own language ("the Dáil", "Lok Sabha", "Executive Yuan");
- in a sports story, a town's name that plays, scores or employs players names its club
  ("Braga equalised", "Sporting loanee", "coached Académica");
- a party or a company is written before its members' and employees' roles ("Fianna Fáil
  TD", "Sinn Féin housing spokesperson"), and a company is what "which operates" follows;
- a role's acronym alone ("TD", "MP") names nobody.
"""

from reader.entities.organisations.acronyms import acronym_led_names, missed_acronyms
from reader.entities.organisations.clubs import is_sports_story
from reader.entities.organisations.described import described_bodies
from reader.entities.organisations.foreign_names import (
    foreign_head_before,
    foreign_tail,
    french_body,
)
from reader.entities.organisations.headed import headed_names
from reader.entities.organisations.long_names import (
    body_before,
    body_tail,
    country_after,
    inner_verb,
    named_pair,
    owner_and_body,
    owner_and_place,
    party_before_role,
    people_before_department,
    teams_pair,
)
from reader.entities.organisations.mastheads import mastheads
from reader.entities.organisations.missed import missed_organisations
from reader.entities.organisations.other_kinds import weigh_other_kinds
from reader.entities.organisations.uses import used_as_bodies
from reader.entities.organisations.weighing import weigh_organisation

# Tests of these rules ask this module whether a word is a people's adjective.
from reader.gazetteer import is_demonym

__all__ = [
    "acronym_led_names",
    "body_before",
    "body_tail",
    "country_after",
    "described_bodies",
    "foreign_head_before",
    "foreign_tail",
    "french_body",
    "headed_names",
    "inner_verb",
    "is_demonym",
    "is_sports_story",
    "mastheads",
    "missed_acronyms",
    "missed_organisations",
    "named_pair",
    "owner_and_body",
    "owner_and_place",
    "party_before_role",
    "people_before_department",
    "teams_pair",
    "used_as_bodies",
    "weigh_organisation",
    "weigh_other_kinds",
]
