"""The rules that suggest ``quote`` and a speaker (see :mod:`reader.attribution`): the two
passes over an article's body sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.article import Article
from reader.attribution.cues import Cue, find_cues
from reader.attribution.model import Sentence, Suggestion
from reader.attribution.quotes import Quotation, find_quotations
from reader.attribution.speakers import UNNAMED, Context, Mentions, Resolved, resolve
from reader.entities import Entity
from reader.syntax import Parse


@dataclass
class _Found:
    """What the first pass found in one sentence."""

    sentence: Sentence
    quotations: list[Quotation]
    cue: tuple[int, int] | None = None
    speaker: Resolved | None = None


def suggest(
    article: Article,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    parse: Parse,
) -> tuple[Suggestion, ...]:
    """Suggest ``quote`` and a speaker for each body sentence that quotes or reports speech.

    Args:
        article: The article (its text and blocks).
        sentences: Its sentences.
        entities: Its consolidated entities; speakers are named by their canonical names.
        parse: The model's dependency parse (without one, only quotation marks are read
            and every speaker is unnamed).

    Returns:
        One suggestion per quoting sentence, in sentence order.
    """
    text = article.text
    body = [s for s in sentences if s.block == "paragraph"]
    quotations = {
        index: find_quotations(text, article.blocks[index].start, article.blocks[index].end)
        for index in sorted({s.block_index for s in body})
    }
    spans = sorted((q.start, q.end) for found in quotations.values() for q in found)
    starts = [start for start, _ in spans]

    def quoted(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and spans[index][0] < offset < spans[index][1]

    mentions = Mentions(text, entities)
    context = Context()
    mentions.gender_of_titles(context)
    found: list[_Found] = []
    for sentence in body:
        inside = [
            q
            for q in quotations[sentence.block_index]
            if q.start < sentence.end and sentence.start < q.end
        ]
        here = [q for q in inside if q.substantial]
        row = _Found(sentence, here)
        found.append(row)
        if not any(char.isalpha() for char in sentence.text) or _headline(article, sentence):
            row.quotations = []
            continue
        tokens = parse.between(sentence.start, sentence.end)
        cues = find_cues(text, parse, tokens, quoted)
        colon = sentence.text.rstrip().endswith(":")
        cue = _best(cues, bool(here) or colon, bool(inside), parse, mentions, context)
        if cue is not None:
            verb, resolved = cue
            row.cue = (parse.tokens[verb.verb].start, verb.end)
            row.speaker = resolved
            if resolved.name is not None and resolved.kind is not None:
                context.note(resolved.name, resolved.kind)
            elif resolved.how == "unnamed" and resolved.kind == "person":
                context.note_unnamed()
        _note_subjects(parse, tokens, mentions, context)
    _continue_quotations(found)
    _continue_lists(article, found)
    return tuple(
        Suggestion(
            row.sentence.index,
            "quote",
            row.speaker.name if row.speaker else None,
            row.cue,
        )
        for row in found
        if row.cue is not None
    )


def _best(
    cues: list[Cue],
    has_quotation: bool,
    has_marks: bool,
    parse: Parse,
    mentions: Mentions,
    context: Context,
) -> tuple[Cue, Resolved] | None:
    """The cue that reports the sentence (the shallowest in the tree that has a speaker)
    and its resolved speaker. A weak verb counts only with a quotation or a clause, a
    speech act only with quotation marks or a named speaker."""
    chosen: tuple[Cue, Resolved] | None = None
    for cue in sorted(cues, key=lambda c: (c.speaker is None, c.depth, c.verb)):
        if cue.speaker is None:
            resolved = UNNAMED
        else:
            resolved = resolve(parse, cue.speaker, mentions, context)
        if cue.strength == "weak" and not (has_quotation or has_marks or cue.clause):
            continue
        if cue.strength == "act" and not (has_quotation or has_marks or resolved.how == "name"):
            continue
        chosen = cue, resolved
        break
    return chosen


def _note_subjects(parse: Parse, tokens: range, mentions: Mentions, context: Context) -> None:
    """Record the people and organisations that are subjects in the sentence; a subject
    "he" or "she" keeps its referent current (and tells its gender)."""
    for i in tokens:
        token = parse.tokens[i]
        if token.dep not in ("nsubj", "nsubjpass"):
            continue
        if token.tag == "PRP":
            resolved = resolve(parse, i, mentions, context)
            if resolved.how == "pronoun" and resolved.name and resolved.kind:
                context.note(resolved.name, resolved.kind)
            continue
        entity = mentions.at(token.start, token.end)
        if entity is not None:
            context.note(entity.name, entity.kind)


def _continue_quotations(found: list[_Found]) -> None:
    """Give quoted sentences with no cue of their own the speaker of their quotation."""
    by_quotation: dict[Quotation, Resolved] = {}
    for row in found:
        if row.speaker is not None:
            for quotation in row.quotations:
                by_quotation.setdefault(quotation, row.speaker)
    previous: _Found | None = None  # the last quoting sentence, for the next paragraph
    for index, row in enumerate(found):
        if row.cue is None and row.quotations:
            speaker = next((by_quotation[q] for q in row.quotations if q in by_quotation), None)
            if speaker is None:
                speaker = _nearest_in_paragraph(found, index)
            if speaker is None and previous is not None:
                opens = row.quotations[0].start
                first = row.sentence.start <= opens < row.sentence.start + 2
                if first and previous.sentence.block_index < row.sentence.block_index:
                    speaker = previous.speaker
            row.speaker = speaker
            first_mark = max(row.quotations[0].start, row.sentence.start)
            row.cue = (first_mark, first_mark + 1)
        if row.cue is not None:
            previous = row


def _nearest_in_paragraph(found: list[_Found], index: int) -> Resolved | None:
    block = found[index].sentence.block_index
    for distance in range(1, len(found)):
        for other in (index + distance, index - distance):
            if 0 <= other < len(found) and found[other].sentence.block_index == block:
                row = found[other]
                if row.speaker is not None:
                    return row.speaker
    return None


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]|\d+[.)])\s|^\s*[a-z]")


def _headline(article: Article, sentence: Sentence) -> bool:
    """A paragraph of one line with no closing punctuation: a related headline or a
    link ("Sudan's army says it repelled attack on El Obeid"), not the article's prose."""
    block = article.blocks[sentence.block_index]
    body = article.block_text(block).strip()
    return (
        sentence.text.strip() == body
        and not body.endswith((".", "!", "?", ":", '"', "\u201d", "\u2019", "\u00bb", "'", ")"))
        and not _BULLET.match(body)
    )


def _continue_lists(article: Article, found: list[_Found]) -> None:
    """The items of a list that a quoting sentence opens with a colon ("She listed three
    grounds:") are quoted too, by the same speaker."""
    opener: _Found | None = None
    for row in found:
        if opener is not None:
            if row.cue is None and _BULLET.match(row.sentence.text):
                row.cue = (row.sentence.start, row.sentence.start + 1)
                row.speaker = opener.speaker
                continue
            if row.sentence.block_index != opener.sentence.block_index:
                opener = None
        if row.cue is not None and row.sentence.text.rstrip().endswith(":"):
            opener = row
