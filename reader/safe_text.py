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
  controls, bidirectional overrides, zero-width, tag and other format characters, Hangul
  fillers and other blank letters show as ``�``.
* :func:`check_name` and :func:`clean_name` keep those characters out of the names people
  give (annotators, speakers): a name must look like what it is.

:func:`safe_json` is ``json.dumps`` that also escapes the characters JSON leaves raw but a
terminal may act on (C1 controls, bidi overrides, line separators), so that a JSON export
printed to a terminal is as inert as the screen.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any, TextIO

from reader.errors import ReaderError

# ESC-introduced sequences. OSC, DCS, SOS, PM and APC run to BEL or ST (ESC \) or, when a
# file never terminates them, to the end of the line: a stray ESC ] or C1 byte in a scraped
# page (or a legacy file) must not swallow the rest of the article. What is left of a cut
# sequence is plain text: inert.
#
# The patterns of clean_text are compiled when an article is first loaded (_debris):
# reopening a kept article (reader.loaders.article_cache) loads none, and compiling them
# cost each start of the app about half a millisecond.
_ESCAPE_SEQUENCE = r"""
    \x1b\[[0-?]*[\x20-/]*[@-~]?              # CSI ... final byte
    | \x1b[\]PX^_][^\n]*?(?:\x07|\x1b\\|(?=\n)|\Z)     # OSC, DCS, SOS, PM, APC ... terminator
    | \x1b[\x20-/]*[0-~]?                    # two- and three-byte escapes (ESC c, ESC ( B)
    | \x9b[0-?]*[\x20-/]*[@-~]?              # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\n]*?(?:\x07|\x9c|\x1b\\|(?=\n)|\Z)  # 8-bit DCS, SOS, OSC, PM, APC
    """

# Every C0 control except newline, DEL, and every C1 control.
_CONTROL = r"[\x00-\x09\x0b-\x1f\x7f-\x9f]"

# Unicode tag characters (U+E0000-U+E007F) spell ASCII that no screen shows but every copy,
# export and language model reads ("IGNORE PREVIOUS ..."). They are never article content;
# their one legitimate use, the England, Scotland and Wales flags, degrades to a black flag.
_TAGS = "[\U000e0000-\U000e007f]"

# Characters that reorder or hide text: bidirectional embeddings, overrides and isolates,
# directional marks, zero-width spaces and joiners' invisible cousins, line and paragraph
# separators. ZWJ and ZWNJ (U+200C, U+200D) are left alone: they are real letters'
# companions in Persian, Arabic and Indic names, and in emoji sequences.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u180e"
)

# Letters that draw nothing: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), the
# braille blank, the combining grapheme joiner, Khmer's inherent vowels.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5")

_ZERO_WIDTH_JOINERS = frozenset("\u200c\u200d")

# Every character `visible` may have to change: a superset, decided one by one in
# `_visible_char`. It lists the format (Cf) and space (Zs) characters of Unicode 14 and the
# default-ignorable ranges (tests/test_safe_text.py checks it against `unicodedata`).
_CANDIDATES = (
    "\x00-\x1f\x7f-\xa0\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f"
    "\u205f-\u206f\u2800\u3000\u3164\ufeff\uffa0\ufff0-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e00ff\U000e01f0-\U000e0fff"
)
_NEEDS_MAPPING = re.compile(f"[{_CANDIDATES}]")

REPLACEMENT = "\ufffd"

_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


@functools.cache
def _debris() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """:data:`_ESCAPE_SEQUENCE`, :data:`_TAGS` and :data:`_CONTROL`, compiled once."""
    return re.compile(_ESCAPE_SEQUENCE, re.VERBOSE), re.compile(_TAGS), re.compile(_CONTROL)


def clean_text(text: str) -> str:
    """Remove terminal escape sequences, control characters and tag characters, keeping
    newlines.

    Tabs, vertical tabs and form feeds become spaces: each separates words (a form feed
    between two pages must not glue the last word of one to the first of the next), and a
    tab's width depends on the terminal, which would break the column an article is laid
    out in.
    """
    text = text.replace("\t", " ").replace("\f", " ").replace("\v", " ")
    escapes, tags, controls = _debris()
    text = escapes.sub("", text)
    text = tags.sub("", text)
    return controls.sub("", text)


def _joins(char: str) -> bool:
    """Can a ZWJ or ZWNJ next to ``char`` be part of a word or an emoji sequence?"""
    category = unicodedata.category(char)
    return category[0] in "LMN" or category in ("So", "Sk")


