"""Where a name begins and ends: the model's spans trimmed, split and extended to the name.

A small model's span often carries its neighbours: a photo credit ("Maria Lopez/Reuters"),
a dateline ("Anna Kowal NAIROBI"), a demonym or a role ("Kenyan Otieno", "Kisumu MP Peter
Oloo"), an owner ("Arsenal's Tom Reed"), a trailing word ("Olympic Stadium in"), a list
bullet ("* Strike"). It also cuts long organisation names short ("Supreme Court" of
"Supreme Court of Ghana"). These functions turn one raw span into the names it holds.
"""

from __future__ import annotations

import re

from reader.entities.names import (
    ACRONYM,
    DESIGNATORS,
    EDGE_PUNCT,
    GENERIC,
    KEEP_PERIOD,
    ORG_WORDS,
    PARTICLES,
    POSSESSIVE,
    is_legal_form,
)
from reader.entities.organisations import (
    body_before,
    body_tail,
    country_after,
    foreign_head_before,
    foreign_tail,
    inner_verb,
    named_pair,
    owner_and_body,
    owner_and_place,
    party_before_role,
    people_before_department,
    teams_pair,
)
from reader.entities.organisations.leading_words import leading_description
from reader.entities.people import (
    given_name_completed,
    hyphenated_given_start,
    is_person_noun_word,
    role_before_person,
    staff_outlet,
)
from reader.gazetteer import is_country, is_demonym, is_given_name, is_place
from reader.name_words import (
    HONORIFICS,
    HONOUR_TITLES,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_ACRONYMS,
    ROLE_NOUNS,
    is_title,
    titles,
)
from reader.syntax import Parse

Candidate = tuple[int, int, str]
# Offices named "... General": "Attorney General's Office", "Auditor General".
_GENERAL_OFFICES = frozenset(
    """attorney auditor solicitor inspector surgeon secretary accountant registrar
    postmaster comptroller controller paymaster procurator advocate""".split()
)
# Labels of proper names, which a description in lower case is not.
_PROPER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

