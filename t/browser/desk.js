// A conseiller's day in Chromium: the home's primary action opens the
// demand due first, one click takes it, "Répondre" opens the answer's own
// form, the banner says what happened and leads to the next demand of the
// list. Steps are counted (clicks and fields typed). axe-core checks the
// demand page with its actions, with the answer's form, after an error and
// after the answer; the same journey runs again with JavaScript off.
// Arguments: base URL, the conseiller's email and password. The .t wrapper
// inserted D-2025-70001..3, due two days ago, today and in four days.
'use strict';
const { ok, done, launch, login, journey, type, click, submit, stepsReport, checkPage } = require('./lib');

async function follow(j, page, target) {
  const before = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== before), target.click()]);
  j.clicks++;
}

const reference = async (page) => (await page.locator('h1').innerText()).replace(/^Demande (\S+).*$/s, '$1');
const banner = async (page) => ((await page.locator('.notice').count()) ? page.locator('.notice').innerText() : '');

// From the home to an answered demand, then to the next one; returns the
// references seen: [the one answered, the next].
async function answerFirst(page, base, j, text, check) {
  await page.goto(`${base}/intranet`);
  await follow(j, page, page.getByRole('link', { name: 'Traiter la demande due en premier' }));
  const first = await reference(page);
  if (check) await checkPage(page, 'the demand page with its actions');
  let status = await submit(j, page, page.getByRole('button', { name: "M'attribuer la demande" }));
  ok(status === 303 && /Demande attribuée à vous\./.test(await banner(page)), `${first}: taken in one click`, await banner(page));
  await follow(j, page, page.getByRole('link', { name: 'Répondre', exact: true }));
  ok((await page.locator('main form[method="post"]').count()) === 1
    && (await page.getByRole('group', { name: 'Issue de la réponse' }).count()) === 1,
  `${first}: the answer's form alone, with its outcome`);
  if (check) {
    await checkPage(page, 'the answer form');
    await page.getByRole('radio', { name: /^Refusée/ }).check();
    status = await submit({ clicks: 0 }, page, page.getByRole('button', { name: 'Envoyer la réponse' }));
    ok(status === 422 && await page.getByRole('radio', { name: /^Refusée/ }).isChecked(),
      'a refusal without its reason: 422, the outcome kept', status);
    const link = page.locator('.error-summary a');
    ok((await link.count()) === 1 && (await link.getAttribute('href')) === '#commentaire',
      'the error summary links to the field');
    await checkPage(page, 'the answer form with an error');
    await page.getByRole('radio', { name: /^Acceptée/ }).check();
  }
  await type(j, page.getByLabel(/^Message à /), text);
  status = await submit(j, page, page.getByRole('button', { name: 'Envoyer la réponse' }));
  const said = await banner(page);
  ok(status === 303 && /^Réponse envoyée à Marie Durand\d \(marie\.durand\d@caf\.example\), issue : Acceptée\./.test(said),
    `${first}: the banner names the answer, its requester and its outcome`, said);
  if (check) await checkPage(page, 'the demand page after the answer');
  await follow(j, page, page.getByRole('link', { name: /^Passer à la demande suivante/ }));
  return [first, await reference(page)];
}

(async () => {
  const [base, email, password] = process.argv.slice(2);
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    await login(page, base, email, password);
    const j = journey('a conseiller answers the demand due first and goes on to the next');
    const [first, next] = await answerFirst(page, base, j, 'Nous vous proposons une session en mars.', true);
    ok(first === 'D-2025-70001', 'the home led to the demand due first', first);
    ok(next === 'D-2025-70002', 'and its banner to the next by due date', next);
    ok(j.clicks === 5 && j.typed === 1, `answered in 4 clicks and 1 field, then 1 click to the next (${j.clicks} clicks, ${j.typed} typed)`);
    const track = await browser.newPage();
    await track.goto(`${base}/demande/suivi/${'desk-tracking-1-'.padEnd(43, 'x')}`);
    ok(/Nous vous proposons une session en mars\./.test(await track.locator('main').innerText()),
      'the requester reads the answer on their tracking page');
  } finally {
    await close();
  }
  // JavaScript off: the same journey (the page has no script of its own).
  const nojs = await launch({ javaScriptEnabled: false });
  try {
    const page = await nojs.browser.newPage();
    await login(page, base, email, password);
    const j = journey('the same without JavaScript');
    const [first, next] = await answerFirst(page, base, j, 'Sans JavaScript aussi.', false);
    ok(first === 'D-2025-70002' && next === 'D-2025-70003', `without JavaScript: ${first} answered, then ${next}`);
  } finally {
    await nojs.close();
  }
  stepsReport();
  done();
})().catch((e) => { ok(false, 'the journey ran to its end', e.stack); done(); });
