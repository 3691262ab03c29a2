"""Turn a language model's raw entity spans into one entity per real-world name.

A small spaCy model tags each mention on its own: "Irfan Al Hayali" is a PERSON, a later
"Hayali" an ORG, and the next "Hayali" nothing at all. Analysts think in people and
organisations, so this module consolidates:

1. clean each span (leading "the", a trailing possessive, titles before a person's name),
   and reject single words that the article itself uses as common words ("Defence"); in
   the byline, take the names from the byline's shape instead ("By Jane Doe, Reuters");
2. group spans that name the same thing: identical names, the same name with or without a
   company or club designator ("Prairie Mill Co." and "Prairie Mill", "FC Porto" and
   "Porto"), an organisation and its acronym (defined as "European Central Bank (ECB)", or
   spelled by its initials), and a person's surname (or particle + surname, "Al Hayali",
   "Van Dam") or a first name the model tagged ("Rafael") with the one full name it
   shortens;
3. find every further occurrence of each name, alias and acronym in the text, so that no
   mention is missed because the model skipped it, and credit the byline's names;
4. decide each entity's label by a vote over its mentions, longer names weighing more; a
   name with a designator ("Inc.", "FC") is an organisation whatever the model said.

Every mention records who found it (``model``, ``alias``, ``byline`` or ``analyst``), so
the app can be honest about what the model found and what the rules added.
Nothing here knows any particular article's names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from reader.article import Article
from reader.syntax import Parse

MentionSource = Literal["model", "alias", "byline", "analyst"]

#: Labels that name something, and are worth finding again by their name.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
#: How the app groups labels.
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}

# Words that come before a person's name but are not part of it.
_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president vice prime
    minister deputy secretary general gen. senator sen. representative rep. governor gov.
    mayor chancellor king queen prince princess pope sheikh ayatollah judge justice chief
    commander colonel col. captain capt. lieutenant lt. sergeant sgt. officer spokesman
    spokeswoman spokesperson chairman chairwoman ceo director ambassador envoy speaker
    foreign defence defense interior finance state former late""".split()
)
# Name particles that belong with the surname: "Al Hayali", "van der Berg", "bin Salman".
_PARTICLES = frozenset(
    "al el bin ibn abu ben van von der den de da di du del della le la dos das st.".split()
)
# Generic words that name a kind of institution; alone, they are never an entity.
_GENERIC = frozenset(
    """minister ministry defence defense government parliament president presidency state
    police army navy court council committee agency department office party union news
    military security interior foreign cabinet senate congress""".split()
)
_ORG_WORDS = re.compile(
    r"\b(?:agency|news|press|service|wire|times|post|network|media|associated|reuters"
    r"|bureau|journal|daily|gazette|herald|tribune|broadcasting|tv|radio)\b",
    re.I,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")
# Words that mark a company or a club in its legal or usual name: "Prairie Mill Co.",
# "Halvorsen Foods Inc.", "FC Porto". A name with one is an organisation whatever label the
# model gave it, and the same name without it ("Prairie Mill", "Porto") is the same entity.
_DESIGNATORS = frozenset("inc co corp ltd llc plc lp llp ag sa nv bv gmbh spa fc afc cf sc".split())
# Abbreviations whose period belongs to the name: "Halvorsen Foods Inc.", "King Jr.".
_KEEP_PERIOD = frozenset("inc co corp ltd bros jr sr".split())
# Small words that acronyms skip: "Securities and Exchange Commission" -> SEC.
_ACRONYM_SKIP = frozenset("of and the for on in at to de du des del la le &".split())
# "European Central Bank (ECB)": an acronym defined right after the name it abbreviates.
_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{0,2}[A-Z&]{1,6})\s*\)")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_EDGE_PUNCT = "\"'\u201c\u201d\u2018\u2019()[]{}<>,.;:!?-\u2013\u2014 "


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the article.

    Attributes:
        start: Offset of the first character in the article's text.
        end: Offset just past the last character (exclusive).
        text: ``article.text[start:end]``.
        by: Who found it: ``model`` (spaCy tagged it), ``alias`` (the name or its short
            form found again in the text), ``byline`` (the byline's agency or author),
            ``analyst`` (added by a correction).
    """

    start: int
    end: int
    text: str
    by: MentionSource = "model"


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or other named thing, with all its mentions.

    Attributes:
        name: Canonical name: the longest full form found ("Irfan Al Hayali").
        label: spaCy label decided over all mentions (``PERSON``, ``ORG``, ``GPE``, ...).
        mentions: Every mention, in text order.
        votes: How many model mentions carried each label, for honesty about the vote.
    """

    name: str
    label: str
    mentions: tuple[Mention, ...]
    votes: dict[str, int] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """``person``, ``organisation``, ``place`` or ``other``."""
        return KIND_OF_LABEL.get(self.label, "other")

    @property
    def count(self) -> int:
        """Number of mentions."""
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A span as the model tagged it: offsets into the article's text and a label."""

    start: int
    end: int
    label: str


class Correction(Protocol):
    """An analyst's correction of the entities (see ``reader.store.EntityCorrection``)."""

    @property
    def kind(self) -> str: ...  # "relabel" | "merge" | "add" | "reject"
    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str | None: ...
    @property
    def target(self) -> str | None: ...


@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    form_labels: dict[str, Counter[str]] = field(default_factory=dict)
    #: Further names to look for in the text: a defined or matching acronym.
    extra_forms: set[str] = field(default_factory=set)

    def vote(self, form: str, label: str, weight: int) -> None:
        self.votes[label] += weight
        self.form_labels.setdefault(form, Counter())[label] += 1

    def absorb(self, other: _Group, *, with_votes: bool = True) -> None:
        self.mentions.extend(other.mentions)
        self.extra_forms |= other.extra_forms
        if not with_votes:
            return
        self.votes.update(other.votes)
        for form, labels in other.form_labels.items():
            self.form_labels.setdefault(form, Counter()).update(labels)

    def forms(self) -> set[str]:
        return {m.text for m in self.mentions} | self.extra_forms

    def designated(self) -> bool:
        """Does a name the model or byline found carry a company or club designator?"""
        return any(_has_designator(m.text) for m in self.mentions if m.by != "alias")

    def longest(self) -> str:
        counts = Counter(m.text for m in self.mentions if m.by != "alias")
        if not counts:
            counts = Counter(m.text for m in self.mentions)
        return max(counts, key=lambda form: (len(form), counts[form]))

    def label(self) -> str:
        if not self.votes or self.designated():
            return "ORG"
        best = max(self.votes.values())
        tied = [label for label, votes in self.votes.items() if votes == best]
        if len(tied) == 1:
            return tied[0]
        # A tie goes to the label that the longest form carried most often.
        longest = self.form_labels.get(self.longest(), Counter())
        return max(sorted(tied), key=lambda label: longest.get(label, 0))


class _Taken:
    """The stretches of text already claimed by a mention; they never overlap, so a sorted
    list answers "is this stretch free?" by looking at one neighbour."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end) - 1
        return before >= 0 and self._ends[before] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def _clean(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Trim a span to the name itself; ``None`` if nothing name-like is left."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive and end - start > len(possessive.group()):
        end -= len(possessive.group())
    words = text[start:end].split(" ")
    if words and words[0].lower() == "the" and len(words) > 1:
        start += len(words[0]) + 1
        words = words[1:]
    if label == "PERSON":
        while len(words) > 1 and words[0].lower() in _TITLES:
            start += len(words[0]) + 1
            words = words[1:]
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    last_word = text[start:end].rsplit(" ", 1)[-1].lower()
    if last_word in _KEEP_PERIOD and end > start + len(last_word) and text[end : end + 1] == ".":
        end += 1
    name = text[start:end]
    if not any(char.isalpha() for char in name):
        return None
    return start, end


def _is_common_word(word: str, lowered_words: set[str]) -> bool:
    """A single capitalised word that the article also writes in lower case, or a generic
    institution word, is not a name on its own ("Defence" next to "ministry of defence")."""
    if word.isupper() and len(word) > 1:
        return False  # acronyms are names
    key = word.lower()
    return key in _GENERIC or key in lowered_words or word.islower()


def _has_designator(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and any(
        _bare_word(word) in _DESIGNATORS for word in (words[0], words[-1])
    )


def _bare_word(word: str) -> str:
    return word.casefold().strip(".,&")


def _name_key(name: str) -> str:
    """The key that identifies a name: case-folded, single-spaced, and without a company or
    club designator at either end ("Prairie Mill Co." and "Prairie Mill" are one name)."""
    words = name.casefold().split()
    while len(words) > 1 and _bare_word(words[-1]) in _DESIGNATORS:
        words.pop()
        while len(words) > 1 and not _bare_word(words[-1]):
            words.pop()  # the "&" of "Hale, Brandt & Co."
    while len(words) > 1 and _bare_word(words[0]) in _DESIGNATORS:
        words.pop(0)
    if len(words) > 1:
        words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def _aliases(full: str) -> list[str]:
    """Short forms a news story uses for a person after the first mention."""
    words = full.split()
    if len(words) < 2:
        return []
    aliases = [words[-1]]
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:
        aliases.append(" ".join(words[-2:]))
    return aliases


def _find_all(text: str, form: str) -> Iterable[tuple[int, int]]:
    body = re.escape(form)
    if form[:1].islower():
        # A name that starts with a particle is capitalised at the start of a sentence:
        # "Pieter van Dam ... Van Dam said".
        body = f"[{form[0]}{form[0].upper()}]" + re.escape(form[1:])
    pattern = re.compile(r"(?<![\w-])" + body + r"(?![\w-]|['\u2019][a-rt-z])")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


def _byline_names(byline: str) -> list[tuple[str, str]]:
    """Split a byline's names and label each: an acronym or an agency is an ORG."""
    found: list[tuple[str, str]] = []
    for part in re.split(r"\s*(?:,|/|\band\b|&|\|)\s*", byline):
        part = part.strip(_EDGE_PUNCT)
        if not part or not part[0].isupper():
            continue
        if _ACRONYM.match(part) or _ORG_WORDS.search(part) or len(part.split()) == 1:
            # People sign with two or more names; one word is an outlet ("Bloomberg").
            found.append((part, "ORG"))
        elif 2 <= len(part.split()) <= 4 and all(w[0].isupper() for w in part.split()):
            found.append((part, "PERSON"))
    return found


def consolidate(
    article: Article, spans: Sequence[RawSpan], parse: Parse | None = None
) -> list[Entity]:
    """Consolidate the model's raw spans over ``article`` into entities.

    ``parse`` (the model's dependency parse, when there is one) adds evidence beyond the
    spans: the titles, roles and verbs around a name.

    Returns entities sorted by number of mentions (most first), then by first mention.
    """
    text = article.text
    lowered_words = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    groups: dict[str, _Group] = defaultdict(_Group)
    taken = _Taken()
    # The byline's names come from its shape ("By Jane Doe, Reuters"), which is more
    # reliable there than the model ("Reuters - Mar 7,2024 - Last" as one ORG).
    bylines = [(b.start, b.end) for b in article.blocks if b.kind == "byline"]
    if not article.byline:
        bylines = []

    for span in spans:
        if span.label in NAME_LABELS and any(a <= span.start < b for a, b in bylines):
            continue
        cleaned = _clean(text, span.start, span.end, span.label)
        if cleaned is None:
            continue
        start, end = cleaned
        name = text[start:end]
        if " " not in name and span.label in NAME_LABELS and _is_common_word(name, lowered_words):
            continue
        if taken.overlaps(start, end):
            continue  # spaCy's spans never overlap; a hand-edited cache's might
        group = groups[_name_key(name)]
        group.mentions.append(Mention(start, end, name, "model"))
        group.vote(name, span.label, len(name.split()))
        taken.add(start, end)

    _add_byline(article, groups, taken)
    _merge_acronyms(text, groups)
    _merge_short_person_names(groups)
    _find_more_mentions(text, groups, taken)
    return _finish(groups)


def _add_byline(article: Article, groups: dict[str, _Group], taken: _Taken) -> None:
    if not article.byline:
        return
    for block in article.blocks:
        if block.kind != "byline":
            continue
        block_text = article.block_text(block)
        for name, label in _byline_names(article.byline):
            position = block_text.find(name)
            if position < 0:
                continue
            start = block.start + position
            end = start + len(name)
            if taken.overlaps(start, end):
                continue
            group = groups[_name_key(name)]
            group.mentions.append(Mention(start, end, name, "byline"))
            group.vote(name, label, 2)  # a byline's shape is strong evidence
            taken.add(start, end)
        break


def _merge_acronyms(text: str, groups: dict[str, _Group]) -> None:
    """Fold an organisation's acronym into its full name: "ECB" into "European Central
    Bank", when the text defines it ("... Bank (ECB)") or its initials spell it."""
    full_names = {
        key: group
        for key, group in groups.items()
        if len(key.split()) >= 2 and group.label() == "ORG"
    }
    defined: dict[str, str] = {}
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, group in full_names.items():
        for mention in group.mentions:
            definition = _DEFINITION.match(text, mention.end)
            if definition:
                defined.setdefault(definition[1], key)
        initials = _initials(group.longest())
        if len(initials) >= 2:
            by_initials[initials].append(key)
    for key, group in list(groups.items()):
        form = group.longest()
        if key in full_names or not _ACRONYM.match(form):
            continue
        owners = by_initials.get(form.replace(".", ""), [])
        target = defined.get(form) or (owners[0] if len(owners) == 1 else None)
        if target is not None and target in groups:
            # The full name decides the label: "UN" is sometimes tagged as a place.
            groups[target].absorb(groups.pop(key), with_votes=False)
    for acronym, key in defined.items():
        groups[key].extra_forms.add(acronym)
    for initials, keys in by_initials.items():
        if len(keys) == 1 and re.search(rf"(?<![\w-]){re.escape(initials)}(?![\w-])", text):
            groups[keys[0]].extra_forms.add(initials)


def _initials(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _ACRONYM_SKIP and not _has_designator(w)]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _merge_short_person_names(groups: dict[str, _Group]) -> None:
    """Fold "Hayali" into "Irfan Al Hayali" (and "Van Dam" into "Pieter van Dam") when
    exactly one full name ends that way; fold a first name the model tagged as a person
    ("Rafael") into the one full name that starts with it."""
    persons = {
        key: group
        for key, group in groups.items()
        if group.votes.get("PERSON", 0) > 0 and len(key.split()) >= 2
    }
    owners: dict[str, list[str]] = defaultdict(list)
    first_names: dict[str, list[str]] = defaultdict(list)
    for key, group in persons.items():
        for alias in _aliases(group.longest()):
            owners[_name_key(alias)].append(key)
        first_names[key.split()[0]].append(key)
    for short_key in list(groups):
        short = groups.get(short_key)
        if short is None:
            continue
        size = len(short_key.split())
        candidates = [
            k
            for k in dict.fromkeys(owners.get(short_key, []))
            if k in groups and len(k.split()) > size
        ]
        if not candidates and size == 1 and short.votes.get("PERSON", 0) > 0:
            candidates = [k for k in first_names.get(short_key, []) if k in groups]
        if len(candidates) != 1:
            continue  # two people share the name: leave the short form on its own
        groups[candidates[0]].absorb(groups.pop(short_key))


def _find_more_mentions(text: str, groups: dict[str, _Group], taken: _Taken) -> None:
    """Find every further occurrence of each entity's forms (and a person's aliases)."""
    forms: list[tuple[str, str]] = []
    surname_owners: Counter[str] = Counter()
    for key, group in groups.items():
        label = group.label()
        if label not in NAME_LABELS:
            continue
        for form in group.forms():
            forms.append((form, key))
        if label == "PERSON":
            for alias in _aliases(group.longest()):
                surname_owners[alias] += 1
                forms.append((alias, key))
    # Longest forms first, so that "Irfan Al Hayali" claims its words before "Hayali".
    forms.sort(key=lambda item: -len(item[0]))
    seen: set[tuple[str, str]] = set()
    for form, key in forms:
        if (form, key) in seen or surname_owners.get(form, 0) > 1 or len(form) < 2:
            continue
        seen.add((form, key))
        for start, end in _find_all(text, form):
            if taken.overlaps(start, end):
                continue
            groups[key].mentions.append(Mention(start, end, text[start:end], "alias"))
            taken.add(start, end)


def _finish(groups: dict[str, _Group]) -> list[Entity]:
    entities = []
    for group in groups.values():
        if not group.mentions:
            continue
        longest = group.longest()
        mentions = tuple(sorted(group.mentions, key=lambda m: m.start))
        entities.append(
            Entity(name=longest, label=group.label(), mentions=mentions, votes=dict(group.votes))
        )
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    return entities


def apply_corrections(
    article: Article, entities: Sequence[Entity], corrections: Iterable[Correction]
) -> list[Entity]:
    """Apply an analyst's corrections on top of the model's entities, in order.

    ``reject`` drops an entity, ``relabel`` changes its label, ``merge`` moves its mentions
    into ``target``, and ``add`` creates an entity from every occurrence of ``name`` in the
    text (taking those words from any entity that had them). Corrections that no longer
    apply (the entity is gone) are skipped, never fatal.
    """
    current = list(entities)

    def find(name: str | None) -> int | None:
        if name is None:
            return None
        key = _name_key(name)
        for index, entity in enumerate(current):
            if _name_key(entity.name) == key:
                return index
        return None

    for correction in corrections:
        index = find(correction.name)
        if correction.kind == "reject" and index is not None:
            del current[index]
        elif correction.kind == "relabel" and index is not None and correction.label:
            current[index] = replace(current[index], label=correction.label)
        elif correction.kind == "merge" and index is not None:
            target = find(correction.target)
            if target is None or target == index:
                continue
            merged = sorted(
                current[target].mentions + current[index].mentions, key=lambda m: m.start
            )
            current[target] = replace(current[target], mentions=tuple(merged))
            del current[index]
        elif correction.kind == "add" and correction.name.strip():
            current = _add_entity(article, current, correction.name.strip(), correction.label)
    current.sort(key=lambda e: (-e.count, e.mentions[0].start if e.mentions else 0))
    return current


def _add_entity(
    article: Article, entities: list[Entity], name: str, label: str | None
) -> list[Entity]:
    spans = list(_find_all(article.text, name))
    if not spans:
        return entities
    mentions = tuple(Mention(s, e, article.text[s:e], "analyst") for s, e in spans)
    kept: list[Entity] = []
    for entity in entities:
        if _name_key(entity.name) == _name_key(name):
            continue
        remaining = tuple(
            m for m in entity.mentions if not any(m.start < e and s < m.end for s, e in spans)
        )
        if remaining:
            kept.append(replace(entity, mentions=remaining))
    kept.append(Entity(name=name, label=label or "ORG", mentions=mentions, votes={}))
    return kept