# Lower-case words that never end a name ("Olympic Stadium in").
_TRAILING = frozenset("in at of on for and or the to from with by as a an".split())
# Collective nouns whose possessive starts a name ("People's Party", "Workers' Union").
_COLLECTIVE = re.compile(
    r"(?:People|Workers|Women|Children|Farmers|Citizens|Peasants|Teachers|Doctors|"
    r"Nurses|Students|Veterans|Miners)(?:'s|\u2019s|'|\u2019)?$"
    # and any plural's possessive: "Socialists' Party of Catalonia", "Drivers' Union"
    r"|[A-Z][a-z]+s(?:'|\u2019)$"
)
# Words that open a clause before its subject ("Unless Olimpia win", "If Acme Bank
# fails"); none of them begins a name.
_CLAUSE_OPENERS = frozenset(
    "Unless If When Whenever Although Though Because While Whereas Once Until Whether".split()
)
# Words after which "the" stays inside a name ("House of the People", "Bank for the ...").
_BEFORE_THE = frozenset("of for on in at to and or with from by over under against".split())
# A body named for its members, after their possessive ("Women's Union", "Workers' Party").
_COLLECTIVE_BODY = re.compile(
    r"(?:'s|\u2019s|'|\u2019) (?:Union|Party|League|Association|Alliance|Congress|Front|"
    r"Movement|Federation|Council|Forum|Organi[sz]ation|Cooperative|Syndicate)(?![\w-])"
)
# A company's country or kind in parentheses before its legal form: " (Myanmar) Co Ltd".
_COUNTRY_THEN_FORM = re.compile(
    r" \(([A-Z][\w ]{1,30})\) ((?:[A-Z][\w]{0,5}\.?)(?: [A-Z][\w]{0,5}\.?)?)(?![\w.])"
)
# Common nouns written after a name that is already whole ("the X party", "the Y group").
_GENERIC_AFTER = frozenset(
    "party group union movement alliance coalition bloc faction company firm".split()
)
# After an organisation's name: "of Ghana", "for Economic Affairs", "-Parliamentarians".
_CAP_WORD = r"[A-Z][\w'\u2019.-]*"
# Days and months are capitalised but never continue a name ("Commission on Tuesday").
_CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
# "Ruan van der Merwe": particles and the surname after a first name the model cut short.
_PARTICLE_TAIL = re.compile(
    r"(?: (?:van|von|der|den|de|da|di|du|del|della|le|la|bin|binti|bint|ibn|al|el|a/l|a/p"
    r"|i|y))+ [A-Z][\w'\u2019-]+"
)
# Patronymic words after a name: "Bakyt Asanbek uulu", "Aizada Temirbek kyzy".
_PATRONYMIC_TAIL = re.compile(r" (?:uulu|kyzy|ogly|oglu|qizi|uly|kyzi)\b")
_SCORE = re.compile(r"\d+-\d+")
# "Samuel Kiptoo Langat told": one more capitalised word that ends a person's name.
_SURNAME = rf"(?!{_CALENDAR})[A-Z][a-z\u00e0-\u024f'\u2019-]+(?:-[A-Z][a-z\u00e0-\u024f'\u2019]+)*"
# Up to three words: "Carlos Ramón" + "Ruiz Díaz Olmedo" (a given name, two surnames).
_LAST_NAME_TAIL = re.compile(rf" ({_SURNAME}(?: {_SURNAME}){{0,2}})(?= [a-z]|[,.;:!?)])")
# "Carrie Wong Siu-ming": a hyphenated given name after the surname (Cantonese, Korean).
_HYPHENATED_GIVEN = re.compile(r" [A-Z][a-z]+-[a-z]+\b")
_NAME_WORD = rf"(?!{_CALENDAR}){_CAP_WORD}"
_OF_TAIL = re.compile(rf" (?:of|for) (?:the )?{_NAME_WORD}(?: (?:{_NAME_WORD}|of|the|de|and))*")
_AND_TAIL = re.compile(rf" (?:and|&) {_CAP_WORD}(?: {_CAP_WORD})*")
_HYPHEN_TAIL = re.compile(r"-[A-Z][\w]+")
# Designators that only start a name ("PT Sawit Borneo Lestari", "FC Porto").
_LEADING_DESIGNATORS = frozenset("pt fc afc ss ssc sk fk nk vfb vfl".split())
_LEGAL_TAIL = re.compile(r" ([A-Z][\w./]{1,7})(?![\w/])")
_AMPERSAND_HEAD = re.compile(rf"({_CAP_WORD}(?: {_CAP_WORD})*) & $")
_AND_HEAD = re.compile(rf"((?:{_CAP_WORD}, )*{_CAP_WORD}) and $")
# The first items of a list that ends an organisation's name, after a lower-case word:
# "the Meteorology, Climatology and ...", not "In Jakarta, Climatology and ...".
_LIST_HEAD = re.compile(rf"(?<=[a-z][a-z] )(?:{_CAP_WORD}, )+$")
_LEADING_CAPS = re.compile(rf"((?:{_CAP_WORD} ){{1,3}})$")
# Names whose last word takes "X and Y ..." before it as one name ("Bill and Jane Doe
# Foundation"), and the heads that join a lower-case-free "and" tail ("Ministry for
# Economic Affairs and Climate Action").
_AND_JOINED = frozenset(
    """foundation trust fund institute society partners sons department agency commission
    ministry authority office bureau council committee board division""".split()
)
_AND_TAIL_HEADS = frozenset(
    "ministry department commission committee office federation union society "
    "association institute council agency authority".split()
)


def is_edge(char: str) -> bool:
    """Punctuation and bullets that never start or end a name."""
    return char in EDGE_PUNCT or char in "*\u2022\u00b7|/"


