"""Consolidation: the model's raw spans become one entity per real-world name.

1. trim, split and extend each span to the name it holds (:mod:`.spans`), and drop
   single words that the article itself uses as common words ("Defence"); in the byline,
   take the names from the byline's shape instead ("By Jane Doe, Reuters");
2. group spans that name the same thing: identical names, the same name with or without a
   company or club designator ("Prairie Mill Co." and "Prairie Mill"), an organisation and
   its acronym (defined as "European Central Bank (ECB)", or spelled by its initials), a
   person's surname or a first name with the one full name it shortens, and two spellings
   of one name ("al-Hakim", "al-Hakeem");
3. find every further occurrence of each name, alias and acronym in the text, and credit
   the byline's names;
4. decide each entity's label by weighing the model's votes with the evidence of
   :mod:`.evidence`, and say why and how sure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reader.article import Article
from reader.entities.evidence import NOT_GIVEN, weigh
from reader.entities.model import NAME_LABELS, Entity, Mention, RawSpan
from reader.entities.names import (
    ACRONYM,
    ACRONYM_SKIP,
    DEFINITION,
    PARTICLES,
    WordIndex,
    abbreviates,
    aliases,
    has_designator,
    is_legal_form,
    name_key,
    spelling_skeleton,
    unaccented,
)
from reader.entities.organisations import (
    acronym_led_names,
    described_bodies,
    headed_names,
    mastheads,
    missed_acronyms,
    missed_organisations,
    used_as_bodies,
)
from reader.entities.people import (
    company_short_form,
    drop_lower_case_lead,
    initialled_owner,
    is_person_noun_word,
    join_connected,
    join_initials,
    join_regnal,
    missed_people,
    names_a_person,
    other_names,
    relabel_listed,
)
from reader.entities.spans import byline_names, is_common_word, split_raw
from reader.gazetteer import is_demonym, is_given_name, is_language, is_place, is_surname
from reader.name_words import (
    HONORIFICS,
    HONOUR_TITLES,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
    titles,
)
from reader.syntax import Parse


@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    form_labels: dict[str, Counter[str]] = field(default_factory=dict)
    #: Further names to look for in the text: a defined or matching acronym.
    extra_forms: set[str] = field(default_factory=set)
    #: Why a mention's shape says the name is an outlet's or an agency's ("" if none):
    #: the site's name over its menu, a credit's agency.
    outlet: str = ""

    def vote(self, form: str, label: str, weight: int) -> None:
        self.votes[label] += weight
        self.form_labels.setdefault(form, Counter())[label] += 1

    def absorb(self, other: _Group, *, with_votes: bool = True) -> None:
        self.mentions.extend(other.mentions)
        self.extra_forms |= other.extra_forms
        self.outlet = self.outlet or other.outlet
        if not with_votes:
            return
        self.votes.update(other.votes)
        for form, labels in other.form_labels.items():
            self.form_labels.setdefault(form, Counter()).update(labels)

    def forms(self) -> set[str]:
        return {m.text for m in self.mentions} | self.extra_forms

    def designated(self) -> bool:
        """Does a name the model or byline found carry a company or club designator?"""
        return any(has_designator(m.text) for m in self.mentions if m.by != "alias")

    def longest(self) -> str:
        counts = Counter(m.text for m in self.mentions if m.by != "alias")
        if not counts:
            counts = Counter(m.text for m in self.mentions)
        return max(counts, key=lambda form: (len(form), counts[form]))

    def label(self) -> str:
        """The label while grouping: the model's vote, or ORG for a designated name or
        one with an organisation's head word (the final label weighs more evidence)."""
        words = self.longest().split()
        if not self.votes or self.designated():
            return "ORG"
        if len(words) > 1 and words[-1].lower().strip(".,") in ORG_HEADS:
            return "ORG"
        best = max(self.votes.values())
        tied = [label for label, votes in self.votes.items() if votes == best]
        if len(tied) == 1:
            return tied[0]
        # A tie goes to the label that the longest form carried most often.
        longest = self.form_labels.get(self.longest(), Counter())
        return max(sorted(tied), key=lambda label: longest.get(label, 0))


