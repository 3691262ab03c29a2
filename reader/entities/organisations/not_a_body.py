"""Evidence against a body for what is named like one: a competition, a product (a model
number, a product's noun, a stock index), a platform people post on, a site, an area, a
thing's or a unit's acronym, a page's menu, a building."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.entities.model import Mention
from reader.entities.organisations.foreign_names import FOREIGN_BODY_HEADS, FRENCH_HEADS
from reader.entities.organisations.shared import Weighing
from reader.gazetteer import is_place
from reader.name_words import ORG_HEADS
from reader.syntax import Parse

# Nouns of sites after a name ("the Oyu Tolgoi copper mine", "Morocco's Jorf Lasfar port").
_SITE_NOUNS = frozenset(
    """port ports mine mines terminal terminals oilfield oilfields gasfield deposit
    deposits dam reservoir camp crossing basin valley crater craters river rivers complex
    volcano""".split()
)
_DETERMINERS = frozenset("the a an its their his her this that these those our".split())
COMPASS = frozenset("north south east west central northeast northwest southeast southwest".split())


# Last words of competitions' names ("Nedbank Cup", "Six Nations Championship").
COMPETITION_LAST = frozenset(
    """cup cups trophy championship championships tournament olympics paralympics
    shield festival biennale expo marathon final finals summit carnival eisteddfod""".split()
)
# Acronyms of things in English usage, never of a body ("a SIM card", "the PIN", "an SMS").
THING_ACRONYMS = frozenset(
    """sim sims pin pins sms mms otp otps gps usb atm atms qr url urls vpn vpns api apis
    pdf wifi lan led leds lcd cctv dna rna hiv pcr ivf suv suvs gdp cpi vat ai ev lng lpg
    ipo etf nft 4g 5g""".split()
)
# Credit ratings, in capitals like acronyms ("rated BBB", "its AA rating"); not "CCC",
# which parties' and coalitions' names spell more often than the press rates a bond so.
CREDIT_RATING = re.compile(r"^(?:AAA|AA|BBB|BB)$")
# First words of competitions' names in other languages ("Taça de Portugal", "Copa del
# Rey", "Coupe de France", "Coppa Italia", "DFB-Pokal" aside).
COMPETITION_FIRST = frozenset("taça taca copa coupe coppa pokal cupa kupa puchar beker".split())
# Words around a league that make it a competition rather than a body: what one plays in,
# qualifies for or reaches, and its stages ("Champions League qualifiers").
_COMPETITION_AFTER = frozenset(
    """qualifiers qualifier qualifying final finals semi-final semi-finals semifinal
    semifinals quarter-final quarter-finals quarterfinal quarterfinals group stage title
    titles season fixture fixtures match matches knockout play-off play-offs playoff
    playoffs berth berths standings holders trophy""".split()
)
# A season's start after a league's name, with its month or its date: "the X League
# starts in October", "kicks off on 12 August".
_SEASON_STARTS = re.compile(
    r" (?:starts|begins|kicks off|resumes|restarts) (?:in|on) (?:\d|[A-Z][a-z]+)"
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
_INDEX_AFTER = frozenset("index indices indexes benchmark composite".split())
INDEX_LAST = frozenset("index indices".split())
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


# A product's noun and "such as" before a name, over an owner's possessive: "voice
# assistants such as Amazon's Alexa".
_EXAMPLE_OF = re.compile(
    r"\b(?:([a-z]+) )?([a-z]+),? (?:such as|like|including) (?:[A-Z][\w-]*(?:'s|\u2019s) )?$"
)


# A place after a locative, then a list's "and" or comma: "to Siraha and" before a name.
_LISTED_PLACE = re.compile(
    r"\b(?:in|to|at|from|near|between|across) ([A-Z][\w'\u2019-]+)(?:,| and| or) $"
)
_AIRWAVES = frozenset("radio television tv channel network news".split())


# First words of buildings' and sites' names in other languages ("Estadio Monumental",
# "Stade de la Réunification", "Penitenciaría del Litoral"), and English "Palace of X".
FACILITY_FIRST = frozenset(
    """estadio estádio stade stadio stadion aeropuerto aeroporto aéroport aeroport
    penitenciaría penitenciaria penitenciária cárcel carcel prisión presídio palacio
    palácio palazzo palais torre puente ponte curva""".split()
)


# Time zones' abbreviations as the English-language press writes them after a time.
_TIME_ZONES = frozenset(
    """gmt utc bst cet cest eet eest wet west est edt cst cdt mst mdt pst pdt ist jst kst
    hkt sgt aest aedt awst msk""".split()
)
_NUMBER_AFTER = re.compile(r" ?[\d.,]*\d")
_NUMBER_BEFORE = re.compile(r"\d(?:[.,:]?\d)*(?: ?[ap]\.?m\.?)? ?$")


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of currencies (pycountry): "HUF", "CHF", "NGN"."""
    import pycountry  # loaded once, with the gazetteer's other ISO lists

    return frozenset(currency.alpha_3.lower() for currency in pycountry.currencies)