def split_raw(text: str, start: int, end: int, label: str, parse: Parse) -> list[Candidate]:
    """The names inside one raw span, each trimmed, extended and labelled as the model did
    (the part after a photo credit's slash is an organisation or a second name)."""
    semicolon = text.find(";", start, end)
    if semicolon >= 0:
        # "Noa Lavie; Rami Haddad": a list of names is never one name.
        return split_raw(text, start, semicolon, label, parse) + split_raw(
            text, semicolon + 1, end, label, parse
        )
    verb = inner_verb(text, start, end, parse)
    if verb is not None:
        # "Braga stun Porto": a headline's clause, with a name on each side of its verb.
        return split_raw(text, start, verb[0] - 1, label, parse) + split_raw(
            text, verb[1] + 1, end, label, parse
        )
    pair = teams_pair(text, start, end) if label == "ORG" else None
    if pair is None and label == "ORG":
        pair = named_pair(text, start, end)  # "Paladin and Rossing": two bodies
    if pair is not None:
        # "Brisbane Lions and Port Adelaide": two teams in a match report.
        return split_raw(text, start, pair, label, parse) + split_raw(
            text, pair + len(" and "), end, label, parse
        )
    party = party_before_role(text, start, end)
    if party is not None:
        # "Fianna Fáil TD": a party before its member's role, not a person.
        return split_raw(text, start, party, "ORG", parse)
    pieces: list[Candidate] = []
    words = text[start:end].split()
    if (
        len(words) > 2
        and words[0].lower() in HONOUR_TITLES
        and all(word[:1].isupper() for word in words[1:3])
    ):
        # "Dame Imogen Fairley": only a person holds a title of honour, and it is not
        # part of the name (the model may call the whole an organisation).
        label = "PERSON"
    role = _role_inside(text, start, end)
    if role is not None:
        # "Petrobras Chief Executive Luiza Mendonca": an employer, a role, a person.
        role_start, person_start = role
        if label != "PERSON" and role_start > start:
            pieces.append((start, role_start, label))
        start, label = person_start, "PERSON"
    slash = text.find("/", start, end)
    if (
        slash >= 0
        and text[slash - 1 : slash].isalpha()
        and text[slash + 1 : slash + 2].isalpha()
        and not is_legal_form(_word_at(text, slash))
        and _word_at(text, slash).lower() not in ("a/l", "a/p")  # "Ramesh a/l Subramaniam"
    ):
        # "Maria Lopez/Reuters": the photographer and the agency.
        after = text[slash + 1 : end].strip()
        after_label = "ORG" if ACRONYM.match(after) or len(after.split()) == 1 else label
        pieces += [(start, slash, label), (slash + 1, end, after_label)]
    elif (owned := owner_and_place(text, start, end)) is not None:
        pieces += [(start, owned[0], label), (owned[1], end, "GPE")]  # "ZANU-PF’s Harare"
    elif label == "ORG" and (owned := owner_and_body(text, start, end)) is not None:
        pieces += [(start, owned[0], "ORG"), (owned[1], end, "ORG")]  # "X Bank's Y Fund"
    else:
        pieces.append((start, end, label))
    found: list[Candidate] = []
    for piece_start, piece_end, piece_label in pieces:
        cleaned = clean(text, piece_start, piece_end, piece_label, parse)
        if cleaned is None:
            continue
        new_start, new_end = cleaned
        # "Taoiseach Niamh Corcoran", "[Minister for] Housing Declan Foley"
        new_start, piece_label = role_before_person(text, new_start, new_end, piece_label)
        new_end, piece_label = given_name_completed(text, new_start, new_end, piece_label)
        if piece_label in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
            # "Flemish" + " Parliament"
            new_end = _body_after_people(text, new_start, new_end, piece_label)
            new_start, new_end = extend_organisation(text, new_start, new_end)
            # "Australian" + "Department of Foreign Affairs and Trade"
            new_start = people_before_department(text, new_start, new_end)
        elif piece_label in ("PRODUCT", "LOC", "WORK_OF_ART", "EVENT"):
            new_end = foreign_tail(text, new_start, new_end)  # "Corriere" + "della Sera"
        if piece_label == "PERSON":
            new_start, new_end = complete_name(text, new_start, new_end, parse)
            new_start, new_end = _complete_person(text, new_start, new_end)
            new_start = hyphenated_given_start(text, new_start)  # "Ana-" + "Maria Lupașcu"
            particles = _PARTICLE_TAIL.match(text, new_end) or _HYPHENATED_GIVEN.match(
                text, new_end
            )
            if particles and text[new_start:new_end].split()[-1][:1].isupper():
                new_end = particles.end()
            patronymic = _PATRONYMIC_TAIL.match(text, new_end)
            if patronymic:
                new_end = patronymic.end()
            # "PT Sawit Borneo Lestari": a designator before the completed name.
            new_start = _designator_before(text, new_start)
            # The parse takes a role back in ("Taoiseach" is a proper noun to it).
            new_start, _ = role_before_person(text, new_start, new_end, piece_label)
        found.append((new_start, new_end, piece_label))
    return found


def _word_at(text: str, position: int) -> str:
    """The word (between spaces) that holds ``position``: "A/S" of "Kragh A/S"."""
    start = text.rfind(" ", 0, position) + 1
    end = text.find(" ", position)
    word = text[start : end if end >= 0 else len(text)].strip(",.;:)")
    return POSSESSIVE.sub("", word)


