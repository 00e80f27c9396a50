/* The timeline page: live filters mirrored in the URL, and zoom on the time axis
   (buttons, wheel, pinch, drag). The page is whole without this script: the server
   filters by the same query parameters and lays the marks out with the same rules
   (diplonews/web/viz.py: TimelineFilter, _lay_out, _extent, _shape). */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var MARGIN = 14, TOP = 4, LANE_HEAD = 18, ROW = 20, LANE_GAP = 6, AXIS = 26, MAX_ROWS = 6;
  var CHAR_PX = 6.4;
  var STEPS = [1 / 12, 0.25, 0.5, 1, 2, 5, 10, 20, 50];
  var MIN_SPAN = 0.25; // years: the closest zoom
  var FILTERS = ["kind", "status", "series", "party", "from", "to"];
  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

  var section = document.getElementById("tl");
  if (!section) { return; }
  var form = section.querySelector(".tl-filters");
  var count = section.querySelector(".tl-count");
  var empty = section.querySelector(".tl-empty");
  var undatedHeading = section.querySelector(".tl-undated");
  var items = Array.prototype.slice.call(section.querySelectorAll(".timeline-item"));
  var applied = new URLSearchParams(form.getAttribute("data-applied") || "");
  var svg = section.querySelector(".tl-svg");
  var marks = svg ? Array.prototype.slice.call(svg.querySelectorAll(".tl-mark")) : [];
  var itemByKey = {};
  var markByKey = {};
  items.forEach(function (el) { itemByKey[el.getAttribute("data-key")] = el; });
  marks.forEach(function (el) { markByKey[el.getAttribute("data-key")] = el; });

  /* --- filters ------------------------------------------------------------------- */

  function current() {
    var f = {};
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      f[name] = field ? String(field.value || "").trim() : "";
    });
    return f;
  }

  function valid(f) {
    return (!f.from || DATE.test(f.from)) && (!f.to || DATE.test(f.to));
  }

  // Whether a date or period overlaps [from, to], each compared at the coarser
  // precision of the two ("2021" overlaps from=2021-06).
  function within(f, start, end) {
    var last = end || start, n;
    if (f.from) {
      n = Math.min(last.length, f.from.length);
      if (!last || last.slice(0, n) < f.from.slice(0, n)) { return false; }
    }
    if (f.to) {
      n = Math.min(start.length, f.to.length);
      if (!start || start.slice(0, n) > f.to.slice(0, n)) { return false; }
    }
    return true;
  }

  function keeps(f, el) {
    var date = el.getAttribute("data-date") || "";
    if (el.getAttribute("data-what") === "milestone") {
      return within(f, date, el.getAttribute("data-end") || "");
    }
    var parties = (el.getAttribute("data-parties") || "").split(" ");
    return (!f.kind || el.getAttribute("data-kind") === f.kind) &&
      (!f.status || el.getAttribute("data-status") === f.status) &&
      (!f.series || (el.getAttribute("data-series") || "").toLowerCase() === f.series.toLowerCase()) &&
      (!f.party || parties.indexOf(f.party) >= 0) &&
      within(f, date, "");
  }

  // Whether the page holds every entry `f` shows: the server filtered by `applied`,
  // so a wider filter needs the page again.
  function holds(f) {
    var ok = ["kind", "status", "series", "party"].every(function (name) {
      var was = applied.get(name) || "";
      return !was || was.toLowerCase() === f[name].toLowerCase();
    });
    var from = applied.get("from"), to = applied.get("to");
    if (from && !(f.from && f.from >= from)) { ok = false; }
    if (to && !(f.to && f.to.slice(0, to.length) <= to)) { ok = false; }
    return ok;
  }

  function urlFor(f) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll("input[type=hidden]"), function (el) {
      params.set(el.name, el.value);
    });
    FILTERS.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
    var lang = new URLSearchParams(window.location.search).get("lang");
    if (lang) { params.set("lang", lang); }
    return window.location.pathname + "?" + params.toString();
  }

  function filter() {
    var f = current();
    if (!valid(f)) { return; }
    if (!holds(f)) { window.location.assign(urlFor(f)); return; }
    var shown = 0, undatedShown = 0;
    items.forEach(function (el) {
      var ok = keeps(f, el);
      el.hidden = !ok;
      if (ok) {
        shown += 1;
        if (!el.getAttribute("data-date")) { undatedShown += 1; }
      }
      var mark = markByKey[el.getAttribute("data-key")];
      if (mark) { mark.classList.toggle("off", !ok); }
    });
    count.textContent = section.getAttribute("data-label-shown")
      .replace("{n}", String(shown)).replace("{total}", count.getAttribute("data-total"));
    empty.hidden = shown > 0;
    if (undatedHeading) { undatedHeading.hidden = undatedShown === 0; }
    var clear = form.querySelector(".tl-clear");
    if (clear) { clear.hidden = FILTERS.every(function (name) { return !f[name]; }); }
    window.history.replaceState(null, "", urlFor(f));
    if (svg) {
      view = whole(f);
      draw();
    }
  }

  var typing = null;
  form.addEventListener("change", filter);
  form.addEventListener("input", function (ev) {
    if (ev.target.tagName !== "INPUT") { return; }
    window.clearTimeout(typing);
    typing = window.setTimeout(filter, 350);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    filter();
  });

  items.forEach(function (el) {
    var mark = markByKey[el.getAttribute("data-key")];
    if (!mark) { return; }
    el.addEventListener("pointerenter", function () { mark.classList.add("hl"); });
    el.addEventListener("pointerleave", function () { mark.classList.remove("hl"); });
  });

  if (!svg) { return; }

  /* --- the axis ------------------------------------------------------------------ */

  var frame = svg.parentNode;
  var lanes = Array.prototype.slice.call(svg.querySelectorAll(".tl-band")).map(function (band) {
    var name = band.getAttribute("data-lane");
    return { name: name, band: band, label: svg.querySelector(".tl-lane-label[data-lane='" + name + "']") };
  });
  var ticks = svg.querySelector(".tl-ticks");
  var baseline = svg.querySelector(".tl-baseline");
  var clip = svg.querySelector(".tl-clip-rect");
  var width = 960;
  var view = null;

  function num(el, name) { return parseFloat(el.getAttribute(name)); }
  function fixed(v) { return v.toFixed(1); }
  function set(el, attrs) { Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); }); }
  function visible() { return marks.filter(function (m) { return !m.classList.contains("off"); }); }

  function isMilestone(m) { return m.getAttribute("data-lane") === "milestone"; }

  // The years the axis spans when not zoomed: the events shown (milestones beyond them
  // are pinned at the edges), else every mark shown, or the period asked for.
  function whole(f) {
    var shown = visible().filter(function (m) { return !isMilestone(m); });
    if (!shown.length) { shown = visible(); }
    var start = Math.floor(Math.min.apply(null, shown.map(function (m) { return num(m, "data-t0"); })));
    var end = Math.ceil(Math.max.apply(null, shown.map(function (m) { return num(m, "data-t1"); })) + 1e-9);
    if (!shown.length) { start = num(svg, "data-start"); end = num(svg, "data-end"); }
    if (f.from) { start = parseInt(f.from.slice(0, 4), 10); }
    if (f.to) { end = parseInt(f.to.slice(0, 4), 10) + 1; }
    return { start: start, end: Math.max(end, start + 1), min: start, max: Math.max(end, start + 1) };
  }

  // Where a mark goes along the axis: a milestone beyond the data's years at that edge
  // (viz.py: _on_axis).
  function onAxis(m) {
    var t0 = num(m, "data-t0"), t1 = num(m, "data-t1");
    if (!isMilestone(m)) { return [t0, t1]; }
    if (t1 < view.min) { return [view.min, view.min]; }
    if (t0 > view.max) { return [view.max, view.max]; }
    return [t0, t1];
  }

  function labelPx(m) { return (m.getAttribute("data-label") || "").length * CHAR_PX; }

  // Whether a milestone's label goes left of it, the right side being too short.
  function flipped(m, x0, x1) {
    var label = labelPx(m), shape = m.getAttribute("data-shape"), bar;
    if (shape === "diamond") { return x0 + 14 + label > width && x0 - 14 - label >= 0; }
    if (shape === "bar") {
      bar = Math.max(x1 - x0, 6);
      return bar < label + 10 && x0 + bar + 6 + label > width && x0 - 6 - label >= 0;
    }
    return false;
  }

  function extent(m, x0, x1) {
    var label = labelPx(m), shape = m.getAttribute("data-shape"), bar, middle;
    var flip = flipped(m, x0, x1);
    if (shape === "dot") { return [x0 - 7, x0 + 7]; }
    if (shape === "diamond") { return flip ? [x0 - 14 - label, x0 + 8] : [x0 - 8, x0 + 14 + label]; }
    if (shape === "span") {
      bar = Math.max(x1 - x0, 10);
      middle = (x0 + x1) / 2;
      return [middle - bar / 2 - 2, middle + bar / 2 + 2];
    }
    bar = Math.max(x1 - x0, 6);
    if (flip) { return [x0 - 6 - label, x0 + bar + 2]; }
    return [x0 - 2, x0 + bar + (bar < label + 10 ? 4 + label : 0) + 2];
  }

  function place(m, x0, x1, y) {
    var shape = m.getAttribute("data-shape");
    var el = m.querySelector(".shape");
    var text = m.querySelector("text.tl-label");
    var tip = m.querySelector("text.tl-tip");
    if (tip) {
      var middle = (x0 + x1) / 2;
      set(tip, {
        x: fixed(middle), y: fixed(y - 10),
        "text-anchor": middle < width / 3 ? "start" : middle > 2 * width / 3 ? "end" : "middle"
      });
    }
    var flip = flipped(m, x0, x1), bar, inside;
    if (shape === "dot") {
      set(el, { cx: fixed(x0), cy: fixed(y) });
    } else if (shape === "span") {
      bar = Math.max(x1 - x0, 10);
      set(el, { x: fixed((x0 + x1) / 2 - bar / 2), y: fixed(y - 6), width: fixed(bar) });
    } else if (shape === "diamond") {
      set(el, { d: "M" + fixed(x0) + " " + fixed(y - 7) + "L" + fixed(x0 + 7) + " " + fixed(y) +
        "L" + fixed(x0) + " " + fixed(y + 7) + "L" + fixed(x0 - 7) + " " + fixed(y) + "Z" });
      if (text) {
        set(text, { x: fixed(flip ? x0 - 11 : x0 + 11), y: fixed(y + 4), "text-anchor": flip ? "end" : "start" });
      }
    } else {
      bar = Math.max(x1 - x0, 6);
      set(el, { x: fixed(x0), y: fixed(y - 7), width: fixed(bar) });
      if (text) {
        inside = bar >= labelPx(m) + 10;
        set(text, {
          x: fixed(inside ? x0 + 5 : flip ? x0 - 4 : x0 + bar + 4),
          y: fixed(y + 4),
          "text-anchor": flip && !inside ? "end" : "start"
        });
        text.classList.toggle("inside", inside);
      }
    }
  }

  function tickLabel(t, step) {
    var year = Math.floor(t + 1e-9);
    if (step >= 1) { return String(year); }
    var month = Math.round((t - year) * 12) + 1;
    return (month < 10 ? "0" : "") + month + "/" + year;
  }

  function draw() {
    width = Math.max(280, Math.round(frame.clientWidth || 960));
    var span = (width - 2 * MARGIN) / (view.end - view.start);
    var shown = visible();
    var y = TOP;
    lanes.forEach(function (lane) {
      var own = shown.filter(function (m) { return m.getAttribute("data-lane") === lane.name; });
      lane.band.classList.toggle("off", !own.length);
      if (lane.label) { lane.label.classList.toggle("off", !own.length); }
      if (!own.length) { return; }
      own.sort(function (a, b) { return num(a, "data-t0") - num(b, "data-t0"); });
      var rows = [];
      own.forEach(function (m) {
        var t = onAxis(m);
        var x0 = MARGIN + (t[0] - view.start) * span;
        var x1 = MARGIN + (t[1] - view.start) * span;
        var ext = extent(m, x0, x1), row = 0;
        if (ext[1] >= 0 && ext[0] <= width) { // off screen: no row of its own
          row = -1;
          for (var i = 0; i < rows.length; i += 1) {
            if (rows[i] + 3 <= ext[0]) { row = i; break; }
          }
          if (row < 0 && rows.length < MAX_ROWS) {
            rows.push(ext[1]);
            row = rows.length - 1;
          } else if (row < 0) {
            row = rows.indexOf(Math.min.apply(null, rows));
          }
          rows[row] = Math.max(rows[row], ext[1]);
        }
        place(m, x0, x1, y + LANE_HEAD + row * ROW + ROW / 2);
      });
      var height = LANE_HEAD + Math.max(1, rows.length) * ROW + 4;
      set(lane.band, { y: fixed(y), width: width, height: fixed(height) });
      if (lane.label) { set(lane.label, { y: fixed(y + 13) }); }
      y += height + LANE_GAP;
    });
    var axisY = y, height = y + AXIS;
    set(svg, { viewBox: "0 0 " + width + " " + fixed(height), width: width, height: fixed(height) });
    set(clip, { width: width, height: fixed(height) });
    set(baseline, { x2: width, y1: fixed(axisY), y2: fixed(axisY) });
    Array.prototype.slice.call(ticks.querySelectorAll(".tl-grid, .tl-tick")).forEach(function (el) {
      ticks.removeChild(el);
    });
    var step = STEPS[STEPS.length - 1];
    for (var s = 0; s < STEPS.length; s += 1) {
      if (STEPS[s] * span >= 64) { step = STEPS[s]; break; }
    }
    var top = lanes.length ? TOP : 0;
    for (var k = Math.ceil(view.start / step - 1e-9); k <= Math.floor(view.end / step + 1e-9); k += 1) {
      var at = MARGIN + (k * step - view.start) * span, x = fixed(at);
      var line = document.createElementNS(NS, "line");
      set(line, { "class": "tl-grid", x1: x, x2: x, y1: top, y2: fixed(axisY + 4) });
      var text = document.createElementNS(NS, "text");
      set(text, {
        "class": "tl-tick", x: x, y: fixed(axisY + 17),
        "text-anchor": at < 30 ? "start" : at > width - 30 ? "end" : "middle"
      });
      text.textContent = tickLabel(k * step, step);
      ticks.appendChild(line);
      ticks.appendChild(text);
    }
  }

  /* --- zoom and pan -------------------------------------------------------------- */

  function clamp(start, end) {
    var full = view.max - view.min;
    var span = Math.min(Math.max(end - start, MIN_SPAN), full);
    start = Math.min(Math.max(start, view.min), view.max - span);
    view.start = start;
    view.end = start + span;
    draw();
  }

  function yearAt(clientX) {
    var box = svg.getBoundingClientRect();
    var x = (clientX - box.left) * (width / box.width);
    return view.start + (x - MARGIN) / (width - 2 * MARGIN) * (view.end - view.start);
  }

  // Where "+" zooms: the middle of the events in view (not an empty stretch between
  // them), else the middle of the view.
  function busiest(middle) {
    var inView = visible().filter(function (m) {
      return !isMilestone(m) && num(m, "data-t1") >= view.start && num(m, "data-t0") <= view.end;
    }).map(function (m) { return (num(m, "data-t0") + num(m, "data-t1")) / 2; });
    if (!inView.length) { return middle; }
    inView.sort(function (a, b) { return a - b; });
    return inView[Math.floor(inView.length / 2)];
  }

  function zoom(factor, at) {
    var span = (view.end - view.start) * factor;
    var ratio = (at - view.start) / (view.end - view.start);
    clamp(at - ratio * span, at - ratio * span + span);
  }

  section.querySelector(".tl-zoom").hidden = false;
  section.querySelector(".tl-zoom").addEventListener("click", function (ev) {
    var what = ev.target.getAttribute("data-zoom");
    var middle = (view.start + view.end) / 2;
    if (what === "in") { zoom(0.5, busiest(middle)); }
    if (what === "out") { zoom(2, middle); }
    if (what === "reset") { clamp(view.min, view.max); }
  });

  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) { // a sideways scroll pans
      var years = ev.deltaX * (view.end - view.start) / width;
      clamp(view.start + years, view.end + years);
    } else {
      zoom(Math.exp(ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.002)), yearAt(ev.clientX));
    }
  }, { passive: false });

  // One pointer drags the axis, two pinch it; a press that does not move stays a click.
  var pointers = {};
  var moved = false;
  function pointerList() { return Object.keys(pointers).map(function (id) { return pointers[id]; }); }
  svg.addEventListener("pointerdown", function (ev) {
    pointers[ev.pointerId] = { x: ev.clientX, startX: ev.clientX };
    moved = false;
  });
  svg.addEventListener("pointermove", function (ev) {
    var p = pointers[ev.pointerId];
    if (!p) { return; }
    var all = pointerList();
    if (all.length === 1) {
      if (!moved && Math.abs(ev.clientX - p.startX) < 5) { return; }
      if (!moved) { svg.setPointerCapture(ev.pointerId); svg.classList.add("grabbing"); }
      moved = true;
      var years = (p.x - ev.clientX) * (width / svg.getBoundingClientRect().width) *
        (view.end - view.start) / (width - 2 * MARGIN);
      p.x = ev.clientX;
      clamp(view.start + years, view.end + years);
    } else if (all.length === 2) {
      var other = all[0] === p ? all[1] : all[0];
      var before = Math.abs(p.x - other.x);
      p.x = ev.clientX;
      var after = Math.abs(p.x - other.x);
      moved = true;
      if (before > 10 && after > 10) { zoom(before / after, yearAt((p.x + other.x) / 2)); }
    }
  });
  function release(ev) {
    delete pointers[ev.pointerId];
    svg.classList.remove("grabbing");
  }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);
  svg.addEventListener("click", function (ev) {
    if (moved) { ev.preventDefault(); moved = false; }
  }, true);

  marks.forEach(function (m) {
    var item = itemByKey[m.getAttribute("data-key")];
    if (!item) { return; }
    function on() { item.classList.add("hl"); }
    function off() { item.classList.remove("hl"); }
    m.addEventListener("pointerenter", on);
    m.addEventListener("pointerleave", off);
    m.addEventListener("focus", on);
    m.addEventListener("blur", off);
  });

  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  });

  view = whole(current());
  draw();
}());
