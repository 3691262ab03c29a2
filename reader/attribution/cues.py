"""Speech cues: the verbs (and "according to") that report what someone said, and the
token of the parse that names who said it.

Everything here reads the dependency parse: the speaker is the subject of the speech verb,
the object of "quoted X as saying", the object of "according to", the agent of a passive
("was announced by the ministry"), or the subject of the verb a participle or a conjunct
hangs from ("..., saying", "said ... and added").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.syntax import Parse

#: Verbs that report speech whatever their subject.
STRONG = frozenset(
    """say tell warn claim deny accuse state insist allege quote argue announce explain
    confirm acknowledge admit reply urge stress emphasise emphasize underline vow pledge
    remark comment declare testify contend caution concede retort reiterate assert
    complain counter respond tweet add maintain cite""".split()
)
#: Verbs that report speech only with a quotation or a clause after them ("the data
#: suggest" or "reported from Warsaw" report no one).
WEAK = frozenset(
    """call ask note write believe suggest estimate predict promise expect think report
    recall point demand tout forecast list threaten""".split()
)
#: Speech acts that need a named person or organisation as subject instead ("Mehmood
#: defended the allocations", "the coach praised his side's patience").
ACTS = frozenset(
    """praise welcome hail criticise criticize blame dismiss reject question defend thank
    describe condemn rebuke slam""".split()
)
SPEECH = STRONG | WEAK | ACTS
# Relations under which a speech verb is a modifier, not a report ("value added tax").
_NOT_REPORTING = frozenset({"amod", "compound", "acomp", "npadvmod", "nmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb (or "according to") and the token that names its speaker.

    Attributes:
        verb: Index of the cue's first token.
        end: Offset just past the cue's last character.
        speaker: Index of the head token of the speaker's phrase, if the parse has one.
        depth: How deep the verb sits in its sentence's tree (the main verb is shallowest).
        strength: ``strong`` (reports speech whatever follows), ``weak`` (only with a
            quotation or a clause), ``act`` (only with a named speaker).
        clause: Whether it has a clause for a complement ("said that ...", "vowed to").
    """

    verb: int
    end: int
    speaker: int | None
    depth: int
    strength: str
    clause: bool = True


def find_cues(text: str, parse: Parse, indices: range, quoted: Callable[[int], bool]) -> list[Cue]:
    """The speech cues among the tokens ``indices`` (one sentence), outside quotations.

    A verb that is denied ("did not say", "declined to comment") is no cue.

    Args:
        text: The article's text.
        parse: The article's parse.
        indices: The sentence's tokens.
        quoted: Whether an offset lies inside a quotation (verbs there are quoted, not
            reporting).
    """
    cues: list[Cue] = []
    tokens = parse.tokens
    for i in indices:
        token = tokens[i]
        if quoted(token.start):
            continue
        lemma = token.lemma.lower()
        if (
            text[token.start : token.end].lower() == "according"
            and i + 1 < len(tokens)
            and tokens[i + 1].lemma == "to"
        ):
            pobj = _first(_child(parse, i + 1, "pobj"), _child(parse, i, "pobj"))
            depth = len(parse.ancestors(i))
            cues.append(Cue(i, tokens[i + 1].end, pobj, depth, "strong"))
            continue
        if lemma not in SPEECH or not token.tag.startswith("VB"):
            continue
        if token.dep in _NOT_REPORTING or _denied(parse, i):
            continue
        if token.dep == "advcl" and token.tag == "VBN":  # "Asked whether ..., she laughed"
            continue
        speaker = speaker_of(parse, i)
        if speaker == _PASSIVE:
            continue
        strength = "strong" if lemma in STRONG and lemma != "add" else "weak"
        if lemma in ACTS:
            strength = "act"
        depth = len(parse.ancestors(i))
        # A weak verb in a clause that describes ("recordings users asked to remove") or
        # explains ("..., suggesting investors had expected it") reports nothing by itself.
        clause = _reports_clause(parse, i) and token.dep not in ("relcl", "acl", "advcl")
        cues.append(Cue(i, token.end, speaker, depth, strength, clause))
    return cues


def _denied(parse: Parse, verb: int) -> bool:
    """ "did not say", "declined to comment", "refused to say"."""
    token = parse.tokens[verb]
    head = parse.tokens[token.head]
    return any(parse.tokens[c].dep == "neg" for c in parse.children(verb)) or (
        token.dep == "xcomp" and head.lemma.lower() in ("decline", "refuse")
    )


def _reports_clause(parse: Parse, verb: int) -> bool:
    """Whether the verb has a clause for a complement: "said (that) ...", "urged them to".
    A clause that the verb interrupts ("The deal, he added, is done") counts too."""
    for child in parse.children(verb):
        if parse.tokens[child].dep in ("ccomp", "xcomp", "parataxis"):
            return True
    return parse.tokens[verb].dep in ("parataxis", "ccomp") and parse.tokens[verb].head != verb


_PASSIVE = -1  # a passive speech verb with no agent: "was accused of", "was told"


def speaker_of(parse: Parse, verb: int) -> int | None:
    """The head token of the phrase that names who speaks through ``verb``."""
    tokens = parse.tokens
    lemma = tokens[verb].lemma.lower()
    quoting = lemma in ("quote", "cite")  # "quoted Larijani as telling", "was quoted as"
    if quoting and (
        _child(parse, verb, "prep", "as") is not None or _child(parse, verb, "advcl") is not None
    ):
        found = _first(_child(parse, verb, "dobj"), _child(parse, verb, "nsubjpass"))
        if found is not None:
            return found
    passive = _child(parse, verb, "nsubjpass")
    if passive is not None or _child(parse, verb, "auxpass") is not None:
        agent = _child(parse, verb, "agent")
        by = _child(parse, agent, "pobj") if agent is not None else None
        return by if by is not None else _PASSIVE
    subject = _child(parse, verb, "nsubj")
    if subject is not None:
        return subject
    # A verb with no subject of its own takes the subject of what it hangs from: the
    # first conjunct ("said ... and added"), the main verb of a participle ("..., saying"),
    # "quoted X as saying", or the noun a relative clause describes ("X, who said").
    token = tokens[verb]
    head = token.head
    if head == verb:
        return None
    if token.dep == "relcl":
        return head
    if token.dep == "pcomp" and tokens[head].lemma == "as":
        above = tokens[head].head
        if tokens[above].lemma.lower() in ("quote", "cite"):
            return speaker_of(parse, above)
    if token.dep in ("conj", "advcl", "xcomp") and tokens[head].tag.startswith("VB"):
        found = speaker_of(parse, head)
        return None if found == _PASSIVE else found
    return None


def _child(parse: Parse, index: int | None, dep: str, lemma: str | None = None) -> int | None:
    if index is None:
        return None
    for child in parse.children(index):
        token = parse.tokens[child]
        if token.dep == dep and (lemma is None or token.lemma.lower() == lemma):
            return child
    return None


def _first(*indices: int | None) -> int | None:
    return next((index for index in indices if index is not None), None)