def _role_inside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a capitalised role inside a span starts, and where the person's name after it
    starts, when two or more capitalised words follow it ("... Chief Executive Jane Doe")."""
    words = text[start:end].split(" ")
    known = titles()
    heads = ORG_HEADS | PLACE_HEADS
    for position in range(1, len(words) - 2):
        word = words[position]
        rest = words[position + 1 :]
        if (
            word[:1].isupper()
            and word.lower().rstrip(".") in ROLE_NOUNS
            and not any(w.lower().rstrip(".") in known or w.lower() in heads for w in rest)
            and 2 <= len(rest) <= 4
            and all(w[:1].isupper() and not w.isupper() for w in rest)
        ):
            first_role = position
            while first_role > 0 and words[first_role - 1].lower().rstrip(".") in known:
                first_role -= 1
            role_start = start + sum(len(w) + 1 for w in words[:first_role])
            person_start = start + sum(len(w) + 1 for w in words[: position + 1])
            return role_start - 1 if first_role else start, person_start
    return None


def complete_name(text: str, start: int, end: int, parse: Parse) -> tuple[int, int]:
    """Widen a person's name over proper nouns the parse attaches to it but the model left
    out ("Ana" of "Ana Lucia Ferreira", "Villarreal" of "David Saucedo Villarreal")."""
    if not parse:
        return start, end
    inside = parse.between(start, end)
    if not inside:
        return start, end
    first, last = inside.start, inside.stop - 1
    members = set(inside)

    def belongs(index: int) -> bool:
        token = parse.tokens[index]
        word = text[token.start : token.end]
        return (
            token.pos == "PROPN"
            and word[:1].isupper()
            and not word.isupper()
            and word.lower().rstrip(".") not in titles()
            and word.lower().rstrip(".") not in ROLE_NOUNS  # "Business Writers" + a name
            and not is_person_noun_word(word)
            and (token.head in members or any(parse.tokens[m].head == index for m in members))
        )

    while first > 0 and parse.tokens[first - 1].end + 1 == parse.tokens[first].start:
        if not belongs(first - 1):
            break
        first -= 1
        members.add(first)
    while (
        last + 1 < len(parse.tokens) and parse.tokens[last].end + 1 == parse.tokens[last + 1].start
    ):
        if not belongs(last + 1):
            break
        last += 1
        members.add(last)
    return parse.tokens[first].start, parse.tokens[last].end


def _complete_person(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in an honorific before a person's name ("Sheikh" of "Sheikh Faisal bin ...")
    and one more capitalised word that ends the name ("Langat" of "Samuel Kiptoo Langat
    told"), which a small model often leaves out."""
    # Split at any space: a block's first word follows the last block's end and a newline.
    before = re.split(r"[ \n]", text[max(0, start - 20) : start])
    honorific = before[-2] if len(before) >= 2 and before[-1] == "" else ""
    words = text[start:end].split()
    title = honorific.lower().rstrip(".")
    if (
        honorific[:1].isupper()
        and title in HONORIFICS
        and not (title in HONOUR_TITLES and len(words) > 1)
    ):
        start -= len(honorific) + 1
    elif (
        len(honorific) > 1
        and honorific[0].isupper()
        and honorific[1:].islower()
        and not _opens_sentence(text, start - len(honorific) - 1)
        and honorific.lower() not in titles()
        and is_given_name(honorific)
        and not is_place(honorific)
    ):
        # "spokesman Per Olav Ronning": a given name the model left out ("Per" is a
        # preposition to it), capitalised where no sentence starts.
        start -= len(honorific) + 1
    words = text[start:end].split()
    tail = _LAST_NAME_TAIL.match(text, end)
    # One word only after a title: "Dr Souphan" + "Inthalath-Keola".
    titled = len(words) == 1 and is_title(honorific.rstrip(".")) and not honorific.isupper()
    if tail and (2 <= len(words) <= 3 or titled) and not text[end - 1].isspace():
        added = tail.group(1).split()
        if len(words) + len(added) <= 5 and not any(
            word.lower() in titles() or is_place_word(word) for word in added
        ):
            end = tail.end(1)
    hyphen = re.match(r"-[A-Z][a-z\u00e0-\u024f]+", text[end : end + 40])
    if hyphen and words:
        end += hyphen.end()  # "Maria Lourdes Ocampo-Reyes"
    return start, end


def _opens_sentence(text: str, position: int) -> bool:
    """Whether a sentence, a block or a quotation starts at ``position``."""
    before = text[max(0, position - 3) : position].rstrip(" ")
    return not before or before[-1] in ".!?:\n\"'\u201c\u2018(-\u2013\u2014"


