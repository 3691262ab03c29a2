"""Evidence for organisations against what is named like one and is not.

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

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Protocol

from reader.entities.model import Mention
from reader.entities.names import PARTICLES
from reader.entities.people import _PORTFOLIO_WORDS, is_known_surname
from reader.gazetteer import is_demonym, is_given_name, is_place
from reader.name_words import ORG_HEADS
from reader.syntax import Parse

# Heads of offices and bodies that a longer name ends in before its "for" or "of" phrase
# ("National Center for Vector Borne Diseases Control"); "centre" also ends buildings'
# names, so it is no organisation's word alone.
BODY_HEADS = ORG_HEADS | frozenset("center centre division unit chamber".split())
# Nouns of sites after a name ("the Oyu Tolgoi copper mine", "Morocco's Jorf Lasfar port").
_SITE_NOUNS = frozenset(
    """port ports mine mines terminal terminals oilfield oilfields gasfield deposit
    deposits dam reservoir camp crossing basin valley""".split()
)
_COMPASS = frozenset(
    "north south east west central northeast northwest southeast southwest".split()
)


class _Weighing(Protocol):
    weights: dict[str, float]

    def add(self, label: str, weight: float, reason: str) -> None: ...


# Last words of competitions' names ("Nedbank Cup", "Six Nations Championship").
_COMPETITION_LAST = frozenset(
    """cup cups trophy championship championships tournament olympics paralympics
    shield festival biennale expo marathon""".split()
)
# Acronyms of things in English usage, never of a body ("a SIM card", "the PIN", "an SMS").
_THING_ACRONYMS = frozenset(
    """sim sims pin pins sms mms otp otps gps usb atm atms qr url urls vpn vpns api apis
    pdf wifi lan led leds lcd cctv dna rna hiv pcr ivf suv suvs gdp cpi vat ai ev lng lpg
    ipo etf nft 4g 5g""".split()
)
# First words of competitions' names in other languages ("Taça de Portugal", "Copa del
# Rey", "Coupe de France", "Coppa Italia", "DFB-Pokal" aside).
_COMPETITION_FIRST = frozenset("taça taca copa coupe coppa pokal".split())
# Words around a league that make it a competition rather than a body: what one plays in,
# qualifies for or reaches, and its stages ("Champions League qualifiers").
_COMPETITION_AFTER = frozenset(
    """qualifiers qualifier qualifying final finals semi-final semi-finals semifinal
    semifinals quarter-final quarter-finals quarterfinal quarterfinals group stage title
    titles season fixture fixtures match matches knockout play-off play-offs playoff
    playoffs berth berths standings holders trophy""".split()
)
_COMPETITION_BEFORE = re.compile(
    r"(?:\b(?:win|wins|won|winning|reach|reached|reaching|qualify for|qualified for|"
    r"play in|plays in|played in|playing in|compete in|competing in|the (?:last|round|"
    r"final|semi-finals?|quarter-finals?|knockout stage|group stage) (?:\d+ )?of)) (?:the )?$"
)
# A model number: a word with letters and digits ("X7", "S24", "A320"), or digits after the
# first word ("Halo 3", "Pulse 9 Pro").
_MODEL_WORD = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]+$|^\d+$")
# A model's number after a product line's name: "Samsung Galaxy" + " A15", "Xiaomi Redmi" +
# " Note 13".
_MODEL_AFTER = re.compile(
    r" (?:[A-Z][a-z]+ \d{1,4}\b(?![-.,:]\d)|[A-Za-z]{1,4}\d+[A-Za-z]{0,3}\b(?![-.]\d))"
)
# Heads that make a name with a number an organisation all the same ("Channel 4", "BBC
# Radio 4").
_NUMBERED_BODIES = frozenset("channel radio tv television route local".split())
# Nouns of products, written after a product's name ("Lumina X7 smartphones") or before it
# ("the voice assistant Xiaolan", "the app Nextdoor").
_PRODUCT_NOUNS = frozenset(
    """phone phones smartphone smartphones handset handsets earphones earbuds headphones
    headset headsets tablet tablets laptop laptops smartwatch smartwatches console
    consoles app apps chatbot chatbots sedan sedans suv suvs airliner airliners vaccine
    vaccines""".split()
)
# An assistant is a product only as a voice's or an AI's ("the voice assistant Xiaolan"),
# never as a person's ("his assistant Jane Doe").
_ASSISTANTS = frozenset("assistant assistants".split())
_ASSISTANT_KINDS = frozenset("voice virtual digital ai smart".split())
# Words after a name that make it a stock index ("the benchmark TAIEX index").
_INDEX_AFTER = frozenset("index indices indexes benchmark".split())
_INDEX_LAST = frozenset("index indices".split())
# Words of posting or speaking before "on X": a platform, not a body.
_POSTING = frozenset(
    """said says say posted posts post wrote writes written shared shares published
    contacted contacts messaged messages recruited
    circulating circulated circulate appeared appearing announced streamed livestreamed
    live-streamed trending viral organised organized""".split()
)
# What one has on a platform ("its Instagram account", "a Facebook post").
_PLATFORM_AFTER = frozenset(
    "account accounts post posts page pages feed feeds handle profile livestream".split()
)
_OBJECTS = frozenset("him her them me us you".split())
# What people gather in on an app ("on Telegram groups").
_CHAT_AFTER = frozenset("group groups channel channels chat chats".split())
# Legislatures that the English-language press names in their own language.
_LEGISLATURES = frozenset(
    """dáil dail seanad oireachtas bundestag bundesrat nationalrat knesset majlis duma
    sejm senat rada storting stortinget riksdag folketing folketinget eduskunta althing
    alþingi cortes khural jirga shura sabha sangsad yuan sabor skupština skupstina
    saeima seimas riigikogu landtag tweede eerste""".split()
)
# Houses of legislatures that English names by one word ("said in Parliament").
_HOUSES = frozenset("parliament congress senate".split())
# Roles that a party, a club or a company is written before ("Fianna Fáil TD", "Sinn Féin
# housing spokesperson", "Sporting loanee").
MEMBER_ROLES = frozenset(
    """td tds mp mps mep meps mla mlas msp msps mna mnas mpp mpps mha mhas mlc mlcs
    senator senators lawmaker lawmakers
    legislator legislators councillor councillors councilor councilors spokesperson
    spokesman spokeswoman leader loanee""".split()
)
# Roles of a sports club, after its name or its possessive ("Braga's goalkeeper").
_CLUB_ROLES = frozenset(
    """coach coaches manager striker strikers midfielder midfielders defender defenders
    goalkeeper goalkeepers keeper winger wingers forward forwards captain skipper
    player players squad loanee supporters fans ultras president academy""".split()
)
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
# A score: "4-2", "1-1", or Australian football's "12.14 (86)".
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b|\b\d{1,2}\.\d{1,2} \(\d{1,3}\)")
# Verbs after ", which" that a company does ("Rio Tinto, which operates the mine").
_COMPANY_DOES = frozenset(
    """operates operate operated owns owned runs ran makes made produces produced
    manufactures employs sells sold supplies controls holds exports imports builds
    develops""".split()
)

# A person's name of two or three words after a possessive: the owner's member.
_PERSON_AFTER = re.compile(r"[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff'\u2019-]+){1,2}\b")
_BODY_BEFORE = re.compile(
    r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019-]* ){0,3}[A-Z][\w'\u2019-]*) (?:for|of) $"
)
# The model's labels of names, which this module's evidence may move.
_NAMES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART")
# A product's noun and "such as" before a name, over an owner's possessive: "voice
# assistants such as Amazon's Alexa".
_EXAMPLE_OF = re.compile(
    r"\b(?:([a-z]+) )?([a-z]+),? (?:such as|like|including) (?:[A-Z][\w-]*(?:'s|\u2019s) )?$"
)
# What a party has, after its adjective ("Conservative backbenchers", "a Democratic bill",
# "Republican aides"): a party's, where a people's or a faith's adjective is not one.
_PARTY_NOUNS = frozenset(
    """bill bills holdouts backbenchers backbencher aides lawmakers lawmaker senators
    senator congressman congresswoman caucus leadership whip whips majority minority
    nominee nominees candidate candidates primary primaries frontbench frontbencher
    frontbenchers mps mp meps councillors councillor governor governors
    legislators""".split()
)
_NOT_PARTIES = frozenset(
    """muslim muslims christian catholic protestant jewish hindu buddhist sikh sunni shia
    shiite black white indigenous arab latino hispanic asian western eastern northern
    southern federal national state independent senior junior female male christmas
    birthday garden tea dinner search working house""".split()
)
# Parties that English names by their family's plural after "the": "the Greens", "the
# Social Democrats", "the Tories".
_PARTY_FAMILIES = frozenset(
    """greens liberals conservatives democrats republicans socialists communists
    nationalists tories labourites""".split()
)
_SPOKES = frozenset("spokesperson spokesman spokeswoman".split())
# A place after a locative, then a list's "and" or comma: "to Siraha and" before a name.
_LISTED_PLACE = re.compile(
    r"\b(?:in|to|at|from|near|between|across) ([A-Z][\w'\u2019-]+)(?:,| and| or) $"
)
_AIRWAVES = frozenset("radio television tv channel network news".split())
_WHICH = re.compile(r",\s+which\s+(\w+)")
# Words before an outlet that a speaker talks to ("told Rudaw", "in an interview with X").
_TOLD = re.compile(r"\b(?:told|telling|an interview with|speaking to|quoted by) $")


@lru_cache(maxsize=8)
def is_sports_story(text: str) -> bool:
    """Whether an article reports sport: a score and at least three sports words."""
    if not _SCORE.search(text):
        return False
    words = set(re.findall(r"[a-z][a-z-]+", text.lower()))
    return len(words & _SPORT_WORDS) >= 3


def weigh_organisation(
    text: str,
    name: str,
    mentions: Sequence[Mention],
    parse: Parse,
    weighing: _Weighing,
    place: bool,
) -> None:
    """Add the evidence of this module for an entity called ``name``."""
    words = name.split()
    if not words or not any(weighing.weights.get(label, 0) > 0 for label in _NAMES):
        return  # a date, a number or an amount
    lower = [word.lower().strip(".,") for word in words]
    votes = sum(w for w in weighing.weights.values() if w > 0)
    if len(words) > 1 and (
        lower[-1] in _COMPETITION_LAST
        or lower[0] in _COMPETITION_FIRST
        or (lower[-1] == "league" and "champions" in lower)
    ):
        weighing.add("EVENT", 6 + votes, f"a competition: {words[-1]}")
    elif lower[-1] in ("league", "liga") and any(_competes(text, m) for m in mentions):
        weighing.add("EVENT", 6 + votes, "a league played in")
    if _model_number(words, lower):
        weighing.add("PRODUCT", 6 + votes, "a model number")
    elif len(words) > 1 and lower[-1] in _INDEX_LAST:
        weighing.add("PRODUCT", 6 + votes, "a stock index")
    if len(words) == 1 and lower[0] in _LEGISLATURES | _HOUSES and words[0][:1].isupper():
        weighing.add("ORG", 6, f"a legislature: {words[0]}")
    elif len(words) > 1 and lower[-1] in _LEGISLATURES and words[-1][:1].isupper():
        weighing.add("ORG", 6, f"a legislature: {words[-1]}")
    elif len(words) > 2 and any(
        lower[i] in BODY_HEADS
        and lower[i + 1] in ("of", "for")
        and all(word[:1].isupper() for word in words[: i + 1])
        for i in range(len(lower) - 1)
    ):
        weighing.add("ORG", 6, "an organisation's word before 'of' or 'for'")
    if len(words) > 2 and lower[0] in _FRENCH_HEADS and french_body(name, 0) == len(name):
        weighing.add("ORG", 6 + votes, f"a French body's name: {words[0]}")
    if len(words) > 1 and all(part in _COMPASS for part in lower[-1].split("-")):
        weighing.add("GPE", 5, f"an area: {words[-1]}")  # "Dublin South-Central"
    if all(_in_menu(text, mention) for mention in mentions):
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0
        weighing.add("CHROME", 1, "only in a menu line")
    if (
        len(words) > 2
        and lower[0] in FOREIGN_BODY_HEADS
        and lower[1] in ("de", "do", "da", "dos", "das", "del", "des", "du", "di", "della")
    ):
        weighing.add("ORG", 5, f"a body's word: {words[0]}")
    if len(words) == 1 and name.isupper() and lower[0] in _THING_ACRONYMS:
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0  # "SIM", "PIN", "SMS": a thing, not a name
        weighing.add("MISC", 1, "a common noun's acronym")
    if len(words) == 1 and name.isupper() and lower[0] in MEMBER_ROLES | {"ceo", "cfo", "coo"}:
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0  # "TD", "MP": a role, not a name
        weighing.add("TITLE", 1, "a role's acronym")
    if len(words) == 1 and name.isupper() and all(_unit_code(text, m) for m in mentions):
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0  # "HUF 1,990", "at 1420 GMT": a unit, not a body
        weighing.add("MISC", 1, "a currency's or a time zone's code by a number")
    if len(words) > 1 and (
        lower[0] in _FACILITY_FIRST or (lower[0] == "palace" and lower[1] in ("of", "for"))
    ):
        weighing.add("FAC", 6 + votes, f"a building's or a site's word: {words[0]}")
    if not is_demonym(words[0]) and any(_STOCK_AFTER.match(text, m.end) for m in mentions):
        weighing.add("ORG", 6 + votes, "a company: its shares or stock")  # "Julius Baer shares"
    sports = is_sports_story(text)
    # Only a name that the model or the evidence calls a body or a person can be a
    # product, an index, a platform or a site instead.
    agentive = weighing.weights.get("ORG", 0) > 0 or weighing.weights.get("PERSON", 0) > 0
    for mention in mentions:
        _around(
            text,
            mention,
            parse,
            weighing,
            place,
            sports,
            multiword=len(words) > 1,
            agentive=agentive,
        )


# First words of buildings' and sites' names in other languages ("Estadio Monumental",
# "Stade de la Réunification", "Penitenciaría del Litoral"), and English "Palace of X".
_FACILITY_FIRST = frozenset(
    """estadio estádio stade stadio stadion aeropuerto aeroporto aéroport aeroport
    penitenciaría penitenciaria penitenciária cárcel carcel prisión presídio""".split()
)
# A listed company's shares after its name, not the verb ("Kestrel shares fell", "Kestrel's
# share price"; not "Smith shares a flat").
_STOCK_AFTER = re.compile(
    r"(?:'s|\u2019s)? (?:shares|stock|share price|stock price)\b"
    r"(?! (?:a|an|the|his|her|their|its|my|our|your|this|that|these|those|with|in)\b)"
)
# Time zones' abbreviations as the English-language press writes them after a time.
_TIME_ZONES = frozenset(
    """gmt utc bst cet cest eet eest wet west est edt cst cdt mst mdt pst pdt ist jst kst
    hkt sgt aest aedt awst msk""".split()
)
_NUMBER_AFTER = re.compile(r" ?[\d.,]*\d")
_NUMBER_BEFORE = re.compile(r"\d(?:[.,:]?\d)*(?: ?[ap]\.?m\.?)? ?$")


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes of currencies (pycountry): "HUF", "CHF", "NGN"."""
    import pycountry  # loaded once, with the gazetteer's other ISO lists

    return frozenset(currency.alpha_3.lower() for currency in pycountry.currencies)


