"""Uses of a name that make it a work's, a party's, a body's or a building's, never a person's.

Each rule reads one mention and its neighbours, true of news copy anywhere:

- a party's political adjective between "the" (or a country's possessive) and the name:
  "the nationalist Mi Hazánk said", "Uruguay's governing Frente Amplio";
- the name's own initials in parentheses after it: "Revolución Ciudadana (RC)", "Frente
  Amplio (FA)"; a person's name is not given an acronym (the few who are, "López Obrador
  (AMLO)", start with a known given name and are left alone);
- a work's noun and "of" before it: "a new production of Verdi's Don Carlo", "the final
  rehearsal of X", "the premiere of X";
- a product's noun after it: "its Kiko voice assistant", "the Lumo app";
- a body's description after it: "X, owned by the fund manager Y", "X, the local chapter
  of Transparency International";
- a building's or a body's head word in another language written before it, with a title
  perhaps between: "Hospital Dr. Darío Contreras", "Estadio General Pablo Rojas": the
  person is the namesake, the name is the building's;
- an outlet's use: the one a speaker talks to, or whose reporting is cited, at the end of
  a clause ("told Radio Kestrel:", "according to documents seen by Dawnlight.",
  "told *Port Herald* that"), not a name described after a comma ("according to X, a
  partner at ..."). A known given name and a known surname stay a person's: "told Ana
  Reyes".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from reader.entities.model import Mention
from reader.entities.people.clue import Clue
from reader.entities.people.name_knowledge import is_given, is_known_surname

# Adjectives that English copy writes of a party and not of a person, right before its
# name: "the nationalist Vazrazhdane", "the ruling Georgian Dream".
_PARTY_ADJECTIVES = (
    "nationalist|ultranationalist|governing|ruling|opposition|far-right|far-left|"
    "hard-right|hard-left|centre-right|center-right|centre-left|center-left|right-wing|"
    "left-wing|populist|separatist|secessionist|pro-government|anti-government|"
    "pro-European|pro-Russian|eurosceptic|Eurosceptic|Islamist|leftist|rightist"
)
_PARTY_BEFORE = re.compile(
    rf"(?:\b[Tt]he|[\w-]+(?:'s|\u2019s)) (?:[a-z-]+ )?({_PARTY_ADJECTIVES})"
    r"(?: (?:coalition|party|alliance|bloc|movement))? $"
)
# "(RC)" right after a name.
_ACRONYM_IN_PARENTHESES = re.compile(r" \(([A-Z]{2,6})\)")
# Nouns of a work's staging or making before "of": "a new production of X".
_WORK_OF = re.compile(
    r"\b(production|productions|rehearsal|rehearsals|premiere|premieres|première|staging|"
    r"revival|screening|screenings|adaptation|remake|sequel|libretto|overture|"
    r"soundtrack|trailer) (?:of|to) (?:the )?(?:[A-Z][\w'\u2019-]* ){0,3}?"
    r"(?:[A-Z][\w-]*(?:'s|\u2019s) )?$"
)
# Nouns of products written after the product's name: "its Kiko voice assistant".
_PRODUCT_AFTER = re.compile(
    r" (?:voice |digital |virtual |AI |smart )?(assistant|app|apps|chatbot|smartphone|"
    r"smartphones|handset|handsets|chips|chipset|software|browser|console|"
    r"vaccine|drug|pill)\b"
)
# A body's description after its name: ", owned by ...", ", the local chapter of ...".
_BODY_AFTER = re.compile(
    r", (?:(?:which is |now |wholly |partly |majority[- ])*owned by |(?:a|an|the) "
    r"(?:[\w-]+ ){0,2}?(?:chapter|branch|arm|affiliate|subsidiary|unit|division|wing|"
    r"member club|sister company) of )"
)
# Head words of buildings and bodies that Spanish, Portuguese, French and Italian write
# before the namesake's name, with a title perhaps between.
_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(Hospital|Hôpital|Ospedale|Clínica|Clinica|Estadio|Estádio|Stade|Stadio|"
    r"Aeropuerto|Aeroporto|Aéroport|Universidad|Universidade|Université|Università|"
    r"Colegio|Colégio|Liceo|Lycée|Escuela|Escola|École|Instituto|Institut|Fundación|"
    r"Fundação|Fondation|Avenida|Calle|Rua|Plaza|Praça|Parque|Teatro|Théâtre|Museo|"
    r"Museu|Musée|Puente|Ponte|Centro|Complejo|Coliseo|Polideportivo)"
    r" (?:(?:Dr|Dra|Doctor|Doutor|Docteur|General|Gral|Gen|Presidente|Président|Pres|"
    r"Ingeniero|Ing|Licenciado|Lic|Profesor|Professor|Prof|Monseñor|Mgr|Padre|Don|"
    r"Doña|Dom|San|Santa|São|Saint|Sainte|St)\.? )?$"
)

# What a speaker tells, or what reports: "told", "according to", "(documents) seen by";
# capitalised words may come between (the model's span may hold only the last of them).
_OUTLET_BEFORE = re.compile(
    r"\b(told|according to|seen by|obtained by|reviewed by|quoted by|interview with|"
    r"speaking to|spoke to) (?:the )?[*_]?(?:[A-Z][\w'\u2019-]* ){0,2}$"
)
# ... and the clause ends after the name: "told X:", "told X that", "seen by X."
_OUTLET_AFTER = re.compile(
    r"[*_]?(?:[.:;)]|,(?! (?:a|an|the|who|whose|its|his|her)\b)"
    r"|\s+(?:that|on|in|at|outside|after|during|last|this|earlier)\b|$)",
    re.M,
)


def work_and_body_clues(
    text: str, words: Sequence[str], mention: Mention, votes: Mapping[str, float]
) -> Iterable[Clue]:
    """Evidence from one mention that the name is a party's, a body's, a product's, a
    work's or a building's (see the module's docstring). Only a name the model called a
    person is weighed: the rules take a label from the people, and the organisations'
    own rules judge the rest (a fragment of "the opposition Alliance pour la République"
    stays what they say)."""
    if not votes.get("PERSON"):
        return
    before = text[max(0, mention.start - 60) : mention.start]
    party = _PARTY_BEFORE.search(before)
    if party and not _person_with_surname(words):
        yield ("PERSON", -6, f"a party's adjective before it: {party.group(1)}")
        yield ("ORG", 3, f"a party's adjective before it: {party.group(1)}")
    acronym = _ACRONYM_IN_PARENTHESES.match(text, mention.end)
    if acronym and _initials_of(words, acronym.group(1)) and not is_given(words[0]):
        yield ("PERSON", -6, f"its initials in parentheses after it: {acronym.group(1)}")
        yield ("ORG", 3, f"its initials in parentheses after it: {acronym.group(1)}")
    work = _WORK_OF.search(before)
    if work and text[mention.end : mention.end + 2] not in ("'s", "\u2019s"):
        # not the author's name before the work's: "a production of Giuseppe Verdi's"
        yield ("PERSON", -8, f"a work's use: {work.group(1)} of it")
        yield ("WORK_OF_ART", 3, f"a work's use: {work.group(1)} of it")
    product = _PRODUCT_AFTER.match(text, mention.end)
    if product:
        yield ("PERSON", -4, f"a product's noun after it: {product.group(1)}")
        yield ("PRODUCT", 3, f"a product's noun after it: {product.group(1)}")
    body = _BODY_AFTER.match(text, mention.end)
    if body:
        yield ("PERSON", -6, "described as a body after it")
        yield ("ORG", 3, "described as a body after it")
    outlet = _OUTLET_BEFORE.search(before)
    if (
        outlet
        and _OUTLET_AFTER.match(text, mention.end)
        and not (is_given(words[0]) and _person_with_surname(words))
    ):
        yield ("PERSON", -4, f"an outlet's use: {outlet.group(1)} it")
        yield ("ORG", 3, f"an outlet's use: {outlet.group(1)} it")
    head = _HEAD_BEFORE.search(before)
    if head:
        yield ("PERSON", -8, f"a building's or a body's namesake: {head.group(1)}")
        yield ("FAC", 3, f"a building's or a body's namesake: {head.group(1)}")


def _person_with_surname(words: Sequence[str]) -> bool:
    """Whether the name ends in a known surname after a capitalised word ("Jan Novak"):
    "the populist Jan Novak" is a person, whatever the adjective."""
    return len(words) > 1 and is_known_surname(words[-1])


def _initials_of(words: Sequence[str], acronym: str) -> bool:
    """Whether ``acronym`` spells the initials of the name's capitalised words, or starts
    with them ("Conferencia del Episcopado" of "CED"): two words at least."""
    initials = "".join(word[0] for word in words if word[:1].isupper())
    return len(initials) >= 2 and acronym.startswith(initials)
