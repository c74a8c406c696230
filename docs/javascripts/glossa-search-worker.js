/* Glossa's search worker for the hosted site: the theme's search box asks, Pagefind answers.
 *
 * The theme (Material for MkDocs 9) starts its search worker from the URL in the page's
 * __config and talks to it in four messages: 0 set-up (the index's settings), 1 ready,
 * 2 query (the text typed), 3 result ({items: one list per page, the page first, then its
 * passages}). The hosted build points __config at this file (scripts/glossa/hosted_search.py),
 * so the theme's box, keyboard shortcuts, result list and highlighting all stay.
 *
 * Pagefind's index is chunked: a query fetches the index chunks of its words and the text of
 * the pages shown, not the whole site. Each result lands on the paragraph (or note, or
 * heading) that holds most of the words typed, with those words marked.
 *
 * Filters are words of the query: `kind:paper` (paper, glossary, comparison, annotation,
 * page) and `paper:<slug>`; the search box's filter menu writes them.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const PAGES = 5;         // pages whose text one query fetches (as Pagefind's own interface)
const PASSAGES = 4;      // passages listed under one page
const CONTEXT = 28;      // words of a passage shown around its first match
const MAX_VARIANTS = 4;  // spellings of a glossary name tried for one query
const LOOKED_UP = 3;     // words of a query looked up in the index, at the most
const FILTER = /^(kind|paper):(\S+)$/i;
// What separates words, and the words too common to look up (shared with the pages).
importScripts("glossa-words.js");
const { SEPARATOR, STOP } = self.GLOSSA_WORDS;
// Elements a result may land on: paragraphs, list items (notes), headings, table cells.
const LANDING = /^(p|li|h[1-6]|td|th|dd|blockquote|section)$/i;

const site = new URL("../", self.location.href);  // this file is javascripts/<name>.js
let pagefind = null;
let asked = 0;

function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", site).href).then(async pf => {
      await pf.options({ baseUrl: "/", excerptLength: CONTEXT });
      await pf.init();
      // Pagefind's init only starts its engine; an empty preload waits for it (its
      // WebAssembly and metadata, no index chunk), so the first query does not.
      await pf.preload("");
      return pf;
    }).catch(e => {
      pagefind = null;  // the next query tries again (a dropped connection, say)
      throw e;
    });
  }
  return pagefind;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function normal(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/* The query's words and filters. */
function parse(query) {
  const filters = {}, words = [];
  for (const part of query.trim().split(/\s+/)) {
    const m = FILTER.exec(part);
    if (m) (filters[m[1].toLowerCase()] ??= []).push(m[2]);
    else if (part) words.push(part);
  }
  const all = [...new Set(words.join(" ").split(SEPARATOR).map(normal).filter(Boolean))];
  const kept = all.filter(t => !STOP.has(t));
  const terms = kept.length ? kept : all;
  return { text: terms.join(" "), terms, filters };
}

/* Which typed term a word of the text matched. Pagefind says where the matches are, not
 * which word each is: it matches stems ("contributors" finds "contributed") and, for the
 * last word typed, beginnings; the term sharing the longest start with the word is it. */
function termOf(word, terms) {
  const w = normal(word);
  let best = null, length = 2;
  for (const t of terms) {
    let k = 0;
    while (k < t.length && k < w.length && t[k] === w[k]) k++;
    if (k > length || (k === t.length && k > 0 && best === null)) { best = t; length = k; }
  }
  return best;
}

/* Where a passage's words start and end, and which of its words matched. */
function snippet(words, start, end, hits) {
  const first = hits[0] ?? start;
  let from = first - start < CONTEXT - 8 ? start : first - 6;
  from = Math.max(start, Math.min(from, end - CONTEXT));
  const to = Math.min(end, from + CONTEXT);
  const marked = new Set(hits);
  let text = "";
  for (let k = from; k < to; k++) {
    const w = escapeHtml(words[k] || "");
    text += (k > from ? " " : "") + (marked.has(k) ? `<mark>${w}</mark>` : w);
  }
  return `<p>${from > start ? "… " : ""}${text}${to < end ? " …" : ""}</p>`;
}

/* Where in a page's words the typed words that Pagefind was not asked for stand (the
 * words themselves, or words that a typed word of four letters or more begins: "sanction"
 * finds "sanctions"; "un" finds "un", not "under"). */
function where(words, unasked) {
  if (!unasked.length) return [];
  const out = [];
  words.forEach((w, k) => {
    const n = normal(w);
    if (n && unasked.some(t => n === t || (t.length >= 4 && n.startsWith(t)))) out.push(k);
  });
  return out;
}

/* The fewest words of a passage that hold every typed word found in it: its hits (word
 * positions, in order) and the word each matched. */
