// A session planned through the real forms in Chromium: a requester sends
// a demand, staff create a session from it, add slots (one refused for a
// conflict), find it in the calendar's month, week and list views, and
// answer the demand with it; the public sessions list and a fiche show the
// sessions. axe-core checks every page of the way.
// Arguments: base URL, the demo admin's email and password, and the day of
// the slots (YYYY-MM-DD, a Tuesday weeks ahead). The .t wrapper inserted
// the room "Salle Navigateur" and the trainer "Alice Navigatrice".
'use strict';
const { ok, done, launch, axe, login } = require('./lib');

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre'];

// Chooses the option of a select by the text it shows.
async function choose(select, text) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value);
}

// Clicks a button that submits a form and waits for the page that answers;
// returns the status of the POST (303 when it went through).
async function submit(page, button) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    button.click(),
  ]);
  return res.status();
}

// Follows a link (or a GET form's button) and waits for the new page.
async function follow(page, target) {
  const before = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== before), target.click()]);
}

(async () => {
  const [base, email, password, day] = process.argv.slice(2);
  const [year, month] = day.split('-').map(Number);
  const monthTitle = `${MONTHS[month - 1]} ${year}`;
  const { browser, close } = await launch();
  try {
    // --- the requester sends a demand for the fiche's course
    const requester = await browser.newPage();
    await requester.goto(`${base}/formations/cooperation-territoriale`);
    await requester.getByRole('link', { name: 'Demander cette formation' }).first().click();
    await requester.waitForURL(/\/demande\?formation=cooperation-territoriale/);
    await requester.getByLabel('Nom (obligatoire)', { exact: true }).fill('Le Floch');
    await requester.getByLabel('Prénom (obligatoire)', { exact: true }).fill('Yann');
    await requester.getByLabel(/^Adresse électronique/).fill('yann.lefloch@caf56.caf.fr');
    await requester.getByLabel(/^Organisme/).fill('Caf du Morbihan');
    await requester.getByLabel(/^Nombre de participants/).fill('9');
    await requester.getByLabel(/^J'accepte/).check();
    await requester.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await requester.waitForURL(/\/demande\/suivi\//);
    ok(await requester.getByRole('heading', { name: 'Demande envoyée' }).isVisible()
      && /D-\d{4}-\d{5}/.test(await requester.locator('.panel .reference').innerText()),
      'the requester sends a demand and reads its confirmation, with the reference');

    // --- staff open it and create a session for it
    const staff = await browser.newPage();
    await login(staff, base, email, password);
    await staff.getByRole('navigation').getByRole('link', { name: 'Demandes', exact: true }).click();
    await staff.getByRole('row', { name: /Caf du Morbihan/ }).getByRole('link', { name: /D-\d{4}-\d{5}/ }).click();
    await staff.waitForURL(/\/intranet\/demandes\/\d+/);
    const demandUrl = staff.url();
    const reference = (await staff.locator('h1').innerText()).match(/D-\d{4}-\d{5}/)[0];
    await follow(staff, staff.getByRole('link', { name: 'Répondre avec une session' }).first());
    ok(await staff.getByRole('heading', { name: 'Répondre avec une session' }).isVisible(),
      'the demand page offers to answer with a session');
    await staff.getByRole('link', { name: 'Créer une session pour cette demande' }).click();
    await staff.waitForURL(/\/intranet\/sessions\/nouvelle\?demande=\d+/);
    ok(await staff.getByRole('link', { name: reference, exact: true }).isVisible(), 'the new-session form names the demand');
    const course = staff.getByLabel('Formation', { exact: true });
    const chosen = await course.locator('option:checked').innerText();
    ok(/Accompagner l'implantation des chargés de coopération/.test(chosen), 'prefilled with the course', chosen);
    ok(await staff.getByLabel(/INTRA \(pour un organisme/).isChecked(), 'as an INTRA session');
    ok(await staff.getByLabel('Organisme (session INTRA)').inputValue() === 'Caf du Morbihan', 'for the organisation');
    ok(await staff.getByLabel('Participants maximum').inputValue() === '9', 'with the participants as maximum');
    let v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the new-session form', v.join('\n'));

    await choose(staff.getByLabel('Lieu', { exact: true }), 'Lieu du test navigateur');
    await staff.getByLabel('Participants minimum').fill('4');
    await staff.getByLabel('Notes internes').fill('Créée par le test du navigateur.');
    // the slots come one by one below: the plan's rows are taken out
    // (t/92-browser-session-plan.t plans them in one form)
    for (const box of await staff.getByLabel('Retirer cette ligne').all()) await box.check();
    ok(await submit(staff, staff.getByRole('button', { name: 'Vérifier le plan' }).first()) === 200, 'the session is checked');
    ok(await submit(staff, staff.getByRole('button', { name: 'Créer la session' }).first()) === 303, 'the session is created');
    await staff.waitForURL(/\/intranet\/sessions\/\d+\?fait=creee$/);
    const sessionUrl = staff.url().replace(/\?.*/, '');
    ok(await staff.getByText('Aucun créneau pour l\'instant.').isVisible(), 'its page, without a slot yet');

    // --- a slot, then one refused for a conflict, then the right one
    const addForm = staff.locator('form', { has: staff.getByRole('button', { name: 'Ajouter le créneau' }) });
    const fillSlot = async (start, end) => {
      await addForm.getByLabel('Date', { exact: true }).fill(day);
      await addForm.getByLabel('Début (HH:MM)').fill(start);
      await addForm.getByLabel('Fin (HH:MM)').fill(end);
      await choose(addForm.getByLabel('Salle', { exact: true }), 'Salle Navigateur');
      await addForm.getByLabel('Alice Navigatrice').check();
    };
    await fillSlot('09:00', '12:30');
    ok(await submit(staff, addForm.getByRole('button', { name: 'Ajouter le créneau' })) === 303, 'a morning slot is added');
    await staff.waitForURL(/#creneau-\d+$/);
    const slotId = staff.url().match(/#creneau-(\d+)$/)[1];
    const row = staff.locator(`#creneau-${slotId}`);
    ok(await row.isVisible(), 'the slot is on the session page');
    ok(/Salle Navigateur/.test(await row.innerText()) && /Alice Navigatrice/.test(await row.innerText()),
      'with its room and trainer', await row.innerText());

    await fillSlot('11:00', '14:00');
    ok(await submit(staff, addForm.getByRole('button', { name: 'Ajouter le créneau' })) === 422,
      'an overlapping slot in the same room with the same trainer is refused (422)');
    ok(await staff.locator('#erreur-creneau').isVisible(), 'with an error');
    const conflicts = staff.locator('.conflicts');
    ok(await conflicts.getByRole('heading', { name: 'Ce qui est déjà pris' }).isVisible(), 'and the list of what is taken');
    ok(await conflicts.locator(`a[href$="#creneau-${slotId}"]`).count() > 0, 'which links to the slot in the way');
    ok(await addForm.getByLabel('Début (HH:MM)').inputValue() === '11:00', 'the typed times are kept');
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the session page with a refused slot', v.join('\n'));

    await addForm.getByLabel('Début (HH:MM)').fill('13:30');
    await addForm.getByLabel('Fin (HH:MM)').fill('17:00');
    ok(await submit(staff, addForm.getByRole('button', { name: 'Ajouter le créneau' })) === 303, 'the afternoon slot is added');
    ok(await staff.locator('tr[id^="creneau-"]').count() === 2, 'the session has two slots');
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the session page with slots', v.join('\n'));

    // --- the calendar: the month of the slots, then the week, then the list
    const slotLink = (p) => p.locator(`a[href$="#creneau-${slotId}"]`);
    await follow(staff, staff.getByRole('navigation').getByRole('link', { name: 'Calendrier', exact: true }));
    for (let i = 0; i < 4 && (await staff.locator('#periode').innerText()) !== monthTitle; i++)
      await follow(staff, staff.getByRole('link', { name: 'Suivant →' }));
    ok(await staff.locator('#periode').innerText() === monthTitle, `"Suivant" leads to ${monthTitle}`);
    const cell = staff.locator('table.calendar td', { has: staff.locator(`time[datetime="${day}"]`) });
    ok(await cell.locator(`a[href$="#creneau-${slotId}"]`).isVisible(), 'the month grid shows the slot on its day');
    ok(/9 h/.test(await slotLink(staff).innerText()), 'with its time', await slotLink(staff).innerText());
    ok(await staff.getByRole('link', { name: 'Mois', exact: true }).getAttribute('aria-current') === 'page', 'the month tab is current');
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the month view', v.join('\n'));

    await choose(staff.getByLabel('Formateur', { exact: true }), 'Alice Navigatrice');
    await follow(staff, staff.getByRole('button', { name: 'Filtrer' }));
    ok(/^2 créneau/.test(await staff.locator('p.count').innerText()), 'filtered by the trainer: her two slots',
      await staff.locator('p.count').innerText());

    await follow(staff, staff.getByRole('link', { name: 'Semaine' }));
    for (let i = 0; i < 6 && await staff.locator(`time[datetime="${day}"]`).count() === 0; i++)
      await follow(staff, staff.getByRole('link', { name: 'Suivant →' }));
    ok(await slotLink(staff).isVisible(), 'the week view shows the slot');
    ok(await staff.locator('table.calendar-semaine').isVisible(), 'as a week grid');
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the week view', v.join('\n'));

    await follow(staff, staff.getByRole('link', { name: 'Liste' }));
    ok(await slotLink(staff).isVisible(), 'the list view shows the slot');
    ok(await staff.locator(`h3 time[datetime="${day}"]`).isVisible(), 'under its day');
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the list view', v.join('\n'));

    // Back to the unfiltered month: with the demo's sessions around.
    await follow(staff, staff.getByRole('link', { name: 'Mois', exact: true }));
    await staff.getByLabel('Formateur', { exact: true }).selectOption('');
    await follow(staff, staff.getByRole('button', { name: 'Filtrer' }));
    ok(await slotLink(staff).isVisible() && await staff.locator('li.slot').count() > 2,
      'the whole month shows the slot among the others');

    // --- answering the demand with the session
    await staff.goto(sessionUrl);
    await follow(staff, staff.getByRole('link', { name: reference }));
    ok(staff.url().replace(/\?.*/, '') === demandUrl.replace(/\?.*/, ''), 'the session page links to its demand');
    await follow(staff, staff.getByRole('link', { name: 'Répondre avec une session' }).first());
    const proposed = await staff.getByLabel('Session proposée').locator('option:checked').innerText();
    ok(/créée pour cette demande/.test(proposed), 'the session made for the demand is proposed first', proposed);
    v = await axe(staff);
    ok(v.length === 0, 'axe-core: no A/AA violation on the demand page with its session', v.join('\n'));
    await staff.getByLabel('Message joint aux dates (facultatif)').fill('Voici les dates prévues à Vannes.');
    ok(await submit(staff, staff.getByRole('button', { name: /^Envoyer les dates/ })) === 303,
      'the demand is answered with the session');
    const state = await staff.locator('dl.facts dd').first().innerText();
    ok(/Répondue/.test(state) && /accept/i.test(state), 'the demand is answered, accepted', state);
    ok(await staff.getByText(/Nous vous proposons la session/).first().isVisible(), 'the answer is in its history');
    ok(await staff.getByRole('heading', { name: 'Répondre avec une session' }).count() === 0, 'and it offers no more answer');
    await requester.reload();
    ok(await requester.getByText('Réponse envoyée', { exact: true }).isVisible(), 'the requester sees the answer');
    ok(await requester.getByText(/Nous vous proposons la session/).isVisible(), 'with the session');

    // --- the public side
    const pub = await browser.newPage();
    await pub.goto(`${base}/`);
    await follow(pub, pub.getByRole('navigation').getByRole('link', { name: 'Sessions à venir' }));
    const cards = await pub.locator('ul.sessions li.session').count();
    ok(cards > 10, `/sessions lists the demo's sessions (${cards})`);
    v = await axe(pub);
    ok(v.length === 0, 'axe-core: no A/AA violation on /sessions', v.join('\n'));
    await follow(pub, pub.locator('li.session h3 a').first());
    const next = pub.locator('section.next-sessions');
    ok(await next.getByRole('heading', { name: 'Sessions à venir' }).isVisible(), 'the fiche has its "Sessions à venir"');
    ok(await next.locator('li').count() > 0, 'with sessions listed');
    v = await axe(pub);
    ok(v.length === 0, 'axe-core: no A/AA violation on a fiche with sessions', v.join('\n'));
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await close();
    done();
  }
})();