class _Taken:
    """The characters of the text already claimed by a mention: one byte per character, so
    that checking and claiming a stretch costs its length, whatever the number of mentions
    (a sorted list's inserts grow with the square of a long article's mentions)."""

    def __init__(self, size: int) -> None:
        self._claimed = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self._claimed.find(1, start, end) >= 0

    def add(self, start: int, end: int) -> None:
        self._claimed[start:end] = b"\x01" * (end - start)

    @property
    def claimed(self) -> bytearray:
        """One byte per character, 1 where a mention holds it."""
        return self._claimed


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
    taken = _Taken(len(text))
    # The byline's names come from its shape ("By Jane Doe, Reuters"), which is more
    # reliable there than the model ("Reuters - Mar 7,2024 - Last" as one ORG).
    bylines = [(b.start, b.end) for b in article.blocks if b.kind == "byline"]
    if not article.byline:
        bylines = []

    # Credits first: their shape ("Photo: Jane Doe/Gallo Images", "(JDO/Dedi Firmansyah)")
    # is surer than the model's span across the slash ("Jane Doe/Gallo").
    _add_credits(text, groups, taken)
    _add_publisher(article, groups, taken)
    _add_mastheads(text, groups, taken)
    for start, end, label in _candidates(text, spans, parse, bylines):
        name = text[start:end]
        if (
            " " not in name
            and label in NAME_LABELS
            and is_common_word(name, lowered_words)
            and not _names_a_legislature(text, start, end)
        ):
            continue
        if taken.overlaps(start, end):
            continue  # a longer name (extended or split) claimed these words first
        if label in ("PERSON", "ORG") and _is_portfolio(text, start, end):
            continue
        group = groups[name_key(name)]
        group.mentions.append(Mention(start, end, name, "model"))
        group.vote(name, label, len(name.split()))
        taken.add(start, end)

    _add_byline(article, groups, taken)
    _add_called_acronyms(text, groups, taken)
    _add_missed_organisations(text, groups, taken, lowered_words)
    _add_described_bodies(text, groups, taken, lowered_words, parse or Parse())
    _add_missed_acronyms(text, groups, taken, parse or Parse())
    _add_missed_people(text, groups, taken)
    words = WordIndex(text)
    _add_given_names(text, words, groups, taken)
    _merge_acronyms(text, words, groups)
    _merge_short_person_names(groups)
    _merge_short_organisation_names(groups)
    _fold_company_short_forms(groups)
    _merge_spellings(groups)
    _merge_other_names(text, groups)
    _find_more_mentions(text, words, groups, taken)
    return _finish(text, groups, parse or Parse())


