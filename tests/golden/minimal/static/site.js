/* Ladderpress default theme: small enhancements. Every page works without this file.
   Its words come from the page (<script id="lp-strings">): the page's language's catalogue. */
(function () {
  "use strict";

  var words = {};
  try {
    words = JSON.parse(document.getElementById("lp-strings").textContent);
  } catch (error) {
    words = {};
  }
  var say = function (key, values) {
    var text = words[key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.replace("{" + name + "}", values[name]);
    });
    return text;
  };
  /* A plural string in the form the page's language gives n (name.one, name.few …). */
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  var sayCount = function (key, n) {
    var form = plurals ? plurals.select(n) : n === 1 ? "one" : "other";
    var values = { n: n.toLocaleString(document.documentElement.lang) };
    return words[key + "." + form] !== undefined ? say(key + "." + form, values) : say(key + ".other", values);
  };

  /* Header: an open "More" or menu closes on Escape, or on a click elsewhere. */
  var menus = document.querySelectorAll(".nav-more details, .nav-menu");
  var closeMenus = function (except) {
    menus.forEach(function (menu) {
      if (menu !== except) menu.open = false;
    });
  };
  document.addEventListener("click", function (event) {
    var inside = event.target.closest ? event.target.closest(".nav-more details, .nav-menu") : null;
    closeMenus(inside);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    menus.forEach(function (menu) {
      if (menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  });

  /* Compare picker: go straight to the comparison page of the two chosen levels when
     they have one (neighbours on the ladder); any other two are compared here, from the
     expectations the page holds, and ?a=…&b=… (the form without a script) shows them. */
  var picker = document.getElementById("picker");
  if (picker) {
    var pairs = (picker.getAttribute("data-pairs") || "").split(" ").filter(Boolean);
    var chosen = function () {
      var a = picker.querySelector("#picker-a");
      var b = picker.querySelector("#picker-b");
      var first = a.options[a.selectedIndex];
      var second = b.options[b.selectedIndex];
      if (Number(first.dataset.order) > Number(second.dataset.order)) {
        return [second, first];
      }
      return [first, second];
    };
    var compareHere = function (first, second) {
      var section = document.getElementById("compared");
      var cells = document.getElementById("compare-cells");
      if (!section || !cells) return;
      var title = section.getAttribute("data-title");
      section.querySelector("h2").textContent = title
        .replace("{a}", first.textContent)
        .replace("{b}", second.textContent);
      var heads = section.querySelectorAll("thead th");
      heads[1].textContent = first.textContent;
      heads[2].textContent = second.textContent;
      var body = section.querySelector("tbody");
      body.textContent = "";
      cells.content.querySelectorAll("[data-competency]").forEach(function (row) {
        var left = row.querySelector('[data-level="' + first.value + '"]');
        var right = row.querySelector('[data-level="' + second.value + '"]');
        if (!left && !right) return;
        var tr = document.createElement("tr");
        var th = document.createElement("th");
        th.scope = "row";
        th.appendChild(row.querySelector("a").cloneNode(true));
        tr.appendChild(th);
        [[left, first], [right, second]].forEach(function (side) {
          var td = document.createElement("td");
          td.setAttribute("data-label", side[1].textContent);
          if (side[0]) td.appendChild(side[0].cloneNode(true));
          tr.appendChild(td);
        });
        var tag = !left ? "new" : !right ? "removed" : left.innerHTML === right.innerHTML ? "same" : "";
        if (tag) {
          var mark = document.createElement("span");
          mark.className = "tag tag-" + tag;
          mark.textContent = section.getAttribute("data-" + tag);
          tr.lastChild.insertBefore(mark, tr.lastChild.firstChild);
          tr.className = "is-" + tag;
        }
        body.appendChild(tr);
      });
      section.hidden = false;
    };
    picker.addEventListener("submit", function (event) {
      var b = picker.querySelector("#picker-b");
      var pair = chosen();
      event.preventDefault();
      if (pair[0].value === pair[1].value) {
        b.setCustomValidity(say("pick_two"));
        b.reportValidity();
        return;
      }
      b.setCustomValidity("");
      if (pairs.indexOf(pair[0].value + "/" + pair[1].value) >= 0) {
        // The page makes the URL (one place knows where comparisons live); ids fill it in.
        var pattern = picker.getAttribute("data-compare-url");
        window.location.href = pattern.replace("{a}", pair[0].value).replace("{b}", pair[1].value);
        return;
      }
      history.replaceState(null, "", "?a=" + encodeURIComponent(pair[0].value) + "&b=" + encodeURIComponent(pair[1].value));
      compareHere(pair[0], pair[1]);
    });
    picker.querySelector("#picker-b").addEventListener("change", function (event) {
      event.target.setCustomValidity("");
    });
    var asked = new URLSearchParams(window.location.search);
    var selectA = picker.querySelector("#picker-a");
    var selectB = picker.querySelector("#picker-b");
    if (asked.get("a") && asked.get("b") && asked.get("a") !== asked.get("b")) {
      selectA.value = asked.get("a");
      selectB.value = asked.get("b");
      if (selectA.value === asked.get("a") && selectB.value === asked.get("b")) {
        var pair = chosen();
        compareHere(pair[0], pair[1]);
      }
    }
  }

  /* Resource library: filter by competency, level and kind; ?level=pm (a level page's
     link to the library) chooses a filter when the page opens. */
  var filters = document.getElementById("filters");
  if (filters) {
    var selects = filters.querySelectorAll("select[data-filter]");
    var items = document.querySelectorAll(".resource");
    var groups = document.querySelectorAll(".resource-group");
    var count = filters.querySelector(".filter-count");

    var apply = function () {
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
        if (ok) ids.add(item.querySelector(".resource-title").textContent.trim());
      });
      groups.forEach(function (group) {
        group.hidden = group.querySelectorAll(".resource:not([hidden])").length === 0;
      });
      var total = ids.size;
      count.textContent = sayCount("shown", total);
    };

    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = query.get(select.name);
      if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) {
        select.value = wanted;
      }
      select.addEventListener("change", apply);
    });
    filters.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    filters.hidden = false;
    if (query.toString()) apply();
  }

  /* A wide table in a free page scrolls in its own box: make that box reachable by keyboard. */
  document.querySelectorAll(".prose table").forEach(function (table) {
    if (table.scrollWidth > table.clientWidth + 1) table.setAttribute("tabindex", "0");
  });
})();
