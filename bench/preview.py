"""`make bench`: the live preview's latency, from saving a PM to its new page being served.

`painguide serve` runs in its own process on a copy of the project. A PM's Swedish title
gets a new marker, the file is saved, and the served page is fetched over HTTP until it
shows the marker. Before each save the preview has finished its background work (the whole
site checked and rendered again), as after an editor's pause. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

import yaml

from bench.scale import TEMPLATE_PM, synthetic_project
from bench.shared import languages
from painguide.languages import FILE as LANGUAGES_FILE
from painguide.languages import primary


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 5.0) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")  # type: ignore[no-any-return]
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


class Served:
    """`painguide serve` on a project, in a process of its own, until the block ends."""

    def __init__(self, root: Path, today: str | None = None, startup: float = 900.0) -> None:
        """Preview the primary language of the project at root (today: --today)."""
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "painguide", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        if today:
            cmd += ["--today", today]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH")])))
        self.log = (root / "serve.log").open("w")
        self.process = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self.settled(startup)
        except BaseException:
            self.stop()
            raise

    def status(self) -> dict[str, object] | None:
        text = fetch(f"{self.url}/_preview/status.json")
        return json.loads(text) if text else None  # type: ignore[no-any-return]

    def settled(self, timeout: float) -> dict[str, object]:
        """Wait until the preview serves and has no background work left; its status."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError(f"painguide serve stopped: {self.output()}")
            status = self.status()
            if status is not None and not status["settling"]:
                return status
            time.sleep(0.1)
        raise TimeoutError(f"the preview did not settle in {timeout} s: {self.output()}")

    def output(self) -> str:
        self.log.flush()
        return (self.root / "serve.log").read_text(encoding="utf-8")[-3000:]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:  # a bench must not leave it behind
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self.log.close()

    def __enter__(self) -> Served:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def retitle(path: Path, marker: str, lang: str) -> None:
    """Save the PM at path with marker after its title in lang (replacing an earlier marker)."""
    text = path.read_text(encoding="utf-8")
    title = yaml.safe_load(text)["title"][lang]
    plain = title.split(" MARK-", 1)[0]
    path.write_text(text.replace(f"{lang}: {title}", f"{lang}: {plain} {marker}", 1), encoding="utf-8")


def latencies(served: Served, pm: str, saves: int, timeout: float = 120.0) -> list[float]:
    """Seconds from each save of content/pm/<pm>.yaml to its page (in the primary language,
    which the preview shows) showing the new title."""
    lang = primary(languages(served.root)).code
    found = []
    for n in range(saves):
        served.settled(timeout * 10)
        marker = f"MARK-{n}-{time.monotonic_ns() % 10**6}"
        start = time.perf_counter()
        retitle(served.root / "content" / "pm" / f"{pm}.yaml", marker, lang)
        while marker not in (fetch(f"{served.url}/pm/{pm}/") or ""):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"the page did not show {marker} in {timeout} s: {served.output()}")
            time.sleep(0.01)
        found.append(time.perf_counter() - start)
    return found


def copy_project(source: Path, root: Path) -> Path:
    for name in ("mkdocs.yml", LANGUAGES_FILE):
        shutil.copy(source / name, root / name)
    for folder in ("macros", "content", "docs/overrides"):
        shutil.copytree(source / folder, root / folder)
    return root


def _build_seconds(root: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "painguide", "--root", str(root), "build", "--site-dir", str(root / "site")],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def report(source: Path, scale: int = 0, build_seconds: float | None = None, saves: int = 3) -> None:
    """Print the latency with the shipped content (and with `scale` synthetic PMs), beside a full build's time."""
    rows = []
    for n in [0] + ([scale] if scale else []):
        with tempfile.TemporaryDirectory(prefix="painguide-preview-") as tmp:
            root = copy_project(source, Path(tmp)) if n == 0 else synthetic_project(source, Path(tmp), n).root
            if n == 0 and build_seconds is None:
                build_seconds = _build_seconds(root)
            start = time.perf_counter()
            with Served(root) as served:
                started = time.perf_counter() - start
                times = latencies(served, TEMPLATE_PM, saves)
            rows.append((n, started, times))
    print(f"preview: save → page served, median of {saves} saves of pm/{TEMPLATE_PM} (`painguide build` of the shipped content: {build_seconds:.1f} s)")
    for n, started, times in rows:
        what = "shipped content" if n == 0 else f"+ {n} synthetic PMs"
        print(f"  {what:<22}: {statistics.median(times):6.2f} s  (each: {', '.join(f'{t:.2f}' for t in times)}; start-up {started:.0f} s)")
    if len(rows) > 1:
        print(f"  {rows[-1][0]} synthetic PMs / shipped: {statistics.median(rows[-1][2]) / statistics.median(rows[0][2]):.2f}x")
    if build_seconds:
        print(f"  shipped latency / full build: {statistics.median(rows[0][2]) / build_seconds:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--scale", type=int, default=0, help="also with SCALE synthetic PMs added")
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args(argv)
    report(args.root.resolve(), args.scale, saves=args.saves)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