def _candidates(
    text: str, spans: Sequence[RawSpan], parse: Parse | None, bylines: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Every name in the model's spans, trimmed and extended; where two overlap, the longer
    wins ("Supreme Court of Ghana" over "Ghana"), then in text order."""
    found: list[tuple[int, int, str]] = []
    for span in spans:
        if span.label in NAME_LABELS and any(a <= span.start < b for a, b in bylines):
            continue
        found.extend(split_raw(text, span.start, span.end, span.label, parse or Parse()))
    chosen = _Taken(len(text))
    kept = []
    for start, end, label in sorted(found, key=lambda c: (c[0] - c[1], c[0])):
        if not chosen.overlaps(start, end):
            chosen.add(start, end)
            kept.append((start, end, label))
    joined = join_initials(text, _join_split_names(text, sorted(kept)))
    return join_regnal(text, join_connected(text, drop_lower_case_lead(text, joined)))


def _join_split_names(
    text: str, candidates: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Join a person's name that the model cut in two ("Samuel Kiptoo" + "Langat",
    "Makhdoom" + "Shahzad Gilani"): two names one space apart, one of them a person's,
    neither an organisation's or a place's."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in candidates:
        if joined:
            last_start, last_end, last_label = joined[-1]
            both = text[last_start:end]
            words = both.split()
            if (
                text[last_end:start] == " "
                and "PERSON" in (label, last_label)
                and len(words) <= 5
                and all(w[:1].isupper() and not (w.isupper() and len(w) > 1) for w in words)
                and not any(w.lower().strip(".,") in ORG_HEADS | PLACE_HEADS for w in words)
                and not any(w.lower().strip(".,") in ROLE_NOUNS for w in words)
                and not is_person_noun_word(words[0])  # "Agronomist" + "Pedro Vera"
            ):
                joined[-1] = (last_start, end, "PERSON")
                continue
        joined.append((start, end, label))
    return joined


# Agencies and people credited by the shape of a wire dateline or a credit line:
# "NAIROBI, March 3 (Reuters) -", "(Anadolu Agency photo)", "Reporting by Jane Doe".
# A capital of the Latin letters, accented ones too: "Paulius Šimkus", "Borut Živulović".
_CAPITAL = "A-Z" + "".join(char for char in map(chr, range(0xC0, 0x250)) if char.isupper())
_CREDIT_NAME = rf"[{_CAPITAL}][\w.&'\u2019-]*(?: [{_CAPITAL}][\w.&'\u2019-]*){{0,2}}"
# A credited name whose words may run over a line's end, and may open with a particle and
# a hyphen ("Nadia el-Gowhary").
_WRAPPED_NAME = (
    rf"[{_CAPITAL}][\w.&'\u2019-]*(?:[ \n](?:[a-z]{{1,3}}-)?[{_CAPITAL}][\w.&'\u2019-]*){{0,2}}"
)
_CREDITS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(rf"\(({_CREDIT_NAME})\) ?[-\u2013\u2014]"), ("ORG",)),
    (
        re.compile(rf"(?:Photo|Picture|Image|Photograph)s?:? ({_CREDIT_NAME})/({_CREDIT_NAME})"),
        ("PERSON", "ORG"),
    ),
    (re.compile(rf"\(({_CREDIT_NAME}) (?:photo|pictures?|images?|video)\)", re.I), ("ORG",)),
    (
        re.compile(
            rf"(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Ww]ritten|[Ee]dited|[Cc]ompiled|"
            rf"[Rr]eported) by ({_CREDIT_NAME})"
        ),
        ("PERSON",),
    ),
    (re.compile(rf"[;,] ({_CREDIT_NAME}) and ({_CREDIT_NAME})\)"), ("PERSON", "PERSON")),
    # The closing credit of wire copy wrapped at 70 columns: a name, or the second of
    # two, may run over a line's end ("(Reporting by Jo Amadi and Kofi\nMensah in Accra;
    # Editing by\nLena Ortiz and Ravi Nair)"); inside the parentheses a newline is a wrap.
    (
        re.compile(
            rf"(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Ww]ritten|[Ee]dited|[Cc]ompiled|"
            rf"[Rr]eported) by\s({_WRAPPED_NAME})(?:\s(?:and|&)\s({_WRAPPED_NAME}))?"
            r"(?=[^()]*\))"
        ),
        ("PERSON", "PERSON"),
    ),
    # A caption's credit in parentheses, either way round: "(Evan Marsh/AP)", "(JDO/Dedi
    # Firmansyah)": the agency is one word or an acronym, the photographer two or more.
    (re.compile(rf"\(({_CREDIT_NAME})/({_CREDIT_NAME})\)"), ("SHAPE", "SHAPE")),
    # A caption's credit that ends its line after the caption's last sentence: "... on
    # Tuesday. Prakash Mahato/Kathmandu Chronicle", "... in 2024. REUTERS/Jane Doe".
    (
        re.compile(rf"(?<=[.!?] )({_CREDIT_NAME})/({_CREDIT_NAME})[ \t]*$", re.M),
        ("SHAPE", "OTHER"),
    ),
)


def _add_credits(text: str, groups: dict[str, _Group], taken: _Taken) -> None:
    """Credit the agencies of wire datelines and photo credits, and the reporters and
    editors of a wire story's closing credit line."""
    for pattern, labels in _CREDITS:
        for match in pattern.finditer(text):
            previous = ""
            for number, label in enumerate(labels, start=1):
                start, end = match.span(number)
                name = text[start:end].replace("\n", " ")  # a name wrapped over lines
                if len(name) < 2 or taken.overlaps(start, end):
                    continue
                if label == "SHAPE":
                    label = (
                        "ORG"
                        if ACRONYM.match(name)
                        or " " not in name
                        or name.split()[-1].lower() in ORG_HEADS
                        else "PERSON"
                    )
                elif label == "OTHER":
                    # a photographer and an outlet, either way round
                    label = "PERSON" if previous == "ORG" else "ORG"
                previous = label
                group = groups[name_key(name)]
                group.mentions.append(Mention(start, end, name, "byline"))
                group.vote(name, label, 2)
                if labels[number - 1] == "ORG":
                    group.outlet = "a credit's agency"
                taken.add(start, end)


def _add_mastheads(text: str, groups: dict[str, _Group], taken: _Taken) -> None:
    """Credit the site's name over its menu (:mod:`.organisations.mastheads`) as an
    outlet, before the model's spans: its shape is surer than the model's label."""
    for start, end in mastheads(text):
        if taken.overlaps(start, end):
            continue
        name = text[start:end]
        group = groups[name_key(name)]
        group.mentions.append(Mention(start, end, name, "byline"))
        group.vote(name, "ORG", 2)
        group.outlet = "the site's name over its menu"
        taken.add(start, end)


# Legislatures that a country's news names by one capitalised word: "outside Parliament",
# "the Senate passed", "Congress must approve".
_LEGISLATURES = frozenset("parliament senate congress".split())


def _names_a_legislature(text: str, start: int, end: int) -> bool:
    """Whether a capitalised "Parliament", "Senate" or "Congress" inside a sentence (not a
    section's label on a line of its own) names the country's legislature."""
    name = text[start:end]
    if name.lower() not in _LEGISLATURES or not name[:1].isupper() or name.isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)].strip() != name


