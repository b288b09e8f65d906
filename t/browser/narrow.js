// The intranet pages with data tables at a phone's width (375 px), in
// Chromium, logged in as the demo admin: the page does not scroll sideways
// (a wide table scrolls in its own region, named by the table's caption and
// reachable with the keyboard), and axe-core finds no A/AA violation. At a
// desktop's width the regions change nothing: no scroll bar, the table as
// wide as before. (The figures page has the same checks in figures.js.)
// Arguments: base URL, the demo admin's email and password, and a JSON of
// facts from the wrapper (ids of a place with rooms, a session with slots,
// a course with history; the email of the inserted demand).
'use strict';
const { ok, done, launch, axe, login, horizontalFit, checkPage } = require('./lib');

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const show = (got, want) => `got:  ${JSON.stringify(got)}\nwant: ${JSON.stringify(want)}`;

// For each table of the page: its region's role, tabindex and accessible
// name (the text its aria-labelledby points to, when that is the caption).
function regionsOf(page) {
  return page.locator('main table').evaluateAll((tables) => tables.map((t) => {
    const r = t.parentElement;
    const id = r.getAttribute('aria-labelledby');
    const named = id && t.caption && t.caption.id === id
      && document.querySelectorAll(`[id="${id}"]`).length === 1;
    return [r.tagName === 'DIV' && r.classList.contains('table-scroll') ? r.getAttribute('role') : null,
      r.getAttribute('tabindex'), named ? t.caption.textContent : null];
  }));
}

// The site's header on a phone: a compact bar (issue 15: it was 130 to
// 175 px high, a quarter of the screen, before the menu went behind a button).
const HEADER_MAX = 80;
const headerHeight = (page) => page.locator('header.site').evaluate((h) => Math.round(h.getBoundingClientRect().height));

// At 375 px the navigation's links are hidden until "Menu" is pressed.
async function menuOpens(page, base, path, link) {
  await page.goto(`${base}${path}`);
  const nav = page.getByRole('navigation').getByRole('link', { name: link, exact: true });
  ok(!(await nav.isVisible()), `${path}: at 375 px the link "${link}" is behind the menu`);
  await page.locator('header.site summary').click();
  ok(await nav.isVisible(), `${path}: the menu button shows the link "${link}"`);
}