function span(hits, termAt) {
  const want = new Set(hits.map(h => termAt.get(h)).filter(Boolean)).size;
  if (!want) return Infinity;
  const count = new Map();
  let best = Infinity, have = 0, from = 0;
  for (let to = 0; to < hits.length; to++) {
    const t = termAt.get(hits[to]);
    if (t && (count.get(t) || 0) === 0) have++;
    if (t) count.set(t, (count.get(t) || 0) + 1);
    while (have === want) {
      best = Math.min(best, hits[to] - hits[from]);
      const u = termAt.get(hits[from++]);
      if (u) {
        count.set(u, count.get(u) - 1);
        if (count.get(u) === 0) have--;
      }
    }
  }
  return best;
}

/* One page's result: the page, then its passages that hold the query's words, best first.
 * A record of its own (an editors' annotation) has its place in its URL already. */
function group(data, terms, typed, replaced, rank, unasked) {
  const words = data.content.split(/[\r\n\s]+/g);
  const url = (data.url || "/").replace(/^\/+/, "");
  const [page, hash] = url.split("#");
  const meta = data.meta || {};
  const top = 1000 - rank;  // the theme orders by score; Pagefind has ranked the pages
  const locations = [...new Set([...(data.locations || []), ...where(words, unasked)])]
    .sort((a, b) => a - b);
  const termAt = new Map(locations.map(loc => [loc, termOf(words[loc] || "", terms)]));
  const seen = new Set([...termAt.values()].filter(Boolean));
  // What the result's link asks the page to highlight, and which typed words it lacks. A
  // typed word replaced by another spelling counts as found when that spelling is.
  const other = [...seen].some(t => !typed.includes(t));
  const termsOf = Object.fromEntries(
    typed.map(t => [t, seen.has(t) || (replaced.includes(t) && other)]));
  for (const t of seen) termsOf[t] = true;
  if (hash !== undefined) {
    return { best: seen.size, span: Infinity, list: [
      { location: page, title: escapeHtml(`${meta.page || page} (editors’ annotation)`),
        text: "", score: top,
        terms: termsOf },
      { location: url, title: escapeHtml(meta.title || url),
        text: snippet(words, 0, words.length, locations), score: top, terms: termsOf }] };
  }
  const anchors = (data.anchors || [])
    .filter(a => a.id && LANDING.test(a.element) && !a.id.startsWith("fnref"))
    .sort((a, b) => a.location - b.location);
  const headings = anchors.filter(a => /^h[2-6]$/i.test(a.element));
  const found = new Map();  // index of the anchor a match falls under -> what matched there
  let i = -1;  // the last anchor at or before the match (locations are in order)
  for (const loc of locations) {
    while (i + 1 < anchors.length && anchors[i + 1].location <= loc) i++;
    const entry = found.get(i) || { terms: new Set(), hits: [] };
    const t = termAt.get(loc);
    if (t) entry.terms.add(t);
    entry.hits.push(loc);
    found.set(i, entry);
  }
  for (const entry of found.values()) entry.span = span(entry.hits, termAt);
  // The passage holding most of the words typed, then the one holding them closest together
  // (a sentence pasted, against a list that names its words here and there), then the most.
  const ranked = [...found.entries()]
    .sort(([, a], [, b]) => b.terms.size - a.terms.size || a.span - b.span
      || b.hits.length - a.hits.length);
  const passages = ranked.slice(0, PASSAGES)
    .map(([i, entry], n) => {
      const anchor = anchors[i];
      const start = anchor ? anchor.location : 0;
      const end = anchors[i + 1] ? anchors[i + 1].location : words.length;
      let name = "";
      if (!anchor) name = meta.title || page;
      else if (/^h[1-6]$/i.test(anchor.element)) name = anchor.text;
      else if (/^fn:/.test(anchor.id)) name = `Note ${anchor.id.slice(3)}`;
      else {
        const heading = [...headings].reverse().find(h => h.location <= start);
        const where = /^p\d+$/.test(anchor.id) ? `¶${anchor.id.slice(1)}` : "";
        name = [heading ? heading.text : "", where].filter(Boolean).join(" · ")
          || meta.title || page;
      }
      return {
        location: anchor ? `${page}#${anchor.id}` : `${page}#`,
        title: escapeHtml(name),
        text: snippet(words, start, end, entry.hits),
        score: n === 0 ? top : top - 1 - n,
        terms: termsOf
      };
    });
  return { best: ranked.length ? ranked[0][1].terms.size : 0,
           span: ranked.length ? ranked[0][1].span : Infinity, list: [
    { location: page, title: escapeHtml(meta.title || page), text: "", score: top,
      terms: termsOf }, ...passages] };
}

/* The glossary's other spellings: "Gadaffi" also finds pages that write "Gaddafi". */
let spellings = null;
function loadSpellings() {
  spellings ??= fetch(new URL("search/spellings.json", site).href)
    .then(r => (r.ok ? r.json() : []))
    .then(groups => groups.map(g => g.map(n => n.split(SEPARATOR).map(normal).filter(Boolean))))
    .catch(() => []);
  return spellings;
}