def _unit_code(text: str, mention: Mention) -> bool:
    """Whether a code in capitals is a currency's before or after an amount ("HUF 1,990",
    "1,990 HUF") or a time zone's after a time ("1420 GMT"): a unit, not a body."""
    code = mention.text.lower()
    before = _NUMBER_BEFORE.search(text, max(0, mention.start - 20), mention.start) is not None
    if code in _TIME_ZONES:
        return before
    if code not in _currency_codes():
        return False
    return before or _NUMBER_AFTER.match(text, mention.end) is not None


def _in_menu(text: str, mention: Mention) -> bool:
    """Whether a mention sits in a short line of items between bars ("Share: Facebook | X |
    Telegram | Print"): a page's menu, not its story."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if (line.strip() == mention.text and f"| {mention.text} |" in text) or (
        len(line) < 60 and " > " in line
    ):
        # A section of the menu alone on its line, or a breadcrumb ("Tech > Security").
        return True
    return len(line) < 120 and line.count(" | ") >= 2 and not any(c.isdigit() for c in line)


def body_before(text: str, start: int) -> int:
    """The start of a body's name that the model cut after its "for" or "of": "National
    Center for" before "Vector Borne Diseases Control"."""
    match = _BODY_BEFORE.search(text, max(0, start - 80), start)
    if match and match.group(1).split()[-1].lower() in BODY_HEADS:
        return match.start(1)
    return start


