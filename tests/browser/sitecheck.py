"""Checkers for a built painguide site, shared by the browser tests and the defect tests.

Every checker is a plain function that returns a list of problems, each naming the page
it was found on, so the same code proves the real site clean and a damaged copy dirty.

    site_pages(site_dir)              every page: each index.html and 404.html, as URL paths
    serve(site_dir)                   a local HTTP server for a folder (context manager)
    axe_violations(page, url)         axe-core, WCAG 2.0/2.1 A and AA
    third_party_requests(page, url)   requests to any host other than the local server
    vnu_errors(site_dir)              Nu HTML Checker errors
    broken_links(site_dir)            linkchecker: broken links and anchors
"""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "linkchecker"
CHROMIUM = Path("/usr/bin/chromium")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The one documented false positive of Material for MkDocs (TOOLCHAIN.md): its toggle
# checkboxes carry autocomplete="off". Filtered by this exact message and nothing broader.
VNU_FALSE_POSITIVE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”."
)


def install_hint(what: str) -> str:
    return f"{what} is missing: run `sh tests/browser/install-deps.sh` (or `make browser-deps`)."


# -- the pages ------------------------------------------------------------------------


def site_pages(site_dir: Path) -> list[str]:
    """Every built page as a URL path: /…/ for each index.html, and each 404.html."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if path.name == "index.html":
            pages.append("/" + rel[: -len("index.html")])
        elif path.name == "404.html":
            pages.append("/" + rel)
    return pages


def lang_of(url_path: str) -> str:
    return "en" if url_path.startswith("/en/") else "sv"


# -- the server -----------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # Tells linkchecker that it may skip its politeness delay for this host.
        self.send_header("LinkChecker", "local test server")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        # A browser that navigates away mid-download closes the connection: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 (a free port) from a daemon thread; yields the base URL."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {site_dir}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# -- accessibility --------------------------------------------------------------------


def run_axe(page) -> list[dict]:  # noqa: ANN001 - a playwright Page
    """axe-core on the page as it is now (no navigation). Returns raw violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")),
                html: v.nodes.map(n => n.html.slice(0, 160)),
            }));
        }""",
        AXE_TAGS,
    )


def axe_violations(page, url: str, label: str | None = None) -> list[dict]:  # noqa: ANN001
    """Load url and run axe-core; each violation names its page (label, or the URL path)."""
    page.goto(url)
    where = label or urlsplit(page.url).path
    return [{"page": where, **v} for v in run_axe(page)]


def format_violations(violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe-core violation(s):"]
    for v in violations:
        lines.append(f"- {v['page']}: {v['id']} ({v['impact']}): {v['help']}")
        for target, html in zip(v["targets"], v["html"]):
            lines.append(f"    at {target}   {html}")
    return "\n".join(lines)


# -- privacy --------------------------------------------------------------------------


def third_party_requests(page, url: str, allowed_host: str = "127.0.0.1") -> list[str]:  # noqa: ANN001
    """Load url (and wait until the network is idle); every request to another host, as
    "<page>: <request URL>". Requests from workers of the page count too."""
    seen: list[str] = []

    def record(request) -> None:  # noqa: ANN001
        seen.append(request.url)

    page.context.on("request", record)
    try:
        page.goto(url, wait_until="networkidle")
    finally:
        page.context.remove_listener("request", record)
    where = urlsplit(page.url).path
    return [
        f"{where}: {req}"
        for req in seen
        if urlsplit(req).scheme not in ("data", "blob", "about") and urlsplit(req).hostname != allowed_host
    ]


# -- HTML validity --------------------------------------------------------------------


def vnu_errors(site_dir: Path) -> list[str]:
    """Nu HTML Checker errors in every HTML file, as "<file>:<line>: <message>"."""
    java = shutil.which("java")
    assert java, install_hint("Java")
    assert VNU_JAR.is_file(), install_hint(str(VNU_JAR.relative_to(ROOT)))
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "gnu",
         "--filterpattern", re.escape(VNU_FALSE_POSITIVE), str(site_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = []
    for line in (proc.stdout + proc.stderr).splitlines():
        if not line.strip():
            continue
        errors.append(_site_relative(line, site_dir))
    assert errors or proc.returncode == 0, f"vnu failed without reporting an error:\n{proc.stderr}"
    return errors


def _site_relative(line: str, site_dir: Path) -> str:
    for prefix in (f'"file:{site_dir.resolve()}/', f'"file:{site_dir}/', f"file:{site_dir}/", f'"{site_dir}/'):
        if line.startswith(prefix):
            return "/" + line[len(prefix):].replace('":', ":", 1)
    return line


# -- links ----------------------------------------------------------------------------

LINKCHECKER_CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
warnings=1
[AnchorCheck]
"""


def broken_links(site_dir: Path) -> list[str]:
    """Broken links and anchors, found by linkchecker crawling the site through a local
    server from both language roots and both 404 pages. Each as "<page>: <link>: <why>"."""
    assert LINKCHECKER.exists(), install_hint("linkchecker (pip install -e '.[test]')")
    with tempfile.TemporaryDirectory(prefix="painguide-linkcheck-") as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
        # As root, linkchecker drops to "nobody" after reading its configuration.
        os.chmod(tmp, 0o755)
        os.chmod(config, 0o644)
        with serve(site_dir) as base:
            starts = [base, urljoin(base, "en/")]
            starts += [urljoin(base, p.lstrip("/")) for p in site_pages(site_dir) if p.endswith("404.html")]
            proc = subprocess.run(
                [str(LINKCHECKER), "-f", str(config), "--no-status", "-o", "csv", *starts],
                capture_output=True,
                text=True,
                timeout=600,
            )
    rows = [ln for ln in proc.stdout.splitlines() if ln and not ln.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        why = row["result"] if row["valid"] != "True" else row["warningstring"]
        if not why:
            continue
        parent = urlsplit(row["parentname"]).path if row["parentname"] else "(start)"
        link = row["urlname"]
        problems.append(f"{parent}: {link}: {' '.join(why.split())}")
    assert problems or proc.returncode == 0, f"linkchecker failed without reporting a link:\n{proc.stderr[-2000:]}"
    return problems
