"""People: evidence for and against a person, and people's names the model cut or missed.

Rules of one family, each true of news copy from any country:

- a person's name is not written after "the" ("in the Gobi", "the Kathmandu Chronicle"),
  nor followed by ", which" ("Rio Tinto, which operates ..."), nor ends with a role
  ("Political Correspondent"); the owner in "Labour's Gráinne Hennessy" is a party or a
  club, not a person; a name before a place's noun ("the Nariin Khuren coal field") or
  after "in the" is a place;
- a known surname last is evidence of a person, as a known given name first is
  ("Declan Foley": Faker's surnames, without the words that are places or heads);
- a role of any government or a minister's portfolio is never inside a person's name
  ("Taoiseach Niamh Corcoran", "Minister for Housing Declan Foley");
- a person's name that the model missed after a role ("the housing spokesperson, Eoin
  Mac Giolla Rí") or found only in part ("Gonçalo" of "loanee Gonçalo Matos") is found
  by its shape: a known given name, capitalised words, a known surname last;
- an initial of two letters, a Cyrillic letter's digraph ("Ts. Oyunchimeg"), starts the
  name it is written before, and folds into the full name whose surname it abbreviates
  ("Oyunchimeg Tsendsuren").

Each function takes the text and offsets and returns what it found: the callers in
:mod:`.consolidation`, :mod:`.spans` and :mod:`.evidence` apply it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from reader.entities.model import Mention
from reader.entities.names import PARTICLES, is_legal_form
from reader.gazetteer import is_demonym, is_given_name, is_place, is_surname
from reader.name_words import HONORIFICS, ORG_HEADS, PLACE_HEADS, ROLE_NOUNS, titles
from reader.syntax import Parse

#: A piece of evidence: a label, a weight (negative against it) and the reason.
Clue = tuple[str, float, str]

# Enough to outweigh any evidence for a person: the name is not a person's.
NEVER = -100.0
# Roles that end a byline's or a caption's description of a writer ("Political
# Correspondent", "Sports Editor", "Staff Writer"), besides the roles of ROLE_NOUNS.
_BYLINE_ROLES = frozenset(
    """correspondent correspondents editor editors reporter reporters writer writers
    columnist columnists contributor contributors photographer photographers
    commentator critic presenter producer staff desk team credit credits caption
    captions photo picture video handout""".split()
)
# Capitalised words that are neither given names nor surnames in a name, though the lists
# hold some of them: function words and the calendar.
_NOT_NAMES = frozenset(
    """the a an and of for in on at to by with new great will may say said christian
    storm tropical typhoon hurricane cyclone santa saint
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Lower-case nouns written after a place's name: "the Nariin Khuren coal field", "the Naryn
# River valley", "the Morowali industrial area", "the Tarai plains".
_PLACE_NOUNS = frozenset(
    """field fields mine mines deposit deposits basin desert plateau valley plains plain
    delta river region province district area corridor border frontier coast coastline
    peninsula steppe mountains hills lake crossing checkpoint port harbour harbor dam
    reservoir oilfield gasfield""".split()
)
_LOCATIVES = frozenset("in at near across outside inside around throughout into".split())
# Roles of governments that English copy writes before a name and nameparser does not
# hold ("Taoiseach Niamh Corcoran", "Tánaiste", "Vice-President").
GOVERNMENT_ROLES = frozenset(
    """taoiseach tánaiste tanaiste vice-president vice-premier vice-chancellor
    secretary-general director-general attorney-general governor-general
    solicitor-general prime premier chancellor""".split()
)
# "Minister for Housing Declan Foley", "Secretary of State for Health Jane Doe": a
# portfolio between an office and a person's name.
_OFFICE_OF = re.compile(
    r"(?:Minister|Ministers|Secretary|Commissioner|Spokesperson|Spokesman|Spokeswoman)"
    r"(?: of State)? (?:for|of) (?:the )?(?:[A-Z][\w-]*,? (?:and |& )?)*$"
)
# Nouns of people that an apposition may name, beyond the roles and titles: "Wahyuni, a
# nurse at ...", "Suparni, a 54-year-old rubber tapper", "its regional coordinator, X".
_PERSON_NOUNS = frozenset(
    """nurse tapper farmer worker resident mother father son daughter wife husband widow
    widower student pensioner retiree shopkeeper vendor trader driver fisherman
    fisherwoman herder herdsman villager backbencher teacher coordinator
    organiser organizer volunteer survivor victim witness refugee migrant mechanic
    labourer laborer grandmother grandfather parent nephew niece cousin colleague friend
    neighbour neighbor veteran tenant landlord landlady homeowner employee
    midwife doctor surgeon paramedic firefighter pilot soldier officer official
    spokesperson spokesman spokeswoman lawmaker legislator councillor councilor
    candidate campaigner activist protester protestor demonstrator striker midfielder
    defender goalkeeper winger forward coach manager captain footballer cricketer
    athlete runner sprinter swimmer cyclist boxer wrestler rider jockey skipper
    novelist poet author writer singer musician actor actress artist filmmaker director
    chairman chairwoman chairperson chief founder soprano mezzo-soprano contralto tenor
    baritone bass-baritone countertenor conductor pianist violinist cellist
    parliamentarian""".split()
)
# Words of nameparser's titles that end like a person's noun but name no person, or as
# often a company or a country ("Turkey, a NATO member", "X, a leader in cloud software").
_NOT_PERSON_NOUNS = frozenset(
    """computer banner printer producer developer publisher broadcaster theater theatre
    excellent government member partner owner leader pioneer investor winner sponsor
    manufacturer operator trader vendor assistant incumbent challenger controller
    business former junior senior soccer superior warrant master prior highness
    holiness""".split()
)
_AGENT_ENDINGS = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|ess|ee)$")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that only a person is: the occupations among nameparser's titles (those
    with an agent's ending: "economist", "banker", "physician"), roles, and the nouns of
    :data:`_PERSON_NOUNS`."""
    found = {
        word
        for word in titles()
        if word.isalpha()
        and len(word) > 3
        and _AGENT_ENDINGS.search(word)
        and word not in ORG_HEADS
        and word not in PLACE_HEADS
    }
    return frozenset((found | ROLE_NOUNS | _PERSON_NOUNS) - _NOT_PERSON_NOUNS)


# Lower-case nouns of things that are named like people, written right before the name:
# "the voice assistant Kiko", "the chatbot Ernie", "the tanker Sea Star", "the drug X".
_PRODUCT_NOUNS = frozenset(
    """chatbot app smartphone handset drug vaccine medicine robot satellite rocket
    spacecraft ship vessel tanker freighter ferry yacht album song film movie podcast
    videogame game platform software brand vehicle car truck aircraft jet plane
    helicopter drone missile typhoon hurricane cyclone storm""".split()
)
# Software that answers to a name like a person's ("the voice assistant Kiko").
_ASSISTANTS = frozenset(
    "voice assistant|digital assistant|virtual assistant|ai assistant|smart assistant".split("|")
)
# ", a tourism industry group", ", the state-owned lender": an apposition naming a body.
_BODY_APPOSITION = re.compile(
    r", (?:a|an|the) (?:[\w-]+ ){0,3}?(group|company|firm|association|union|agency|body|"
    r"organisation|organization|charity|party|bank|lender|insurer|carrier|airline|"
    r"federation|foundation|institute|network|broadcaster|newspaper|movement|coalition|"
    r"consortium|conglomerate|club|militia|alliance|regulator|watchdog|ministry|authority)"
    # closed, or going on as an apposition does, not as a clause ("On Sunday, the
    # newspaper published ...", "Later, a group of protesters ...")
    r"(?=[,.;)]| based| that| which| whose| owned| run| founded)"
)


# Nouns after a platform's or a channel's name: "his official Instagram account".
_PLATFORM_NOUNS = frozenset("account accounts page feed handle channel app website".split())
# Nouns of bodies written right after their name ("the Pastef party", "the Nueva
# insurer"), never after a person's.
_BODY_NOUNS_AFTER = frozenset(
    """party parties coalition alliance movement newspaper broadcaster insurer lender
    airline carrier club""".split()
)
# Roles of legislators written after their seat or their party ("Kisumu MP Peter Oloo",
# "Sinn Féin TD Eoin ...", "Mlango Kubwa MCA, Patricia Mutheu").
_SEAT_ROLES = frozenset(
    """mp mp, mps mca mca, mcas mla mla, mlas mna mnas mpa td td, tds mep meps msp msps
    mk""".split()
)
_OFFICE_INSIDE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner)(?: of State)? (?:for|of) (?:the )?"
)
_ROLE_SPAN_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW"}
)
# The words of ministers' portfolios in English ("Minister for Economic Affairs",
# "Minister of Agriculture and Farmers Welfare", "Secretary of State for Health").
_PORTFOLIO_WORDS = frozenset(
    """affairs economic economy finance financial treasury budget planning development
    trade industry industries commerce investment investments enterprise business
    health education science technology research innovation defence defense security
    interior home justice foreign external internal relations cooperation energy
    power mines mining minerals petroleum oil gas resources natural environment climate
    water forestry forests fisheries agriculture food rural urban lands land housing
    works public infrastructure transport transportation roads aviation maritime
    communications information media culture tourism sport sports youth women gender
    children family social welfare labour labor employment pensions migration
    immigration local government regional territorial national heritage arts
    coordinating digital equality veterans farmers workers consumers citizens""".split()
)


# Two-letter initials that write one Cyrillic or Mongolian letter: Ts (Ц), Ch (Ч),
# Sh (Ш), Kh (Х), Zh (Ж), Ya (Я), Yu (Ю), Ye (Е), Yo (Ё).
_DIGRAPH_INITIALS = frozenset("ts ch sh kh zh ya yu ye yo".split())
# A capitalised word of a name: letters of any script, with an apostrophe or a hyphen
# inside ("O'Brien", "Brennan-Kerr", "Ó", "Rí").
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# A word that starts with a capital of the Latin letters: where a given name may start.
_CAPITALISED_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z\u00c0-\u00de][\w'\u2019-]*")
# Particles that continue a surname in lower case or capitalised ("Mac Giolla Rí", "Ó
# Murchú", "Ní Bhriain", "van der Merwe").
_NAME_PARTICLES = PARTICLES | frozenset("mac mc ó o' ní nic uí mhic ui ni wa".split())


@lru_cache(maxsize=8192)
def is_given(word: str) -> bool:
    """A capitalised word that is a known given name, never a function word, a month, a
    title or a place's name ("Victoria", "Orlando")."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and word.lower() not in _NOT_NAMES
        and word.lower() not in _NAME_PARTICLES
        and word.lower().rstrip(".") not in titles()
        and is_given_name(word)
        and not is_place(word)
    )


