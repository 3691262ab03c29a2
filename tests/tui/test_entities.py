"""The entity panel: people and organisations, selection, jumping, corrections."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_support import app_test, wait_for
from rich.table import Table
from textual.widgets import OptionList

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.dialogs import RelabelDialog

from .conftest import entities_ready


def option_texts(options: OptionList) -> list[str]:
    """Each option's text: a heading's, or an entity line's name and count."""
    texts = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        if isinstance(prompt, Table):
            cells = [str(column._cells[0]) for column in prompt.columns]
            texts.append(" ".join(cells))
        else:
            texts.append(str(prompt))
    return texts


@app_test
async def test_panel_lists_people_and_organisations_by_count(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await entities_ready(pilot)
        prompts = option_texts(screen.panel.option_list)
        assert prompts[0].startswith("People (")
        assert any(p.startswith("Organisations (") for p in prompts)
        assert prompts[-1].startswith("▸ Places (")  # collapsed
        people = [e for e in screen.panel.entities if e.kind == "person"]
        listed = prompts[1 : 1 + len(people)]
        counts = [int(p.split()[-1]) for p in listed]
        assert counts == sorted(counts, reverse=True)
        assert "Irfan Al Hayali" in listed[0]


@app_test
async def test_selecting_an_entity_marks_it_and_n_jumps(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await entities_ready(pilot)
        await pilot.press("e")  # focus the panel: the first person is selected
        assert screen.entity is not None and screen.entity.name == "Irfan Al Hayali"
        mentioned = sorted(
            {
                s.index
                for s in screen.sentences
                for m in screen.entity.mentions
                if s.start <= m.start < s.end
            }
        )
        assert screen.targets == mentioned
        # In order from the cursor (a new article opens on its body), wrapping around.
        cursor = screen.view.cursor
        ahead = [m for m in mentioned if m >= cursor] + [m for m in mentioned if m < cursor]
        await pilot.press("enter")  # choose: back to the article, at the next mention
        assert screen.view.has_focus
        assert screen.view.cursor == ahead[0]
        await pilot.press("n")
        assert screen.view.cursor == ahead[1]
        await pilot.press("N")
        assert screen.view.cursor == ahead[0]
        await pilot.press("f")
        assert screen.view.shown == mentioned
        await pilot.press("escape", "escape")
        assert screen.view.shown == list(range(len(screen.sentences)))
        assert screen.entity is None and screen.targets == []


@app_test
async def test_places_expand(make_app: Callable[..., ReaderApp], sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await entities_ready(pilot)
        await pilot.press("e", "end", "enter")
        prompts = option_texts(screen.panel.option_list)
        assert any(p.startswith("▾ Places") for p in prompts)
        assert any("Tehran" in p for p in prompts)


@app_test
async def test_reject_and_relabel_are_saved_as_corrections(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await entities_ready(pilot)
        await pilot.press("e")
        name = screen.entity.name if screen.entity else ""
        await pilot.press("L")
        assert isinstance(app.screen, RelabelDialog)
        await pilot.press("down", "enter")  # PERSON -> ORG
        await wait_for(pilot, lambda: store.entity_corrections(screen.article.id))
        correction = store.entity_corrections(screen.article.id)[0]
        assert (correction.kind, correction.name, correction.label) == ("relabel", name, "ORG")
        await wait_for(
            pilot, lambda: any(e.name == name and e.label == "ORG" for e in screen.panel.entities)
        )
        await pilot.press("e")
        target = screen.entity
        assert target is not None
        await pilot.press("R")
        await wait_for(pilot, lambda: len(store.entity_corrections(screen.article.id)) == 2)
        await wait_for(pilot, lambda: all(e.name != target.name for e in screen.panel.entities))


@app_test
async def test_entities_fill_in_after_a_cold_analysis(
    make_app: Callable[..., ReaderApp], sample_path: Path, fresh_analyser: Analyser
) -> None:
    app = make_app(sample_path, analyser=fresh_analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await entities_ready(pilot)
        assert screen.panel.entities
        assert fresh_analyser.cached(screen.article) is not None  # cached for next time


@app_test
async def test_a_cold_analysis_runs_in_a_child_process(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    from reader.cache import AnalysisCache

    unloaded = Analyser(cache=AnalysisCache(tmp_path / "child-cache"))
    app = make_app(sample_path, analyser=unloaded)
    assert app.use_analysis_process
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await entities_ready(pilot)
        assert any(e.name == "Irfan Al Hayali" for e in screen.panel.entities)
        assert not unloaded.loaded  # spaCy never came into the app's process
