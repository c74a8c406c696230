/* Glossa: two small reading aids on top of Material.
 * 1. A search result opens at the paragraph that matched: after Material marks the
 *    searched words, scroll to the first mark past the section the result points at.
 * 2. A paragraph's number (¶) offers a ready citation of that paragraph, with a copy button.
 * No network, no dependencies; works from file:// too. */
(function () {
  "use strict";

  function firstHit() {
    var marks = Array.prototype.slice.call(
      document.querySelectorAll("article mark[data-md-highlight]"));
    if (!marks.length) return null;
    var anchor = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (anchor) {
      for (var i = 0; i < marks.length; i++) {
        if (anchor.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return marks[i];
      }
    }
    return marks[0];
  }

  function landOnHit() {
    if (!/[?&]h=/.test(location.search)) return;
    var tries = 0;
    (function look() {
      var mark = firstHit();
      if (!mark) { if (tries++ < 40) setTimeout(look, 50); return; }
      var para = mark.closest("p, li, td") || mark;
      para.classList.add("glossa-hit");
      para.scrollIntoView({ block: "center" });
    })();
  }

  function citationFor(para) {
    var header = document.querySelector(".glossa-paper-header[data-citation]");
    if (!header) return null;
    var number = para.id.replace(/^p/, "");
    var url = location.href.split("#")[0].replace(/[?].*$/, "") + "#" + para.id;
    return header.getAttribute("data-citation") + ", ¶" + number + ", " + url;
  }

  function showCitation(para) {
    var text = citationFor(para);
    if (!text) return;
    var box = document.getElementById("glossa-citation");
    if (!box) {
      box = document.createElement("div");
      box.id = "glossa-citation";
      box.className = "glossa-citation";
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Citation of this paragraph");
      box.innerHTML = '<p><strong>Cite this paragraph</strong></p><p class="glossa-citation__text"></p>' +
        '<button type="button" class="md-button glossa-citation__copy">Copy citation</button>';
      box.querySelector("button").addEventListener("click", function () {
        var value = box.querySelector(".glossa-citation__text").textContent;
        var done = function () { box.querySelector("button").textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(value).then(done, function () { select(box); });
        } else { select(box); }
      });
    }
    box.querySelector(".glossa-citation__text").textContent = text;
    box.querySelector("button").textContent = "Copy citation";
    para.insertAdjacentElement("afterend", box);
  }

  function select(box) {
    var range = document.createRange();
    range.selectNodeContents(box.querySelector(".glossa-citation__text"));
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function setUp() {
    landOnHit();
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("glossa-para")) showCitation(target);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.glossa-pilcrow");
    if (link) showCitation(link.closest("p"));
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