@lru_cache(maxsize=8192)
def is_known_surname(word: str) -> bool:
    """A capitalised word that is a known surname and neither a place nor the head word of
    an organisation's or a place's name ("Foley", not "London", "Bank" or "Street")."""
    bare = word.strip(".,")
    lower = bare.lower()
    return (
        bare[:1].isupper()
        and not bare.isupper()
        and lower not in _NOT_NAMES
        and lower not in ORG_HEADS
        and lower not in PLACE_HEADS
        and lower not in titles()
        and is_surname(bare)
        and not is_place(bare)
    )


def names_a_person(name: str) -> bool:
    """Whether a name of two to five words has a person's shape: a known given name first
    and capitalised words after it, none a head word of an organisation or a place."""
    words = name.split()
    return (
        2 <= len(words) <= 5
        and is_given(words[0])
        and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words[1:])
        and not any(w.lower().strip(".,") in ORG_HEADS | PLACE_HEADS for w in words)
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
    if not any(count and label not in _NUMERIC for label, count in votes.items()):
        return clues  # a date, a sum or a number: nothing here is about people
    last = words[-1].lower().strip(".,") if words else ""
    if len(words) > 1 and (last in _BYLINE_ROLES or last in ROLE_NOUNS) and not is_given(words[0]):
        clues.append(("PERSON", NEVER, f"a role, not a name: {words[-1]}"))
        clues.append(("ROLE", 3, f"a role, not a name: {words[-1]}"))
    if (
        2 <= len(words) <= 4
        and is_known_surname(words[-1])
        and (is_given(words[0]) or _may_be_given(words[0], text))
        and not any(char.isdigit() for word in words for char in word)
    ):
        clues.append(("PERSON", 2, f"a known surname: {words[-1]}"))
    clues.extend(_shape_clues(text, words, mentions))
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
        not votes.get("PERSON")
        and any(votes.get(label) for label in ("LOC", "GPE", "FAC"))
        and any(text[max(0, m.start - 3) : m.start] == "in " for m in mentions)
    ):
        # "in Latin America": the model called it a place and the text writes it as one;
        # a given name's shape ("Latin") is no reason to call it a person.
        clues.append(("PERSON", NEVER, "a place to the model, and after 'in'"))
    only_person = all(label == "PERSON" for label, count in votes.items() if count)
    uses = [_not_a_person_use(text, mention, parse) for mention in mentions]
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
    for mention in mentions:
        clues.extend(_around(text, mention, parse, place, only_person, model_place))
        if not described and not place:
            noun = _described_as_a_person(text, mention, parse)
            if noun:
                clues.append(("PERSON", 3, f"described as a person: {noun}"))
                described = True
    if only_person and any(weight == NEVER for label, weight, _ in clues if label == "PERSON"):
        # The model said "a person" and nothing else; the evidence says not: say so, and
        # leave what it is open ("the Knud and Inger ... Foundation", "the Hashed").
        clues.append(("MISC", 0.5, "no person, and nothing says what it is"))
    return clues


