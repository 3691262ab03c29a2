"""The finding half of the reading screen: the article's entities and the sentences sought.

:class:`FindingScreen` finds the entities (through the app's entity finder), shows them in
the panel, and keeps what is sought: a search or a selected entity, its sentences (the
targets, marked in the article view), and whether only those are shown. The reading
screen builds on it with the tags.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.actions import SkipAction
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input

from reader.analysis import Analysis, split_article
from reader.article import Article
from reader.entities import Entity
from reader.errors import ReaderError
from reader.reading.finding import Span, entity_marks, next_target, said_by, search_marks
from reader.records import EntityCorrection
from reader.tui.display import shown
from reader.tui.screens.base import ReaderScreen
from reader.tui.services import Services
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel, Said

#: Articles up to this many sentences read their cached entities before the first frame.
SYNC_CACHE_SENTENCES = 400


class FindingScreen(ReaderScreen):
    """An article's entities and what is sought in it; subclasses compose the widgets.

    Args:
        article: The article.
        services: The store, the annotator, the labels and the entity finder.
        entity_panel: Show the entity panel.
    """

    entity_panel: var[bool] = var(True, init=False)
    """Show the entity panel (bound to the app's setting)."""

    class AnalysisReady(Message):
        """The article's entities are known (posted from the analysis thread)."""

        def __init__(self, analysis: Analysis) -> None:
            super().__init__()
            self.analysis = analysis

    class AnalysisState(Message):
        """What the analysis thread is doing, for the status line."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class SettingChanged(Message):
        """The analyst changed a setting here (``auto_advance``, ``entity_panel`` or
        ``suggestions``)."""

        def __init__(self, setting: str, value: bool) -> None:
            super().__init__()
            self.setting = setting
            self.value = value

    _view: ArticleView
    _panel: EntityPanel

    def __init__(self, article: Article, services: Services, *, entity_panel: bool = True) -> None:
        super().__init__()
        self.article = article
        self.services = services
        self.set_reactive(FindingScreen.entity_panel, entity_panel)
        self.sentences = split_article(article)
        self.analysis: Analysis | None = None
        self.entities_state = "finding entities…"
        self.entity: Entity | None = None
        self.search_query = ""
        self.targets: list[int] = []
        self.filtered = False
        #: The label whose sentences are under review (``untagged``: those without one).
        self.by_label: str | None = None

    @property
    def view(self) -> ArticleView:
        """The article view."""
        return self._view

    @property
    def panel(self) -> EntityPanel:
        """The entity panel."""
        return self._panel

    def update_status(self) -> None:
        """Redraw the status line (the reading screen has one)."""

    def speakers(self) -> dict[int, tuple[str, str, bool]]:
        """Who says each sentence that someone says: ``(speaker, label, suggested)`` (the
        reading screen knows the tags and suggestions)."""
        return {}

    def analysis_changed(self, analysis: Analysis) -> None:
        """The entities (and suggestions) are known, or known again after a correction."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what does not apply now."""
        if action in ("select_word", "extend_selection", "finish_selection"):
            return self.view.selecting
        if action in ("reject_entity", "relabel_entity", "merge_entity", "split_entity"):
            return self.entity is not None
        if action in ("next_hit", "previous_hit", "toggle_filter"):
            return bool(self.targets) or self.filtered
        return True

    # -- the analysis ----------------------------------------------------------------

    def _start_analysis(self) -> None:
        if len(self.sentences) <= SYNC_CACHE_SENTENCES:
            # A short article's cached entities take a few milliseconds: show them in the
            # first frame rather than a moment after it.
            try:
                cached = self.services.finder.cached(self.article, self.sentences)
                if cached is not None:
                    fixed = cached.with_corrections(self._corrections())
                    self._analysis_ready(self.AnalysisReady(fixed))
                    return
            except ReaderError:
                pass  # the worker tries again and reports the error properly
        # After the first paint, so that the article never waits for the analysis.
        self.call_after_refresh(self._analyse)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def _analyse(self) -> None:
        analysis = self.services.finder.find(
            self.article, lambda state: self.post_message(self.AnalysisState(state))
        )
        if analysis is not None:  # None: the app is closing
            self.post_message(self.AnalysisReady(analysis.with_corrections(self._corrections())))

    def _corrections(self) -> list[EntityCorrection]:
        """The store's entity corrections; none if they cannot be read (said elsewhere)."""
        try:
            return self.services.store.entity_corrections(self.article.id)
        except ReaderError:
            return []

    @on(AnalysisState)
    def _analysis_state(self, message: AnalysisState) -> None:
        self.entities_state = message.text
        self.update_status()

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self.analysis = message.analysis
        self.entities_state = ""
        self.analysis_changed(message.analysis)
        self.view.set_entities(message.analysis.entities)
        self.panel.set_entities(message.analysis.entities)
        if self.entity is not None:
            found = [e for e in message.analysis.entities if e.name == self.entity.name]
            self._select_entity(found[0] if found else None)
        self.update_status()

    @on(ReaderScreen.WorkerFailed)
    def _worker_failed(self, message: ReaderScreen.WorkerFailed) -> None:
        # The app says what failed; here the panel and the status line say it too.
        if message.group == "analysis":
            error = message.error
            text = error.message if isinstance(error, ReaderError) else repr(error)
            self.entities_state = "no entities"
            self.panel.set_failed(f"Could not find entities: {text}")
            self.update_status()

    # -- search and entities ---------------------------------------------------------

    @property
    def sought(self) -> str:
        """What the filter shows, for the status line (``Daesh 3/15``), or ``""``."""
        if not self.filtered:
            return ""
        name = self.by_label or (self.entity.name if self.entity else self.search_query)
        return f"{name} {len(self.view.shown)}/{len(self.sentences)}"

    def _set_targets(self, marks: dict[int, list[Span]], targets: list[int] | None = None) -> None:
        if targets is None:
            self.by_label = None
        self.targets = sorted(marks) if targets is None else targets
        self.view.set_marks(marks)
        if self.filtered:
            self.view.set_shown(self.targets or None)
            self.filtered = bool(self.targets)
        self.refresh_bindings()
        self.update_status()

    def _select_entity(self, entity: Entity | None) -> None:
        self.entity = entity
        if entity is not None:
            self.search_query = ""
        marks = entity_marks(self.sentences, self.view.starts, entity) if entity else {}
        said = self.said_by(entity) if entity else []
        for item in said:  # n/N also reach what it says where it is not named ("he said")
            marks.setdefault(item.sentence, [])
        self.panel.set_said(said)
        self._set_targets(marks)

    def said_by(self, entity: Entity) -> list[Said]:
        """The claims and quotes attributed to ``entity``, recorded or suggested."""
        speakers = self.speakers()
        found = said_by(entity, {index: who for index, (who, _, _) in speakers.items()})
        labels = {label.name: label.letter for label in self.services.labels.labels}
        said = []
        for index in found:
            _, label, suggested = speakers[index]
            text = self.sentences[index].text
            said.append(Said(index, labels.get(label, "?"), suggested, text))
        return said

    def refresh_said(self) -> None:
        """Tags or speakers changed: list again what the selected entity says."""
        if self.entity is not None and self.said_by(self.entity) != self.panel.said:
            self._select_entity(self.entity)

    async def action_search(self) -> None:
        """Open the search bar and give it the focus at once: the keys typed after ``/``,
        queued before the bar exists, go to the bar (the binding has priority)."""
        if self.focused is not None and self.focused.id == "search":
            raise SkipAction()  # in the bar the key is a character of the query
        field = await self.search_bar()
        self.add_class("-searching")
        field.value = self.search_query
        self.set_focus(field)  # not field.focus(): that waits behind the queued keys

    async def search_bar(self) -> Input:
        """The search bar, added under the article the first time it is wanted.

        It is hidden until then, and a widget fewer to build and style before the first
        frame (issue 15).
        """
        found = self.query("#search").results(Input)
        field = next(found, None)
        if field is None:
            field = Input(
                placeholder="Search the article (Enter: find, Escape: cancel)", id="search"
            )
            await self.mount(field, before="#sentence-info")
        return field

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.remove_class("-searching")
        self.view.focus()
        query = event.value.strip()
        self.search_query = query
        if not query:
            self._set_targets({})
            return
        self.entity = None
        self.panel.clear_selection()
        marks = search_marks(self.sentences, query)
        self._set_targets(marks)
        if not marks:
            self.notify(f"Not found: {shown(query)}", severity="warning", markup=False)
        else:
            self._jump(1, include_current=True)
            self.notify(
                f"{len(marks)} sentence{'s' if len(marks) != 1 else ''} match.", markup=False
            )

    def _jump(self, step: int, *, include_current: bool = False) -> None:
        target = next_target(self.targets, self.view.cursor, step, include_current=include_current)
        if target is None:
            self.notify("Search with / or select an entity with e first.", markup=False)
        else:
            self.view.move_to(target)

    def action_next_hit(self) -> None:
        """Next sentence with the search or the entity."""
        self._jump(1)

    def action_previous_hit(self) -> None:
        """Previous sentence with the search or the entity."""
        self._jump(-1)

    def action_toggle_filter(self) -> None:
        """Show only the sentences with hits, or every sentence again."""
        self.filtered = not self.filtered and bool(self.targets)
        self.view.set_shown(self.targets if self.filtered else None)
        if not self.filtered and self.by_label is not None:
            self._set_targets({})  # a review is a filter: dropping one ends the other
        self.refresh_bindings()
        self.update_status()

    def action_focus_entities(self) -> None:
        """Focus the entity panel (showing it if hidden)."""
        if not self.panel.display:
            self.action_toggle_panel()
        self.panel.option_list.focus()
        if self.panel.option_list.highlighted is None and self.panel.entities:
            self.panel.option_list.action_first()

    def action_toggle_panel(self) -> None:
        """Show or hide the entity panel."""
        self.entity_panel = not self.panel.display
        self.post_message(self.SettingChanged("entity_panel", self.entity_panel))

    def watch_entity_panel(self, visible: bool) -> None:
        """Show or hide the entity panel."""
        self.panel.display = visible
        if not visible:
            self.view.focus()

    @on(EntityPanel.Highlighted)
    def _entity_highlighted(self, message: EntityPanel.Highlighted) -> None:
        if message.entity is not None or self.entity is not None:
            self._select_entity(message.entity)

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, message: EntityPanel.Chosen) -> None:
        self._select_entity(message.entity)
        self.view.focus()
        self._jump(1, include_current=True)

    def action_reject_entity(self) -> None:
        """Record that the selected entity is not an entity."""
        if self.entity is not None:
            self._correct(EntityCorrection("reject", self.entity.name))

    def action_relabel_entity(self) -> None:
        """Ask for another type for the selected entity and record it."""
        entity = self.entity
        if entity is None:
            return

        def relabel(label: str | None) -> None:
            if label is not None and label != entity.label:
                self._correct(EntityCorrection("relabel", entity.name, label=label))

        from reader.tui.screens.dialogs import RelabelDialog  # not on the first frame

        self.app.push_screen(RelabelDialog(entity), relabel)

    def action_merge_entity(self) -> None:
        """Pick another entity and merge the selected one into it."""
        entity = self.entity
        if entity is None or self.analysis is None:
            return
        others = sorted(
            (e for e in self.analysis.entities if e.name != entity.name and e.kind != "other"),
            key=lambda e: (e.kind != entity.kind, -e.count, e.name),
        )
        if not others:
            self.notify("There is no other entity to merge into.", markup=False)
            return
        choices = [(e.name, f"{e.name} · {e.label} · {e.count}") for e in others]

        def merge(target: str | None) -> None:
            if target is not None:
                self._correct(EntityCorrection("merge", entity.name, target=target))

        from reader.tui.screens.choice import ChoiceDialog  # not on the first frame

        self.app.push_screen(ChoiceDialog(f"Merge {entity.name} into", choices), merge)

    def action_split_entity(self) -> None:
        """Pick one of the selected entity's forms (an alias) and split it out."""
        entity = self.entity
        if entity is None:
            return
        from reader.entities.names import name_key  # the names' rules: not on the first frame

        forms: dict[str, tuple[str, int]] = {}
        whole = name_key(entity.name)
        for mention in entity.mentions:
            key = name_key(mention.text)
            if key != whole:
                text, count = forms.get(key, (mention.text, 0))
                forms[key] = (text, count + 1)
        if not forms:
            self.notify(f"{shown(entity.name)} is written only one way.", markup=False)
            return
        choices = [
            (text, f"{text} · {n} mention{'s' if n != 1 else ''}") for text, n in forms.values()
        ]

        def split(form: str | None) -> None:
            if form is not None:
                self._correct(EntityCorrection("split", entity.name, target=form))

        from reader.tui.screens.choice import ChoiceDialog  # not on the first frame

        self.app.push_screen(ChoiceDialog(f"Split out of {entity.name}", choices), split)

    def action_select_words(self) -> None:
        """Select words of the current sentence, to add them as an entity."""
        self.view.focus()
        if self.view.start_selection():
            self.notify(
                "h/l move, H/L extend, Enter adds the words as an entity, Escape cancels.",
                title="Select words",
                markup=False,
            )

    def action_select_word(self, delta: int) -> None:
        """Select the word before (-1) or after (1)."""
        self.view.move_selection(delta)

    def action_extend_selection(self, delta: int) -> None:
        """Extend the selection a word to the left (-1) or right (1)."""
        self.view.move_selection(delta, extend=True)

    def action_finish_selection(self) -> None:
        """Ask for the selected words' type and add them as an entity."""
        name = " ".join(self.view.selected_text.split())
        self.view.end_selection()
        if not name:
            return

        def add(label: str | None) -> None:
            if label is not None:
                self._correct(EntityCorrection("add", name, label=label))

        from reader.tui.screens.dialogs import RelabelDialog  # not on the first frame

        self.app.push_screen(RelabelDialog(Entity(name, "PERSON", ())), add)

    def _correct(self, correction: EntityCorrection) -> None:
        try:
            self.services.store.add_entity_correction(
                self.article.id, replace(correction, annotator=self.services.annotator)
            )
        except ReaderError as error:
            self.notify(
                shown(error.message), title="Correction not saved", severity="error", markup=False
            )
            return
        self.notify(f"Saved: {correction.kind} {shown(correction.name)}", markup=False)
        if correction.kind in ("reject", "merge"):
            self.entity = None
            self._set_targets({})
        self._analyse()

    def back_out(self) -> bool:
        """Stop selecting words, close the search, leave the panel, drop the filter or the
        selection: the first
        that applies. Whether there was one."""
        if self.view.selecting:
            self.view.end_selection()
        elif self.has_class("-searching"):
            self.remove_class("-searching")
            self.view.focus()
        elif self.panel.option_list.has_focus:
            self.view.focus()
        elif self.filtered:
            self.action_toggle_filter()
        elif self.targets or self.entity is not None:
            self.entity = None
            self.search_query = ""
            self.panel.clear_selection()
            self._set_targets({})
        else:
            return False
        return True
