"""Hostile text through the loaders: every trick is removed (escape sequences, controls) or
kept and drawn visibly (bidi, zero-width, markup), offsets stay exact, and no trick can
take more of the article with it than its own line.

tests/test_safe_text.py proves clean_text/visible/safe_json case by case and by property;
these tests go through the loaders, with whole hostile articles.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import split_article
from reader.loaders import load_article
from reader.safe_text import clean_text, visible

from .hostile import BIDI, ESCAPES, FORBIDDEN_CHARACTERS, MARKUP, hostile_article

# Characters that clean_text removes and visible() makes visible: nothing of the
# terminal-active kind may be left in an article's text.
_ACTIVE = frozenset(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]) - {"\n"}


def test_hostile_article_loads_inert_with_exact_offsets(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(hostile_article(), encoding="utf-8")
    article = load_article(path)
    assert not set(article.text) & _ACTIVE
    # Escape sequences are removed with their payload; the words around them stay.
    assert "PWNED" not in article.text
    for name in ESCAPES:
        assert f"the {name} test passed today." in article.text
    # Markup, bidi and zero-width characters are text: kept in the store's text, drawn
    # visibly (one character for one) on screen.
    assert article.title == "[bold]Markup[/bold] title with [link=file:///etc/passwd]link[/]"
    assert MARKUP in article.text and BIDI in article.text
    shown = visible(article.text, keep_newlines=True)
    assert len(shown) == len(article.text)
    assert not set(shown) & (FORBIDDEN_CHARACTERS | _ACTIVE)
    # Every sentence's offsets point at its text, in the stored and the shown text.
    for sentence in split_article(article):
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert shown[sentence.start : sentence.end] == visible(sentence.text)


@pytest.mark.parametrize("introducer", ["\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX"])
def test_an_unterminated_string_sequence_cuts_only_its_own_line(
    tmp_path: Path, introducer: str
) -> None:
    # Before: the sequence ran to the end of the text, so one stray ESC ] in a scraped
    # page silently deleted the rest of the article.
    path = tmp_path / "stray.txt"
    path.write_text(
        f"Title\n\nFirst paragraph with a stray {introducer}0;junk here.\n\n"
        "Second paragraph survives.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.text == "Title\n\nFirst paragraph with a stray\n\nSecond paragraph survives."


@pytest.mark.parametrize("stray", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_legacy_file_with_an_undefined_byte_keeps_its_quotes_and_its_text(
    tmp_path: Path, stray: bytes
) -> None:
    # Before: one byte that Windows-1252 leaves undefined made the whole file decode as
    # Latin-1, so curly quotes became C1 controls (removed) and 0x90 or 0x9D became an
    # 8-bit DCS or OSC that swallowed the rest of the article.
    path = tmp_path / "legacy.txt"
    body = "\u201cWe will appeal,\u201d the firm said \u2014 price 5"
    path.write_bytes(
        b"Title\n\n" + body.encode("cp1252") + stray + b" more.\n\nSecond paragraph.\n"
    )
    article = load_article(path)
    assert article.text == f"Title\n\n{body}\ufffd more.\n\nSecond paragraph."


_plain_lines = st.lists(
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\x85"
        ),
        max_size=40,
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(_plain_lines, st.data())
def test_a_sequence_only_ever_removes_text_from_its_own_line(
    lines: list[str], data: st.DataObject
) -> None:
    row = data.draw(st.integers(0, len(lines) - 1))
    column = data.draw(st.integers(0, len(lines[row])))
    sequence = data.draw(
        st.sampled_from(list(ESCAPES.values()))
        | st.sampled_from(["\x1b]", "\x9d", "\x90", "\x1bP"])
    )
    hostile = list(lines)
    hostile[row] = lines[row][:column] + sequence + lines[row][column:]
    cleaned = clean_text("\n".join(hostile)).split("\n")
    assert len(cleaned) == len(lines)
    for number, (before, after) in enumerate(zip(lines, cleaned, strict=True)):
        if number == row:
            assert after.startswith(clean_text(lines[row][:column]))
        else:
            assert after == clean_text(before)


def test_huge_lines_split_in_linear_time(tmp_path: Path) -> None:
    # A 200,000-character "word" used to take minutes to split (the e-mail pattern was
    # retried from every letter: quadratic), freezing the app on open. Run in a child with
    # a generous time limit: this guards against a hang, it is not a speed goal (bench/).
    script = (
        "from reader.segment import split_spans\n"
        "for unit in ('a', '\\u6771', 'a.b', 'x@', 'A. ', 'J. K. ', '1. ', '(a. B'):\n"
        "    text = unit * (200_000 // len(unit))\n"
        "    assert sum(1 for _ in split_spans(text)) >= 1\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60, cwd=tmp_path)
