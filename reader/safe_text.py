"""Keep untrusted text (articles, notes, file names) from ever acting on a terminal.

Two tools, used at two different layers:

* :func:`clean_text` runs once, when an article is loaded. It removes terminal escape
  sequences (CSI, OSC, DCS, ... in their 7-bit and 8-bit forms) and the remaining C0/C1
  control characters except newline, because they are never article content: a scraped page
  that carries ``ESC ] 0 ; title BEL`` carries page debris, not words. The article's
  normalised text, which every stored offset indexes into, is therefore already inert.
* :func:`visible` runs on *every* string just before it is drawn, whatever its origin
  (notes, file names, titles from a JSON corpus, entity names typed by an analyst). It maps
  each dangerous or invisible character to a visible stand-in, one character for one
  character, so that offsets into the original string stay valid on screen: C0 controls
  become Unicode "control pictures" (ESC shows as ``␛``), DEL shows as ``␡``, and C1
  controls, bidirectional overrides and zero-width characters show as ``�``.

:func:`safe_json` is ``json.dumps`` that also escapes the characters JSON leaves raw but a
terminal may act on (C1 controls, bidi overrides, line separators), so that a JSON export
printed to a terminal is as inert as the screen.
"""

from __future__ import annotations

import json
import re
from typing import Any

# ESC-introduced sequences. OSC, DCS, SOS, PM and APC run to BEL or ST (ESC \) or, when a
# file never terminates them, to the end of the line: a stray ESC ] or C1 byte in a scraped
# page (or a legacy file) must not swallow the rest of the article. What is left of a cut
# sequence is plain text: inert.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[\x20-/]*[@-~]?              # CSI ... final byte
    | \x1b[\]PX^_][^\n]*?(?:\x07|\x1b\\|(?=\n)|\Z)     # OSC, DCS, SOS, PM, APC ... terminator
    | \x1b[\x20-/]*[0-~]?                    # two- and three-byte escapes (ESC c, ESC ( B)
    | \x9b[0-?]*[\x20-/]*[@-~]?              # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\n]*?(?:\x07|\x9c|\x1b\\|(?=\n)|\Z)  # 8-bit DCS, SOS, OSC, PM, APC
    """,
    re.VERBOSE,
)

# Every C0 control except newline, DEL, and every C1 control.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

# Characters that reorder or hide text: bidirectional embeddings, overrides and isolates,
# directional marks, zero-width spaces and joiners' invisible cousins, line and paragraph
# separators. ZWJ and ZWNJ (U+200C, U+200D) are left alone: they are real letters'
# companions in Persian, Arabic and Indic names, and in emoji sequences.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u180e"
)

REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """Remove terminal escape sequences and control characters, keeping newlines.

    Tabs become spaces (a tab's width depends on the terminal, which would break the
    column an article is laid out in).
    """
    text = text.replace("\t", " ")
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def _visible_char(char: str, keep_newlines: bool) -> str:
    code = ord(char)
    if char == "\n":
        return char if keep_newlines else "\u2424"  # ␤
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F or char in _INVISIBLE or 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT
    return char


_NEEDS_MAPPING = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(_INVISIBLE)) + "]")


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """Return ``text`` with every control or invisible character made visible.

    The mapping is one character for one character, so ``visible(s)[i]`` stands for
    ``s[i]`` and offsets computed on ``s`` can be used on the result.

    Args:
        text: Untrusted text.
        keep_newlines: Keep ``\\n`` as a line break (article bodies) instead of showing
            it as ``␤`` (single-line places such as titles, notes and file names).
    """
    if not _NEEDS_MAPPING.search(text):
        return text
    return "".join(_visible_char(c, keep_newlines) for c in text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff" + "".join(sorted(_INVISIBLE)) + "]")


def safe_json(value: Any, **kwargs: Any) -> str:
    """``json.dumps`` with non-ASCII kept readable but terminal-active characters escaped.

    The result is valid JSON that decodes to exactly ``value``.
    """
    kwargs.setdefault("ensure_ascii", False)
    dumped = json.dumps(value, **kwargs)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