def _model_number(words: Sequence[str], lower: Sequence[str]) -> bool:
    """A name with a model number after its first word, not a numbered channel or route."""
    if (
        len(words) < 2
        or not words[0][:1].isupper()
        or any(word in _NUMBERED_BODIES or word in ORG_HEADS for word in lower)
    ):
        return False
    return any(_MODEL_WORD.match(word.strip(".,")) for word in words[1:])


def _competes(text: str, mention: Mention) -> bool:
    """Whether a league is played in, reached or staged at this mention."""
    after = text[mention.end : mention.end + 30].lower().split()
    if after and after[0].strip(".,;") in _COMPETITION_AFTER:
        return True
    before = text[max(0, mention.start - 40) : mention.start].lower()
    return _COMPETITION_BEFORE.search(before) is not None


def _around(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: _Weighing,
    place: bool,
    sports: bool,
    *,
    multiword: bool,
    agentive: bool,
) -> None:
    before = text[max(0, mention.start - 40) : mention.start].split()
    after = text[mention.end : mention.end + 40].split()
    previous = before[-1].lower() if before else ""
    following = after[0].lower().strip(".,;:") if after else ""
    possessive = text[mention.end : mention.end + 2] in ("'s", "\u2019s")
    if agentive:
        _not_a_body(text, mention, parse, weighing, place, multiword=multiword)
    if (
        not multiword
        and weighing.weights.get("NORP", 0) > 0
        and following in _PARTY_NOUNS
        and after[0].islower()
        and mention.text.lower() not in _NOT_PARTIES
        and not is_demonym(mention.text)
        and not (before and before[-1][:1].isupper() and before[-1][-1:].isalpha())
    ):
        weighing.add("ORG", 4, f"a party's {following}")  # "Republican holdouts"
    if (
        following == "party"
        and after[0].islower()
        and mention.text[:1].isupper()
        and mention.text.lower() not in _NOT_PARTIES
        and not is_demonym(mention.text)
        and not place
    ):
        weighing.add("ORG", 4, "a party: its name before 'party'")  # "whose Pastef party"
    if (
        _TOLD.search(text, max(0, mention.start - 30), mention.start)
        and not multiword
        and not is_given_name(mention.text)
        and not is_known_surname(mention.text)
        and not _PERSON_AFTER.match(text, mention.start)
    ):
        weighing.add("ORG", 2, "an outlet told or interviewed")  # "told Rudaw that"
    if (
        previous == "the"
        and mention.text.split()[-1].lower() in _PARTY_FAMILIES
        and mention.text[:1].isupper()
    ):
        weighing.add("ORG", 4, "a party by its family's plural")  # "the Greens voted"
    kind = _KIND_ALONE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if kind and not possessive:
        weighing.add("ORG", 4, f"called a {kind.group(1)}")  # "the news site Seznam Zprávy"
    verb = _WHICH.match(text, mention.end)
    if verb and verb.group(1).lower() in _COMPANY_DOES:
        weighing.add("ORG", 4, f"which {verb.group(1).lower()}")
        weighing.weights["PERSON"] = min(weighing.weights.get("PERSON", 0), 0)
    if (
        possessive
        and mention.text[:1].isupper()
        and len(after) > 1
        and _PERSON_AFTER.match(text, mention.end + 3)
        and not place
        and weighing.weights.get("NORP", 0) <= 0
    ):
        weighing.add("ORG", 2, "a member's owner")  # "Labour's Gráinne Hennessy"
    role = _role_after(after, possessive)
    if role in _SPOKES and previous in ("a", "an", "the") and not possessive and not place:
        weighing.add("ORG", 3, f"a {role} of its")  # "A Sun Hung Wah spokeswoman"
    elif (
        role in MEMBER_ROLES - _SPOKES
        and not place
        and not is_given_name(mention.text.split()[0])
        and not possessive
        and not weighing.weights.get("NORP")
        and not is_demonym(mention.text)
    ):
        weighing.add("ORG", 3, f"its {role}")
    if sports:
        _club(text, mention, parse, weighing, role, possessive)


