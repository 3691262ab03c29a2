"""The library: rows, progress, filtering, sorting, opening an article and coming back."""

from __future__ import annotations

import argparse
import gc
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import app_test, wait_for
from textual.widgets import ProgressBar

from reader.article import Article
from reader.launch import prepare
from reader.loaders import load_articles
from reader.loaders.notices import collect_warnings
from reader.reading import library_load
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.library_list import LibraryList

from .conftest import write_article


def folder_of_articles(tmp_path: Path, sample_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(sample_path, folder / "a-sample.txt")
    write_article(folder, 12, "b-generated.txt")
    (folder / "c-broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 20)
    return folder


def titles(table: LibraryList) -> list[str]:
    return [table.row_text(i)[1] for i in range(table.row_count)]


@app_test
async def test_library_lists_filters_sorts_and_opens(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    folder = folder_of_articles(tmp_path, sample_path)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: len(screen.entries) == 3)
        table = screen.query_one(LibraryList)
        shown = titles(table)
        assert shown[0] == "A long article of 12 sentences"
        assert shown[2] == "Iran, Iraq vow to boost military ties"
        # A file that does not load says why first, then its name.
        assert shown[1].startswith("⚠ ") and "binary" in shown[1]
        assert shown[1].endswith("· c-broken.txt")
        # The selected row is marked with a sign, not by colour alone.
        assert [table.row_text(i)[0] for i in range(3)] == ["▶", " ", " "]
        # Entity analysis runs in the background and ends with the bar hidden.
        await wait_for(pilot, lambda: not screen.query_one("#library-progress").display)
        # Every article has its count (those analysed before came from the cache).
        assert [e.entities != "…" for e in screen.entries] == [True, True, True]
        bar = screen.query_one(ProgressBar)
        assert bar.progress == bar.total or bar.total is None
        await pilot.press(*"iran")
        assert titles(table) == ["Iran, Iraq vow to boost military ties"]
        await pilot.press("escape")
        assert table.row_count == 3
        await pilot.press("ctrl+s")  # by date
        assert screen.sort_column == "date"
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # by progress
        assert screen.sort_column == "progress"
        await pilot.press(*"military", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        await pilot.pause()
        await pilot.press("1", "2")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert "2/12" in table.row_text(0)[5]  # progress over the body's 12 sentences


@app_test
async def test_a_warm_reopen_does_no_analysis_in_the_app(
    make_app: Callable[..., ReaderApp],
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = folder_of_articles(tmp_path, sample_path)
    first = make_app(folder)
    async with first.run_test(size=(80, 24)) as pilot:
        screen = first.screen
        await wait_for(pilot, lambda: isinstance(first.screen, LibraryScreen))
        screen = first.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: not screen.query_one("#library-progress").display)
        counts = [(e.sentences, e.entities) for e in screen.entries]

    def no(*_: object) -> None:
        raise AssertionError("per-article analysis in the app on a warm reopen")

    monkeypatch.setattr("reader.analysis.split_article", no)
    # reader.analysis asks the packages for the rules when it runs them.
    monkeypatch.setattr("reader.attribution.suggest", no)
    monkeypatch.setattr("reader.entities.consolidation.consolidate", no)
    monkeypatch.setattr("reader.tui.screens.library.split_article", no)
    monkeypatch.setattr("reader.reading.library_index.split_article", no)

    def unread(*_: object) -> None:
        raise AssertionError("an article file read on a warm reopen: the index has its row")

    monkeypatch.setattr("reader.reading.library_load.load_articles", unread)
    again = make_app(folder)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, LibraryScreen))
        screen = again.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: len(screen.entries) == 3)
        assert [(e.sentences, e.entities) for e in screen.entries] == counts
        assert not screen.query_one("#library-progress").display


@app_test
async def test_a_broken_file_is_a_row_that_says_why(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    folder = folder_of_articles(tmp_path, sample_path)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: len(screen.entries) == 3)
        await pilot.press(*"broken", "enter")
        assert isinstance(app.screen, LibraryScreen)
        broken = [e for e in screen.entries if e.error]
        assert broken and "c-broken.txt" in broken[0].path


