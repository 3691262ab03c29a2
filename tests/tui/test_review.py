"""Review mode, driven through the real app: pick, override, accept agreed, undo, resume;
and the reading screen showing another annotator's tags (or the settled layer) read-only.

ana and bob tagged the sample article; rita reviews. On the sentences numbered from 0:
both say claim on 1 and quote on 5; they differ on 2 (quote / claim), 3 (context / none)
and 6 (none / context).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_support import app_test, build_app, wait_for
from rich.console import Console
from textual.pilot import Pilot

from reader.analysis import split_article
from reader.loaders import load_article
from reader.store import Review, Store
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen, help_table
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.review import ReviewScreen
from reader.tui.widgets.versions import VersionList

from .conftest import ready

TAGS: dict[str, dict[int, str]] = {
    "ana": {1: "claim", 2: "quote", 3: "context", 5: "quote"},
    "bob": {1: "claim", 2: "claim", 5: "quote", 6: "context"},
}
NOTE = "[bold]his words[/bold] \x1b[31m"


@pytest.fixture
def tagged(store: Store, sample_path: Path) -> Store:
    """ana's and bob's tags on the sample article, in the store."""
    sentences = split_article(load_article(sample_path))
    for annotator, labels in TAGS.items():
        for index, label in labels.items():
            s = sentences[index]
            store.tag(
                load_article(sample_path).id,
                sentence=index,
                start=s.start,
                end=s.end,
                text=s.text,
                label=label,
                annotator=annotator,
            )
    ana_quote = sentences[2]
    article_id = load_article(sample_path).id
    where = {"start": ana_quote.start, "end": ana_quote.end, "annotator": "ana"}
    store.set_attribution(article_id, **where, attribution="Ali Larijani")
    store.set_note(article_id, **where, note=NOTE)
    return store


def review_of(store: Store, sample_path: Path) -> Review:
    article = load_article(sample_path)
    return Review(store, article.id, sentences=len(split_article(article)))


def decided(store: Store, sample_path: Path) -> dict[int, tuple[str | None, str]]:
    """Each decision: its sentence, label and reviewer."""
    return {d.sentence: (d.label, d.reviewer) for d in review_of(store, sample_path).decisions()}


async def open_review(pilot: Pilot[Any]) -> ReviewScreen:
    await ready(pilot)
    await pilot.press("D")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen))
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    await pilot.pause()
    return screen


def current(screen: ReviewScreen) -> int | None:
    item = screen.session.current if screen.session else None
    return None if item is None else item.sentence


def shown_versions(screen: ReviewScreen) -> str:
    return str(screen.query_one(VersionList).render())


def app_for(store: Store, path: Path, reviewer: str = "rita") -> ReaderApp:
    return build_app(path, store=store, annotator=reviewer)


@app_test
async def test_pick_a_version_then_the_next_disagreement(tagged: Store, sample_path: Path) -> None:
    annotations_before = tagged.annotations(load_article(sample_path).id)
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert current(screen) == 2
        text = shown_versions(screen)
        assert "1 ana" in text and "2 bob" in text and "undecided" in text
        assert "Ali Larijani" in text
        assert "[bold]his words[/bold] ␛[31m" in text  # markup and escapes shown, inert
        assert "1/3 disagreements" in str(screen.query_one("#review-progress").render())
        await pilot.press("1")  # ana's version: quote, her speaker and note
        assert current(screen) == 3
        decision = review_of(tagged, sample_path).decisions()[0]
        assert (decision.sentence, decision.label, decision.reviewer) == (2, "quote", "rita")
        assert decision.attribution == "Ali Larijani" and decision.note == NOTE
        assert set(decision.chosen_from) == {"ana", "bob"}
        await pilot.press("2")  # bob's version on 3: he left it untagged
        assert decided(tagged, sample_path)[3] == (None, "rita")
        assert current(screen) == 6
    # The annotators' own tags are never changed.
    assert tagged.annotations(load_article(sample_path).id) == annotations_before


@app_test
async def test_a_label_key_overrides_and_zero_settles_untagged(
    tagged: Store, sample_path: Path
) -> None:
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("x")  # context: neither annotator's label on 2
        assert decided(tagged, sample_path) == {2: ("context", "rita")}
        assert current(screen) == 3
        await pilot.press("0")
        assert decided(tagged, sample_path)[3] == (None, "rita")
        await pilot.press("k", "k")  # back to 2: the decision is shown
        assert current(screen) == 2
        assert "rita: X context" in shown_versions(screen)
        await pilot.press("backspace")
        assert 2 not in decided(tagged, sample_path)
        assert "undecided" in shown_versions(screen)


@app_test
async def test_accept_agreed_in_one_step_and_undo_it(tagged: Store, sample_path: Path) -> None:
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")  # "yes" is the first choice
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        assert decided(tagged, sample_path) == {1: ("claim", "rita"), 5: ("quote", "rita")}
        assert current(screen) == 2  # still where the reviewer was
        await pilot.press("u")  # one undo takes both back
        assert decided(tagged, sample_path) == {}
        await pilot.press("ctrl+r")
        assert len(decided(tagged, sample_path)) == 2
        await pilot.press("A")  # nothing left: no question asked
        await pilot.pause()
        assert pilot.app.screen is screen
        assert any("No agreed" in n.message for n in app._notifications)


@app_test
async def test_undo_goes_back_to_the_sentence_it_changed(tagged: Store, sample_path: Path) -> None:
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("1", "1")
        assert set(decided(tagged, sample_path)) == {2, 3}
        assert current(screen) == 6
        await pilot.press("u")
        assert set(decided(tagged, sample_path)) == {2}
        assert current(screen) == 3
        await pilot.press("u", "u")
        assert decided(tagged, sample_path) == {}
        assert any("Nothing to undo" in n.message for n in app._notifications)


@app_test
async def test_reopening_resumes_at_the_first_undecided_item(
    tagged: Store, sample_path: Path
) -> None:
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("2")  # 2 settled as bob's claim
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReadingScreen))
        screen = await open_review(pilot)
        assert current(screen) == 3
    # And after a restart.
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert current(screen) == 3
        assert "2 to decide" in str(screen.query_one("#review-progress").render())


@app_test
async def test_scopes_and_a_stale_decision(tagged: Store, sample_path: Path) -> None:
    article = load_article(sample_path)
    sentence = split_article(article)[2]
    review_of(tagged, sample_path).decide(
        sentence=2,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        label="claim",
        reviewer="rita",
    )
    # bob changes his mind after the decision: it is stale, so open again.
    tagged.tag(
        article.id,
        sentence=2,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        label="context",
        annotator="bob",
    )
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        assert current(screen) == 2
        assert "! stale" in shown_versions(screen)
        assert "1 stale" in str(screen.query_one("#review-progress").render())
        await pilot.press("s")  # every sentence tagged by more than one
        assert screen.session is not None
        assert [i.sentence for i in screen.session.items] == [1, 2, 3, 5, 6]
        await pilot.press("s")  # unsettled: the stale decision still counts as settled
        assert [i.sentence for i in screen.session.items] == [3, 6]
        await pilot.press("s")
        assert screen.session.scope == "disagreed"


@app_test
async def test_the_library_opens_review_mode(tagged: Store, sample_path: Path) -> None:
    app = app_for(tagged, sample_path.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await wait_for(pilot, lambda: library.selected is not None)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert current(app.screen) == 2  # type: ignore[arg-type]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is library)


@app_test
async def test_the_reader_shows_others_tags_read_only(tagged: Store, sample_path: Path) -> None:
    article_id = load_article(sample_path).id
    app = app_for(tagged, sample_path, reviewer="ana")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        assert view.tags == TAGS["ana"]
        await pilot.press("O")
        assert view.tags == TAGS["bob"]
        assert "bob's tags (read-only" in str(screen.query_one("#status").render())
        await pilot.press("3", "0", "u")  # nothing is tagged, cleared or undone
        assert {a.sentence: a.label for a in tagged.annotations(article_id, "ana")} == TAGS["ana"]
        assert any("Read-only: viewing bob's tags" in n.message for n in app._notifications)
        await pilot.press("O")  # the settled layer: what both agree on
        assert view.tags == {1: "claim", 5: "quote"}
        await pilot.press("D", "1")  # settle 2 on ana's version in review mode
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert view.tags == {1: "claim", 2: "quote", 5: "quote"}
        await pilot.press("O")  # back to ana's own, which tag again
        assert view.tags == TAGS["ana"]
        await pilot.press("g", "j", "j", "j", "j", "3")
        mine = {a.sentence: a.label for a in tagged.annotations(article_id, "ana")}
        assert mine == {**TAGS["ana"], 4: "quote"}


@app_test
async def test_review_keys_are_in_help(tagged: Store, sample_path: Path) -> None:
    app = app_for(tagged, sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)

        def rendered(screen: Any) -> str:
            console = Console(width=120, record=True)
            console.print(help_table(screen))
            return console.export_text()

        assert "Review mode" in rendered(reader) and "Show another annotator" in rendered(reader)
        screen = await open_review(pilot)
        text = rendered(screen)
        assert "Settle on annotator 1's version" in text
        assert "Settle the sentence as claim (your own label)" in text
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