def _product_before(before: Sequence[str]) -> bool:
    """Whether the words before a name end in a product's noun in lower case."""
    if not before or not before[-1].islower():
        return False
    noun = before[-1].strip(",")
    if noun in _ASSISTANTS:
        return len(before) > 1 and before[-2].lower() in _ASSISTANT_KINDS
    return noun in _PRODUCT_NOUNS


def _not_a_body(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: _Weighing,
    place: bool,
    *,
    multiword: bool,
) -> None:
    """Evidence that a name the model calls a body or a person is a product, a stock
    index, a platform or a site."""
    before = text[max(0, mention.start - 40) : mention.start].split()
    after = text[mention.end : mention.end + 40].split()
    previous = before[-1].lower() if before else ""
    following = after[0].lower().strip(".,;:") if after else ""
    possessive = text[mention.end : mention.end + 2] in ("'s", "\u2019s")
    if (
        following in _PRODUCT_NOUNS
        and multiword
        and after[0].islower()
        and not any(word.lower().strip(".,") in ORG_HEADS for word in mention.text.split())
    ):
        weighing.add("PRODUCT", 4, f"a product: {following}")
    elif multiword and not possessive and _MODEL_AFTER.match(text, mention.end):
        weighing.add("PRODUCT", 4, "a product line: a model after it")  # "Samsung Galaxy A15"
    elif (
        _product_before(before)
        and not possessive
        # "on new handsets, PDI cybercrime chief": a clause's end, not an apposition.
        and (not before[-1].endswith(",") or text.startswith(",", mention.end))
    ):
        weighing.add("PRODUCT", 4, f"a product: {previous}")
    elif not possessive and (example := _product_example(text, mention.start)):
        weighing.add("PRODUCT", 4, f"a product: {example} such as it")
    elif _appositive_product(mention, parse):
        weighing.add("PRODUCT", 4, "a product, in apposition")
    lowered = [word.strip(".,;:") for word in after[:3]]
    site = ""
    if after and after[0].islower() and lowered[0] in _SITE_NOUNS:
        site = lowered[0]  # "Morocco's Jorf Lasfar port"
    elif len(after) > 1 and after[0].islower() and after[1].islower():
        site = lowered[1] if lowered[1] in _SITE_NOUNS else ""  # "Oyu Tolgoi copper mine"
    if site and not place:
        weighing.add("LOC", 3, f"a site: {site}")
    listed = _LISTED_PLACE.search(text, max(0, mention.start - 50), mention.start)
    person = weighing.weights.get("PERSON", 0) > 0  # "in Tokyo and Jung Min-seo in Seoul"
    if listed and is_place(listed.group(1)) and not place and not person:
        weighing.add("GPE", 3, f"listed with a place: {listed.group(1)}")  # "to Siraha and X"
    index = next((i for i, word in enumerate(lowered) if word in _INDEX_AFTER), -1)
    if index >= 0 and all(word.isdigit() or word.islower() for word in after[: index + 1]):
        weighing.add("PRODUCT", 4, f"a stock index: {lowered[index]}")
    # A broadcaster is said on too, but is named in capitals ("on VRT radio", "on CNN").
    broadcaster = (len(mention.text) > 1 and mention.text.isupper()) or following in _AIRWAVES
    if (
        previous in ("on", "via", "through")
        and len(before) > 1
        and (
            before[-2].lower() in _POSTING
            # "contacted him on Telegram": the verb before its person.
            or (before[-2].lower() in _OBJECTS and len(before) > 2 and before[-3] in _POSTING)
        )
        and not multiword
        and not broadcaster
    ) or (following in _PLATFORM_AFTER and not multiword and not place):
        weighing.add("PRODUCT", 5, "a platform posted on")
    elif (
        previous in ("on", "via")
        and following in _CHAT_AFTER
        and after[0].islower()
        and not multiword
        and not broadcaster
        and not place
    ):
        # "spread on Telegram groups", "via WhatsApp chats": the groups of an app.
        weighing.add("PRODUCT", 5, "a platform posted on")


