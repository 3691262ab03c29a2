"""Suggested labels and speakers on the reading screen: shown, accepted, rejected.

:class:`SuggestingScreen` offers what the analysis suggests (docs/app.md, Suggestions)
through the tagging session; the reading screen builds on it.
"""

from __future__ import annotations

from textual.reactive import var

from reader.analysis import Analysis
from reader.tui.display import shown
from reader.tui.screens.tagging import TaggingScreen


class SuggestingScreen(TaggingScreen):
    """The tagging screen with suggestions offered, accepted and rejected."""

    suggestions: var[bool] = var(True, init=False)
    """Offer suggested labels and speakers (bound to the app's setting)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the suggestion actions while suggestions are hidden."""
        if action in ("accept_suggestion", "reject_suggestion", "accept_all_suggestions"):
            return self.suggestions
        return super().check_action(action, parameters)

    def analysis_changed(self, analysis: Analysis) -> None:
        """Offer the analysis's suggestions (found again after each entity correction)."""
        if self.session is not None:
            self.session.set_suggestions(analysis.suggestions)
            self.refresh_bindings()

    def speakers(self) -> dict[int, tuple[str, str, bool]]:
        """Who says each tagged or suggested sentence, its label, and if it is suggested."""
        session = self.session
        if session is None:
            return {}
        found = {}
        for index in {*session.tags, *session.suggestions}:
            who = session.speaker(index)
            if not who:
                continue
            offered = session.suggestion(index)
            if offered is not None:
                found[index] = (who, offered.label, True)
            elif index in session.tags:
                found[index] = (who, session.tags[index], False)
        return found

    def watch_suggestions(self, shown: bool) -> None:
        """Offer suggestions or not."""
        if self.session is not None:
            self.session.set_shown(shown)
        self.refresh_bindings()

    def action_toggle_suggestions(self) -> None:
        """Show or hide suggestions (remembered)."""
        self.suggestions = not self.suggestions
        self.post_message(self.SettingChanged("suggestions", self.suggestions))
        self.notify(f"Suggestions: {'shown' if self.suggestions else 'hidden'}.", markup=False)

    def action_accept_suggestion(self) -> None:
        """Tag the current sentence as suggested, with its speaker, and move on."""
        session = self.session
        if session is None or self.read_only():
            return
        cursor = self.view.cursor
        outcome = session.accept(cursor)
        if outcome is None:
            self.notify("Nothing is suggested here.", markup=False)
            return
        self._show(outcome)
        self._advance(cursor, outcome)

    def action_reject_suggestion(self) -> None:
        """Reject the current sentence's suggestion for good."""
        session = self.session
        if session is None or self.read_only():
            return
        if session.suggestion(self.view.cursor) is None:
            self.notify("Nothing is suggested here.", markup=False)
            return
        error = session.reject(self.view.cursor)
        if error:
            self.notify(shown(error), title="Not saved", severity="error", markup=False)

    def action_accept_all_suggestions(self) -> None:
        """Ask, then accept every suggestion left in the article."""
        session = self.session
        if session is None or self.read_only():
            return
        count = len(session.pending)
        if not count:
            self.notify("No suggestion is left in this article.", markup=False)
            return
        them = "the suggestion" if count == 1 else f"all {count} suggestions"
        choices = [("yes", f"Accept {them}, with their speakers"), ("no", "Cancel")]

        def answered(answer: str | None) -> None:
            if answer != "yes" or self.session is None:
                return
            outcomes = self.session.accept_all()
            failed = [o for o in outcomes if o.error]
            for outcome in failed[:1] or outcomes[-1:]:
                self._show(outcome)
            saved = len(outcomes) - len(failed)
            self.notify(f"Accepted {saved} suggestion{'s' if saved != 1 else ''}.", markup=False)

        from reader.tui.screens.choice import ChoiceDialog  # not on the first frame

        self.app.push_screen(ChoiceDialog(f"Accept {them}?", choices), answered)
