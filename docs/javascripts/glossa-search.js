/* The search box of Glossa's own searches: filters by kind of page and by paper, and the count
 * of all matches. Only where the page's search runs on one of Glossa's workers: the hosted
 * build's (glossa-search-worker.js, Pagefind) or the offline build's and `glossa serve`'s
 * (glossa-shard-search.js, an index of script files that loads from disk).
 *
 * A filter is a word of the query (`kind:glossary`, `paper:<slug>`): the menus write it
 * into the search box, and typing it works the same. */
(function () {
  "use strict";
  var config;
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (e) { return; }
  var hosted = /glossa-search-worker\.js$/.test(config.search || "");
  var shards = /glossa-shard-search\.js$/.test(config.search || "");
  if (!hosted && !shards) return;
  var query = document.querySelector("[data-md-component=search-query]");
  var result = document.querySelector("[data-md-component=search-result]");
  if (!query || !result) return;
  var root = new URL(config.base, location.href);
  var KINDS = [["", "All kinds of page"], ["paper", "Papers"], ["glossary", "Glossary"],
               ["comparison", "Comparisons"], ["annotation", "Annotations"],
               ["page", "Other pages"]];
  var TOKEN = /(^|\s)(kind|paper):\S*/gi;

  function menu(label, name, options) {
    var wrap = document.createElement("label");
    wrap.className = "glossa-search-filter";
    wrap.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    select.name = name;
    options.forEach(function (o) { select.appendChild(new Option(o[1], o[0])); });
    wrap.appendChild(select);
    return { wrap: wrap, select: select };
  }

  var bar = document.createElement("div");
  bar.className = "glossa-search-filters";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Filter the results");
  var kind = menu("Show", "kind", KINDS);
  var paper = menu("from", "paper", [["", "all papers"]]);
  bar.appendChild(kind.wrap);
  bar.appendChild(paper.wrap);
  result.parentNode.insertBefore(bar, result);

  /* The list of papers, fetched when the reader reaches for the menu; from disk (the shard
   * index), where `fetch` is refused, a script file that hands it over. */
  var papers = null;
  function scriptList() {
    return new Promise(function (resolve) {
      var previous = window.glossaSearchShard;
      window.glossaSearchShard = function (type, key, data) {
        if (type === "papers") resolve(data);
      };
      var script = document.createElement("script");
      script.src = new URL("search/index/papers.js", root).href;
      script.onerror = function () { resolve([]); };
      script.onload = function () { window.glossaSearchShard = previous; };
      document.head.appendChild(script);
    });
  }
  function loadPapers() {
    if (papers) return papers;
    papers = (shards ? scriptList() : fetch(new URL("search/papers.json", root)).then(
      function (r) { return r.ok ? r.json() : []; })).then(function (list) {
      var chosen = paper.select.value;
      list.forEach(function (p) {
        if (p[0] !== chosen) paper.select.appendChild(new Option(p[1], p[0]));
      });
    }).catch(function () { papers = null; });
    return papers;
  }
  paper.select.addEventListener("pointerenter", loadPapers);
  paper.select.addEventListener("focus", loadPapers);

  function tokens() {
    var found = {};
    (query.value.match(TOKEN) || []).forEach(function (t) {
      var m = t.trim().split(":");
      found[m[0].toLowerCase()] = m.slice(1).join(":");
    });
    return found;
  }

  /* The menus follow what the box says (a filter typed by hand). */
  function follow() {
    var found = tokens();
    kind.select.value = found.kind || "";
    if (kind.select.value !== (found.kind || "")) kind.select.value = "";
    var slug = found.paper || "";
    if (slug && !Array.prototype.some.call(paper.select.options,
                                           function (o) { return o.value === slug; })) {
      paper.select.appendChild(new Option(slug, slug));
    }
    paper.select.value = slug;
  }
  query.addEventListener("input", follow);
  query.form.addEventListener("reset", function () { setTimeout(follow, 0); });

  /* A menu changed: its word replaces the one in the box, and the theme searches again. */
  function choose() {
    var words = query.value.replace(TOKEN, " ").trim();
    if (kind.select.value) words += " kind:" + kind.select.value;
    if (paper.select.value) words += " paper:" + paper.select.value;
    query.value = words.trim() + (words.trim() ? " " : "");
    query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    query.focus();
  }
  kind.select.addEventListener("change", choose);
  paper.select.addEventListener("change", choose);

  /* The best five results are fetched and listed (an annotation under its paper's page);
   * the count says how many matched in all. */
  var meta = result.querySelector(".md-search-result__meta");
  var counts = { shown: 0, total: 0 };
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("glossa-search")
    : null;  // an old browser: the theme's count of the pages listed stays
  function heard(ev) {
    if (ev.data && "total" in ev.data) { counts = ev.data; recount(); }
  }
  // From disk the shard search runs in a frame of this page, and tells this window directly.
  window.addEventListener("glossa-search", heard);
  if (channel) channel.onmessage = heard;
  if (channel && hosted) {
    /* The worker fetches and starts Pagefind's engine (about 95 KB gzipped, kept by the
     * browser's cache) once the page is idle, so that the first query does not wait for it;
     * on a connection that asks to save data, only when the reader opens the search box. */
    var prefetch = function () { channel.postMessage({ prefetch: true }); };
    query.addEventListener("focus", prefetch);
    var saving = navigator.connection && navigator.connection.saveData;
    if (!saving) {
      var idle = window.requestIdleCallback || function (f) { setTimeout(f, 200); };
      if (document.readyState === "complete") idle(prefetch);
      else window.addEventListener("load", function () { idle(prefetch); });
    }
  }
  function recount() {
    if (!meta || counts.query !== query.value || counts.total <= counts.shown) return;
    var text = "The best " + counts.shown + " of " + counts.total + " results";
    if (meta.textContent !== text && /\d/.test(meta.textContent)) meta.textContent = text;
  }
  if (meta) new MutationObserver(recount).observe(meta, { childList: true });
})();
