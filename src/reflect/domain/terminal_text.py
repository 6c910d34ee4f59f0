"""Text from someone else's file, made safe to print on a terminal.

A packet is sealed by anyone who knows the supervisor's public key and a team contribution is
plain JSON from anyone, so a name, a title or a field name in them may hold an escape sequence
that retitles the terminal, clears the screen or hides the lines above once printed. Control
characters are shown as their escapes (``\\x1b``); line breaks and tabs are kept.
"""

from __future__ import annotations

import unicodedata


def terminal_safe(text: object) -> str:
    return "".join(
        f"\\x{ord(c):02x}" if c not in "\n\t" and unicodedata.category(c) == "Cc" else c
        for c in str(text)
    )
