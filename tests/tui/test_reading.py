"""The reading screen, driven through the real app: tagging, undo, resume, search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import app_test, wait_for
from textual import events
from textual.widgets import Input

from reader.errors import StoreError
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens import reading as reading_module
from reader.tui.widgets.article_view import ArticleView

from .conftest import ANNOTATOR, reading, ready

#: The sample's first body sentence: its title, byline and caption come first. They are
#: taggable, but a new article opens on the body and "next untagged" passes them over.
BODY = 3


def labels_in_store(store: Store, app: ReaderApp) -> dict[int, str]:
    article = reading(app).article
    return {a.sentence: a.label for a in store.annotations(article.id, ANNOTATOR)}


@app_test
async def test_every_label_key_tags_and_saves(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = reading(app)
        view = screen.query_one(ArticleView)
        assert view.cursor == BODY
        # Digits and letters, each followed by the move to the next untagged sentence.
        await pilot.press("1", "2", "3", "c", "x", "q")
        assert labels_in_store(store, app) == {
            BODY: "claim",
            BODY + 1: "context",
            BODY + 2: "quote",
            BODY + 3: "claim",
            BODY + 4: "context",
            BODY + 5: "quote",
        }
        assert view.cursor == BODY + 6
        assert view.tags == labels_in_store(store, app)
        assert "✓ saved" in str(screen.query_one("#status").render())


@app_test
async def test_same_key_zero_and_backspace_clear(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("1", "1", "1", "k", "k", "k")
        assert labels_in_store(store, app) == {BODY: "claim", BODY + 1: "claim", BODY + 2: "claim"}
        await pilot.press("1")  # the same key again: cleared, and the cursor stays
        assert labels_in_store(store, app) == {BODY + 1: "claim", BODY + 2: "claim"}
        assert reading(app).view.cursor == BODY
        # Said, not silent: the analyst may have meant to tag it again.
        assert any("Cleared the claim tag" in n.message for n in app._notifications)
        await pilot.press("j", "0", "j", "backspace")
        assert labels_in_store(store, app) == {}


@app_test
async def test_auto_advance_can_be_switched_off(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a", "1")
        assert reading(app).view.cursor == BODY
        assert not app.auto_advance
        assert "auto-advance off" in str(reading(app).query_one("#status").render())
        await pilot.press("a")
        assert "auto-advance" not in str(reading(app).query_one("#status").render())


@app_test
async def test_undo_and_redo_survive_a_restart(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("1", "2", "3")
        await pilot.press("u")
        assert labels_in_store(store, app) == {BODY: "claim", BODY + 1: "context"}
        assert reading(app).view.cursor == BODY + 2
        assert app._notifications and "Undone: tag quote" in list(app._notifications)[-1].message
        await pilot.press("ctrl+r")
        assert labels_in_store(store, app) == {
            BODY: "claim",
            BODY + 1: "context",
            BODY + 2: "quote",
        }
        assert "Redone: tag quote" in list(app._notifications)[-1].message
        await pilot.press("u", "u")
    again = make_app(sample_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert reading(again).view.tags == {BODY: "claim"}
        await pilot.press("u")
        assert labels_in_store(store, again) == {}
        await pilot.press("ctrl+r", "ctrl+r")
        assert labels_in_store(store, again) == {BODY: "claim", BODY + 1: "context"}


@app_test
async def test_reopening_resumes_at_the_last_position(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("1", "j", "j", "j", "j")
        assert reading(app).view.cursor == BODY + 5
        await pilot.press("ctrl+q")
    again = make_app(sample_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = reading(again).view
        assert view.cursor == BODY + 5
        assert view.tags == {BODY: "claim"}
        await pilot.pause()
        assert view.scroll_offset.y > 0  # scrolled to show it


@app_test
async def test_moving_keys(make_app: Callable[..., ReaderApp], sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = reading(app).view
        last = len(view.sentences) - 1
        await pilot.press("G")
        assert view.cursor == last
        await pilot.press("g", "down", "j")
        assert view.cursor == 2
        await pilot.press("up", "k")
        assert view.cursor == 0
        await pilot.press("pagedown")
        assert view.cursor > 2
        down = view.cursor
        await pilot.press("pageup")
        assert view.cursor < down and view.cursor <= 1  # a page back: the top
        await pilot.press("g", "1", "1", "g")  # the title, then the first body sentence
        assert view.tags == {0: "claim", BODY: "claim"}
        await pilot.press("space")  # the byline and caption are passed over
        assert view.cursor == BODY + 1
        await pilot.press("right_square_bracket")
        assert view.cursor == BODY + 2
        await pilot.press("left_square_bracket")
        assert view.cursor == BODY + 1


@app_test
async def test_a_failed_save_stays_on_screen_as_unsaved(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store, monkeypatch: object
) -> None:
    app = make_app(sample_path)
    real_tag = store.tag

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreError("cannot save to /nowhere: disk full")

    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = reading(app).view
        store.tag = broken  # type: ignore[method-assign]
        await pilot.press("1")
        assert view.tags == {BODY: "claim"}
        assert view.unsaved == {BODY}
        assert labels_in_store(store, app) == {}
        assert "UNSAVED" in str(reading(app).query_one("#status").render())
        assert any("disk full" in n.message for n in app._notifications)
        store.tag = real_tag  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        assert view.unsaved == set()
        assert labels_in_store(store, app) == {BODY: "claim"}


@app_test
async def test_search_jumps_between_hits_and_filters(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = reading(app)
        view = screen.view
        await pilot.press("slash", *"larijani", "enter")
        hits = [s.index for s in view.sentences if "larijani" in s.text.lower()]
        assert len(hits) >= 3
        assert screen.targets == hits
        assert view.cursor == hits[0]
        await pilot.press("n")
        assert view.cursor == hits[1]
        await pilot.press("N", "N")
        assert view.cursor == hits[-1]  # wraps
        await pilot.press("f")
        assert view.shown == hits
        await pilot.press("g")
        assert view.cursor == hits[0]
        await pilot.press("j")
        assert view.cursor == hits[1]  # moving stays among the shown sentences
        await pilot.press("escape")  # the filter goes first
        assert view.shown == list(range(len(view.sentences)))
        await pilot.press("escape")  # then the search
        assert screen.targets == []


@app_test
async def test_markup_and_escapes_are_shown_literally(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "[bold]Not bold[/bold] title\n\n"
        "A [link=https://example.com]link[/link] and [red]red[/] text. "
        "Escape \x1b[31mhere\x1b[0m and a bell \x07 too.\n",
        encoding="utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        lines = [reading(app).view.render_line(y).text for y in range(8)]
        screen_text = "\n".join(lines)
        assert "[bold]Not bold[/bold] title" in screen_text
        assert "[link=https://example.com]link[/link]" in screen_text
        assert "[red]red[/]" in screen_text
        assert "\x1b" not in screen_text and "\x07" not in screen_text
        # Messages that quote the analyst's input are not markup either.
        await pilot.press("slash", *"[b]zzz[/b]", "enter")
        notes = [n for n in app._notifications if "zzz" in n.message]
        assert notes and "[b]zzz[/b]" in notes[0].message and not notes[0].markup


@app_test
async def test_the_position_is_saved_after_a_pause(
    make_app: Callable[..., ReaderApp],
    sample_path: Path,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reading_module, "POSITION_DELAY", 0.1)
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "j", "j")
        assert store.position(screen.article.id, ANNOTATOR) is None  # not on every key
        await wait_for(pilot, lambda: store.position(screen.article.id, ANNOTATOR) == BODY + 3)


@app_test
async def test_a_damaged_article_file_in_the_store_still_opens_the_article(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    from reader.loaders import load_article

    article = load_article(sample_path)
    (store.root / "articles" / f"{article.id}.json").write_text("{not json", encoding="utf-8")
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert any(n.title == "Tags not read" for n in app._notifications)
        await pilot.press("1")
        assert screen.view.unsaved == {BODY}  # kept on screen, not dropped
        await wait_for(pilot, lambda: screen.analysis is not None)  # entities all the same


@app_test
async def test_a_search_typed_in_one_burst_goes_to_the_search_bar(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    """A fast typist (or a paste) sends ``/`` and the query together: every key after ``/``
    is queued before the bar exists. None of them may reach the article, where ``1`` would
    tag a sentence and ``j`` move the cursor."""
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = reading(app).view
        cursor = view.cursor
        for key, character in [("slash", "/"), ("1", "1"), ("j", "j"), ("9", "9")]:
            app.post_message(events.Key(key, character))  # all queued, none handled yet
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("#search", Input).value == "1j9"
        assert view.cursor == cursor
        assert labels_in_store(app.store, app) == {}


@app_test
async def test_slash_in_the_search_bar_is_part_of_the_query(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    """``/`` opens the search from the article, but typed in the bar it is a character."""
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"24/7")
        assert app.query_one("#search", Input).value == "24/7"
