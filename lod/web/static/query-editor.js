// The SPARQL editor of the query page: YASGUI (npm @zazuko/yasgui, shipped in the package by
// `make install`, never fetched from a CDN) set up for this endpoint. Syntax highlighting comes
// with YASQE; prefix autocompletion offers our own prefix table (lod.rdf.namespaces.PREFIXES,
// written into the page); each example query is a tab; results show as a table and, with the
// "Chart" plugin below, as a bar chart. Nothing here reaches another server: the class and
// property completers (which ask lov.linkeddata.es) are left out.
// Without the vendored files (or without JavaScript) the plain form of the page is used.
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  var Yasgui = window.Yasgui;
  if (!root || !Yasgui) { return; }
  var read = function (id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  };
  var examples = read("example-data") || [];
  var titles = read("example-titles") || [];
  var prefixes = read("prefix-data") || {};
  var endpoint = root.getAttribute("data-endpoint");

  // --- prefix completion from our table ---------------------------------------------------
  Yasgui.Yasqe.forkAutocompleter("prefixes", {
    name: "lodPrefixes",
    persistenceId: null,
    get: function () {
      return Object.keys(prefixes).sort().map(function (p) { return p + ": <" + prefixes[p] + ">"; });
    }
  });

  // --- a bar chart of the results ---------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  var NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger)$/;

  function shortLabel(cell) {
    if (!cell) { return ""; }
    var value = cell.value;
    if (cell.type === "uri") { value = value.replace(/[#/]+$/, "").split(/[#/]/).pop(); }
    return value.length > 40 ? value.slice(0, 39) + "\u2026" : value;
  }

  // Which column is counted and which names the bars: the first numeric column, labelled by the
  // first other column; without a numeric column, the rows are counted per value of the first.
  function series(results) {
    var vars = results.getVariables();
    var rows = results.getBindings();
    var numeric = vars.filter(function (v) {
      return rows.length && rows.every(function (r) {
        return r[v] && r[v].type !== "uri" && (NUMERIC.test(r[v].datatype || "") || !isNaN(Number(r[v].value)));
      });
    })[0];
    var labelVar = vars.filter(function (v) { return v !== numeric; })[0];
    var bars = [];
    if (numeric) {
      rows.forEach(function (r) { bars.push({ label: shortLabel(r[labelVar]), value: Number(r[numeric].value) }); });
      return { bars: bars, title: numeric + " by " + (labelVar || "row") };
    }
    var counts = {};
    rows.forEach(function (r) {
      var key = shortLabel(r[vars[0]]);
      if (!(key in counts)) { counts[key] = 0; bars.push({ label: key }); }
      counts[key] += 1;
    });
    bars.forEach(function (b) { b.value = counts[b.label]; });
    bars.sort(function (a, b) { return b.value - a.value; });
    return { bars: bars, title: "rows per " + vars[0] };
  }

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function Chart(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Chart";
  }
  Chart.prototype.canHandleResults = function () {
    var results = this.yasr.results;
    return !!(results && results.getBindings && results.getVariables && results.getBindings().length);
  };
  Chart.prototype.getIcon = function () {
    var icon = el("svg", { viewBox: "0 0 16 16", width: "14", height: "14", "aria-hidden": "true" });
    [[1, 9, 3, 6], [6, 4, 3, 11], [11, 7, 3, 8]].forEach(function (r) {
      icon.appendChild(el("rect", { x: r[0], y: r[1], width: r[2], height: r[3], fill: "currentColor" }));
    });
    var span = document.createElement("span");
    span.appendChild(icon);
    return span;
  };
  Chart.prototype.draw = function () {
    var data = series(this.yasr.results);
    var bars = data.bars.slice(0, 50);
    var row = 22, left = 220, width = 720;
    var top = Math.max.apply(null, bars.map(function (b) { return b.value; }).concat([1]));
    var svg = el("svg", { xmlns: SVG, width: width, height: row * bars.length + 16, role: "img",
                          "class": "chart yasr-chart", "font-size": "13" });
    svg.appendChild(el("title", {}, data.title));
    svg.appendChild(el("desc", {}, bars.map(function (b) { return b.label + ": " + b.value; }).join("; ")));
    bars.forEach(function (b, i) {
      var y = 8 + i * row, length = (width - left - 60) * b.value / top;
      svg.appendChild(el("text", { x: left - 8, y: y + 14, "text-anchor": "end", fill: "#1b1b1b" }, b.label));
      svg.appendChild(el("rect", { x: left, y: y + 3, width: Math.max(length, 1), height: row - 8, fill: "#0b4f8a" }));
      svg.appendChild(el("text", { x: left + length + 6, y: y + 14, fill: "#1b1b1b" }, String(b.value)));
    });
    var figure = document.createElement("figure");
    figure.className = "yasr-chart-figure";
    var caption = document.createElement("figcaption");
    caption.textContent = data.title + (data.bars.length > bars.length ? " (first " + bars.length + " of " + data.bars.length + ")" : "");
    figure.appendChild(svg);
    figure.appendChild(caption);
    this.yasr.resultsEl.appendChild(figure);
  };
  Yasgui.Yasr.registerPlugin("chart", Chart);

  // --- the editor, one tab per example ----------------------------------------------------
  var yasgui = new Yasgui(root, {
    persistenceId: null,
    autoAddOnInit: false,
    populateFromUrl: false,
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: ["lodPrefixes", "variables"], editorHeight: "320px" },
    yasr: { pluginOrder: ["table", "chart", "response"], defaultPlugin: "table" }
  });
  examples.forEach(function (query, i) {
    yasgui.addTab(i === 0, { name: titles[i] || ("Example " + (i + 1)), yasqe: { value: query },
                             requestConfig: { endpoint: endpoint, method: "POST" } });
  });
  window.lodYasgui = yasgui;

  // --- accessibility repairs of YASGUI's markup (checked by axe-core in the browser tests) ---
  // Tabs point (aria-controls) at panels YASGUI only creates once a tab is opened; the "add tab"
  // button sits inside the tab list, where only tabs may be; the editor and the endpoint box
  // have no label. Re-applied whenever YASGUI redraws.
  function repair() {
    Array.prototype.forEach.call(root.querySelectorAll(".tabsList [role=tab]"), function (tab) {
      var panel = tab.getAttribute("aria-controls");
      if (panel && !document.getElementById(panel)) { tab.removeAttribute("aria-controls"); }
      var name = tab.querySelector("span");
      if (name && name.title !== name.textContent) { name.title = name.textContent; }  // shortened on screen
      var rename = tab.querySelector("input");
      if (rename && !rename.hasAttribute("aria-label")) { rename.setAttribute("aria-label", "Tab name"); }
    });
    var list = root.querySelector(".tabsList");
    var add = list && list.querySelector(".addTab");
    if (add && add.parentNode.parentNode === list) { list.parentNode.insertBefore(add.parentNode, list.nextSibling); }
    Array.prototype.forEach.call(root.querySelectorAll(".CodeMirror textarea"), function (area) {
      if (!area.hasAttribute("aria-label")) { area.setAttribute("aria-label", "SPARQL query"); }
    });
    var names = [["input.autocomplete", "SPARQL endpoint"], ["select.tableSizer", "Rows per page"]];
    names.forEach(function (pair) {
      Array.prototype.forEach.call(root.querySelectorAll(pair[0]), function (control) {
        if (!control.hasAttribute("aria-label")) { control.setAttribute("aria-label", pair[1]); }
      });
    });
    // any other unnamed control: its placeholder or tooltip says what it is
    Array.prototype.forEach.call(root.querySelectorAll("input, select"), function (control) {
      var hint = control.getAttribute("placeholder") || control.getAttribute("title");
      if (!control.hasAttribute("aria-label") && !control.labels.length && hint) { control.setAttribute("aria-label", hint); }
    });
  }
  repair();
  new MutationObserver(repair).observe(root, { childList: true, subtree: true });
  var form = document.getElementById("query-form");
  if (form) { form.hidden = true; }
  var note = document.getElementById("editor-note");
  if (note) { note.hidden = true; }
})();
