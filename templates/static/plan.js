// The plan of a new session, as it is typed: a row left without a date,
// or still with the date proposed, follows the previous one (the same day
// for an afternoon after a morning, else the next working day; the
// form's data-closed lists the public holidays and closure days), and a
// row whose part changes gets that part's usual times unless its times
// were typed. Without this script the server does the same at "Vérifier".
(function () {
  'use strict';
  var form = document.getElementById('plan');
  if (!form) return;
  var closed = (form.getAttribute('data-closed') || '').split(' ');
  var usual = { journee: ['09:00', '17:00'], matin: ['09:00', '12:30'], apres_midi: ['13:30', '17:00'] };
  function iso(d) { return d.toISOString().slice(0, 10); }
  function parse(s) { return /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(s + 'T12:00:00Z') : null; }
  function nextWorking(d) {
    do d = new Date(d.getTime() + 86400000);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || closed.indexOf(iso(d)) >= 0);
    return d;
  }
  function field(name, n) { return form.elements[name + '_' + n]; }
  // ligne_N: "programme day;date proposed;part its times were for"
  function carried(n) { return field('ligne', n).value.split(';'); }
  function carry(n, k, value) {
    var c = carried(n);
    c[k] = value;
    field('ligne', n).value = c.join(';');
  }
  function derive() {
    var prev = parse(form.elements.premier_jour.value);
    var prevPart = 'journee';
    var rows = form.querySelectorAll('fieldset.plan-row');
    for (var i = 0; i < rows.length; i++) {
      var n = rows[i].getAttribute('data-n');
      var day = field('jour', n), part = field('partie', n).value;
      if (field('retirer', n).checked) continue;
      if (prev && (!day.value || day.value === carried(n)[1])) {
        var d = i === 0 ? prev : (prevPart === 'matin' && part === 'apres_midi' ? prev : nextWorking(prev));
        day.value = iso(d);
        carry(n, 1, day.value);
      }
      var own = parse(day.value);
      if (own) { prev = own; prevPart = part; }
    }
  }
  form.addEventListener('change', function (e) {
    var t = e.target;
    var m = /^partie_(\d+)$/.exec(t.name || '');
    if (m) {
      var start = field('debut', m[1]), end = field('fin', m[1]);
      var u = usual[carried(m[1])[2]];
      if (u && usual[t.value] && start.value === u[0] && end.value === u[1]) {
        start.value = usual[t.value][0];
        end.value = usual[t.value][1];
      }
      carry(m[1], 2, t.value);
    }
    if (/^(premier_jour|jour_\d+|partie_\d+|retirer_\d+)$/.test(t.name || '')) derive();
  });
}());
