"""Rules for Markdown written by editors: no raw HTML, and only safe link targets.

Content is Markdown so that editors can write lists, emphasis and links; anything that
could put markup or script into a page is rejected with the reason, never escaped
silently.
"""

from __future__ import annotations

import difflib
import html
import re

from painguide import kinds

# A '<' followed by a letter, '/', '!' or '?' starts an HTML tag, comment or
# declaration; Markdown would pass it through to the page as raw HTML.
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
# An inline link or image target: everything up to the closing ')', allowing one level
# of parentheses inside it, as Markdown does ([x](https://host/a_(b))).
_INLINE_LINK = re.compile(r"\]\(((?:[^()]|\([^()]*\))*)")
_REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_ALLOWED_SCHEMES = {"https", "mailto", "tel"}
# attr_list ({: onclick=…} after a link, heading or paragraph) sets HTML attributes.
_ATTR_LIST = re.compile(r"\{:?[ ]*[^}\n]*=[^}\n]*\}")
# Browsers drop tabs and line breaks anywhere in a URL, and leading control
# characters and spaces, before they read the scheme: "java\nscript:" is "javascript:".
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = re.compile(r"^[\x00-\x20]+")
_NATIONAL = {"112", "1177"}
"""Numbers that are the same for every reader in Sweden: emergency and the advice line."""
_PHONE_HELP = ("phone numbers come only from content/regions.yaml, each with its source; name the "
               "unit or team in the text, and its page shows the number (a number written in text is "
               "caught by checks.py with its line)")


def check_markdown(text: str) -> str:
    """Return text unchanged, or raise ValueError naming the first problem."""
    match = _HTML.search(text)
    if match:
        snippet = text[match.start() : match.start() + 20].split("\n")[0]
        raise ValueError(
            f"raw HTML is not allowed in text ('{snippet}…'); use Markdown instead, "
            "or write the character '<' as '&lt;'"
        )
    match = _ATTR_LIST.search(text)
    if match:
        raise ValueError(
            f"HTML attributes in braces are not allowed in text ('{match.group()}'); remove them"
        )
    for target in _INLINE_LINK.findall(text) + _REF_LINK.findall(text):
        check_link(_link_target(target))
    return text


def _link_target(raw: str) -> str:
    """The URL a browser would follow: entities decoded, ignored characters removed."""
    target = _URL_LEADING.sub("", _URL_IGNORED.sub("", html.unescape(raw)))
    if target.startswith("<"):
        return _URL_LEADING.sub("", target[1:]).split(">", 1)[0]
    return target.split(" ", 1)[0]


def check_link(target: str) -> None:
    scheme = _SCHEME.match(target)
    if scheme is None:
        if target.startswith("//"):
            raise ValueError(f"link '{target}' has no scheme; write https://…")
        return
    # A page of the site by id (pm:cassette-change): the checks resolve it (painguide/idlinks.py)
    # and the renderer makes it a relative link, so it never reaches a page as it is.
    names = kinds.link_names()
    if scheme.group(1) in names:
        return
    name = scheme.group(1).lower()
    if name == "tel" and re.sub(r"[\s-]", "", target[4:]) not in _NATIONAL:
        raise ValueError(f"link '{target}' calls a number that is not 112 or 1177: {_PHONE_HELP}")
    if name == "http":
        raise ValueError(f"link '{target}' uses http:; only https: links are allowed")
    if name not in _ALLOWED_SCHEMES:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}:'? " if close else ""
        raise ValueError(
            f"link '{target}' uses {name}:; {hint}links may only use https:, mailto: or tel:, "
            "or name a page of the site by id (pm:<id>; see content/README.md)"
        )