/* The query's words, and the same with a glossary name in it spelled each other way. */
function variants(terms, groups) {
  const out = [terms];
  for (const names of groups) {
    for (const name of names) {
      const at = terms.findIndex((_, i) => name.every((w, k) => terms[i + k] === w));
      if (at < 0) continue;
      for (const other of names) {
        if (other !== name && out.length < MAX_VARIANTS) {
          out.push([...terms.slice(0, at), ...other, ...terms.slice(at + name.length)]);
        }
      }
      break;
    }
  }
  return out;
}

/* The words Pagefind is asked for: all of them, or for a longer query (a sentence pasted)
 * its LOOKED_UP longest, the rarest as a rule. Pagefind fetches the index chunk of every word
 * it is asked for and keeps the pages that hold them all; the passages are then ranked on
 * every word typed, so a sentence still lands on its paragraph. */
function narrowed(terms) {
  if (terms.length <= LOOKED_UP) return terms;
  const longest = [...terms].sort((a, b) => b.length - a.length).slice(0, LOOKED_UP);
  return terms.filter(t => longest.includes(t));
}

async function answer(query, id) {
  const { terms, filters } = parse(query);
  if (!terms.length && !Object.keys(filters).length) return { items: [] };
  const [pf, groups] = await Promise.all([load(), loadSpellings()]);
  const options = { filters: Object.fromEntries(
    Object.entries(filters).map(([k, v]) => [k, { any: v }])) };
  // Other spellings of a glossary name are tried for a query of a few words (a name typed);
  // a longer one (a sentence pasted) is searched as typed.
  const asked_for = !terms.length ? [null]
    : terms.length <= LOOKED_UP ? variants(terms, groups) : [terms];
  // The words looked up for each spelling; two spellings that leave the same words (a name
  // shorter than the words kept) are one search.
  const lookups = [...new Set(asked_for.map(t => (t ? narrowed(t).join(" ") : null)))];
  const searches = await Promise.all(lookups.map(t => pf.search(t, options)));
  if (id !== asked) return null;  // a newer query came in meanwhile
  const best = new Map();
  for (const search of searches) {
    for (const r of search.results) {
      if (!best.has(r.id) || best.get(r.id).score < r.score) best.set(r.id, r);
    }
  }
  const results = [...best.values()].sort((a, b) => b.score - a.score);
  const data = await Promise.all(results.slice(0, PAGES).map(r => r.data()));
  if (id !== asked) return null;
  const all = [...new Set(asked_for.flat().filter(Boolean))];
  const replaced = terms.filter(t => asked_for.some(v => v && !v.includes(t)));
  // One list per page: an annotation joins its paper's page when that page is listed too.
  const items = [];
  const byPage = new Map();
  // Pagefind ranks pages by their words; of those, a page where one passage holds more of
  // the words typed comes first (a sentence pasted from a paper finds its paragraph).
  const lookedUp = new Set(asked_for.flatMap(t => (t ? narrowed(t) : [])));
  const unasked = all.filter(t => !lookedUp.has(t));
  const ordered = data.map((d, rank) => ({
    ...group(d, all, terms, replaced, rank, unasked), rank }))
    .sort((a, b) => b.best - a.best || a.span - b.span || a.rank - b.rank);
  ordered.forEach(({ list }, rank) => {
    const shift = rank - (1000 - list[0].score);
    for (const item of list) item.score -= shift;
    const [head, ...passages] = list;
    const listed = byPage.get(head.location);
    if (!listed) {
      byPage.set(head.location, [head, ...passages]);
      items.push(byPage.get(head.location));
      return;
    }
    if (!/\(editors’ annotation\)$/.test(head.title)) listed[0].title = head.title;
    for (const p of passages) listed.push({ ...p, score: listed[0].score - listed.length });
    for (const [t, found] of Object.entries(head.terms)) {
      for (const item of listed) item.terms[t] = item.terms[t] || found;
    }
  });
  // The page's script (glossa-search.js) tells the reader how many there were in all.
  if (channel) channel.postMessage({ query, shown: data.length, total: results.length });
  return { items };
}

/* The page says when the reader opens the search box: Pagefind's entry files are fetched
 * while they type. */
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("glossa-search")
  : null;
if (channel) {
  channel.onmessage = ev => {
    if (ev.data && ev.data.prefetch) {
      load().catch(() => {});
      loadSpellings();
    }
  };
}

self.addEventListener("message", async ev => {
  const message = ev.data;
  if (message.type === SETUP) {
    // Pagefind itself is fetched when the reader opens the search box (or at the first
    // query): a reader who does not search fetches nothing more than this file.
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const id = ++asked;
    try {
      const data = await answer(String(message.data || ""), id);
      if (data) self.postMessage({ type: RESULT, data });
    } catch (e) {
      self.postMessage({ type: RESULT, data: { items: [] } });
      throw e;
    }
  }
});
