"""How the built site is meant to be served: the HTTP headers a web server adds.

The site runs under a strict Content-Security-Policy: no inline script, no eval, nothing
from another host. `'wasm-unsafe-eval'` lets the search run its WebAssembly (Pagefind),
`data:` images are Material's inline icons, and `'unsafe-inline'` styles are the style
attributes that Material's script sets. The browser suite serves the site with exactly
this header (tests/browser/sitecheck.py) and fails on any violation; the README gives it
with nginx and Apache samples, and tests/test_serving.py keeps the README equal to it.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "frame-ancestors 'none'"
)
