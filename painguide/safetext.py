"""Rules for Markdown written by editors: no raw HTML, and only safe link targets.

Content is Markdown so that editors can write lists, emphasis and links; anything that
could put markup or script into a page is rejected with the reason, never escaped
silently.
"""

from __future__ import annotations

import re

# A '<' followed by a letter, '/', '!' or '?' starts an HTML tag, comment or
# declaration; Markdown would pass it through to the page as raw HTML.
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_ALLOWED_SCHEMES = {"https", "mailto", "tel"}


def check_markdown(text: str) -> str:
    """Return text unchanged, or raise ValueError naming the first problem."""
    match = _HTML.search(text)
    if match:
        snippet = text[match.start() : match.start() + 20].split("\n")[0]
        raise ValueError(
            f"raw HTML is not allowed in text ('{snippet}…'); use Markdown instead, "
            "or write the character '<' as '&lt;'"
        )
    for target in _INLINE_LINK.findall(text) + _REF_LINK.findall(text):
        check_link(target)
    return text


def check_link(target: str) -> None:
    scheme = _SCHEME.match(target)
    if scheme is None:
        if target.startswith("//"):
            raise ValueError(f"link '{target}' has no scheme; write https://…")
        return
    name = scheme.group(1).lower()
    if name == "http":
        raise ValueError(f"link '{target}' uses http:; only https: links are allowed")
    if name not in _ALLOWED_SCHEMES:
        raise ValueError(
            f"link '{target}' uses {name}:; links may only be relative paths or use https:, mailto: or tel:"
        )
