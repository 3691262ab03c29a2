"""Speakers: from the token the parse points at to an entity of the article.

A name is looked up among the entities' mentions (people and organisations; a place is
no speaker). A phrase that names no one directly is resolved in steps:

- an apposition anywhere in the phrase ("the bill's sponsor, Joseph Kiprono", "a
  spokeswoman for the minister, Rachida Belkacem"), or a name the phrase holds ("regional
  governor Maksym Kozytskyi-Hnatyuk" when the parse hangs the name oddly);
- the organisation an unnamed spokesperson or group of people speaks for ("a Shell
  spokesman", "a spokesman for the ministry", "analysts at Savanna Capital");
- a pronoun refers to the last person ("he", "she", of the right gender when known) or
  organisation ("it") named as a speaker or subject;
- a definite description ("the minister", "the company", "the Speaker") refers to the one
  the article introduced with that word ("Defence Minister Irfan Al Hayali", "BNDES, the
  national development bank"), else to an organisation whose name holds the word ("the
  navy": the Secretariat of the Navy), else to the last person or organisation named as a
  speaker or subject; introduced without a name ("a Western diplomat ... the diplomat
  said"), it stays unnamed;
- anything else ("a police spokesman", "analysts") is an unnamed speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.entities import Entity
from reader.syntax import Parse

_MALE = frozenset("he him his".split())
_FEMALE = frozenset("she her hers".split())
_MALE_TITLES = frozenset("mr mr. sir lord king prince sheikh".split())
_FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss dame lady queen princess".split())
#: Nouns for an organisation: "the company said" refers to one named before.
ORG_NOUNS = frozenset(
    """company firm group ministry bank agency government party club union lender carrier
    insurer regulator authority council commission organisation organization department
    body board team alliance operator maker manufacturer retailer producer broadcaster
    newspaper outlet league federation association institute university court army navy
    militia movement coalition airline utility charity network office embassy foundation
    administration watchdog exchange fund service police museum force forces secretariat
    corporation consortium conglomerate startup giant supplier developer chain
    opposition campaign delegation carmaker automaker chipmaker drugmaker""".split()
)
# "the carmaker", "the steelmaker", "the state-run lender": kinds of organisation by ending.
_ORG_ENDINGS = ("maker", "company", "ministry", "agency", "bank", "firm", "group", "operator")
#: Nouns for whoever speaks for an organisation: "a Shell spokesman" is Shell.
SPOKES_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople representative statement website
    account analyst source official executive researcher scientist expert economist
    staff""".split()
)
#: Nouns for what a document says: "according to documents seen by Dawn" is Dawn.
DOCUMENT_NOUNS = frozenset(
    """document paper study report survey data figure statement filing letter memo poll
    research analysis estimate record""".split()
)
_INDEFINITE = frozenset("a an some one several many two three".split())
_SPEAKERS = ("person", "organisation")
_WINDOW = 40  # characters between a role word and the name it introduces


@dataclass
class Context:
    """Who was last named as a speaker or subject, for pronouns and descriptions.

    Attributes:
        people: Canonical names of people, most recent last.
        organisations: Canonical names of organisations, most recent last.
        gender: ``m`` or ``f`` for people whose gender a title or a pronoun showed.
    """

    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)

    def note(self, name: str, kind: str) -> None:
        """Record that ``name`` (a ``person`` or ``organisation``) was just named as a
        speaker or subject."""
        if kind not in _SPEAKERS:
            return
        bucket = self.organisations if kind == "organisation" else self.people
        if name in bucket:
            bucket.remove(name)
        bucket.append(name)

    def note_unnamed(self) -> None:
        """Record that an unnamed person spoke ("a nurse said"): "she said" after it is
        that nurse, not the last person named before."""
        self.note("", "person")

    def person(self, gender: str | None = None) -> str | None:
        """The last person named (``""`` for an unnamed one), skipping those known to be
        of the other gender; ``None`` when there is none."""
        for name in reversed(self.people):
            if gender is None or self.gender.get(name, gender) == gender:
                return name
        return None

    def organisation(self) -> str | None:
        """The last organisation named."""
        return self.organisations[-1] if self.organisations else None


