"""Untrusted text: escape sequences stripped at load, anything left made visible 1:1 before
it is drawn, and JSON output as inert as the screen."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.safe_text import (
    REPLACEMENT,
    BadNameError,
    check_name,
    clean_name,
    clean_text,
    safe_json,
    visible,
)


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
            assert drawn in (REPLACEMENT, " ") or 0x2400 <= ord(drawn) <= 0x2424
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


# --- invisible characters (issue 10) -------------------------------------------------

HANGUL_FILLERS = "\u115f\u1160\u3164\uffa0"
#: Every character that draws nothing or acts on its neighbours: format characters (Cf:
#: bidi controls, zero-width spaces, tag characters, the BOM ...), spaces (Zs), the
#: Hangul fillers, and the unassigned code points Unicode reserves as default-ignorable.
IGNORABLE = sorted(
    {
        chr(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) in ("Cf", "Zs")
        or (unicodedata.category(chr(code)) == "Cn" and 0xE0000 <= code <= 0xE0FFF)
    }
    | set(HANGUL_FILLERS)
    | {"\u2065", "\u2800", "\u034f"}
)


def test_every_invisible_or_blank_character_is_drawn_visibly() -> None:
    assert len(IGNORABLE) > 250
    for char in IGNORABLE:
        if char == " ":
            continue
        for context in (char, f"a{char}b", f"{char}{char}", f"\u0645{char}\u062d"):
            shown = visible(context)
            assert len(shown) == len(context)
            if char in "\u200c\u200d" and context[0] != char:
                continue  # ZWNJ and ZWJ inside a word: part of the name (below)
            assert char not in shown, f"U+{ord(char):04X} drawn raw in {context!r}"
            assert all(c in (REPLACEMENT, " ") or c not in IGNORABLE for c in shown)


@given(st.text(alphabet=st.sampled_from(IGNORABLE) | st.characters(), max_size=40))
def test_no_ignorable_character_is_drawn_raw_except_joiners_in_words(text: str) -> None:
    for index, drawn in enumerate(visible(text)):
        if drawn in IGNORABLE and drawn != " ":
            assert drawn in "\u200c\u200d"
            assert 0 < index < len(text) - 1  # only ever between two other characters


def test_joiners_stay_inside_words_and_emoji() -> None:
    persian = "\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627"  # Mohammad-Reza
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert visible(persian) == persian
    assert visible(family) == family
    assert visible("\u200dAli") == REPLACEMENT + "Ali"
    assert visible("Ali \u200c Reza") == "Ali " + REPLACEMENT + " Reza"


def test_spaces_show_as_plain_spaces() -> None:
    assert visible("10\u00a0km\u3000\u2003x") == "10 km  x"


@pytest.mark.parametrize("filler", list(HANGUL_FILLERS))
def test_hangul_fillers_are_visible(filler: str) -> None:
    assert visible(f"Ali{filler}Larijani") == f"Ali{REPLACEMENT}Larijani"


def test_tag_characters_are_removed_at_load() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "IGNORE PREVIOUS TAGS")
    assert clean_text(f"Iran and Iraq{hidden} signed.") == "Iran and Iraq signed."
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    assert clean_text(england) == "\U0001f3f4"  # a subdivision flag becomes a black flag


@pytest.mark.parametrize("feed", ["\f", "\v", "\f\n", "\n\f"])
def test_form_feeds_separate_words(feed: str) -> None:
    cleaned = clean_text(f"end of page{feed}Next page")
    assert "pageNext" not in cleaned
    assert cleaned.split() == ["end", "of", "page", "Next", "page"]


def test_safe_json_escapes_tag_characters_as_surrogate_pairs() -> None:
    dumped = safe_json("x\U000e0041\u3164")
    assert dumped == '"x\\udb40\\udc41\\u3164"'
    assert json.loads(dumped) == "x\U000e0041\u3164"


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Anna Lindqvist", "Anna Lindqvist"),
        ("  Anna\u00a0 Lindqvist\n", "Anna Lindqvist"),  # white space only tidied
        (
            "\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627",
            "\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627",
        ),
        ("Ame\u0301lie", "Am\u00e9lie"),  # NFC
    ],
)
def test_check_name_accepts_real_names(name: str, stored: str) -> None:
    assert check_name(name) == stored
    assert clean_name(name) == stored


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("anna\U000e0041", "U+E0041"),  # a tag character: "anna" on screen, not in exports
        ("anna\u3164", "U+3164"),  # Hangul filler
        ("\u202eanna", "U+202E"),  # bidi override
        ("an\u200bna", "U+200B"),  # zero-width space
        ("anna\u200d", "U+200D"),  # a joiner at the end joins nothing
        ("anna\x1b[31m", "U+001B"),
        ("\u2066anna\u2069", "U+2066"),
    ],
)
def test_check_name_refuses_hidden_characters(name: str, code: str) -> None:
    with pytest.raises(BadNameError, match=code.replace("+", "\\+")) as caught:
        check_name(name, what="annotator name")
    message = caught.value.message
    assert message.startswith("the annotator name ") and "\n" not in message
    assert visible(message) == message  # the message itself is inert
    assert clean_name(name) in ("anna", "anna[31m")


@pytest.mark.parametrize("name", ["", "   ", "\u3164", "\U000e0041\u200b"])
def test_check_name_refuses_names_with_nothing_visible(name: str) -> None:
    with pytest.raises(BadNameError):
        check_name(name)


@given(st.text())
def test_clean_name_is_always_acceptable(name: str) -> None:
    cleaned = clean_name(name)
    if cleaned:
        assert check_name(cleaned) == cleaned
        assert visible(cleaned) == cleaned
