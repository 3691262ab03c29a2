"""What a newcomer meets first (issue 14): the status line says what is in force, the
current sentence's note and speaker are on screen, show by label, the tally, the panel
on short terminals, the palette, ASCII glyphs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app_support import app_test, wait_for

from reader.store import Store
from reader.tui import display
from reader.tui.app import ReaderApp
from reader.tui.screens.dialogs import TextDialog
from reader.tui.screens.summary import SummaryScreen

from .conftest import ANNOTATOR, entities_ready, ready


def status(screen: object) -> str:
    return str(screen.query_one("#status").render())  # type: ignore[attr-defined]


@app_test
async def test_a_filter_shows_in_the_status_line_for_as_long_as_it_is_on(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"larijani", "enter", "f")
        assert "filter: larijani" in status(screen) and "Esc clears" in status(screen)
        shown = len(screen.view.shown)
        assert f"{shown}/{len(screen.sentences)}" in status(screen)
        await pilot.press("j", "k")
        assert "filter: larijani" in status(screen)
        await pilot.press("escape")
        assert "filter:" not in status(screen)


@app_test
async def test_note_and_speaker_are_shown_with_their_own_marks(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("1", "k", "w")
        await wait_for(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press(*"Hayali", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextDialog))
        info = screen.query_one("#sentence-info")
        assert info.display and "speaker: Hayali" in str(info.render())
        assert view.cursor not in view.noted  # a speaker is not a note: no *
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press(*"check it", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextDialog))
        assert "note: check it" in str(info.render())
        assert view.cursor in view.noted
        await pilot.press("j")  # an untagged sentence: the line goes away
        await pilot.pause()
        assert not info.display


@app_test
async def test_the_note_dialog_edits_the_real_text(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("1", "k")
        cursor = screen.view.cursor
        real = "line one\nline two \u202eevil\u202c\ttab"
        assert screen.session is not None
        assert screen.session.annotate(cursor, "note", real) is None
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, TextDialog))
        field = app.screen.query_one("#dialog-input")
        assert field.value == real  # type: ignore[attr-defined]
        drawn = "".join(field.render_line(0).text for _ in [0])  # type: ignore[attr-defined]
        assert "\u202e" not in drawn and "\n" not in drawn and "\u2424" in drawn
        await pilot.press("enter")  # unchanged: nothing is rewritten
        await wait_for(pilot, lambda: not isinstance(app.screen, TextDialog))
        (tag,) = store.annotations(screen.article.id, ANNOTATOR)
        assert tag.note == real


@app_test
async def test_show_by_label_and_the_tally(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("1", "2", "1", "3")
        claims = sorted(i for i, label in view.tags.items() if label == "claim")
        await pilot.press("r")  # claims only
        assert view.shown == claims and view.cursor in claims
        assert "filter: claim" in status(screen)
        await pilot.press("n")
        assert view.cursor in claims
        await pilot.press("r", "r", "r")  # context, quote, untagged
        assert all(i not in view.tags for i in view.shown)
        await pilot.press("escape")
        assert view.shown == list(range(len(view.sentences)))
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        from rich.console import Console

        console = Console(width=60, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
        console.print(app.screen.table)  # type: ignore[attr-defined]
        text = console.export_text()
        assert "C claim" in text.replace("  ", " ") or "claim" in text
        claim_line = next(line for line in text.splitlines() if "claim" in line)
        assert claim_line.split()[-1] == "2"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)


@app_test
async def test_escape_on_a_lone_article_says_how_to_quit(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape")
        assert any("ctrl+q quits" in n.message for n in app._notifications)


@app_test
async def test_the_article_gets_most_of_a_short_terminal(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.panel.outer_size.height <= 6
        assert screen.view.outer_size.height >= 15
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert screen.panel.outer_size.height == 0  # folded away until focused
        assert screen.view.outer_size.height >= 8
        await pilot.press("e")
        await pilot.pause()
        assert screen.panel.outer_size.height > 0


@app_test
async def test_j_and_k_move_the_entity_list_when_it_has_focus(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await entities_ready(pilot)
        cursor = screen.view.cursor
        await pilot.press("e")
        first = screen.panel.option_list.highlighted
        await pilot.press("j")
        assert screen.panel.option_list.highlighted != first
        await pilot.press("k")
        assert screen.panel.option_list.highlighted == first
        assert screen.view.cursor == cursor


@app_test
async def test_the_palette_shows_keys_as_typed_and_no_duplicates(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    from textual.command import CommandPalette

    app = make_app(sample_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.pause(0.5)
        options = app.screen.query_one("CommandList")
        prompts = [str(o.prompt) for o in options._options]  # type: ignore[attr-defined]
        text = "\n".join(prompts)
        for raw in ("left_square_bracket", "slash", "pagedown", "greater_than_sign"):
            assert raw not in text
        titles = [p.splitlines()[0] for p in prompts]
        assert not [t for t in titles if t in ("Quit", "Theme", "Keys")]


def test_the_glyph_set_follows_the_locale() -> None:
    assert display.locale_is_utf8({"LANG": "en_GB.UTF-8"})
    assert not display.locale_is_utf8({"LANG": "C"})
    assert not display.locale_is_utf8({"LC_ALL": "C", "LANG": "en_GB.UTF-8"})
    # Python coerces a C locale's LC_CTYPE to C.UTF-8 (PEP 538): not the terminal's word.
    assert not display.locale_is_utf8({"LC_CTYPE": "C.UTF-8"})
    assert display.locale_is_utf8({"LANG": "C", "READER_GLYPHS": "unicode"})
    try:
        display.use_ascii(True)
        assert display.shown("▶ “quoted” — 3/12 █░ ✓ é\x1b") == '> "quoted" - 3/12 #. + ??'
        assert len(display.shown("naïve")) == len("naïve")  # one for one: offsets hold
    finally:
        display.use_ascii(False)


@app_test
async def test_an_ascii_terminal_gets_ascii_glyphs(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path, ascii_glyphs=True)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            await pilot.press("1")
            lines = [screen.view.render_line(y).text for y in range(screen.view.size.height)]
            drawn = "\n".join(lines) + status(screen)
            assert drawn.isascii(), sorted({c for c in drawn if not c.isascii()})
            assert ">" in drawn and "+ saved" in status(screen)
    finally:
        display.use_ascii(False)
