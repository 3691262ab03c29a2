"""HTML pages: the article's title, date, byline and body, without the page around it.

Extraction is trafilatura's (https://trafilatura.readthedocs.io), which scores a page's
blocks to find the article and reads the title, author and date from its metadata.
Before it runs, navigation, scripts, styles and templates are removed from the tree: on a
short page trafilatura's fallback would otherwise keep a menu as the "article".

The body's structure becomes blocks: headings stay headings, each paragraph, list item,
quoted paragraph and table row is a paragraph, and a picture's caption (``<figcaption>``,
with its credit line: "Photo: Jane Doe/Reuters") is a caption block where the picture was.
trafilatura drops pictures with their captions, so each caption is put in the tree as a
marked paragraph before extraction; one that extraction still drops is kept after the
headline, since no loader may drop text of the article. Every piece of text then goes through the
same normalisation as the other formats, so control characters and escape sequences in a
page never reach the article text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from reader.article import Article, BlockKind, build_article
from reader.errors import ArticleError, ReaderError
from reader.loaders.chrome import chrome_lines, copyright_credit, publisher, trailing_headlines
from reader.loaders.decoding import decode, normalise, squash_spaces
from reader.loaders.layout import parse_byline, parse_date
from reader.safe_text import visible

SUFFIXES = (".html", ".htm", ".xhtml")

# A doctype or <html> first, after an optional XML declaration and comments.
_DOCTYPE = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HAS_HTML_TAG = re.compile(r"<html\b|<!doctype\s+html", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Page furniture that is never article text, removed before extraction.
_DROP = (
    "//nav|//script|//style|//noscript|//template|//iframe|//svg|//form"
    "|//*[@role='navigation' or @role='menubar' or @role='search']"
)
# Captions and credit lines of pictures: a <figcaption>, or an element of a <figure> (or
# outside one) whose class says it is a caption or a credit.
_CAPTIONS = (
    "//figcaption"
    "|//figure//*[not(ancestor::figcaption)][contains(@class, 'credit') or "
    "contains(@class, 'caption')]"
    "|//*[not(ancestor::figure)][contains(@class, 'photo-credit') or "
    "contains(@class, 'image-credit') or contains(@class, 'wp-caption-text')]"
)
# Elements that may hold a page's byline line: text elements without blocks inside.
_BYLINE_ELEMENTS = (
    "//body//*[self::p or self::div or self::span or self::address or self::li]"
    "[not(.//p or .//div or .//li)]"
)
_MAX_BYLINE = 120
# What marks a caption's paragraph while trafilatura reads the page: letters, which its
# clean-up keeps, in a word no page writes.
_CAPTION_MARK = "Readercaptionmark0x7f "
# Elements of trafilatura's output tree that hold further blocks rather than text.
_CONTAINERS = frozenset({"list", "quote", "table", "div", "body"})
_PARTS = frozenset({"p", "head", "item", "row", "quote", "list", "table", "code", "div"})


def claims(path: Path, head: bytes) -> bool:
    """An HTML page is recognised by its name or by a doctype or ``<html>`` at the top."""
    if path.suffix.lower() in SUFFIXES:
        return True
    return bool(_DOCTYPE.match(head.removeprefix(codecs.BOM_UTF8)))


def _decode_html(data: bytes, name: str) -> str:
    """Decode a page as its ``<meta charset>`` says, else as any article file."""
    text = decode(data, name)  # refuses empty and binary files whatever the page claims
    declared = _CHARSET.search(data[:4096])
    if declared is None:
        return text
    try:
        codec = codecs.lookup(declared[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return text
    if codec in ("utf-8", "utf-16", "utf-16-le", "utf-16-be") or data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        return text
    try:
        data.decode("utf-8")
        return text  # valid UTF-8 despite the declaration: a page saved by a browser
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return text


def _clean(text: str) -> str:
    return squash_spaces(" ".join(normalise(text).split("\n")))


def _inline_text(element: Any) -> str:
    """The text of one element, a line break (``<lb/>``) read as a space."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        pieces.append(" " if child.tag == "lb" else _inline_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _blocks(element: Any) -> list[tuple[BlockKind, str]]:
    """The blocks of trafilatura's output tree, in reading order."""
    found: list[tuple[BlockKind, str]] = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions
        if tag == "row":
            cells = [_clean(_inline_text(cell)) for cell in child]
            found.append(("paragraph", _ROW_MARK + " | ".join(cell for cell in cells if cell)))
        elif tag in _CONTAINERS and any(grandchild.tag in _PARTS for grandchild in child):
            found.extend(_blocks(child))
        elif tag == "head":
            found.append(("heading", _clean(_inline_text(child))))
        elif tag != "graphic":
            # Inside a paragraph trafilatura folds source line breaks into spaces, so a
            # newline that is left separates blocks: lines of pre-formatted text, or the
            # elements of a short page that its fallback extractor put in one <p>.
            lines = normalise(_inline_text(child)).split("\n")
            found.extend(("paragraph", _clean(line)) for line in lines)
    return [(kind, text) for kind, text in found if text and text != _ROW_MARK]


