// The evaluation results and the Qualiopi figures in Chromium: axe-core
// finds no A/AA violation on a session's results (its SVG charts, their
// tables), the results of all sessions and the figures, at 1280 and
// 375 px, and nothing scrolls sideways on a phone. Arguments: base URL,
// JSON facts (a session id, the admin's login).
'use strict';
const { ok, done, launch, login, journey, stepsReport, checkPage } = require('./lib');

(async () => {
  const [base, factsJson] = process.argv.slice(2);
  const facts = JSON.parse(factsJson);
  const desk = await launch({ viewport: { width: 1280, height: 900 } });
  try {
    const j = journey('an admin reads the results of a session and the Qualiopi figures');
    const page = await desk.browser.newPage();
    j.typed += 2; j.clicks += 1;
    await login(page, base, ...facts.admin);
    await page.goto(`${base}/intranet/evaluations?session=${facts.session}`);
    const charts = page.getByRole('img');
    ok(await charts.count() >= 8, `the session's results have their charts (${await charts.count()})`);
    ok(await page.getByRole('img', { name: /Dans l'ensemble, êtes-vous satisfait/ }).count() === 1,
      'each chart is named by its question');
    ok(await page.getByRole('img', { name: /Niveau moyen auto-évalué sur chaque objectif/ }).count() === 1
      && await page.getByRole('table', { name: /Niveau moyen auto-évalué par objectif/ }).count() === 1,
      'the evaluation of objectives, before and after: a chart and a table');
    await checkPage(page, 'the results of a session');
    await page.goto(`${base}/intranet/evaluations?session=${facts.session}&tri=apres`);
    await checkPage(page, 'the results of a session, sorted by the level after');
    await page.goto(`${base}/intranet/evaluations`);
    await checkPage(page, 'the results of every session');
    await page.goto(`${base}/intranet/qualite`);
    ok(await page.getByRole('table', { name: /Formations ayant une session finie/ }).count() === 1,
      'the Qualiopi figures');
    await checkPage(page, 'the Qualiopi figures');
    stepsReport();
  } finally {
    await desk.close();
  }
  done();
})().catch((e) => { ok(false, 'the browser test ran to its end', e.stack); done(); });
