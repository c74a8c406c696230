"""Rendered pages -> a search index split into small script files, for the site opened from
disk (the offline build) and for `glossa serve`.

The theme's search loads one index of every page's text and builds it in the browser (8.8 MB
and 17 s at 1,000 papers); Pagefind's chunked index is fetched, and browsers refuse `fetch`
under file://. Here the index is made at build time and cut into script files, which a
browser loads from disk as `<script src>` (each calls `glossaSearchShard(type, key, data)`):

- `meta.js`: how many records each page has and of what kind, which term shards exist, the
  glossary's spelling groups;
- `t/<key>.js`: for every term whose first letters are `key`, its BM25 weight in each record
  that holds it (bm25s computes them; the browser only adds up the weights of the words
  typed). A key is cut into longer keys until its file is small (`SHARD_BYTES`), so a word
  costs one small file whatever the number of papers;
- `x/<page>-<n>.js`: the text of the records of a page, `CHUNK` at a time, loaded only for
  the results shown (their titles, snippets, and where they land);
- `p/<slug>.js`: the pages about a paper (the `paper:` filter), and `papers.js`: the papers'
  slugs and titles (the search box's menu).

A record is what a result lands on: a paragraph, a note, a heading with the text up to the
next of these, the top of a page, or an editors' annotation (landing on its paragraph).
Only a page's article is read, less the parts that are not its text (`EXCLUDE`, the same as
the hosted search's). No MkDocs here: the adapter calls `page_records` on each rendered page
and `index_files` after the build, and writes what it returns.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

import bm25s
import numpy as np

from glossa.render.hosted_search import EXCLUDE

WORKER = "javascripts/glossa-shard-search.js"
SHARDS = "shards"  # the setting in mkdocs.yml (extra.glossa_search)
FOLDER = "search/index"  # the index's folder in the site
SHARD_BYTES = 16 * 1024  # a key's file is cut into longer keys above this size
CHUNK = 16  # records of a page per text file
SCALE = 128  # a weight is stored as round(weight * SCALE), at most MAX_WEIGHT
MAX_WEIGHT = 64 * 64 - 1
# The kinds of page, one letter each in meta.js (the `kind:` filter's values).
KIND_CODES = {"paper": "p", "glossary": "g", "comparison": "c", "annotation": "a", "page": "o"}

# The words of a text as the browser splits a query (glossa-words.js, SEPARATOR and STOP;
# tests/test_shard_search.py checks that they are the same).
SEPARATOR = re.compile(r"[\s\-–—,:!=\[\]()\"/‘’“”.?;]+")
STOP = frozenset((
    "a able about across after all almost also am among an and any are as at be because been "
    "but by can cannot could dear did do does either else ever every for from get got had has "
    "have he her hers him his how however i if in into is it its just least let like likely "
    "may me might most must my neither no nor not of off often on only or other our own "
    "rather said say says she should since so some than that the their them then there these "
    "they this tis to too twas us wants was we were what when where which while who whom why "
    "will with would yet you your").split())
# Elements a result may land on (as the hosted search's worker): paragraphs, list items
# (notes), headings, table cells.
LANDING = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "blockquote",
           "section"}
_BLOCK = LANDING | {"div", "ul", "ol", "dl", "dt", "table", "tr", "br", "figcaption", "hr"}
_EXCLUDED_CLASSES = frozenset(s[1:] for s in EXCLUDE if s.startswith("."))
_NOT_TEXT = {"script", "style", "template", "svg"}  # a data block's JSON is not the page's text
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"}
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
_PARAGRAPH_ID = re.compile(r"p(\d+)")
# The 64 characters of a packed number (see `pack`), in the order of their values.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_FILE_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def normal(word: str) -> str:
    """A word as the index holds it: no accents, lower case, no punctuation at either end
    (the browser's `normal` in glossa-shard-search.js)."""
    word = "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.category(c).startswith("M")).lower()
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def terms(text: str) -> list[str]:
    """The words of `text` that are looked up: not the common ones (STOP), not single
    letters."""
    out = []
    for part in SEPARATOR.split(text):
        w = normal(part)
        if len(w) > 1 and w not in STOP:
            out.append(w)
    return out


@dataclass(frozen=True)
class Record:
    """One search result: where it lands (an element's id in its page, "" for the page's
    top), what the result list calls it, and its text."""
    anchor: str
    title: str
    text: str


@dataclass
class Page:
    """A page as the index sees it: its address (from the site's root, as MkDocs gives it:
    "papers/x/" served, "papers/x.html" offline), title, kind, the papers it is about
    (slugs), and its records. An editors' annotation is a Page of kind "annotation" with the
    address of its paper's page."""
    url: str
    title: str
    kind: str
    papers: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)


