"""The editors' data folder (content/) -> papers with their metadata and readings, or problems.

This is the only stage that reads the disk.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from glossa.enrich.annotations import Annotation, load_annotations
from glossa.enrich.checks import check_reading
from glossa.enrich.footnotes import editor_notes
from glossa.enrich.glossary import Entry, load_glossary
from glossa.enrich.themes import Theme, load_themes
from glossa.enrich.timeline import Correction, load_corrections
from glossa.ingest import Hints, decode_source, normalise_text
from glossa.ingest.conservation import conservation_problems
from glossa.ingest.patterns import squash
from glossa.ingest.source import disagreements, locate_in_pdf, read_source
from glossa.model.dates import real_date
from glossa.model.paper import EditorNote, Paper, PaperMeta
from glossa.model.problems import WARNING, Problem
from glossa.model.schema import markup_problems, validate
from glossa.model.yamlfile import read_yaml
from glossa.publish.cache import DiskCache
from glossa.publish.workers import stream

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Corpus:
    root: Path
    papers: list[Paper] = field(default_factory=list)
    glossary: list[Entry] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)  # of the timeline's events
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # paper folders that could not be read


def rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_meta(folder: Path, root: Path) -> tuple[PaperMeta | None, list[Problem]]:
    label = rel(folder / "paper.yml", root)
    doc, problems = read_yaml(folder / "paper.yml", label)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(label, 1, "M004", "paper.yml must be a mapping of keys to values",
                              "start from another paper's paper.yml")]
    problems = validate(doc, "paper", label)
    if problems:
        return None, problems
    d = doc.data
    warnings = markup_problems(doc, label)
    date = None if d.get("date") is None else str(d["date"])  # `date: 2018` is a year
    if date and not real_date(date):
        return None, [Problem(label, doc.line("date"), "M005", f"date: {date} is not a date "
                              "that exists", "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018-04-27")]
    return PaperMeta(
        slug=folder.name, title=d["title"], subtitle=d.get("subtitle", ""),
        series=d.get("series", ""), authors=tuple(d.get("authors") or ()),
        publisher=d.get("publisher"), date=date, date_note=d.get("date_note", ""),
        url=d.get("url"), pdf_url=d.get("pdf_url"), format=d.get("format"),
        received=d.get("received", ""),
        abstract=d.get("abstract", ""), levels=dict(d.get("levels") or {}),
        accept=dict(d.get("accept") or {}),
        metadata_sources=tuple(d.get("metadata_sources") or ()),
    ), warnings


# Readings by content hash: `mkdocs serve` rebuilds in one process, so after an edit only
# the papers whose files changed are read again. Bounded; cleared with the process. Behind
# it, the disk cache (cache.py) keeps readings from one run to the next.
_CACHE: dict[str, tuple[Paper | None, list[Problem]]] = {}
_CACHE_LIMIT = 5000
STATS = {"ingested": 0, "cached": 0, "from_disk": 0}


PAPER_FILES = ("source.txt", "source.pdf", "paper.yml", "notes.yml")
# A folder's key by the stat of its files (size, modification time in ns, inode): a run
# after an edit hashes again only the folders whose files changed, as make and Hugo do.
_KEYS: dict[Path, tuple[tuple, str]] = {}


def _stat(path: str) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _content_key(folder: Path, root: Path) -> str:
    base = str(folder)
    stats = tuple(_stat(os.path.join(base, name)) for name in PAPER_FILES)
    kept = _KEYS.get(folder)
    if kept is not None and kept[0] == stats:
        return kept[1]
    digest = hashlib.sha256(rel(folder, root).encode())
    for name in PAPER_FILES:
        path = folder / name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    key = digest.hexdigest()
    if len(_KEYS) >= _CACHE_LIMIT:
        _KEYS.pop(next(iter(_KEYS)))
    _KEYS[folder] = (stats, key)
    return key


def _key(folder: Path, root: Path) -> str | None:
    try:
        return _content_key(folder, root)
    except OSError:
        return None


def load_paper(folder: Path, root: Path, disk: DiskCache | None = None,
               read: tuple[Paper | None, list[Problem]] | None = None, kept: bool = False
               ) -> tuple[Paper | None, list[Problem]]:
    """Read one paper folder, or take its reading from a cache if no file changed (`read`:
    its reading, made already in a worker process; `kept`: which put it in the disk cache)."""
    key = _key(folder, root)
    if key and key in _CACHE:
        STATS["cached"] += 1
        if disk:
            disk.used.add(disk._path(key).name)
        paper, problems = _CACHE[key]
        return paper, list(problems)
    stored = disk.get(key) if disk and key and read is None else None
    if isinstance(stored, tuple) and len(stored) == 2:
        STATS["from_disk"] += 1
        result = stored
    else:
        result = read if read is not None else _load_paper(folder, root)
        STATS["ingested"] += 1
        if disk and key:
            if kept:
                disk.keep(key)
            else:
                disk.put(key, result)
    if key:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = (result[0], list(result[1]))
    return result[0], list(result[1])


def _read_in_worker(folder: Path, root: Path) -> bytes:
    """A worker process's part: the paper read and pickled once, kept in the disk cache from
    here, and handed back in that form (the main process would otherwise pickle it again)."""
    data = pickle.dumps(_load_paper(folder, root), protocol=pickle.HIGHEST_PROTOCOL)
    key = _key(folder, root)
    if key:
        DiskCache(root).put_pickled(key, data)
    return data


def _load_paper(folder: Path, root: Path) -> tuple[Paper | None, list[Problem]]:
    problems: list[Problem] = []
    label = rel(folder, root)
    if not SLUG.match(folder.name):
        return None, [Problem(label, 0, "P003", f"'{folder.name}' is not a valid paper slug",
                              "use lower-case letters, digits and single hyphens")]
    source = folder / "source.pdf"
    if not source.is_file():
        source = folder / "source.txt"
    if not source.is_file():
        problems.append(Problem(label, 0, "P001", "the paper has no source.pdf or source.txt",
                                "add the paper as received: the PDF as source.pdf, or its "
                                "text as source.txt"))
    if not (folder / "paper.yml").is_file():
        problems.append(Problem(label, 0, "P002", "the paper has no paper.yml",
                                "add its metadata in paper.yml (see CONTRIBUTING.md)"))
    if problems:
        return None, problems
    meta, problems = load_meta(folder, root)
    data = source.read_bytes()
    path = rel(source, root)
    if meta is None:
        return None, problems
    text, reading, read_problems = read_source(
        data, path, Hints(meta.title, meta.subtitle, meta.series), meta.format, meta.levels)
    problems += read_problems
    if text is None or reading is None:
        return None, problems
    pdf = reading.format == "pdf" and source.suffix == ".pdf"
    if pdf and (folder / "source.txt").is_file():
        txt, txt_problems = decode_source((folder / "source.txt").read_bytes(),
                                          rel(folder / "source.txt", root))
        problems += txt_problems
        if txt is not None:
            problems += disagreements(txt, rel(folder / "source.txt", root), text, path)
    source_problems = conservation_problems(text, reading, path)
    found = {squash(h.text) for h in reading.headings()}
    for heading in meta.levels:
        if squash(heading) not in found:
            problems.append(Problem(rel(folder / "paper.yml", root), 0, "P004",
                                    f"levels: no heading '{heading}' in the paper",
                                    "copy the heading text exactly as the page shows it"))
    if not reading.paragraphs():
        problems.append(Problem(rel(source, root), 1, "P005", "no paragraph was found in the "
                                "source", "check that the file holds the paper's text",
                                WARNING))
    extra, note_problems = load_editor_notes(folder, root)
    problems += note_problems
    text_lines = normalise_text(text).split("\n")
    resolved, footnote_problems, found = check_reading(reading, path, text_lines, extra,
                                                       rel(folder / "notes.yml", root))
    checks = [f.problem for f in found]
    source_problems += footnote_problems + accepted(checks, meta.accept)
    for code in sorted(set(meta.accept) - {p.code for p in checks}):
        problems.append(Problem(rel(folder / "paper.yml", root), 0, "P008",
                                f"accept: {code} is no longer reported for this paper",
                                f"remove {code} from accept:", WARNING))
    problems += locate_in_pdf(source_problems, path, text) if pdf else source_problems
    paper = Paper(meta, path, reading, hashlib.sha256(data).hexdigest(), resolved)
    return paper, problems


def accepted(problems: list[Problem], accept: dict[str, str]) -> list[Problem]:
    """Self-check errors an editor has looked at and accepted in paper.yml (`accept:`), as
    warnings that say so."""
    return [replace(p, severity=WARNING, message=f"{p.message} [accepted in paper.yml: "
                    f"{accept[p.code]}]") if p.code in accept else p for p in problems]


def load_editor_notes(folder: Path, root: Path) -> tuple[dict[int, EditorNote], list[Problem]]:
    path = folder / "notes.yml"
    if not path.exists():
        return {}, []
    label = rel(path, root)
    doc, problems = read_yaml(path, label)
    if doc is None:
        return {}, problems
    if not isinstance(doc.data, dict):
        return {}, [Problem(label, 1, "N004", "notes.yml must hold a 'notes:' list",
                            "see CONTRIBUTING.md for an example")]
    problems = validate(doc, "notes", label, prefix="N")
    if problems:
        return {}, problems
    notes, dupes = editor_notes(doc)
    return notes, [*markup_problems(doc, label),
                   *(Problem(label, line, code, msg, "keep one of them")
                     for line, code, msg in dupes)]


def _kept(folder: Path, root: Path, disk: DiskCache) -> bool:
    """Whether a cache holds this folder's reading as its files are now."""
    key = _key(folder, root)
    return key is not None and (key in _CACHE or disk.has(key))


