"""Who said what: suggest ``quote`` for sentences that quote or report speech, with the
speaker.

The rules read the article's quotation marks (:mod:`.quotes`), its dependency parse for
speech verbs and their subjects (:mod:`.cues`), and its entities to name the speaker
(:mod:`.speakers`). Two passes over the body's sentences, in text order:

1. each sentence with a speech cue outside quotation marks gets the speaker that the cue's
   subject (or object, or apposition) names or refers to; pronouns and descriptions refer
   back to the last person or organisation named as a speaker or subject;
2. each sentence that is quoted but has no cue of its own (a quotation spread over several
   sentences, or a paragraph of quotation after an attributed one) takes the speaker of
   the quotation it belongs to, else of the nearest attributed quotation in its paragraph,
   else of the quotation the previous paragraph left open or ended with.

Only paragraphs are read: titles, bylines, captions and headings quote no one here.

What a suggestion is lives in :mod:`.model`; the rules, in :mod:`.rules`, are imported when
:func:`suggest` is first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.model import Sentence, Suggestion, SuggestionSource

if TYPE_CHECKING:
    from reader.attribution.rules import suggest

__all__ = ["Sentence", "Suggestion", "SuggestionSource", "suggest"]


def __getattr__(name: str) -> object:
    """The rules, imported when first asked for: the app opens an article from its cached
    analysis, whose suggestions need :class:`Suggestion` alone, and importing the rules
    (the quotation, cue and speaker modules and the parse's) would cost every start."""
    if name == "suggest":
        from reader.attribution.rules import suggest

        return suggest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
