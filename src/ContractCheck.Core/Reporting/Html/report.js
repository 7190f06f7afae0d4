// ContractCheck's HTML report: filters the failures by operation, probe and check. Without it the page shows them all.
// The filter is kept in the address (#check=no-leak), so a filtered view can be linked to.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) {
    return;
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings .finding'));
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var shown = document.getElementById('shown');

  function apply() {
    var count = 0;
    rows.forEach(function (row) {
      var match = selects.every(function (s) { return s.value === '' || row.getAttribute('data-' + s.name) === s.value; });
      row.hidden = !match;
      count += match ? 1 : 0;
    });
    shown.textContent = count === rows.length ? 'all ' + rows.length + ' shown' : count + ' of ' + rows.length + ' shown';
  }

  function fromAddress() {
    var wanted = new URLSearchParams(location.hash.slice(1));
    selects.forEach(function (s) {
      var value = wanted.get(s.name) || '';
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === value; });
      s.value = known ? value : '';
    });
    apply();
  }

  function toAddress() {
    var chosen = new URLSearchParams();
    selects.forEach(function (s) {
      if (s.value !== '') {
        chosen.set(s.name, s.value);
      }
    });
    apply();
    location.hash = chosen.toString();
  }

  function openAll(open) {
    rows.forEach(function (row) {
      if (!row.hidden) {
        row.open = open;
      }
    });
  }

  selects.forEach(function (s) { s.addEventListener('change', toAddress); });
  document.getElementById('reset').addEventListener('click', function () {
    selects.forEach(function (s) { s.value = ''; });
    toAddress();
  });
  document.getElementById('expand').addEventListener('click', function () { openAll(true); });
  document.getElementById('collapse').addEventListener('click', function () { openAll(false); });
  window.addEventListener('hashchange', fromAddress);
  form.hidden = false;
  fromAddress();
}());