# Table rows are marked while chrome is looked for: "Team | Won | Lost" is data, not a menu.
_ROW_MARK = "\x00"


def _without_chrome(blocks: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    """Drop what trafilatura leaves of the page's controls: "Advertisement", "Read more",
    "Follow us" between paragraphs, and related headlines after the last one."""
    texts = ["." if text.startswith(_ROW_MARK) else text for _, text in blocks]
    headings = {index for index, (kind, _) in enumerate(blocks) if kind == "heading"}
    chrome = chrome_lines(texts, headings=headings)
    kept = [block for index, block in enumerate(blocks) if index not in chrome]
    kept = kept[: len(kept) - trailing_headlines([text for _, text in kept])]
    return [(kind, text.removeprefix(_ROW_MARK)) for kind, text in kept]


def _with_captions(
    blocks: list[tuple[BlockKind, str]], captions: list[str]
) -> list[tuple[BlockKind, str]]:
    """Turn the marked paragraphs into caption blocks, and keep every caption that
    extraction dropped (a picture above the article's text, say) after the headline."""
    found: list[tuple[BlockKind, str]] = []
    kept: set[str] = set()
    for kind, text in blocks:
        if _CAPTION_MARK.strip() in text:
            before, *pieces = text.split(_CAPTION_MARK.strip())
            if squash_spaces(before):
                found.append((kind, squash_spaces(before)))  # text joined before a caption
            for piece in pieces:
                piece = squash_spaces(piece)
                if piece:
                    found.append(("caption", piece))
                    kept.add(piece)
        else:
            found.append((kind, text))
    lost: list[tuple[BlockKind, str]] = [
        ("caption", caption) for caption in captions if caption not in kept
    ]
    if not lost:
        return found
    first = 1 if found and found[0][0] == "heading" else 0
    return found[:first] + lost + found[first:]


def _extract(text: str) -> tuple[Any, list[str], str | None, str | None]:
    """Run trafilatura on the page with its furniture removed (``None`` if it finds
    nothing), and return with it the pictures' captions, the page's byline line and the
    credit of its copyright notice.

    Raises:
        ReaderError: trafilatura, or a library it needs, cannot be imported.
    """
    try:
        from trafilatura import bare_extraction
        from trafilatura.utils import load_html
    except ImportError as error:
        # A broken install (lxml_html_clean missing, say) is one line, not a traceback.
        raise ReaderError(f"cannot read HTML pages: {error}") from None

    if not _HAS_HTML_TAG.search(text[:4096]):
        # trafilatura takes a page without <html> for some other markup and refuses it;
        # a saved fragment ("<p>...</p>") is still a page to an analyst.
        text = f"<html><body>{text}</body></html>"
    tree = load_html(text)
    if tree is None:
        return None, [], None, None
    for element in tree.xpath(_DROP):
        element.drop_tree()
    captions = _mark_captions(tree)
    byline = _byline_line(tree)
    credit = next(
        (
            found
            for element in tree.xpath(_BYLINE_ELEMENTS)
            if (found := copyright_credit(_clean(" ".join(element.itertext()))))
        ),
        None,
    )
    return (
        bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
        ),
        captions,
        byline,
        credit,
    )


