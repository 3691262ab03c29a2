"""The one-pass table of ``reader stats`` (:mod:`reader.commands.grid`): Rich's look,
every cell whole, untrusted text inert, on a wide, a narrow and an ASCII console."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from rich.console import Console

from reader.commands.grid import Column, Grid
from reader.safe_text import visible


def render(grid: Grid, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False).print(grid, crop=False)
    return out.getvalue().splitlines()


def sample() -> Grid:
    grid = Grid(
        [Column("article", ratio=3), Column("tagged", "right"), Column("who", ratio=1)],
        title="Annotation progress",
        caption="α: alpha",
        expand=True,
    )
    grid.add_row("A title long enough to wrap over several lines of the column", "3/16", "ana 3")
    grid.add_row("語の見出しは二つの幅", "12/40", "bob 12")
    grid.add_section()
    grid.add_row("total (2 articles)", "15/56", "ana 3, bob 12", bold=True)
    return grid


def words(lines: list[str]) -> str:
    """The text of a table's cells, in reading order, without its frame."""
    return " ".join(
        part.strip() for line in lines for part in line.strip("│┃ ").split("│") if part.strip()
    )


def test_every_line_is_as_wide_as_the_console_and_nothing_is_cut() -> None:
    lines = render(sample(), 60)
    assert lines[0] == "Annotation progress"
    table = lines[1:-1]
    assert table[0].startswith("┏") and table[-1].startswith("└")
    assert {cell_len(line) for line in table} == {60}
    assert lines[-1] == "α: alpha"
    text = " ".join(lines)
    for word in "A title long enough to wrap over several lines of the column".split():
        assert word in text
    assert "3/16" in text and "12/40" in text and "total (2 articles)" in text
    # Right-justified: the figure ends at its column's edge.
    assert any(" 3/16 │" in line for line in table)


def test_wide_characters_are_measured_by_their_cells() -> None:
    lines = render(sample(), 40)
    assert {cell_len(line) for line in lines[1:-1]} == {40}
    assert "語の見出" in "".join(lines).replace(" ", "").replace("│", "")


def test_a_word_wider_than_its_column_is_broken_not_cut() -> None:
    grid = Grid([Column("name", ratio=1), Column("n", "right")], expand=True)
    long = "Supercalifragilisticexpialidocious-and-then-some"
    grid.add_row(long, "1")
    lines = render(grid, 24)
    joined = "".join(line.strip("│┃ ").split("│")[0].strip() for line in lines[3:-1])
    assert joined == long


def test_a_console_too_narrow_overflows_rather_than_loses_text() -> None:
    grid = Grid([Column("a" * 30), Column("b" * 30), Column("wraps", ratio=1)], expand=True)
    grid.add_row("x" * 30, "y" * 30, "some words here")
    lines = render(grid, 20)
    assert "x" * 30 in "\n".join(lines) and "y" * 30 in "\n".join(lines)
    assert "some" in "\n".join(lines)


def test_an_ascii_console_gets_an_ascii_frame() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="backslashreplace")
    Console(file=stream, width=60, highlight=False).print(sample(), crop=False)
    stream.flush()
    text = raw.getvalue().decode("ascii")
    assert "┏" not in text and "+--" in text and "| 3/16 |" not in text
    assert "total (2 articles)" in text


def test_cells_are_never_markup_and_styles_reach_a_terminal() -> None:
    grid = Grid([Column("title", ratio=1)], title="T")
    grid.add_row(visible("[bold red]Hostile[/] \x1b[2J"))
    grid.add_row("total", bold=True)
    out = io.StringIO()
    Console(file=out, width=50, force_terminal=True, color_system="standard").print(grid)
    text = out.getvalue()
    assert "[bold red]Hostile[/] ␛[2J" in text
    assert "\x1b[2J" not in text
    assert "\x1b[1mtotal" in text  # the total row in bold


def test_written_plain_it_is_what_rich_prints_to_a_file() -> None:
    def output(encoding: str, write: Callable[[io.TextIOWrapper], None]) -> bytes:
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="backslashreplace")
        write(stream)
        stream.flush()
        return raw.getvalue()

    for encoding in ("utf-8", "ascii"):
        for width in (40, 60, 120):
            by_rich = output(
                encoding,
                lambda s, w=width: Console(file=s, width=w, highlight=False).print(
                    sample(), crop=False
                ),
            )
            plain = output(encoding, lambda s, w=width: sample().write(s, w))
            assert plain == by_rich


def test_the_output_is_plain_as_rich_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.commands.output import output_width, plain_output

    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for env, expected in (
        ({}, True),
        ({"FORCE_COLOR": "1"}, False),
        ({"FORCE_COLOR": ""}, True),
        ({"TTY_COMPATIBLE": "1"}, False),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True),
    ):
        with monkeypatch.context() as patch:
            for key, value in env.items():
                patch.setenv(key, value)
            stream = io.StringIO()
            assert plain_output(stream) is expected
            assert Console(file=stream).is_terminal is not expected
    monkeypatch.setenv("COLUMNS", "97")
    assert output_width() == Console(file=io.StringIO()).width == 97
