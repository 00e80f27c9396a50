// The browse lists (browse.html): on a phone the facets start folded (all but those
// with a chosen value), so the table comes first; the page works without this script.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 48rem)").matches) return;
  document.querySelectorAll(".facets details.facet").forEach(function (facet) {
    if (!facet.querySelector("li.selected")) facet.removeAttribute("open");
  });
})();
