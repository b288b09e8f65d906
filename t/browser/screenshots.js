// `make screenshots` (t/lib/screenshots.sh): full-page PNGs of the main
// pages at 1280 and 375 px, in Debian's Chromium, and an index.html that
// shows them side by side. Not a test: a page that does not answer 200
// stops the run, so that no error page is shown as the product.
// Arguments: base URL, the demo admin's email and password, a JSON of
// facts from the wrapper (tokens and ids), the output folder.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, login } = require('./lib');

const WIDTHS = [[1280, 900], [375, 812]];

(async () => {
  const [base, email, password, factsJson, out] = process.argv.slice(2);
  const f = JSON.parse(factsJson);
  // [file name, what it shows, path]; the public ones first, before the login.
  const publicPages = [
    ['accueil', "Accueil du site public", '/'],
    ['catalogue', 'Catalogue', '/formations'],
    ['fiche', 'Fiche « Coopération territoriale »', '/formations/cooperation-territoriale'],
    ['sessions', 'Sessions à venir', '/sessions'],
    ['demande', 'Formulaire de demande', '/demande?formation=cooperation-territoriale'],
    ['suivi', "Suivi d'une demande", `/demande/suivi/${f.tracking}`],
    ['participant', "Page d'un participant", `/participant/${f.participant}`],
    ['participant-attestation', "Page d'un participant avec son attestation", `/participant/${f.certified}`],
    ['verification-attestation', "Vérification d'une attestation", `/attestations/${f.code}`],
  ];
  const staffPages = [
    ['intranet', "Accueil de l'intranet", '/intranet'],
    ['demandes', 'Demandes, par échéance', '/intranet/demandes'],
    ['demande-intranet', "Une demande, côté équipe", `/intranet/demandes/${f.demand}`],
    ['calendrier', 'Calendrier du mois', '/intranet/calendrier?vue=mois'],
    ['session', 'Une session avec ses attestations', `/intranet/sessions/${f.session}`],
    ['presence', "Présences d'une demi-journée certifiée", `/intranet/presence/${f.halfday}`],
    ['formation-editeur', "Éditeur d'une formation", `/intranet/formations/${f.course}`],
    ['lieux', 'Lieux et salles', '/intranet/lieux'],
    ['formateurs', 'Formateurs', '/intranet/formateurs'],
    ['utilisateurs', "Comptes de l'intranet", '/intranet/utilisateurs'],
    ['fermetures', 'Jours de fermeture', '/intranet/fermetures'],
  ];
  for (const [w] of WIDTHS) fs.mkdirSync(path.join(out, String(w)), { recursive: true });
  const written = [];
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    const shoot = async ([name, , url]) => {
      for (const [width, height] of WIDTHS) {
        await page.setViewportSize({ width, height });
        const res = await page.goto(`${base}${url}`, { waitUntil: 'load' });
        if (!res || res.status() !== 200)
          throw new Error(`${url} answered ${res ? res.status() : 'nothing'}, not 200`);
        const file = path.join(out, String(width), `${name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        written.push(file);
      }
    };
    for (const p of publicPages) await shoot(p);
    await login(page, base, email, password);
    for (const p of staffPages) await shoot(p);
  } finally {
    await close();
  }

  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const rows = [...publicPages, ...staffPages].map(([name, title, url]) => `<section>
<h2>${esc(title)} <code>${esc(url.replace(/^(\/(?:demande\/suivi|participant|attestations)\/).*/, '$1…'))}</code></h2>
<div class="pair">${WIDTHS.map(([w]) => `<figure><a href="${w}/${name}.png"><img src="${w}/${name}.png" alt="${esc(title)} à ${w} px" loading="lazy" class="w${w}"></a><figcaption>${w} px</figcaption></figure>`).join('')}</div>
</section>`).join('\n');
  fs.writeFileSync(path.join(out, 'index.html'), `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Formations EGOC : captures d'écran</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; background: #f4f4f2; color: #222; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; } code { font-size: .85rem; color: #555; }
.pair { display: flex; gap: 1.5rem; align-items: flex-start; }
figure { margin: 0; } figcaption { font-size: .85rem; color: #555; }
img { border: 1px solid #bbb; background: #fff; display: block; }
img.w1280 { width: 640px; } img.w375 { width: 188px; }
</style></head><body>
<h1>Formations EGOC : captures d'écran</h1>
<p>Pages pleine hauteur à 1280 px et à 375 px, prises par <code>make screenshots</code> sur les données de démonstration, le ${new Date().toISOString().slice(0, 10)}. Un clic ouvre l'image en taille réelle.</p>
${rows}
</body></html>
`);
  written.push(path.join(out, 'index.html'));
  const root = path.resolve(out, '..', '..');
  for (const file of written) console.log(path.relative(root, file));
})().catch((e) => {
  console.error(`screenshots: ${e.stack || e}`);
  process.exitCode = 1;
});
