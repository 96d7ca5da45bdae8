(function () {
  'use strict';
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // Sorting: click a header to sort by it, again to reverse; numbers as numbers, empty cells last.
  function key(cell, numeric) {
    var v = cell.getAttribute('data-value');
    if (v === null) { v = cell.textContent.trim(); }
    if (v === '') { return null; }
    if (numeric) { var n = parseFloat(v); return isNaN(n) ? null : n; }
    return v;
  }
  function compare(a, b) {
    if (typeof a === 'number') { return a < b ? -1 : a > b ? 1 : 0; }
    return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  }
  each(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var numeric = th.getAttribute('data-type') === 'number';
        var current = th.getAttribute('aria-sort');
        var dir = current === 'ascending' ? 'descending'
          : current === 'descending' ? 'ascending' : (th.getAttribute('data-first') || 'ascending');
        each(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        table.classList.toggle('by-rank', th.getAttribute('data-col') === 'rank' && dir === 'ascending');
        var sign = dir === 'ascending' ? 1 : -1;
        var body = table.tBodies[0];
        var rows = Array.prototype.map.call(body.rows, function (r, i) {
          return { row: r, index: i, key: key(r.cells[col], numeric) };
        });
        rows.sort(function (a, b) {
          if (a.key === null || b.key === null) {
            return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
          }
          return sign * compare(a.key, b.key) || a.index - b.index;
        });
        rows.forEach(function (x) { body.appendChild(x.row); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
      });
    });
  });

  // Search and filters: a model is shown when it matches the search (any of the ;-separated
  // terms, as a part of its name) and every filter; its point on the plot follows its row.
  var search = document.getElementById('search');
  var chat = document.getElementById('chat');
  var hideMerged = document.getElementById('hide-merged');
  var hideMoe = document.getElementById('hide-moe');
  var rows = document.querySelectorAll('#leaderboard tbody tr, #unranked tbody tr');
  function checked(name) {
    var values = {};
    each(document.querySelectorAll('input[name="' + name + '"]:checked'), function (box) { values[box.value] = true; });
    return values;
  }
  function filter() {
    var terms = search.value.toLowerCase().split(';').map(function (t) { return t.trim(); })
      .filter(function (t) { return t !== ''; });
    var types = checked('type'), precisions = checked('precision'), sizes = checked('size');
    var shown = {}, count = 0, rankedShown = 0;
    each(rows, function (r) {
      var d = r.dataset;
      var ok = (terms.length === 0 || terms.some(function (t) { return d.search.indexOf(t) >= 0; }))
        && types.hasOwnProperty(d.modelType) && precisions.hasOwnProperty(d.precision) && sizes.hasOwnProperty(d.size)
        && (chat.value === '' || d.chat === chat.value)
        && !(hideMerged.checked && d.merged === 'true') && !(hideMoe.checked && d.moe === 'true');
      r.hidden = !ok;
      shown[d.model] = ok;
      if (ok) { count++; if (r.closest('#leaderboard')) { rankedShown++; } }
    });
    each(document.querySelectorAll('#scatter .point'), function (p) {
      p.style.display = shown[p.getAttribute('data-model')] ? '' : 'none';
    });
    document.getElementById('no-match').hidden = rankedShown > 0 || rows.length === 0;
    document.getElementById('showing').textContent = count === rows.length
      ? 'Showing all ' + rows.length + ' models.' : 'Showing ' + count + ' of ' + rows.length + ' models.';
  }
  search.addEventListener('input', filter);
  each(document.querySelectorAll('#controls input[type=checkbox]:not([name=column]), #chat'), function (c) {
    c.addEventListener('change', filter);
  });

  // Column toggles: one checkbox shows or hides a column in both tables.
  each(document.querySelectorAll('input[name=column]'), function (box) {
    box.addEventListener('change', function () {
      each(document.querySelectorAll('#leaderboard [data-col="' + box.value + '"], #unranked [data-col="'
        + box.value + '"]'), function (cell) { cell.classList.toggle('off', !box.checked); });
    });
  });

  // A model's own view: #m-... shows it in place of the board; # (or any other) shows the board.
  var board = document.getElementById('board');
  var title = document.title;
  function route() {
    var view = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
    var open = view !== null && view.classList.contains('model-view');
    each(document.querySelectorAll('.model-view'), function (v) { v.hidden = v !== view; });
    board.hidden = open;
    document.title = open ? view.querySelector('.model-id').textContent + ' \u00b7 ' + title : title;
    if (open) { window.scrollTo(0, 0); }
  }
  window.addEventListener('hashchange', route);
  filter();
  route();
})();
