"""Turn an article file's bytes into normalised text, or a one-line error.

Normalisation is what makes every later offset stable: the same article saved with CRLF
line ends, a BOM or in Latin-1 gives the same text, and therefore the same article id.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reader.errors import ArticleError
from reader.safe_text import clean_text

#: Largest single article file reader opens. spaCy would take minutes on more, and an
#: analyst tags sentence by sentence: a bigger file is a corpus, not an article.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024

_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
)

_SPACES = re.compile(r" {2,}")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")


def decode(data: bytes, name: str) -> str:
    """Decode an article file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or
    Windows-1252 as the fallback for legacy files (its undefined bytes become U+FFFD).

    Raises:
        ArticleError: the file is empty or binary.
    """
    # isspace() stops at the first other byte; strip() would copy a whole corpus (tens of
    # MB, holding the interpreter while the library's keys wait) to find the same.
    if not data or data.isspace():
        raise ArticleError(f"{name} is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError(f"{name} is not valid UTF-16 text") from error
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:65536]:
        raise ArticleError(f"{name} is a binary file, not a text article")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Legacy newsroom files are usually Windows-1252, a superset of Latin-1's printable
        # range. The five bytes cp1252 leaves undefined become U+FFFD: decoding the whole
        # file as Latin-1 instead would turn its curly quotes into C1 controls (removed)
        # and a stray 0x90 or 0x9D into the start of a terminal string sequence.
        text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise ArticleError(f"{name} is a binary file, not a text article")
    return text


def decode_line(data: bytes) -> str:
    """Decode one line of a file that :func:`decode` read as UTF-8 or Windows-1252 (a
    corpus's article, read back alone): UTF-8 where the line is valid UTF-8, else
    Windows-1252. Only a file mixing the two decodes a line otherwise than :func:`decode`
    did; its article's id then differs, which the caller checks."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f\x1b")
    return controls > max(8, len(sample) // 50)


def normalise(text: str) -> str:
    """Normalise decoded text: one kind of line break, no control characters or escape
    sequences, NFC composition, no soft hyphens, no trailing spaces."""
    text = _LINE_BREAKS.sub("\n", text)
    text = clean_text(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "")  # soft hyphens: hyphenation hints, not content
    return "\n".join(line.rstrip() for line in text.split("\n"))


def squash_spaces(line: str) -> str:
    """Collapse runs of spaces inside one line and strip white space from its ends."""
    # Inside, only plain spaces collapse: a no-break space between "10" and "km" is content.
    # At the ends every kind of white space goes, so that blocks and sentences never start
    # or end with an invisible character.
    return _SPACES.sub(" ", line).strip()
