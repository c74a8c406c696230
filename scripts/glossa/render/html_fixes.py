"""Rendered page HTML -> the same page with accessible names the theme and Python-Markdown
leave out (note references read "Note 3", not "3"; the search dialog has a name)."""

from __future__ import annotations

import re

FOOTNOTE_REF = re.compile(r'<a class="footnote-ref" href="#fn:([^"]+)">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def accessible_html(html: str) -> str:
    html = FOOTNOTE_REF.sub(lambda m: f'<a class="footnote-ref" href="#fn:{m.group(1)}" '
                            f'aria-label="Note {m.group(1)}">', html)
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">')