# What follows a minister's portfolio: "Energy Minister", "Hydrocarbons and Energy
# Minister", "Health Secretary".
_PORTFOLIO_TAIL = re.compile(r"(?: and [A-Z][\w-]+)* (?:Minister|Ministers|Secretary)\b")


def _is_portfolio(text: str, start: int, end: int) -> bool:
    """Whether a name is a minister's portfolio ("Deputy Energy Minister Yerlan Abenov",
    "Bolivian Hydrocarbons and Energy Minister"): a field, not a person or a body. A place
    before "Minister" is the minister's country, and an acronym a body ("EU Commissioner")."""
    name = text[start:end]
    if name.isupper() or is_place(name) or is_place(name.split()[-1]):
        return False
    if _PORTFOLIO_TAIL.match(text, end) is None:
        return False
    return not names_a_person(name)  # "Henrique Barros Lacerda and Sports Minister ..."


def _add_given_names(text: str, words: WordIndex, groups: dict[str, _Group], taken: _Taken) -> None:
    """A one-word name that the text also writes after a known given name ("Callum
    Ashby's unbeaten 142", where the model found only "Ashby") is a person's surname: the
    full name there becomes a person's mention, and the surname folds into it later.

    Occurrences come from the word index, so a long article costs its number of names,
    not names times length."""
    by_start = {m.start: (group, m) for group in groups.values() for m in group.mentions}
    for key, group in list(groups.items()):
        form = group.longest()
        if " " in key or not form[:1].isupper() or form.isupper() or group.designated():
            continue
        if form.lower() in ORG_HEADS or is_place(form):
            continue
        for surname_start, end in list(words.find_all(form)):
            given_match = _GIVEN_BEFORE.search(text, max(0, surname_start - 40), surname_start)
            if given_match is None:
                continue
            given, start = given_match.group(1), given_match.start(1)
            if not is_given_name(given) or is_place(given) or is_language(given):
                continue
            if given.lower() in titles() or given.lower() in NOT_GIVEN:
                continue
            if taken.overlaps(start, surname_start) or _after_capitalised(text, start):
                continue  # the given name belongs to another name ("Hagley Oval")
            found = by_start.get(surname_start)
            if found is not None and found[1].end == end:
                owner, mention = found
                owner.mentions.remove(mention)
            elif taken.overlaps(surname_start, end):
                continue  # a longer name holds the surname
            taken.add(start, end)
            name = text[start:end]
            full = groups[name_key(name)]
            full.mentions.append(Mention(start, end, name, "model"))
            full.vote(name, "PERSON", 3)
    for key in [key for key, group in groups.items() if not group.mentions]:
        del groups[key]


# A capitalised word and one space right before a name: its given name, maybe.
_GIVEN_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+) $")


def _after_capitalised(text: str, position: int) -> bool:
    """Whether a capitalised word ends right before ``position`` ("Hagley Oval"): then the
    word at ``position`` continues another name."""
    before = text[max(0, position - 40) : position]
    return bool(re.search(r"[A-Z][\w'\u2019-]* $", before))


# An acronym that the text calls an organisation: "the state weather bureau PAGASA", "the
# RMT union", "rail union RMT". Only the nouns that a body alone is called.
_BODY_NOUNS = r"(?:agency|bureau|union|party|regulator|ministry|watchdog|broadcaster|group)"
_CALLED_ACRONYMS = (
    re.compile(rf"\b[a-z]+ {_BODY_NOUNS} ([A-Z][A-Z&]{{1,7}})\b"),
    re.compile(rf"\b[Tt]he ([A-Z][A-Z&]{{1,7}}) {_BODY_NOUNS}\b"),
)


def _add_called_acronyms(text: str, groups: dict[str, _Group], taken: _Taken) -> None:
    """Find the acronyms that the text calls a body, which a small model often misses."""
    for pattern in _CALLED_ACRONYMS:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if taken.overlaps(start, end) or is_place(match.group(1)):
                continue
            name = match.group(1)
            group = groups[name_key(name)]
            group.mentions.append(Mention(start, end, name, "model"))
            group.vote(name, "ORG", 2)
            taken.add(start, end)


