"""Real papers -> a synthetic corpus of N papers for benchmarks: paragraphs reshuffled,
markers and notes renumbered, headings kept; half written out as web copies, half as
hard-wrapped PDF text with a running header and page boundaries."""

from __future__ import annotations

import random
import shutil
import textwrap
from pathlib import Path

from glossa.model.paper import Paper
from glossa.model.reading import Heading, Paragraph
from glossa.publish.content import load_corpus


def _shuffled_blocks(paper: Paper, rng: random.Random) -> list[tuple[str, str, list[int]]]:
    """(kind, text, old marker numbers at offsets) in a new order: paragraphs shuffled within
    the paper, each heading kept before a share of them."""
    r = paper.reading
    paras = [b for b in r.blocks if isinstance(b, Paragraph) and b.kind == "paragraph"]
    heads = [b for b in r.blocks if isinstance(b, Heading)]
    rng.shuffle(paras)
    out: list[tuple[str, object]] = []
    step = max(1, len(paras) // max(1, len(heads)))
    for i, p in enumerate(paras):
        if i % step == 0 and i // step < len(heads):
            out.append(("heading", heads[i // step]))
        out.append(("paragraph", p))
    return out


def write_paper(folder: Path, paper: Paper, index: int, rng: random.Random) -> None:
    blocks = _shuffled_blocks(paper, rng)
    lines: list[str] = []
    notes: list[str] = []
    n = 0
    for kind, block in blocks:
        if kind == "heading":
            lines.append(block.text)
            continue
        text = block.text
        marks = sorted((m for m in paper.reading.markers if m.block == block.id),
                       key=lambda m: m.offset)
        out, pos = "", 0
        for m in marks:
            n += 1
            out += text[pos:m.offset] + str(n)
            pos = m.offset
            note = paper.reading.notes.get(m.n)
            if note is not None:
                notes.append(f"{n}. {note.text}")
        out += text[pos:]
        lines.append((block.lead + ". " if block.lead else "") + out)
    title = f"Synthetic paper {index:04d}"
    pdf = index % 2 == 1
    if pdf:
        body, page_lines = [title, ""], 0
        for line in lines:
            wrapped = textwrap.wrap(line, 120) or [line]
            for w in wrapped:
                page_lines += 1
                if page_lines % 50 == 0:
                    body += ["", f"{page_lines // 50 + 1} {title}", ""]
                body.append(w)
            body.append("")
        text = "\n".join(body)
    else:
        text = "\n\n".join([title, *lines])
    if notes and len(notes) == n:
        text += "\n\nNotes\n\n" + "\n\n".join(notes)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "paper.yml").write_text(
        f"title: {title}\nauthors: []\npublisher: null\ndate: null\n"
        f"received: Made by glossa.synthetic from {paper.meta.slug}.\n"
        f"format: {'pdf' if pdf else 'web'}\n", encoding="utf-8")


def make_corpus(root: Path, dest: Path, n: int, seed: int = 0) -> Path:
    """Write a project with `n` synthetic papers to `dest` (site config copied from `root`)."""
    source = load_corpus(root)
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(root / folder, dest / folder)
    (dest / "scripts/glossa/publish").mkdir(parents=True)
    shutil.copy(root / "scripts/glossa/publish/mkdocs_adapter.py", dest / "scripts/glossa/publish/")
    shutil.copytree(root / "content/glossary", dest / "content/glossary")
    (dest / "content/themes").mkdir(parents=True)
    for theme in (root / "content/themes").glob("*.yml"):
        # Keep the question and keywords; pins and summaries name the real papers only.
        kept = []
        for line in theme.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(" ") and line.split(":")[0] in (
                    "summaries", "passages", "exclude"):
                kept.append(None)
                continue
            if kept and kept[-1] is None and line.startswith(" "):
                continue
            kept.append(line)
        text = "\n".join(x for x in kept if x is not None) + "\nsummaries: {}\n"
        (dest / "content/themes" / theme.name).write_text(text, encoding="utf-8")
    papers = source.papers
    for i in range(n):
        write_paper(dest / "content/papers" / f"synthetic-{i:04d}", papers[i % len(papers)],
                    i, rng)
    return dest
