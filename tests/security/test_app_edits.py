"""Through the app: an article edited on disk keeps its tags (carried over, orphans kept and
announced), and tags that could not be saved are not dropped by quitting or going back
without a warning."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from app_support import app_test, build_app, wait_for

from reader.loaders import load_article
from reader.store import ArticleRecord, Store
from reader.tui.screens.reading import ReadingScreen

from .apphelpers import ANNOTATOR, make_app, reading_screen

V1 = """Defence pact signed

Iran and Iraq signed a defence pact on Sunday. The deal covers training and equipment.

Officials said the talks went well. Critics called it a threat to the region.
"""
V2 = """Defence pact signed

Editor's note: this story was updated on Monday.

Iran and Iraq signed a defence pact on Sunday. The deal covers training and equipment.

Officials said the talks went very well. Critics called it a threat to the region.
"""


def _texts(screen: ReadingScreen) -> dict[str, str]:
    return {screen.sentences[i].text: label for i, label in screen.view.tags.items()}


@app_test
async def test_an_edited_article_opens_with_its_tags_carried_over(tmp_path: Path) -> None:
    path = tmp_path / "pact.txt"
    path.write_text(V1, encoding="utf-8")
    store = Store(tmp_path / "store")
    app = make_app(path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await reading_screen(pilot)
        await pilot.press("1", "3", "2", "2")  # sentences 1-4 (it opens on the body)
        await wait_for(pilot, lambda: len(screen.view.tags) == 4)
    old = load_article(path)

    path.write_text(V2, encoding="utf-8")
    new = load_article(path)
    assert new.id != old.id
    app = make_app(path, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await reading_screen(pilot)
        await wait_for(pilot, lambda: len(screen.view.tags) == 3)
        assert _texts(screen) == {
            "Iran and Iraq signed a defence pact on Sunday.": "claim",
            "The deal covers training and equipment.": "quote",
            "Critics called it a threat to the region.": "context",
        }
        assert "3/" in str(screen.query_one("#status").render())
        messages = [n.message for n in app._notifications]
        assert any(
            "3 tags re-anchored, 1 orphaned" in m and "reader orphans" in m for m in messages
        ), messages
    [orphan] = store.orphans(new.id)
    assert (orphan.text, orphan.label) == ("Officials said the talks went well.", "context")
    assert len(store.annotations(old.id)) == 4  # the old version is untouched

    # A second opening carries nothing again and says nothing.
    app = make_app(path, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await reading_screen(pilot)
        await pilot.pause(0.3)
        assert not any("re-anchored" in n.message for n in app._notifications)
        assert len(store.annotations(new.id, ANNOTATOR)) == 3


def _block_saves(store: Store, article_id: str) -> Path:
    """Make every save of the article fail for real (as root too): a folder where the
    save's temporary file must go."""
    blocker = store.root / "articles" / f"{article_id}.json.tmp"
    blocker.mkdir(parents=True)
    return blocker


@app_test
async def test_quitting_with_unsaved_tags_warns_first(tmp_path: Path) -> None:
    path = tmp_path / "pact.txt"
    path.write_text(V1, encoding="utf-8")
    store = Store(tmp_path / "store")
    app = make_app(path, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await reading_screen(pilot)
        blocker = _block_saves(store, screen.article.id)
        await pilot.press("1", "2")
        await wait_for(pilot, lambda: screen.view.unsaved == {1, 2})
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "quit dropped unsaved tags without a word"
        assert any("2 tags are not saved" in n.message for n in app._notifications)
        # Fixed and retried: nothing is unsaved, quitting just quits.
        blocker.rmdir()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.view.unsaved)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert {a.sentence for a in store.annotations(screen.article.id)} == {1, 2}


@app_test
async def test_quitting_twice_quits_anyway(tmp_path: Path) -> None:
    path = tmp_path / "pact.txt"
    path.write_text(V1, encoding="utf-8")
    store = Store(tmp_path / "store")
    app = make_app(path, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await reading_screen(pilot)
        _block_saves(store, screen.article.id)
        await pilot.press("1")
        await wait_for(pilot, lambda: screen.view.unsaved == {1})
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@app_test
async def test_going_back_to_the_library_with_unsaved_tags_warns_first(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "pact.txt").write_text(V1, encoding="utf-8")
    store = Store(tmp_path / "store")
    app = build_app(folder, store=store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        library = app.screen
        await wait_for(pilot, lambda: getattr(library, "entries", None))
        await pilot.press("enter")
        screen = await reading_screen(pilot)
        _block_saves(store, screen.article.id)
        await pilot.press("1")
        await wait_for(pilot, lambda: screen.view.unsaved == {1})
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert any("1 tag is not saved" in n.message for n in app._notifications)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is library)


@app_test
async def test_the_first_key_never_waits_for_the_search_for_earlier_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Finding a file's earlier versions reads every article's record: in a large store
    # that takes long, and it happens on a first opening, so it must not hold up a key.
    path = tmp_path / "pact.txt"
    path.write_text(V1, encoding="utf-8")
    store = Store(tmp_path / "store")
    searching, release = threading.Event(), threading.Event()
    find_by_path = Store.find_by_path

    order: list[str] = []

    def slow(self: Store, wanted: str) -> list[ArticleRecord]:
        searching.set()
        release.wait(5)  # on the app's own thread, the key could only come after this
        order.append("searched")
        return find_by_path(self, wanted)

    monkeypatch.setattr(Store, "find_by_path", slow)
    app = make_app(path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await reading_screen(pilot)
        await wait_for(pilot, searching.is_set)
        first = screen.view.cursor  # an article opens on its first body sentence
        await pilot.press("1")  # the search is still going on
        assert screen.view.tags == {first: "claim"}
        assert [a.label for a in store.annotations(load_article(path).id)] == ["claim"]
        order.append("tagged")
        release.set()
        await wait_for(pilot, lambda: order[-1] == "searched")
        assert order == ["tagged", "searched"]
        assert screen.view.tags == {first: "claim"}
