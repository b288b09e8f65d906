// A chaud questionnaire answered in Chromium at 375 px (it has no script):
// the participant's page offers it as its primary action during the last
// half-day; a first try with answers missing comes back with the error
// summary, whose links lead to the questions; then every scale by its
// label, yes to "recommanderiez-vous", and the banner. axe-core checks the
// questionnaire, its refusal, its banner and the admins' model pages at
// 1280 and 375 px. Arguments: base URL, JSON facts (the participant's
// token, the chaud model's id, the admin's login).
'use strict';
const { ok, done, launch, login, journey, click, submit, stepsReport, checkPage } = require('./lib');

const PHONE = { width: 375, height: 812 };

(async () => {
  const [base, factsJson] = process.argv.slice(2);
  const facts = JSON.parse(factsJson);
  const [phoneB, deskB] = await Promise.all([
    // the pages have no script (t/99-questionnaires.t checks); axe-core needs one to run
    launch({ viewport: PHONE }),
    launch({ viewport: { width: 1280, height: 900 } }),
  ]);
  try {
    // the fiche's rate before the answer, read at another address than the
    // fiche's own, so that no copy of the page is in nginx's cache after it
    const respondents = async (page, path) => {
      await page.goto(`${base}${path}`);
      const text = await page.locator('main').innerText();
      const m = text.match(/(\d+) % de participants satisfaits \((\d+) réponses? sur (\d+) participants?/);
      return m ? { percent: Number(m[1]), n: Number(m[2]), of: Number(m[3]) } : { text: text.slice(0, 400) };
    };
    const reader = await deskB.browser.newPage();
    const before = await respondents(reader, '/formations/cooperation-territoriale?avant');
    ok(before.n >= 5, `the fiche shows a rate before (${before.percent} %, ${before.n} answers of ${before.of})`,
      JSON.stringify(before));

    const j = journey('the participant answers the chaud questionnaire on a phone');
    const page = await phoneB.browser.newPage();
    await page.goto(`${base}/participant/${facts.participant}`);
    const offer = page.getByRole('link', { name: 'Donner mon avis sur la formation' });
    ok(await offer.count() === 1, 'the participant\'s page offers the questionnaire');
    await click(j, offer);
    await page.waitForLoadState();
    ok(/\/questionnaire\/[0-9a-f]{64}$/.test(page.url()), 'which opens their questionnaire', page.url());
    await checkPage(page, 'the questionnaire');
    const scales = page.locator('fieldset.scale');
    const n = await scales.count();
    ok(n >= 8, `its scales are fieldsets (${n})`);
    // a first try: only the first scale
    await click(j, scales.nth(0).getByLabel('4', { exact: true }));
    await submit(j, page, page.getByRole('button', { name: 'Envoyer mes réponses' }));
    const summary = page.locator('.error-summary');
    ok(await summary.count() === 1, 'answers missing: the error summary');
    ok(/réponses à revoir/.test(await summary.innerText()), 'which counts them');
    ok(await scales.nth(0).getByLabel('4', { exact: true }).isChecked(), 'the answer given is kept');
    await checkPage(page, 'the questionnaire with its errors');
    const first = summary.getByRole('link').first();
    const href = await first.getAttribute('href');
    ok(href && await page.locator(href).count() === 1, 'the first link of the summary leads to its question', href);
    // the whole: 4 everywhere, yes
    for (let i = 0; i < n; i++)
      await click(j, scales.nth(i).getByLabel('4', { exact: true }));
    await click(j, page.getByRole('group', { name: /Recommanderiez-vous/ }).getByLabel('Oui'));
    await submit(j, page, page.getByRole('button', { name: 'Envoyer mes réponses' }));
    const banner = page.locator('.notice');
    ok(await banner.count() === 1 && /vos réponses sont enregistrées/.test(await banner.innerText()),
      'the banner says the answers are saved');
    await checkPage(page, 'the questionnaire answered');
    const after = await respondents(reader, '/formations/cooperation-territoriale');
    ok(after.n === before.n + 1 && after.of === before.of,
      `the fiche's rate counts the new answer (${after.percent} %, ${after.n} answers of ${after.of})`,
      JSON.stringify(after));

    const admin = journey('an admin opens the questionnaire models');
    const desk = await deskB.browser.newPage();
    admin.typed += 2; admin.clicks += 1;
    await login(desk, base, ...facts.admin);
    await desk.goto(`${base}/intranet/questionnaires`);
    await checkPage(desk, 'the list of models');
    await desk.goto(`${base}/intranet/questionnaires/${facts.model}`);
    ok(/Votre avis sur la formation/.test(await desk.getByRole('heading', { level: 1 }).innerText()), 'the chaud model');
    await checkPage(desk, 'the model editor');
    stepsReport();
  } finally {
    await Promise.all([phoneB.close(), deskB.close()]);
  }
  done();
})().catch((e) => { ok(false, 'the browser test ran to its end', e.stack); done(); });
