"""An entity list line draws exactly as the Rich grid it stands for (issue 15: the grid was
a large part of the entity panel's first render): the same segments, text and styles, for
any name, count and width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from textual._context import active_app
from textual.app import App
from textual.widgets import OptionList

from reader.tui.widgets.entity_line import EntityLine, entity_grid

NAMES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("東京é ‐…"),
    max_size=60,
)


def consoles() -> list[Console]:
    """A true-colour console and an ASCII-only one (reader's ASCII mode)."""
    return [
        Console(width=80, color_system="truecolor", force_terminal=True, legacy_windows=False),
        Console(width=80, color_system="standard", force_terminal=True, safe_box=True),
    ]


@settings(max_examples=300, deadline=None)
@given(
    name=NAMES,
    uncertain=st.booleans(),
    count=st.integers(min_value=0, max_value=100_000),
    width=st.integers(min_value=1, max_value=120),
)
def test_a_line_draws_as_the_grid(name: str, uncertain: bool, count: int, width: int) -> None:
    text = Text.assemble(("? ", "bold"), name, style="dim") if uncertain else Text(name)
    for console in consoles():
        options = console.options.update(width=width)
        grid = list(console.render(entity_grid(text, str(count)), options))
        line = list(console.render(EntityLine(OptionList(), text, str(count)), options))
        assert line == grid


@settings(max_examples=300, deadline=None)
@given(
    name=NAMES,
    uncertain=st.booleans(),
    count=st.integers(min_value=0, max_value=100_000),
    width=st.integers(min_value=1, max_value=120),
)
def test_the_height_the_list_is_told_is_the_height_drawn(
    name: str, uncertain: bool, count: int, width: int
) -> None:
    # The option list sizes itself by each line's height without rendering it (issue 15).
    text = Text.assemble(("? ", "bold"), name, style="dim") if uncertain else Text(name)
    app = App[None]()
    token = active_app.set(app)
    try:
        line = EntityLine(OptionList(), text, str(count))
        drawn = app.console.render_lines(line, app.console_options.update_width(width), pad=False)
        assert line.get_height(OptionList().styles, width) == len(drawn)
    finally:
        active_app.reset(token)


def test_a_line_shows_its_name_and_count_in_its_repr() -> None:
    assert repr(EntityLine(OptionList(), Text("Ali"), "3")) == "EntityLine(<text 'Ali' [] ''>, '3')"