def is_place_word(word: str) -> bool:
    """A word that names a place (the gazetteer) or ends an organisation's name."""
    return is_place(word) or word.lower() in ORG_HEADS or word.lower() in PLACE_HEADS


# What follows a period that ends a sentence: a capital or a quote after a space, or the
# line's end; a company's "Inc." or "Corp." there ends the sentence, not the name.
_SENTENCE_AFTER = re.compile(r"(?:[ \t]+[\"\u201c'\u2018(]?[A-Z\u00c0-\u00de]|[ \t]*(?:\n|$))")


def clean(
    text: str, start: int, end: int, label: str, parse: Parse | None = None
) -> tuple[int, int] | None:
    """Trim a span to the name itself; ``None`` if nothing name-like is left."""
    while start < end and is_edge(text[start]):
        start += 1
    while end > start and is_edge(text[end - 1]):
        end -= 1
    # A name holds no unbalanced bracket: "Environment (Walhi" is two names.
    opening = text.find("(", start, end)
    if opening > start and text.find(")", opening, end) < 0:
        end = opening
        while end > start and is_edge(text[end - 1]):
            end -= 1
    possessive = POSSESSIVE.search(text[start:end])
    if possessive and end - start > len(possessive.group()):
        end -= len(possessive.group())
    words = text[start:end].split(" ")
    while len(words) > 1 and (words[-1] in _TRAILING or _SCORE.fullmatch(words[-1])):
        end -= len(words[-1]) + 1
        words = words[:-1]
    # "IRNA news", "Asharq news channel": lower-case words after a name in capitals.
    capitals = [word for word in words if word[:1].isupper()]
    rest = words[len(capitals) :]
    lower_tail = all(word.isalpha() and word.islower() for word in rest)
    if capitals and rest and lower_tail and words[: len(capitals)] == capitals:
        end = start + len(" ".join(capitals))
        words = capitals
    # "Servant of the People party": a common noun after the name, which ends capitalised.
    while (
        len(words) > 2
        and words[-1].isalpha()
        and words[-1].islower()
        and words[-1] in _GENERIC_AFTER
        and words[-2][:1].isupper()
    ):
        end -= len(words[-1]) + 1
        words = words[:-1]
    # "Anna Kowal NAIROBI": a dateline in capitals after a name in mixed case.
    while len(words) > 1 and words[-1].isupper() and len(words[-1]) > 2:
        if not any(word[1:].islower() for word in words[:-1]):
            break
        end -= len(words[-1]) + 1
        words = words[:-1]
    # "a European Research Council grant": the article, never the name ("An Post" keeps
    # its capital).
    if words and (words[0].lower() == "the" or words[0] in ("a", "an")) and len(words) > 1:
        start += len(words[0]) + 1
        words = words[1:]
    # "Unless Olimpia win": a clause's opening word, never a name's.
    if len(words) > 1 and words[0] in _CLAUSE_OPENERS and words[1][:1].isupper():
        start += len(words[0]) + 1
        words = words[1:]
    if label == "ORG":
        end, words = _cut_clause_tail(start, end, words)
        described = leading_description(words)  # "Sponsor Erste Bank"
        start += sum(len(word) + 1 for word in words[:described])
        words = words[described:]
    # "Arsenal's Tom Reed": the owner is another name. "People's Party" keeps its word.
    owner = re.match(r"(\S+?)(?:'s|\u2019s) ", text[start:end])
    if owner and not _COLLECTIVE.match(owner.group(0).strip()):
        rest = text[start + owner.end() : end].split()
        # "the ministry's Department of ...": an owner in lower case is no name's word.
        if (owner.group(1).islower() and rest and rest[0][:1].isupper()) or (
            len(rest) >= 2 and all(word[:1].isupper() for word in rest)
        ):
            start += owner.end()
            words = text[start:end].split(" ")
    inner = re.search(r"(?:'s|\u2019s) (\S+)$", text[start:end])
    if inner and not inner.group(1)[:1].isupper() and label != "PERSON":
        # "European Union's rescEU": the owner is the name, not what it owns.
        end = start + inner.start()
        words = text[start:end].split(" ")
    if label != "PERSON" and len(words) > 2 and is_person_noun_word(words[0]):
        # "the Englishman Graham Whitcombe-Dale" as an organisation: what a person is,
        # before a name, is never a body's first word; the weighing says what the rest is.
        start += len(words[0]) + 1
        words = words[1:]
    if label == "PERSON":
        start, words = _drop_roles(text, start, words, parse)
    elif len(words) > 1 and " of " not in text[start:end]:
        # "Petrobras Chief Executive": an employer and a role, with the person elsewhere.
        while len(words) > 1 and words[-1].lower().rstrip(".") in ROLE_NOUNS | {"chief"}:
            end -= len(words[-1]) + 1
            words = words[:-1]
    while end > start and is_edge(text[end - 1]):
        end -= 1
    last_word = text[start:end].rsplit(" ", 1)[-1].lower()
    if (
        last_word in KEEP_PERIOD
        and end > start + len(last_word)
        and text[end : end + 1] == "."
        and not _SENTENCE_AFTER.match(text, end + 1)
    ):
        end += 1  # "Corvane Corp. agreed", not "... Energy Inc. According to ..."
    name = text[start:end]
    if not any(char.isalpha() for char in name):
        return None
    if " " not in name and name.lower().rstrip(".") in titles() and not name.isupper():
        return None  # a role alone ("MPs", "Senator") names nobody
    if name.lower().rstrip(".") in ROLE_ACRONYMS:
        return None  # nor in capitals ("TD", "MCA", "CS")
    if " " in name and name.islower() and label in _PROPER_LABELS:
        return None  # "the national development bank": a description, not a name
    return start, end