def _add_found(
    text: str,
    spans: Iterable[tuple[int, int]],
    label: str,
    groups: dict[str, _Group],
    taken: _Taken,
    *,
    claim: bool = True,
) -> None:
    """Add each span a finder found where the model tagged nothing, with a vote of 2 for
    ``label`` (the finder's shape is the evidence), and claim it unless ``claim`` is off."""
    for start, end in spans:
        if taken.overlaps(start, end):
            continue
        name = text[start:end]
        group = groups[name_key(name)]
        group.mentions.append(Mention(start, end, name, "model"))
        group.vote(name, label, 2)
        if claim:
            taken.add(start, end)


def _add_missed_organisations(
    text: str, groups: dict[str, _Group], taken: _Taken, lowered_words: set[str]
) -> None:
    """Find the bodies that the model missed but their shape names (:mod:`.organisations`)."""

    def rejected(name: str) -> bool:
        return _rejected_body_name(name, lowered_words)

    # Left unclaimed, as since these finders began (0b44432): the people finder that
    # runs next still sees these words.
    _add_found(text, missed_organisations(text, rejected), "ORG", groups, taken, claim=False)


def _rejected_body_name(name: str, lowered_words: set[str], *, heads: bool = False) -> bool:
    """Whether a name that a finder of bodies found is rather a place, a person's, a
    title's or a common word; with ``heads``, a title's word that is also a body's head
    ("Radio", "Bank") stays in the name."""
    words = name.split()
    return (
        is_place(name)
        or any(
            is_place(word) or word.lower() in titles() and not (heads and word.lower() in ORG_HEADS)
            for word in words
        )
        or is_given_name(words[0])
        or words[-1].lower() in PLACE_HEADS
        or is_demonym(words[0])
        or (len(words) == 1 and is_common_word(name, lowered_words))
    )


def _add_described_bodies(
    text: str, groups: dict[str, _Group], taken: _Taken, lowered_words: set[str], parse: Parse
) -> None:
    """Find the bodies that the model missed but the words after them describe as one
    ("Ukrenergo, the national grid operator,": :mod:`.organisations.described`)."""

    def rejected(name: str) -> bool:
        return _rejected_body_name(name, lowered_words, heads=True)

    found = described_bodies(text, parse, rejected)
    # A name the model tagged as something else gains the description's vote as well
    # ("Canolfan Bedwyr, the university's language technologies centre", a person to it).
    at = {(m.start, m.end): group for group in groups.values() for m in group.mentions}
    for span in found:
        group = at.get(span)
        if group is not None and group.label() != "ORG":
            group.vote(text[span[0] : span[1]], "ORG", 2)
    _add_found(text, found, "ORG", groups, taken)

    # A use only a body has ("shares of X", "X's chief executive"): a known surname alone
    # is left to the people's rules.
    def used_rejected(name: str) -> bool:
        return rejected(name) or (" " not in name and is_surname(name))

    _add_found(text, used_as_bodies(text, parse, used_rejected), "ORG", groups, taken)
    # A name that a body's head ends or opens, which the model left wholly untagged: a
    # place's or a title's word in it is the body's ("Ulster Orchestra", "Premier Bank").
    _add_found(text, headed_names(text, is_place), "ORG", groups, taken)


def _add_missed_acronyms(text: str, groups: dict[str, _Group], taken: _Taken, parse: Parse) -> None:
    """Find the acronyms that the text uses as bodies' names, and the names an acronym
    leads ("MTN Cameroon"), where the model tagged none (:mod:`.organisations.acronyms`)."""
    found = missed_acronyms(text, parse) + acronym_led_names(text)
    _add_found(text, found, "ORG", groups, taken)


def _add_missed_people(text: str, groups: dict[str, _Group], taken: _Taken) -> None:
    """Find the people's names that the model missed, by their shape (a known given name
    first, a known surname last or a role before: :func:`.people.missed_people`)."""
    _add_found(text, missed_people(text, taken.claimed), "PERSON", groups, taken)


def _add_publisher(article: Article, groups: dict[str, _Group], taken: _Taken) -> None:
    """The publisher the loader read from the page (``metadata["source"]``: its copyright
    notice, "© 2026 Acme Herald", or its metadata) is an organisation wherever the text
    writes its name; its shape is surer than the model's guess at a lone masthead."""
    source = article.metadata.get("source")
    # A page's metadata sometimes gives its headline as the site's name: a publisher's
    # name is short, and is not the headline.
    if not isinstance(source, str) or not 0 < len(source.split()) <= 6:
        return
    if article.title and source.casefold() == article.title.casefold():
        return
    for match in re.finditer(rf"(?<!\w){re.escape(source)}(?!\w)", article.text):
        start, end = match.span()
        if not taken.overlaps(start, end):
            group = groups[name_key(source)]
            group.mentions.append(Mention(start, end, source, "byline"))
            group.vote(source, "ORG", 2)
            taken.add(start, end)


