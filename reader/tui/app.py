"""The Textual app: a library of articles, a reading screen for each, help and a palette."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App
from textual.screen import Screen

from reader.analysis import Analyser
from reader.article import Article
from reader.config import load_settings, save_settings
from reader.errors import ReaderError
from reader.labels import LabelSet
from reader.reading.analysis_process import collect
from reader.reading.analysis_process import start as start_analysis
from reader.safe_text import visible
from reader.store import Store
from reader.tui.commands import APP_COMMANDS, bindings
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.status import status_text

if TYPE_CHECKING:
    from textual.command import Provider


def actions_provider() -> type[Provider]:
    """The palette's provider of reader's actions, imported when the palette opens."""
    from reader.tui.palette import ActionsProvider

    return ActionsProvider


class ReaderApp(App[None]):
    """Read articles and tag their sentences.

    Args:
        target: A folder (opens the library) or an article file (opens it).
        articles: The articles of ``target`` if already loaded (the command line loads a
            file first to report errors before the app starts). One article opens the
            reading screen; several (a corpus file) open the library.
        store: The annotation store.
        annotator: Who is tagging.
        analyser: Finds entities (tests share one with a loaded pipeline).
        remember: Read and write the theme and other settings in the config folder.
        analysis_process: Find entities in a child process (see
            :mod:`reader.reading.analysis_process`); default: unless the analyser's pipeline
            is already loaded (tests share one).
        early_analysis: A child already analysing ``articles`` (started by the command
            line before Textual was imported, so that spaCy loads while the app starts).
        warnings: What the loader skipped in ``target`` (shown once the app is up).
    """

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {actions_provider}
    COMMAND_LIST = APP_COMMANDS
    BINDINGS = bindings(APP_COMMANDS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(
        self,
        target: Path,
        *,
        articles: Sequence[Article] | None = None,
        store: Store,
        annotator: str,
        analyser: Analyser,
        remember: bool = True,
        analysis_process: bool | None = None,
        early_analysis: subprocess.Popen[str] | None = None,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.target = target
        self.articles = list(articles) if articles is not None else None
        self.store = store
        self.annotator = annotator
        self.analyser = analyser
        self.remember = remember
        #: One spaCy run at a time: the library's background analysis and an opened
        #: article's share the pipeline.
        self.model_lock = threading.Lock()
        self.use_analysis_process = (
            not analyser.loaded if analysis_process is None else analysis_process
        )
        self._processes: set[subprocess.Popen[str]] = set()
        #: Set when the app is on its way out: workers must not start anything slow
        #: (Python waits for worker threads before the process can exit).
        self.closing = False
        #: How many unsaved tags the analyst was last warned about (see confirm_unsaved).
        self._unsaved_warned = 0
        self._process_lock = threading.Lock()
        self._early = early_analysis
        self._load_warnings = list(warnings)
        self._early_ids = {a.id for a in self.articles or ()} if early_analysis else set()
        self.settings: dict[str, Any] = load_settings() if remember else {}
        self.auto_advance: bool = bool(self.settings.get("auto_advance", True))
        self.panel_visible: bool = bool(self.settings.get("entity_panel", True))
        self._labels: LabelSet | None = None

    @property
    def labels(self) -> LabelSet:
        """The store's label set (read once per app; the command line checked it)."""
        if self._labels is None:
            self._labels = self.store.labels
        return self._labels

    def on_mount(self) -> None:
        """Apply the remembered theme and keys."""
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        keys = self.settings.get("keys")
        if isinstance(keys, dict):
            self.set_keymap({str(k): str(v) for k, v in keys.items()})
        self.show_load_warnings(self._load_warnings)
        self.theme_changed_signal.subscribe(
            self, lambda theme: self.save_setting("theme", theme.name)
        )

    def save_setting(self, key: str, value: object) -> None:
        """Remember one setting in settings.json (unless the app was told not to)."""
        if not self.remember or self.settings.get(key) == value:
            return
        self.settings[key] = value
        try:
            save_settings(self.settings)
        except ReaderError as error:
            self.notify(visible(error.message), title="Settings", severity="warning", markup=False)

    def analyse_elsewhere(
        self,
        articles: Sequence[Article],
        on_done: Callable[[str, str | None], None] | None = None,
    ) -> set[str]:
        """Analyse articles in a child process (call from a worker thread); the ids cached.

        The command line may have started the child already, before Textual was even
        imported (``early_analysis``): then this waits for that one.
        """
        wanted = {article.id for article in articles}
        with self._process_lock:
            early, self._early = self._early, None
        try:
            if early is not None and wanted <= self._early_ids:
                process = early
            else:
                if early is not None:
                    early.kill()
                process = start_analysis(self.analyser, articles)
            self._processes.add(process)
            return collect(process, on_done)
        except OSError:
            return set()
        finally:
            self._processes = {p for p in self._processes if p.poll() is None}

    def on_unmount(self) -> None:
        """Stop any analysis still running in a child process."""
        self.closing = True
        for process in [*self._processes, *([self._early] if self._early else [])]:
            if process.poll() is None:
                process.kill()

    def set_auto_advance(self, value: bool) -> None:
        """Switch moving on after a tag, and remember the choice."""
        self.auto_advance = value
        self.save_setting("auto_advance", value)

    def show_load_warnings(self, warnings: Sequence[str]) -> None:
        """Say what the loader skipped (the first few lines, and how many more)."""
        if not warnings:
            return
        shown = [visible(w) for w in warnings[:3]]
        if len(warnings) > 3:
            shown.append(f"… and {len(warnings) - 3} more")
        self.notify("\n".join(shown), title="Skipped", severity="warning", timeout=12, markup=False)

    def status_text(self, **progress: Any) -> Text:
        """The status line for the reading screen (see :func:`status_text`)."""
        return status_text(annotator=self.annotator, store=str(self.store.root), **progress)

    def action_help(self) -> None:
        """Show every key of the current screen."""
        from reader.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.screen))

    def confirm_unsaved(self, doing: str) -> bool:
        """Whether to go ahead and ``doing`` (quit, go back) although tags are unsaved.

        The first time there are unsaved tags it warns and says no; asked again, yes.
        """
        unsaved = sum(
            len(screen.session.unsaved)
            for screen in self.screen_stack
            if isinstance(screen, ReadingScreen) and screen.session is not None
        )
        if not unsaved or self._unsaved_warned == unsaved:
            return True
        self._unsaved_warned = unsaved
        tags = "tag is" if unsaved == 1 else "tags are"
        message = f"{unsaved} {tags} not saved: ctrl+s tries again. Again to {doing} anyway."
        self.notify(
            message,
            title="Unsaved tags",
            severity="warning",
            timeout=10,
            markup=False,
        )
        return False

    async def action_quit(self) -> None:
        """Quit; every tag is saved already (unsaved ones are warned of first), the
        position is saved now."""
        if not self.confirm_unsaved("quit"):
            return
        self.closing = True
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.save_position()
        self.exit()

    def get_default_screen(self) -> Screen[Any]:
        """The article (one article given) or the library: the first thing painted."""
        if self.articles is not None and len(self.articles) == 1:
            return ReadingScreen(self.articles[0])
        from reader.tui.screens.library import LibraryScreen  # only when there is a library

        return LibraryScreen(self.target, self.articles)
