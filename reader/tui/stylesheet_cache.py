"""The app's stylesheet, with its parsed rules kept on disk between runs.

Textual parses every CSS source (``app.tcss`` and each widget's ``DEFAULT_CSS``) on every
start: about a sixth of the time from ``App.run`` to the first frame, measured in a
pseudo-terminal (issue 15). The parse depends only on the CSS text, where it was read from,
the theme's variables and Textual itself (its CSS modules' sizes and times stand for its
version), so its result is kept, like bytecode, in the cache folder and read back at the
next start. So are the legible ``$reader-*`` colours derived from the theme's variables
(:mod:`reader.tui.contrast`: a few milliseconds for the default theme), keyed by those
variables and that module's size and time. Anything that differs (another Textual or
Python, another theme, an edited ``app.tcss``) misses and is computed as before; a cache
that cannot be read or written is ignored.

The file is written when the app ends (every widget of the session has been styled by
then), and only when something was computed that the file did not hold, so that a run
that found everything costs no write.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import textual.css
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from reader.atomic import atomic_write
from reader.tui import contrast


def _textual_files() -> list[tuple[str, int, int]]:
    """Textual's CSS modules and the classes their rules hold, by name, size and time.

    Stands for Textual's version, which ``textual.__version__`` would read from the package
    metadata (``importlib.metadata``: 20 ms of imports at every start).
    """
    # Listed and looked at with os rather than pathlib (a path object per file took most
    # of this function's time, at every start), in the order of sorted paths, as before.
    css = os.path.dirname(textual.css.__file__)
    top = os.path.dirname(css)
    files = [(top, name) for name in ("__init__.py", "color.py", "geometry.py")]
    files += [(css, name) for name in os.listdir(css) if name.endswith(".py")]
    found = []
    for folder, name in sorted(files, key=lambda file: (*file[0].split(os.sep), file[1])):
        with contextlib.suppress(OSError):
            stat = os.stat(os.path.join(folder, name))
            found.append((name, stat.st_size, stat.st_mtime_ns))
    return found


#: A parse's arguments: the CSS text, where it was read from, default rules or not, the
#: tie breaker and the scope (as ``Stylesheet._parse_rules`` takes them).
_Key = tuple[str, CSSLocation, bool, int, str]


#: A theme's variables and whether it is an ANSI theme: what the legible colours of
#: :func:`reader.tui.contrast.legible_variables` are derived from.
_ThemeKey = tuple[tuple[tuple[str, str], ...], bool]


def _version() -> tuple[object, ...]:
    """What the kept results depend on beyond their own inputs: Textual, Python, and the
    module that derives the legible colours."""
    derive = Path(contrast.__file__).stat()
    return (
        2,
        sys.version_info[:2],
        str(Path(textual.css.__file__).parent),
        _textual_files(),
        (derive.st_size, derive.st_mtime_ns),
    )


#: What :class:`CachedStylesheet` relies on in Textual's ``Stylesheet``: the parameters of
#: ``_parse_rules`` (overridden) and the attributes its ``reparse`` uses (done again here).
_PARSE_PARAMETERS = ("self", "css", "read_from", "is_default_rules", "tie_breaker", "scope")
_REPARSE_NAMES = frozenset(
    "_invalid_css _require_parse _rules _rules_map _variables add_source parse source".split()
)


def supported() -> bool:
    """Whether this Textual's ``Stylesheet`` is the one :class:`CachedStylesheet` was written
    against. Both methods it overrides are private: another Textual 8 release may change
    them, and then the app parses its CSS as Textual does, uncached, rather than fail."""
    parse = getattr(Stylesheet, "_parse_rules", None)
    reparse = getattr(Stylesheet, "reparse", None)
    if parse is None or reparse is None:
        return False
    parameters = parse.__code__.co_varnames[: parse.__code__.co_argcount]
    return parameters == _PARSE_PARAMETERS and set(reparse.__code__.co_names) >= _REPARSE_NAMES


class StyleCache:
    """The cache file: parsed rules, and the legible colours derived for a theme.

    Read once, when the app is made (before Textual asks for the theme's variables);
    written by :meth:`save` when the app ends, only if something was not found in it.

    Args:
        path: The cache file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.version = _version()
        #: The variables the kept rules were parsed with, and the rules by parse key.
        self.rules_variables: Any = None
        self.rules: dict[_Key, list[RuleSet]] = {}
        self.legible: dict[_ThemeKey, dict[str, str]] = {}
        #: What this run used, to be saved (the file holds one run's, so it never grows).
        self._legible_used: dict[_ThemeKey, dict[str, str]] = {}
        self._missed = False
        #: How many themes' legible colours were derived, not found (a test's view).
        self.derived = 0
        try:
            with path.open("rb") as handle:
                version, variables, rules, legible = pickle.load(handle)
        except Exception:  # missing, truncated, from another version: start empty
            return
        if version == self.version and isinstance(rules, dict) and isinstance(legible, dict):
            self.rules_variables, self.rules, self.legible = variables, rules, legible

    def legible_variables(self, variables: dict[str, str], *, ansi: bool) -> dict[str, str]:
        """:func:`reader.tui.contrast.legible_variables`, kept from an earlier run when the
        theme's variables are the same (deriving them takes a few milliseconds)."""
        key: _ThemeKey = (tuple(sorted(variables.items())), ansi)
        found = self.legible.get(key)
        if found is None:
            found = contrast.legible_variables(variables, ansi=ansi)
            self.derived += 1
            self._missed = True
        self._legible_used[key] = found
        return dict(found)

    def save(self, variables: dict[str, str], rules: dict[_Key, list[RuleSet]]) -> None:
        """Keep ``rules`` (parsed with ``variables``) and this run's legible colours, if
        anything was missing from the file. A failure to write is ignored: the next start
        derives and parses again."""
        if not self._missed:
            return
        self._missed = False
        data = pickle.dumps(
            (self.version, variables, rules, self._legible_used), pickle.HIGHEST_PROTOCOL
        )
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, data)


