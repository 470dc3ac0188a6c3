/* The regional site without this script still works: the quick exit is a plain link and the
   letters filter with CSS. The script adds a history-free exit and filtering by typed name. */
(function () {
  "use strict";

  // location.replace takes the page out of the history, so Back does not return here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.verlaten") : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    window.location.replace(link.href);
  });

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
