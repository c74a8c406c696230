/* Glossa's search from disk (the offline build, `glossa serve`): the theme's search box asks,
 * an index made at build time answers (scripts/glossa/render/shard_search.py says what its
 * files hold).
 *
 * The theme (Material for MkDocs 9) starts its search worker from the URL in the page's
 * __config and talks to it in four messages: 0 set-up, 1 ready, 2 query (the text typed),
 * 3 result ({items: one list per page, the page first, then its passages}). Served, this
 * file runs as a Worker. Opened from disk, Chromium starts no Worker from file://: the
 * iframe-worker shim (docs/assets/vendor/iframe-worker) runs this file in a hidden frame of
 * the page instead, where `fetch` is refused too. Either way the index's files are scripts,
 * loaded as a Worker loads them (importScripts) or as a page does (a <script src> element,
 * which browsers load from disk), and each calls glossaSearchShard(type, key, data).
 *
 * A query loads meta.js once, then the term files of its words (a few KB each), adds up the
 * weights of the words typed in each record (BM25, computed at build time; the last word
 * also stands for the words it begins, as the theme's search does), and loads the text of
 * the records shown only. Filters are words of the query: `kind:paper` (paper, glossary,
 * comparison, annotation, page) and `paper:<slug>`; the search box's menu writes them
 * (glossa-search.js). A glossary name typed in one spelling finds the others.
 */