def _byline_line(tree: Any) -> str | None:
    """The page's byline as it writes it ("By Jane Doe · 22 April 2026"), from the first
    short element of text that reads as one; trafilatura drops it with the page's other
    furniture when the page's metadata names no author."""
    for element in tree.xpath(_BYLINE_ELEMENTS):
        line = _clean(" ".join(element.itertext()))
        if 0 < len(line) <= _MAX_BYLINE and parse_byline(line) is not None:
            return line
    return None


def _mark_captions(tree: Any) -> list[str]:
    """Put each picture's caption in the tree as a marked paragraph after its picture
    (trafilatura would drop it with the picture), and return the captions' texts."""
    captions: list[str] = []
    last_after: dict[Any, Any] = {}  # each picture's last caption paragraph, for order
    for element in tree.xpath(_CAPTIONS):
        caption = _clean(" ".join(element.itertext()))
        figure = next((a for a in element.iterancestors() if a.tag == "figure"), None)
        anchor = figure if figure is not None else element
        if caption and not any(caption in c for c in captions) and anchor.getparent() is not None:
            captions.append(caption)
            paragraph = anchor.makeelement("p", {})
            paragraph.text = _CAPTION_MARK + caption
            last_after.get(anchor, anchor).addnext(paragraph)
            last_after[anchor] = paragraph
        if element is not anchor:
            element.drop_tree()
        else:
            element.text = None  # its text is in the paragraph now; its tail stays
            for child in list(element):
                element.remove(child)
    return captions


def load_html(data: bytes, name: str, path: Path) -> list[Article]:
    """Read one HTML page into one article.

    Raises:
        ArticleError: the file is empty or binary, or the page holds no article text.
    """
    shown = visible(name)
    # Escape sequences go before parsing: lxml would drop the ESC and keep the rest of
    # the sequence as text, out of reach of the clean-up that runs on the extracted text.
    page = normalise(_decode_html(data, name))
    try:
        document, captions, byline_line, credit = _extract(page)
    except (ValueError, TypeError, AttributeError, LookupError) as error:
        # lxml and trafilatura raise these on pages too broken to parse.
        raise ArticleError(f"{shown}: cannot read this HTML page ({error})") from None
    body = document.body if document is not None else None
    blocks = _with_captions(_without_chrome(_blocks(body)) if body is not None else [], captions)
    if not any(kind == "paragraph" for kind, _ in blocks):
        raise ArticleError(f"{shown}: no article text found in this HTML page")

    title = _clean(document.title or "") or None
    author = _clean(document.author or "") or None
    site = _clean(document.sitename or "") or None
    date = parse_date(document.date or "")
    # The page's own headline usually opens the body too: it is the title, said once.
    if blocks[0][0] == "heading" and (title is None or blocks[0][1] == title):
        title = blocks[0][1]
        blocks = blocks[1:]
    header: list[tuple[BlockKind, str]] = []
    if title:
        header.append(("title", title))
    if author:
        header.append(("byline", author))
    elif byline_line and not any(byline_line in text for _, text in blocks):
        # A byline the page writes but its metadata does not name: its names are the
        # article's, so its line is kept where a byline goes.
        found = parse_byline(byline_line)
        if found is not None:
            author, date = found[0], date or found[1]
            header.append(("byline", byline_line))
    if credit and site is None and not any(credit in text for _, text in blocks):
        # A page whose metadata does not name its publisher names it in its copyright
        # notice only: that credit is kept, at the end, as a byline block.
        blocks = [*blocks, ("byline", credit)]
        site = publisher(credit) or None
    metadata = {
        key: value
        for key, value in (
            ("url", _clean(document.url or "")),
            ("source", site),
            ("description", _clean(document.description or "")),
        )
        if value
    }
    return [
        build_article(
            header + blocks,
            path=name,
            format="html",
            title=title,
            date=date,
            byline=author or site,
            caption=next((text for kind, text in blocks if kind == "caption"), None),
            metadata=metadata,
        )
    ]
