// The known people offered as one types in "Chercher une personne déjà
// connue" on the session page: the same results as the plain search (the
// page's own ?personne=, no other endpoint), fetched after a short pause
// and put in place of the list. Without JavaScript the form's button does
// the same in a full page.
'use strict';
(function () {
  const input = document.getElementById('personne');
  const box = document.getElementById('trouves');
  if (!input || !box || !window.fetch || !window.DOMParser) return;
  let timer = null, last = input.value;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const q = input.value.trim();
      if (q === last || q.length < 2) return;
      last = q;
      const url = new URL(window.location.href);
      url.searchParams.set('personne', q);
      url.hash = '';
      try {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (!res.ok || input.value.trim() !== q) return;
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const found = doc.getElementById('trouves');
        if (found) box.replaceChildren(...found.childNodes);
      } catch (e) {
        // the plain search button still works
      }
    }, 250);
  });
})();
