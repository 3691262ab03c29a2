"""The app's stylesheet, with its parsed rules kept on disk between runs.

Textual parses every CSS source (``app.tcss`` and each widget's ``DEFAULT_CSS``) on every
start: about a sixth of the time from ``App.run`` to the first frame, measured in a
pseudo-terminal (issue 15). The parse depends only on the CSS text, where it was read from,
the theme's variables and Textual itself (its CSS modules' sizes and times stand for its
version), so its result is kept, like bytecode, in the cache folder and read back at the
next start. Anything that differs (another Textual or Python,
another theme, an edited ``app.tcss``) misses and is parsed as before; a cache that cannot be
read or written is ignored.

The file is written when the app ends (every widget of the session has been styled by
then), and only when something was parsed that the file did not hold, so that a run that
found everything costs no write.
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


def _textual_files() -> list[tuple[str, int, int]]:
    """Textual's CSS modules and the classes their rules hold, by name, size and time.

    Stands for Textual's version, which ``textual.__version__`` would read from the package
    metadata (``importlib.metadata``: 20 ms of imports at every start).
    """
    css = Path(textual.css.__file__).parent
    files = [css.parent / name for name in ("__init__.py", "color.py", "geometry.py")]
    files += [Path(entry.path) for entry in os.scandir(css) if entry.name.endswith(".py")]
    found = []
    for path in sorted(files):
        with contextlib.suppress(OSError):
            stat = path.stat()
            found.append((path.name, stat.st_size, stat.st_mtime_ns))
    return found


#: A parse's arguments: the CSS text, where it was read from, default rules or not, the
#: tie breaker and the scope (as ``Stylesheet._parse_rules`` takes them).
_Key = tuple[str, CSSLocation, bool, int, str]


def _version() -> tuple[object, ...]:
    """What a parse depends on beyond its own arguments: Textual and Python."""
    return (1, sys.version_info[:2], str(Path(textual.css.__file__).parent), _textual_files())


def _read(path: Path, version: tuple[object, ...]) -> tuple[Any, dict[_Key, list[RuleSet]]]:
    """The variables and the parsed rules kept in ``path`` by ``version``; nothing if it is
    unreadable or was written by another."""
    try:
        with path.open("rb") as handle:
            kept_version, variables, rules = pickle.load(handle)
    except Exception:  # missing, truncated, from another version: parse as if empty
        return None, {}
    if kept_version != version or not isinstance(rules, dict):
        return None, {}
    return variables, rules


class CachedStylesheet(Stylesheet):
    """A :class:`~textual.css.stylesheet.Stylesheet` that reads parsed rules from ``path``
    (when they were parsed with the same variables) and can save what it parsed.

    Args:
        path: The cache file.
        variables: The CSS variables (the theme's), as for ``Stylesheet``.
    """

    def __init__(self, path: Path, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._cache_path = path
        self._version = _version()
        self._kept_variables, self._kept = _read(path, self._version)
        #: The rules of every parse with the current variables, to be saved.
        self._parsed: dict[_Key, list[RuleSet]] = {}
        self._missed = False
        #: How many sources were parsed because the file did not hold them (a test's view).
        self.parsed = 0

    def set_variables(self, variables: dict[str, str]) -> None:
        """Set the CSS variables (a theme's); what was parsed with others is not saved."""
        super().set_variables(variables)
        self._parsed = {}

    def reparse(self) -> None:
        """Parse every source again (new variables, a screen's CSS), reading kept rules.

        As Textual's own: the parse happens in a new stylesheet, so that an error leaves
        this one as it was; the new one shares this one's kept and parsed rules.
        """
        fresh = CachedStylesheet.__new__(CachedStylesheet)
        Stylesheet.__init__(fresh, variables=self._variables)
        fresh._cache_path, fresh._version = self._cache_path, self._version
        fresh._kept_variables, fresh._kept = self._kept_variables, self._kept
        fresh._parsed, fresh._missed = self._parsed, False
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        fresh.parsed = 0
        try:
            fresh.parse()
        finally:
            # An error is remembered as Textual's reparse does (its issue 3581).
            self._invalid_css.update(fresh._invalid_css)
            self._missed = self._missed or fresh._missed
            self.parsed += fresh.parsed
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False

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
        if rules is None and self._kept_variables == self._variables:
            rules = self._kept.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self.parsed += 1
            if any(rule.errors for rule in rules):
                return rules  # reported by parse(); never kept
            self._missed = True
        self._parsed[key] = rules
        return rules

    def save(self) -> None:
        """Keep the rules parsed with the current variables, if any were not kept already.

        The file holds this run's sources only, so that it does not grow with every edit
        of ``app.tcss``. A failure to write is ignored: the next start parses again.
        """
        if not self._missed:
            return
        self._missed = False
        data = pickle.dumps((self._version, self._variables, self._parsed), pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):
            self._cache_path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self._cache_path, data)
