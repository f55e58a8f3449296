/* Search: the box in every page's header (results as you type, a combobox) and the search
   page (?q=, with filters). The index, search/index.js, is a script, so a site opened from
   disk loads it too; it holds text only, and results are built from text nodes and <mark>
   elements, so nothing in it is ever read as HTML. Words come from <script id="lp-strings">. */
(function () {
  "use strict";

  var box = document.querySelector("form.site-search");
  var page = document.getElementById("search");
  var home = box || page;
  if (!home || !home.getAttribute("data-index")) return;

  var words = {};
  try {
    words = JSON.parse(document.getElementById("lp-strings").textContent);
  } catch (error) {
    words = {};
  }
  var say = function (key, values) {
    var text = words["search." + key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  };

  /* A plural string in the form the page's language gives n (name.one, name.few …). */
  var lang = document.documentElement.lang;
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var sayCount = function (key, n, values) {
    var form = plurals ? plurals.select(n) : n === 1 ? "one" : "other";
    values.n = n.toLocaleString(lang);
    var exact = words["search." + key + "." + form] !== undefined;
    return say(key + "." + (exact ? form : "other"), values);
  };

  /* Links in the index start at the site's root; this page says where that is. */
  var root = (home.getAttribute("data-root") || "").replace(/index\.html$/, "");

  /* Matching: case and accents ignored, simple plurals folded, each word a prefix. */
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var stem = function (word) {
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 3 && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
    if (word.length > 3 && /[^su]s$/.test(word)) return word.slice(0, -1);
    return word;
  };
  var WORD = /[\p{L}\p{N}]+/gu;
  var terms = function (text) {
    return (fold(text).match(WORD) || []).map(stem);
  };
  var unique = function (list) {
    return list.filter(function (item, i) {
      return list.indexOf(item) === i;
    });
  };
  var fits = function (word, term) {
    return word === term ? 2 : word.lastIndexOf(term, 0) === 0 ? 1 : 0;
  };

  /* Ranking: a word in the title counts most, then in the label, then in the text; every
     word of the query must be found. Ties keep the ladder's order (levels first). */
  var WEIGHT = [[12, 8], [5, 3], [2, 1]];
  var KIND = { level: 0.5, competency: 0.4, expectation: 0.3, resource: 0.2, page: 0.1 };

  var index = null;
  var failed = false;
  var waiting = [];
  var prepare = function (data) {
    var at = {};
    data.fields.forEach(function (name, i) {
      at[name] = i;
    });
    var records = data.records.map(function (row, order) {
      var record = { order: order };
      data.fields.forEach(function (name) {
        record[name] = row[at[name]];
      });
      record.words = [unique(terms(record.title)), unique(terms(record.label)), terms(record.text)];
      record.folded = fold(record.title);
      record.scopes = record.scope ? record.scope.split(" ") : [];
      return record;
    });
    var length = records.reduce(function (sum, record) {
      return sum + record.words[2].length;
    }, 0);
    return { kinds: data.kinds, records: records, length: length / (records.length || 1) || 1 };
  };
  var load = function (then) {
    if (index || failed) return then(index);
    waiting.push(then);
    if (waiting.length > 1) return;
    var script = document.createElement("script");
    var done = function () {
      var data = window.ladderpressSearch;
      if (data && data.records) index = prepare(data);
      else failed = true;
      waiting.forEach(function (callback) {
        callback(index);
      });
      waiting = [];
    };
    script.onload = done;
    script.onerror = done;
    script.src = home.getAttribute("data-index");
    document.head.appendChild(script);
  };

  /* A word of the text counts more the more often it is there, and less in a long text
     (BM25's saturation and length norm), so a long body that names it once ranks low. */
  var inText = function (list, term) {
    var found = 0;
    var best = 0;
    for (var w = 0; w < list.length; w++) {
      var fit = fits(list[w], term);
      if (fit) {
        found += 1;
        best = Math.max(best, WEIGHT[2][2 - fit]);
      }
    }
    var norm = 1.2 * (0.25 + (0.75 * list.length) / index.length);
    return found ? (best * (found * 2.2)) / (found + norm) : 0;
  };
  var score = function (record, wanted, phrase) {
    var total = KIND[record.kind] || 0;
    for (var t = 0; t < wanted.length; t++) {
      var best = inText(record.words[2], wanted[t]);
      for (var f = 0; f < 2; f++) {
        var list = record.words[f];
        for (var w = 0; w < list.length; w++) {
          var fit = fits(list[w], wanted[t]);
          if (fit) best = Math.max(best, WEIGHT[f][2 - fit]);
        }
      }
      if (!best) return 0;
      total += best;
    }
    return wanted.length > 1 && record.folded.indexOf(phrase) !== -1 ? total + 5 : total;
  };
  var search = function (query, kind, scope) {
    var wanted = unique(terms(query));
    if (!index || !wanted.length) return [];
    var phrase = fold(query.trim());
    var found = [];
    index.records.forEach(function (record) {
      if (kind && record.kind !== kind) return;
      if (scope && record.scopes.indexOf(scope) === -1 && record.scopes.indexOf("*") === -1) {
        return;
      }
      var points = score(record, wanted, phrase);
      if (points) found.push({ record: record, points: points });
    });
    found.sort(function (a, b) {
      return b.points - a.points || a.record.order - b.record.order;
    });
    return found.map(function (hit) {
      return hit.record;
    });
  };

  /* Text with the words the query found in <mark>: built node by node, never as HTML. */
  var highlight = function (element, text, wanted) {
    var last = 0;
    text.replace(WORD, function (word, at) {
      var stemmed = stem(fold(word));
      var hit = wanted.some(function (term) {
        return fits(stemmed, term);
      });
      if (!hit) return word;
      element.appendChild(document.createTextNode(text.slice(last, at)));
      var mark = document.createElement("mark");
      mark.textContent = word;
      element.appendChild(mark);
      last = at + word.length;
      return word;
    });
    element.appendChild(document.createTextNode(text.slice(last)));
    return element;
  };
  /* Where the text shows the query: about 180 characters around its first word found. */
  var excerpt = function (text, wanted) {
    var first = -1;
    text.replace(WORD, function (word, at) {
      if (first === -1 && wanted.some(function (term) {
        return fits(stem(fold(word)), term);
      })) {
        first = at;
      }
      return word;
    });
    var start = first > 60 ? text.lastIndexOf(" ", first - 50) + 1 : 0;
    var end = start + 180 < text.length ? text.indexOf(" ", start + 180) : -1;
    var cut = end === -1 ? text.slice(start) : text.slice(start, end);
    return (start > 0 ? "… " : "") + cut + (end === -1 ? "" : " …");
  };
  var element = function (tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  };
  /* One result's words: its kind and label, its title, where the text shows the query. */
  var describe = function (into, record, wanted) {
    var label = index.kinds[record.kind] + (record.label ? " · " + record.label : "");
    into.appendChild(element("span", "result-kind", label));
    highlight(into.appendChild(element("span", "result-title")), record.title, wanted);
    if (record.text) {
      var said = excerpt(record.text, wanted);
      highlight(into.appendChild(element("span", "result-excerpt")), said, wanted);
    }
    return into;
  };
  var counted = function (n, query) {
    return n === 0 ? say("none", { q: query }) : sayCount("results", n, { q: query });
  };

  /* "/" anywhere but in a field goes to the search box. */
  var input = box && box.querySelector("input[type='search']");
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || !input) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  /* The header box: a combobox whose listbox shows the first results as you type. */
  var SHOWN = 8;
  if (box && input) {
    var list = element("ul", "search-list");
    var status = element("p", "visually-hidden");
    var active = -1;
    var options = [];
    list.id = "lp-search-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", box.getAttribute("aria-label") || "");
    list.hidden = true;
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.appendChild(list);
    box.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-keyshortcuts", "/");

    var choose = function (at) {
      if (options[active]) options[active].classList.remove("is-active");
      active = at;
      if (options[at]) {
        options[at].classList.add("is-active");
        input.setAttribute("aria-activedescendant", options[at].id);
        options[at].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };
    var close = function () {
      choose(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    };
    var option = function (href, fill) {
      var item = element("li", "search-option");
      item.id = "lp-search-option-" + options.length;
      item.setAttribute("role", "option");
      item.setAttribute("data-href", href);
      fill(item);
      options.push(item);
      list.appendChild(item);
    };
    var show = function () {
      var query = input.value;
      load(function () {
        if (query !== input.value) return;
        list.textContent = "";
        options = [];
        active = -1;
        if (!query.trim()) {
          status.textContent = "";
          return close();
        }
        if (!index) {
          status.textContent = say("unavailable");
          return close();
        }
        var wanted = unique(terms(query));
        var found = search(query);
        found.slice(0, SHOWN).forEach(function (record) {
          option(root + record.url, function (item) {
            describe(item, record, wanted);
          });
        });
        var all = home.getAttribute("action") + "?q=" + encodeURIComponent(query);
        option(all, function (item) {
          item.classList.add("search-all");
          item.textContent = found.length ? sayCount("all", found.length, { q: query })
            : say("none", { q: query });
        });
        status.textContent = counted(found.length, query);
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      });
    };
    var go = function (item) {
      window.location.href = item.getAttribute("data-href");
    };
    input.addEventListener("input", show);
    input.addEventListener("focus", function () {
      load(function () {});
      if (input.value.trim()) show();
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open) return show();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        choose(next >= options.length ? -1 : next < -1 ? options.length - 1 : next);
      } else if (event.key === "Enter" && open && options[active]) {
        event.preventDefault();
        go(options[active]);
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          input.value = "";
        }
      }
    });
    list.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep the focus in the box
    });
    list.addEventListener("click", function (event) {
      var item = event.target.closest("[role='option']");
      if (item) go(item);
    });
    box.addEventListener("focusout", function (event) {
      if (!box.contains(event.relatedTarget)) close();
    });
  }

  /* The search page: every result for ?q=, filtered by kind and by track or level. */
  if (page) {
    var query = page.querySelector("input[name='q']");
    var kind = page.querySelector("select[name='kind']");
    var scope = page.querySelector("select[name='in']");
    var results = document.getElementById("search-results");
    var count = document.getElementById("search-count");
    var note = document.querySelector(".search-no-script");
    if (note) note.hidden = true;
    var params = new URLSearchParams(window.location.search);
    var pick = function (select, value) {
      if (select && value && select.querySelector("option[value='" + CSS.escape(value) + "']")) {
        select.value = value;
      }
    };
    query.value = params.get("q") || "";
    pick(kind, params.get("kind"));
    pick(scope, params.get("in"));

    var run = function () {
      var asked = query.value;
      load(function () {
        if (asked !== query.value) return;
        results.textContent = "";
        if (!index) {
          count.textContent = say("unavailable");
          return;
        }
        if (!asked.trim()) {
          count.textContent = say("empty");
          return;
        }
        var wanted = unique(terms(asked));
        var found = search(asked, kind && kind.value, scope && scope.value);
        found.forEach(function (record) {
          var item = results.appendChild(element("li", "search-result"));
          var link = item.appendChild(element("a"));
          link.href = root + record.url;
          describe(link, record, wanted);
        });
        count.textContent = counted(found.length, asked);
      });
    };
    var remember = function () {
      var state = new URLSearchParams();
      if (query.value) state.set("q", query.value);
      if (kind && kind.value) state.set("kind", kind.value);
      if (scope && scope.value) state.set("in", scope.value);
      try {
        var search = state.toString();
        window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
      } catch (error) {
        /* Some browsers refuse to change the address of a page opened from disk. */
      }
    };
    page.addEventListener("input", function () {
      run();
      remember();
    });
    page.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
      remember();
    });
    run();
  }
})();
