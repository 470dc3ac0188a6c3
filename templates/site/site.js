/* The regional site without this script still works: the quick exit is a plain link and the
   letters filter with CSS. The script adds a quick exit that leaves no trail in Back, the Esc key
   as a way out, and filtering by typed name. */
(function () {
  "use strict";

  var exit = document.querySelector("a.verlaten");

  // Leave at once: blank the page (whoever looks over a shoulder sees nothing while the next site
  // loads) and replace this page's history entry with the neutral site, so Back cannot return here.
  function leave() {
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    window.location.replace(exit.href);
  }

  function sameSite(link) {
    return link.protocol === window.location.protocol && link.host === window.location.host;
  }

  // Within the site every step (a page, a heading in the contents) replaces the current history
  // entry instead of adding one: the site is one entry in Back, and the quick exit replaces that one.
  // A download, a link opened in a new tab or window, and tel: and mailto: links keep their own way.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !exit) {
      return;
    }
    if (link === exit) {
      event.preventDefault();
      leave();
      return;
    }
    var modified = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (modified || link.hasAttribute("download") || link.target || !sameSite(link)) {
      return;
    }
    event.preventDefault();
    window.location.replace(link.href);
  });

  // Esc, pressed once anywhere on the page, leaves the site like the button.
  document.addEventListener(
    "keydown",
    function (event) {
      if (exit && (event.key === "Escape" || event.key === "Esc")) {
        event.preventDefault();
        leave();
      }
    },
    true
  );

  var box = document.getElementById("filter-naam");
  if (!box) {
    return;
  }
  var items = Array.prototype.slice.call(document.querySelectorAll(".gemeentelijst li"));
  var count = document.getElementById("filter-aantal");
  box.parentNode.hidden = false;

  function apply() {
    var wanted = box.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var match = !wanted || item.getAttribute("data-naam").indexOf(wanted) !== -1;
      item.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    count.textContent = shown + (shown === 1 ? " gemeente." : " gemeenten.");
  }

  box.addEventListener("input", apply);
  box.form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
})();
