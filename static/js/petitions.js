/* Petitions, progressive enhancement only: refresh the live count every 20 seconds while the page is visible.
   The page works without this file; the count is also in the HTML. */
(function () {
  "use strict";
  var counters = document.querySelectorAll("[data-petition-count]");
  if (!counters.length || !window.fetch) { return; }

  function refresh() {
    if (document.hidden) { return; }
    counters.forEach(function (counter) {
      fetch("/api/petitions/" + counter.dataset.petitionCount + "/", { credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          var strong = counter.querySelector("strong");
          var shown = data.signature_count.toLocaleString();
          if (strong && strong.textContent !== shown) { strong.textContent = shown; }
          var bar = counter.parentElement.querySelector("progress");
          if (bar) { bar.max = data.goal; bar.value = data.signature_count; }
          var split = counter.parentElement.querySelector("[data-petition-split]");
          if (split) {
            var online = split.querySelector("[data-online]");
            var paper = split.querySelector("[data-paper]");
            if (online) { online.textContent = data.online_count.toLocaleString(); }
            if (paper) { paper.textContent = data.paper_count.toLocaleString(); }
          }
        })
        .catch(function () { /* keep the count we have */ });
    });
  }
  window.setInterval(refresh, 20000);
})();
