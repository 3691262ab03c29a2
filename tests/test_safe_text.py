"""Untrusted text: escape sequences stripped at load, anything left made visible 1:1 before
it is drawn, and JSON output as inert as the screen."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.safe_text import REPLACEMENT, clean_text, safe_json, visible


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain text\nsecond line", "plain text\nsecond line"),
        ("\x1b[1;31mred\x1b[0m", "red"),  # CSI (SGR)
        ("a\x1b[2Jb\x1b[Hc", "abc"),  # clear screen, cursor home
        ("x\x1b]0;new title\x07y", "xy"),  # OSC ended by BEL
        ("x\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),  # OSC 8 hyperlink
        ("x\x1bPq#0;2;0;0;0\x1b\\y", "xy"),  # DCS (sixel)
        ("x\x1b]52;c;ZXZpbA==", "x"),  # unterminated OSC 52 (clipboard) runs to the end
        ("x\x1bcy", "xy"),  # RIS, full reset
        ("x\x1b(By", "xy"),  # charset designation
        ("x\x9b31my", "xy"),  # 8-bit CSI
        ("x\x9d0;t\x9cy", "xy"),  # 8-bit OSC ended by 8-bit ST
        ("bell\x07 back\x08 del\x7f nul\x00", "bell back del nul"),
        ("tab\there", "tab here"),
        ("c1\x85\x8d\x9f", "c1"),
    ],
)
def test_clean_text_strips_sequences_and_controls(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_text_keeps_real_letters() -> None:
    text = "Zürich — «Ça va» — Тегеран — طهران — 東京 — a\u200db — \u200c"
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31m", "\u241b[31m"),
        ("a\x07b", "a\u2407b"),
        ("del\x7f", "del\u2421"),
        ("line\nbreak", "line\u2424break"),
        ("c1\x9b", "c1" + REPLACEMENT),
        ("bidi\u202eevil", "bidi" + REPLACEMENT + "evil"),
        ("zero\u200bwidth", "zero" + REPLACEMENT + "width"),
        ("bom\ufeff", "bom" + REPLACEMENT),
    ],
)
def test_visible_maps_dangerous_characters(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_visible_can_keep_newlines() -> None:
    assert visible("a\nb\x1b", keep_newlines=True) == "a\nb\u241b"


def test_visible_leaves_safe_text_untouched() -> None:
    text = "Hossein Dehghan — Irfan Al Hayali (2nd right) «quote» 東京"
    assert visible(text) is text


@given(st.text())
def test_visible_is_one_to_one_and_inert(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)  # offsets into the text stay valid on screen
    for original, drawn in zip(text, shown, strict=True):
        if drawn != original:
            assert drawn == REPLACEMENT or 0x2400 <= ord(drawn) <= 0x2424
        assert not (ord(drawn) < 0x20 or 0x7F <= ord(drawn) <= 0x9F)
        assert drawn not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@given(st.text())
def test_clean_text_leaves_no_control_but_newline(text: str) -> None:
    cleaned = clean_text(text)
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in cleaned)


@given(st.recursive(st.text() | st.integers() | st.none(), lambda c: st.lists(c, max_size=3)))
def test_safe_json_round_trips_and_is_inert(value: object) -> None:
    dumped = safe_json({"value": value})
    assert json.loads(dumped) == {"value": value}
    assert not any(0x7F <= ord(c) <= 0x9F for c in dumped)
    assert "\u202e" not in dumped and "\u2028" not in dumped
    assert "\x1b" not in dumped and "\n" not in dumped


def test_safe_json_keeps_letters_readable() -> None:
    assert safe_json("Zürich \u202e") == '"Zürich \\u202e"'
