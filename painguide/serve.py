"""Live preview of one language: a save shows in the browser in about a second, at any size.

One process does it all (no `mkdocs serve` child to leave behind):
- a watcher (inotify, through watchdog, which MkDocs itself depends on) reports saves in
  content/, macros/, docs/overrides/ and the project's mkdocs.yml and languages.yaml;
- after a save of a content file, painguide/preview.py loads and checks that file against
  the site kept in memory and writes its own pages; MkDocs, run in this process, builds
  just those pages again with the navigation and theme of its last build, and the browser
  reloads itself (preview.js, which the server adds to every page it serves);
- then, in a background thread, the whole site is checked and rendered again, the pages
  whose text changed are written and built (in full when the navigation changed), and the
  browser reloads once more. A newer save stops that work and starts it again.

Content errors are printed as file:line:col: field: message and shown in a banner on the
page, and the page stays as it last was. Ctrl-C or SIGTERM stops the preview.
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from painguide.build import BuildError, Project
from painguide.preview import Preview, Stale
from painguide.serving import CONTENT_SECURITY_POLICY

SCRIPT = Path(__file__).with_name("preview.js")


def _never() -> bool:
    return False


class _Stopped(Exception):
    """A full MkDocs build given up for a newer save."""

    MESSAGE = "given up for a newer save"

    def __init__(self) -> None:
        super().__init__(self.MESSAGE)  # MkDocs logs it as an error; _mkdocs_logging leaves it out


class MkDocs:
    """MkDocs in this process, building the previewed language into a folder of its own.

    A full build goes into a new folder, which is served once it is complete. After that, a
    changed page is built again in place with the files, navigation and theme of the last full
    build, by the two steps MkDocs' own build takes for each page (_populate_page and
    _build_page, private to MkDocs 1.6, which is pinned below 2): a page costs the same
    whatever the number of pages. (`mkdocs serve --dirty`, measured, adds 0.2 s at 78 pages
    and 0.6 s at 1,078, most of it growing with the site: the theme's 14,000 files listed,
    the navigation, the search index; and it notices a change only by polling.)

    Pages can be built from two threads at once (a save's page while the background builds
    a large index page), one at a time per page; each build reads the page's Markdown anew,
    so the last one built shows the latest text. The search index is written by full builds
    only.
    """

    def __init__(self, root: Path, lang: str, work: Path) -> None:
        self.config_file = root / f"mkdocs.{lang}.yml"
        self.work = work
        self.folder: Path | None = None
        """The folder being served."""
        self._count = 0
        self._last: tuple[Any, Any, Any, Any] | None = None  # config, files, nav, theme of the last full build
        self._lock = threading.Lock()  # guards the three above, _locks and _meanwhile
        self._locks: dict[str, threading.Lock] = {}
        self._meanwhile: set[str] | None = None  # pages built during a full build, to build again in its folder

    def _config(self, site_dir: Path) -> Any:
        import yaml
        from mkdocs.config import load_config

        raw = yaml.safe_load(self.config_file.read_text(encoding="utf-8")) or {}
        options: dict[str, Any] = {}
        if "plugins" in raw:
            # Minifying is for the published site: without it a page builds faster and reads better.
            options["plugins"] = [p for p in raw["plugins"] if (p if isinstance(p, str) else next(iter(p))) != "minify"]
        return load_config(config_file=str(self.config_file), site_dir=str(site_dir), strict=False, **options)

    def full(self, stop: Callable[[], bool] = _never) -> bool:
        """Build every page into a new folder and serve it; False when stop() said to give up."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException
        from mkdocs.plugins import BasePlugin

        class Keep(BasePlugin):  # type: ignore[type-arg]
            """Keeps what a one-page build needs, and gives up when told to (during this build
            only: the plugin stays in the config that later one-page builds use)."""

            stop: Callable[[], bool] = staticmethod(_never)  # type: ignore[assignment]

            def on_nav(self, nav: Any, *, config: Any, files: Any) -> None:
                self.nav, self.files = nav, files

            def on_env(self, env: Any, *, config: Any, files: Any) -> None:
                self.env = env

            def on_pre_page(self, page: Any, *, config: Any, files: Any) -> None:
                if self.stop():  # while MkDocs reads every page
                    raise _Stopped

            def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> None:
                if self.stop():  # while it writes them
                    raise _Stopped

        with self._lock:
            self._count += 1
            out = self.work / f"site-{self._count}"
            self._meanwhile = set()
        keep = Keep()
        keep.stop = stop
        try:
            config = self._config(out)
            config.plugins["painguide-preview"] = keep
            build(config)
        except _Stopped:
            _remove(out)
            return False
        except MkDocsException as err:
            _remove(out)
            raise BuildError(f"mkdocs build of the preview failed: {err}") from None
        finally:
            keep.stop = _never
            with self._lock:
                meanwhile, self._meanwhile = self._meanwhile or set(), None
        with self._lock:
            old, self.folder = self.folder, out
            self._last = (config, keep.files, keep.nav, keep.env)
        self.pages(sorted(meanwhile))  # this build may have read them before they changed
        if old is not None:
            _remove(old)
        return True

    def pages(self, paths: list[str], stop: Callable[[], bool] = _never) -> list[str] | None:
        """Build these pages (paths under docs/<code>/; another file is copied) again in the served folder. Returns
        those left unbuilt because stop() said so, or None when MkDocs does not know a page
        yet (a new file): then only a full build will show it."""
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        for n, path in enumerate(paths):
            if stop():
                return paths[n:]
            with self._lock:
                lock = self._locks.setdefault(path, threading.Lock())
            with lock:
                while True:
                    with self._lock:
                        last = self._last
                        if self._meanwhile is not None:
                            self._meanwhile.add(path)
                    if last is None:
                        return None
                    config, files, nav, env = last
                    file = files.get_file_from_path(path)
                    if file is None:
                        return None
                    if file.page is None:  # not a page: the register's JSON, say
                        file.copy_file()
                    else:
                        _populate_page(file.page, config, files)
                        _build_page(file.page, config, files.documentation_pages(inclusion=InclusionLevel.is_included), nav, env)
                    with self._lock:
                        if self._last is last:  # else a full build ended meanwhile: build it there
                            break
        return []


