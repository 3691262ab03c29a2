"""A name the text describes as a body in apposition: "Aisling Ghéar, Northern Ireland's
only professional Irish-language theatre company", "the regulator, Nazaha,".

The model's votes for a person can outnumber one apposition's evidence, however clear:
a name written seven times with nothing around it, and described once as a company. A
name that an apposition calls a body and that the text never writes as a person's is no
person's.
"""

from __future__ import annotations

from reader.entities.model import Mention
from reader.syntax import Parse

# Nouns that only a body is: companies, outlets, clubs and troupes, parties and unions,
# public bodies. Words a person may be too ("operator", "miner", "producer") are out.
BODY_NOUNS = frozenset(
    """company companies firm conglomerate carmaker automaker planemaker chipmaker
    drugmaker steelmaker shipbuilder refiner retailer wholesaler airline lender bank
    insurer reinsurer brokerage utility startup subsidiary consultancy broadcaster
    newspaper daily weekly outlet channel network publisher club side outfit franchise
    team charity ngo organisation organization union federation association coalition
    movement party militia faction consortium cooperative foundation institute
    university hospital theatre theater troupe band orchestra choir label group agency
    ministry department council commission authority regulator""".split()
)


def described_as_a_body(text: str, mention: Mention, parse: Parse) -> str | None:
    """The body's noun that an apposition set off by a comma gives the name, if any."""
    if not parse:
        return None
    index = parse.at(mention.end - 1)
    if index is None:
        return None
    token = parse.tokens[index]
    appositions = [c for c in parse.children(index) if parse.tokens[c].dep == "appos"]
    if token.dep == "appos":
        appositions.append(token.head)
    for other in appositions:
        noun = parse.tokens[other]
        if noun.lemma.lower() not in BODY_NOUNS or mention.start <= noun.start < mention.end:
            continue
        if not text[noun.start : noun.end].islower():
            continue  # a body's name's word ("the Citizens Coalition ... legislator")
        if noun.start > mention.start and text[mention.end : mention.end + 1] == ",":
            return noun.lemma.lower()  # "Aisling Ghéar, ... theatre company"
        if noun.start < mention.start and "," in text[noun.end : mention.start]:
            return noun.lemma.lower()  # "the regulator, Nazaha"
    return None