class CachedStylesheet(Stylesheet):
    """A :class:`~textual.css.stylesheet.Stylesheet` that reads parsed rules from a
    :class:`StyleCache` (when they were parsed with the same variables) and can save what
    it parsed.

    Args:
        cache: The cache file's contents.
        variables: The CSS variables (the theme's), as for ``Stylesheet``.
    """

    def __init__(self, cache: StyleCache, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self.cache = cache
        #: The rules of every parse with the current variables, to be saved.
        self._parsed: dict[_Key, list[RuleSet]] = {}
        #: How many sources were parsed because the file did not hold them (a test's view).
        self.parsed = 0

    def set_variables(self, variables: dict[str, str]) -> None:
        """Set the CSS variables (a theme's); what was parsed with others is not saved."""
        super().set_variables(variables)
        self._parsed = {}

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        """The rules of ``css``: kept from an earlier run if parsed with these variables."""
        key: _Key = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._parsed.get(key)  # parsed once already: every new source parses all
        if rules is None and self.cache.rules_variables == self._variables:
            rules = self.cache.rules.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self.parsed += 1
            if any(rule.errors for rule in rules):
                return rules  # reported by parse(); never kept
            self.cache._missed = True
        self._parsed[key] = rules
        return rules

    def reparse(self) -> None:
        """Parse every source again (new variables, a screen's CSS), reading kept rules.

        As Textual's own: the parse happens in a new stylesheet, so that an error leaves
        this one as it was; the new one shares this one's cache and parsed rules.
        """
        fresh = CachedStylesheet(self.cache, variables=self._variables)
        fresh._parsed = self._parsed
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            fresh.parse()
        finally:
            # An error is remembered as Textual's reparse does (its issue 3581).
            self._invalid_css.update(fresh._invalid_css)
            self.parsed += fresh.parsed
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False

    def save(self) -> None:
        """Keep the rules parsed with the current variables (and the legible colours), if
        anything was not kept already. The file holds this run's only, so that it does not
        grow with every edit of ``app.tcss``."""
        self.cache.save(self._variables, self._parsed)
