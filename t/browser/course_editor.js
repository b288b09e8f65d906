// The course editor in a Chromium without JavaScript: a conseiller edits
// the programme of the real fiche as fields (adds a step to a day of
// module 4 and makes it a sub-step, rewrites a day's subject, removes a
// step), the buttons coming back to the row they changed and the save
// bar staying on screen; then the same change the old way, through the
// programme's text, for comparison. A refused save lists its errors as
// links to the fields; each line of the completeness page leads to its
// field. axe-core (which needs JavaScript to run) checks the same pages,
// drawn by a second Chromium, at 1280 and 375 px: the pages carry no
// script, so they are the same with or without it. The steps of each
// journey (clicks, fields typed) are printed as TAP comments.
// Arguments: base URL, the admin's address and password.
'use strict';
const { ok, done, launch, login, journey, type, click, submit, stepsReport, checkPage } = require('./lib');

function logIn(j, page, base, email, password) {
  j.typed += 2; // the login helper types the address and the password
  j.clicks += 1; // and clicks "Se connecter"
  return login(page, base, email, password);
}

// Whether the element is wholly inside the viewport (seen without scrolling).
async function onScreen(page, locator) {
  const box = await locator.boundingBox();
  const { height } = page.viewportSize();
  return !!box && box.y >= 0 && box.y + box.height <= height;
}