def _add_byline(article: Article, groups: dict[str, _Group], taken: _Taken) -> None:
    """Credit the byline's names where the byline's blocks write them (a page may have
    two: a date line and "By Jane Doe, Buenos Aires")."""
    if not article.byline:
        return
    blocks = [block for block in article.blocks if block.kind == "byline"]
    for name, label in byline_names(article.byline):
        for block in blocks:
            position = article.block_text(block).find(name)
            if position < 0:
                continue
            start = block.start + position
            end = start + len(name)
            if not taken.overlaps(start, end):
                group = groups[name_key(name)]
                group.mentions.append(Mention(start, end, name, "byline"))
                group.vote(name, label, 2)  # a byline's shape is strong evidence
                taken.add(start, end)
            break


def _merge_acronyms(text: str, words: WordIndex, groups: dict[str, _Group]) -> None:
    """Fold an organisation's acronym into its full name: "ECB" into "European Central
    Bank", when the text defines it ("... Bank (ECB)") or its initials spell it."""
    full_names = {
        key: group
        for key, group in groups.items()
        if len(key.split()) >= 2 and group.label() == "ORG"
    }
    defined: dict[str, str] = {}
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(key.split()) < 2:
            continue
        # A body's name owns the acronym after it; another name (a law's, or one the model
        # mislabelled: "Fiscalía Especial contra la Impunidad (FECI)" as an event) owns
        # it when its initials spell it, and the name's evidence then decides the label.
        body = key in full_names
        for mention in group.mentions:
            definition = DEFINITION.match(text, mention.end)
            if definition and (
                body or (group.label() != "PERSON" and abbreviates(definition[1], group.longest()))
            ):
                defined.setdefault(definition[1], key)
    for key, group in full_names.items():
        initials = _initials(group.longest())
        if len(initials) >= 2:
            by_initials[initials].append(key)
    for key, group in list(groups.items()):
        form = group.longest()
        if key in full_names or not ACRONYM.match(form):
            continue
        owners = by_initials.get(form.replace(".", ""), [])
        target = defined.get(form) or (owners[0] if len(owners) == 1 else None)
        if target is not None and target in groups:
            # A body's full name decides the label: "UN" is sometimes tagged as a place.
            # Another name weighs the acronym's votes with its own ("Citizens Coalition
            # for Change", tagged a law, and its "CCC", tagged a body).
            groups[target].absorb(groups.pop(key), with_votes=target not in full_names)
    for acronym, key in defined.items():
        groups[key].extra_forms.add(acronym)
    for initials, keys in by_initials.items():
        if len(keys) == 1 and words.has_word(initials):
            groups[keys[0]].extra_forms.add(initials)


def _initials(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in ACRONYM_SKIP and not has_designator(w)]
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
        if len(key.split()) >= 2
        # "Tiago Almeida", tagged an organisation, has a person's shape all the same
        and (
            group.votes.get("PERSON", 0) > 0
            or len(key.split()) <= 3
            and names_a_person(group.longest())
        )
    }
    owners: dict[str, list[str]] = defaultdict(list)
    first_names: dict[str, list[str]] = defaultdict(list)
    by_word: dict[str, list[str]] = defaultdict(list)  # two-word names by either word
    for key in persons:
        if len(key.split()) == 2:
            for word in key.split():
                by_word[word].append(key)
    for key, group in persons.items():
        for alias in aliases(group.longest()) + _later_parts(group.longest()):
            owners[name_key(alias)].append(key)
        words = key.split()
        first_names[words[0]].append(key)
        if words[0] in HONORIFICS and len(words) > 2:
            owners[" ".join(words[:2])].append(key)  # "Sheikh Faisal" of "Sheikh Faisal bin ..."
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
        if not candidates and size == 1 and not is_given_name(short_key):
            # "Park" of "Park Jae-won", "Nguyen" of "Nguyen Van Hung": a surname written
            # first, whatever label the model gave it alone.
            candidates = [
                k
                for k in first_names.get(short_key, [])
                if k in groups and len(k.split()) <= 3 and not is_place(short_key)
            ]
        if not candidates and size == 2 and short_key in persons:
            # "Oleksandr Hnatiuk" of "Oleksandr Petrovych Hnatiuk": a middle name or a
            # patronymic left out.
            first, last = short_key.split()
            candidates = [
                k
                for k in first_names.get(first, [])
                if k in groups and len(k.split()) > 2 and k.split()[-1] == last
            ]
        if not candidates and size == 2 and short_key.split()[0].endswith("."):
            # "Ts. Oyunchimeg", the short form of "Oyunchimeg Tsendsuren".
            named = by_word.get(short_key.split()[1], [])
            others = [k for k in named if k in groups and k != short_key]
            initialled = initialled_owner(short_key, others)
            candidates = [initialled] if initialled is not None else []
        if not candidates and size == 2 and short_key.split()[0] in HONOUR_TITLES:
            # "Sir Edmund", the short form of "Edmund Halloway".
            candidates = [k for k in first_names.get(short_key.split()[1], []) if k in groups]
        if len(candidates) != 1:
            continue  # two people share the name: leave the short form on its own
        full = groups[candidates[0]]
        # A full name the model never called a person ("Amani Kouadio N'Dri", an ORG to
        # it) is one by its shape; its short forms' votes would only repeat the mistake.
        full.absorb(groups.pop(short_key), with_votes=full.votes.get("PERSON", 0) > 0)