"use strict";
(function () {
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  const PAGES = 5;         // pages listed for one query, as the hosted search
  const PASSAGES = 4;      // passages listed under one page
  const CONTEXT = 28;      // words of a passage shown around its first match
  const MIN_PREFIX = 3;    // the last word stands for the words it begins from this length
  const MAX_VARIANTS = 4;  // spellings of a glossary name tried for one query
  const FILTER = /^(kind|paper):(\S+)$/i;
  const KINDS = { paper: "p", glossary: "g", comparison: "c", annotation: "a", page: "o" };
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const VALUE = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

  // In a frame (file://) this file is a script of the frame's document; in a Worker, the
  // worker's own address.
  const framed = typeof document !== "undefined";
  const here = framed ? document.currentScript.src : self.location.href;
  const site = new URL("../", here);  // this file is javascripts/<name>.js
  const folder = new URL("search/index/", site);

  const shards = new Map();  // "type:key" -> what the file registered
  self.glossaSearchShard = (type, key, data) => { shards.set(`${type}:${key}`, data); };

  /* Load script files (as many at once as the browser will): in a Worker, importScripts;
   * in a frame, <script src> elements. A file that fails to load registers nothing. */
  const loading = new Map();
  function loadAll(urls) {
    const wanted = urls.map(u => String(u));
    const missing = wanted.filter(u => !loading.has(u));
    if (missing.length && !framed) {
      try {
        importScripts(...missing);
      } catch (e) {
        for (const u of missing) { try { importScripts(u); } catch (e2) { /* none */ } }
      }
      for (const u of missing) loading.set(u, Promise.resolve());
    }
    for (const u of missing) {
      if (loading.has(u)) continue;
      loading.set(u, new Promise(resolve => {
        const script = document.createElement("script");
        script.src = u;
        script.onload = script.onerror = () => resolve();
        (document.body || document.documentElement).appendChild(script);
      }));
    }
    return Promise.all(wanted.map(u => loading.get(u)));
  }

  let meta = null;
  function loadMeta() {
    meta ??= loadAll([new URL("glossa-words.js", here), new URL("meta.js", folder)])
      .then(() => {
        const m = shards.get("meta:");
        if (!m || !self.GLOSSA_WORDS) throw new Error("the search index is missing");
        m.starts = new Int32Array(m.records.length + 1);
        m.records.forEach((n, i) => { m.starts[i + 1] = m.starts[i] + n; });
        m.total = m.starts[m.records.length];
        m.pageOf = new Int32Array(m.total);
        m.records.forEach((n, i) => m.pageOf.fill(i, m.starts[i], m.starts[i + 1]));
        m.shardSet = new Set(m.shards);
        m.cutSet = new Set(m.cut);
        return m;
      })
      .catch(e => { meta = null; throw e; });
    return meta;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, c => ({
      "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /* A word as the index holds it (shard_search.normal). */
  function normal(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  /* A shard key as a file name (shard_search.file_name). */
  function fileName(key) {
    return [...key].map(c => (/^[a-z0-9]$/.test(c) ? c : `_${c.codePointAt(0).toString(16)}_`))
      .join("");
  }

  /* The query's words and filters: the common words left out when there are others, as the
   * index leaves them out. */
  function parse(query) {
    const { SEPARATOR, STOP } = self.GLOSSA_WORDS;
    const filters = {}, words = [];
    for (const part of query.trim().split(/\s+/)) {
      const m = FILTER.exec(part);
      if (m) (filters[m[1].toLowerCase()] ??= []).push(m[2]);
      else if (part) words.push(part);
    }
    const all = words.join(" ").split(SEPARATOR).map(normal).filter(w => w.length > 1);
    const kept = all.filter(t => !STOP.has(t));
    const terms = [...new Set(kept.length ? kept : all)];
    // The last word may be half typed: it stands for the words it begins (not after a space).
    const open = !/\s$/.test(query) && terms.length && terms[terms.length - 1] === all[all.length - 1];
    return { terms, filters, prefix: open ? terms[terms.length - 1] : null };
  }

  /* The shard a term is in: its first letter's, or for a key that was cut, a longer one. */
  function shardOf(m, term) {
    let length = 1;
    while (length < term.length && m.cutSet.has(term.slice(0, length))) length++;
    return term.slice(0, length);
  }

  /* The shards that hold `term` (and, as a prefix, every term it begins). */
  function shardsFor(m, term, prefix) {
    const key = shardOf(m, term);
    if (!prefix || key !== term || !m.cutSet.has(key)) return m.shardSet.has(key) ? [key] : [];
    return m.shards.filter(k => k.startsWith(term));
  }

  /* The records holding `term` (or, as a prefix, any word it begins) and its weight in
   * each: a Map of record -> weight (the largest, for a prefix). */
  function postings(m, term, prefix) {
    const out = new Map();
    for (const key of shardsFor(m, term, prefix)) {
      const words = shards.get(`terms:${key}`) || {};
      const matched = prefix ? Object.keys(words).filter(w => w.startsWith(term))
        : (term in words ? [term] : []);
      for (const w of matched) {
        const s = words[w];
        let record = 0, i = 0;
        while (i < s.length) {
          let v = 0, d;
          while ((d = VALUE[s.charCodeAt(i++)]) >= 32) v = v * 32 + d - 32;
          record += v * 32 + d;
          const weight = VALUE[s.charCodeAt(i)] * 64 + VALUE[s.charCodeAt(i + 1)];
          i += 2;
          if (!(out.get(record) >= weight)) out.set(record, weight);
        }
      }
    }
    return out;
  }

  /* The query's words, and the same with a glossary name in it spelled each other way:
   * [words, the words of the other spelling] ("Gadaffi": [["gadaffi"], []] and
   * [["gaddafi"], ["gaddafi"]], [["muammar", "gaddafi"], ["muammar", "gaddafi"]]). */
  function variants(terms, groups) {
    const out = [[terms, []]];
    for (const names of groups) {
      for (const name of names) {
        const at = terms.findIndex((_, i) => name.every((w, k) => terms[i + k] === w));
        if (at < 0) continue;
        for (const other of names) {
          if (other !== name && out.length < MAX_VARIANTS) {
            out.push([[...terms.slice(0, at), ...other, ...terms.slice(at + name.length)],
                      other]);
          }
        }
        break;
      }
    }
    return out;
  }

  /* Where a passage's words start and end, and which of its words matched. */
  function snippet(words, hits) {
    const first = hits[0] ?? 0;
    let from = first < CONTEXT - 8 ? 0 : first - 6;
    from = Math.max(0, Math.min(from, words.length - CONTEXT));
    const to = Math.min(words.length, from + CONTEXT);
    const marked = new Set(hits);
    let text = "";
    for (let k = from; k < to; k++) {
      const w = escapeHtml(words[k]);
      text += (k > from ? " " : "") + (marked.has(k) ? `<mark>${w}</mark>` : w);
    }
    return `<p>${from > 0 ? "… " : ""}${text}${to < words.length ? " …" : ""}</p>`;
  }

  /* Which of `wanted` (word -> the typed word it stands for) a text's words are: their
   * positions, and the typed words found. A word of the text matches when it is one of them,
   * or begins with the prefix typed. */
  function matches(text, wanted, prefix) {
    const { SEPARATOR } = self.GLOSSA_WORDS;
    const words = text.split(/\s+/).filter(Boolean);
    const hits = [], found = new Set();
    words.forEach((word, k) => {
      for (const part of word.split(SEPARATOR)) {
        const n = normal(part);
        if (!n) continue;
        const typed = wanted.get(n) ?? (prefix && n.startsWith(prefix) ? prefix : undefined);
        if (typed !== undefined) {
          hits.push(k);
          found.add(typed);
          found.add(n);
          break;
        }
      }
    });
    return { words, hits, found };
  }

  let asked = 0;
  async function answer(query, id) {
    const m = await loadMeta();
    const { terms, filters, prefix: typedPrefix } = parse(query);
    if (!terms.length) return { items: [] };
    const prefix = typedPrefix && typedPrefix.length >= MIN_PREFIX ? typedPrefix : null;
    const asks = terms.length <= 3 ? variants(terms, m.spellings) : [[terms, []]];
    // The files: each word's term shard, and the pages of the papers filtered on.
    const words = [...new Set(asks.flatMap(([ask]) => ask))];
    const keys = new Set(words.flatMap(w => shardsFor(m, w, w === prefix)));
    const papers = filters.paper || [];
    await loadAll([...[...keys].map(k => new URL(`t/${fileName(k)}.js`, folder)),
                   ...papers.map(p => new URL(`p/${fileName(p)}.js`, folder))]);
    if (id !== asked) return null;  // a newer query came in meanwhile
    const weights = new Map(words.map(w => [w, postings(m, w, w === prefix)]));
    // Of the pages that pass the filters, each record's count of words typed that it holds,
    // and the sum of their weights; of several spellings, the best.
    const kinds = (filters.kind || []).map(k => KINDS[k.toLowerCase()]).filter(Boolean);
    const allowed = papers.length ? new Set(papers.flatMap(p => shards.get(`paper:${p}`) || []))
      : null;
    const passes = page => (!kinds.length || kinds.includes(m.kinds[page]))
      && (!allowed || allowed.has(page));
    const best = new Map();  // record -> [count, sum]
    for (const [ask, name] of asks) {
      const count = new Map();
      for (const w of ask) {
        for (const [record, weight] of weights.get(w)) {
          const c = count.get(record);
          if (c) { c[0]++; c[1] += weight; } else count.set(record, [1, weight]);
        }
      }
      for (const [record, c] of count) {
        // Another spelling counts where the whole of it is ("sanctions regime", not "regime").
        if (name.some(w => !weights.get(w).has(record))) continue;
        const b = best.get(record);
        if (!b || c[0] > b[0] || (c[0] === b[0] && c[1] > b[1])) best.set(record, c);
      }
    }
    const better = ([ra, a], [rb, b]) => b[0] - a[0] || b[1] - a[1] || ra - rb;
    const ranked = [...best].filter(([record]) => passes(m.pageOf[record])).sort(better);
    // One list per page (the page's best record first), the best PAGES pages.
    const byPage = new Map();
    for (const [record] of ranked) {
      const page = m.pageOf[record];
      if (!byPage.has(page)) byPage.set(page, []);
      const list = byPage.get(page);
      if (list.length < PASSAGES) list.push(record);
    }
    const shown = [...byPage].slice(0, PAGES);
    const chunks = new Set(shown.flatMap(([page, records]) => records.map(
      r => `${page}-${Math.floor((r - m.starts[page]) / m.chunk)}`)));
    await loadAll([...chunks].map(c => new URL(`x/${c}.js`, folder)));
    if (id !== asked) return null;
    // What to mark in a passage: the words typed, and the other spellings asked for.
    const wanted = new Map();
    for (const w of words) wanted.set(w, w);
    const items = [];
    const listed = new Map();  // a page's address -> its list (an annotation joins it)
    shown.forEach(([page, records], rank) => {
      const top = 1000 - rank;  // the theme orders by score
      const text = r => shards.get(`text:${page}-${Math.floor((r - m.starts[page]) / m.chunk)}`);
      const head = text(records[0]);
      if (!head) return;
      const found = new Set();
      const places = new Set();  // a long block is several records: listed once
      const passages = [];
      for (const r of records) {
        const [anchor, title, body] = text(r).records[(r - m.starts[page]) % m.chunk];
        if (places.has(anchor)) continue;
        places.add(anchor);
        const match = matches(body, wanted, prefix);
        match.found.forEach(w => found.add(w));
        const n = passages.length;
        passages.push({ location: anchor ? `${head.url}#${anchor}` : head.url,
                        title: escapeHtml(title), text: snippet(match.words, match.hits),
                        // the best passage a little above its page: Enter opens it
                        score: n === 0 ? top + 0.5 : top - 1 - n });
      }
      // What the result's link asks the page to highlight, and which typed words it lacks:
      // a typed word counts as found when another spelling of it is.
      const other = [...found].some(w => wanted.has(w) && !terms.includes(w));
      const termsOf = {};
      for (const t of terms) {
        termsOf[t] = found.has(t) || (other && asks.some(([a]) => !a.includes(t)));
      }
      for (const w of found) if (!(w in termsOf)) termsOf[w] = true;
      const annotation = m.kinds[page] === "a";
      const list = [{ location: head.url, score: top, text: "", terms: termsOf,
                      title: escapeHtml(annotation ? `${head.title} (editors’ annotation)`
                        : head.title) },
                    ...passages.map(p => ({ ...p, terms: termsOf }))];
      const before = listed.get(head.url);
      if (!before) {
        listed.set(head.url, list);
        items.push(list);
        return;
      }
      if (!annotation) before[0].title = list[0].title;
      for (const p of list.slice(1)) before.push({ ...p, score: before[0].score - before.length });
      for (const item of before) {
        for (const [t, ok] of Object.entries(termsOf)) item.terms[t] = item.terms[t] || ok;
      }
    });
    announce({ query, shown: shown.length, total: byPage.size });
    return { items };
  }

  /* The page's script (glossa-search.js) tells the reader how many pages matched in all. */
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("glossa-search")
    : null;
  function announce(counts) {
    if (framed) {
      try { parent.dispatchEvent(new MessageEvent("glossa-search", { data: counts })); return; }
      catch (e) { /* a frame of another origin: the channel then */ }
    }
    if (channel) channel.postMessage(counts);
  }

  self.addEventListener("message", async ev => {
    const message = ev.data;
    if (!message) return;
    if (message.type === SETUP) {
      loadMeta().catch(() => {});  // the index's table, while the reader types
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
})();
