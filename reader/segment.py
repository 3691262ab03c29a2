"""Rule-based sentence segmentation for news text.

Why not spaCy's parser? Its sentence boundaries follow the dependency parse, which splits
inside quotations ("a platform... to prepare"), after abbreviations, and differently from
one model version to the next. Annotations are anchored to sentence offsets, so sentences
must be predictable and must not move when the model is upgraded. These rules follow the
categories of the Pragmatic Segmenter's English "Golden Rules" (abbreviations, initials,
numbers, quotations, parentheses, ellipses, lists, e-mail addresses and URLs); the tests
and ``bench/golden_rules.py`` measure them against plain spaCy on the same cases.

The segmenter never needs spaCy, so an article's sentences are ready the moment it loads,
before the model has even been imported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# Titles and other abbreviations that precede a name: never the end of a sentence.
_PREPOSITIVE = frozenset(
    """mr mrs ms mx dr prof st mt ft gen sen rep gov lt col capt cpt sgt cpl pvt rev hon pres
    supt det insp cmdr adm maj brig messrs mme mlle mssrs fr sr sra srta hr dir asst assoc atty
    amb cllr cdr gov'r vs v cf""".split()
)
# Abbreviations that precede a number: "No. 10", "p. 55", "Jan. 6", "Art. 5".
_BEFORE_NUMBER = frozenset(
    """no nos nr n° p pp vol vols art arts fig figs ch chap sec para paras tel ph ext ed eds
    op jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Abbreviations that can end a sentence ("Pitt & Co. It closed ...") but usually do not.
_AMBIGUOUS = frozenset(
    """co corp inc ltd llc plc jr sr bros etc al dept univ assn est govt approx ave blvd rd
    mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct
    nov dec min max misc mfg intl natl""".split()
)
# Capitalised words that begin sentences far more often than they continue a name; after
# an ambiguous abbreviation ("U.S.", "Co.") they signal a new sentence.
_SENTENCE_STARTERS = frozenset(
    """a an the he she it they we i you this that these those there here his her its their
    our my your but and or so yet however in on at for after before when while if as
    although though since because what who how why where which meanwhile also then now
    still many some most one two three several such no not all both each every other
    officials police critics analysts experts according""".split()
)

# Two-letter initials of transliterated names, each one Cyrillic or Mongolian letter
# ("Ts. Batbayar", "Zh. Ivanova"): no English word ends a sentence so.
_DIGRAPH_INITIALS = frozenset("ts ch sh zh kh".split())
# Those that are also syllables and surnames ("Yu", "Ye"): initials only before a Slavic
# surname ("Yu. Petrov", "Ya. Kovalenko").
_VOWEL_INITIALS = frozenset("yu ya ye yo".split())
_SLAVIC_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|in|ina|yn|yna|sky|ski|skaya|ska|enko|uk|yuk|ich|vich|ovna|evna|"
    r"yan|dze|shvili)$"
)

# Abbreviations that precede a name or follow one: "St. Mark's" but "Downing St.".
_BOTH_WAYS = frozenset({"st", "ave", "rd"})
# Words that continue a time of day rather than start a sentence: "at 10 p.m. Tuesday".
_TIME_LOOKBACK = 80
_TIME_FOLLOWERS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday gmt utc bst cet cest est edt
    cst cdt pst pdt et pt local""".split()
)

_TERMINAL = re.compile(r"[.!?\u2026](?:[.!?\u2026]|\s(?=\.))*")
_CLOSERS = re.compile(r"[\"'\u201d\u2019)\]\u00bb]*")
_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)\S*[^\s.,;:!?)\]\"'\u2019\u201d]"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses (from where one starts)
    r"|\[(?:\.\s?){2,}\.?\]|\[\u2026\]"  # elided text: [...], [. . .], […]
)
_MULTI_PERIOD = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$")
_TIME = re.compile(r"^[ap]\.m$", re.I)
_LIST_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?P<bullet>[\u2022\u2023\u2043\u25aa\u25e6\-*]\s?)?"
    r"(?P<mark>\d{1,2}|[a-z]|[A-Z])(?:\.\)|\)|\.)(?=\s)"
)
_BULLET = re.compile(r"(?:(?<=\s)|^)[\u2022\u2023\u2043\u25aa\u25e6](?=\s?\S)")
_WORD = re.compile(r"\S+")
# What follows a closing quotation when it is only the attribution of that quotation:
# one to four capitalised words (a name, perhaps after a title) and a verb of saying.
_SPEECH_VERBS = (
    "said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|insisted"
    "|warned|shouted|declared|explained|noted|argued|answered|stated|recalled|continued"
    "|demanded|wondered|admitted|conceded|claimed|responded|cried|quipped|pleaded"
)
_ATTRIBUTION = re.compile(rf"\s+(?:[A-Z][\w'\u2019.-]*\s+){{1,4}}(?:{_SPEECH_VERBS})\b")