def _later_parts(full: str) -> list[str]:
    """The parts of a long name that a story may use alone, besides the surname: each word
    after the first and each run of words that ends the name ("Quispe" and "Quispe Mamani"
    of "Luis Alberto Quispe Mamani", "Yildirim Kaya" of "Sebnem Yildirim Kaya"). They only
    fold a name the model found into the one full name that has them, never find more."""
    words = full.split()
    if len(words) < 3:
        return []
    singles = [w for w in words[1:-1] if w[:1].isupper() and w.lower() not in PARTICLES]
    return singles + [" ".join(words[i:]) for i in range(1, len(words) - 1)]


def _merge_short_organisation_names(groups: dict[str, _Group]) -> None:
    """Fold an organisation's name cut short into the one full name it starts: "Central
    Bank" into "Central Bank of the Republic of Turkiye", "Banco Itau" into "Banco Itau
    BBA" (the rest an "of" phrase, an organisation's head word, a legal form or an
    acronym). A person's name is never folded into a body's ("Jane Doe" and "Jane Doe
    Foundation" are two)."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        for size in range(1, len(words)):
            by_prefix[" ".join(words[:size])].append(key)
    for short_key in list(groups):
        short = groups.get(short_key)
        if short is None or short_key not in by_prefix:
            continue
        if short.label() not in ("ORG", "GPE", "FAC"):
            continue
        owners = []
        # "Azam FC", keyed "azam", is not "Azam TV" cut short: its own form says so.
        forms = {m.text.split()[-1] for m in short.mentions if is_legal_form(m.text.split()[-1])}
        for key in by_prefix[short_key]:
            if key not in groups:
                continue
            full = groups[key]
            rest = full.longest().split()[len(short_key.split()) :]
            if full.label() != "ORG" or not rest or (forms and rest[0] not in forms):
                continue
            first = rest[0].strip(".,")
            if (
                first.lower() in ("of", "for")
                or len(rest) == 1
                and (first.lower() in ORG_HEADS or ACRONYM.match(first) or is_legal_form(first))
            ):
                owners.append(key)
        if len(owners) == 1:
            groups[owners[0]].absorb(groups.pop(short_key))


def _find_more_mentions(
    text: str, words: WordIndex, groups: dict[str, _Group], taken: _Taken
) -> None:
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
            for alias in aliases(group.longest()):
                surname_owners[alias] += 1
                forms.append((alias, key))
    # Longest forms first, so that "Irfan Al Hayali" claims its words before "Hayali".
    forms.sort(key=lambda item: -len(item[0]))
    seen: set[tuple[str, str]] = set()
    for form, key in forms:
        if (form, key) in seen or surname_owners.get(form, 0) > 1 or len(form) < 2:
            continue
        seen.add((form, key))
        for start, end in words.find_all(form):
            if taken.overlaps(start, end):
                continue
            groups[key].mentions.append(Mention(start, end, text[start:end], "alias"))
            taken.add(start, end)


def _merge_other_names(text: str, groups: dict[str, _Group]) -> None:
    """Fold a name the text calls another name of one it just wrote into it ("the
    Kuwait Anti-Corruption Authority, known as Nazaha"; "Choi Jun-ho, who performs as
    Juno"): the first name decides the label."""
    pairs = other_names(text)
    if not pairs:
        return
    by_end = {m.end: key for key, group in groups.items() for m in group.mentions}
    by_start = {m.start: key for key, group in groups.items() for m in group.mentions}
    for first_end, second_start in pairs:
        first, second = by_end.get(first_end), by_start.get(second_start)
        if first is None or second is None or first == second:
            continue
        if first in groups and second in groups:
            groups[first].absorb(groups.pop(second), with_votes=False)
            by_start = {m.start: k for k, g in groups.items() for m in g.mentions}
            by_end = {m.end: k for k, g in groups.items() for m in g.mentions}


def _merge_spellings(groups: dict[str, _Group]) -> None:
    """Fold two spellings of one name into one: with and without accents, for any name
    ("Sølund & Kragh", "Solund & Kragh"); for a person's, the same consonants in the same
    order and nearly the same letters ("Oleksandr Kovalenko" and "Olexander Kovalenko",
    "Ahmed al-Hakim" and "Ahmed al-Hakeem")."""
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        by_letters[unaccented(key)].append(key)
    for keys in by_letters.values():
        # "Sølund & Kragh" and "Solund & Kragh": one name, whatever it names.
        keys.sort(key=lambda k: (-len(groups[k].mentions), k))
        for other in keys[1:]:
            groups[keys[0]].absorb(groups.pop(other))
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if group.votes.get("PERSON", 0) > 0 and group.label() == "PERSON":
            skeleton = spelling_skeleton(key)
            if len(skeleton.replace(" ", "")) >= 5:
                by_skeleton[skeleton].append(key)
    for keys in by_skeleton.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: (-len(groups[k].mentions), k))
        main = keys[0]
        for other in keys[1:]:
            if SequenceMatcher(None, main, other).ratio() >= 0.8:
                groups[main].absorb(groups.pop(other))


