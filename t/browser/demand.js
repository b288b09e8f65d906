// A requester fills and sends the real demand form in Chromium and reads
// the tracking page; a conseiller sees it on the dashboard. axe-core
// checks the form, the form with errors, the tracking page, the dashboard
// and the demand page.
'use strict';
const { ok, done, launch, axe, login, journey, type, click, stepsReport } = require('./lib');

(async () => {
  const [base, email, password] = process.argv.slice(2);
  const { browser, close } = await launch();
  try {
    // --- the journey, counted: from the catalogue, a search with a typo,
    // the fiche, its first-screen button, the form's required fields
    const asking = journey('a requester finds the fiche with a typo and sends a demand');
    const first = await browser.newPage();
    await first.goto(`${base}/formations`);
    await type(asking, first.getByLabel(/^Rechercher/), 'cooperaton');
    await Promise.all([first.waitForURL(/\?/), click(asking, first.getByRole('button', { name: 'Filtrer' }))]);
    await Promise.all([first.waitForURL(/\/formations\/cooperation-territoriale$/),
      click(asking, first.getByRole('link', { name: /coopération/i }).first())]);
    await Promise.all([first.waitForURL(/\/demande\?formation=/),
      click(asking, first.getByRole('link', { name: 'Demander cette formation' }).first())]);
    await type(asking, first.getByLabel('Nom (obligatoire)', { exact: true }), 'Roux');
    await type(asking, first.getByLabel('Prénom (obligatoire)', { exact: true }), 'Anne');
    await type(asking, first.getByLabel(/^Adresse électronique/), 'anne.roux@caf87.caf.fr');
    await type(asking, first.getByLabel(/^Organisme/), 'Caf de la Haute-Vienne');
    await type(asking, first.getByLabel(/^Nombre de participants/), '6');
    await click(asking, first.getByLabel(/^J'accepte/));
    await Promise.all([first.waitForURL(/\/demande\/suivi\//),
      click(asking, first.getByRole('button', { name: 'Envoyer ma demande' }))]);
    ok(await first.getByRole('heading', { name: 'Demande envoyée' }).isVisible(),
      `the demand is sent in ${asking.clicks} clicks and ${asking.typed} fields`);
    ok(asking.clicks + asking.typed <= 11, 'in at most 11 steps (5 fields are required, the search typed once)',
      `${asking.clicks} clicks, ${asking.typed} typed`);
    await first.close();

    const page = await browser.newPage();
    await page.goto(`${base}/formations/cooperation-territoriale`);
    await page.getByRole('link', { name: 'Demander cette formation' }).first().click();
    await page.waitForURL(/\/demande\?formation=cooperation-territoriale/);
    ok(await page.getByLabel('Formation du catalogue').inputValue() === 'cooperation-territoriale',
      'the fiche leads to the form, prefilled');
    let v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the form', v.join('\n'));

    await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('Martin');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    ok(await page.getByText('Certains champs sont à corriger').isVisible(), 'a wrong form says what to fix');
    ok(await page.getByLabel('Nom (obligatoire)', { exact: true }).inputValue() === 'Martin', 'and keeps what was typed');
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the form with errors', v.join('\n'));

    await page.getByLabel('Prénom (obligatoire)', { exact: true }).fill('Claire');
    await page.getByLabel(/^Adresse électronique/).fill('claire.martin@caf23.caf.fr');
    await page.getByLabel(/^Organisme/).fill('Caf de la Creuse');
    await page.getByLabel(/^Nombre de participants/).fill('12');
    await page.getByLabel(/^J'accepte/).check();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.waitForURL(/\/demande\/suivi\//);
    ok(await page.getByRole('heading', { name: 'Demande envoyée' }).isVisible(), 'a confirmation page');
    ok(/D-\d{4}-\d{5}/.test(await page.locator('.panel .reference').innerText()), 'with the reference');
    ok(await page.getByText(/Un accusé de réception part à/).isVisible(), 'where the mail went');
    const next = await page.locator('main ol.next-steps').innerText();
    ok(/Nous vous répondons au plus tard le \S+ \d+\S* \S+ \d{4}/.test(next), 'the due date in words', next);
    ok(await page.getByRole('heading', { name: 'Ce que vous avez envoyé' }).isVisible(), 'and a summary of what was sent');
    ok(await page.getByText('Caf de la Creuse').isVisible(), 'with its organisation');
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the confirmation page', v.join('\n'));
    await page.setViewportSize({ width: 375, height: 812 });
    v = await axe(page);
    ok(v.length === 0, 'axe-core: none at 375 px either', v.join('\n'));
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.reload();
    await page.goto(page.url().replace(/\?envoyee=1$/, ''));
    ok(await page.getByRole('heading', { name: /Votre demande D-\d{4}-\d{5}/ }).isVisible(), 'the tracking page itself');
    ok(await page.getByText(/Réponse au plus tard le/).isVisible(), 'with the due date');
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the tracking page', v.join('\n'));

    const staff = await browser.newPage();
    await login(staff, base, email, password);
    await staff.goto(`${base}/intranet/demandes`);
    ok(await staff.getByRole('cell', { name: 'Caf de la Creuse' }).isVisible(), 'the dashboard lists it');
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the dashboard', v.join('\n'));
    await staff.getByRole('link', { name: /D-\d{4}-\d{5}/ }).first().click();
    await staff.waitForURL(/\/intranet\/demandes\/\d+/);
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the demand page', v.join('\n'));
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await close();
    stepsReport();
    done();
  }
})();
