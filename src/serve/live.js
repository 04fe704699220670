// Agendum live preview. Served only by `agendum serve` and added to its HTML responses; never
// written into a built site. It listens for builds on /__agendum/events and reloads the page
// after a good one; after a failed one it shows the problems over the page (the last good site
// stays underneath: close the panel to browse it).
(function () {
  "use strict";
  var script = document.currentScript;
  // The last good build the page was served from.
  var pageBuild = script ? Number(script.getAttribute("data-build")) : 0;
  var overlay = null;
  var textEl = null;
  var closeButton = null;
  var returnFocus = null;
  var dismissed = null;
  var shownText = null;

  function build() {
    overlay = document.createElement("div");
    overlay.id = "agendum-live-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "agendum-live-title");
    overlay.setAttribute("aria-describedby", "agendum-live-help");
    var s = overlay.style;
    s.position = "fixed";
    s.top = s.right = s.bottom = s.left = "0";
    s.zIndex = "2147483647";
    s.background = "rgba(0, 0, 0, 0.75)";
    s.color = "#ffffff";
    s.overflow = "auto";
    s.padding = "1.5rem";
    s.boxSizing = "border-box";
    s.fontFamily = "system-ui, sans-serif";
    s.fontSize = "1rem";
    s.lineHeight = "1.5";
    s.textAlign = "left";

    var panel = document.createElement("div");
    panel.style.maxWidth = "60rem";
    panel.style.margin = "0 auto";
    panel.style.padding = "1.5rem";
    panel.style.background = "#0b0c0c";
    panel.style.border = "2px solid #ffffff";

    var title = document.createElement("h2");
    title.id = "agendum-live-title";
    title.textContent = "The site could not be rebuilt";
    title.style.margin = "0 0 0.5rem";
    title.style.fontSize = "1.5rem";
    title.style.color = "#ffffff";

    var help = document.createElement("p");
    help.id = "agendum-live-help";
    help.textContent =
      "Agendum found the problems below. Fix them and save: this page reloads by itself. " +
      "Until then the last good version of the site is still served underneath.";
    help.style.margin = "0 0 1rem";

    closeButton = document.createElement("button");
    closeButton.type = "button";
    closeButton.textContent = "Close";
    closeButton.style.font = "inherit";
    closeButton.style.padding = "0.25rem 1rem";
    closeButton.style.marginBottom = "1rem";
    closeButton.style.color = "#0b0c0c";
    closeButton.style.background = "#ffffff";
    closeButton.style.border = "2px solid #ffffff";
    closeButton.style.cursor = "pointer";
    closeButton.addEventListener("click", function () {
      dismissed = shownText;
      hide();
    });

    textEl = document.createElement("pre");
    textEl.id = "agendum-live-text";
    // Focusable, so that a keyboard can scroll it.
    textEl.tabIndex = 0;
    textEl.setAttribute("aria-label", "Problems");
    textEl.style.whiteSpace = "pre-wrap";
    textEl.style.overflowWrap = "anywhere";
    textEl.style.fontFamily = "ui-monospace, Menlo, Consolas, monospace";
    textEl.style.fontSize = "0.9rem";
    textEl.style.background = "#1d1d1d";
    textEl.style.color = "#ffffff";
    textEl.style.padding = "1rem";
    textEl.style.margin = "0";
    textEl.style.border = "2px solid #ff8080";

    panel.appendChild(title);
    panel.appendChild(help);
    panel.appendChild(closeButton);
    panel.appendChild(textEl);
    overlay.appendChild(panel);

    overlay.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        e.preventDefault();
        dismissed = shownText;
        hide();
      } else if (e.key === "Tab") {
        // Keep the focus inside the dialog: the close button and the text.
        e.preventDefault();
        (document.activeElement === closeButton ? textEl : closeButton).focus();
      }
    });
  }

  function show(text) {
    if (text === dismissed) {
      return;
    }
    if (!overlay) {
      build();
    }
    textEl.textContent = text;
    shownText = text;
    if (!overlay.parentNode) {
      returnFocus = document.activeElement;
      document.body.appendChild(overlay);
      closeButton.focus();
    }
  }

  function hide() {
    if (overlay && overlay.parentNode) {
      overlay.parentNode.removeChild(overlay);
      if (returnFocus && returnFocus.focus) {
        returnFocus.focus();
      }
    }
  }

  function apply(status) {
    if (!status.ok) {
      show(status.error || "The build failed.");
    } else if (status.good !== pageBuild) {
      location.reload();
    } else {
      dismissed = null;
      hide();
    }
  }

  function onEvent(e) {
    try {
      apply(JSON.parse(e.data));
    } catch (err) {
      // Not a status: ignore it.
    }
  }

  // The state now, for a page loaded after a build failed.
  fetch("/__agendum/status", { cache: "no-store" })
    .then(function (r) {
      return r.json();
    })
    .then(apply, function () {});

  if (window.EventSource) {
    var events = new EventSource("/__agendum/events");
    events.addEventListener("status", onEvent);
    events.addEventListener("reload", onEvent);
    events.addEventListener("error", function (e) {
      // Also fired, without data, when the connection drops; EventSource reconnects by itself.
      if (e.data) {
        onEvent(e);
      }
    });
  }
})();
