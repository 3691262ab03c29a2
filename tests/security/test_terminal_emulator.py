"""The real app in a real pseudo-terminal, watched by a terminal emulator (pyte), on an
article built to attack the terminal: its title, screen and clipboard stay untouched,
nothing the article tried to send ever leaves the program, and tagging still works.

What Textual itself writes is known (measured on a benign article): SGR colours, cursor
moves, DEC private modes, DECRQM queries, the kitty keyboard protocol and OSC 22 (the
mouse pointer's shape). So the raw output is checked against that list, not only for
the hostile payloads: no other OSC, no DCS/APC/PM/SOS, no C1 control, no bidi override.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from reader.loaders import load_article
from reader.store import Store

from .hostile import BIDI, ESCAPES, ZERO_WIDTH, contains_forbidden
from .terminal import CTRL_Q, app_env, pty_app, reader_command

pytestmark = pytest.mark.slow

#: A file name is shown, not stripped: it is how the analyst finds the file again.
HOSTILE_NAME = "evil\x1b]0;PWNED-NAME\x07\x1b[2J[bold]name[red].txt"
SHOWN_NAME = "evil\u241b]0;PWNED-NAME\u2407\u241b[2J[bold]name[red].txt"

# OSC 22 sets the mouse pointer's shape: Textual's own, and the only OSC it writes.
_OSC = re.compile(rb"\x1b\](\d*)")
_STRING_SEQUENCES = re.compile(rb"\x1b[P_^X]")
_POINTER_SHAPE = re.compile(r";[a-z-]+")


def _article(folder: Path) -> Path:
    escapes = "".join(ESCAPES.values())
    text = "\n".join(
        [
            "[bold]Markup[/bold] title\x1b]0;PWNED-TITLE\x07 stays [link=file:///etc/passwd]x[/]",
            "",
            f"Maria Lopez met{escapes} the United Nations in Paris.",
            "",
            f"Tom Becker said [red]nothing[/red] about {BIDI} and {ZERO_WIDTH} today.",
            "",
            "A plain sentence closes the article.",
            "",
            "Long " + "y" * 2500 + " line.",
            "",
        ]
    )
    path = folder / HOSTILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_hostile_article_cannot_touch_the_terminal(tmp_path: Path) -> None:
    path = _article(tmp_path)
    # The store folder's name is shown in the status line: it may carry controls too.
    db = "db\x1b]2;PWNED-DB\x07"
    argv = reader_command(path.name, "--db", db, "--annotator", "[bold]ana[/]")
    with pty_app(argv, app_env(), size=(100, 30), cwd=tmp_path) as app:
        app.wait_for_text("Maria Lopez met the United Nations")
        app.wait_for_text("People (", timeout=60)  # the entity panel, once spaCy ran
        screen = app.text()
        # Markup is shown as the literal brackets, never applied.
        assert "[bold]Markup[/bold] title stays" in screen
        assert "[link=file:///etc/passwd]x[/]" in screen
        assert "[red]nothing[/red]" in screen
        # The file and store names keep their controls, made visible; names stay literal.
        assert SHOWN_NAME in screen
        assert "db\u241b]2;PWNED-DB\u2407" in screen
        assert "[bold]ana[/]" in screen
        # Bidi overrides and zero-width characters show as the replacement character.
        assert "\ufffdevil\ufffd" in screen and "zero\ufffdwidth" in screen

        app.send(b"1")  # tag the first body sentence as a claim
        app.wait_for_text("\u2713 saved")
        app.send(b"G")  # to the last sentence: the 2,500-character line
        app.wait_for_text("y" * 60)
        app.send(b"3")  # tag it as a quote
        app.wait_for_text("2/")
        app.send(CTRL_Q)
        assert app.wait_exit() == 0

        # The window title and icon name were never set. (pyte reads Textual's OSC 22,
        # the pointer shape, as OSC 2 with the title ";default": those are the only ones.)
        assert all(_POINTER_SHAPE.fullmatch(title) for title in app.screen.titles)
        assert app.screen.icon_names == [] and app.screen.icon_name == ""
        assert "PWNED" not in app.screen.title
        raw = bytes(app.raw)

    # Nothing the article, its name or the annotator name carried left the program active.
    assert contains_forbidden(raw) == []
    assert {number for number in _OSC.findall(raw)} <= {b"22"}
    assert _STRING_SEQUENCES.search(raw) is None
    assert b"Traceback" not in raw

    # The tags are in the store, at the right characters of the article's text.
    article = load_article(path)
    tags = Store(tmp_path / db).annotations(article.id)
    assert [(a.label, a.sentence) for a in tags] == [("claim", 1), ("quote", 4)]
    for tag in tags:
        assert article.text[tag.start : tag.end] == tag.text
    assert tags[1].text.startswith("Long yyy") and len(tags[1].text) > 2500


def test_benign_article_writes_only_what_textual_writes(tmp_path: Path, sample_path: Path) -> None:
    # The control for the test above: the same checks pass on a plain article, so they
    # test the article's content, not Textual's habits.
    with pty_app(
        reader_command(str(sample_path), "--db", str(tmp_path / "db"), "--annotator", "ana"),
        app_env(),
        size=(100, 30),
    ) as app:
        app.wait_for_text("Iran, Iraq vow to boost military ties")
        app.send(CTRL_Q)
        assert app.wait_exit() == 0
        raw = bytes(app.raw)
    assert contains_forbidden(raw) == []
    assert {number for number in _OSC.findall(raw)} <= {b"22"}


def test_the_checks_catch_a_program_that_prints_the_article_raw(tmp_path: Path) -> None:
    # The control the other way: the emulator and the scan do see an attack that gets out.
    path = _article(tmp_path)
    script = "import sys; sys.stdout.write(open(sys.argv[1], encoding='utf-8').read())"
    with pty_app([sys.executable, "-c", script, str(path)], app_env(), size=(100, 30)) as app:
        assert app.wait_exit() == 0
        assert "PWNED-TITLE" in app.screen.titles
        raw = bytes(app.raw)
    found = contains_forbidden(raw)
    for sequence in (b"\x1b]0;", b"\x1b]52;", b"\x1bP", "\u202e"):
        shown = repr(sequence) if isinstance(sequence, bytes) else f"U+{ord(sequence):04X}"
        assert shown in found


def test_library_of_hostile_file_names_cannot_touch_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder)
    # A file that does not load: its row shows the error, which quotes the name.
    broken = 'broken\x1b]52;c;cm0=\x07[link="a]b\u202e.txt'
    (folder / broken).write_bytes(b"\x00\x01binary")
    with pty_app(
        reader_command("articles", "--db", "db", "--annotator", "ana"),
        app_env(),
        size=(120, 30),
        cwd=tmp_path,
    ) as app:
        app.wait_for_text("broken\u241b]52;c;cm0=\u2407")
        app.wait_for_text("[bold]Markup[/bold] title")
        app.send(b"broken")  # filter to the broken row, open it: the error is a notification
        app.send(b"\r", settle=1.0)
        assert "binary" in app.text()
        app.send(CTRL_Q)
        assert app.wait_exit() == 0
        assert all(_POINTER_SHAPE.fullmatch(title) for title in app.screen.titles)
        raw = bytes(app.raw)
    assert contains_forbidden(raw) == []
    assert {number for number in _OSC.findall(raw)} <= {b"22"}
    assert _STRING_SEQUENCES.search(raw) is None
    assert b"Traceback" not in raw
