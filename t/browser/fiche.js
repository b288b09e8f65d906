// The real fiche in Chromium: it shows its parts and passes axe-core.
'use strict';
const { ok, done, launch, axe } = require('./lib');

(async () => {
  const base = process.argv[2];
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    const res = await page.goto(`${base}/formations/cooperation-territoriale`);
    ok(res.status() === 200, 'the fiche loads');
    const h1 = await page.locator('h1').innerText();
    ok(/Accompagner l'implantation des chargés de coopération/.test(h1), 'its title is the heading', h1);
    ok(await page.getByText('Aucun pré-requis').isVisible(), 'prerequisites visible');
    ok(await page.getByText('Engager une réflexion collective').first().isVisible(), 'objective visible');
    for (const n of [3, 4, 5]) {
      const h = page.getByRole('heading', { level: 3, name: new RegExp(`^Module ${n} :`) });
      ok(await h.isVisible(), `module ${n} heading visible`);
    }
    ok(await page.getByRole('heading', { name: 'Méthodes mobilisées' }).isVisible(), 'methods heading visible');
    ok(await page.getByText('Feuille de présence').isVisible(), 'attendance proof visible');
    let v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the fiche', v.join('\n'));

    await page.goto(`${base}/formations?q=cooperation`);
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the catalogue search', v.join('\n'));
    await page.goto(`${base}/formations`);
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the catalogue', v.join('\n'));
    await page.goto(`${base}/`);
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the home page', v.join('\n'));
    await page.getByRole('link', { name: /Accompagner l'implantation/ }).first().click();
    await page.waitForURL(/cooperation-territoriale/);
    ok(true, 'the home page links to the fiche');

    const missing = await page.goto(`${base}/nulle-part`);
    ok(missing.status() === 404, 'an unknown page is 404');
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the 404 page', v.join('\n'));
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await close();
    done();
  }
})();
