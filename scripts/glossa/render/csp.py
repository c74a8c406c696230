"""A rendered page -> the same page with a Content-Security-Policy that lets run only the
theme's own inline scripts (by hash), scripts from the site itself, and nothing else: no
inline event handler, no `javascript:` URL, no script from another host.

Defence in depth: every editor string is already escaped where it is written. The hashes
are of the inline scripts the theme's templates write (read from the installed Material, so
an upgrade is followed) and, in the offline build, of the script the vendored iframe-worker
shim writes into its frame; an inline script of any other text gets no hash and is blocked,
so the policy cannot be widened by the content it protects.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}")
# What a template expression may put into a script: a relative or absolute URL path.
_PATH = r"[A-Za-z0-9_./:-]*"
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
_META_CHARSET = '<meta charset="utf-8">'
THEME_PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
                  "partials/javascripts/palette.html")


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@cache
def theme_scripts(templates: Path) -> tuple[re.Pattern, ...]:
    """The inline scripts of Material's partials, each as a pattern where a template
    expression (`{{ base_url }}`) may stand for a URL path and nothing else."""
    patterns = []
    for name in THEME_PARTIALS:
        path = templates / name
        if not path.is_file():
            continue
        for body in _TEMPLATE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            parts = _JINJA.split(body)
            patterns.append(re.compile(_PATH.join(re.escape(p) for p in parts) + r"\Z"))
    return tuple(patterns)


def _function_source(js: str, name: str) -> str:
    """`function name(...){...}` as written in `js` (what Function.prototype.toString gives)."""
    start = js.find(f"function {name}(")
    if start < 0:
        return ""
    depth = 0
    for i in range(js.index("{", start), len(js)):
        depth += {"{": 1, "}": -1}.get(js[i], 0)
        if depth == 0:
            return js[start:i + 1]
    return ""


@cache
def shim_frame_template(shim: Path) -> str:
    """The first script the iframe-worker shim writes into its frame, with `{url}` where the
    worker's URL goes (the shim runs the search worker in a frame under file://, and that
    frame inherits this policy)."""
    if not shim.is_file():
        return ""
    js = shim.read_text(encoding="utf-8")
    c, d = _function_source(js, "c"), _function_source(js, "d")
    if not (c and d and "postMessage=${c};importScripts=${d};" in js):
        return ""
    return ("postMessage=" + c + ";importScripts=" + d + ';addEventListener("error",'
            '({error})=>{parent.dispatchEvent(new ErrorEvent("error",{filename:"{url}",'
            "error}))})")


def allowed_hashes(html: str, templates: Path, shim: Path | None) -> list[str]:
    """Hashes of the page's inline scripts that are the theme's own, plus the shim's frame
    script for this page's search worker when the shim is in use."""
    patterns = theme_scripts(templates)
    hashes = []
    for m in INLINE_SCRIPT.finditer(html):
        if "src=" in m.group("attrs") or "type=" in m.group("attrs"):
            continue  # external, or a data block (JSON): CSP does not run either
        body = m.group("body")
        if any(p.match(body) for p in patterns):
            hashes.append(_digest(body))
    if shim is not None and (template := shim_frame_template(shim)):
        config = _CONFIG.search(html)
        if config:
            worker = json.loads(config.group(1)).get("search", "")
            if re.fullmatch(_PATH, worker):
                hashes.append(_digest(template.replace("{url}", worker)))
    return sorted(set(hashes))


def policy(hashes: list[str], offline: bool) -> str:
    # Under file:// the offline build loads its own files; 'self' covers them in Chromium
    # and Firefox, `file:` is named for the others. Styles stay open to inline `style`
    # attributes (the theme sets them); they cannot run script.
    own = "'self' file:" if offline else "'self'"
    return "; ".join([
        f"default-src {own}",
        f"script-src {own} {' '.join(hashes)}".rstrip(),
        f"style-src {own} 'unsafe-inline'",
        f"img-src {own} data:",
        f"font-src {own} data:",
        f"connect-src {own}",
        f"worker-src {own}",
        f"frame-src {own}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_policy(html: str, templates: Path, shim: Path | None, offline: bool) -> str:
    """`html` with the policy as the first element of its <head>, before any script."""
    if _META_CHARSET not in html or 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = ('<meta http-equiv="Content-Security-Policy" content="'
            + policy(allowed_hashes(html, templates, shim if offline else None), offline)
            + '">')
    return html.replace(_META_CHARSET, _META_CHARSET + "\n    " + meta, 1)
