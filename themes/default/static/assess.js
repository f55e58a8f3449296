/* "Where am I?": show the levels of the chosen track, draw where you are (an SVG radar for
   5 to 12 competencies, bars otherwise, and a table of the same values), derive the
   worksheet's ratings and the gaps to close first, and start a plan from it. Saving,
   loading, downloading and clearing are worksheet.js's, on the same fields. */
(function () {
  "use strict";

  var sheet = document.getElementById("worksheet");
  var source = document.getElementById("assess-data");
  if (!sheet || !source) return;
  var data = JSON.parse(source.textContent);
  var words = {};
  try {
    words = JSON.parse(document.getElementById("lp-strings").textContent);
  } catch (error) {
    words = {};
  }
  var say = function (key, values) {
    var text = words["assess." + key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  };

  var pick = function (name) {
    return sheet.querySelector("[name='" + name + "']");
  };
  var trackField = pick("assess.track");
  var current = pick("assess.current");
  var target = pick("assess.target");
  var rows = Array.prototype.slice.call(sheet.querySelectorAll(".assess-row"));
  var picture = document.getElementById("picture");
  var chart = document.getElementById("chart");
  var table = picture.querySelector("tbody");
  var note = sheet.querySelector(".assess-pick");
  var root = (sheet.getAttribute("data-root") || "").replace(/index\.html$/, "");
  var tracks = Object.keys(data.tracks);

  var on = function (element, track) {
    var mine = (element.getAttribute("data-tracks") || "").split(" ").filter(Boolean);
    return !track || mine.length === 0 || mine.indexOf(track) !== -1;
  };
  var chosenTrack = function () {
    if (trackField) return trackField.value;
    return tracks.length === 1 ? tracks[0] : "";
  };
  var placed = function (row) {
    var checked = row.querySelector("input[type='radio']:checked");
    return checked ? checked.value : "";
  };

  /* What the choices say: each competency's place on the track's ladder (1 = its first
     level), the current level's and the target's. */
  var state = function () {
    var track = chosenTrack();
    var ladder = data.tracks[track] || [];
    var at = function (id) {
      return ladder.indexOf(id) + 1;
    };
    var shown = rows.filter(function (row) {
      return on(row, track);
    });
    return {
      track: track,
      ladder: ladder,
      current: at(current.value),
      target: at(target.value),
      rows: shown.map(function (row) {
        var id = row.getAttribute("data-competency");
        var level = placed(row);
        return { row: row, id: id, name: data.competencies[id], level: level, value: at(level) };
      }),
    };
  };

  /* The worksheet's scale from where you placed yourself against your current level: below
     it the first rating, at it the one before last, above it the last. */
  var rating = function (value, now) {
    var scale = data.scale;
    if (!value || !now || !scale.length) return "";
    if (value < now) return scale[0];
    if (value === now) return scale[Math.max(scale.length - 2, 0)];
    return scale[scale.length - 1];
  };
  var gaps = function (found) {
    return found.rows
      .filter(function (r) {
        return r.value && r.value < found.target;
      })
      .sort(function (a, b) {
        return a.value - b.value;
      });
  };

  var SVG = "http://www.w3.org/2000/svg";
  var draw = function (tag, attributes, parent, text) {
    var made = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      made.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) made.textContent = text;
    if (parent) parent.appendChild(made);
    return made;
  };
  var title = function (found) {
    return say("chart", {
      current: data.levels[found.ladder[found.current - 1]],
      target: data.levels[found.ladder[found.target - 1]],
    });
  };

  /* On a phone the chart is drawn with larger words, in two lines, to stay readable. */
  var phone = window.matchMedia ? window.matchMedia("(max-width: 40rem)") : null;
  var narrow = function () {
    return !!(phone && phone.matches);
  };
  var label = function (svg, x, y, anchor, text) {
    var made = draw("text", { class: "chart-label", x: x, y: y, "text-anchor": anchor }, svg);
    var words = text.split(" ");
    var lines = narrow() && words.length > 1
      ? [words.slice(0, Math.ceil(words.length / 2)), words.slice(Math.ceil(words.length / 2))]
      : [words];
    lines.forEach(function (line, i) {
      var span = draw("tspan", { x: x, dy: i === 0 ? (lines.length - 1) * -0.55 + "em" : "1.1em" },
        made, line.join(" "));
      return span;
    });
    return made;
  };

  /* A radar: an axis per competency, a ring per level of the track. */
  var radar = function (found, svg) {
    var n = found.rows.length;
    var steps = found.ladder.length;
    var cx = 430;
    var cy = 250;
    var radius = narrow() ? 140 : 165;
    var point = function (i, value) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      var r = (radius * value) / steps;
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    };
    var shape = function (value) {
      return found.rows
        .map(function (r, i) {
          return point(i, typeof value === "function" ? value(r) : value).join(",");
        })
        .join(" ");
    };
    svg.setAttribute("viewBox", "0 0 860 520");
    for (var step = 1; step <= steps; step++) {
      draw("polygon", { class: "chart-ring", points: shape(step) }, svg);
      var ring = point(0, step);
      if (!narrow()) {
        draw("text", { class: "chart-step", x: ring[0] + 4, y: ring[1] + 4 }, svg,
          data.levels[found.ladder[step - 1]]);
      }
    }
    found.rows.forEach(function (r, i) {
      var end = point(i, steps);
      draw("line", { class: "chart-axis", x1: cx, y1: cy, x2: end[0], y2: end[1] }, svg);
      var at = point(i, steps + (narrow() ? 0.45 : 0.35));
      var anchor = Math.abs(at[0] - cx) < 8 ? "middle" : at[0] > cx ? "start" : "end";
      label(svg, at[0], at[1] + 4, anchor, r.name);
    });
    draw("polygon", { class: "chart-target", points: shape(found.target) }, svg);
    draw("polygon", { class: "chart-current", points: shape(found.current) }, svg);
    draw("polygon", { class: "chart-you", points: shape(function (r) {
      return r.value;
    }) }, svg);
    found.rows.forEach(function (r, i) {
      var at = point(i, r.value);
      var dot = draw("circle", { class: "chart-dot", cx: at[0], cy: at[1], r: 5 }, svg);
      dot.setAttribute("data-competency", r.id);
      dot.setAttribute("data-value", String(r.value));
    });
    return 480;
  };

  /* Bars: a row per competency, its length the level chosen; lines at current and target. */
  var bars = function (found, svg) {
    var steps = found.ladder.length;
    var left = narrow() ? 300 : 260;
    var width = 820 - left;
    var row = narrow() ? 84 : 34;
    var thick = narrow() ? 44 : 22;
    var height = row * found.rows.length + 20;
    var x = function (value) {
      return left + (width * value) / steps;
    };
    found.rows.forEach(function (r, i) {
      var y = 10 + row * i;
      label(svg, left - 12, y + thick / 2 + 9, "end", r.name);
      draw("rect", { class: "chart-track", x: left, y: y + 4, width: width, height: thick }, svg);
      var bar = draw("rect", { class: "chart-bar", x: left, y: y + 4, width: x(r.value) - left,
        height: thick }, svg);
      bar.setAttribute("data-competency", r.id);
      bar.setAttribute("data-value", String(r.value));
    });
    [["chart-current", found.current], ["chart-target", found.target]].forEach(function (mark) {
      draw("line", { class: mark[0], x1: x(mark[1]), x2: x(mark[1]), y1: 4, y2: height }, svg);
    });
    return height;
  };

  var legend = function (found, svg, top) {
    [
      ["chart-you", say("you")],
      ["chart-current", say("current", { level: data.levels[found.ladder[found.current - 1]] })],
      ["chart-target", say("target", { level: data.levels[found.ladder[found.target - 1]] })],
    ].forEach(function (entry, i) {
      var x = narrow() ? 60 : 60 + i * 260;
      var y = narrow() ? top + i * 40 : top;
      draw("rect", { class: entry[0] + " chart-key", x: x, y: y, width: 22, height: 12 }, svg);
      draw("text", { class: "chart-legend", x: x + 34, y: y + 11 }, svg, entry[1]);
    });
    return narrow() ? top + 120 : top + 30;
  };

  var cell = function (row, text, tag) {
    var made = document.createElement(tag || "td");
    made.textContent = text;
    row.appendChild(made);
  };

  var render = function () {
    /* A level on one track only says which track you are on. */
    var picked = current.options[current.selectedIndex];
    var its = picked ? (picked.getAttribute("data-tracks") || "").split(" ").filter(Boolean) : [];
    if (trackField && !trackField.value && its.length === 1) trackField.value = its[0];
    var found = state();
    var ready = found.ladder.length && found.current && found.target;
    picture.hidden = !ready;
    note.hidden = !!ready;
    note.textContent = ready ? "" : say("pick_levels");
    /* Only the track's competencies, levels and level choices show. */
    sheet.querySelectorAll("[data-tracks]").forEach(function (element) {
      element.hidden = !on(element, found.track);
    });
    /* The worksheet's fields this assessment fills (saved and handed on with the rest). */
    rows.forEach(function (row) {
      var id = row.getAttribute("data-competency");
      var mine = found.rows.filter(function (r) {
        return r.id === id;
      })[0];
      pick("reflect.rating." + id).value = mine ? rating(mine.value, found.current) : "";
    });
    pick("header.current").value = current.value ? data.levels[current.value] : "";
    pick("header.target").value = target.value ? data.levels[target.value] : "";
    pick("grow.gaps").value = ready ? gaps(found).map(function (r) {
      return r.name;
    }).join("\n") : "";
    chart.textContent = "";
    table.textContent = "";
    if (!ready) return;

    var svg = draw("svg", { role: "img", "aria-labelledby": "chart-title" });
    svg.setAttribute("class", narrow() ? "chart is-narrow" : "chart");
    draw("title", { id: "chart-title" }, svg, title(found));
    var n = found.rows.length;
    var radial = n >= data.radar[0] && n <= data.radar[1];
    var bottom = legend(found, svg, (radial ? radar(found, svg) : bars(found, svg)) + 10);
    svg.setAttribute("viewBox", "0 0 860 " + bottom);
    chart.appendChild(svg);

    found.rows.forEach(function (r) {
      var line = document.createElement("tr");
      cell(line, r.name, "th");
      line.firstChild.setAttribute("scope", "row");
      cell(line, r.level ? data.levels[r.level] : say("not_placed"));
      cell(line, data.levels[current.value]);
      cell(line, data.levels[target.value]);
      cell(line, r.value && r.value < found.target ? say("yes") : say("no"));
      line.setAttribute("data-value", String(r.value));
      table.appendChild(line);
    });
  };

  /* Everything the assessment holds, as the worksheet's saved fields are. */
  var fields = function () {
    var values = {};
    sheet.querySelectorAll("input[name], textarea[name], select[name]").forEach(function (f) {
      if (f.type === "radio" && !f.checked) return;
      if (f.type !== "file" && f.value) values[f.name] = f.value;
    });
    return values;
  };
  var start = function () {
    var found = state();
    var plans = data.plans[current.value] || {};
    var path = plans[target.value] || plans[""];
    if (!path || !found.current) return;
    /* The saved-plan format (docs/worksheets.md), as a download of this page holds it. */
    var handed = { version: 2, framework_version: data.framework_version, fields: fields() };
    window.location.href =
      root + path + "#assessment=" + encodeURIComponent(JSON.stringify(handed));
  };

  /* Before worksheet.js saves what changed, so the fields it saves are up to date. */
  sheet.addEventListener("change", render, true);
  sheet.addEventListener("lp:applied", render);
  picture.addEventListener("click", function (event) {
    var action = event.target.getAttribute("data-action");
    if (action === "start") start();
    if (action === "print-picture") {
      document.documentElement.classList.add("print-picture");
      window.print();
    }
  });
  if (phone && phone.addEventListener) phone.addEventListener("change", render);
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("print-picture");
  });
  render();
})();
