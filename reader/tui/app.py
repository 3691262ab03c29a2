"""The Textual app: a library of articles, a reading screen for each, help and a palette."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.reactive import var
from textual.screen import Screen

from reader.analysis import Analyser
from reader.article import Article
from reader.config import load_settings, save_settings
from reader.errors import ReaderError
from reader.reading.finder import EntityFinder
from reader.store import Store
from reader.tui.commands import APP_COMMANDS, bindings
from reader.tui.contrast import legible_variables
from reader.tui.display import ascii_only, choose_glyphs, shown, use_ascii
from reader.tui.screens.base import ReaderScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.services import Services
from reader.tui.stylesheet_cache import CachedStylesheet, StyleCache, supported

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.theme import Theme

    from reader.tui.screens.library import LibraryScreen


def start_collecting() -> None:
    """Turn the garbage collector back on after the first paint, if the command line
    turned it off for the start-up (:func:`reader.cli.main`); a no-op otherwise.

    What exists by then (modules, classes, the stylesheet, the first screen) is frozen
    first: it lives as long as the app, so no later collection looks at it again.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


#: The title of the notification that says a worker of this group failed.
FAILURE_TITLES = {"analysis": "Entities", "export": "Export failed", "library": "Library"}


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
        ascii_glyphs: Draw with ASCII only; default: unless the locale is UTF-8 (decided
            here, once, for the whole app: see :mod:`reader.tui.display`).
        stylesheet_cache: Keep the parsed stylesheet in this file between runs (see
            :mod:`reader.tui.stylesheet_cache`); default: parse it at every start.
    """

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {actions_provider}
    COMMAND_LIST = APP_COMMANDS
    BINDINGS = bindings(APP_COMMANDS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-medium"), (36, "-tall")]

    #: The last theme's CSS variables (see get_css_variables).
    _theme_css: tuple[Theme, dict[str, str]] | None = None
    _style_cache: StyleCache | None = None

    auto_advance: var[bool] = var(True, init=False)
    """Move on to the next untagged sentence after a tag (remembered)."""
    entity_panel: var[bool] = var(True, init=False)
    """Show the entity panel beside (or below) the article (remembered)."""
    suggestions: var[bool] = var(True, init=False)
    """Offer suggested labels and speakers on untagged sentences (remembered)."""

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
        ascii_glyphs: bool | None = None,
        stylesheet_cache: Path | None = None,
    ) -> None:
        # Read before Textual's __init__, which asks for the theme's variables.
        self._style_cache = (
            StyleCache(stylesheet_cache) if stylesheet_cache and supported() else None
        )
        super().__init__()
        if ascii_glyphs is None:
            choose_glyphs()
        else:
            use_ascii(ascii_glyphs)
        self.target = target
        self.articles = list(articles) if articles is not None else None
        self.store = store
        self.annotator = annotator
        self.analyser = analyser
        self.remember = remember
        self.finder = EntityFinder(
            analyser,
            use_process=analysis_process,
            early=early_analysis,
            early_ids=[a.id for a in self.articles or ()],
        )
        self.services = Services(store, annotator, self.finder)
        #: How many unsaved tags the analyst was last warned about (see confirm_unsaved).
        self._unsaved_warned = 0
        self._load_warnings = list(warnings)
        self.settings: dict[str, Any] = load_settings() if remember else {}
        self.set_reactive(ReaderApp.auto_advance, bool(self.settings.get("auto_advance", True)))
        self.set_reactive(ReaderApp.entity_panel, bool(self.settings.get("entity_panel", True)))
        self.set_reactive(ReaderApp.suggestions, bool(self.settings.get("suggestions", True)))
        # The remembered theme is set before the app runs, so that the stylesheet is built
        # with it: set once running, it would make Textual parse and style everything
        # again before the first frame.
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if self._style_cache is not None:  # made after the theme: parsed with its variables
            self.stylesheet = CachedStylesheet(
                self._style_cache, variables=self.get_css_variables()
            )

    @property
    def use_analysis_process(self) -> bool:
        """Whether entities are found in a child process (see :class:`EntityFinder`)."""
        return self.finder.use_process

    def on_mount(self) -> None:
        """Apply the remembered keys."""
        self.call_after_refresh(start_collecting)  # once the first screen is painted
        self.set_class(ascii_only(), "-ascii")
        keys = self.settings.get("keys")
        if isinstance(keys, dict):
            self.set_keymap({str(k): str(v) for k, v in keys.items()})
        self.show_load_warnings(self._load_warnings)
        self.theme_changed_signal.subscribe(
            self, lambda theme: self.save_setting("theme", theme.name)
        )

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with the ``$reader-*`` colours derived from them so that
        all text reads (4.5:1) in every theme (see :mod:`reader.tui.contrast`).

        The last theme's are kept: Textual asks again for the same theme's (the stylesheet
        is made twice at start-up, and again with a remembered theme), and deriving them
        takes a few milliseconds each time.
        """
        theme = self.current_theme
        kept = self._theme_css
        if kept is not None and kept[0] is theme:
            variables = dict(kept[1])
        else:
            variables = super().get_css_variables()
            if self._style_cache is None:
                variables.update(legible_variables(variables, ansi=theme.ansi))
            else:  # kept from an earlier run if the theme's variables are the same
                variables.update(self._style_cache.legible_variables(variables, ansi=theme.ansi))
            self._theme_css = (theme, dict(variables))
        self.theme_variables = variables  # as Textual's own sets them
        return variables

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette entries, less those reader declares itself (Theme, Quit and
        Keys: the help screen), which would otherwise be listed twice."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Theme", "Quit", "Keys"):
                yield command

    def save_setting(self, key: str, value: object) -> None:
        """Remember one setting in settings.json (unless the app was told not to)."""
        if not self.remember or self.settings.get(key) == value:
            return
        self.settings[key] = value
        try:
            save_settings(self.settings)
        except ReaderError as error:
            self.notify(shown(error.message), title="Settings", severity="warning", markup=False)

    def watch_auto_advance(self, value: bool) -> None:
        """Remember whether to move on after a tag."""
        self.save_setting("auto_advance", value)

    def watch_entity_panel(self, value: bool) -> None:
        """Remember whether the entity panel is shown."""
        self.save_setting("entity_panel", value)

    def watch_suggestions(self, value: bool) -> None:
        """Remember whether suggestions are offered."""
        self.save_setting("suggestions", value)

    def on_unmount(self) -> None:
        """Stop any analysis still running in a child process; keep the parsed stylesheet."""
        self.finder.close()
        if isinstance(self.stylesheet, CachedStylesheet):
            self.stylesheet.save()

    def reading_screen(self, article: Article, *, from_library: bool = False) -> ReadingScreen:
        """A reading screen for ``article``, its settings bound to the app's."""
        screen = ReadingScreen(
            article,
            self.services,
            from_library=from_library,
            auto_advance=self.auto_advance,
            entity_panel=self.entity_panel,
            suggestions=self.suggestions,
        )
        return screen.data_bind(
            ReaderApp.auto_advance, ReaderApp.entity_panel, ReaderApp.suggestions
        )

    # The library's messages are handled by name: the library module is imported only
    # when there is a library.
    def on_library_screen_article_chosen(self, message: LibraryScreen.ArticleChosen) -> None:
        """Open the chosen article."""
        self.push_screen(self.reading_screen(message.article, from_library=True))

    def on_library_screen_files_skipped(self, message: LibraryScreen.FilesSkipped) -> None:
        """Say what the library could not read."""
        self.show_load_warnings(message.warnings)

    @on(ReadingScreen.SettingChanged)
    def _setting_changed(self, message: ReadingScreen.SettingChanged) -> None:
        if message.setting == "auto_advance":
            self.auto_advance = message.value
        elif message.setting == "entity_panel":
            self.entity_panel = message.value
        elif message.setting == "suggestions":
            self.suggestions = message.value

    @on(ReadingScreen.Leaving)
    def _leaving(self, message: ReadingScreen.Leaving) -> None:
        if self.confirm_unsaved("go back"):
            message.screen.dismiss()

    @on(ReadingScreen.Neighbour)
    async def _neighbour(self, message: ReadingScreen.Neighbour) -> None:
        from reader.tui.screens.library import LibraryScreen

        library = next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)
        if library is None:
            self.notify(
                "One article only: next and previous are a library's (reader FOLDER).",
                markup=False,
            )
            return
        article = library.neighbour(message.screen.article.id, message.step)
        if article is None:
            end = "last" if message.step > 0 else "first"
            self.notify(f"This is the {end} article of the library.", markup=False)
            return
        if self.confirm_unsaved("open another article"):
            await message.screen.dismiss()
            self.push_screen(self.reading_screen(article, from_library=True))

    @on(ReaderScreen.WorkerFailed)
    def _worker_failed(self, message: ReaderScreen.WorkerFailed) -> None:
        error = message.error
        text = error.message if isinstance(error, ReaderError) else repr(error)
        title = FAILURE_TITLES.get(message.group, "Failed")
        self.notify(shown(text), title=title, severity="error", timeout=10, markup=False)

    def show_load_warnings(self, warnings: Sequence[str]) -> None:
        """Say what the loader skipped (the first few lines, and how many more)."""
        if not warnings:
            return
        lines = [shown(w) for w in warnings[:3]]
        if len(warnings) > 3:
            lines.append(shown(f"… and {len(warnings) - 3} more"))
        self.notify("\n".join(lines), title="Skipped", severity="warning", timeout=12, markup=False)

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
        self.finder.closing = True
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.save_position()
        self.exit()

    def get_default_screen(self) -> Screen[Any]:
        """The article (one article given) or the library: the first thing painted."""
        if self.articles is not None and len(self.articles) == 1:
            return self.reading_screen(self.articles[0])
        from reader.tui.screens.library import LibraryScreen  # only when there is a library

        return LibraryScreen(self.target, self.services, self.articles)