class Mentions:
    """Every mention of the article's people and organisations, found by offset."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.entities = tuple(e for e in entities if e.kind in _SPEAKERS)
        self._rows = sorted((m.start, m.end, e) for e in self.entities for m in e.mentions)
        self._starts = [row[0] for row in self._rows]

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``."""
        index = bisect.bisect_left(self._starts, end)
        for s, e_end, entity in reversed(self._rows[max(0, index - 12) : index]):
            if s < end and start < e_end:
                return entity
        return None

    def last_before(
        self, offset: int, kind: str, context: Context, gender: str | None
    ) -> str | None:
        """The last ``kind`` mentioned before ``offset`` (of ``gender`` when known)."""
        index = bisect.bisect_left(self._starts, offset)
        for _, _, entity in reversed(self._rows[:index]):
            if entity.kind == kind and (
                gender is None or context.gender.get(entity.name, gender) == gender
            ):
                return entity.name
        return None

    def surname(self, name: str) -> Entity | None:
        """The person or organisation whose canonical name ends with ``name`` (a mention
        the model missed: "Garba" for Ibrahim Musa Garba)."""
        folded = name.casefold()
        for entity in self.entities:
            full = entity.name.casefold()
            if full == folded or full.endswith(" " + folded):
                return entity
        return None

    def near(self, start: int, end: int, kind: str) -> Entity | None:
        """The entity of ``kind`` named right after or right before ``[start, end)``, in
        the same clause ("Defence Minister Irfan Al Hayali", "Caroline Mwende, chief
        executive")."""
        index = bisect.bisect_left(self._starts, end)
        after = self._rows[index : index + 3]
        before = self._rows[max(0, index - 4) : index]
        for s, _, entity in after:
            gap = self.text[end:s]
            if entity.kind == kind and len(gap) <= _WINDOW and not re.search(r"[.;:\n]", gap):
                return entity
        for _, e_end, entity in reversed(before):
            gap = self.text[e_end:start]
            if (
                entity.kind == kind
                and e_end <= start
                and len(gap) <= _WINDOW
                and not re.search(r"[.;:\n]", gap)
                and "," in gap
            ):
                return entity
        return None

    def containing(self, phrase: str, before: int) -> Entity | None:
        """The organisation whose name holds ``phrase`` as words, last mentioned before
        ``before`` ("the navy": the Secretariat of the Navy)."""
        pattern = re.compile(r"\b" + re.escape(phrase) + r"\b", re.I)
        best: tuple[int, Entity] | None = None
        for entity in self.entities:
            if entity.kind != "organisation" or not pattern.search(entity.name):
                continue
            # the last mention before, else (named only later) the first after
            starts = [m.start for m in entity.mentions if m.start < before]
            rank = max(starts) if starts else -entity.mentions[0].start
            if best is None or rank > best[0]:
                best = rank, entity
        return best[1] if best else None

    def gender_of_titles(self, context: Context) -> None:
        """Learn genders from titles before mentions ("Mr Langat", "Dame Sarah")."""
        for start, _, entity in self._rows:
            if entity.kind != "person":
                continue
            words = self.text[max(0, start - 12) : start].split()
            title = words[-1].lower() if words else ""
            if title in _MALE_TITLES:
                context.gender.setdefault(entity.name, "m")
            elif title in _FEMALE_TITLES:
                context.gender.setdefault(entity.name, "f")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker found for a phrase.

    Attributes:
        name: Canonical name of the entity, or ``None`` for an unnamed speaker.
        kind: ``person`` or ``organisation``, when named.
        how: Which rule found it: ``name``, ``apposition``, ``spokesperson``, ``pronoun``,
            ``description``, ``unnamed``.
    """

    name: str | None
    kind: str | None
    how: str


UNNAMED = Resolved(None, None, "unnamed")
_UNNAMED_PERSON = Resolved(None, "person", "unnamed")


def resolve(parse: Parse, head: int, mentions: Mentions, context: Context) -> Resolved:
    """The speaker that the phrase headed by token ``head`` names or refers to."""
    tokens = parse.tokens
    token = tokens[head]
    text = mentions.text
    direct = mentions.at(token.start, token.end)
    if direct is not None:
        return _named(direct, "name")
    word = text[token.start : token.end].lower()
    if token.tag in ("PRP", "PRP$") or token.pos == "PRON":
        if word in _MALE or word in _FEMALE:
            gender = "m" if word in _MALE else "f"
            name = context.person(gender)
            if name is None:
                name = mentions.last_before(token.start, "person", context, gender)
            if not name:
                return _UNNAMED_PERSON
            context.gender.setdefault(name, gender)
            return Resolved(name, "person", "pronoun")
        if word == "it":
            name = context.organisation() or mentions.last_before(
                token.start, "organisation", context, None
            )
            return Resolved(name, "organisation", "pronoun")
        return UNNAMED
    phrase = _phrase_tokens(parse, head)
    for i in phrase:  # an apposition anywhere in the phrase, not in brackets
        if tokens[i].dep != "appos" or text[tokens[i].start - 2 : tokens[i].start].strip() == "(":
            continue
        found = _named_in(parse, i, mentions)
        if found is None and tokens[i].pos == "PROPN":
            found = mentions.surname(text[tokens[i].start : tokens[i].end])
            if found is None:  # a name that is no entity: unnamed rather than a guess
                return UNNAMED
        if found is not None:
            return _named(found, "apposition")

    if token.dep == "appos":
        above = tokens[token.head]
        found = mentions.at(above.start, above.end)
        if found is not None:
            return _named(found, "apposition")
    people = [e for i in phrase if (e := mentions.at(tokens[i].start, tokens[i].end))]
    person = next((e for e in people if e.kind == "person"), None)
    if person is not None and token.pos in ("NOUN", "PROPN"):
        return _named(person, "name")
    lemma = token.lemma.lower()
    determiners = {
        text[tokens[c].start : tokens[c].end].lower()
        for c in parse.children(head)
        if tokens[c].dep in ("det", "poss")
    }
    has_poss = any(tokens[c].dep == "poss" for c in parse.children(head))
    indefinite = bool(determiners & _INDEFINITE) or (not determiners and token.tag.endswith("S"))
    organisation = next((e for e in people if e.kind == "organisation"), None)
    # Whoever speaks for an organisation: "a Shell spokesman", "analysts at Savanna".
    if organisation is not None and (
        lemma in SPOKES_NOUNS or _org_noun(lemma) or token.tag == "NNS"
    ):  # "Pacific Islands Forum leaders" speak for the forum; "a PML-N leader" for himself
        return _named(organisation, "spokesperson")
    if lemma in SPOKES_NOUNS:  # "a spokesperson for the agency": the agency
        for child in parse.children(head):
            if tokens[child].dep == "prep" and tokens[child].lemma.lower() in ("for", "of", "at"):
                for pobj in parse.children(child):
                    if tokens[pobj].dep == "pobj" and _org_noun(tokens[pobj].lemma.lower()):
                        found_org = resolve(parse, pobj, mentions, context)
                        if found_org.name is not None:
                            return Resolved(found_org.name, found_org.kind, "spokesperson")
    # What documents say, who made them: "according to a paper published by the IISc".
    for child in parse.children(head) if lemma in DOCUMENT_NOUNS else ():
        if tokens[child].dep == "acl":
            for agent in parse.children(child):
                if tokens[agent].dep == "agent":
                    for by in parse.children(agent):
                        if tokens[by].dep == "pobj":
                            return resolve(parse, by, mentions, context)
    if token.pos == "PROPN":
        name = " ".join(
            text[tokens[i].start : tokens[i].end] for i in phrase if tokens[i].pos == "PROPN"
        )
        found = mentions.surname(text[token.start : token.end]) or mentions.surname(name)
        if found is not None:
            return _named(found, "name")
        compound = any(tokens[c].dep == "compound" for c in parse.children(head))
        if not determiners or compound:  # a name that is no entity: unnamed, not a guess
            return UNNAMED
    if indefinite:
        singular = lemma not in ORG_NOUNS and not token.tag.endswith("S")
        return _UNNAMED_PERSON if singular else UNNAMED
    if not determiners and not has_poss and token.pos != "PROPN":
        if lemma in SPOKES_NOUNS or lemma in ORG_NOUNS:  # "Police said"
            found = mentions.containing(word, token.start)
            return _named(found, "description") if found else UNNAMED
        return UNNAMED
    if token.tag == "NNS":  # "the researchers", "the three companies": a group
        return UNNAMED
    return _describe(parse, head, mentions, context, organisation)


def _describe(
    parse: Parse, head: int, mentions: Mentions, context: Context, owner: Entity | None
) -> Resolved:
    """A definite description: "the minister", "the company", "the Speaker"."""
    tokens = parse.tokens
    token = tokens[head]
    text = mentions.text
    word = text[token.start : token.end].lower()
    compounds = [
        text[tokens[c].start : tokens[c].end].lower()
        for c in parse.children(head)
        if tokens[c].dep == "compound" and c < head
    ]
    is_org = _org_noun(token.lemma.lower())
    if is_org:
        for phrase in (" ".join([*compounds, word]), word):
            found = mentions.containing(phrase, token.start)
            if found is not None:
                return _named(found, "description")
    kind = "organisation" if is_org else "person"
    introduced = _introduced(text, word, token.start, mentions, kind)
    if introduced is not None:
        return introduced
    if is_org:
        name = context.organisation() or mentions.last_before(token.start, kind, context, None)
        return Resolved(name, kind, "description")
    name = context.person()
    if name is None and owner is not None:  # "the European Union's foreign policy chief"
        return _named(owner, "spokesperson")
    name = name or mentions.last_before(token.start, kind, context, None)
    return Resolved(name or None, kind, "description")


def _introduced(
    text: str, word: str, before: int, mentions: Mentions, kind: str
) -> Resolved | None:
    """How the article introduced ``word`` last before ``before``: next to a name (that
    entity), after "a"/"an" with no name (unnamed), or not at all (``None``)."""
    pattern = re.compile(r"\b" + re.escape(word) + r"\b", re.I)
    last = None
    for match in pattern.finditer(text, 0, before):
        last = match
    if last is None:
        return None
    found = mentions.near(last.start(), last.end(), kind)
    if found is not None:
        return _named(found, "description")
    words = text[max(0, last.start() - 40) : last.start()].split()
    if kind == "person" and any(w.lower() in ("a", "an") for w in words[-3:]):
        return UNNAMED
    return None


def _org_noun(lemma: str) -> bool:
    return lemma in ORG_NOUNS or lemma.endswith(_ORG_ENDINGS)


def _phrase_tokens(parse: Parse, head: int) -> list[int]:
    """The tokens of the phrase under ``head``, without relative or other clauses."""
    found: list[int] = []
    stack = [head]
    while stack:
        current = stack.pop()
        found.append(current)
        for child in parse.children(current):
            if parse.tokens[child].dep not in ("relcl", "acl", "advcl", "ccomp", "punct"):
                stack.append(child)
    return sorted(found)


def _named(entity: Entity, how: str) -> Resolved:
    return Resolved(entity.name, entity.kind, how)


def _named_in(parse: Parse, index: int, mentions: Mentions) -> Entity | None:
    """The entity named by token ``index`` or, failing that, its compounds."""
    token = parse.tokens[index]
    found = mentions.at(token.start, token.end)
    if found is not None:
        return found
    for child in parse.children(index):
        if parse.tokens[child].dep in ("compound", "poss"):
            found = mentions.at(parse.tokens[child].start, parse.tokens[child].end)
            if found is not None:
                return found
    return None
