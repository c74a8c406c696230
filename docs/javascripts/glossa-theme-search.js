/* The theme's own search (a build with `extra.glossa_search: theme`, which the search benchmark
 * compares): how a query reaches its worker. The hosted build's search is
 * glossa-search-worker.js, the offline build's and `glossa serve`'s glossa-shard-search.js.
 *
 * The theme's worker (lunr) ends every word typed with a wildcard and finds a page if any one
 * word matches, and its index leaves the common words out: a sentence pasted from a paper
 * found the titles that begin with its small words ("to" gave "Tokyo", "the" "Themes")
 * before the paragraph that holds it (none of 20 sentences among the first three results,
 * scripts/glossa/bench_search.py). Here, as the query is posted to the worker:
 * - the words the index leaves out (GLOSSA_WORDS.STOP, single letters) are left out of the
 *   query when it has others;
 * - from three words on, every word but the last (which may be half typed) is required, as
 *   a search engine's "all of these words", so the place that holds them all comes first;
 *   when no place holds them all, the same words are asked again, none required.
 * The index, the worker, the result list and the highlighting stay the theme's. */
(function () {
  "use strict";
  var config, words = window.GLOSSA_WORDS;
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (e) { return; }
  if (!words) return;
  var QUERY = 2, RESULT = 3, REQUIRED_FROM = 3;
  var SYNTAX = /(^|\s)[+-]\S|\S[*~^]|\b(title|text|tags):|"/;

  function kept(query) {
    var all = query.split(new RegExp(words.THEME_SEPARATOR)).filter(Boolean);
    var some = all.filter(function (w) {
      return w.length > 1 && !words.STOP.has(w.toLowerCase());
    });
    return some.length ? some : all;
  }

  /* The query as the worker is asked it: [first asked, asked again if nothing is found]. */
  function asked(query) {
    if (SYNTAX.test(query)) return [query, null];  // the reader wrote lunr's own syntax
    var w = kept(query);
    var loose = w.join(" ") + (/\s$/.test(query) ? " " : "");
    if (w.length < REQUIRED_FROM) return [loose, null];
    var strict = w.map(function (x, i) { return i < w.length - 1 ? "+" + x : x; }).join(" ");
    return [strict, loose];
  }
  window.GLOSSA_THEME_QUERY = asked;  // for the tests, whichever search the page has
  if (!window.Worker || /glossa-(search-worker|shard-search)\.js$/.test(config.search || "")) return;

  /* The worker answers each query in turn: the queries posted, in order, wait for their
   * answers here with what to ask again if theirs is empty; a query typed since makes an
   * empty answer stale, not to be asked again. */
  var proto = window.Worker.prototype, send = proto.postMessage;
  proto.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var worker = this, pair = asked(message.data);
      if (!worker.__glossaWaiting) {
        var waiting = worker.__glossaWaiting = [];
        worker.addEventListener("message", function (ev) {
          var data = ev.data;
          if (!data || data.type !== RESULT || !waiting.length) return;
          var again = waiting.shift();
          if (again && !waiting.length && data.data && !data.data.items.length) {
            waiting.push(null);
            send.call(worker, { type: QUERY, data: again });
          }
        });
      }
      worker.__glossaWaiting.push(pair[1]);
      return send.call(worker, { type: QUERY, data: pair[0] });
    }
    return send.apply(this, arguments);
  };
})();
