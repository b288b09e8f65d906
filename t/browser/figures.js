// The staff figures page read in Chromium over demands inserted by the .t
// wrapper, so that every figure is known in advance; the CSV export
// downloaded through the browser; the page at a phone's width; and a
// trainer refused both. axe-core checks the figures page.
// Arguments: base URL, the demo admin's email and password, and a JSON of
// facts from the wrapper (today and the months in Paris, the references,
// the stored dates of each demand, the trainer's login).
'use strict';
const fs = require('fs');
const { ok, done, launch, axe, login, horizontalFit } = require('./lib');

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const NBSP = '\u00a0';

// Calendar dates as UTC midnights: no time zone nor DST in the way.
const parse = (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); };
const iso = (t) => t.toISOString().slice(0, 10);
const addDays = (s, n) => iso(new Date(parse(s).getTime() + n * 86400000));
// The C side's cal_format_long_fr: "lundi 1er mars 2025".
function longDate(s) {
  const t = parse(s);
  const d = t.getUTCDate();
  return `${WEEKDAYS[t.getUTCDay()]} ${d}${d === 1 ? 'er' : ''} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}
// "2025-03" moved by k months.
function monthKey(key, k) {
  const [y, m] = key.split('-').map(Number);
  const n = y * 12 + (m - 1) + k;
  return `${Math.floor(n / 12)}-${String(n % 12 + 1).padStart(2, '0')}`;
}
const monthLabel = (key) => `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`;

// The text of each cell of a row, exactly (no trimming: a stray space or a
// lost no-break space would be a difference).
const cells = (row) => row.locator('th, td').allTextContents();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const show = (got, want) => `got:  ${JSON.stringify(got)}\nwant: ${JSON.stringify(want)}`;

(async () => {
  const [base, email, password, factsJson] = process.argv.slice(2);
  const facts = JSON.parse(factsJson);
  const refs = facts.refs;
  const thisMonth = facts.today.slice(0, 7);
  const { browser, close } = await launch();
  let trainerRun;
  try {
    // The wrapper's 12 demands and nothing else (the demo data has none).
    ok(facts.demands === '12', 'the database holds the 12 demands of the test', facts.demands);

    // --- reached by clicking: intranet navigation, Demandes, Chiffres
    const page = await browser.newPage();
    await login(page, base, email, password);
    await page.getByRole('navigation').getByRole('link', { name: 'Demandes', exact: true }).click();
    await page.waitForURL(/\/intranet\/demandes$/);
    const dashboardCsv = await page.getByRole('link', { name: 'Export CSV', exact: true }).getAttribute('href');
    ok(dashboardCsv === '/intranet/demandes/export.csv', 'the demands dashboard links to the CSV export', dashboardCsv);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${base}/intranet/demandes/chiffres`),
      page.getByRole('link', { name: 'Chiffres', exact: true }).click(),
    ]);
    await page.waitForURL(/\/intranet\/demandes\/chiffres$/);
    ok(res.status() === 200, 'the navigation and the dashboard lead to the figures page (200)', res.status());
    ok(await page.locator('h1').textContent() === 'Chiffres des demandes', 'its title');
    const intro = (await page.locator('main p').first().textContent()).replace(/[ \t\n]+/g, ' ');
    const period = `Chiffres du ${longDate(facts.today)} (heure de Paris), sur les demandes reçues depuis le ${longDate(facts.since)}.`;
    ok(intro.includes(period), `dated today, over the 12 months since ${facts.since}`, show(intro, period));

    // --- late demands: o1 open 4 days past due; f4 answered 7 days late
    // (h1, late too, is 13 months old and out of the window)
    ok(await page.locator('#open-late').textContent() === '1', 'open demands past their due date: 1');
    ok(await page.locator('#answered-late').textContent() === '1', 'demands answered late over 12 months: 1');
    const lateRows = page.locator('#late-list tbody tr');
    ok(await lateRows.count() === 1, 'one row in the late list (not the paused demand)', await lateRows.count());
    let want = [refs.o1, 'Caf de la Meuse', longDate(addDays(facts.today, -4)), '4 jours',
      'Administrateur de démonstration', 'En instruction'];
    let got = await cells(lateRows.first());
    ok(same(got, want), 'the late demand: reference, organisation, due date, days late, assignee, state', show(got, want));

    // --- open demands by days left: o1 late, o2 today, o3 in 3 days (15j);
    // p1 paused with 4 days left, o4 in 20 days (1mois)
    const buckets = {
      retard: ['En retard', '1', '0', '1'],
      aujourdhui: ["Aujourd'hui", '1', '0', '1'],
      '1-2': ['1 à 2 jours', '0', '0', '0'],
      '3-5': ['3 à 5 jours', '1', '1', '2'],
      '6-10': ['6 à 10 jours', '0', '0', '0'],
      'plus-10': ['Plus de 10 jours', '0', '1', '1'],
      total: ['Total', '3', '2', '5'],
    };
    for (const [key, w] of Object.entries(buckets)) {
      got = await cells(page.locator(`#bucket-${key}`));
      ok(same(got, w), `open demands, ${w[0]}: ${w.slice(1).join(' | ')} (15 jours | 1 mois | total)`, show(got, w));
    }
    const caption = await page.locator('#buckets caption').textContent();
    ok(caption === "Demandes ouvertes (5) selon les jours qui restent avant l'échéance", 'the caption counts 5 open demands', caption);
    ok(await page.locator('#open-paused').textContent() === '1', 'of which 1 waits on the requester');

    // --- on time by régime over 12 months: 15j 3 of 4, median of
    // 3, 8, 15, 22 days; 1mois 1 of 1 in 12 days
    want = ['15 jours', '4', '3', `75${NBSP}%`, '1', `11,5${NBSP}j`];
    got = await cells(page.locator('#regime-15j'));
    ok(same(got, want), '15 jours: 4 answered, 3 on time, 75 %, 1 late, median 11,5 j', show(got, want));
    want = ['1 mois', '1', '1', `100${NBSP}%`, '0', `12${NBSP}j`];
    got = await cells(page.locator('#regime-1mois'));
    ok(same(got, want), '1 mois: 1 answered, 1 on time, 100 %, 0 late, median 12 j', show(got, want));

    // --- by month of reception: the current month first, 12 months, the
    // observed month the only one with answers
    want = [monthLabel(facts.month), `75${NBSP}% (3 sur 4)`, `100${NBSP}% (1 sur 1)`];
    got = await cells(page.locator(`#month-${facts.month}`));
    ok(same(got, want), `${monthLabel(facts.month)}: 75 % (3 sur 4) in 15 jours, 100 % (1 sur 1) in 1 mois`, show(got, want));
    const rows = page.locator('#months tbody tr');
    const table = [];
    for (let i = 0; i < await rows.count(); i++)
      table.push([await rows.nth(i).getAttribute('id'), ...await cells(rows.nth(i))]);
    const expected = [];
    for (let k = 0; k < 12; k++) {
      const key = monthKey(thisMonth, -k);
      expected.push(key === facts.month ? [`month-${key}`, ...want] : [`month-${key}`, monthLabel(key), '—', '—']);
    }
    ok(same(table, expected), `12 months from ${monthLabel(thisMonth)} down, "—" where nothing was answered`,
      show(table, expected));
    ok(await page.locator(`#month-${facts.old}`).count() === 0, `${monthLabel(facts.old)} is out of the window`);

    let v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the figures page', v.join('\n'));

    // --- the CSV export, as the browser downloads it
    const csvLink = page.getByRole('link', { name: 'Exporter toutes les demandes (CSV)' });
    ok(await csvLink.getAttribute('href') === '/intranet/demandes/export.csv', 'the figures page links to the export');
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    ok(download.suggestedFilename() === `demandes-${facts.today}.csv`, 'downloaded as demandes-<today>.csv',
      download.suggestedFilename());
    const bytes = fs.readFileSync(await download.path());
    ok(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with the UTF-8 byte order mark',
      bytes.subarray(0, 3).toString('hex'));
    let text = null;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops the BOM
    } catch (e) {
      text = null;
    }
    ok(text !== null, 'is valid UTF-8');
    text = text || '';
    const lines = text.split('\r\n');
    ok(lines.pop() === '' && !lines.some((l) => l.includes('\n')), 'every line ends with CRLF');
    want = 'Référence;Reçue le;Échéance;Régime;État;Organisme;Nom;Prénom;Courriel;Téléphone;'
      + 'Formation;Type;Participants;Répondue le;Issue';
    ok(lines[0] === want, 'French headers separated by ";"', show(lines[0], want));
    const data = lines.slice(1);
    const listed = data.map((l) => l.split(';')[0]).sort();
    const inserted = Object.values(refs).sort();
    ok(same(listed, inserted), 'one row for each inserted demand, by reference', show(listed, inserted));
    ok(data.every((l) => l.split(';').length === 15), 'each with 15 fields');
    const row = (ref) => data.find((l) => l.startsWith(`${ref};`));
    const [rec4, due4, ans4] = facts.dates[refs.f4];
    want = [refs.f4, rec4, due4, '15 jours', 'Répondue', 'Caf de la Corrèze', 'Lefèvre', 'Hélène',
      'helene.lefevre@caf19.caf.fr', '', 'Formation sur mesure', 'INTRA', '14', ans4, 'Acceptée'].join(';');
    ok(row(refs.f4) === want, 'the row of an answered demand, accents intact', show(row(refs.f4), want));
    const [recP, dueP] = facts.dates[refs.p1];
    want = [refs.p1, recP, dueP, '1 mois', 'En attente du demandeur', 'Caf de la Sarthe', 'André', 'Léa',
      'lea.andre@caf72.caf.fr', '', 'Formation sur mesure', 'INTER', '8', '', ''].join(';');
    ok(row(refs.p1) === want, 'the row of an open demand, no answer yet', show(row(refs.p1), want));
    // The same URL fetched with the page's session cookie: its headers.
    const fetched = await page.request.get(`${base}/intranet/demandes/export.csv`);
    ok(fetched.status() === 200 && fetched.headers()['content-type'] === 'text/csv; charset=utf-8',
      'served as text/csv; charset=utf-8', `${fetched.status()} ${fetched.headers()['content-type']}`);
    ok((await fetched.body()).equals(bytes), 'the same bytes as the download');

    // --- the late demand's link opens it
    await Promise.all([page.waitForURL(/\/intranet\/demandes\/\d+$/),
      page.getByRole('link', { name: refs.o1, exact: true }).click()]);
    ok((await page.locator('h1').textContent()).includes(refs.o1), 'the late list links to the demand', page.url());
    await page.goBack();

    // --- a phone's width: no horizontal scroll of the document
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    // The six-column tables (late list, régimes) are wider than a phone:
    // they scroll in their own focusable region, the page does not.
    const fit = await horizontalFit(page);
    ok(fit.client === 375 && fit.scroll <= fit.client,
      `375 px wide: no horizontal scroll (scrollWidth ${fit.scroll}, clientWidth ${fit.client})`,
      fit.wide.join('\n'));
    const regions = await page.locator('main table').evaluateAll((tables) => tables.map((t) => {
      const r = t.parentElement;
      return `${t.id}: ${r.matches('div.table-scroll[role=region][tabindex="0"]')}`
        + ` ${r.getAttribute('aria-labelledby') === t.caption.id && t.caption.id !== ''}`;
    }));
    want = ['late-list: true true', 'buckets: true true', 'regimes: true true', 'months: true true'];
    ok(same(regions, want), 'each table in a focusable region named by its caption', show(regions, want));
    const lateRegion = page.getByRole('region', { name: /^Demandes ouvertes en retard/ });
    const overflow = await lateRegion.evaluate((r) => [r.scrollWidth, r.clientWidth]);
    ok(overflow[0] > overflow[1], 'the late list scrolls inside its region', overflow.join(' > '));
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the figures page at 375 px', v.join('\n'));

    // --- a trainer, in a browser of their own: sent to log in, then refused
    trainerRun = await launch();
    const t = await trainerRun.browser.newPage();
    await t.goto(`${base}/intranet/demandes/chiffres`);
    ok(/\/intranet\/connexion\?retour=/.test(t.url()), 'logged out: the figures page asks to log in first', t.url());
    await t.getByLabel('Adresse électronique').fill(facts.trainer[0]);
    await t.getByLabel('Mot de passe').fill(facts.trainer[1]);
    const [refused] = await Promise.all([
      t.waitForResponse((r) => r.url() === `${base}/intranet/demandes/chiffres`),
      t.getByRole('button', { name: 'Se connecter' }).click(),
    ]);
    ok(refused.status() === 403, 'a trainer who logs in is refused the figures (403)', refused.status());
    await t.waitForURL(/\/intranet\/demandes\/chiffres$/);
    ok(await t.locator('h1').textContent() === 'Accès refusé', 'on the "Accès refusé" page');
    ok(await t.getByText("Vous n'avez pas accès à cette page.").isVisible(), 'which says why');
    ok(await t.locator('#buckets, #regimes, #months').count() === 0, 'and shows no figure');
    const csv = await t.request.get(`${base}/intranet/demandes/export.csv`);
    const csvText = await csv.text();
    ok(csv.status() === 403 && !csvText.includes(refs.f1), 'the CSV export refuses the trainer too (403, no data)',
      csv.status());
    await t.goto(`${base}/intranet`);
    ok(await t.getByRole('navigation').getByRole('link', { name: 'Demandes', exact: true }).count() === 0
      && await t.getByRole('link', { name: 'Chiffres', exact: true }).count() === 0,
    'the trainer\'s intranet links to neither demands nor figures');
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    if (trainerRun) await trainerRun.close();
    await close();
    done();
  }
})();
