/* What the site's two searches take for words: loaded by the pages (glossa-theme-search.js)
 * and by the hosted search's worker (glossa-search-worker.js, importScripts).
 *
 * SEPARATOR: what separates words, the theme's separator in mkdocs.yml (curly quotes
 * included) with the full stop, question mark and semicolon of a sentence typed.
 * THEME_SEPARATOR: the theme's own, as mkdocs.yml gives it to its index (tests check they are
 * the same): the words its index holds ("Korea—something" is one).
 * STOP: words too common to search for when a query has others: lunr's English list, which
 * the theme's index leaves out; Pagefind's index chunks for them are its largest. */
(function (scope) {
  "use strict";
  scope.GLOSSA_WORDS = {
    SEPARATOR: /[\s\-–—,:!=[\]()"/‘’“”.?;]+/u,
    THEME_SEPARATOR: '[\\s\\-,:!=\\[\\]()"/‘’“”]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;',
    STOP: new Set(("a able about across after all almost also am among an and any are as " +
      "at be because been but by can cannot could dear did do does either else ever every for " +
      "from get got had has have he her hers him his how however i if in into is it its just " +
      "least let like likely may me might most must my neither no nor not of off often on only " +
      "or other our own rather said say says she should since so some than that the their them " +
      "then there these they this tis to too twas us wants was we were what when where which " +
      "while who whom why will with would yet you your").split(" "))
  };
})(typeof self !== "undefined" ? self : this);