def load_corpus(root: Path, on_paper: Callable[[Paper, Corpus], None] | None = None
                ) -> Corpus:
    """The corpus under `root`. `on_paper(paper, corpus)`, if given, is called for each paper
    as soon as it is read, in the papers' order, the glossary and themes loaded already: while
    worker processes read the papers after it, the caller can work on it."""
    corpus = Corpus(root)
    papers_dir = root / "content" / "papers"
    if not papers_dir.is_dir():
        corpus.problems.append(Problem("content/papers", 0, "P000", "no content/papers folder",
                                       "run glossa from the project root, or pass --root"))
        return corpus
    corpus.glossary, glossary_problems = load_glossary(root)
    corpus.themes, theme_problems = load_themes(root)
    disk = DiskCache(root)
    folders = sorted(p for p in papers_dir.iterdir() if p.is_dir())
    # Papers no cache holds are read in worker processes when there are many (a first build).
    # (With both caches empty, as in a first build, no folder is hashed before the workers
    # start: each is hashed as its reading comes back.)
    todo = folders if not _CACHE and disk.empty() else [
        f for f in folders if not _kept(f, root, disk)]
    pooled = stream(_read_in_worker, todo, (root,))
    pending = set(todo) if pooled is not None else set()
    try:
        for folder in folders:
            read = pickle.loads(next(pooled)) if folder in pending else None
            paper, problems = load_paper(folder, root, disk, read, kept=read is not None)
            corpus.problems += problems
            if paper:
                corpus.papers.append(paper)
                if on_paper is not None:
                    on_paper(paper, corpus)
            else:
                corpus.unreadable.add(folder.name)
    finally:
        if pooled is not None:
            pooled.close()  # stops the children if this stopped early
    disk.prune()
    corpus.problems += glossary_problems + theme_problems
    corpus.annotations, problems = load_annotations(
        root, {p.meta.slug for p in corpus.papers}, frozenset(corpus.unreadable))
    corpus.problems += problems
    corpus.corrections, problems = load_corrections(
        root, {p.meta.slug for p in corpus.papers} | corpus.unreadable)
    corpus.problems += problems
    return corpus
