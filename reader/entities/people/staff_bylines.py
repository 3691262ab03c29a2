"""A byline that credits an outlet's staff, not a person: "By Reuters Staff", "AFP Staff
Writers", "Al Jazeera Staff", "Staff Reporter", "Our Correspondent"."""

from __future__ import annotations

from collections.abc import Sequence

from reader.name_words import titles

# Words that end a byline crediting a desk or the staff, never a person's name.
_STAFF_WORDS = frozenset(
    """staff writer writers reporter reporters correspondent correspondents desk team
    newsroom""".split()
)
# Words before them that name no outlet: "By Our Correspondent", "A Staff Reporter",
# "Political Correspondent", "Sports Desk", "Special Correspondent".
_NO_OUTLET = frozenset(
    """by our a an the special political sports sport business foreign diplomatic
    economics economic city news online digital web metro local national""".split()
)


def staff_outlet(words: Sequence[str]) -> str | None:
    """For a byline's part that ends in a staff word, the outlet before "Staff"
    ("Reuters" of "Reuters Staff"), or "" when none is named ("Staff Reporter", "Courts
    Correspondent": a beat); ``None`` for any other part, which may be a person's name."""
    if not words or words[-1].lower().strip(".") not in _STAFF_WORDS:
        return None
    rest = list(words)
    popped = []
    while rest and rest[-1].lower().strip(".") in _STAFF_WORDS:
        popped.append(rest.pop().lower().strip("."))
    if "staff" not in popped:
        return ""  # "Health Reporter", "Courts Correspondent": a beat, not an outlet
    while rest and rest[0].lower() in _NO_OUTLET:
        rest.pop(0)
    if not rest or all(word.lower().rstrip(".") in titles() | _NO_OUTLET for word in rest):
        return ""
    return " ".join(rest)
