"""Hostile text shared by the security tests: what an article, a file name, a title, an
entity or a note may carry to attack a terminal, and the markers that show it was
neutralised."""

from __future__ import annotations

#: Escape sequences and control characters, each with what it would do if it reached a
#: terminal raw. The payload words (``PWNED...``) let a test look for them in the output.
ESCAPES: dict[str, str] = {
    "osc0-title": "\x1b]0;PWNED-TITLE\x07",
    "osc2-title-st": "\x1b]2;PWNED-TITLE2\x1b\\",
    "osc1-icon": "\x1b]1;PWNED-ICON\x07",
    "osc52-clipboard": "\x1b]52;c;cm0gLXJmIH4vKgo=\x07",
    "osc8-link": "\x1b]8;;file:///etc/passwd\x1b\\\x1b]8;;\x1b\\",  # (its text would stay)
    "dcs-xtgettcap": "\x1bP+q544e\x1b\\",
    "dcs-sixel": "\x1bPq#0;2;0;0;0#0~~@@vv\x1b\\",
    "apc": "\x1b_PWNED-APC\x1b\\",
    "csi-clear": "\x1b[2J\x1b[H",
    "csi-sgr": "\x1b[5;31;47m",
    "csi-alt-screen-off": "\x1b[?1049l",
    "csi-report": "\x1b[6n\x1b[21t",
    "esc-reset": "\x1bc",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d0;PWNED-C1\x9c",
    "c1-dcs": "\x90+q544e\x9c",
    "bell-backspace": "\x07\x08\x08\x08",
    "del": "\x7f",  # NUL makes a file binary: refused, see tests/test_loaders.py
    "vertical-tab-form-feed": "\x0b\x0c",
}

#: Characters that reorder or hide text.
BIDI = "\u202eevil\u202c \u2066iso\u2069 \u200fmark"
ZERO_WIDTH = "zero\u200bwidth\ufeff\u2060joined"

#: Rich and Textual markup, which must show as the literal brackets.
MARKUP = (
    "[bold]not bold[/bold] [link=file:///etc/passwd]click me[/link] [/] "
    "[@click=app.quit]quit[/] [red on white]x"
)

#: Strings that must never leave the program in active form.
FORBIDDEN_ACTIVE = (
    b"\x1b]0;",
    b"\x1b]1;",
    b"\x1b]2;",
    b"\x1b]52;",
    b"\x1b]8;",
    b"\x1bP",
    b"\x1b_",
    b"\x1b^",
    b"\x1bX",
    b"\x1bc",
    b"\x1b[6n",
    b"\x1b[21t",
    "\x9b".encode(),
    "\x9d".encode(),
    "\x90".encode(),
)

#: Characters that must never reach a terminal raw (as UTF-8 they are still active or
#: reorder the line).
FORBIDDEN_CHARACTERS = frozenset(
    [chr(c) for c in range(0x80, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
    + list("\u200b\u2060\ufeff\u2028\u2029")
)


def hostile_paragraph(prefix: str = "") -> str:
    """One paragraph with every escape, bidi, zero-width and markup trick in it."""
    pieces = [
        f"{prefix}Officials said the {name} test passed{seq} today."
        for name, seq in ESCAPES.items()
    ]
    return " ".join([*pieces, BIDI + ".", ZERO_WIDTH + ".", MARKUP + "."])


def hostile_article(long_line: int = 3000) -> str:
    """A plain-text article: a markup title, a byline, hostile paragraphs, a long line."""
    return "\n".join(
        [
            "[bold]Markup[/bold] title \x1b]0;PWNED-TITLE\x07 with [link=file:///etc/passwd]link[/]",
            "",
            "By Jane \x1b[31mDoe\x1b[0m, AFP",
            "",
            "Maria Lopez met the United Nations in Paris. " + hostile_paragraph(),
            "",
            "Tom Becker said the [red]report[/red] was fine. Quoted text follows here.",
            "",
            "Long " + "x" * long_line + " line ends here.",
            "",
            "The last sentence is plain.",
            "",
        ]
    )


def contains_forbidden(data: bytes) -> list[str]:
    """Name every forbidden active sequence or character found in terminal output."""
    found = [repr(seq) for seq in FORBIDDEN_ACTIVE if seq in data]
    text = data.decode("utf-8", errors="replace")
    found += [f"U+{ord(c):04X}" for c in sorted(set(text) & FORBIDDEN_CHARACTERS)]
    return found
