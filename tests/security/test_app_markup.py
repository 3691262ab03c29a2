"""Markup injection into the app's own messages: notifications quote searches, file names
and store paths, and Textual parses notification text as markup unless told not to. A
search for ``[/]`` used to crash the app (MarkupError) and ``[@click=app.quit]`` made a
clickable action; these tests type them, with notifications on, as an analyst would.
"""

from __future__ import annotations

import ast
from pathlib import Path

from app_support import app_test, wait_for
from textual.widgets._toast import Toast

from reader.store import Store

from .apphelpers import make_app, reading_screen

SAMPLE = Path(__file__).resolve().parents[2] / "articles" / "iran-iraq-military-ties.txt"
TUI = Path(__file__).resolve().parents[2] / "reader" / "tui"
QUERIES = ["[/]", '[link="a]b', "[@click=app.quit]quit[/]", "[bold]x", "\x1b]0;t\x07"]


def _toasts(app: object) -> list[str]:
    return [str(toast.render().plain) for toast in app.screen.query(Toast)]  # type: ignore[attr-defined]


@app_test
async def test_searching_for_markup_shows_it_literally(tmp_path: Path) -> None:
    app = make_app(SAMPLE, Store(tmp_path / "store"))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await reading_screen(pilot)
        for query in QUERIES:
            await pilot.press("slash", *query, "enter")
            await pilot.pause()
            await wait_for(pilot, lambda: any("Not found" in t for t in _toasts(app)))
            app.clear_notifications()
            await pilot.pause()
        assert app.is_running and app.return_code is None
    assert app._exception is None


@app_test
async def test_a_failed_save_quoting_a_hostile_store_path_shows_it_literally(
    tmp_path: Path,
) -> None:
    root = tmp_path / 'db[link="a]b[@click=app.quit]x'
    store = Store(root)
    app = make_app(SAMPLE, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await reading_screen(pilot)
        # A folder where the save's temporary file must go: the save fails, as root too.
        (root / "articles" / f"{screen.article.id}.json.tmp").mkdir()
        await pilot.press("1")
        await wait_for(pilot, lambda: any("a folder is in the way" in t for t in _toasts(app)))
        shown = " ".join(_toasts(app))
        assert '[link="a]b[@click=app.quit]x' in shown.replace("\n", " ")
        assert screen.view.unsaved == {3}
        assert app.is_running
    assert app._exception is None


def test_every_notification_in_the_app_is_plain_text() -> None:
    # A guard for the next notification someone adds: Textual's notify() parses markup by
    # default, and nearly every message of this app quotes something untrusted.
    unsafe = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "notify"
            ):
                markup = [k for k in node.keywords if k.arg == "markup"]
                if not (
                    markup
                    and isinstance(markup[0].value, ast.Constant)
                    and markup[0].value.value is False
                ):
                    unsafe.append(f"{path.relative_to(TUI)}:{node.lineno}")
    assert unsafe == [], "notify() without markup=False"
