/* Glossa: two small reading aids on top of Material.
 * 1. A search result opens at the paragraph that matched: after Material marks the
 *    searched words, scroll to the first mark past the section the result points at.
 * 2. A paragraph's number (¶) offers a ready citation of that paragraph, with a copy button.
 * 3. Glossary terms (and note references on comparison pages) show their text on hover and
 *    focus. It comes from the page's JSON blocks (class glossa-terms, glossa-notes) and goes
 *    into the tooltip as text nodes only: an
 *    editor's string is never parsed as HTML (Material's own title tooltips would).
 * 4. Editors' annotations: a switch shows or hides them all (remembered in localStorage);
 *    on narrow screens each paragraph's notes open under it; a reference (A1) opens and
 *    focuses its note; a paragraph's citation can include its annotations.
 * No network, no dependencies; works from file:// too. */
(function () {
  "use strict";

  /* Where a search result lands: on a paragraph (or note), its first word marked; on a
   * section's heading (the theme's results are sections) or the page's top, the paragraph
   * of that section that holds the most of the words typed (the first of equals), not
   * merely the first that holds one of them. */
  function firstHit() {
    var marks = Array.prototype.slice.call(
      document.querySelectorAll("article mark[data-md-highlight]"));
    if (!marks.length) return null;
    var anchor = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var after = function (a, b) { return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING; };
    var heading = /^H[1-6]$/;
    if (anchor && !heading.test(anchor.tagName)) {
      for (var i = 0; i < marks.length; i++) if (after(anchor, marks[i])) return marks[i];
      return marks[0];
    }
    var level = anchor ? +anchor.tagName[1] : 2;  // the page's top runs to its first section
    var end = null, heads = document.querySelectorAll("article h1, article h2, article h3, " +
                                                      "article h4, article h5, article h6");
    for (var h = 0; h < heads.length && !end; h++) {
      var rank = +heads[h].tagName[1];  // (not the page's title, over its top)
      if ((!anchor || after(anchor, heads[h])) && rank > 1 && rank <= level &&
          heads[h] !== anchor) end = heads[h];
    }
    var best = null, most = 0, words = [], blocks = [];
    marks.forEach(function (m) {
      if ((anchor && !after(anchor, m)) || (end && !after(m, end))) return;
      var block = m.closest("p, li, td, dd") || m;
      var k = blocks.indexOf(block);
      if (k < 0) { blocks.push(block); words.push({ first: m, seen: {} }); k = blocks.length - 1; }
      words[k].seen[m.textContent.toLowerCase()] = true;
      var n = Object.keys(words[k].seen).length;
      if (n > most) { most = n; best = words[k].first; }
    });
    return best || marks[0];
  }

  function landOnHit() {
    if (!/[?&]h=/.test(location.search)) return;
    var tries = 0;
    (function look() {
      var mark = firstHit();
      if (!mark) { if (tries++ < 40) setTimeout(look, 50); return; }
      var box = mark.closest(".glossa-annotations");
      if (box) openBox(box, true);  // the words are in an editors' annotation: show it
      var para = mark.closest("p, li, td") || mark;
      para.classList.add("glossa-hit");
      para.scrollIntoView({ block: "center" });
    })();
  }

  // The paragraph's public address: the site's own (site_url, which the theme gives as the
  // canonical link), else the address in use when it is a public one; never a file on the
  // reader's disk or a preview on their own machine.
  function publicAddress(para) {
    var link = document.querySelector('link[rel="canonical"]');
    if (link && /^https?:/.test(link.href)) return link.href.split("#")[0] + "#" + para.id;
    var local = /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(location.hostname);
    if (/^https?:$/.test(location.protocol) && !local) {
      return location.href.split("#")[0].replace(/[?].*$/, "") + "#" + para.id;
    }
    return null;
  }

  function citationFor(para) {
    var header = document.querySelector(".glossa-paper-header[data-citation]");
    if (!header) return null;
    var number = para.id.replace(/^p/, "");
    var page = para.getAttribute("data-page");  // read from a PDF: "p. 7"
    var url = publicAddress(para);
    return header.getAttribute("data-citation") + ", " + (page ? page + ", " : "") + "¶" +
      number + (url ? ", " + url : "");
  }

  /* A paragraph's editors' annotations as plain text, for its citation. */
  function annotationsText(para) {
    var box = document.getElementById("ann-" + para.id);
    if (!box) return "";
    var notes = box.querySelectorAll(".glossa-annotation");
    var parts = [];
    for (var i = 0; i < notes.length; i++) {
      var n = notes[i];
      var number = n.querySelector(".glossa-annotation__number").textContent;
      var body = n.querySelector(".glossa-annotation__body").textContent.replace(/\s+/g, " ").trim();
      var sources = n.querySelector(".glossa-annotation__sources");
      parts.push(number + " (" + n.getAttribute("data-kind") + ", " + n.getAttribute("data-author") +
        ", " + n.getAttribute("data-date") + "): " + body +
        (sources ? " " + sources.textContent.replace(/\s+/g, " ").trim() : ""));
    }
    return " Editors’ annotation" + (parts.length > 1 ? "s" : "") + ": " + parts.join(" ");
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
    var extra = annotationsText(para);
    var wanted = box.querySelector(".glossa-citation__with");
    if (extra && !wanted) {
      var label = document.createElement("label");
      label.className = "glossa-citation__with";
      wanted = document.createElement("input");
      wanted.type = "checkbox";
      label.appendChild(wanted);
      label.appendChild(document.createTextNode(" Include the editors’ annotations on this paragraph"));
      box.insertBefore(label, box.querySelector("button"));
      wanted.addEventListener("change", function () {
        var p = document.getElementById(box.getAttribute("data-para"));
        box.querySelector(".glossa-citation__text").textContent =
          citationFor(p) + (wanted.checked ? annotationsText(p) : "");
      });
    } else if (!extra && wanted) {
      wanted.remove();
    }
    if (extra) wanted = box.querySelector(".glossa-citation__with input");
    box.setAttribute("data-para", para.id);
    box.querySelector(".glossa-citation__text").textContent =
      text + (extra && wanted && wanted.checked ? extra : "");
    var note = box.querySelector(".glossa-citation__note");
    if (!publicAddress(para)) {
      if (!note) {
        note = document.createElement("p");
        note.className = "glossa-citation__note";
        box.insertBefore(note, box.querySelector("button"));
      }
      note.textContent = "This copy of the site has no public address, so the citation " +
        "gives none: add the address where you read the paper.";
    } else if (note) {
      note.remove();
    }
    box.querySelector("button").textContent = "Copy citation";
    para.insertAdjacentElement("afterend", box);
    layoutMargin();
  }

  function select(box) {
    var range = document.createRange();
    range.selectNodeContents(box.querySelector(".glossa-citation__text"));
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  /* ---- Tooltips for glossary terms and (on comparison pages) note references ---------- */
  var tips = { terms: {}, notes: {} }, tip = null, tipHost = null, hideTimer = null;
  var HOSTS = "a.glossa-term[data-entry], a.glossa-noteref[data-note]";

  function readTips() {
    tips = { terms: {}, notes: {} };
    ["terms", "notes"].forEach(function (kind) {
      var blocks = document.querySelectorAll("script.glossa-" + kind + "[type='application/json']");
      for (var i = 0; i < blocks.length; i++) {
        try {
          var data = JSON.parse(blocks[i].textContent);
          for (var key in data) if (Object.prototype.hasOwnProperty.call(data, key)) tips[kind][key] = data[key];
        } catch (e) { /* a damaged block leaves the links as plain links */ }
      }
    });
    var links = document.querySelectorAll(HOSTS);
    for (var j = 0; j < links.length; j++) {
      if (content(links[j])) links[j].setAttribute("aria-describedby", "glossa-tip");
    }
  }

  /* What a host's tooltip says, as plain strings: [strong, light, body, link text]. */
  function content(link) {
    var term = tips.terms[link.getAttribute("data-entry")];
    if (term) return [term.term, " · " + term.kind, term.short, "Glossary entry"];
    var note = tips.notes[link.getAttribute("data-note")];
    if (note) return [note.head, " · " + note.paper, note.text, "The note in the paper"];
    return null;
  }

  function textEl(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = text;
    return el;
  }

  function showTip(link) {
    var data = content(link);
    if (!data) return;
    clearTimeout(hideTimer);
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "glossa-tip";
      tip.className = "glossa-tip md-typeset";
      tip.setAttribute("role", "tooltip");
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", scheduleHide);
    }
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var head = document.createElement("p");
    head.className = "glossa-tip__head";
    head.appendChild(textEl("strong", "glossa-tip__term", data[0]));
    head.appendChild(textEl("span", "glossa-tip__kind", data[1]));
    tip.appendChild(head);
    tip.appendChild(textEl("p", "glossa-tip__short", data[2]));
    var more = document.createElement("p");
    var go = textEl("a", "glossa-tip__more", data[3]);
    go.href = link.href;
    go.tabIndex = -1;
    more.appendChild(go);
    tip.appendChild(more);
    document.body.appendChild(tip);
    tipHost = link;
    var box = link.getBoundingClientRect();
    var width = Math.min(400, document.documentElement.clientWidth - 32);
    tip.style.width = width + "px";
    var left = Math.max(16, Math.min(box.left + window.scrollX, window.scrollX +
      document.documentElement.clientWidth - width - 16));
    var below = box.bottom + 8;
    var above = box.top - tip.offsetHeight - 8;
    var top = below + tip.offsetHeight > window.innerHeight && above > 0 ? above : below;
    tip.style.left = left + "px";
    tip.style.top = top + window.scrollY + "px";
    tip.classList.add("glossa-tip--active");
  }

  function hideTip() {
    clearTimeout(hideTimer);
    if (tip) { tip.classList.remove("glossa-tip--active"); if (tip.parentNode) tip.parentNode.removeChild(tip); }
    tipHost = null;
  }

  function scheduleHide() { clearTimeout(hideTimer); hideTimer = setTimeout(hideTip, 250); }

  function termOf(target) {
    return target && target.closest ? target.closest(HOSTS) : null;
  }

  document.addEventListener("mouseover", function (e) { var l = termOf(e.target); if (l && l !== tipHost) showTip(l); });
  document.addEventListener("mouseout", function (e) { if (termOf(e.target)) scheduleHide(); });
  document.addEventListener("focusin", function (e) { var l = termOf(e.target); if (l) showTip(l); });
  document.addEventListener("focusout", function (e) { if (termOf(e.target)) scheduleHide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && tip) hideTip(); });

  /* ---- Editors' annotations: the switch, the notes under a paragraph on narrow screens -- */
  var ANNOTATIONS = "glossa.annotations";

  function storedHidden() {
    try { return localStorage.getItem(ANNOTATIONS) === "hidden"; } catch (e) { return false; }
  }

  function applySwitch(hidden) {
    document.documentElement.classList.toggle("glossa-annotations-off", hidden);
    var sw = document.querySelector("button.glossa-annotations-switch");
    if (sw) sw.setAttribute("aria-checked", hidden ? "false" : "true");
    layoutMargin();
  }

  function openBox(box, open) {
    box.classList.toggle("glossa-annotations--open", open);
    var toggle = box.querySelector(".glossa-annotations__toggle");
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
    layoutMargin();
  }

  function showNote(note) {
    var box = note.closest(".glossa-annotations");
    if (box) openBox(box, true);
    note.focus({ preventScroll: true });
    var r = note.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) note.scrollIntoView({ block: "center" });
  }

  /* On wide screens the notes sit in the margin with no height of their own: move each down
     below the one above it, and make room after the article for the last. */
  function layoutMargin() {
    var boxes = document.querySelectorAll(".glossa-annotated > .glossa-annotations");
    if (!boxes.length) return;
    var article = boxes[0].closest("article") || document.body;
    article.style.paddingBottom = "";
    var wide = window.matchMedia("(min-width: 60em)").matches &&
      !document.documentElement.classList.contains("glossa-annotations-off");
    var bottom = -Infinity;
    for (var i = 0; i < boxes.length; i++) {
      var list = boxes[i].querySelector(".glossa-annotations__list");
      list.style.transform = "";
      if (!wide) continue;
      var top = list.getBoundingClientRect().top + window.scrollY;
      var shift = Math.max(0, bottom + 16 - top);
      if (shift) list.style.transform = "translateY(" + shift + "px)";
      bottom = top + shift + list.offsetHeight;
    }
    var end = article.getBoundingClientRect().bottom + window.scrollY;
    if (wide && bottom > end) article.style.paddingBottom = (bottom - end + 16) + "px";
  }
  window.addEventListener("resize", function () { clearTimeout(layoutMargin.timer); layoutMargin.timer = setTimeout(layoutMargin, 100); });

  // Arriving from search: open the closed notes that hold the words searched for, before
  // the theme marks them (it marks only what is shown, as soon as its search index has
  // loaded: with the hosted search's small index file that can come before document$).
  function openSearched() {
    var h = /[?&]h=([^&#]*)/.exec(location.search);
    if (!h) return;
    var words = decodeURIComponent(h[1].replace(/\+/g, " ")).toLowerCase().split(/\s+/).filter(Boolean);
    var boxes = document.querySelectorAll(".glossa-annotations");
    for (var i = 0; i < boxes.length; i++) {
      var text = boxes[i].textContent.toLowerCase();
      if (words.some(function (w) { return text.indexOf(w) >= 0; })) openBox(boxes[i], true);
    }
  }
  openSearched();  // now, while the theme still waits for its index

  function setUpAnnotations() {
    var summary = document.querySelector(".glossa-annotation-summary");
    if (summary && !summary.querySelector(".glossa-annotations-switch")) {
      var sw = document.createElement("button");
      sw.type = "button";
      sw.className = "glossa-annotations-switch";
      sw.setAttribute("role", "switch");
      sw.textContent = "Show annotations";
      sw.addEventListener("click", function () {
        var hide = sw.getAttribute("aria-checked") === "true";
        try { localStorage.setItem(ANNOTATIONS, hide ? "hidden" : "shown"); } catch (e) { /* private mode */ }
        applySwitch(hide);
      });
      summary.appendChild(document.createTextNode(" "));
      summary.appendChild(sw);
    }
    applySwitch(storedHidden());
    openSearched();
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("glossa-annotation")) showNote(target);
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".glossa-annotations__toggle");
    if (toggle) {
      var box = toggle.closest(".glossa-annotations");
      openBox(box, !box.classList.contains("glossa-annotations--open"));
      return;
    }
    var ref = event.target.closest && event.target.closest("a.glossa-annotation-ref");
    if (ref) {
      var note = document.getElementById(ref.getAttribute("href").slice(1));
      if (note) { event.preventDefault(); showNote(note); }
    }
  });
  window.addEventListener("hashchange", setUpAnnotations);

  function setUp() {
    hideTip();
    readTips();
    setUpAnnotations();
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
