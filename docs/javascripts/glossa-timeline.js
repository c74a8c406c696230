/* The Timeline page's filter: show the events of one paper, or those naming one glossary
   entry; years and months left with no event fold away. Its data is the page itself (each
   event's data-paper and data-entries): no fetch, so it works opened from disk. */
(function () {
  "use strict";

  function setUp() {
    var paper = document.getElementById("glossa-timeline-paper");
    var entry = document.getElementById("glossa-timeline-entry");
    if (!paper || !entry || paper.dataset.glossaReady) return;
    paper.dataset.glossaReady = "1";
    var count = document.getElementById("glossa-timeline-count");
    var events = Array.prototype.slice.call(document.querySelectorAll(".glossa-event"));
    var params = new URLSearchParams(window.location.search);
    if (params.get("paper")) paper.value = params.get("paper");
    if (params.get("name")) entry.value = params.get("name");

    function apply() {
      var shown = 0;
      events.forEach(function (ev) {
        var names = (ev.getAttribute("data-entries") || "").split(" ");
        var keep = (!paper.value || ev.getAttribute("data-paper") === paper.value) &&
          (!entry.value || names.indexOf(entry.value) >= 0);
        ev.hidden = !keep;
        if (keep) shown += 1;
      });
      document.querySelectorAll(".glossa-month, .glossa-year").forEach(function (group) {
        group.hidden = !group.querySelector(".glossa-event:not([hidden])");
      });
      document.querySelectorAll(".glossa-year-bar").forEach(function (bar) {
        var year = document.getElementById("year-" + bar.getAttribute("data-year"));
        bar.classList.toggle("glossa-year-bar--empty", !year || year.hidden);
      });
      if (count) {
        count.textContent = shown === events.length ? events.length + " events" :
          shown + " of " + events.length + " events";
      }
    }
    paper.addEventListener("change", apply);
    entry.addEventListener("change", apply);
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