def _cut_clause_tail(start: int, end: int, words: list[str]) -> tuple[int, list[str]]:
    """An organisation's name without the clause the model ran it into: a bare "the"
    after a name's word ("Olimpia the Apertura": a verb's object follows) and a phrase in
    lower case after a preposition ("House of the People for the opposition")."""
    for i in range(1, len(words) - 1):
        bare_the = words[i] == "the" and words[i - 1].lower() not in _BEFORE_THE
        lower_phrase = (
            words[i] in _TRAILING
            and words[i + 1] in ("the", "a", "an")
            and all(word.isalpha() and word.islower() for word in words[i + 1 :])
        )
        if (bare_the and words[i - 1][:1].isupper()) or lower_phrase:
            return start + len(" ".join(words[:i])), words[:i]
    return end, words


def _drop_roles(
    text: str, start: int, words: list[str], parse: Parse | None
) -> tuple[int, list[str]]:
    """Drop titles, roles and demonyms before a person's name ("Kenyan Otieno", "MPs Jane
    Mwangi", "Kisumu MP Peter Oloo"), keeping an honorific that is part of the name
    ("Sheikh Hamid", "King Charles")."""
    known = titles()
    # A role inside the span: what follows it is the name.
    for position in range(len(words) - 2, 0, -1):
        role = words[position].lower().rstrip(".")
        if role in known and role not in HONORIFICS and words[position + 1][:1].isupper():
            offset = sum(len(word) + 1 for word in words[: position + 1])
            return _drop_roles(text, start + offset, words[position + 1 :], parse)
    while len(words) > 1:
        word = words[0].lower().rstrip(".")
        if word in HONOUR_TITLES and len(words) > 2:
            start += len(words[0]) + 1  # "Sir Edmund Halloway": the title is not the name
            words = words[1:]
            continue
        if word in HONORIFICS:
            break
        adjective = False
        if parse:
            token = parse.at(start)
            adjective = token is not None and parse.tokens[token].tag in ("JJ", "NNPS")
            adjective = adjective and words[0].endswith(("an", "ese", "ish", "i", "ch"))
        if word not in known and not adjective and not is_person_noun_word(words[0]):
            break
        if word in known and is_country(" ".join(words[1:])):
            break  # "Air Tonga": a body named for its country, no title before one
        start += len(words[0]) + 1
        words = words[1:]
    return start, words


# Capitalised words after a people's or a place's name, of which the last may be a body's
# head: "Flemish" + " Parliament", "Sindh" + " Assembly", "Ukrainian" + " Air Force".
_CAPITALISED_TAIL = re.compile(r"(?: [A-Z][a-z'\u2019-]+){1,3}")


def _body_after_people(text: str, start: int, end: int, label: str) -> int:
    """The end of a body named by a people's adjective or a place and a body's noun, which
    the model cut after the first word ("the Flemish Parliament"); ``end`` otherwise."""
    name = text[start:end]
    if " " in name or not (label == "NORP" or is_demonym(name) or is_place(name)):
        return end
    tail = _CAPITALISED_TAIL.match(text, end)
    if tail is None:
        return end
    words = tail.group().split()
    while words and words[-1].lower() not in ORG_HEADS:
        words.pop()
    if not words or any(is_given_name(word) for word in words):
        return end
    return text.index(words[-1], end) + len(words[-1])


