"""The entity panel: people and organisations, selection, jumping, corrections."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_support import app_test, wait_for
from textual.widgets import OptionList

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.choice import ChoiceDialog
from reader.tui.screens.dialogs import RelabelDialog
from reader.tui.widgets.entity_line import EntityLine
from reader.tui.widgets.entity_panel import entity_details

from .conftest import entities_ready


def option_texts(options: OptionList) -> list[str]:
    """Each option's text: a heading's, or an entity line's name and count."""
    texts = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        if isinstance(prompt, EntityLine):
            texts.append(f"{prompt.name} {prompt.count}")
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
        # n/N also reach what it says (suggested here) where it is not named.
        says = {item.sentence for item in screen.panel.said}
        assert says - set(mentioned)
        targets = sorted({*mentioned, *says})
        assert screen.targets == targets
        # In order from the cursor (a new article opens on its body), wrapping around.
        cursor = screen.view.cursor
        ahead = [t for t in targets if t >= cursor] + [t for t in targets if t < cursor]
        await pilot.press("enter")  # choose: back to the article, at the next target
        assert screen.view.has_focus
        assert screen.view.cursor == ahead[0]
        await pilot.press("n")
        assert screen.view.cursor == ahead[1]
        await pilot.press("N")
        assert screen.view.cursor == ahead[0]
        await pilot.press("f")
        assert screen.view.shown == targets
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


@app_test
async def test_an_uncertain_entity_is_marked_and_says_why(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 32)) as pilot:
        screen = await entities_ready(pilot)
        daesh = next(e for e in screen.panel.entities if e.name == "Daesh")
        assert daesh.uncertain  # spaCy: ORG x2, GPE x1
        listed = option_texts(screen.panel.option_list)
        assert "? Daesh 3" in listed
        assert "Irfan Al Hayali 7" in listed  # sure of itself: no mark
        details = entity_details(daesh).plain
        assert "? uncertain: 67% of the evidence says ORG" in details
        assert "why: spaCy: ORG x2; spaCy: GPE x1" in details


@app_test
async def test_merge_picks_the_target_from_a_list(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 32)) as pilot:
        screen = await entities_ready(pilot)
        await pilot.press("e")
        while screen.entity is None or screen.entity.name != "Ali Shamkhani":
            await pilot.press("down")
        await pilot.press("M")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.choices[0][0] == "Irfan Al Hayali"  # people first, most mentioned
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: store.entity_corrections(screen.article.id))
        (merge,) = store.entity_corrections(screen.article.id)
        assert (merge.kind, merge.name, merge.target) == ("merge", "Ali Shamkhani", "Ali Larijani")
        await wait_for(pilot, lambda: all(e.name != "Ali Shamkhani" for e in screen.panel.entities))
        larijani = next(e for e in screen.panel.entities if e.name == "Ali Larijani")
        assert "Shamkhani" in {m.text for m in larijani.mentions}


@app_test
async def test_split_picks_a_form_of_the_entity(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(120, 32)) as pilot:
        screen = await entities_ready(pilot)
        await pilot.press("e")  # Irfan Al Hayali, written "Hayali" too
        assert screen.entity is not None and screen.entity.name == "Irfan Al Hayali"
        await pilot.press("S")
        assert isinstance(app.screen, ChoiceDialog)
        assert [value for value, _ in app.screen.choices] == ["Hayali"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: store.entity_corrections(screen.article.id))
        (split,) = store.entity_corrections(screen.article.id)
        assert (split.kind, split.name, split.target) == ("split", "Irfan Al Hayali", "Hayali")
        await wait_for(pilot, lambda: any(e.name == "Hayali" for e in screen.panel.entities))
        whole = next(e for e in screen.panel.entities if e.name == "Irfan Al Hayali")
        assert {m.text for m in whole.mentions} == {"Irfan Al Hayali"}


@app_test
async def test_words_selected_from_the_keyboard_become_an_entity(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await entities_ready(pilot)
        sentence = next(
            s.index for s in screen.sentences if "state broadcaster's website" in s.text
        )
        screen.view.move_to(sentence)
        await pilot.press("v")
        assert screen.view.selecting
        words = screen.sentences[sentence].text.split()
        first = next(n for n, w in enumerate(words) if w == "state")
        await pilot.press(*["l"] * first)
        assert screen.view.selected_text == "state"
        await pilot.press("L", "shift+right", "H")  # extend two words, then back one
        assert screen.view.selected_text == "state broadcaster's"
        await pilot.press("L")
        assert screen.view.selected_text == "state broadcaster's website"
        await pilot.press("right")  # a move without shift selects one word again
        assert screen.view.selected_text == "quoted"
        await pilot.press("left", "shift+left", "shift+left")
        assert screen.view.selected_text == "state broadcaster's website"
        await pilot.press("enter")
        assert isinstance(app.screen, RelabelDialog)
        assert not screen.view.selecting
        await pilot.press("down", "enter")  # ORG
        await wait_for(pilot, lambda: store.entity_corrections(screen.article.id))
        (added,) = store.entity_corrections(screen.article.id)
        assert (added.kind, added.name, added.label) == (
            "add",
            "state broadcaster's website",
            "ORG",
        )
        await wait_for(
            pilot,
            lambda: any(e.name == "state broadcaster's website" for e in screen.panel.entities),
        )
        # Escape leaves a selection first; L is relabel again once nothing is selected.
        await pilot.press("v", "escape")
        assert not screen.view.selecting and isinstance(app.screen, type(screen))
