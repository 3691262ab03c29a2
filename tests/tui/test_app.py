"""The app as a whole: help, the palette, narrow terminals, themes, label sets, big articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_support import NoEntities, app_test, wait_for
from textual.command import CommandPalette
from textual.widgets import Input

from reader.config import load_settings, save_settings
from reader.labels import LABELS_FILE
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.reading import ReadingScreen

from .conftest import ANNOTATOR, ready, write_article


@app_test
async def test_help_lists_every_key_grouped(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.table.columns[1]._cells) + str(app.screen.table.columns[0]._cells)
        for words in ("Next sentence", "Tag the sentence as claim", "Undo", "Search", "Quit"):
            assert words in text
        for group in ("Move", "Tag", "Find", "Entities", "App"):
            assert group in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, ReadingScreen)


@app_test
async def test_palette_offers_the_screen_actions(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"as quote")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        await wait_for(pilot, lambda: store.annotations(screen.article.id, ANNOTATOR))
        assert store.annotations(screen.article.id, ANNOTATOR)[0].label == "quote"


@app_test
async def test_narrow_terminal_puts_the_panel_below(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.has_class("-narrow")
        view, panel = screen.view.region, screen.panel.region
        assert panel.y >= view.bottom and panel.width == 80
        assert view.height >= 10
        await pilot.press("p")
        await pilot.pause()
        assert not screen.panel.display
        assert screen.view.region.height > view.height
    wide = make_app(sample_path)
    async with wide.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.has_class("-wide")
        assert screen.panel.region.x >= screen.view.region.right


@app_test
async def test_the_theme_is_remembered(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.theme = "gruvbox"
        await pilot.pause()
    assert load_settings()["theme"] == "gruvbox"
    again = make_app(sample_path, remember=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert again.theme == "gruvbox"


@app_test
async def test_a_store_label_set_brings_its_own_keys(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    (store.root / LABELS_FILE).write_text(
        '[[label]]\nname = "fact"\nkey = "t"\ncolour = "magenta"\n\n'
        '[[label]]\nname = "opinion"\nkey = "o"\ncolour = "yellow"\n\n'
        '[[label]]\nname = "nav"\nkey = "j"\ncolour = "tealish"\n',
        encoding="utf-8",
    )
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("t", "o", "2", "3")
        saved = {a.sentence: a.label for a in store.annotations(screen.article.id, ANNOTATOR)}
        # A new article opens on its body (sentence 3, after the title, byline and caption).
        assert saved == {3: "fact", 4: "opinion", 5: "opinion", 6: "nav"}
        # "j" is taken by "next sentence": it still moves, and the clash was reported.
        await pilot.press("j")
        assert screen.view.cursor == 8
        assert any("nav" in n.message for n in app._notifications)


@app_test
async def test_a_5000_sentence_article_opens_and_moves(
    make_app: Callable[..., ReaderApp], tmp_path: Path, store: Store
) -> None:
    path = write_article(tmp_path, 5000)
    app = make_app(path, analyser=NoEntities())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        assert len(view.sentences) == 5001
        # The view is one widget, not one per sentence.
        assert len(list(view.walk_children())) == 0
        await pilot.press("G")
        assert view.cursor == 5000
        await pilot.press("1")  # tagged; the next untagged is the body's first (not the title)
        assert view.cursor == 1
        await pilot.press("pagedown", "pagedown")
        assert 0 < view.cursor < 100
        await pilot.press("2")
        labels = {a.sentence: a.label for a in store.annotations(screen.article.id, ANNOTATOR)}
        assert labels[5000] == "claim" and "context" in labels.values()
        top = view.scroll_offset.y
        await pilot.press("G")
        assert view.scroll_offset.y > top


@app_test
async def test_search_bar_escape_cancels(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"1c", "escape")  # typed into the search, not tags
        assert not screen.has_class("-searching")
        assert screen.view.has_focus
        assert screen.session is not None and screen.session.tags == {}


@app_test
async def test_keys_can_be_remapped_by_binding_id(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    save_settings({"keys": {"reader.tag.claim": "v", "reader.next": "ctrl+n"}})
    app = make_app(sample_path, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+n", "v")
        saved = {a.sentence: a.label for a in store.annotations(screen.article.id, ANNOTATOR)}
        assert saved == {4: "claim"}


@app_test
async def test_tab_cycles_focus_and_the_mouse_picks_a_sentence(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.view.has_focus
        await pilot.press("tab")
        assert screen.panel.option_list.has_focus
        await pilot.press("tab")
        assert screen.view.has_focus
        # The dateline sits on line 2; line 4 is the byline, sentence 1.
        await pilot.click(screen.view, offset=(30, 4))
        assert screen.view.cursor == 1