(async () => {
  const [base, email, password, factsJson] = process.argv.slice(2);
  const facts = JSON.parse(factsJson);
  const pages = [
    ['places', '/intranet/lieux', ['Lieux et salles de classe virtuelles']],
    ['trainers', '/intranet/formateurs', ['Formateurs internes et externes']],
    ['users', '/intranet/utilisateurs', ["Comptes de l'intranet"]],
    ['journal', '/intranet/journal', ['Journal des événements']],
    ['courses', '/intranet/formations', ['Toutes les formations']],
    ['a place', `/intranet/lieux/${facts.place}`, [/^Salles de ce lieu \(capacité du lieu : \d+ places\)$/]],
    ['a session', `/intranet/sessions/${facts.session}`, ['Créneaux de la session', 'Participants confirmés', 'Présences par demi-journée']],
    ['a course', `/intranet/formations/${facts.course}`, ['Historique des modifications']],
    ['closures', '/intranet/fermetures', ['Jours de fermeture à venir', /^Jours fériés appliqués d'office, \d{4} et \d{4}$/]],
    ['demands', '/intranet/demandes', ['Demandes, par échéance']],
    ['failed mails', '/intranet/courriers', ['Courriels abandonnés, du plus récent au plus ancien']],
    ["a requester's data", `/intranet/donnees?email=${encodeURIComponent(facts.requester)}`,
      ['Demandes de cette adresse']],
    ['accessibility needs', '/intranet/accessibilite', []],
    ['a certified half-day', `/intranet/presence/${facts.halfday}`, ['Présences de la demi-journée']],
    ["a participant's page", `/participant/${facts.participant}`, []],
    ['a session with its attestations', `/intranet/sessions/${facts.certified_session}`,
      ['Créneaux de la session', 'Participants confirmés', 'Présences par demi-journée', 'Attestations émises']],
    ["an attested participant's page", `/participant/${facts.certified}`, []],
    ['the verification of an attestation', `/attestations/${facts.code}`, []],
    ['the intranet home (work queue)', '/intranet', []],
    ['the calendar, list view', '/intranet/calendrier?vue=liste', []],
    ['a catalogue search with a typo', '/formations?q=cooperaton', []],
    ['a demand, its actions', `/intranet/demandes/${facts.demand}?liste=`, []],
    ['a demand, its answer form', `/intranet/demandes/${facts.demand}?liste=&faire=repondre`, []],
    ['the public home', '/', []],
    ['the catalogue', '/formations', []],
    ['the fiche', '/formations/cooperation-territoriale', []],
    ['the public sessions', '/sessions', []],
    ['the demand form', '/demande', []],
  ];
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    await login(page, base, email, password);

    // --- a phone's width
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [name, path, captions] of pages) {
      const res = await page.goto(`${base}${path}`);
      ok(res.status() === 200, `${name}: ${path} (200)`, res.status());
      const got = await regionsOf(page);
      const fits = got.length === captions.length && got.every(([role, tabindex, label], i) =>
        role === 'region' && tabindex === '0' && label !== null
        && (captions[i] instanceof RegExp ? captions[i].test(label) : label === captions[i]));
      ok(fits, `${name}: each table in a focusable region named by its caption`, show(got, captions.map(String)));
      const fit = await horizontalFit(page);
      ok(fit.client === 375 && fit.scroll <= fit.client,
        `${name}: 375 px wide, no horizontal scroll (scrollWidth ${fit.scroll}, clientWidth ${fit.client})`,
        fit.wide.join('\n'));
      const v = await axe(page);
      ok(v.length === 0, `${name}: axe-core, no A/AA violation at 375 px`, v.join('\n'));
      const header = await headerHeight(page);
      ok(header <= HEADER_MAX, `${name}: the header is at most ${HEADER_MAX} px high at 375 px`, `${header} px`);
    }

    // --- the menu behind its button on a phone, opened without JavaScript
    // (a <details>); the public pages, with their own menu, have the
    // compact header too (in a page of their own, at 375 px as well)
    await menuOpens(page, base, '/intranet', 'Calendrier');
    const visitor = await browser.newPage();
    await visitor.setViewportSize({ width: 375, height: 812 });
    for (const path of ['/', '/formations', '/demande']) {
      await visitor.goto(`${base}${path}`);
      const header = await headerHeight(visitor);
      ok(header <= HEADER_MAX, `public ${path}: the header is at most ${HEADER_MAX} px high at 375 px`, `${header} px`);
    }
    await menuOpens(visitor, base, '/', 'Sessions à venir');
    await visitor.close();

    // --- the keyboard: the trainers' table is wider than a phone; Tab
    // reaches its region, which shows the focus and scrolls with the arrows
    await page.goto(`${base}/intranet/formateurs`);
    const region = page.getByRole('region', { name: 'Formateurs internes et externes', exact: true });
    ok(await region.count() === 1, 'the trainers page: one region named "Formateurs internes et externes"');
    const [sw, cw] = await region.evaluate((r) => [r.scrollWidth, r.clientWidth]);
    ok(sw > cw, 'the trainers\' table is wider than its region at 375 px', `${sw} > ${cw}`);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await region.evaluate((r) => document.activeElement === r);
    }
    ok(reached, 'Tab reaches the region');
    const outline = await region.evaluate((r) => {
      const s = getComputedStyle(r);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    ok(/^solid [1-9]/.test(outline), 'the focused region shows an outline', outline);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement.scrollLeft > 0, null, { timeout: 5000 })
      .catch(() => {});
    const left = await region.evaluate((r) => r.scrollLeft);
    ok(left > 0, 'the arrow keys scroll the table in its region, not the page',
      `scrollLeft ${left}, page scrollX ${await page.evaluate(() => scrollX)}`);
    const caption = await page.locator('#formateurs caption').evaluate((c) => {
      const b = c.getBoundingClientRect();
      return [Math.round(b.left), Math.round(b.right)];
    });
    ok(caption[0] >= 0 && caption[1] <= 375, 'its caption stays on the screen while the table scrolls',
      `caption from ${caption[0]} to ${caption[1]} px`);

    // --- a desktop's width: the regions do not scroll, the tables fill them
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [name, path, captions] of pages) {
      await page.goto(`${base}${path}`);
      const v = await axe(page);
      ok(v.length === 0, `${name}: axe-core, no A/AA violation at 1280 px`, v.join('\n'));
      if (captions.length === 0) continue;   // a page without tables: nothing to fit
      const got = await page.locator('main .table-scroll').evaluateAll((rs) => rs.map((r) => {
        const t = r.querySelector('table').getBoundingClientRect();
        const b = r.getBoundingClientRect();
        const s = getComputedStyle(r);
        return r.scrollWidth <= r.clientWidth && t.left === b.left && t.width === b.width
          && t.top === b.top && t.height === b.height
          && s.marginTop === '0px' && s.marginBottom === '0px' && s.paddingTop === '0px';
      }));
      ok(got.length > 0 && got.every(Boolean), `${name}: 1280 px wide, each region exactly its table, no scroll bar`,
        JSON.stringify(got));
    }
    ok((await horizontalFit(page)).scroll === 1280, 'and no horizontal scroll of the page');

    // --- a destructive action's confirmation page (nothing is confirmed here)
    await page.goto(`${base}/intranet/sessions/${facts.open_session}`);
    await Promise.all([page.waitForEvent('load'),
      page.getByRole('button', { name: /^Annuler le créneau du / }).first().click()]);
    ok(await page.getByRole('heading', { name: 'Annuler ce créneau ?' }).count() === 1
      && await page.getByRole('button', { name: 'Annuler le créneau' }).count() === 1,
    'cancelling a slot asks first, with the consequences and one button');
    await checkPage(page, 'the confirmation of a cancellation');
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await close();
  }
  // --- each page once without JavaScript: it answers, says what it is,
  // and every form of it can be sent by its own button (none needs a script)
  const nojs = await launch({ javaScriptEnabled: false });
  try {
    const page = await nojs.browser.newPage();
    await login(page, base, email, password);
    for (const [name, path] of pages) {
      const res = await page.goto(`${base}${path}`);
      const h1 = await page.locator('main h1').count();
      const stuck = await page.locator('main form').evaluateAll((forms) => forms
        .filter((f) => !f.querySelector('button:not([type=button]):not([type=reset]), input[type=submit]'))
        .map((f) => f.getAttribute('action') || f.className));
      const scripted = await page.locator('main [onclick], main a[href^="javascript:"], main a[href="#"]').count();
      ok(res.status() === 200 && h1 === 1 && stuck.length === 0 && scripted === 0,
        `${name}: without JavaScript, a title and every form with its own submit button`,
        `status ${res.status()}, h1 ${h1}, forms without a button: ${stuck.join(', ')}, scripted links ${scripted}`);
    }
  } catch (e) {
    ok(false, 'browser run without JavaScript', e.stack);
  } finally {
    await nojs.close();
    done();
  }
})();
