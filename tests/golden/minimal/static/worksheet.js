/* Career-plan worksheet: keep what you type in this browser's localStorage, restore it,
   print it, save it to a file and load it back; a plan saved against an older version of
   the framework lists what changed since. Nothing is ever sent over the network.
   A saved plan is {version: 2, framework_version, worksheet (in a download), fields}:
   docs/worksheets.md describes it. */
(function () {
  "use strict";

  var sheet = document.getElementById("worksheet");
  if (!sheet) return;
  document.documentElement.classList.add("has-script");

  /* The words it shows come from the page (<script id="lp-strings">). */
  var words = {};
  try {
    words = JSON.parse(document.getElementById("lp-strings").textContent);
  } catch (error) {
    words = {};
  }
  /* A page may have words of its own for the same messages (the assessment: data-words). */
  var own = sheet.getAttribute("data-words") || "";
  var word = function (key, name) {
    return (words[own + key] || words[key] || "").replace("{name}", name || "");
  };
  /* A string with each of its {placeholders} filled in from values. */
  var fill = function (key, values) {
    return (words[key] || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  };

  var key = sheet.getAttribute("data-storage-key");
  var tools = sheet.querySelector(".sheet-tools");
  var status = sheet.querySelector(".sheet-status");
  var fields = function () {
    return sheet.querySelectorAll("input[name], textarea[name], select[name]");
  };

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(key + ":probe", "1");
    storage.removeItem(key + ":probe");
  } catch (error) {
    storage = null;
  }

  /* Browsers without field-sizing: grow a box to its text as it is typed or restored. */
  var sizesItself = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");
  var grow = function (area) {
    if (sizesItself) return;
    area.style.height = "";
    if (area.value && area.scrollHeight > area.clientHeight) {
      area.style.height = area.scrollHeight + 2 + "px";
    }
  };

  /* "Develop skills" from an assessment: the gaps to close first (grow.gaps, a name a line)
     show above the learning, and the resources for those competencies come first. */
  var gapsFirst = function () {
    var box = sheet.querySelector("textarea[name='grow.gaps']");
    var list = sheet.querySelector(".checklist");
    if (!box) return;
    box.closest(".grow-gaps").hidden = !box.value.trim();
    if (!list) return;
    var names = box.value.split("\n").map(function (line) {
      return line.trim();
    });
    var ids = [];
    sheet.querySelectorAll("tr[data-competency]").forEach(function (row) {
      if (names.indexOf(row.getAttribute("data-name")) !== -1) {
        ids.push(row.getAttribute("data-competency"));
      }
    });
    var rank = function (item) {
      var mine = (item.getAttribute("data-competencies") || "").split(" ");
      var gap = mine.some(function (id) {
        return ids.indexOf(id) !== -1;
      });
      return (gap ? 0 : 1000) + Number(item.getAttribute("data-order"));
    };
    Array.prototype.slice.call(list.children).sort(function (a, b) {
      return rank(a) - rank(b);
    }).forEach(function (item) {
      list.appendChild(item);
    });
  };

  /* A select's first choice, or the one the page marks, is its default. */
  var initial = function (select) {
    var marked = Array.prototype.filter.call(select.options, function (option) {
      return option.defaultSelected;
    });
    return (marked[0] || select.options[0] || { value: "" }).value;
  };

  var collect = function () {
    var values = {};
    fields().forEach(function (field) {
      if (field.type === "file") return;
      if (field.tagName === "SELECT") {
        if (field.value !== initial(field)) values[field.name] = field.value;
      } else if (field.type === "hidden") {
        if (field.value) values[field.name] = field.value; /* set by a script, not typed */
      } else if (field.type === "radio") {
        if (field.checked) values[field.name] = field.value;
      } else if (field.type === "checkbox") {
        if (field.checked) values[field.name] = true;
      } else if (field.value !== field.defaultValue) {
        values[field.name] = field.value;
      }
    });
    return values;
  };

  var apply = function (values) {
    fields().forEach(function (field) {
      if (field.type === "file") return;
      var value = values[field.name];
      if (field.tagName === "SELECT") {
        field.value = typeof value === "string" ? value : initial(field);
        if (field.selectedIndex === -1) field.value = initial(field);
      } else if (field.type === "hidden") {
        field.value = typeof value === "string" ? value : "";
      } else if (field.type === "radio") {
        field.checked = value === field.value;
      } else if (field.type === "checkbox") {
        field.checked = value === true;
      } else {
        field.value = typeof value === "string" ? value : field.defaultValue;
        if (field.tagName === "TEXTAREA") grow(field);
      }
    });
    gapsFirst();
    sheet.dispatchEvent(new CustomEvent("lp:applied"));
  };

  var say = function (text) {
    if (status) status.textContent = text;
  };

  /* The framework's version (site.yml's `version`), and the version the entries were
     written against: an older one while a plan saved then is shown unedited, this one as
     soon as it is edited. Every saved plan records it. */
  var current = sheet.getAttribute("data-framework-version") || "";
  var savedAgainst = current;
  var FORMAT = 2;
  var plan = function (values, withKey) {
    var data = { version: FORMAT, framework_version: savedAgainst };
    if (withKey) data.worksheet = key;
    data.fields = values;
    return data;
  };

  /* What each version changed at this worksheet's levels, newest first, from the page. */
  var history = [];
  try {
    history = JSON.parse(document.getElementById("lp-changed-since").textContent) || [];
  } catch (error) {
    history = [];
  }
  var notice = document.getElementById("changed-since");

  /* List the expectations that changed since the version a plan was saved against. */
  var showChanges = function (saved) {
    if (!notice) return;
    notice.hidden = true;
    if (!saved || !current || saved === current) return;
    var values = { saved: saved, current: current };
    var lead = notice.querySelector(".sheet-changed-lead");
    var list = notice.querySelector(".sheet-changed-list");
    var all = notice.querySelector("a[href]");
    var changesUrl = all ? all.getAttribute("href") : "";
    var newer = [];
    var found = false;
    for (var i = 0; i < history.length && !found; i++) {
      if (history[i].version === saved) found = true;
      else if (history[i].changes.length) newer.push(history[i]);
    }
    list.textContent = "";
    if (!found) {
      lead.textContent = fill("changed_unknown", values);
    } else if (!newer.length) {
      lead.textContent = fill("changed_none", values);
    } else {
      lead.textContent = fill("changed_since_lead", values);
      newer.forEach(function (version) {
        var heading = document.createElement("h3");
        heading.textContent = fill("changed_in", { name: version.version });
        var items = document.createElement("ul");
        version.changes.forEach(function (change) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = changesUrl + "#" + (change.anchor || version.anchor);
          link.textContent = change.text;
          item.appendChild(link);
          items.appendChild(item);
        });
        list.appendChild(heading);
        list.appendChild(items);
      });
    }
    notice.hidden = false;
  };

  /* A saved plan's version: as recorded, or this one for a plan from before plans recorded it. */
  var versionOf = function (data) {
    return typeof data.framework_version === "string" ? data.framework_version : current;
  };

  var save = function () {
    if (!storage) return;
    var values = collect();
    if (Object.keys(values).length === 0) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, JSON.stringify(plan(values, false)));
    }
  };

  var timer = null;
  sheet.addEventListener("input", function (event) {
    if (event.target.name) savedAgainst = current; // edited: now written against this version
    if (event.target.tagName === "TEXTAREA") grow(event.target);
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 250);
  });
  sheet.addEventListener("change", function (event) {
    if (!event.target.name) return;
    savedAgainst = current;
    save();
  });
  window.addEventListener("pagehide", save);

  if (storage) {
    try {
      var saved = JSON.parse(storage.getItem(key) || "null");
      if (saved && saved.fields) {
        apply(saved.fields);
        savedAgainst = versionOf(saved);
        showChanges(savedAgainst);
        say(word("restored"));
      }
    } catch (error) {
      say(word("unreadable"));
    }
  } else {
    say(word("no_storage"));
  }

  /* "Start my plan" on the assessment opens a worksheet with the assessment (the saved-plan
     format) in the address's fragment, which no server sees: its fields fill the worksheet
     over what it kept. */
  if (/^#assessment=/.test(window.location.hash)) {
    try {
      var given = JSON.parse(decodeURIComponent(window.location.hash.slice(12)));
      var merged = collect();
      Object.keys(given.fields || {}).forEach(function (name) {
        merged[name] = given.fields[name];
      });
      apply(merged);
      save();
      say(word("plan.from_assessment"));
    } catch (error) {
      say(word("unreadable"));
    }
    try {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    } catch (error) {
      /* A page opened from disk may refuse: the fragment stays, and fills it again. */
    }
  }

  /* Paper size: rewrite the @page rule, no rebuild needed. */
  var paper = document.getElementById("paper");
  var paperStyle = document.getElementById("paper-size");
  if (paper && paperStyle) {
    var rules = JSON.parse(paper.getAttribute("data-rules"));
    var choose = function (size) {
      if (rules[size]) {
        paperStyle.textContent = rules[size];
        paper.value = size;
      }
    };
    var remembered = storage && storage.getItem("ladderpress:paper");
    if (remembered) choose(remembered);
    paper.addEventListener("change", function () {
      choose(paper.value);
      if (storage) storage.setItem("ladderpress:paper", paper.value);
    });
  }

  /* The buttons: a site's own plan.html may leave them out, and the sheet still keeps what is typed. */
  if (!tools) return;

  tools.addEventListener("click", function (event) {
    var action = event.target.getAttribute("data-action");
    if (action === "print") {
      window.print();
    } else if (action === "clear") {
      if (window.confirm(word("confirm_clear"))) {
        apply({});
        savedAgainst = current;
        showChanges(current);
        if (storage) storage.removeItem(key);
        say(word("cleared"));
      }
    } else if (action === "download") {
      var blob = new Blob(
        [JSON.stringify(plan(collect(), true), null, 2)],
        { type: "application/json" }
      );
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = sheet.getAttribute("data-download") || "career-plan.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () {
        URL.revokeObjectURL(link.href);
      }, 1000);
      say(word("downloaded"));
    }
  });

  var loader = tools.querySelector("input[data-action='load']");
  if (loader) {
    loader.addEventListener("change", function () {
      var file = loader.files && loader.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = JSON.parse(text);
        if (!data || typeof data.fields !== "object") throw new Error("no fields");
        apply(data.fields);
        savedAgainst = versionOf(data);
        showChanges(savedAgainst);
        save();
        say(word("loaded", file.name));
      }).catch(function () {
        say(word("not_a_plan", file.name));
      }).finally(function () {
        loader.value = "";
      });
    });
  }

  tools.hidden = false;
})();
