"""An entity list line draws exactly as the Rich grid it stands for (issue 15: the grid was
a large part of the entity panel's first render): the same segments, text and styles, for
any name, count and width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

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
        line = list(console.render(EntityLine(text, str(count)), options))
        assert line == grid
