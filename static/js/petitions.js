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

/* The sign button at the top of a petition page is a plain link to the form. With IntersectionObserver it stays on
   screen, at the bottom, once its place has scrolled away, and hides while the form is in view. */
(function () {
  "use strict";
  var cta = document.querySelector("[data-sign-cta]");
  if (!cta || !("IntersectionObserver" in window)) { return; }
  var link = cta.querySelector("a");
  var heading = document.getElementById(link.getAttribute("href").slice(1));
  var form = heading && heading.closest("section");
  if (!form) { return; }
  var placeVisible = true;
  var formVisible = false;

  function update() {
    cta.classList.toggle("petition-cta--floating", !placeVisible && !formVisible);
    cta.classList.toggle("petition-cta--hidden", formVisible);
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.target === cta) { placeVisible = entry.isIntersecting; } else { formVisible = entry.isIntersecting; }
    });
    update();
  });
  observer.observe(cta);
  observer.observe(form);
})();
