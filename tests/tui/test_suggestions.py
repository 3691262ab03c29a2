"""Who said what, in the app: suggestions in the gutter, accepting, overriding, rejecting,
accepting all, undo, the setting, speakers on screen, and what an entity says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_support import app_test, build_app, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.choice import ChoiceDialog
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.speaker_dialog import SpeakerDialog
from reader.tui.widgets.entity_panel import said_lines

from .conftest import ANNOTATOR, entities_ready

#: In the sample, sentence 7 is a quotation that Ali Larijani goes on with (suggested).
QUOTED = 7
SPEAKER = "Ali Larijani"


def drawn(screen: ReadingScreen, sentence: int) -> list[str]:
    """The lines the article view draws for a sentence, as plain text."""
    view = screen.view
    layout = view._ensure_layout()
    row = layout.row_of(sentence)
    assert row is not None
    strips = view._render_sentence(row, view.scrollable_content_region.width)
    return ["".join(seg.text for seg in strip).replace("\xa0", " ") for strip in strips]


async def at_quote(pilot: Pilot[None], sentence: int = QUOTED) -> ReadingScreen:
    """Wait for the suggestions, then put the cursor on ``sentence``."""
    screen = await entities_ready(pilot)
    session = screen.session
    assert session is not None
    await wait_for(pilot, lambda: session.suggestion(QUOTED))
    screen.view.move_to(sentence)
    return screen


@app_test
async def test_suggestions_show_dim_with_a_question_mark_and_their_speaker(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot)
        first = drawn(screen, QUOTED)[0]
        assert first.lstrip().startswith("▶Q? ")
        joined = " ".join(line.strip() for line in drawn(screen, QUOTED))
        assert joined.endswith(f"— {SPEAKER}?")
        # Nothing is stored until the analyst accepts.
        assert store.annotations(screen.article.id) == []


@app_test
async def test_accepting_tags_with_the_speaker_and_one_undo_takes_it_back(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot)
        await pilot.press("y")
        (tag,) = store.annotations(screen.article.id, ANNOTATOR)
        assert (tag.sentence, tag.label, tag.attribution, tag.origin) == (
            QUOTED,
            "quote",
            SPEAKER,
            "suggestion",
        )
        assert screen.view.cursor != QUOTED  # moved on, as after any tag
        first = drawn(screen, QUOTED)[0]
        assert "Q? " not in first and "Q  " in first  # a tag now: the letter alone
        joined = " ".join(line.strip() for line in drawn(screen, QUOTED))
        assert joined.endswith(f"— {SPEAKER}")  # the speaker stays on screen, confirmed
        await pilot.press("u")
        assert store.annotations(screen.article.id) == []
        assert screen.view.cursor == QUOTED
        assert screen.session is not None and screen.session.suggestion(QUOTED) is not None


@app_test
async def test_a_label_key_overrides_the_suggestion(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot)
        await pilot.press("1")
        (tag,) = store.annotations(screen.article.id, ANNOTATOR)
        assert (tag.label, tag.attribution, tag.origin) == ("claim", None, "analyst")
        assert screen.session is not None and screen.session.suggestion(QUOTED) is None


@app_test
async def test_a_rejected_suggestion_stays_rejected_after_a_restart(
    store: Store, analyser: Analyser, sample_path: Path
) -> None:
    app = build_app(sample_path, store=store, analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot)
        await pilot.press("d")
        assert screen.session is not None and screen.session.suggestion(QUOTED) is None
        assert "?" not in drawn(screen, QUOTED)[0][:8]
        await pilot.press("y")  # nothing left to accept here
        assert store.annotations(screen.article.id) == []
    again = build_app(sample_path, store=Store(store.root), analyser=analyser)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await entities_ready(pilot)
        session = screen.session
        assert session is not None
        await wait_for(pilot, lambda: session.suggestions)
        assert session.suggestion(QUOTED) is None
        assert session.suggestion(QUOTED + 1) is not None


@app_test
async def test_accepting_all_asks_first(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot)
        session = screen.session
        assert session is not None
        await pilot.press("d")  # one rejected: not accepted with the rest
        pending = session.pending
        assert pending and QUOTED not in pending
        await pilot.press("Y")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        assert store.annotations(screen.article.id) == []
        await pilot.press("Y")
        await pilot.press("enter")  # "Accept all N suggestions"
        tags = store.annotations(screen.article.id, ANNOTATOR)
        assert sorted(t.sentence for t in tags) == pending
        assert all(t.origin == "suggestion" for t in tags)
        assert session.pending == []


@app_test
async def test_the_setting_turns_suggestions_off(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot)
        await pilot.press("s")
        assert app.suggestions is False and screen.suggestions is False
        assert "?" not in drawn(screen, QUOTED)[0][:8]
        assert SPEAKER not in " ".join(drawn(screen, QUOTED))
        await pilot.press("y", "Y")
        assert store.annotations(screen.article.id) == []
        assert not isinstance(app.screen, ChoiceDialog)
        await pilot.press("s")
        assert screen.session is not None and screen.session.suggestion(QUOTED) is not None


@app_test
async def test_who_says_it_completes_any_word_of_a_name(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_quote(pilot, 1)
        await pilot.press("a", "1", "w")  # stay on the sentence; tag it; who says it?
        assert isinstance(app.screen, SpeakerDialog)
        await pilot.press("L", "a", "r")
        assert app.screen.query_one(Input).value == "Lar"
        await pilot.press("down", "enter")
        (tag,) = store.annotations(screen.article.id, ANNOTATOR)
        assert tag.attribution == SPEAKER
        joined = " ".join(line.strip() for line in drawn(screen, 1))
        assert joined.endswith(f"— {SPEAKER}")


@app_test
async def test_the_entity_panel_lists_what_the_entity_says_and_n_jumps_there(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 32)) as pilot:
        screen = await at_quote(pilot)
        await pilot.press("y")  # one quote accepted, the others still suggested
        await pilot.press("e")
        while screen.entity is None or screen.entity.name != SPEAKER:
            await pilot.press("down")
        said = {item.sentence: item for item in screen.panel.said}
        assert QUOTED in said and not said[QUOTED].suggested
        assert said[QUOTED].letter == "Q"
        assert any(item.suggested for item in said.values())
        listed = said_lines(screen.panel.said).plain.splitlines()
        assert listed[0].startswith(f"says: {len(said)}")
        assert any(line.startswith("Q  ") for line in listed)  # the accepted quote
        assert any(line.startswith("Q? ") for line in listed)  # a suggested one
        assert set(said) <= set(screen.targets)
        await pilot.press("escape")  # back to the article, the entity still selected
        screen.view.move_to(0)
        await pilot.press("n")
        assert screen.view.cursor == min(screen.targets)
        for _ in range(len(screen.targets) - 1):
            await pilot.press("n")
        assert set(said) <= set(screen.targets)
