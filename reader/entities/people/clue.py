"""What a piece of evidence about a person is: a label, a weight and a reason."""

from __future__ import annotations

#: A piece of evidence: a label, a weight (negative against it) and the reason.
Clue = tuple[str, float, str]


# Enough to outweigh any evidence for a person: the name is not a person's.
NEVER = -100.0
