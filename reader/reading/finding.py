"""Finding sentences: search hits, an entity's mentions, and the next one of them.

Pure functions over sentences, so that search and entity jumps are tested without the app.
Marks are spans relative to their sentence, as the article view draws them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence

from reader.analysis import Sentence
from reader.entities import Entity

#: A span of a sentence's text, relative to the sentence: ``(start, end)``.
Span = tuple[int, int]
Marks = dict[int, list[Span]]


def sentence_spans(
    sentences: Sequence[Sentence], starts: Sequence[int], start: int, end: int
) -> Iterable[tuple[int, int, int]]:
    """The parts of the article span ``start:end`` in each sentence it touches.

    Args:
        sentences: The article's sentences.
        starts: Their start offsets (``[s.start for s in sentences]``, kept by the caller).
        start: The span's start in the article's text.
        end: Its end.

    Yields:
        ``(sentence index, start, end)`` with offsets relative to the sentence.
    """
    first = max(bisect_right(starts, start) - 1, 0)
    for sentence in sentences[first:]:
        if sentence.start >= end:
            break
        a, b = max(start, sentence.start), min(end, sentence.end)
        if a < b:
            yield sentence.index, a - sentence.start, b - sentence.start


def search_marks(sentences: Sequence[Sentence], query: str) -> Marks:
    """Where ``query`` occurs (ignoring case) in each sentence that has it."""
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    marks: Marks = {}
    for sentence in sentences:
        found = [match.span() for match in pattern.finditer(sentence.text)]
        if found:
            marks[sentence.index] = found
    return marks


def entity_marks(sentences: Sequence[Sentence], starts: Sequence[int], entity: Entity) -> Marks:
    """The entity's mentions, by sentence (a mention across two sentences marks both)."""
    marks: Marks = {}
    for mention in entity.mentions:
        for index, start, end in sentence_spans(sentences, starts, mention.start, mention.end):
            marks.setdefault(index, []).append((start, end))
    return marks


def next_target(
    targets: Sequence[int], cursor: int, step: int, *, include_current: bool = False
) -> int | None:
    """The next (``step`` 1) or previous (-1) target after ``cursor``, wrapping around.

    Args:
        targets: Sentence indices, sorted.
        cursor: The current sentence.
        step: 1 or -1.
        include_current: Whether ``cursor`` itself counts (jumping to a first hit).
    """
    if not targets:
        return None
    if step > 0:
        position = (
            bisect_left(targets, cursor) if include_current else bisect_right(targets, cursor)
        )
        return targets[position] if position < len(targets) else targets[0]
    position = bisect_left(targets, cursor) - 1
    return targets[position] if position >= 0 else targets[-1]


def names_matching(names: Iterable[str], typed: str, limit: int = 5) -> list[str]:
    """The names any of whose words start with what was typed ("Lar": "Ali Larijani"),
    ignoring case; names that start with it first. Nothing typed: nothing."""
    wanted = " ".join(typed.casefold().split())
    if not wanted:
        return []
    first: list[str] = []
    inside: list[str] = []
    for name in dict.fromkeys(names):
        folded = " ".join(name.casefold().split())
        if folded == wanted:
            continue
        if folded.startswith(wanted):
            first.append(name)
        elif any(
            folded[match.start() :].startswith(wanted) for match in re.finditer(r"\b\w", folded)
        ):
            inside.append(name)
    return (first + inside)[:limit]


def said_by(entity: Entity, speakers: Mapping[int, str]) -> list[int]:
    """The sentences whose speaker (``speakers``: sentence to name, as recorded or
    suggested) is the entity: its name or any form it is written in."""
    # Imported here: the names' rules compile their patterns, which the first frame never
    # needs (the panel lists what an entity said only once one is chosen).
    from reader.entities.names import name_key

    forms = {name_key(entity.name), *(name_key(m.text) for m in entity.mentions)}
    return sorted(index for index, who in speakers.items() if name_key(who) in forms)