def _previous_word(text: str, end: int) -> tuple[str, int]:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end], start


def _word_before(text: str, start: int) -> str:
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _previous_word(text, end)[0]


def _next_word(text: str, start: int) -> str:
    while start < len(text) and text[start].isspace():
        start += 1
    match = _WORD.match(text, start)
    return match.group() if match else ""


def _bare(word: str) -> str:
    return word.strip("\"'\u201c\u201d\u2018\u2019()[]\u00ab\u00bb,;:")


def _list_markers(text: str) -> tuple[set[int], set[int]]:
    """Find numbered or lettered list items that run in sequence (1, 2, 3 or a, b, c).

    A run needs at least two items; a lettered run must start at "a" or "A", so that
    initials that happen to be consecutive letters ("J. K. Galbraith") are not a list.
    Returns the offsets where an item starts (a sentence starts there) and the offsets of
    the markers' own periods (never a sentence end).
    """
    starts: set[int] = set()
    periods: set[int] = set()

    def value(mark: str) -> int:
        return int(mark) if mark.isdigit() else ord(mark.lower()) - ord("a") + 1

    def follows(a: re.Match[str], b: re.Match[str]) -> bool:
        return (
            a["mark"].isdigit() == b["mark"].isdigit()
            and a["mark"].islower() == b["mark"].islower()
            and value(b["mark"]) == value(a["mark"]) + 1
        )

    runs: list[list[re.Match[str]]] = []
    for match in _LIST_MARKER.finditer(text):
        if runs and follows(runs[-1][-1], match):
            runs[-1].append(match)
        else:
            runs.append([match])
    for run in runs:
        if len(run) < 2 or (not run[0]["mark"].isdigit() and value(run[0]["mark"]) != 1):
            continue
        for match in run:
            starts.add(match.start())
            periods.update(i for i in range(match.start(), match.end()) if text[i] == ".")
    return starts, periods


class _Parentheses:
    """Answers "is this offset inside a parenthesis that closes later?" for offsets asked
    in increasing order, in one pass over the text (a block can be megabytes long)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.depth = 0
        self.last_close = text.rfind(")")

    def inside(self, position: int) -> bool:
        if position < self.position:
            self.position, self.depth = 0, 0
        self.depth += self.text.count("(", self.position, position) - self.text.count(
            ")", self.position, position
        )
        self.position = position
        return self.depth > 0 and self.last_close >= position


def _after_name_or_number(text: str, word_start: int) -> bool:
    """Does the word starting at ``word_start`` follow a capitalised word or a number?"""
    before = _bare(_word_before(text, word_start))
    return bool(before) and (before[0].isupper() or before[0].isdigit())


def _ends_after_letter(text: str, word_start: int, letter: str, next_bare: str) -> bool:
    """Does a single letter followed by a period end the sentence?

    After a capitalised name the letter is an initial ("Jonas E. Smith"); after a number it
    is a compass point or a unit ("0.1278 W."); after a lower-case word it is the pronoun
    ("you and I.") or, far more often in news, an initial ("a report by J. Smith"), unless
    what follows plainly starts a sentence.
    """
    before = _bare(_word_before(text, word_start))
    if not before or before[0].isupper():
        return False
    if before[0].isdigit():
        return True
    if letter == "i":
        return True
    return next_bare.lower() in _SENTENCE_STARTERS


def _two_letter_initial(word: str, word_key: str, next_bare: str) -> bool:
    """Whether a capitalised two-letter word before a period is a transliterated name's
    initial ("Ts." before "Batbayar", "Yu." before "Petrov") rather than a sentence's end."""
    if not (word[:1].isupper() and word[1:2].islower() and next_bare[:1].isupper()):
        return False
    if word_key in _DIGRAPH_INITIALS:
        return True
    return word_key in _VOWEL_INITIALS and bool(_SLAVIC_SURNAME.search(next_bare.lower()))