class _Reader(HTMLParser):
    """Walks a page's article: an element of LANDING with an id begins a record, which holds
    the text up to the next; what EXCLUDE names is skipped with all it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip: int | None = None  # depth of the excluded element we are in
        self.blocks: list[list] = [["", "", []]]  # [id, tag, text parts]
        self.heading: list | None = None  # [depth, parts] of the heading being read
        self.headings: dict[int, str] = {}  # index of a heading's block -> its text

    def handle_starttag(self, tag, attrs):
        if self.skip is not None:
            if tag not in _VOID:
                self.depth += 1
            return
        a = dict(attrs)
        if tag not in _VOID:
            self.depth += 1
        classes = set((a.get("class") or "").split())
        if classes & _EXCLUDED_CLASSES or "data-pagefind-ignore" in a or tag in _NOT_TEXT:
            if tag not in _VOID:
                self.skip = self.depth
            return
        ident = a.get("id") or ""
        if tag in LANDING and ident and not ident.startswith("fnref"):
            self.blocks.append([ident, tag, []])
            if tag[0] == "h":
                self.heading = [self.depth, []]
        if tag in _BLOCK:
            self.blocks[-1][2].append(" ")

    def handle_endtag(self, tag):
        if tag in _VOID:
            if self.skip is None and tag in _BLOCK:
                self.blocks[-1][2].append(" ")
            return
        if self.skip is None and tag in _BLOCK:
            self.blocks[-1][2].append(" ")
        if self.heading is not None and self.heading[0] == self.depth:
            self.headings[len(self.blocks) - 1] = " ".join("".join(self.heading[1]).split())
            self.heading = None
        if self.skip == self.depth:
            self.skip = None
        self.depth -= 1

    def handle_data(self, data):
        if self.skip is None:
            self.blocks[-1][2].append(data)
            if self.heading is not None:
                self.heading[1].append(data)


def page_records(page_html: str, title: str) -> list[Record]:
    """The records of a rendered page (none if it has no article, as the 404 page): a
    paragraph's title names its section and number ("Economic interests · ¶12"), a note's
    its number ("Note 3"), a heading's its text, the top of the page the page's title."""
    m = _ARTICLE.search(page_html)
    if m is None:
        return []
    reader = _Reader()
    reader.feed(m.group(1))
    reader.close()
    out: list[Record] = []
    section = ""
    for i, (ident, tag, parts) in enumerate(reader.blocks):
        text = " ".join("".join(parts).split())
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            section = reader.headings.get(i, "")
        if not terms(text):
            continue
        if not ident:
            name = title
        elif tag[0] == "h":
            name = reader.headings.get(i, "") or title
        elif ident.startswith("fn:"):
            name = f"Note {ident[3:]}"
        else:
            para = _PARAGRAPH_ID.fullmatch(ident)
            name = " · ".join(filter(None, [section, f"¶{para.group(1)}" if para else ""]))
            name = name or title
        out.append(Record(ident, name, text))
    return out


def pack(number: int) -> str:
    """A number of any size in DIGITS, most significant first: each digit but the last
    carries 32 (so the reader knows more follow), the last is below 32."""
    digits = [number & 31]
    number >>= 5
    while number:
        digits.append(32 + (number & 31))
        number >>= 5
    return "".join(DIGITS[d] for d in reversed(digits))


def postings(records: np.ndarray, weights: np.ndarray) -> str:
    """Record numbers (ascending) and their weights, as the browser reads them: per record,
    the step from the one before (packed), then its weight in two DIGITS."""
    out = []
    last = 0
    for record, weight in zip(records.tolist(), weights.tolist()):
        q = min(MAX_WEIGHT, max(1, round(weight * SCALE)))
        out.append(pack(record - last) + DIGITS[q >> 6] + DIGITS[q & 63])
        last = record
    return "".join(out)


def file_name(key: str) -> str:
    """A term shard's key as a file name: ASCII letters and digits kept, any other
    character as `_<hex>_` (the same in glossa-shard-search.js)."""
    return "".join(c if c in _FILE_SAFE else f"_{ord(c):x}_" for c in key)


def shard_keys(sizes: dict[str, int], limit: int = SHARD_BYTES) -> tuple[dict[str, list[str]],
                                                                         list[str]]:
    """Which shard each term goes to, from the bytes each takes: terms are grouped by their
    first letter, and a group larger than `limit` by two letters, and so on; a term as long
    as its group's key stays in that key's shard. Returns the shards (key -> terms) and the
    keys that were cut (the browser needs them to find a term's shard)."""
    shards: dict[str, list[str]] = {}
    cut: list[str] = []

    def place(key: str, group: list[str]) -> None:
        if sum(sizes[t] for t in group) <= limit or all(len(t) <= len(key) for t in group):
            shards[key] = sorted(group)
            return
        cut.append(key)
        longer: dict[str, list[str]] = {}
        for t in group:
            if len(t) <= len(key):
                shards.setdefault(key, []).append(t)
            else:
                longer.setdefault(t[:len(key) + 1], []).append(t)
        for k, g in sorted(longer.items()):
            place(k, g)

    first: dict[str, list[str]] = {}
    for t in sizes:
        first.setdefault(t[:1], []).append(t)
    for k, g in sorted(first.items()):
        place(k, g)
    return shards, sorted(cut)


def _script(kind: str, key: str, data) -> str:
    # ASCII only: a script file read from disk is decoded without a charset to go by.
    return (f"glossaSearchShard({json.dumps(kind)},{json.dumps(key)},"
            f"{json.dumps(data, ensure_ascii=True, separators=(',', ':'))});\n")


def weights(tokenized: list[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """BM25 weights (bm25s, Lucene's variant) of every term in every record that holds it:
    (terms, and in the layout of a compressed sparse column matrix: records per term, their
    weights, where each term's records start)."""
    index = bm25s.BM25(method="lucene")
    index.index([t or [""] for t in tokenized], show_progress=False)
    scores = index.scores
    vocab = sorted(index.vocab_dict.items(), key=lambda kv: kv[1])
    return ([t for t, _ in vocab], np.asarray(scores["indices"]), np.asarray(scores["data"]),
            np.asarray(scores["indptr"]))


def index_files(pages: list[Page], spellings: dict[str, tuple[str, ...]],
                papers: list[tuple[str, str]]) -> dict[str, str]:
    """The index's files (paths under FOLDER -> their text) for `pages`, in order; `spellings`
    are the glossary's names of each entry, `papers` the papers' slugs and titles."""
    pages = [p for p in pages if p.records]
    tokenized = [terms(r.text) for p in pages for r in p.records]
    files: dict[str, str] = {}
    vocab, rows, data, starts = weights(tokenized)
    packed = {}
    for j, term in enumerate(vocab):
        if term and starts[j + 1] > starts[j]:
            packed[term] = postings(rows[starts[j]:starts[j + 1]], data[starts[j]:starts[j + 1]])
    shards, cut = shard_keys({t: len(t) + len(s) + 6 for t, s in packed.items()})
    for key, group in shards.items():
        files[f"t/{file_name(key)}.js"] = _script("terms", key, {t: packed[t] for t in group})
    for n, page in enumerate(pages):
        for k in range(0, len(page.records), CHUNK):
            files[f"x/{n}-{k // CHUNK}.js"] = _script("text", f"{n}-{k // CHUNK}", {
                "url": page.url, "title": page.title,
                "records": [[r.anchor, r.title, r.text] for r in page.records[k:k + CHUNK]]})
    about: dict[str, list[int]] = {}
    for n, page in enumerate(pages):
        for slug in page.papers:
            about.setdefault(slug, []).append(n)
    for slug, found in sorted(about.items()):
        files[f"p/{file_name(slug)}.js"] = _script("paper", slug, found)
    files["papers.js"] = _script("papers", "", sorted(
        (list(p) for p in papers), key=lambda p: (p[1].casefold(), p[0])))
    groups = [[terms(name) for name in names] for _, names in sorted(spellings.items())
              if len(names) > 1]
    files["meta.js"] = _script("meta", "", {
        "records": [len(p.records) for p in pages],
        "kinds": "".join(KIND_CODES[p.kind] for p in pages),
        "shards": sorted(shards), "cut": cut, "chunk": CHUNK, "scale": SCALE,
        "spellings": [[g for g in group if g] for group in groups]})
    return files