def _fold_company_short_forms(groups: dict[str, _Group]) -> None:
    """Fold a name the model called a person into the one organisation whose name it
    starts, when :func:`.people.company_short_form` says it is the company's name cut
    short ("Oriel" of "Oriel Mobile"); a designated name wins over others."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        for size in range(1, min(3, len(words))):
            by_prefix[" ".join(words[:size])].append(key)
    for short_key in list(groups):
        short = groups.get(short_key)
        if short is None or short_key not in by_prefix or short.label() != "PERSON":
            continue
        owners = [
            key
            for key in by_prefix[short_key]
            if key in groups
            and (groups[key].designated() or groups[key].label() == "ORG")
            and company_short_form(short.longest(), groups[key].longest())
        ]
        if len(owners) > 1:
            owners = [key for key in owners if groups[key].designated()]
        if len(owners) == 1:
            groups[owners[0]].absorb(groups.pop(short_key), with_votes=False)


def _finish(text: str, groups: dict[str, _Group], parse: Parse) -> list[Entity]:
    person_words = {
        word
        for key, group in groups.items()
        if group.votes.get("PERSON", 0) > 0
        for word in key.split()
    }
    entities = []
    for group in groups.values():
        if not group.mentions:
            continue
        longest = group.longest()
        mentions = tuple(sorted(group.mentions, key=lambda m: m.start))
        weighing = weigh(text, longest, mentions, group.votes, parse, person_words)
        if group.designated():
            # A designator settles it, whatever the model said ("SS Lazio", "Acme Inc.").
            weighing.add("ORG", 6 + sum(group.votes.values()), "company or club designator")
        if group.outlet:
            # The page's shape settles it, whatever the gazetteers say ("Xinhua" is a
            # place's name too, "EFE" a language's code).
            weighing.add("ORG", 6 + sum(group.votes.values()), group.outlet)
        fallback = group.label()
        if fallback == "PERSON" and any(char.isdigit() for char in longest):
            fallback = "ORG" if group.votes.get("ORG") else "PRODUCT"
        elif (
            fallback == "PERSON"
            and weighing.weights.get("PERSON", 0) <= 0
            and not is_given_name(longest.split()[0])
        ):
            # The model said "a person" and the evidence took that away ("Email" of a
            # menu, a common noun): nothing says what it is.
            fallback = "MISC"
        label, confidence = weighing.decide(fallback)
        entities.append(
            Entity(
                name=longest,
                label=label,
                mentions=mentions,
                votes=dict(group.votes),
                confidence=round(confidence, 2),
                why=tuple(weighing.reasons),
            )
        )
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    return relabel_listed(text, entities, parse)