def _product_example(text: str, start: int) -> str:
    """The product's noun that a name is an example of ("voice assistants such as
    Amazon's Alexa"), or ""."""
    window = text[max(0, start - 60) : start]
    if "such as" not in window and " like " not in window and "including" not in window:
        return ""
    example = _EXAMPLE_OF.search(text, max(0, start - 60), start)
    if example and _product_before([example.group(1) or "", example.group(2)]):
        return example.group(2)
    return ""


def _appositive_product(mention: Mention, parse: Parse) -> bool:
    """Whether the parse sets a mention beside a product's noun ("a dengue vaccine,
    TV005,")."""
    if not parse:
        return False
    index = parse.at(mention.start)
    if index is None:
        return False
    head = index
    for candidate in parse.between(mention.start, mention.end):
        head = candidate
    token = parse.tokens[head]
    nouns = [parse.tokens[c] for c in parse.children(head) if parse.tokens[c].dep == "appos"]
    if token.dep == "appos":
        nouns.append(parse.tokens[token.head])
    return any(noun.lemma.lower() in _PRODUCT_NOUNS - {"app"} for noun in nouns)


def _role_after(after: Sequence[str], possessive: bool) -> str:
    """The role written after a name, over one lower-case portfolio word ("Sinn Féin
    housing spokesperson"); after a possessive, the word after it."""
    if not after:
        return ""
    first = after[0].lower().strip(".,;:")
    if possessive:
        return after[1].lower().strip(".,;:") if len(after) > 1 else ""
    if first in MEMBER_ROLES | _CLUB_ROLES:
        return first
    if after[0].islower() and len(after) > 1:
        second = after[1].lower().strip(".,;:")
        if second in ("spokesperson", "spokesman", "spokeswoman"):
            return second
    return first