def _is_boundary(text: str, match: re.Match[str], end: int, parentheses: _Parentheses) -> bool:
    """Decide whether the terminal punctuation ``match`` (plus closers up to ``end``)
    ends a sentence."""
    punct = match.group()
    following = _next_word(text, end)
    next_bare = _bare(following)
    if not next_bare:
        return bool(following)  # e.g. a lone dash or bullet follows
    first = next_bare[0]
    if first.islower():
        return False
    word, word_start = _previous_word(text, match.start())
    word_key = word.lower().rstrip(".").lstrip("\"'\u201c\u2018([")
    dots = punct.count(".") + 3 * punct.count("\u2026")

    closers = text[match.end() : end]
    if any(quote in closers for quote in "\"'\u201d\u2019\u00bb") and _ATTRIBUTION.match(text, end):
        # A quotation keeps its attribution: "Why now?" Councillor Brandt asked.
        return False
    if "!" in punct or "?" in punct:
        return True
    if dots >= 3:
        if dots >= 4:
            return True
        # A spaced ellipsis ("is . . . I didn't") marks an omission inside a sentence; one
        # attached to a word and followed by a capital ("that... He left") ends it.
        return not (match.start() > 0 and text[match.start() - 1].isspace())
    if first.isdigit():
        return word_key not in _BEFORE_NUMBER and word_key not in _PREPOSITIVE
    if word_key in _BOTH_WAYS and _after_name_or_number(text, word_start):
        # "Downing St." is a street, not a saint: it can end the sentence.
        return next_bare.lower() in _SENTENCE_STARTERS
    if word_key in _PREPOSITIVE or (word_key in _BEFORE_NUMBER and word_key not in _AMBIGUOUS):
        return False
    if _two_letter_initial(word, word_key, next_bare):
        return False  # "Ts. Batbayar", "Yu. Petrov"
    if len(word_key) == 1 and word_key.isalpha():
        return _ends_after_letter(text, word_start, word_key, next_bare)
    if _MULTI_PERIOD.match(word_key):
        if _TIME.match(word_key):
            # "At 5 a.m. Mr Smith left" fronts the time; "He left at 6 p.m. Mr Smith ..."
            # closes a sentence. Few words before the time means it was fronted.
            if next_bare.lower() in _TIME_FOLLOWERS:
                return False  # "at 10 p.m. Tuesday", "at 9 a.m. GMT"
            # Only the last few words matter, so look back a short way, not to the start.
            window = text[max(0, match.start() - _TIME_LOOKBACK) : match.start()]
            last_break = max(window.rfind(". "), window.rfind("? "), -1)
            return len(window[last_break + 1 :].split()) > 3
        return next_bare.lower() in _SENTENCE_STARTERS
    if word_key in _AMBIGUOUS:
        return next_bare.lower() in _SENTENCE_STARTERS
    return not parentheses.inside(match.start())


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence of one block of text.

    Offsets are exclusive at the end; surrounding white space is not part of a sentence.
    """
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    protected_starts = [start for start, _ in protected]
    parentheses = _Parentheses(text)
    item_starts, marker_periods = _list_markers(text)
    item_starts.update(m.start() for m in _BULLET.finditer(text))

    cuts: set[int] = {start for start in item_starts if text[:start].strip()}
    for match in _TERMINAL.finditer(text):
        if match.start() in marker_periods:
            continue
        before = bisect.bisect_right(protected_starts, match.start()) - 1
        if before >= 0 and match.start() < protected[before][1]:
            continue  # inside a URL or an e-mail address (they never overlap)
        end = _CLOSERS.match(text, match.end())
        assert end is not None  # the pattern matches the empty string
        after = end.end()
        if after < len(text) and not text[after].isspace():
            continue
        if after >= len(text) or _is_boundary(text, match, after, parentheses):
            cuts.add(after)

    start = 0
    for cut in sorted(cuts) + [len(text)]:
        piece_start, piece_end = _trim(text, start, cut)
        if piece_end > piece_start:
            yield piece_start, piece_end
        start = cut


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """Return the sentences of one block of text as strings (a convenience for tests)."""
    return [text[start:end] for start, end in split_spans(text)]
