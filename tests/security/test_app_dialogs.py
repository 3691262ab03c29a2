"""Every screen and dialog of the app with hostile names, in a real terminal (pyte) and in
process: the export dialog's default path, completions, notes, speakers, the tally, help,
the palette. Nothing the strings carry reaches the terminal active (issue 10)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from app_support import app_test, wait_for

from reader.analysis import Analysis, split_article
from reader.entities import Entity, Mention
from reader.loaders import load_article
from reader.store import Store

from .apphelpers import make_app, reading_screen
from .hostile import contains_forbidden
from .terminal import CTRL_Q, ESCAPE, app_env, pty_app, reader_command

HOSTILE_NAME = "pact\x1b]0;PWNED-NAME\x07\x1b]52;c;cm0gLXJmIH4=\x07\u202e[b].txt"
ARTICLE = "Pact signed\n\nMaria Lopez met the United Nations in Paris. The deal was done.\n"


@pytest.mark.slow
def test_every_dialog_with_hostile_names_in_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "dir\x1b]2;PWNED-DIR\x07"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(ARTICLE, encoding="utf-8")
    argv = reader_command(folder.name, "--db", "db", "--annotator", "ana[bold]x")
    env = app_env({"XDG_DATA_HOME": str(tmp_path / "data")})
    with pty_app(argv, env, size=(100, 30), cwd=tmp_path) as app:
        app.wait_for_text("Pact signed")
        app.send(b"?", settle=0.5)  # help in the library
        app.send(ESCAPE)
        app.send(b"\r", settle=1.0)  # open the article
        app.wait_for_text("Maria Lopez met")
        app.send(b"\x05", settle=0.8)  # ctrl+e: the export dialog, with the default path
        assert "pact\u241b]0;PWNED-NAME\u2407" in app.text()
        app.send(ESCAPE)
        app.send(b"1")
        app.send(b"k")
        app.send(b"w", settle=0.5)
        app.send("x\u202ey\x1b]0;PWNED-W\x07".encode(), settle=0.3)
        app.send(b"\r", settle=0.5)
        app.send(b"m", settle=0.5)
        app.send("note \u202e[red]x".encode(), settle=0.3)
        app.send(b"\r", settle=0.5)
        app.wait_for_text("note: note")
        app.send(b"T", settle=0.5)  # the tally, with the speaker
        app.send(ESCAPE)
        app.send(b"\x10", settle=0.8)  # ctrl+p: the palette
        app.send(ESCAPE)
        app.send(CTRL_Q)
        assert app.wait_exit() == 0
        assert all("PWNED" not in title for title in app.screen.titles)
        raw = bytes(app.raw)
    assert contains_forbidden(raw) == []
    assert b"Traceback" not in raw


@app_test
async def test_a_completion_with_a_bidi_override_is_drawn_inertly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = make_app(path, Store(tmp_path / "store"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await reading_screen(pilot)
        article = screen.article
        name = "Maria \u202eLopez\u202c"
        start = article.text.index("Maria")
        entity = Entity(name, "PERSON", (Mention(start, start + 11, "Maria Lopez"),))
        screen._analysis_ready(
            screen.AnalysisReady(Analysis(article, split_article(article), (entity,), "x"))
        )
        await pilot.press("1", "k", "w", "M", "a")
        await pilot.pause()
        field = app.screen.query_one("#dialog-input")
        drawn = field.render_line(0).text  # type: ignore[attr-defined]
        assert "Lopez" in drawn and "\u202e" not in drawn and "\u202c" not in drawn
        await pilot.press("right", "enter")  # the completion: the real name is saved
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.session is not None
        assert screen.session.speaker(screen.view.cursor) == name


@pytest.mark.skipif(os.name != "posix", reason="byte file names")
@app_test
async def test_a_file_name_that_is_not_utf8_exports_or_says_why(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xff.txt"
    with open(raw, "w", encoding="utf-8") as stream:
        stream.write(ARTICLE)
    path = Path(os.fsdecode(raw))
    store = Store(tmp_path / "store")
    app = make_app(path, store)
    app.articles = [load_article(path)]
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await reading_screen(pilot)
        await pilot.press("1", "ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#export-path")
        drawn = field.render_line(0).text  # type: ignore[attr-defined]
        assert "\udcff" not in drawn and "caf\ufffd" in drawn
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: any(
                "Exported" in n.message or "cannot write" in n.message for n in app._notifications
            ),
        )
        assert all("\udcff" not in n.message for n in app._notifications)


def test_the_app_draws_strings_through_one_filter() -> None:
    # reader/tui/display.py's shown() is the one filter; nothing else in the app calls
    # visible() (which would skip the ASCII glyph set) or draws untrusted text another way.
    root = Path(__file__).resolve().parents[2] / "reader" / "tui"
    callers = [
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "visible(" in path.read_text(encoding="utf-8")
    ]
    assert callers == ["display.py"]