class Server(ThreadingHTTPServer):
    """Serves the MkDocs folder, adds preview.js to every HTML page, and answers its questions:
    /_preview/status.json (the errors) and /_preview/wait (is there a newer version?)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], mkdocs: MkDocs) -> None:
        super().__init__(address, _Handler)
        self.mkdocs = mkdocs
        self.version = 0
        self.status = b'{"errors": [], "warnings": 0, "settling": true}'
        self.changed = threading.Condition()

    def publish(self, status: dict[str, Any], reload: bool = True) -> None:
        """The status; with reload, a new version too: browsers waiting in /_preview/wait reload."""
        with self.changed:
            self.status = json.dumps(status, ensure_ascii=False).encode("utf-8")
            if reload:
                self.version += 1
                self.changed.notify_all()

    def wait(self, seen: int, timeout: float = 25.0) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version > seen, timeout=timeout)
            return self.version


class _Handler(SimpleHTTPRequestHandler):
    server: Server

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        server: Server = args[2]
        super().__init__(*args, directory=str(server.mkdocs.folder), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        pass  # every request in the terminal would bury the content's errors

    def end_headers(self) -> None:
        # The policy the site is served with, so a script that breaks it fails in the preview too.
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        url = urlsplit(self.path)
        if url.path == "/_preview/status.json":
            return self._send(200, "application/json", self.server.status)
        if url.path == "/_preview/preview.js":
            return self._send(200, "text/javascript; charset=utf-8", SCRIPT.read_bytes())
        if url.path == "/_preview/wait":
            seen = parse_qs(url.query).get("version", ["0"])[0]
            return self._send(200, "text/plain", str(self.server.wait(int(seen) if seen.isdigit() else 0)).encode())
        file = Path(self.translate_path(url.path))
        if file.is_dir() and url.path.endswith("/"):
            file = file / "index.html"
        missing = not file.is_file() and not file.is_dir()
        if missing:
            file = Path(self.directory) / "404.html"
        if file.suffix == ".html" and file.is_file():
            return self._send(404 if missing else 200, "text/html; charset=utf-8", self._with_script(file.read_bytes()))
        return super().do_GET()

    def _with_script(self, html: bytes) -> bytes:
        tag = f'<script src="/_preview/preview.js" data-version="{self.server.version}"></script>'.encode()
        at = html.rfind(b"</body>")
        return html[:at] + tag + html[at:] if at >= 0 else html + tag


class _Changes:
    """The paths saved since they were last taken, from watchdog's events."""

    WRITES = {"created", "modified", "moved", "deleted", "closed"}
    """Not "opened" or "closed_no_write": the preview's own reading of a file would be a change."""

    def __init__(self, root: Path, content: Path) -> None:
        self.root = root
        self.content = content
        self.lock = threading.Lock()
        self.paths: set[Path] = set()
        self.event = threading.Event()
        self.last = 0.0

    def dispatch(self, event: Any) -> None:  # watchdog's handler interface
        if event.event_type not in self.WRITES or event.is_directory:
            return
        found = [Path(p if isinstance(p, str) else p.decode()) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        found = [path for path in found if self.watched(path)]
        if not found:
            return
        with self.lock:
            self.paths.update(found)
            self.last = time.monotonic()
        self.event.set()

    def watched(self, path: Path) -> bool:
        """What the preview acts on; not an editor's swap and backup files, nor what the
        preview writes itself (docs/<code>/, mkdocs.<code>.yml)."""
        name = path.name
        if name.startswith(".") or name.endswith("~"):
            return False
        if path.parent == self.root:
            return name in ("mkdocs.yml", "languages.yaml")
        if path.is_relative_to(self.content):
            return path.suffix in (".yaml", ".svg")
        if path.is_relative_to(self.root / "macros"):
            return path.suffix in (".j2", ".yaml")
        return path.is_relative_to(self.root / "docs" / "overrides")

    def take(self, quiet: float = 0.03) -> set[Path]:
        """The paths saved, once no new event has come for `quiet` seconds (an editor's save
        can be several writes; reading the file between them would see half of it)."""
        while time.monotonic() - self.last < quiet:
            time.sleep(quiet)
        with self.lock:
            self.event.clear()
            paths, self.paths = self.paths, set()
        return paths


def _is_content(path: Path, content: Path) -> bool:
    return path.is_relative_to(content) and path.suffix == ".yaml" and not path.name.startswith(".")


class Previewer:
    """What happens after each save, and the background work that follows it."""

    def __init__(self, project: Project, preview: Preview, mkdocs: MkDocs, server: Server) -> None:
        self.project = project
        self.preview = preview
        self.mkdocs = mkdocs
        self.server = server
        self.lock = threading.Lock()
        """Held while the preview's state, docs/<code>/ and the fields below change (MkDocs
        builds run outside it)."""
        self.generation = 0
        """Counts saves: background work from an older generation is thrown away."""
        self.unbuilt: set[str] = set()
        """Pages the background wrote and has not yet built (a save stopped it)."""
        self.full_owed = False
        """The navigation or the set of pages changed since the last full build."""
        self.wanted = threading.Event()
        self.settling = True
        self.saving = False
        """A save is being handled: the background stops at its next page, to leave the
        interpreter to the save (the two would share it, and the save take twice as long)."""
        self.stopping = False
        self.shown: set[str] = set()
        self.errors: list[str] = []

    # -- status -----------------------------------------------------------------------------
    def publish(self, reload: bool = True) -> None:
        errors, warnings = self.preview.problems()
        new = [p for p in errors + warnings if p not in self.shown]
        for line in new:
            print(line, file=sys.stderr)
        if not errors and any(line in self.shown for line in self.errors):
            print("painguide: the content has no errors now", file=sys.stderr)
        self.shown, self.errors = set(errors) | set(warnings), errors
        self.server.publish({"errors": errors, "warnings": len(warnings), "settling": self.settling}, reload)

    # -- after a save -----------------------------------------------------------------------
    def saved(self, paths: set[Path]) -> None:
        content = self.project.content.resolve()
        paths = {path for path in paths if not (_is_content(path, content) and self.preview.unchanged(path))}
        if not paths:  # a second event of one save, or a save without a change
            return
        self.saving = True
        try:
            self._saved(paths)
        finally:
            self.saving = False
            self.wanted.set()

    def _saved(self, paths: set[Path]) -> None:
        content, root = self.project.content.resolve(), self.project.root.resolve()
        start = time.perf_counter()
        built: list[str] = []
        with self.lock:
            changed = False
            for path in sorted(paths):
                if _is_content(path, content):
                    saved = self.preview.save(path)
                    if saved.unchanged:
                        continue
                    built += saved.pages
                elif path.is_relative_to(root / "macros" / "labels"):
                    self.preview.reload_labels()
                elif path == root / "languages.yaml":
                    print("painguide: languages.yaml changed; stop the preview and start it again", file=sys.stderr)
                    continue
                elif path == root / "mkdocs.yml" or path.is_relative_to(root / "docs" / "overrides"):
                    self.full_owed = True
                changed = True
            if not changed:
                return
            self.generation += 1
            self.settling = True
            self.server.publish({**json.loads(self.server.status), "settling": True}, reload=False)
        # Outside the lock: the background may be building a large page, which takes its time.
        new = bool(built) and self.mkdocs.pages(built) is None
        with self.lock:
            self.full_owed = self.full_owed or new  # a new page: the background's full build shows it
            self.publish()
        if built:
            done = "written; shown after the background build" if new else f"served ({time.perf_counter() - start:.2f} s)"
            print(f"painguide: {', '.join(sorted(built))} {done}", file=sys.stderr)

    # -- catching up ------------------------------------------------------------------------
    def _stale(self, generation: int) -> Callable[[], bool]:
        return lambda: self.stopping or self.saving or self.generation != generation

    def settle(self) -> None:
        """Check and render the whole site, then write and build what changed; in the background."""
        with self.lock:
            generation = self.generation
            site, labels = self.preview.snapshot()
            broken = bool(self.preview.load_errors_now())
        stale = self._stale(generation)

        def before_each() -> None:
            if stale():
                raise Stale

        start = time.perf_counter()
        checked = self.preview.check_all(site)
        rendered = None
        if not checked and not broken:  # like a build, nothing is written while the content has errors
            try:
                rendered = self.preview.render_all(site, labels, before_each)
            except Stale:
                return
            except Exception as err:  # a template error: say so, keep the pages
                import jinja2

                if not isinstance(err, jinja2.TemplateError):
                    raise
                print(f"painguide: template error: {err}", file=sys.stderr)
        with self.lock:
            if stale():
                return
            changed, moved, navigation = self.preview.commit(checked, rendered)
            self.unbuilt.update(changed)
            full, pages = self.full_owed or moved or navigation, sorted(self.unbuilt)
            self.full_owed = False  # a save's new page during the build below sets it again
        # Outside the lock, so that a save is served meanwhile; a save stops this work.
        if full:
            if not self.mkdocs.full(stale):
                with self.lock:
                    self.full_owed = True
                return
            with self.lock:
                self.unbuilt.difference_update(pages)
        elif pages:
            left = self.mkdocs.pages(pages, stale)
            with self.lock:
                if left is None:
                    self.full_owed = True
                    return self.wanted.set()
                self.unbuilt.difference_update(set(pages) - set(left))
                if left:
                    return
        with self.lock:
            if stale():
                return
            self.settling = False
            self.publish()
        if changed:
            print(f"painguide: every page is up to date ({len(changed)} rewritten, {time.perf_counter() - start:.1f} s)", file=sys.stderr)

    def settle_forever(self) -> None:
        while not self.stopping:
            if not self.wanted.wait(timeout=0.5):
                continue
            self.wanted.clear()
            try:
                self.settle()
            except BuildError as err:  # MkDocs could not build (mkdocs.yml, say): the next save tries again
                print(f"painguide: {err}", file=sys.stderr)
            except Exception:  # keep previewing; the next save tries again
                traceback.print_exc()


def _address(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    return host or "127.0.0.1", int(port)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def serve(project: Project, lang: str, addr: str) -> int:
    import jinja2
    from watchdog.observers import Observer

    _mkdocs_logging()
    root, content = project.root.resolve(), project.content.resolve()
    preview = Preview(project, lang)
    preview.load()  # ContentError only when languages.yaml is unusable
    work = root / ".painguide" / f"preview-{lang}"
    _remove(work)
    mkdocs = MkDocs(root, lang, work)
    changes = _Changes(root, content)
    # SIGTERM stops the preview as Ctrl-C does, through every finally below; SIGINT is set too,
    # as a process started in the background by a shell ignores it otherwise.
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    observer = Observer()
    server: Server | None = None
    worker: Previewer | None = None
    try:
        if not preview.problems()[0]:
            preview.commit(preview.checked, preview.render_all(*preview.snapshot()))
        elif not mkdocs.config_file.is_file():
            for line in preview.problems()[0]:
                print(line, file=sys.stderr)
            print("painguide: the content has errors, and there is no earlier version to show", file=sys.stderr)
            return 1
        mkdocs.full()
        try:
            server = Server(_address(addr), mkdocs)
        except OSError as err:
            print(f"painguide: cannot serve at {addr}: {err.strerror}", file=sys.stderr)
            return 1
        worker = Previewer(project, preview, mkdocs, server)
        worker.settling = False
        worker.publish()
        for folder, recursive in ((content, True), (root / "macros", True), (root / "docs" / "overrides", True), (root, False)):
            if folder.is_dir():
                observer.schedule(changes, str(folder), recursive=recursive)
        observer.start()
        threading.Thread(target=server.serve_forever, name="painguide-http", daemon=True).start()
        threading.Thread(target=worker.settle_forever, name="painguide-settle", daemon=True).start()
        host, port = server.server_address[:2]
        print(f"painguide: previewing '{lang}' at http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
        while True:
            if changes.event.wait(timeout=0.5):
                worker.saved(changes.take())
    except jinja2.TemplateError as err:
        print(f"painguide: template error: {err}", file=sys.stderr)
        return 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if worker is not None:
            worker.stopping = True
        if observer.is_alive():
            observer.stop()
        if server is not None:
            server.shutdown()
            server.server_close()
        _remove(work)


def _remove(folder: Path) -> None:
    """Delete a folder of built pages. `rm -rf` where there is one: a Python rmtree makes a
    system call per file, and waits for the interpreter lock after each one while a background
    build holds it, which made stopping a preview of 1,000 PMs take over 5 s."""
    rm = shutil.which("rm")
    if rm and folder.exists():
        subprocess.run([rm, "-rf", str(folder)], check=False)
    shutil.rmtree(folder, ignore_errors=True)


def _mkdocs_logging() -> None:
    """MkDocs' warnings (a broken link, say) in the terminal; its progress notes are left out."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s %(message)s"))
        handler.addFilter(lambda record: _Stopped.MESSAGE not in record.getMessage())
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
