"""Notes and attributions on tags, written in the reading screen and saved at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_support import app_test, wait_for

from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.dialogs import TextDialog
from reader.tui.widgets.article_view import ArticleView

from .conftest import ANNOTATOR, entities_ready, reading


@app_test
async def test_note_and_attribution_are_saved_shown_and_undone(
    make_app: Callable[..., ReaderApp], sample_path: Path, store: Store
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await entities_ready(pilot)
        screen = reading(app)
        view = screen.query_one(ArticleView)
        article = screen.article

        await pilot.press("m")  # no tag yet: nothing to attach a note to
        await pilot.pause()
        assert not isinstance(app.screen, TextDialog)

        await pilot.press("1", "k")  # tag, then back to it
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press(*"check [bold]", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextDialog))
        (tag,) = store.annotations(article.id, ANNOTATOR)
        assert tag.note == "check [bold]"
        assert view.cursor in view.noted

        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press(*"Irfan", "right", "enter")  # right accepts the completion
        await wait_for(pilot, lambda: not isinstance(app.screen, TextDialog))
        (tag,) = store.annotations(article.id, ANNOTATOR)
        assert tag.attribution == "Irfan Al Hayali"

        # Escape leaves it as it was; an empty answer clears it.
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextDialog))
        assert store.annotations(article.id, ANNOTATOR)[0].note == "check [bold]"

        await pilot.press("u")  # undo the attribution
        await pilot.pause()
        (tag,) = store.annotations(article.id, ANNOTATOR)
        assert tag.attribution is None and tag.note == "check [bold]"

        # Clearing the tag removes its note with it, and the gutter mark.
        await pilot.press("0")
        await pilot.pause()
        assert store.annotations(article.id, ANNOTATOR) == []
        assert view.cursor not in view.noted
