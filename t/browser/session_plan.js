// The real fiche's INTRA session planned for a demand in Chromium, and
// the steps it takes (clicks and fields typed, printed at the end):
//   before: the session form, then ten half-days through the session
//     page's slot form, typing what that form asked before plans (date,
//     room, trainer, programme day, and an afternoon's times: it offered
//     9 h – 12 h 30); the page now proposes more, but those steps are
//     typed anyway so that the count is the old one;
//   after: one plan: the first day, the room, the trainer, the first day
//     of modules 4 and 5, "Vérifier", "Créer la session";
//   a slot added by hand after the plan, prefilled;
//   with JavaScript off: the same plan on taken dates, the conflicts
//     named before anything is saved, corrected, then created.
// axe-core at 1280 and 375 px on each new page.
// Arguments: base URL, the demo admin's email and password, then nine
// Tuesdays (YYYY-MM-DD): the plan's three module days, the old way's,
// and the corrected plan's.
'use strict';
const { ok, done, launch, login, journey, type, click, submit, stepsReport, checkPage } = require('./lib');

// A select set by the text of its option, or a box ticked: one field, one click.
async function pick(j, select, text) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value);
  j.typed++;
}
async function tick(j, box) {
  await box.check();
  j.clicks++;
}
// Follows a link and waits for the new page.
async function follow(j, page, link) {
  const before = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== before), link.click()]);
  j.clicks++;
}
function plus(day, n) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// From the demand page: its action "Répondre avec une session", then
// "Créer une session pour cette demande".
async function openSessionForm(j, page) {
  await follow(j, page, page.getByRole('link', { name: 'Répondre avec une session' }).first());
  await follow(j, page, page.getByRole('link', { name: 'Créer une session pour cette demande' }));
}

// The plan of the real fiche for a demand, from its page: what the
// assistant does on the plan form, up to "Vérifier". JavaScript or not,
// rows without a date follow the previous one.
async function plan(j, page, demandUrl, first, m4, m5) {
  await page.goto(demandUrl);
  await openSessionForm(j, page);
  await pick(j, page.getByLabel('Lieu', { exact: true }), 'Maison du plan');
  await type(j, page.getByLabel('Premier jour'), first);
  await pick(j, page.locator('#plan-salle'), 'Salle du plan');
  await tick(j, page.locator('#plan').getByLabel('Paule Planificatrice'));
  await type(j, page.locator('#jour-3'), m4);
  await type(j, page.locator('#jour-5'), m5);
}

