/* The graph page: hovering or focusing a node (or a row of the pairs table) lights
   its links up; nodes can be dragged. The page is whole without this script: the
   layout, the links and the table come from the server (diplonews/web/viz.py). */
(function () {
  "use strict";

  var svg = document.querySelector(".gr-svg");
  var form = document.querySelector(".gr-filters");
  if (form) { // a new level is a new graph: ask for it at once
    form.elements.level.addEventListener("change", function () { form.submit(); });
  }
  if (!svg) { return; }

  // On a narrow screen the graph scrolls sideways: start with its focus (or middle) in view.
  var frame = svg.parentNode;
  if (frame.scrollWidth > frame.clientWidth) {
    var centre = svg.querySelector(".node.is-focus");
    var share = centre ? parseFloat(centre.getAttribute("data-x")) / svg.viewBox.baseVal.width : 0.5;
    frame.scrollLeft = Math.max(0, share * frame.scrollWidth - frame.clientWidth / 2);
  }

  var box = svg.viewBox.baseVal;
  var nodes = {};
  var edges = [];
  Array.prototype.forEach.call(svg.querySelectorAll(".node"), function (el) {
    nodes[el.getAttribute("data-id")] = {
      el: el,
      x: parseFloat(el.getAttribute("data-x")),
      y: parseFloat(el.getAttribute("data-y")),
      edges: []
    };
  });
  Array.prototype.forEach.call(svg.querySelectorAll(".edge"), function (el) {
    var edge = {
      el: el,
      source: el.getAttribute("data-source"),
      target: el.getAttribute("data-target"),
      lines: Array.prototype.slice.call(el.querySelectorAll("line"))
    };
    edges.push(edge);
    [edge.source, edge.target].forEach(function (id) { if (nodes[id]) { nodes[id].edges.push(edge); } });
  });

  /* --- highlighting -------------------------------------------------------------- */

  function light(ids, lit) {
    svg.classList.add("hovering");
    Object.keys(nodes).forEach(function (id) {
      nodes[id].el.classList.toggle("hot", ids.indexOf(id) >= 0);
    });
    edges.forEach(function (e) { e.el.classList.toggle("hot", lit.indexOf(e) >= 0); });
  }

  function lightNode(id) {
    var node = nodes[id];
    var ids = [id];
    node.edges.forEach(function (e) { ids.push(e.source === id ? e.target : e.source); });
    light(ids, node.edges);
  }

  function dark() {
    svg.classList.remove("hovering");
    Object.keys(nodes).forEach(function (id) { nodes[id].el.classList.remove("hot"); });
    edges.forEach(function (e) { e.el.classList.remove("hot"); });
  }

  Object.keys(nodes).forEach(function (id) {
    var el = nodes[id].el;
    el.addEventListener("pointerenter", function () { if (!dragging) { lightNode(id); } });
    el.addEventListener("pointerleave", function () { if (!dragging) { dark(); } });
    el.addEventListener("focus", function () { lightNode(id); });
    el.addEventListener("blur", dark);
  });

  edges.forEach(function (e) {
    e.el.addEventListener("pointerenter", function () { if (!dragging) { light([e.source, e.target], [e]); } });
    e.el.addEventListener("pointerleave", function () { if (!dragging) { dark(); } });
  });

  Array.prototype.forEach.call(document.querySelectorAll(".gr-table tbody tr"), function (row) {
    var source = row.getAttribute("data-source"), target = row.getAttribute("data-target");
    var lit = edges.filter(function (e) { return e.source === source && e.target === target; });
    row.addEventListener("pointerenter", function () { row.classList.add("hot"); light([source, target], lit); });
    row.addEventListener("pointerleave", function () { row.classList.remove("hot"); dark(); });
  });

  /* --- dragging ------------------------------------------------------------------ */

  var dragging = null;
  var dragged = false;

  function point(ev) {
    var matrix = svg.getScreenCTM();
    if (!matrix) { return null; }
    var p = svg.createSVGPoint();
    p.x = ev.clientX;
    p.y = ev.clientY;
    return p.matrixTransform(matrix.inverse());
  }

  function move(id, x, y) {
    var node = nodes[id];
    node.x = Math.min(Math.max(x, box.x + 4), box.x + box.width - 4);
    node.y = Math.min(Math.max(y, box.y + 4), box.y + box.height - 4);
    node.el.setAttribute("transform", "translate(" + node.x.toFixed(1) + " " + node.y.toFixed(1) + ")");
    node.edges.forEach(function (e) {
      var end = e.source === id ? "1" : "2";
      e.lines.forEach(function (line) {
        line.setAttribute("x" + end, node.x.toFixed(1));
        line.setAttribute("y" + end, node.y.toFixed(1));
      });
    });
  }

  svg.addEventListener("pointerdown", function (ev) {
    var el = ev.target.closest ? ev.target.closest(".node") : null;
    if (!el || ev.button > 0) { return; }
    var p = point(ev);
    if (!p) { return; }
    var id = el.getAttribute("data-id");
    dragging = { id: id, pointer: ev.pointerId, dx: nodes[id].x - p.x, dy: nodes[id].y - p.y, x: ev.clientX, y: ev.clientY };
    dragged = false;
  });

  svg.addEventListener("pointermove", function (ev) {
    if (!dragging || ev.pointerId !== dragging.pointer) { return; }
    if (!dragged && Math.abs(ev.clientX - dragging.x) + Math.abs(ev.clientY - dragging.y) < 5) { return; }
    if (!dragged) {
      svg.setPointerCapture(ev.pointerId);
      svg.classList.add("dragging");
      lightNode(dragging.id);
    }
    dragged = true;
    var p = point(ev);
    if (p) { move(dragging.id, p.x + dragging.dx, p.y + dragging.dy); }
  });

  function release() {
    if (dragging && dragged) { dark(); }
    dragging = null;
    svg.classList.remove("dragging");
  }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);

  // A node dragged is not a node clicked.
  svg.addEventListener("click", function (ev) {
    if (dragged) {
      ev.preventDefault();
      ev.stopPropagation();
      dragged = false;
    }
  }, true);
}());