# "W.M. Chandana Wijesekera", "J. Smith": initials before a name are a person's.
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]\.?[A-Z]\.")
# Articles of Spanish, German, Dutch and Italian that start no one's name (not "La", "Le",
# "De", "Del", "Van", which start surnames, nor "Les", a given name).
_PLURAL_ARTICLES = frozenset("Los Las Die Het Gli".split())
# A storm's or a saint's word before a one-word name: "Hurricane Melissa", "St James".
_STORM_NAME = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical Depression) (\w+)")
_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St|St\.|Saint|Ste|Ste\.|San|Santa|São|Sant) $")


def _shape_clues(text: str, words: Sequence[str], mentions: Sequence[Mention]) -> list[Clue]:
    """Evidence from the name's shape and the whole text, true of names anywhere:

    - initials before capitalised words are a person's ("W.M. Chandana Wijesekera");
    - a one-word name the text gives a storm ("Hurricane Melissa") is the storm's;
    - a one-word name written after "St" or "Saint" every time is a place's or a
      church's ("St James", "St Johnstone");
    - a particle before a place is part of a body's or a place's name ("de Montréal");
    - a short word that opens a title and stands before a period and a name ("Ven.
      Kotapola", "Rev. Jones") is the title's abbreviation.
    """
    clues: list[Clue] = []
    if not words:
        return clues
    if (
        2 <= len(words) <= 4
        and _INITIALS.fullmatch(words[0])
        and all(w[:1].isupper() and w.lower().strip(".,") not in ORG_HEADS for w in words[1:])
        and not is_place(" ".join(words[1:]))
    ):
        clues.append(("PERSON", 3, f"initials before a name: {words[0]}"))
    if len(words) > 1 and words[0] in _PLURAL_ARTICLES:
        # "Los Choneros", "Die Linke", "Het Parool": a language's article opens a gang's,
        # a party's or a paper's name; no person's name starts with one.
        clues.append(("PERSON", NEVER, f"an article opens it: {words[0]}"))
    if len(words) > 1 and _peoples_plural(words[-1]):
        # "Young Africans", "Golden Arrows": a people's or a common noun's plural ends a
        # team's or a group's name, never a person's.
        clues.append(("PERSON", NEVER, f"a plural ends it: {words[-1]}"))
    if len(words) == 1:
        word = words[0]
        if (
            word.isupper()
            and word.isalpha()
            and 3 <= len(word) <= 6
            and all(m.text.isupper() for m in mentions)
            and not is_given_name(word)
            and not is_surname(word)
        ):
            clues.append(("PERSON", NEVER, f"an acronym names no one: {word}"))
        elif (
            mentions
            and not is_given(word)
            and not is_known_surname(word)
            and all(_acronym_after(text, m.end) for m in mentions)
        ):
            # "Nueva EPS" each time, the model's person "Nueva": a body's name cut short
            clues.append(("PERSON", NEVER, "an acronym after it each time"))
        elif word in _storm_names(text):
            clues.append(("PERSON", NEVER, f"a storm's name: {word}"))
        elif mentions and all(
            _SAINT_BEFORE.search(text, max(0, m.start - 6), m.start) for m in mentions
        ):
            clues.append(("PERSON", NEVER, "a saint's name: a place's or a church's"))
        elif _title_abbreviation(word) and all(
            re.match(r"\. [A-Z]", text[m.end : m.end + 3]) for m in mentions
        ):
            clues.append(("PERSON", NEVER, f"a title's abbreviation: {word}."))
    elif words[0] in _NAME_PARTICLES and words[0].islower() and is_place(" ".join(words[1:])):
        clues.append(("PERSON", NEVER, f"a particle before a place: {words[0]}"))
    return clues