def _place_with_and(text: str, start: int, end: int) -> int:
    """The end of a name whose last words and the words after its "and" are one place's
    name, which the model cut at the "and" ("Energy Chamber of Trinidad" + " and Tobago",
    "Ministry of Antigua" + " and Barbuda")."""
    tail = _AND_TAIL.match(text, end)
    if tail is None or not text.startswith(" and ", end):
        return end
    words = text[start:end].split()
    after = tail.group().split()[1:]
    for size in range(len(after), 0, -1):
        for back in (1, 2):
            if back < len(words) and is_place(" ".join([*words[-back:], "and", *after[:size]])):
                return text.index(after[size - 1], end) + len(after[size - 1])
    return end


def extend_organisation(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend an organisation's name cut short by the model: "Supreme Court" + "of Ghana",
    "Party" + "-Parliamentarians", "Jane Doe Foundation" after "Bill and", "Olufsen"
    after "Bang &", "People's Party" after "Pakistan"."""
    last = text[start:end].rsplit(" ", 1)[-1].lower().strip(".,")
    words = text[start:end].lower().split()
    if last in ORG_HEADS or (len(words) > 2 and words[0] in ORG_HEADS and words[1] == "of"):
        # "Supreme Court" + "of Ghana"; "Association of Tourist Flats" + "of Barcelona"
        tail = _OF_TAIL.match(text, end)
        if tail:
            end = _trim_tail(text, end, tail.end())
    if any(word in _AND_TAIL_HEADS for word in words):
        tail = _AND_TAIL.match(text, end)
        if tail and not _has_head(text[end : tail.end()]):
            end = tail.end()
    end = _place_with_and(text, start, end)  # "... of Trinidad" + " and Tobago"
    body = _COLLECTIVE_BODY.match(text, end)
    if body and _COLLECTIVE.match(text[start:end].rsplit(" ", 1)[-1]):
        end = body.end()  # "Lao Women" + "'s Union", "Rural Teachers" + "' Front"
    hyphen = _HYPHEN_TAIL.match(text, end)
    acronyms = hyphen and text[start:end].isupper() and hyphen.group().isupper()
    if hyphen and (last in ORG_HEADS or _mixed_case(text[start:end]) or acronyms):
        end = hyphen.end()  # "Party-Parliamentarians", "GroenLinks-PvdA", "CPN-UML"
    country = _COUNTRY_THEN_FORM.match(text, end)
    if country and is_legal_form(country.group(2).split()[0]):
        # "Golden Apparel" + " (Myanmar) Co Ltd", "Acme" + " (Pty) Ltd": a company's
        # country or kind in parentheses, then its legal form.
        end = country.end()
        if text[end - 1] == "." and country.group(2)[:-1].split()[-1].lower() not in KEEP_PERIOD:
            end -= 1  # the sentence's period
    legal = _LEGAL_TAIL.match(text, end)
    if (
        legal
        and is_legal_form(legal.group(1))
        and legal.group(1).lower() not in _LEADING_DESIGNATORS
        and not is_legal_form(text[start:end].split()[-1])
    ):
        # "Nordfjord Havbruk AS", "Bank Central Asia Tbk": the model left the form out.
        form = legal.group(1)
        end = legal.end(1)
        if form.endswith(".") and "." not in form[:-1] and form[:-1].lower() not in KEEP_PERIOD:
            end -= 1  # the sentence's period, not the form's
    end = foreign_tail(text, start, end)  # "Corriere" + "dello Sport"
    end = body_tail(text, start, end, _begins_other)  # "Center for Vector" + "Borne ..."
    end = country_after(text, start, end)  # "Union of Journalists" + " in Israel"
    start = _designator_before(text, start)
    if not is_place(text[start:end]):
        start = body_before(text, start)  # "National Center for" + "Vector Borne ..."
    start = foreign_head_before(text, start, end)  # "Consejo" + "Dominicano de Unidad ..."
    general = re.search(r"(?<![\w-])([A-Z][a-z]+) $", text[max(0, start - 20) : start])
    if (
        general
        and general.group(1).lower() in _GENERAL_OFFICES
        and text.startswith("General", start)
    ):
        # "Attorney General's Office", "Auditor General": the office's first word.
        start -= len(general.group(0))
    before = text[max(0, start - 80) : start]
    ampersand = _AMPERSAND_HEAD.search(before)
    if ampersand:
        start -= len(ampersand.group(0))
    elif last in _AND_JOINED:
        joined = _AND_HEAD.search(before)
        listed = _LIST_HEAD.search(before)
        if joined:
            start -= len(joined.group(0))
        elif listed and " and " in text[start:end]:
            # "Meteorology, Climatology and Geophysics Agency": a list's first items.
            start -= len(listed.group(0))
    owner = re.search(
        r"(?<![\w'\u2019-])([A-Z][a-z]+s['\u2019]) $", text[max(0, start - 40) : start]
    )
    if owner and text[start:end].split(" ", 1)[0].lower() in ORG_HEADS:
        start -= len(owner.group(0))  # "Socialists' Party of Catalonia", "Drivers' Union"
    if _COLLECTIVE.match(text[start:end].split(" ", 1)[0]):
        leading = _LEADING_CAPS.search(text[max(0, start - 80) : start])
        if leading:
            start -= len(leading.group(1))
    return start, end


def _begins_other(word: str) -> bool:
    """A word that ends a body's name before it: a title or role ("Governor"), a given
    name, a place's head word."""
    key = word.lower().rstrip(".")
    return key in titles() or key in PLACE_HEADS or is_given_name(word)


def _mixed_case(name: str) -> bool:
    """A one-word name with a capital inside it ("GroenLinks", "PvdA"): coined, a brand's
    or a party's, and joined by a hyphen to its partner's."""
    return " " not in name and any(char.isupper() for char in name[1:]) and not name.isupper()


def _designator_before(text: str, start: int) -> int:
    """The start of a name with the club's or company's designator the model left out
    before it ("SS Lazio", "PT Sawit Borneo Lestari")."""
    designator = re.search(r"(?:^| )([A-Z][A-Za-z]{1,3}) $", text[max(0, start - 8) : start])
    if designator and designator.group(1).lower() in DESIGNATORS:
        return start - len(designator.group(1)) - 1
    return start


def _has_head(fragment: str) -> bool:
    return any(word.lower().strip(".,") in ORG_HEADS for word in fragment.split()[1:])


def _trim_tail(text: str, start: int, end: int) -> int:
    """The end of a tail without its trailing connecting words ("of Ghana and" -> "of Ghana")."""
    words = text[start:end].split(" ")
    while words and words[-1] in ("of", "the", "and", "de", "for", "on", ""):
        words.pop()
    last = words[-1] if words else ""
    if last.endswith(".") and "." not in last[:-1] and last[:-1].lower() not in KEEP_PERIOD:
        words[-1] = last[:-1]  # "... of Armenia.": the sentence's period, not the name's
    return start + len(" ".join(words))


def is_common_word(word: str, lowered_words: set[str]) -> bool:
    """A single capitalised word that the article also writes in lower case, or a generic
    institution word, is not a name on its own ("Defence" next to "ministry of defence")."""
    if word.isupper() and len(word) > 1:
        return False  # acronyms are names
    key = word.lower()
    return key in GENERIC or key in lowered_words or word.islower()


def byline_names(byline: str) -> list[tuple[str, str]]:
    """Split a byline's names and label each: an acronym or an agency is an ORG."""
    found: list[tuple[str, str]] = []
    # "Jane Doe · 14 December 2026 · 23:58": a middle dot or a bullet parts fields too.
    for part in re.split(r"\s*(?:,|;|/|\band\b|&|\||\u00b7|\u2022| [-\u2013\u2014] )\s*", byline):
        part = part.strip(EDGE_PUNCT)
        words = part.split()
        # "Anna Kowal NAIROBI": a dateline after the name.
        while len(words) > 1 and words[-1].isupper() and not words[0].isupper():
            words.pop()
        part = " ".join(words)
        if not part or not part[0].isupper():
            continue
        outlet = staff_outlet(words)
        if outlet is not None:
            # "Reuters Staff", "AFP Staff Writers": the outlet, not a person; "Staff
            # Reporter" and "Our Correspondent" name no one.
            if outlet:
                found.append((outlet, "ORG"))
            continue
        if is_place(part):
            found.append((part, "GPE"))  # where the reporter files from: "Buenos Aires"
        elif ACRONYM.match(part) or ORG_WORDS.search(part) or len(words) == 1:
            # People sign with two or more names; one word is an outlet ("Bloomberg").
            found.append((part, "ORG"))
        elif 2 <= len(words) <= 5 and all(
            w[0].isupper() or w.lower() in PARTICLES for w in words[1:]
        ):
            found.append((part, "PERSON"))  # "Sanne van Leeuwen"
    return found
