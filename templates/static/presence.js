// The trainer's half-day page: the code and its QR code renew by
// themselves every 30 seconds (without JavaScript, the link below the
// code shows the new one).
'use strict';
(function () {
  const panel = document.getElementById('code');
  const left = document.getElementById('code-secondes');
  if (!panel || !left || !window.fetch || !window.DOMParser) return;
  let seconds = parseInt(left.textContent, 10) || 30;
  setInterval(async function () {
    seconds -= 1;
    left.textContent = String(Math.max(seconds, 0));
    if (seconds > 0) return;
    seconds = 30;
    try {
      const res = await fetch(window.location.pathname, { credentials: 'same-origin' });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('code');
      if (fresh) {
        panel.replaceChildren(...fresh.childNodes);
        const img = panel.querySelector('img');
        if (img) img.src = img.src.split('?')[0] + '?t=' + Date.now();
        const l = document.getElementById('code-secondes');
        seconds = l ? parseInt(l.textContent, 10) || 30 : 30;
      }
    } catch (e) {
      // the link still shows the new code
    }
  }, 1000);
})();