(async () => {
  const [base, email, password] = process.argv.slice(2);
  const { browser, close } = await launch({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  const checker = await launch({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await browser.newPage();
    const editing = journey('(JavaScript off) a conseiller adds a sub-step to a day of the real fiche, rewrites a day\'s subject, removes a step, as fields');
    await logIn(editing, page, base, email, password);
    await click(editing, page.getByRole('navigation', { name: "Navigation de l'intranet" }).getByRole('link', { name: 'Catalogue' }));
    await page.waitForURL(/\/intranet\/formations$/);
    await click(editing, page.getByRole('link', { name: /Accompagner l'implantation/ }).first());
    await page.waitForURL(/\/intranet\/formations\/\d+$/);
    const edit = page.url();
    ok(/Accompagner l'implantation/.test(await page.locator('h1').innerText()), 'the editor of the real fiche');
    const toc = page.getByRole('navigation', { name: 'Sections de la fiche' });
    const sections = ['Présentation', 'Public et pré-requis', 'Objectifs', 'Programme', 'Modalités et évaluation',
      'Accessibilité et contacts', 'Tarifs et satisfaction'];
    for (const s of sections) {
      ok(await page.getByRole('heading', { level: 2, name: s, exact: true }).count() === 1
        && await toc.getByRole('link', { name: s, exact: true }).count() === 1,
        `section « ${s} »: its heading and its entry in the table of contents`);
    }

    // The save bar is on screen wherever one is in the form.
    const save = page.locator('.save-bar').getByRole('button', { name: 'Enregistrer la fiche' });
    await page.locator('#f-contact_text').scrollIntoViewIfNeeded();
    ok(await onScreen(page, save), 'far down the form, the save button is on screen');

    // Add a step to module 4 (the form's second), day 1: the page comes back at the new field.
    const day = page.locator('#jour-m2-d1');
    ok(await day.getByRole('textbox', { name: 'Étape 4' }).inputValue()
      === "Imaginer des espaces d'animation d'une démarche de Coopération Territoriale (tables de concertation).",
      'module 4, day 1 has its four steps as fields');
    ok(await submit(editing, page, day.getByRole('button', { name: 'Ajouter une étape à la journée 1' })) === 200,
      'adding a step without JavaScript: the form again');
    ok(/#f-m2-d1-s5-text$/.test(page.url()), 'at the new step\'s anchor', page.url());
    const fresh = page.locator('#f-m2-d1-s5-text');
    ok(await fresh.inputValue() === '' && await onScreen(page, fresh), 'the new step, empty, on screen');
    ok(await onScreen(page, save), 'with the save button');
    ok(/Étape ajoutée à la journée 1 du module 2/.test(await page.getByRole('status').innerText()), 'a banner says so');
    await type(editing, fresh, 'Mettre en scène une table de concertation, en petits groupes.');
    await page.locator('#f-m2-d1-s5-level').selectOption('1');
    editing.typed++;
    await type(editing, page.locator('#f-m2-d2-subject'), 'Faire évoluer les compétences et les postures des Chargés de coopération territoriale.');
    // Remove the third step of module 3, day 2.
    ok(await submit(editing, page, page.locator('#jour-m1-d2').getByRole('button', { name: "Retirer l'étape 3" })) === 200,
      'removing a step: the form again');
    ok(/#jour-m1-d2$/.test(page.url()) && await onScreen(page, page.locator('#jour-m1-d2 legend')),
      'back at the day', page.url());
    ok(await page.locator('#f-m2-d1-s5-text').inputValue() === 'Mettre en scène une table de concertation, en petits groupes.',
      'what was typed before is kept');
    ok(await submit(editing, page, save) === 303, 'saved from the save bar');
    ok(/Les modifications sont enregistrées/.test(await page.getByRole('status').innerText()), 'saved, says the banner');

    const fiche = await browser.newPage();
    await fiche.goto(`${base}/formations/cooperation-territoriale?v=1`);
    const programme = await fiche.locator('section.programme').innerText();
    ok(programme.includes('Mettre en scène une table de concertation, en petits groupes.'), 'the public fiche shows the new step');
    ok(await fiche.locator('li.sub', { hasText: 'Mettre en scène une table' }).count() === 1, 'as a sub-step');
    ok(programme.includes('Faire évoluer les compétences et les postures des Chargés de coopération territoriale.'),
      'and the new subject');
    ok(!programme.includes("Identifier les différents niveaux de l'évaluation."), 'without the step removed');
    ok(programme.includes("S'accorder sur ce que l'on ambitionne"), 'the steps around it kept');

    // The same kind of change the old way: through the programme's text.
    const text = journey('(JavaScript off, for comparison) the same kind of change through the programme\'s text');
    await page.goto(edit);
    text.clicks += 2; // the two links from the intranet menu to the editor, as above
    await click(text, page.getByText('Importer ou modifier le programme au format texte'));
    const area = page.locator('#f-programme');
    const outline = await area.inputValue();
    await type(text, area, outline.replace('- Jeux d\'appréhension de la coopération.\n',
      '- Jeux d\'appréhension de la coopération.\n  - Un jeu de plus, par le texte.\n'));
    ok(await submit(text, page, save) === 303, 'the text form still saves');
    await fiche.goto(`${base}/formations/cooperation-territoriale?v=2`);
    ok((await fiche.locator('section.programme').innerText()).includes('Un jeu de plus, par le texte.'), 'and the fiche follows');

    // A refused save: the summary links to the field, everything kept.
    await page.goto(edit);
    await page.locator('#f-m2-d1-heading').fill('');
    await page.locator('#f-title').fill('');
    await page.locator('#f-audience').fill('Un public tapé avant l\'erreur');
    ok(await submit(journey('(error) a day without heading'), page, save) === 422, 'a day without heading: refused');
    const summary = page.locator('.error-summary');
    ok(await summary.isVisible(), 'an error summary');
    const links = await summary.locator('a').evaluateAll((as) => as.map((x) => x.getAttribute('href')));
    ok(links.join(' ') === '#f-title #f-m2-d1-heading', 'its links: the title, the day\'s heading', links.join(' '));
    await summary.getByRole('link', { name: /Module 2, journée 1/ }).click();
    ok(await onScreen(page, page.locator('#f-m2-d1-heading')), 'the link leads to the field');
    ok(await page.locator('#f-audience').inputValue() === 'Un public tapé avant l\'erreur', 'what was typed is kept');

    // The completeness page: each line leads to its field.
    await page.goto(`${base}/intranet/formations/completude`);
    const real = page.locator('section.completeness', { hasText: /Accompagner l'implantation/ });
    await real.getByRole('link', { name: 'Tarifs' }).click();
    await page.waitForURL(/#f-prices$/);
    ok(await onScreen(page, page.locator('#f-prices')), 'the line « Tarifs » leads to the prices field, on screen');

    // axe-core on the pages of the journey.
    const a = await checker.browser.newPage();
    await login(a, base, email, password);
    await a.goto(edit);
    await checkPage(a, 'the course editor');
    await a.locator('#jour-m2-d1').getByRole('button', { name: 'Ajouter une étape à la journée 1' }).click();
    await a.waitForURL(/#f-m2-d1-s\d+-text$/);
    await checkPage(a, 'the editor after adding a step');
    await a.locator('#f-m2-d1-heading').fill('');
    await a.locator('.save-bar').getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await a.locator('.error-summary').waitFor();
    await checkPage(a, 'the editor with errors');
    await a.goto(`${base}/intranet/formations/completude`);
    await checkPage(a, 'the completeness page');
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await checker.close();
    await close();
    stepsReport();
    done();
  }
})();