def _visible_char(text: str, index: int, keep_newlines: bool) -> str:
    char = text[index]
    code = ord(char)
    if char == "\n":
        return char if keep_newlines else "\u2424"  # ␤
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _ZERO_WIDTH_JOINERS:
        # Inside a word (Persian, Indic) or an emoji sequence it is part of the text; alone,
        # doubled or at a word's edge it only hides something.
        inside = 0 < index < len(text) - 1
        if inside and _joins(text[index - 1]) and _joins(text[index + 1]):
            return char
        return REPLACEMENT
    category = unicodedata.category(char)
    if category == "Zs":
        return " "  # no-break, em, ideographic ... spaces: blank either way, one column
    if category == "Mn" and char not in _BLANK_LETTERS:
        return char  # Mongolian variation selectors: part of the letter before
    return REPLACEMENT  # C1, Cf (bidi, zero-width, tags), separators, fillers, surrogates


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """Return ``text`` with every control, invisible or blank character made visible.

    The mapping is one character for one character, so ``visible(s)[i]`` stands for
    ``s[i]`` and offsets computed on ``s`` can be used on the result: C0 controls become
    control pictures (``␛``), DEL ``␡``, spaces other than U+0020 a plain space, and C1
    controls, format characters (bidi controls, zero-width spaces, tag characters, the
    BOM), line separators, Hangul fillers and other blank letters ``�``. ZWJ and ZWNJ are
    kept between two letters or symbols (a Persian name, an emoji sequence) and shown
    as ``�`` anywhere else.

    Args:
        text: Untrusted text.
        keep_newlines: Keep ``\\n`` as a line break (article bodies) instead of showing
            it as ``␤`` (single-line places such as titles, notes and file names).
    """
    if not _NEEDS_MAPPING.search(text):
        return text
    return _NEEDS_MAPPING.sub(lambda m: _visible_char(text, m.start(), keep_newlines), text)


@functools.cache
def _json_unsafe() -> re.Pattern[str]:
    """The characters :func:`safe_json` escapes; compiled when first needed (a few hundred
    microseconds that opening the app, which writes no JSON, need not spend)."""
    return re.compile(
        "[\x7f-\x9f\ud800-\udfff\U000e0000-\U000e007f"
        + "".join(sorted(_INVISIBLE | _BLANK_LETTERS))
        + "]"
    )


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON spells a character beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def safe_json(value: Any, **kwargs: Any) -> str:
    """``json.dumps`` with non-ASCII kept readable but terminal-active characters escaped.

    The result is valid JSON that decodes to exactly ``value``.
    """
    kwargs.setdefault("ensure_ascii", False)
    dumped = json.dumps(value, **kwargs)
    return _json_unsafe().sub(_json_escape, dumped)


def _encodable_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return REPLACEMENT


def encodable(text: str) -> str:
    """``text`` without lone surrogates, so that it can always be encoded as UTF-8.

    A file name that is not UTF-8 comes to Python with each bad byte as a lone surrogate
    (``os.fsdecode``'s ``surrogateescape``); such a byte is written as ``\\xNN``, the way
    ``ls -b`` and Python show it, any other lone surrogate as ``\ufffd``. Every other
    character is kept. For outputs that must be valid UTF-8 and cannot escape (a spaCy
    ``DocBin``, brat's standoff files); JSON keeps the exact string (:func:`safe_json`).
    """
    return _LONE_SURROGATES.sub(_encodable_char, text) if _LONE_SURROGATES.search(text) else text


def write_json_line(value: Any, stream: TextIO) -> None:
    """Write ``value`` to ``stream`` as one line of :func:`safe_json`.

    When the stream's encoding is not UTF-8 (``PYTHONIOENCODING=latin-1``, an ASCII
    locale), every non-ASCII character is escaped as ``\\uXXXX``, so that the line is
    valid JSON in any encoding and decodes to exactly ``value``: a stream that escapes
    what it cannot encode would otherwise write ``\\xe9``, which is not JSON.
    """
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    ascii_only = encoding not in ("utf-8", "utf8", "utf-8-sig")
    stream.write(safe_json(value, ensure_ascii=ascii_only) + "\n")


class BadNameError(ReaderError, ValueError):
    """A name holds a character that would hide, reorder or fake what it shows."""


_SPACE_RUN = re.compile(r"\s+")


def clean_name(name: str) -> str:
    """Return ``name`` as it should be stored: NFC, with every control, format (bidi,
    zero-width, tag), blank or unpaired-surrogate character removed, ZWJ and ZWNJ kept only
    inside a word, every run of white space (tabs, newlines, no-break and other Unicode
    spaces) one plain space, and no space at either end. May return ``""``.
    """
    name = unicodedata.normalize("NFC", _LONE_SURROGATES.sub("", name))
    name = _SPACE_RUN.sub(" ", name)
    shown = visible(name)
    kept = "".join(
        char for char, drawn in zip(name, shown, strict=True) if drawn == char or drawn == " "
    )
    return _SPACE_RUN.sub(" ", kept).strip()


def check_name(name: str, *, what: str = "name") -> str:
    """Return ``name`` ready to store, or refuse it if it hides anything.

    White space is tidied as :func:`clean_name` does (a no-break space or a doubled space
    is not a different name); anything that :func:`clean_name` would remove is refused.

    Args:
        name: A name as typed or passed (``--annotator``, an attribution in the app).
        what: What it names, for the message (``"annotator name"``).

    Raises:
        BadNameError: (a :class:`~reader.errors.ReaderError`) the name is empty, or holds
            a control, bidi, zero-width, tag or blank character; the one-line message shows
            the name visibly and names the first such character (``U+E0041``).
    """
    cleaned = clean_name(name)
    tidied = _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", name)).strip()
    if not cleaned:
        raise BadNameError(f"the {what} is empty")
    if cleaned != tidied:
        bad = next(
            (
                char
                for char, drawn in zip(tidied, visible(tidied), strict=True)
                if drawn not in (char, " ")
            ),
            None,
        )
        code = f"U+{ord(bad):04X}" if bad else "an invisible character"
        raise BadNameError(
            f"the {what} {visible(name)!r} holds an invisible or control character ({code}); "
            "type it without that character"
        )
    return cleaned