# An acronym in capitals right after a name: "Nueva EPS". Not letters after a person's
# name: honours, degrees, a legislator's seat ("Jane Doe QC", "John Smith MP").
_ACRONYM_AFTER = re.compile(r" ([A-Z]{2,5})\b(?![\w-])")
_LETTERS_AFTER_NAMES = frozenset(
    """qc kc sc obe mbe cbe kbe dbe phd md mba jr sr ii iii iv mp mps mla mca td mep msp
    mpp mna mk frs""".split()
)


def _acronym_after(text: str, end: int) -> bool:
    """Whether an acronym that is no person's letters follows ``end``."""
    match = _ACRONYM_AFTER.match(text, end)
    return match is not None and match.group(1).lower() not in _LETTERS_AFTER_NAMES


@lru_cache(maxsize=4)
def _storm_names(text: str) -> frozenset[str]:
    """The names an article gives storms ("Melissa" of "Hurricane Melissa")."""
    return frozenset(_STORM_NAME.findall(text))


# Adjectives of peoples beyond a country's demonym, whose plural names a team or a group.
_PEOPLES = frozenset("african european asian american arab latin caribbean pacific".split())


def _peoples_plural(word: str) -> bool:
    """Whether ``word`` is a people's plural ("Africans", "Kenyans", "Brazilians")."""
    if not (word.endswith("s") and word[:1].isupper() and len(word) > 4):
        return False
    singular = word[:-1]
    if singular.lower() in _PEOPLES:
        return True
    return is_demonym(singular)


@lru_cache(maxsize=1024)
def _title_abbreviation(word: str) -> bool:
    """Whether ``word`` (two to four letters, no known given name) starts a longer title
    ("Ven" of "Venerable", "Rev" of "Reverend", "Sgt" is one itself)."""
    lower = word.lower()
    if not 2 <= len(word) <= 4 or not word.isalpha() or is_given(word):
        return False
    return lower in titles() or any(
        len(title) > len(lower) + 2 and title.startswith(lower) for title in titles()
    )


# The model's labels of numbers and times, which no rule here is about.
_NUMERIC = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())
# ", 54, said", ", a 54-year-old ...": an age in apposition.
_AGE_AFTER = re.compile(r", (?:(?:1[6-9]|[2-9]\d), |(?:a|an) (?:\w+ )?\d{2}-year-old\b)")


def _described_as_a_person(text: str, mention: Mention, parse: Parse) -> str | None:
    """The age or the person's noun that an apposition gives the name ("Sequeira, 61,";
    "Suparni, a 54-year-old rubber tapper"; "its regional coordinator, Losana
    Vakalalabure"), if any."""
    age = _AGE_AFTER.match(text, mention.end)
    if age:
        return "an age"
    if not parse:
        return None
    index = parse.at(mention.end - 1)
    if index is None:
        return None
    token = parse.tokens[index]
    nouns = person_nouns()
    appositions = [c for c in parse.children(index) if parse.tokens[c].dep == "appos"]
    if token.dep == "appos":
        appositions.append(token.head)
    for other in appositions:
        noun = parse.tokens[other]
        if noun.lemma.lower() not in nouns or mention.start <= noun.start < mention.end:
            continue
        # Set off by a comma: "the coordinator, Losana ...", not "the voice assistant Kiko".
        between = text[noun.end : mention.start] if noun.start < mention.start else ""
        if noun.start > mention.start and text[mention.end : mention.end + 1] == ",":
            return noun.lemma.lower()
        if "," in between:
            return noun.lemma.lower()
    return None


def sentence_ends_before(text: str, position: int) -> bool:
    """Whether a block or a sentence ends between ``position`` and the word before it (a
    period after an abbreviation or a title, "Dr.", does not end one)."""
    before = text[max(0, position - 40) : position]
    stripped = before.rstrip(" ")
    if not stripped or "\n" in before[len(stripped) :] or stripped.endswith("\n"):
        return True
    if stripped[-1] not in ".!?":
        return False
    word = stripped.rsplit(None, 1)[-1].rstrip(".!?").lower()
    return len(word) > 1 and word not in titles() and word not in ("st", "mt", "ft")


def _may_be_given(word: str, text: str) -> bool:
    """Whether a first word that no list knows may still be a given name: capitalised,
    neither a particle ("El Niño"), a place nor a head word ("City Hall"), and never
    written in lower case in the article ("Project Falcon" beside "the project")."""
    lower = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and lower not in _NOT_NAMES
        and lower not in _NAME_PARTICLES
        and lower not in ORG_HEADS
        and lower not in PLACE_HEADS
        and lower not in titles()
        and not is_place(word)
        and lower not in _lower_case_words(text)
    )


