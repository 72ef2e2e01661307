"""The README's "Serving the site" gives the very policy the browser suite serves the site
with (painguide/serving.py), in the header and in the nginx and Apache samples, and keeps
the service workers uncached."""

from __future__ import annotations

import re
from pathlib import Path

from painguide.offline import WORKER
from painguide.serving import CONTENT_SECURITY_POLICY


def section(readme: str, title: str) -> str:
    start = readme.index(f"\n## {title}\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


def blocks(text: str, info: str) -> list[str]:
    return re.findall(rf"^```{info}\n(.*?)^```", text, re.S | re.M)


def test_the_readme_gives_the_policy_the_tests_serve(root: Path) -> None:
    serving = section(root.joinpath("README.md").read_text(encoding="utf-8"), "Serving the site")
    header = re.findall(r"^Content-Security-Policy: (.*)$", serving, re.M)
    assert header == [CONTENT_SECURITY_POLICY]
    nginx, = blocks(serving, "nginx")
    apache, = blocks(serving, "apache")
    assert re.findall(r'add_header Content-Security-Policy "(.*?)" always;', nginx) == [CONTENT_SECURITY_POLICY]
    assert re.findall(r'Header always set Content-Security-Policy "(.*?)"', apache) == [CONTENT_SECURITY_POLICY]
    # Wherever else a policy is written in the README, it is this one.
    readme = root.joinpath("README.md").read_text(encoding="utf-8")
    written = re.findall(r"default-src[^\"\n]*", readme)
    assert len(written) == 3 and set(written) == {CONTENT_SECURITY_POLICY}, written


def test_the_samples_keep_the_service_workers_uncached(root: Path) -> None:
    serving = section(root.joinpath("README.md").read_text(encoding="utf-8"), "Serving the site")
    assert "`/sw.js`, `/en/sw.js`" in serving and WORKER == "sw.js"
    nginx, = blocks(serving, "nginx")
    apache, = blocks(serving, "apache")
    assert re.search(r'~\^\(/en\)\?/sw\\\.js\$\s+"no-cache";', nginx), nginx
    assert re.search(r'<Files "sw\.js">\s+Header always set Cache-Control "no-cache"', apache), apache
