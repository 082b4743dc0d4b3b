// Progressive enhancement of the SPARQL query textarea: works offline, no dependencies.
// Without JavaScript the page is a plain form; with it: Tab indents, Ctrl/Cmd+Enter runs,
// brackets and quotes close themselves, and "Edit in the form" loads an example in place.
(function () {
  "use strict";
  var area = document.getElementById("query");
  if (!area) { return; }
  var pairs = { "{": "}", "(": ")", "[": "]", "\"": "\"", "<": ">" };

  function insert(text, caretOffset) {
    var start = area.selectionStart, end = area.selectionEnd;
    area.value = area.value.slice(0, start) + text + area.value.slice(end);
    area.selectionStart = area.selectionEnd = start + (caretOffset === undefined ? text.length : caretOffset);
  }

  area.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      area.form.submit();
    } else if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      insert("  ");
    } else if (event.key === "Enter") {
      // keep the indentation of the current line, one level more after "{"
      var before = area.value.slice(0, area.selectionStart);
      var line = before.slice(before.lastIndexOf("\n") + 1);
      var indent = (line.match(/^\s*/) || [""])[0];
      if (/\{\s*$/.test(line)) { indent += "  "; }
      event.preventDefault();
      insert("\n" + indent);
    } else if (pairs[event.key] && area.selectionStart === area.selectionEnd) {
      var next = area.value.charAt(area.selectionStart);
      if (event.key === "\"" && next === "\"") { event.preventDefault(); area.selectionStart += 1; return; }
      if (event.key === "<" ) { return; }  // "<" is also an operator: do not pair it
      event.preventDefault();
      insert(event.key + pairs[event.key], 1);
    }
  });

  var data = document.getElementById("example-data");
  var examples = data ? JSON.parse(data.textContent) : [];
  Array.prototype.forEach.call(document.querySelectorAll("a.edit-example"), function (link) {
    link.addEventListener("click", function (event) {
      var query = examples[Number(link.getAttribute("data-example"))];
      if (query === undefined) { return; }
      event.preventDefault();
      area.value = query;
      area.focus();
      area.scrollIntoView();
    });
  });
})();