@lru_cache(maxsize=4)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case (a text's hash is computed once)."""
    return frozenset(re.findall(r"\b[a-z][a-z'-]+\b", text))


def _around(
    text: str, mention: Mention, parse: Parse, place: bool, only_person: bool, model_place: bool
) -> Iterable[Clue]:
    """Evidence against a person from one mention's neighbours. Where the model said
    nothing but "a person", a locative says what the name is instead; a place's noun after
    it does unless the model said a place or a people already."""
    before = text[max(0, mention.start - 30) : mention.start]
    previous = before.split()[-2:] if before.endswith(" ") else []
    after = text[mention.end : mention.end + 40]
    if (
        only_person
        and len(previous) > 1
        and previous[-1] in ("the", "The")
        and previous[0].lower() in _LOCATIVES
        and not _modifies(mention, parse)
    ):
        yield ("LOC", 3, f"after '{previous[0].lower()} the'")
    place_noun = None if model_place else _place_noun_after(after)
    if place_noun:
        yield ("LOC", 3, f"a place's noun after it: {place_noun}")
    if after.startswith((", which ", ", which,")):
        # Strong, not final: "his father, Patrick Walsh Sr., which received ..." lists.
        yield ("PERSON", -6, "', which' after it")
    elif after.startswith((", who ", ", who,")) and _who_is_its_own(text, mention, previous):
        # "Ardeleanu, who ran the roads company": a body is "which", a person "who".
        yield ("PERSON", 3, "', who' after it")
    owner = re.match(r"(?:'s|\u2019s) (\S+) (\S+)", after)
    if (
        owner
        and mention.text[:1].isupper()
        and names_a_person(f"{owner.group(1)} {owner.group(2).strip('.,;:')}")
        and not names_a_person(mention.text)
    ):
        # "Labour's Gráinne Hennessy", "Essendon's Darcy Whitmore": a party's or a club's.
        yield ("PERSON", NEVER, "owns a person: a party or a club")
        if not place:
            yield ("ORG", 3, "owns a person: a party or a club")
    product = " ".join(previous).lower() if previous else ""
    if previous and (previous[-1].lower() in _PRODUCT_NOUNS or product in _ASSISTANTS):
        # "the voice assistant Kiko", "the chatbot Ernie", "the tanker Sea Star"
        yield ("PERSON", NEVER, f"a {previous[-1].lower()}'s name")
        yield ("PRODUCT", 3, f"a {previous[-1].lower()}'s name")
    body = _BODY_APPOSITION.match(after)
    if body:
        # "Exceltur, a tourism industry group, said": a body's name.
        yield ("PERSON", -4, f"described as a {body.group(1)}")
        yield ("ORG", 3, f"described as a {body.group(1)}")
    if len(previous) > 1 and previous[-1] == "at" and previous[0].lower() in person_nouns():
        # "a strategist at Charles Schwab", "an economist at Kuwait University"
        yield ("PERSON", NEVER, f"a {previous[0].lower()} works at it")
        if not place:
            yield ("ORG", 3, f"a {previous[0].lower()} works at it")


def _who_is_its_own(text: str, mention: Mention, previous: list[str]) -> bool:
    """Whether a "who" after the name speaks of the name itself: it opens its sentence or
    follows a capitalised word or a person's noun ("NPP parliamentarian Nimal
    Rathnayake, who"), not a noun or a word that puts it inside another's description
    ("a deputy head of the state railway X, who", "nine points from Rangers, who")."""
    if sentence_ends_before(text, mention.start) or not previous:
        return True
    word = previous[-1].strip(",;:")
    return word[:1].isupper() or word.lower() in person_nouns()


def _place_noun_after(after: str) -> str | None:
    """The noun of a place right after a name, or after one word in lower case ("the
    Nariin Khuren coal field", "the Naryn River valley")."""
    words = [word.strip(".,;:") for word in after.split()[:2]]
    if words and words[0].isalpha() and words[0] in _PLACE_NOUNS:
        return words[0]
    if len(words) > 1 and words[1] in _PLACE_NOUNS and words[0].islower():
        return words[1]
    return None


def _not_a_person_use(text: str, mention: Mention, parse: Parse) -> str | None:
    """Why one mention writes the name as no person's ("in the Gobi", "the Nariin Khuren
    coal field"), if it does; ``""`` when the mention only modifies a noun ("the Trump
    administration") and says nothing either way."""
    after = text[mention.end : mention.end + 40]
    noun = _place_noun_after(after)
    if noun:
        return f"a place's noun after it: {noun}"
    following = after.split()[:2]
    if following and following[0].strip(".,;:") in _PLATFORM_NOUNS:
        return f"a platform's noun after it: {following[0].strip('.,;:')}"
    if following and following[0].strip(".,;:") in _BODY_NOUNS_AFTER:
        # "whose Pastef party won", "the Rudaw broadcaster": a body's name before its noun
        return f"a body's noun after it: {following[0].strip('.,;:')}"
    if (
        len(following) > 1
        and following[0].lower() in _SEAT_ROLES
        and (following[0].endswith(",") or following[1][:1].isupper())
    ):
        # "Mlango Kubwa MCA, Patricia Mutheu", "Kisumu MP Peter Oloo": a seat or a party
        return f"a seat's or a party's: {following[0].strip(',')}"
    before = text[max(0, mention.start - 5) : mention.start]
    if _modifies(mention, parse):
        return ""
    after_the = before.endswith((" the ", " The ", "\nThe ")) or before in ("the ", "The ")
    return "written after 'the'" if after_the else None


def _modifies(mention: Mention, parse: Parse) -> bool:
    """Whether the name modifies a noun after it ("the Trump administration", "the
    Hennessy report"); without a parse, assume so and say nothing."""
    if not parse:
        return True
    index = parse.at(mention.end - 1)
    if index is None:
        return True
    token = parse.tokens[index]
    following = parse.at(token.end + 1)
    return (
        following is not None
        and parse.tokens[following].pos in ("NOUN", "PROPN")
        and token.dep in ("compound", "amod", "nmod")
    )


def role_before_person(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """The start and label of a span that holds a role or a portfolio before a person's
    name: "Taoiseach Niamh Corcoran" and "[Minister for] Housing Declan Foley" (the
    model often calls them organisations) are Niamh Corcoran and Declan Foley."""
    inside = _OFFICE_INSIDE.search(text, start, end)
    if inside is not None and inside.end() < end:
        # "Coordinating Minister for Economic Affairs Hatta Rajasa" as one span
        cut = _after_portfolio(text, inside.end(), end)
        if cut is not None:
            return cut, "PERSON"
    words = text[start:end].split(" ")
    if len(words) < 3 or label not in _ROLE_SPAN_LABELS:
        return start, label
    office = _OFFICE_OF.search(text, max(0, start - 80), start) is not None
    if office:
        cut = _after_portfolio(text, start, end)
        if cut is not None and cut > start:
            return cut, "PERSON"
    for position in range(1, len(words) - 1):
        rest = words[position:]
        role = words[position - 1].lower().rstrip(".")
        if not (2 <= len(rest) <= 4 and names_a_person(" ".join(rest))):
            continue
        lead = [w.lower().rstrip(".") for w in words[:position]]
        if lead[-1] in HONORIFICS:
            continue  # "Cheikh Moussa Diallo", "Sheikh Faisal bin ...": part of the name
        if office or all(w in titles() or w in GOVERNMENT_ROLES for w in lead):
            return start + sum(len(w) + 1 for w in words[:position]), "PERSON"
        if role in GOVERNMENT_ROLES:
            return start + sum(len(w) + 1 for w in words[:position]), "PERSON"
    if _role_opens_sentence(text, start, words):
        return start + len(words[0]) + 1, "PERSON"
    if office:
        # "Minister of Agriculture and Farmers Welfare Narendra Singh Tomar": a portfolio's
        # words are common nouns the article also writes in lower case ("farmers").
        common = _lower_case_words(text)
        cut = 0
        while cut < len(words) - 2 and words[cut].lower() in common | {"and", "&"}:
            cut += 1
        if cut and all(w[:1].isupper() and w.lower() not in common for w in words[cut:]):
            return start + sum(len(w) + 1 for w in words[:cut]), "PERSON"
    return start, label


def _role_opens_sentence(text: str, start: int, words: Sequence[str]) -> bool:
    """Whether a span opens its sentence with a person's noun, capitalised only there,
    before two or three capitalised words of no body or place ("Winger Idrisa Chande
    scored twice", "Baritone Ettore Salvadori during ...")."""
    rest = words[1:]
    return (
        words[0].lower() in person_nouns()
        and words[0].lower() not in ORG_HEADS
        and 2 <= len(rest) <= 3
        and sentence_ends_before(text, start)
        and all(
            w[:1].isupper()
            and not w.isupper()
            and w.lower().strip(".,") not in ORG_HEADS | PLACE_HEADS
            and w.lower().strip(".,") not in person_nouns()
            and not is_place(w.strip(".,"))
            for w in rest
        )
    )


def given_name_completed(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """The end and label of a one-word span that is a known given name followed by a
    known surname: "Gonçalo" of "loanee Gonçalo Matos", which the model called a place,
    is Gonçalo Matos."""
    word = text[start:end]
    if label == "PERSON" or " " in word or not is_given(word):
        return end, label
    following = _NAME_WORD.match(text, end + 1)
    if text[end : end + 1] != " " or following is None:
        return end, label
    surname = following.group()
    if is_known_surname(surname) and not text[following.end() : following.end() + 1].isalnum():
        return following.end(), "PERSON"
    return end, label


def _after_portfolio(text: str, start: int, end: int) -> int | None:
    """Where the person's name starts after a portfolio that opens ``text[start:end]``:
    its words are a portfolio's ("Economic Affairs", "Housing", "Farmers Welfare") or
    common nouns the article writes in lower case; two to four capitalised words must be
    left, none of them such a word."""
    words = text[start:end].split(" ")
    common = _lower_case_words(text)
    cut = 0
    while cut < len(words) - 2 and _portfolio_word(words[cut], common):
        cut += 1
    rest = words[cut:]
    if (
        2 <= len(rest) <= 4
        and all(w[:1].isupper() and not _portfolio_word(w, common) for w in rest)
        and not any(w.lower().strip(".,") in ORG_HEADS | PLACE_HEADS for w in rest)
    ):
        return start + sum(len(w) + 1 for w in words[:cut])
    return None


def _portfolio_word(word: str, common: frozenset[str]) -> bool:
    lower = word.lower().strip(",")
    return lower in _PORTFOLIO_WORDS or lower in common or lower in ("and", "&")


def missed_people(text: str, claimed: bytearray) -> list[tuple[int, int]]:
    """People's names that no mention holds: a known given name, then one to three
    capitalised words (or a surname's particles), the last a known surname or the whole
    written right after a role ("spokesperson, Eoin Mac Giolla Rí"). ``claimed`` marks
    the characters that mentions already hold."""
    found: list[tuple[int, int]] = []
    for match in _CAPITALISED_WORD.finditer(text):
        given = match.group()
        start = match.start()
        if claimed[start] or (found and start < found[-1][1]) or not is_given(given):
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "-'\u2019"):
            continue
        previous = re.search(r"([A-Z][\w'\u2019-]*) $", text[max(0, start - 30) : start])
        if previous and not _role_word(previous.group(1)):
            continue  # it goes on another name: "Tropical Storm Grace ...", "Hagley Oval"
        end, count, last = match.end(), 0, ""
        while count < 4:
            following = _NAME_WORD.match(text, end + 1)
            if text[end : end + 1] != " " or following is None:
                break
            word = following.group()
            if not (word[:1].isupper() or word.lower() in _NAME_PARTICLES):
                break
            if word.lower().strip(".,") in ORG_HEADS | PLACE_HEADS or word.isupper():
                count = 0
                break
            end, count, last = following.end(), count + 1, word
        if not count or last.lower() in _NAME_PARTICLES or claimed.find(1, start, end) >= 0:
            continue
        name = text[start:end]
        if not names_a_person(name) or any(is_place(w) for w in name.split()[1:]):
            continue
        if is_known_surname(last) or _after_role(text, start):
            found.append((start, end))
    for match in _DESCRIBED_NAME.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if claimed.find(1, start, end) >= 0 or any(
            w.lower() in _NOT_NAMES or w.lower() in titles() or is_place(w) for w in name.split()
        ):
            continue
        if any(a < end and start < b for a, b in found):
            continue
        if match.group(2) or match.group(4) or (match.group(3) or "").lower() in person_nouns():
            found.append((start, end))
    found.extend(_named_after_role(text, claimed, found))
    return sorted(found)


# Two or three capitalised words after a role in lower case or a legislator's acronym,
# then no further capital: "People's Party MP Pakorn Thepsuwan asked", "the
# parliamentarian Nimal Rathnayake, who".
_ROLE_THEN_NAME = re.compile(
    r"(?:\b([a-z][a-z-]+)|(?<![\w.])(MP|TD|MEP|MLA|MCA|MSP|MNA|MPP|Senator|Sen\.|Rep\.|Cllr))"
    r" ([A-Z][a-z\u00c0-\u024f'\u2019-]+(?: [A-Z][a-z\u00c0-\u024f'\u2019-]+){1,2})"
    r"(?=[,.;:)]| [a-z(]|$)",
    re.M,
)


def _named_after_role(
    text: str, claimed: bytearray, found: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """People's names no list knows, right after a role ("MP Pakorn Thepsuwan"): two or
    three capitalised words, none a title, a head word or a place, the first never
    written in lower case in the article."""
    named = []
    for match in _ROLE_THEN_NAME.finditer(text):
        role = match.group(1)
        if role is not None and role not in person_nouns() and role not in ROLE_NOUNS:
            continue
        start, end = match.span(3)
        words = match.group(3).split()
        if claimed.find(1, start, end) >= 0 or any(a < end and start < b for a, b in found):
            continue
        if _may_be_given(words[0], text) and all(
            word.lower() not in _NOT_NAMES
            and word.lower() not in ORG_HEADS | PLACE_HEADS
            and word.lower() not in titles()
            and word.lower() not in person_nouns()
            and not is_place(word)
            for word in words
        ):
            named.append((start, end))
    return named


# A name that opens a block or a sentence, described by an apposition: "Wahyuni, a nurse
# at the regional hospital, said", "Tomas Reyes, a 41-year-old driver, ...".
_NAME_CAP = r"[A-Z][a-z\u00c0-\u024f'\u2019-]+"
_NAME_LINK = r"(?:a/l|a/p|bin|binti|bint|ibn|al|el|van|von|de|da|di|du|del|der|den|dos|das|le|la)"
_DESCRIBED_NAME = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"\u201d] ))"
    rf"({_NAME_CAP}(?: (?:{_NAME_LINK} )?{_NAME_CAP}){{0,3}})"
    # "Ramesh a/l Subramaniam (Klang), a backbencher": a seat in parentheses may come first
    r"(?: \([^()\n]{1,40}\))?(?:, (?:a|an) "
    r"(?:(\d{2}-year-old)|(?:[\w-]+ ){0,3}?([a-z]+)\b(?= at | in | for | of | with | from |,))"
    # "Pranee, 67, a retired teacher": an age between commas
    r"|, ((?:1[6-9]|[2-9]\d)), (?=[a-z]))",
    re.M,
)


def _role_word(word: str) -> bool:
    """Whether a capitalised word before a name is a title or a role ("Baritone Ettore
    Salvadori", "Winger Idrisa Chande"), not another name's word."""
    lower = word.lower().rstrip(".")
    return lower in titles() or lower in GOVERNMENT_ROLES or lower in person_nouns()


def _after_role(text: str, start: int) -> bool:
    """Whether a role noun, or a role and a comma, comes right before ``start``."""
    before = text[max(0, start - 30) : start]
    match = re.search(r"(\w[\w-]*)(,?) $", before)
    if match is None:
        return False
    word = match.group(1).lower()
    return (
        word in ROLE_NOUNS
        or word in GOVERNMENT_ROLES
        or (word in titles() and len(word) > 3)
        or word in person_nouns()
    )


def join_initials(text: str, candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join a two-letter initial the model read as a name of its own to the name after
    it: "Ts" and "Oyunchimeg" of "Ts. Oyunchimeg" are one person's name."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in candidates:
        if joined:
            last_start, last_end, _ = joined[-1]
            initial = text[last_start:last_end]
            if (
                len(initial) == 2
                and initial.lower() in _DIGRAPH_INITIALS
                and initial[0].isupper()
                and text[last_end:start] == ". "
                and text[start : start + 1].isupper()
            ):
                joined[-1] = (last_start, end, "PERSON")
                continue
        joined.append((start, end, label))
    return _join_nicknames(text, joined)


# A nickname in quotes between a given name and a surname: 'Andre "Blacka" Simpson'.
_NICKNAME = re.compile(
    r" [\"\u201c'\u2018]([A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?)[\"\u201d'\u2019] "
    r"([A-Z][\w'\u2019-]+)(?![\w-])"
)


def _particle_between(
    text: str, previous: tuple[int, int, str], following: tuple[int, int]
) -> bool:
    """Whether a person's name and the name after it are one name joined by particles
    in lower case that the model left out ("Hortense Kabange" wa "Kabange", "Ngugi" wa
    "Thiong'o"): one or two particles between, one or two capitalised words after."""
    last_start, last_end, last_label = previous
    between = text[last_end : following[0]].split(" ")
    words = text[following[0] : following[1]].split()
    return (
        last_label == "PERSON"
        and 3 <= len(between) <= 4
        and between[0] == ""
        and between[-1] == ""
        and all(word in _NAME_PARTICLES and word.islower() for word in between[1:-1])
        and 1 <= len(words) <= 2
        and all(
            word[:1].isupper() and not word.isupper() and word.lower() not in ORG_HEADS
            for word in words
        )
        and not is_place(" ".join(words))
        and len(text[last_start:last_end].split()) <= 3
    )


def _join_nicknames(
    text: str, candidates: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person's name the model cut at a nickname in quotes ('Andre "Blacka" Simpson':
    "Andre" alone) runs on to the surname: one person's name, the nickname inside it."""
    joined: list[tuple[int, int, str]] = []
    skip_until = -1
    for start, end, label in candidates:
        if start < skip_until:
            continue  # the nickname or the surname, now inside the name before it
        if joined and _particle_between(text, joined[-1], (start, end)):
            joined[-1] = (joined[-1][0], end, "PERSON")
            continue
        match = _NICKNAME.match(text, end)
        words = text[start:end].split()
        if (
            match
            and label == "PERSON"
            and 1 <= len(words) <= 2
            and match.group(2).lower().strip(".,") not in ORG_HEADS | PLACE_HEADS
            and not is_place(match.group(2))
        ):
            joined.append((start, match.end(), "PERSON"))
            skip_until = match.end()
            continue
        joined.append((start, end, label))
    return joined


def initialled_owner(short: str, full_names: Iterable[str]) -> str | None:
    """The one full name that ``short``, written with an initial before a name ("Ts.
    Oyunchimeg"), abbreviates: "Oyunchimeg Tsendsuren", whose other name starts with
    the initial's letters."""
    match = re.fullmatch(r"([^\W\d_]{1,2})\. (\S+)", short)
    if match is None:
        return None
    initial, name = match.group(1).lower(), match.group(2).lower()
    owners = []
    for full in full_names:
        words = full.lower().split()
        if len(words) != 2 or name not in words:
            continue
        other = words[1] if words[0] == name else words[0]
        if other.startswith(initial) and not other.endswith("."):
            owners.append(full)
    return owners[0] if len(owners) == 1 else None


# "the Kuwait Anti-Corruption Authority, known as Nazaha", "Choi Jun-ho, who performs as
# Juno": the second name is another name of the first.
_KNOWN_AS = re.compile(
    r",? (?:\(|(?:who is |which is )?(?:also |widely |locally |popularly |better |commonly )?"
    r"(?:known|called|nicknamed|dubbed)(?: to [\w ]{1,30}?)?(?: simply)? as |who performs as )"
)


def other_names(text: str) -> list[tuple[int, int]]:
    """Where a text gives a name another name: pairs of (the end of the first name, the
    start of the second), for "X, known as Y", "X, also known as Y", "X (known as Y)",
    "X, who performs as Y"."""
    pairs = []
    for match in _KNOWN_AS.finditer(text):
        if match.group().endswith("("):
            continue  # "X (Y)": an acronym's definition, left to the organisation rules
        if text[match.end() : match.end() + 1].isupper():
            pairs.append((match.start(), match.end()))
    return pairs


# Head words of bodies and places named after a person, whose first words stay that
# person's name ("Nelson Mandela Foundation", "Benjamin Mkapa Stadium"), and the words of
# a family's firm ("Emeka Nwachukwu & Sons Ltd": its founder is a person too).
_MEMORIAL_HEADS = frozenset(
    """foundation university college school academy institute institution stadium arena
    hospital clinic centre center memorial museum library hall airport trust fund prize
    award awards cup trophy lecture medal park square street road avenue bridge house
    scholarship estate sons son daughters brothers bros & and""".split()
)


def company_short_form(short: str, full: str) -> bool:
    """Whether ``short``, which the model called a person, is a company's name cut short:
    the first words of ``full`` (an organisation's name in the same text) before words
    that do not name a memorial ("Oriel" of "Oriel Mobile", "Lemu" of "Lemu Financiera
    SpA"). A known given name or surname alone is left to the people ("Harlan" of "Harlan
    Mobile"); a name that starts with a given name folds only before a company's
    head word or legal form ("Harlan Crest" of "Harlan Crest Partners")."""
    words, whole = short.split(), full.split()
    rest = [word.lower().strip(".,") for word in whole[len(words) :]]
    if not rest or [w.lower() for w in whole[: len(words)]] != [w.lower() for w in words]:
        return False
    if any(word in _MEMORIAL_HEADS or word in person_nouns() for word in rest):
        return False
    if len(words) == 1 and (is_known_surname(words[0]) or is_given(words[0])):
        return False
    if is_given(words[0]):
        return rest[-1] in ORG_HEADS or is_legal_form(whole[-1])
    return True