def unit_code(text: str, mention: Mention) -> bool:
    """Whether a code in capitals is a currency's before or after an amount ("HUF 1,990",
    "1,990 HUF") or a time zone's after a time ("1420 GMT"): a unit, not a body."""
    code = mention.text.lower()
    before = _NUMBER_BEFORE.search(text, max(0, mention.start - 20), mention.start) is not None
    if code in _TIME_ZONES:
        return before
    if code not in currency_codes():
        return False
    return before or _NUMBER_AFTER.match(text, mention.end) is not None


# A section's name in capitals, two subjects joined by "&" ("BUSINESS & MARKETS").
_SECTION_KICKER = re.compile(r"[A-Z]{3,} & [A-Z]{3,}")


def in_menu(text: str, mention: Mention) -> bool:
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
    if line.strip() == mention.text and _SECTION_KICKER.fullmatch(mention.text):
        return True  # a section's name over the headline ("SCIENCE & HEALTH")
    return len(line) < 120 and line.count(" | ") >= 2 and not any(c.isdigit() for c in line)


def model_number(words: Sequence[str], lower: Sequence[str]) -> bool:
    """A name with a model number after its first word, not a numbered channel or route."""
    if (
        len(words) < 2
        or not words[0][:1].isupper()
        or any(word in _NUMBERED_BODIES or word in ORG_HEADS for word in lower)
        or lower[0] in FRENCH_HEADS | FOREIGN_BODY_HEADS  # "Université d'Alger 3"
    ):
        return False
    return any(_MODEL_WORD.match(word.strip(".,")) for word in words[1:])


def competes(text: str, mention: Mention) -> bool:
    """Whether a league is played in, reached or staged at this mention."""
    after = text[mention.end : mention.end + 30].lower().split()
    if after and after[0].strip(".,;:\"'\u201d\u2019") in _COMPETITION_AFTER:
        return True  # "the Conference League qualifiers.\""
    if _SEASON_STARTS.match(text, mention.end):
        return True  # "before the Regional League starts in October"
    before = text[max(0, mention.start - 40) : mention.start].lower()
    return _COMPETITION_BEFORE.search(before) is not None


def _product_before(before: Sequence[str]) -> bool:
    """Whether the words before a name end in a product's noun in lower case."""
    if not before or not before[-1].islower():
        return False
    noun = before[-1].strip(",")
    if noun in _ASSISTANTS:
        return len(before) > 1 and before[-2].lower() in _ASSISTANT_KINDS
    return noun in _PRODUCT_NOUNS


def weigh_not_a_body(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: Weighing,
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
    elif (
        len(after) > 1
        and after[0].islower()
        and after[1].islower()
        # "told Reuters the mine ...": a new phrase, not the site's kind.
        and lowered[0] not in _DETERMINERS
    ):
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
    head = parse.last_of(mention.start, mention.end)
    if head is None:
        return False
    token = parse.tokens[head]
    nouns = [parse.tokens[c] for c in parse.children(head) if parse.tokens[c].dep == "appos"]
    if token.dep == "appos":
        nouns.append(parse.tokens[token.head])
    return any(noun.lemma.lower() in _PRODUCT_NOUNS - {"app"} for noun in nouns)