(async () => {
  const [base, email, password, ...days] = process.argv.slice(2);
  const [a1, a3, a5, b1, b3, b5, c1, c3, c5] = days;
  const { browser, close } = await launch();
  const plain = await launch({ javaScriptEnabled: false });
  try {
    // --- a requester asks for the fiche's course, INTRA (not counted)
    const requester = await browser.newPage();
    await requester.goto(`${base}/formations/cooperation-territoriale`);
    await requester.getByRole('link', { name: 'Demander cette formation' }).first().click();
    await requester.waitForURL(/\/demande\?formation=cooperation-territoriale/);
    await requester.getByLabel('Nom (obligatoire)', { exact: true }).fill('Lemoine');
    await requester.getByLabel('Prénom (obligatoire)', { exact: true }).fill('Sophie');
    await requester.getByLabel(/^Adresse électronique/).fill('sophie.lemoine@caf23.caf.fr');
    await requester.getByLabel(/^Organisme/).fill('Caf de la Creuse');
    const intra = requester.getByLabel(/INTRA/).first();
    if (await intra.count()) await intra.check();
    await requester.getByLabel(/^Nombre de participants/).fill('10');
    await requester.getByLabel(/^J'accepte/).check();
    await requester.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await requester.waitForURL(/\/demande\/suivi\//);

    const staff = await browser.newPage();
    await login(staff, base, email, password);
    await staff.goto(`${base}/intranet/demandes`);
    await staff.getByRole('row', { name: /Caf de la Creuse/ }).getByRole('link', { name: /D-\d{4}-\d{5}/ }).first().click();
    await staff.waitForURL(/\/intranet\/demandes\/\d+/);
    const demandUrl = staff.url();

    // --- before: the session, then one half-day at a time
    const before = journey('before: the session form, then ten half-days one form at a time (the old way)');
    await openSessionForm(before, staff);
    await pick(before, staff.getByLabel('Lieu', { exact: true }), 'Maison du plan');
    // the old form's one button created the session alone: the form sent without a plan
    await Promise.all([staff.waitForURL(/\?fait=creee$/), staff.evaluate(() => document.getElementById('plan').submit())]);
    before.clicks++;
    ok(await staff.getByText(/Session créée, sans créneau/).isVisible(), 'the old way: the session alone first');
    const addForm = staff.locator('form', { has: staff.getByRole('button', { name: 'Ajouter le créneau' }) });
    const programme = addForm.getByLabel('Journée du programme');
    const oldDays = [b1, plus(b1, 1), b3, plus(b3, 1), b5];
    let added = 0;
    for (let k = 0; k < 5; k++) {
      for (const [start, end] of [['09:00', '12:30'], ['13:30', '17:00']]) {
        await type(before, addForm.getByLabel('Date', { exact: true }), oldDays[k]);
        if (start === '09:00') { // what the old form offered: not a step
          await addForm.getByLabel('Début (HH:MM)').fill(start);
          await addForm.getByLabel('Fin (HH:MM)').fill(end);
        } else {
          await type(before, addForm.getByLabel('Début (HH:MM)'), start);
          await type(before, addForm.getByLabel('Fin (HH:MM)'), end);
        }
        await pick(before, addForm.getByLabel('Salle', { exact: true }), 'Salle du plan');
        await tick(before, addForm.getByLabel('Paule Planificatrice'));
        await programme.selectOption({ index: k + 1 });
        before.typed++;
        if (await submit(before, staff, addForm.getByRole('button', { name: 'Ajouter le créneau' })) === 303) added++;
      }
    }
    ok(added === 10 && await staff.locator('tr[id^="creneau-"]').count() === 10, 'the old way: ten half-days added, one submission each');

    // --- after: one plan
    const after = journey('after: one plan for the whole session, checked, then created');
    await plan(after, staff, demandUrl, a1, a3, a5);
    ok(await staff.locator('#jour-1').inputValue() === a1 && await staff.locator('#jour-2').inputValue() === plus(a1, 1),
      'as the first day is typed, the next row takes the next working day', await staff.locator('#jour-2').inputValue());
    ok(await staff.locator('#jour-4').inputValue() === plus(a3, 1), "and module 4's second day follows its first",
      await staff.locator('#jour-4').inputValue());
    ok(await staff.locator('fieldset.plan-row').count() === 5, 'five rows: the days of the programme');
    ok(await staff.locator('#partie-1').inputValue() === 'journee' && await staff.locator('#debut-1').inputValue() === '09:00'
      && await staff.locator('#fin-1').inputValue() === '17:00', 'each a journée, 9 h – 17 h');
    await checkPage(staff, 'the plan form');
    ok(await submit(after, staff, staff.getByRole('button', { name: 'Vérifier le plan' }).first()) === 200, '"Vérifier le plan" shows it');
    ok(await staff.getByRole('heading', { name: /Le plan proposé : 5 journées/ }).isVisible(), 'five days, in words');
    ok(await staff.locator('table.plan .tag', { hasText: 'Libre' }).count() === 5, 'each row free');
    await checkPage(staff, 'the plan to check');
    ok(await submit(after, staff, staff.getByRole('button', { name: 'Créer la session' }).first()) === 303, 'one click creates it');
    const banner = await staff.locator('.notice').first().innerText();
    ok(/^Session créée avec 5 journées, du .+\.$/.test(banner), 'the banner names what was created', banner);
    ok(await staff.locator('tr[id^="creneau-"]').count() === 5, 'five slots on the session page');
    await checkPage(staff, 'the session page after the plan');

    // --- a slot by hand: proposed after the last one
    const byHand = journey('a slot added by hand after the plan');
    const nextForm = staff.locator('form', { has: staff.getByRole('button', { name: 'Ajouter le créneau' }) });
    ok(await nextForm.getByLabel('Date', { exact: true }).inputValue() === plus(a5, 1), 'the next working day is proposed');
    ok(await nextForm.getByLabel('Début (HH:MM)').inputValue() === '09:00' && await nextForm.getByLabel('Fin (HH:MM)').inputValue() === '17:00',
      "with the last slot's times");
    ok(await nextForm.getByLabel('Paule Planificatrice').isChecked()
      && /Salle du plan/.test(await nextForm.getByLabel('Salle', { exact: true }).locator('option:checked').innerText()),
      'its trainer and its room');
    ok(await submit(byHand, staff, nextForm.getByRole('button', { name: 'Ajouter le créneau' })) === 303
      && await staff.locator('tr[id^="creneau-"]').count() === 6, 'one click adds it');

    // --- JavaScript off: the same plan on taken dates, corrected
    const desk = await plain.browser.newPage();
    await login(desk, base, email, password);
    const off = journey('(JavaScript off) one plan, its conflicts shown and corrected, then created');
    await plan(off, desk, demandUrl, a1, a3, a5);
    ok(await desk.locator('#jour-2').inputValue() === '', 'without JavaScript the other dates are left to derive');
    ok(await submit(off, desk, desk.getByRole('button', { name: 'Vérifier le plan' }).first()) === 422, 'a plan on taken dates: 422');
    ok(await desk.locator('table.plan .tag', { hasText: 'À corriger' }).count() === 5, 'each row to correct');
    ok(await desk.getByText('La salle Salle du plan est déjà prise').first().isVisible()
      && await desk.getByText('Paule Planificatrice (formateur) est déjà pris').first().isVisible(), 'the room and the trainer named');
    ok(await desk.locator('.error-summary a[href="#jour-1"]').count() === 1, 'the error summary links to the first row');
    ok(await desk.getByRole('button', { name: 'Créer la session' }).count() === 0, 'nothing to create yet');
    // axe needs JavaScript: the page as served, in a tab that has it
    const copy = await browser.newPage();
    await copy.goto(`${base}/intranet`);
    await copy.setContent(await desk.content(), { waitUntil: 'load' });
    await checkPage(copy, 'the plan with its conflicts');
    await copy.close();
    await type(off, desk.getByLabel('Premier jour'), c1);
    await type(off, desk.locator('#jour-3'), c3);
    await type(off, desk.locator('#jour-5'), c5);
    ok(await submit(off, desk, desk.getByRole('button', { name: 'Vérifier à nouveau' })) === 200, 'checked again: clear');
    ok(await desk.locator('#jour-2').inputValue() === plus(c1, 1), 'the derived dates followed the new first day');
    ok(await submit(off, desk, desk.getByRole('button', { name: 'Créer la session' }).first()) === 303, 'and created');
    ok(/^Session créée avec 5 journées/.test(await desk.locator('.notice').first().innerText()), 'with its banner');

    ok(after.clicks + after.typed < (before.clicks + before.typed) / 4,
      `the plan takes ${after.clicks + after.typed} steps, the old way ${before.clicks + before.typed}`);
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    stepsReport();
    await plain.close();
    await close();
    done();
  }
})();
