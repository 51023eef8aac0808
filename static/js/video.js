/* Click-to-load video: nothing is requested from the video site until the reader presses play.
   Without JavaScript the link simply opens the video on its own site. */
(function () {
  "use strict";

  document.querySelectorAll("[data-video-embed]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var iframe = document.createElement("iframe");
      iframe.src = link.dataset.videoEmbed;
      iframe.title = link.dataset.videoTitle || link.textContent.trim();
      iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      iframe.setAttribute("allowfullscreen", "");
      iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      iframe.className = "video__player";
      var frame = link.closest("[data-video-frame]") || link.parentElement;
      frame.replaceChildren(iframe);
      iframe.focus();
    });
  });
})();
