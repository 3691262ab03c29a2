"""The one filter every string the app draws goes through, and the glyph set it draws with.

:func:`shown` is what the app calls, never :func:`reader.safe_text.visible` directly: paths,
titles, article text, entity names, notes, speakers, completions, toasts and dialogs all
pass through it (a test checks that nothing else in ``reader/tui`` calls ``visible``).
It makes control, bidi and invisible characters visible (``␛``, ``�``) and, when the
terminal's locale is not UTF-8, also maps every other non-ASCII character to ASCII, one
character for one, so that offsets into a sentence stay offsets into what is drawn.

Whether the locale is UTF-8 is decided once, when the app starts (:func:`choose_glyphs`,
called by ``ReaderApp``); in a C locale under tmux every non-ASCII character would
otherwise be drawn as ``_``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from reader.safe_text import visible

# One character for one: the app's own glyphs and common punctuation, for ASCII terminals.
_ASCII_FOR = {
    "▶": ">",
    "▐": "|",
    "█": "#",
    "░": ".",
    "✓": "+",
    "✗": "x",
    "·": "|",
    "…": "~",
    "▲": "^",
    "▼": "v",
    "▸": ">",
    "▾": "v",
    "↑": "^",
    "↓": "v",
    "→": ">",
    "←": "<",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "⏎": "<",
}
_ASCII_TABLE = {ord(k): v for k, v in _ASCII_FOR.items()}

#: Whether the app draws with ASCII only (set once at start-up by :func:`choose_glyphs`).
_ascii = False


def locale_is_utf8(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal's locale (``LC_ALL``, else ``LC_CTYPE``, else ``LANG``) is UTF-8.

    ``READER_GLYPHS=ascii`` or ``=unicode`` decides instead. Python itself turns a C locale's
    ``LC_CTYPE`` into ``C.UTF-8`` (PEP 538), which says nothing of the terminal: that value
    counts only if ``LANG`` says UTF-8 too.
    """
    env = os.environ if environ is None else environ
    forced = env.get("READER_GLYPHS", "").lower()
    if forced in ("ascii", "unicode"):
        return forced == "unicode"

    def utf8(value: str) -> bool:
        return "utf-8" in value.lower() or "utf8" in value.lower()

    all_ = env.get("LC_ALL", "")
    if all_:
        return utf8(all_)
    ctype, lang = env.get("LC_CTYPE", ""), env.get("LANG", "")
    if ctype and not (ctype == "C.UTF-8" and not utf8(lang)):
        return utf8(ctype)
    return utf8(lang)


def choose_glyphs(environ: Mapping[str, str] | None = None) -> bool:
    """Decide the glyph set from the locale, once, at start-up; returns whether it is ASCII."""
    global _ascii
    _ascii = not locale_is_utf8(environ)
    return _ascii


def use_ascii(value: bool) -> None:
    """Draw with ASCII only (``True``) or with Unicode."""
    global _ascii
    _ascii = value


def ascii_only() -> bool:
    """Whether the app draws with ASCII only."""
    return _ascii


def shown(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` as the app may draw it: inert, and ASCII on a terminal that is not UTF-8.

    One character for one character, so offsets into ``text`` are offsets into the result.
    """
    text = visible(text, keep_newlines=keep_newlines)
    if not _ascii or text.isascii():
        return text
    text = text.translate(_ASCII_TABLE)
    return "".join(c if c.isascii() else "?" for c in text)
