"""Make the README's screenshots from the real app on the sample article.

Usage: python scripts/screenshots.py [OUTPUT_FOLDER [NAME…]]   (default: screenshots/, all)

Writes ``library.svg`` (80×24), ``reader.svg`` (120×34: the reader with the entity panel,
a few sentences tagged, one suggestion accepted and others still suggested, and an entity
selected), ``reader-80x24.svg`` (the same on a small terminal),
``help.svg`` and ``review.svg`` (review mode: three analysts' versions of a sentence, one
of them with a speaker and a note, in a store of its own); ``NAME…`` (``review``) takes
only those. The store, the settings and the analysis
cache live in a temporary folder, so the pictures never show a real analyst's work; the
first run loads spaCy to find the entities.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "articles" / "iran-iraq-military-ties.txt"

Steps = Callable[[Any], Awaitable[None]]


async def _until(pilot: Any, condition: Callable[[], object], timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise SystemExit("screenshots: the app did not get there in time")
        await pilot.pause(0.05)


def team_store(store_class: Any, article: Any) -> str:
    """A store (``team``) where ana, bob and cem tagged the sample differently; its name."""
    from reader.analysis import split_article

    store = store_class(Path("team"))
    sentences = split_article(article)
    tags = {
        "ana": {3: "context", 4: "claim", 7: "quote", 11: "quote", 12: "claim"},
        "bob": {3: "context", 4: "context", 7: "claim", 11: "quote", 12: "quote"},
        "cem": {3: "context", 4: "claim", 7: "quote", 11: "quote", 12: "quote"},
    }
    for annotator, labels in tags.items():
        for index, label in labels.items():
            s = sentences[index]
            speaker = "Ali Larijani" if label == "quote" and index == 7 else None
            store.tag(
                article.id,
                sentence=index,
                start=s.start,
                end=s.end,
                text=s.text,
                label=label,
                annotator=annotator,
                attribution=speaker,
            )
    quoted = sentences[7]
    where = {"start": quoted.start, "end": quoted.end, "annotator": "ana"}
    store.set_note(article.id, **where, note="reported by IRNA, his words")
    return "team"


async def _shoot(app: Any, size: tuple[int, int], steps: Steps, path: Path) -> None:
    async with app.run_test(size=size) as pilot:
        await steps(pilot)
        await pilot.pause(0.2)
        path.write_text(app.export_screenshot(title="reader"), encoding="utf-8")
        print(f"wrote {path}")


async def main(out: Path, only: Sequence[str] = ()) -> None:
    """Take the screenshots (``only``: those named, such as ``review``)."""
    from reader.analysis import Analyser
    from reader.cache import AnalysisCache
    from reader.loaders import load_article
    from reader.store import Store
    from reader.tui.app import ReaderApp
    from reader.tui.screens.library import LibraryScreen
    from reader.tui.screens.reading import ReadingScreen
    from reader.tui.screens.review import ReviewScreen
    from reader.tui.widgets.filter_bar import FilterBar

    work = Path(tempfile.mkdtemp(prefix="reader-screenshots-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    folder = work / "articles"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    os.chdir(work)  # the status line shows the store as given: "store"
    analyser = Analyser(cache=AnalysisCache(work / "cache"))

    def app(
        target: Path, articles: Any = None, store: str = "store", annotator: str = "analyst"
    ) -> ReaderApp:
        made = ReaderApp(
            target,
            articles=articles,
            store=Store(Path(store)),
            annotator=annotator,
            analyser=analyser,
            remember=False,
        )
        made.animation_level = "none"
        return made

    async def reading(pilot: Any) -> None:
        await _until(pilot, lambda: isinstance(pilot.app.screen, ReadingScreen))
        await _until(pilot, lambda: pilot.app.screen.analysis is not None)

    async def reader_steps(pilot: Any) -> None:
        await reading(pilot)
        await _until(pilot, lambda: pilot.app.screen.session.pending)
        # Four tags, one suggestion accepted (its speaker shown), one more tag; the other
        # suggestions stay dim with their ?; the second person selected: what he says.
        await pilot.press("1", "2", "1", "3", "y", "2", "e", "down", "enter")

    async def help_steps(pilot: Any) -> None:
        await reading(pilot)
        await pilot.press("question_mark")

    async def library_steps(pilot: Any) -> None:
        await _until(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen))
        screen = pilot.app.screen
        await _until(pilot, lambda: not screen.query_one("#library-progress").display)
        screen.query_one("#library-filter", FilterBar).cursor_blink = False

    async def review_steps(pilot: Any) -> None:
        await reading(pilot)
        await pilot.press("D")
        await _until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen))
        # One decision made (the memorandum settled on ana's claim), on to the three
        # versions of Larijani's words.
        await pilot.press("1")

    article = load_article(folder / SAMPLE.name)
    out.mkdir(parents=True, exist_ok=True)
    shots = {
        "reader": lambda: _shoot(
            app(folder / SAMPLE.name, [article]), (120, 34), reader_steps, out / "reader.svg"
        ),
        "reader-80x24": lambda: _shoot(
            app(folder / SAMPLE.name, [article]), (80, 24), reader_steps, out / "reader-80x24.svg"
        ),
        "library": lambda: _shoot(
            app(Path("articles")), (80, 24), library_steps, out / "library.svg"
        ),
        "help": lambda: _shoot(
            app(folder / SAMPLE.name, [article]), (100, 34), help_steps, out / "help.svg"
        ),
        "review": lambda: _shoot(
            app(folder / SAMPLE.name, [article], team_store(Store, article), "rita"),
            (80, 24),
            review_steps,
            out / "review.svg",
        ),
    }
    for name, shoot in shots.items():
        if not only or name in only:
            await shoot()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "screenshots", sys.argv[2:])
    )