@app_test
async def test_a_corpus_file_opens_as_a_library_and_says_what_it_skipped(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"text": "Maria Lopez met Reuters. The deal was done.", "title": "First [b]one[/b]"}\n'
        "not json\n"
        '{"text": "Tom Becker spoke. Nothing changed.", "title": "Second one"}\n',
        encoding="utf-8",
    )
    launch = prepare(argparse.Namespace(path=str(corpus), db=None, annotator=None, model=None))
    # The library reads it, a line at a time, and reports its bad lines.
    assert launch.articles is None and not launch.warnings
    app = make_app(corpus, articles=launch.articles, warnings=launch.warnings)
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: len(screen.entries) == 2)
        assert titles(screen.query_one(LibraryList)) == ["First [b]one[/b]", "Second one"]
        # The rows (a corpus's hold their articles) leave the collector's generations once
        # loaded, so that no full collection walks them while a key waits.
        await wait_for(pilot, lambda: gc.get_freeze_count() > frozen)
        assert any("line 2" in n.message and not n.markup for n in app._notifications)
        # A child process read the corpus: the rows hold no article, not even once the
        # analysis has counted their entities; the article opened is read back from its
        # own line, the same as the loader reads it.
        await wait_for(pilot, lambda: not screen.query_one("#library-progress").display)
        assert all(e.article is None for e in screen.entries)
        assert all(e.entities.isdigit() for e in screen.entries)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        with collect_warnings():
            assert reading.article == load_articles(corpus)[0]


@app_test
async def test_question_mark_shows_help_and_every_column_sorts_with_an_arrow(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    from reader.tui.screens.help import HelpScreen

    folder = folder_of_articles(tmp_path, sample_path)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: len(screen.entries) == 3)
        await pilot.press("i", "question_mark")  # the footer says ? shows the help: it does
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.query_one("#library-filter").value == "i"  # type: ignore[attr-defined]
        await pilot.press("escape")
        table = screen.query_one(LibraryList)
        for _ in range(6):  # every data column takes its turn, with its arrow
            headers = table.headers()
            assert sum("▲" in h for h in headers) == 1
            await pilot.press("ctrl+s")
        assert screen.sort_column == "title"  # six presses: round to the start
        assert screen.query_one(ProgressBar).show_percentage is False  # never "--%"


@app_test
async def test_next_and_previous_article_follow_the_librarys_order(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    folder = folder_of_articles(tmp_path, sample_path)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await wait_for(pilot, lambda: len(library.entries) == 3)
        await pilot.press("enter")  # the first row: the generated article
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        first = app.screen
        assert isinstance(first, ReadingScreen)
        assert first.article.title == "A long article of 12 sentences"
        await pilot.press("greater_than_sign")  # the broken file is passed over
        await wait_for(pilot, lambda: app.screen is not first)
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        second = app.screen
        assert isinstance(second, ReadingScreen)
        assert second.article.title == "Iran, Iraq vow to boost military ties"
        await pilot.press("greater_than_sign")  # the last: said, and it stays
        await pilot.pause()
        assert app.screen is second
        assert any("last article" in n.message for n in app._notifications)
        await pilot.press("less_than_sign")
        await wait_for(pilot, lambda: app.screen is not second)
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert app.screen.article.title == "A long article of 12 sentences"  # type: ignore[attr-defined]
        await pilot.press("escape")  # back to the library, on that article's row
        await wait_for(pilot, lambda: app.screen is library)
        assert library.selected is not None
        assert library.selected.title == "A long article of 12 sentences"


def test_a_long_source_keeps_its_agency() -> None:
    from reader.tui.screens.library import tail

    assert tail("Reporting by Jane Doe; editing by John Roe (Reuters)", 11) == "… (Reuters)"
    assert tail("AFP", 11) == "AFP"


@app_test
async def test_rows_appear_before_the_last_file_is_read(
    make_app: Callable[..., ReaderApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(80):
        (folder / f"{number:03d}.txt").write_text(
            f"Article {number:03d}\n\nOne sentence here. Another one there.\n", encoding="utf-8"
        )
    release = threading.Event()
    real = library_load.load_articles

    def slow(path: Path) -> list[Article]:
        if path.name == "079.txt":
            release.wait(20)
        return real(path)

    monkeypatch.setattr(library_load, "load_articles", slow)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(LibraryList)
        await wait_for(pilot, lambda: table.row_count >= 50)  # the last file is not read yet
        assert titles(table)[0] == "Article 000"
        release.set()
        await wait_for(pilot, lambda: table.row_count == 80)
        await wait_for(pilot, lambda: not screen.query_one("#library-progress").display)


@app_test
async def test_the_library_shows_agreement_where_two_annotators_tagged(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    from reader.analysis import split_article
    from reader.loaders import load_article
    from reader.store import Store

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(sample_path, folder / sample_path.name)
    article = load_article(folder / sample_path.name)
    sentences = split_article(article)
    store = Store(tmp_path / "db")
    for annotator, labels in (("ana", "claim quote quote"), ("bob", "claim quote context")):
        for sentence, label in zip(sentences[3:6], labels.split(), strict=True):
            store.tag(
                article.id,
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                label=label,
                annotator=annotator,
            )
    app = make_app(folder, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: len(screen.entries) == 1)
        entry = screen.entries[0]
        await wait_for(pilot, lambda: entry.tagged is not None)  # the store is read after
        assert entry.alpha is not None and -1.0 <= entry.alpha < 1.0
        cell = screen.query_one(LibraryList).row_text(0)[5]
        assert "α" in cell
