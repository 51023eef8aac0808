/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  function quickExit(url) {
    try {
      document.body.hidden = true;
      document.title = "";
    } catch (e) { /* keep going */ }
    // replace() drops this page from the tab's history where the browser allows.
    window.location.replace(url);
  }

  var exitLink = document.querySelector("[data-quick-exit]");
  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      quickExit(exitLink.href);
    });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 1000) { quickExit(exitLink.href); }
      lastEscape = now;
    });
  }

  // The header's menu: open on wide screens, where its button is hidden (browsers without ::details-content
  // would otherwise keep it folded), folded on phones.
  var menu = document.querySelector("[data-site-menu]");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 56rem)");
    var follow = function () { menu.open = wide.matches; };
    follow();
    if (wide.addEventListener) { wide.addEventListener("change", follow); }
  }

  // Share buttons: use the Web Share API where the phone offers it.
  document.querySelectorAll("[data-share]").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.dataset.shareTitle || document.title, url: button.dataset.share })
        .catch(function () { /* the reader closed the share sheet */ });
    });
  });

  // Copy-link buttons.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        var status = button.parentElement.querySelector("[data-copy-status]");
        if (status) { status.textContent = button.dataset.copiedText || "✓"; }
      });
    });
  });
})();
