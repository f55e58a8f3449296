/* Ladderpress default theme: small enhancements. Every page works without this file. */
(function () {
  "use strict";

  /* Compare picker: go straight to the comparison page of the two chosen levels. */
  var picker = document.getElementById("picker");
  if (picker) {
    picker.addEventListener("submit", function (event) {
      var a = picker.querySelector("#picker-a");
      var b = picker.querySelector("#picker-b");
      var first = a.options[a.selectedIndex];
      var second = b.options[b.selectedIndex];
      if (first.value === second.value) {
        event.preventDefault();
        b.setCustomValidity("Choose two different levels.");
        b.reportValidity();
        return;
      }
      b.setCustomValidity("");
      if (Number(first.dataset.order) > Number(second.dataset.order)) {
        var swap = first;
        first = second;
        second = swap;
      }
      event.preventDefault();
      // The page makes the URL (one place knows where comparisons live); ids fill it in.
      var pattern = picker.getAttribute("data-compare-url");
      window.location.href = pattern.replace("{a}", first.value).replace("{b}", second.value);
    });
    picker.querySelector("#picker-b").addEventListener("change", function (event) {
      event.target.setCustomValidity("");
    });
  }

  /* Resource library: filter by competency, level and kind. */
  var filters = document.getElementById("filters");
  if (filters) {
    var selects = filters.querySelectorAll("select[data-filter]");
    var items = document.querySelectorAll(".resource");
    var groups = document.querySelectorAll(".resource-group");
    var count = filters.querySelector(".filter-count");

    var apply = function () {
      var shown = 0;
      var ids = new Set();
      items.forEach(function (item) {
        var ok = true;
        selects.forEach(function (select) {
          var want = select.value;
          if (!want) return;
          var key = select.getAttribute("data-filter");
          var have = (item.getAttribute("data-" + key) || "").split(" ").filter(Boolean);
          /* A resource that names no level suits every level. */
          if (key === "levels" && have.length === 0) return;
          if (have.indexOf(want) === -1) ok = false;
        });
        item.hidden = !ok;
        if (ok) {
          shown += 1;
          ids.add(item.querySelector(".resource-title").textContent.trim());
        }
      });
      groups.forEach(function (group) {
        group.hidden = group.querySelectorAll(".resource:not([hidden])").length === 0;
      });
      var total = ids.size;
      count.textContent = total === 1 ? "1 resource shown." : total + " resources shown.";
    };

    selects.forEach(function (select) {
      select.addEventListener("change", apply);
    });
    filters.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    filters.hidden = false;
  }
})();