def _club(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: _Weighing,
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
    if role in _CLUB_ROLES or (possessive and role in _CLUB_ROLES | {"side", "team"}):
        weighing.add("ORG", 4, f"a club's {role}")
        return
    if possessive and _PERSON_AFTER.match(text, mention.end + 3):
        weighing.add("ORG", 3, "a club's player")  # "Geelong's Sam Falloon"
        return
    if not parse:
        return
    index = parse.at(mention.start)
    if index is None:
        return
    head = index
    for candidate in parse.between(mention.start, mention.end):
        head = candidate
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


# Legislatures that one word names, found where the model missed them ("The Dáil voted").
_ONE_WORD_LEGISLATURES = _LEGISLATURES - frozenset(
    "rada sabha sangsad yuan tweede eerste senat cortes".split()
)
_LEGISLATURE_WORDS = tuple(sorted(w.capitalize() for w in _ONE_WORD_LEGISLATURES))


def _find_words(text: str, words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Where each of ``words`` stands alone in ``text`` (a substring search per word:
    faster than one pattern of alternatives tried at every character)."""
    for word in words:
        position = text.find(word)
        while position >= 0:
            end = position + len(word)
            before = text[position - 1 : position]
            after = text[end : end + 1]
            alone_before = not before or not (before.isalnum() or before in "-'\u2019_")
            alone_after = not after or not (after.isalnum() or after in "-_")
            if alone_before and alone_after:
                yield position, end
            position = text.find(word, end)


# First words of bodies' names in Portuguese, Spanish, French and Italian, with the
# particle that joins them to the rest ("Conselho de Disciplina", "Comisión Nacional del
# Mercado", "Conseil d'État").
FOREIGN_BODY_HEADS = frozenset(
    """conselho comissão comissao comisión comision comité comite conseil consejo
    consiglio commissione junta sindicato procuradoria fiscalía fiscalia
    superintendência superintendencia secretaría secretaria direção direccion dirección
    autoridade autoridad agência agencia federação federacion federación fédération
    confederação confederación confédération assembleia asamblea assemblée assemblea
    tribunal tribunale supremo asociación asociacion associação associacao""".split()
)
# Particles that join the words of a body's name in those languages, "and" among them
# ("Asociación de Hoteles y Turismo de la República", "Comité Permanente por la Defensa
# de los Derechos Humanos"); the longer first, so that "de la" is tried before "de".
_FOREIGN_JOIN = (
    r"(?:de los|de las|de la|del|de|do|da|dos|das|des|du|di|della|dello|delle|degli"
    r"|alla|allo|al|per|pour|por la|por el|por los|por las|para la|para el|para los|y|e|et)"
)
_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
_FOREIGN_BODY = re.compile(
    rf"(?<![\w-])([A-Z\u00c0-\u00de][\w\u00e0-\u00ff]+(?: {_CAP})*"
    rf"(?: {_FOREIGN_JOIN}"
    rf"(?: l['\u2019])?"
    rf" {_CAP}(?: {_CAP})*)+)"
)
# A party's or a body's name written before its members' roles: "Fianna Fáil TD", "the Sinn
# Féin housing spokesperson", "Likud lawmakers".
_MEMBER_ROLE = re.compile(
    r" (?:(?:TDs?|MPs?|MEPs?|MLAs?|MSPs?|MNAs?|MPPs?|MHAs?|MLCs?|senators?|lawmakers?|"
    r"legislators?|councillors?)\b|(?:[a-z]+ )?spokes(?:person|man|woman)\b"
    r"|leader(?= [A-Z][a-z]))"
)
_CAPS_BEFORE_ROLE = re.compile(rf"(?<![\w'\u2019-])({_CAP}(?: {_CAP}){{0,2}})$")
# What a body is called right before its name: "the think tank Expert Forum", "the news
# site Seznam Zprávy", "pipeline operator BOTAŞ". A one-word name must be in capitals,
# unless the noun is a medium's or a think tank's.
_NAME_WORD = r"[A-Z\u00c0-\u00de][\w\u00c0-\u017f&'\u2019-]*"
_KIND_BEFORE = re.compile(
    r"\b(?:think[- ]tank|news (?:site|website|portal|agency)|website|broadcaster|newspaper|"
    r"regulator|watchdog|lender|insurer|operator|retailer)"
    rf" ({_NAME_WORD}(?: {_NAME_WORD}){{0,3}})"
)
_KIND_ALONE_BEFORE = re.compile(
    r"\b(think[- ]tank|news (?:site|website|portal|agency)|website|broadcaster|newspaper) $"
)
_KIND_ALONE = re.compile(r"(?:think[- ]tank|news |website|broadcaster|newspaper)")
# A name of one to four capitalised words before ", which" and what a company does.
_WHICH_DOES = re.compile(r",\s+which\s+(\w+)")
_CAPS_BEFORE_WHICH = re.compile(rf"(?<![\w'\u2019-])({_CAP}(?: {_CAP}){{0,3}})$")
# Words that open a sentence before a role without naming anyone's party ("Its spokesman").
_DETERMINERS = frozenset(
    """its his her their our my your this that these those each every another one no some
    any all both several many other former then independent government backbench
    opposition senior junior veteran""".split()
)


def missed_organisations(text: str, rejected: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names of bodies that a small model often misses, by their shape: a legislature's
    name in its own language, a Portuguese, Spanish, French or Italian body's name, and a
    party's name before its members' roles. ``rejected`` says which names to leave (places,
    people's names, common words)."""
    found = list(_find_words(text, _LEGISLATURE_WORDS))
    # Each shape is looked for from its cheap anchor (a head word, ", which", a role), then
    # back or forth from it: scanning every capital with the whole pattern costs more.
    for head, _ in _find_words(text, _FRENCH_HEAD_WORDS):
        end = french_body(text, head)
        if end > head:
            found.append((head, end))  # "Tribunal administratif du travail"
    for head, _ in _find_words(text, _FOREIGN_NAMED_WORDS):
        match = _FOREIGN_BODY.match(text, head)
        if match:
            found.append(match.span(1))
    for match in _KIND_BEFORE.finditer(text):
        name = match.group(1)
        first = name.split()[0]
        # A role's word may begin a body's name here ("Expert Forum"): not ``rejected``.
        if (
            (name.isupper() or " " in name or _KIND_ALONE.match(match.group()))
            and not is_place(name)
            and not is_given_name(first)
            and not is_demonym(first)
        ):
            found.append(match.span(1))  # "the think tank Expert Forum", "operator BOTAŞ"
    for anchor in _WHICH_DOES.finditer(text):
        if anchor.group(1).lower() not in _COMPANY_DOES:
            continue
        match = _CAPS_BEFORE_WHICH.search(text, max(0, anchor.start() - 80), anchor.start())
        if match and not rejected(match.group(1)):
            found.append(match.span(1))  # "Médecins Sans Frontières, which ran ..."
    for anchor in _MEMBER_ROLE.finditer(text):
        match = _CAPS_BEFORE_ROLE.search(text, max(0, anchor.start() - 80), anchor.start())
        if match is None:
            continue
        start, end = match.span(1)
        if text.startswith(("The ", "A ", "An "), start):
            start = text.index(" ", start) + 1
        first = text[start:end].split(" ", 1)[0].lower()
        name = text[start:end]
        if anchor.group().startswith(" leader") and " " not in name and not name.isupper():
            continue  # "Kurdish leader X", "Tibetan leader X": a people's, not a party's
        # A name that ends in "Party" is one before its members' roles, whatever a
        # word of it is elsewhere ("party" is a title's word too: "Workers' Party MP").
        partisan = name.rsplit(" ", 1)[-1] in ("Party", "Partei", "Partido", "Parti")
        if start < end and first not in _DETERMINERS and (partisan or not rejected(name)):
            found.append((start, end))
    return found


# First words of outlets' and institutions' names in other languages that an "of" phrase
# in their language completes ("Corriere dello Sport", "Banco do Brasil").
_FOREIGN_NAMED = FOREIGN_BODY_HEADS | frozenset(
    """corriere gazzetta diario diário jornal folha correio banco museu museo musée
    instituto institut universidade universidad université centro fundação fundación
    partido parti partito teatro théâtre impresa empresa compania comune""".split()
)
# Capitalised, as names begin: "Corriere della Sera", "Teatro alla Scala".
_FOREIGN_NAMED_WORDS = tuple(sorted(w.capitalize() for w in _FOREIGN_NAMED))
_FOREIGN_TAIL = re.compile(rf"(?: {_FOREIGN_JOIN}(?: l['\u2019])? {_CAP}(?: {_CAP})*)+")
# A foreign body's head and the words up to a span that the model began after it:
# "Consejo" before "Dominicano de Unidad Evangélica", "Comité Permanente por la" before
# "Defensa de los Derechos Humanos".
_FOREIGN_HEAD_BEFORE = re.compile(
    rf"(?<![\w-])({'|'.join(_FOREIGN_NAMED_WORDS)})(?: {_CAP})*(?: {_FOREIGN_JOIN})? $"
)


def foreign_head_before(text: str, start: int, end: int) -> int:
    """The start of a body's name in another language whose head word the model left
    before its span, when the head's name runs through the whole span."""
    head = _FOREIGN_HEAD_BEFORE.search(text, max(0, start - 60), start)
    if head is None:
        return start
    match = _FOREIGN_BODY.match(text, head.start())
    if match and match.end(1) >= end:
        return head.start()
    return start


def foreign_tail(text: str, start: int, end: int) -> int:
    """The end of a name in another language that the model cut before its "of" phrase:
    "Corriere" + "dello Sport", "Conselho" + "de Disciplina"."""
    first = text[start:end].split(" ", 1)[0]
    if first.lower() in _FRENCH_HEADS:
        french = french_body(text, start)
        if french > end:
            return french  # "Tribunal" + "administratif du travail"
    if first.lower() not in _FOREIGN_NAMED:
        return end
    tail = _FOREIGN_TAIL.match(text, end)
    return tail.end() if tail else end


# First words of French bodies' names, whose other words are in lower case but for names
# ("Tribunal administratif du travail", "Centre national du cinéma et de l'image animée").
_FRENCH_HEADS = frozenset(
    """centre tribunal direction conseil commission comité institut agence caisse société
    régie ministère cour fédération confédération syndicat banque autorité hôpital école
    université musée théâtre compagnie groupe parti mouvement chambre assemblée
    observatoire office""".split()
)
_FRENCH_HEAD_WORDS = tuple(sorted(w.capitalize() for w in _FRENCH_HEADS))
_FR_WORD = r"[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff-]*"
_FR_NAME_WORD = r"[A-Za-z\u00c0-\u00ff][\w\u00c0-\u00ff-]*"
_FR_ADJECTIVE = r"[a-z\u00e0-\u00ff]+(?:ée|é|ées|és|aire|ale|aux|ique|ive|if)"
_FR_PARTICLE = (
    r"(?:de la|de l['\u2019]|d['\u2019]|du|des|de|et de la|et de l['\u2019]|et du|et des|et de|et)"
)
# The head, up to two adjectives, then particles' phrases of one word each (and a last
# adjective of a French ending: "de l'image animée").
_FRENCH_BODY = re.compile(
    rf"[A-Z\u00c0-\u00de]\w+(?: {_FR_WORD}){{0,2}}"
    rf"(?: {_FR_PARTICLE} ?{_FR_NAME_WORD}(?: {_FR_ADJECTIVE})?)+"
)
# English words that a French name never holds in lower case: where a sentence goes on.
_ENGLISH = frozenset(
    """the a an of for and or in on at to with by from said says is was are were has have
    had will would which who that this its their his her""".split()
)


def french_body(text: str, start: int) -> int:
    """The end of a French body's name that starts at ``start`` (``start`` if none)."""
    match = _FRENCH_BODY.match(text, start)
    if match is None:
        return start
    words = match.group().replace("\u2019", " ").replace("'", " ").split()
    if any(word in _ENGLISH for word in words):
        return start
    return match.end()


def inner_verb(text: str, start: int, end: int, parse: Parse) -> tuple[int, int] | None:
    """A verb in lower case inside a span, between capitalised words: a headline's
    clause read as one name ("Braga stun Porto"), whose two sides are names."""
    if not parse or " " not in text[start:end]:
        return None
    for index in parse.between(start, end):
        token = parse.tokens[index]
        word = text[token.start : token.end]
        if (
            token.pos == "VERB"
            and word.isalpha()
            and word.islower()
            and start < token.start
            and token.end < end
            and text[start : start + 1].isupper()
            and text[token.end + 1 : token.end + 2].isupper()
        ):
            return token.start, token.end
    return None


# Legislators' roles in capitals, which a party's name comes before ("Fianna Fáil TD").
_MEMBER_ACRONYMS = frozenset(
    "td tds mp mps mep meps mla mlas msp msps mna mnas mpp mpps mha mhas mlc mlcs".split()
)


def party_before_role(text: str, start: int, end: int) -> int | None:
    """The end of a party's name in a span that ends in its member's role ("Fianna Fáil
    TD", read as one person's name before "Séamus Ó Conghaile"), or ``None``."""
    words = text[start:end].split(" ")
    if len(words) < 2 or not words[-1].removesuffix("s").isupper():
        return None  # "TD", "MPs"
    if words[-1].lower() not in _MEMBER_ACRONYMS or is_demonym(words[0]):
        return None
    if any(is_place(word) for word in words[:-1]):
        return None  # "Kisumu MP": a constituency, not a party
    if not all(word[:1].isupper() for word in words[:-1]):
        return None
    return end - len(words[-1]) - 1


def teams_pair(text: str, start: int, end: int) -> int | None:
    """In a sports story, where a span joins two teams with "and" ("the Brisbane Lions and
    Port Adelaide"), the offset of that " and "; ``None`` elsewhere. A company named with
    "and" ("Marks and Spencer") is not written in a match report's table."""
    name = text[start:end]
    if " and " not in name or name.count(" and ") > 1 or not is_sports_story(text):
        return None
    left, right = name.split(" and ")
    sides = [
        side[1:] if side[:1] in (["the"], ["The"]) else side
        for side in (left.split(), right.split())
    ]
    if not all(side and all(word[:1].isupper() for word in side) for side in sides):
        return None
    if any(word.lower() in BODY_HEADS for side in sides for word in side):
        return None
    return start + len(left)


# A place after "in" at a body's end: where it is, not its name.
_IN_PLACE_END = re.compile(r" in ([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)?)$")
_CAPITALISED_AFTER = re.compile(r"(?: [A-Z][\w'\u2019-]*)+")
# A portfolio's list after a body's "for" or "of" phrase: " and Energy", ", Religious and
# Cultural Affairs".
_PORTFOLIO_AFTER = re.compile(
    r"(?:, [A-Z][a-z'\u2019-]+(?: [A-Z][a-z'\u2019-]+)*)*,? and [A-Z][a-z'\u2019-]+"
    r"(?: [A-Z][a-z'\u2019-]+)*(?![\w-])"
)


def _portfolio_tail(tail: str, stop: Callable[[str], bool]) -> bool:
    """Whether the words after a body's name list its portfolio: all capitalised, none the
    start of something else, the last a portfolio's word ("Affairs", "Energy")."""
    words = [word for word in tail.replace(",", " ").split() if word != "and"]
    return words[-1].lower() in _PORTFOLIO_WORDS and not any(stop(word) for word in words)


def body_tail(text: str, start: int, end: int, stop: Callable[[str], bool]) -> int:
    """The end of a body's name that the model cut inside its "for" or "of" phrase:
    "National Center for Vector" + "Borne Diseases Control". The capitalised words after
    it are taken up to a word that ``stop`` says begins something else (a title: "Bank of
    England Governor Andrew Bailey")."""
    words = text[start:end].split()
    heads = [
        i
        for i in range(len(words) - 2)
        if words[i].lower() in BODY_HEADS and words[i + 1] in ("for", "of")
    ]
    if not heads or not all(word[:1].isupper() for word in words[: heads[0] + 1]):
        return end
    located = _IN_PLACE_END.search(text, start, end)
    if located and located.start() > start and is_place(located.group(1)):
        return located.start()  # "Centre for Policy Alternatives" + " in Colombo"
    portfolio = _PORTFOLIO_AFTER.match(text, end)
    if portfolio and _portfolio_tail(portfolio.group(), stop):
        # "Ministry for Economic Affairs" + " and Energy", "Ministry of Buddhasasana" +
        # ", Religious and Cultural Affairs": a portfolio's list, not a second body.
        return portfolio.end()
    tail = _CAPITALISED_AFTER.match(text, end)
    if tail is None:
        return end
    for word in tail.group().split():
        if stop(word):
            break
        end = text.index(word, end) + len(word)
    return end


_INNER_POSSESSIVE = re.compile(r"['\u2019]s (?=[A-Z])")


def owner_and_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a span holds an owner's possessive before a place ("ZANU-PF’s Harare", read as
    one name when the apostrophe is curly): the owner's end and the place's start; ``None``
    when the words after it are no place ("People’s Party", "Children’s Hospital")."""
    match = _INNER_POSSESSIVE.search(text, start, end)
    if match is None or match.start() == start:
        return None
    rest = text[match.end() : end]
    if not rest or not is_place(rest):
        return None
    return match.start(), match.end()
