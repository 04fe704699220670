// The search page: Pagefind's interface over the site's index bundles. The first bundle is
// loaded directly and the others (one per municipal year) are merged into it, so one search
// covers the whole archive while each bundle stays small.
(function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var bundles = JSON.parse(element.getAttribute("data-bundles") || "[]");
  if (bundles.length === 0) {
    return;
  }
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (b) {
      return { bundlePath: b };
    }),
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    excerptLength: 30,
    translations: {
      placeholder: "Search meetings and papers",
    },
  });
  // Pagefind's box is labelled only for screen readers; give it a visible label too.
  var input = element.querySelector(".pagefind-ui__search-input");
  if (input) {
    input.id = "search-page-q";
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-page-label";
    label.textContent = "Search meetings and papers";
    var form = input.closest("form") || input.parentNode;
    form.parentNode.insertBefore(label, form);
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
