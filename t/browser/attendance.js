// The attendance of a half-day in Chromium, through the real pages: the
// trainer (at a phone's width) shows the code of the moment, a participant
// on their phone (another browser, a phone's user agent) types it and
// signs, another one signs in a Chromium without JavaScript where the
// trainer's page works too, the trainer marks the others and certifies.
// axe-core checks every new page at 1280 px and 375 px (where the page must
// not scroll sideways: tables scroll in their own focusable regions). The
// steps of each journey (clicks, fields typed) are printed as TAP comments.
// Arguments: base URL and a JSON of facts from the wrapper: the session,
// the half-day (open now), five confirmed participants (registration id,
// "Last First" name, private token), the trainer's and the admin's logins.
'use strict';
const { ok, done, launch, login, journey, type, click, submit, stepsReport, checkPage } = require('./lib');

function logIn(j, page, base, [email, password]) {
  j.typed += 2; // the login helper types the address and the password
  j.clicks += 1; // and clicks "Se connecter"
  return login(page, base, email, password);
}
const check = checkPage;

const text = async (locator) => (await locator.innerText()).trim().replace(/\s+/g, ' ');
const PHONE = { width: 375, height: 812 };
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)'
  + ' Chrome/120.0.0.0 Mobile Safari/537.36';

(async () => {
  const [base, factsJson] = process.argv.slice(2);
  const facts = JSON.parse(factsJson);
  const hd = facts.half_day;
  const [signer, plainSigner, absentee, late, wrong] = facts.people;
  const halfDayUrl = `${base}/intranet/presence/${hd}`;
  const pageOf = (p) => `${base}/participant/${p.token}`;
  // four Chromiums, four users: the trainer and a participant on phones, a
  // Chromium without JavaScript, the desk
  const [trainerB, phoneB, plainB, deskB] = await Promise.all([
    launch({ viewport: PHONE }),
    launch({ viewport: PHONE, userAgent: PHONE_UA, hasTouch: true }),
    launch({ viewport: PHONE, javaScriptEnabled: false }),
    launch({ viewport: { width: 1280, height: 900 } }),
  ]);
  try {
    // --- (1) the trainer opens the half-day page on a phone
    const opening = journey('the trainer logs in and opens the half-day page');
    const trainer = await trainerB.browser.newPage();
    const consoleErrors = [];
    // (Chromium asks for /favicon.ico by itself; the site has none: not the page's error)
    trainer.on('console', (m) => {
      if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url))
        consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    trainer.on('pageerror', (e) => consoleErrors.push(e.message));
    await logIn(opening, trainer, base, facts.trainer);
    const [script] = await Promise.all([
      trainer.waitForResponse((r) => new URL(r.url()).pathname === '/static/presence.js'),
      trainer.goto(halfDayUrl),
    ]);
    ok(script.status() === 200, 'the half-day page loads presence.js (200)', script.status());
    ok(/^Émargement du /.test(await text(trainer.getByRole('heading', { level: 1 }))), 'the trainer\'s half-day page');
    const digits = trainer.locator('.code-digits');
    const shown = await text(digits);
    ok(/^\d{3} \d{3}$/.test(shown), `it shows the code of the moment, six digits (${shown})`);
    ok(await trainer.getByRole('region', { name: 'Code de signature' }).isVisible(), 'in a region named by its heading');
    const qr = trainer.getByRole('img', { name: /^QR code qui ouvre la page de signature/ });
    const qrWidth = await qr.evaluate((img) => img.decode().then(() => img.naturalWidth, () => 0));
    ok(qrWidth > 0, `the QR code image loads (naturalWidth ${qrWidth})`);
    const box = await qr.boundingBox();
    ok(box && box.x >= 0 && box.x + box.width <= 375, 'and fits the phone\'s width', JSON.stringify(box));
    const seconds = trainer.locator('#code-secondes');
    const before = parseInt(await seconds.innerText(), 10);
    let counting = true;
    try {
      await trainer.waitForFunction((b) => {
        const n = parseInt(document.getElementById('code-secondes').textContent, 10);
        return n < b || (b <= 1 && n >= 25); // from 1, the next code comes with its 30 s
      }, before, { timeout: 2000 });
    } catch (e) {
      counting = false;
    }
    ok(counting, `with JavaScript, the seconds left count down by themselves (from ${before} s, within 2 s)`,
      `still ${await seconds.innerText()}`);
    await check(trainer, 'the trainer\'s half-day page');

    // --- (2) a participant on their phone: the QR code, then their page
    const phone = await phoneB.browser.newPage();
    await phone.goto(`${base}/emargement/${hd}?code=${shown.replace(' ', '')}`);
    ok(/lien de votre convocation/.test(await text(phone.locator('main'))),
      'the QR code on a phone that never opened its page says how to sign');
    await check(phone, 'the page where the QR code leads');
    const signing = journey('a participant signs on their phone (page opened from the convocation)');
    await phone.goto(pageOf(signer));
    const form = phone.getByRole('region', { name: 'Signer ma présence' });
    ok(await form.isVisible(), 'the participant\'s page shows the signing form');
    await check(phone, 'the participant\'s page with the signing form');
    const code = await text(digits); // what the trainer's phone shows now
    await type(signing, form.getByLabel('Code affiché dans la salle (6 chiffres)'), code);
    ok(await submit(signing, phone, form.getByRole('button', { name: 'Signer' })) === 303,
      `the participant types the code shown (${code}) and signs (303)`);
    let banner = await text(phone.getByRole('status'));
    ok(banner === 'Votre présence est enregistrée. Bonne formation !', 'the banner says so', banner);
    ok(await phone.getByText('Présence signée').isVisible()
      && await phone.getByRole('button', { name: 'Signer' }).count() === 0, 'the form gives way to "Présence signée"');

    // --- the trainer's page, reloaded
    await trainer.reload();
    const mark = (p) => text(trainer.locator(`#participant-${p.id} td`).first());
    let got = await mark(signer);
    ok(/^Présent\(e\) à \d{1,2} h \d{2} \(Signature électronique\)$/.test(got),
      `the trainer's page shows ${signer.name} present, signed electronically`, got);

    // --- (3) a wrong code, on the desk's Chromium
    const desk = await deskB.browser.newPage();
    await desk.goto(pageOf(wrong));
    const bad = shown.replace(/\d/g, (d) => String((+d + 5) % 10)).replace(' ', '');
    const codeField = desk.getByLabel('Code affiché dans la salle (6 chiffres)');
    await codeField.fill(bad);
    ok(await submit(journey('(error) a wrong code'), desk, desk.getByRole('button', { name: 'Signer' })) === 422,
      'a wrong code is refused (422)');
    const alert = desk.getByRole('alert');
    ok(/code/i.test(await text(alert)) && await alert.getByRole('link').getAttribute('href') === '#code-signature',
      'the error says so in French and leads to the field', await text(alert));
    ok(await codeField.getAttribute('aria-invalid') === 'true' && await codeField.inputValue() === bad,
      'the field is marked invalid and keeps what was typed');
    await check(desk, 'the participant\'s page, a wrong code (422)');

    // --- (4) JavaScript off: another participant signs, the trainer's page works
    const plain = await plainB.browser.newPage();
    await plain.setContent('<p id="js">off</p><script>document.getElementById("js").textContent = "on"</script>');
    ok(await plain.locator('#js').innerText() === 'off', 'the third Chromium runs no JavaScript');
    const plainSigning = journey('(JavaScript off) a participant signs');
    await plain.goto(pageOf(plainSigner));
    await type(plainSigning, plain.getByLabel('Code affiché dans la salle (6 chiffres)'), await text(digits));
    ok(await submit(plainSigning, plain, plain.getByRole('button', { name: 'Signer' })) === 303,
      'without JavaScript, a participant signs (303)');
    banner = await text(plain.getByRole('status'));
    ok(banner === 'Votre présence est enregistrée. Bonne formation !', 'with the banner', banner);
    const plainMarking = journey('(JavaScript off) the trainer logs in, renews the code, marks a paper signature');
    await logIn(plainMarking, plain, base, facts.trainer);
    await plain.goto(halfDayUrl);
    ok(/^\d{3} \d{3}$/.test(await text(plain.locator('.code-digits'))), 'without JavaScript, the trainer\'s page shows the code');
    let reloaded = true;
    try {
      await Promise.all([
        plain.waitForResponse((r) => r.request().resourceType() === 'document'
          && new URL(r.url()).pathname === `/intranet/presence/${hd}`, { timeout: 3000 }),
        click(plainMarking, plain.getByRole('link', { name: 'Afficher le nouveau code' })),
      ]);
    } catch (e) {
      reloaded = false;
    }
    ok(reloaded, '"Afficher le nouveau code" loads the page again (the code of the moment)');
    ok(/^\d{3} \d{3}$/.test(await text(plain.locator('.code-digits'))), 'with the code');
    ok(await submit(plainMarking, plain, plain.getByRole('button', { name: `Signé sur papier : ${wrong.name}` })) === 303,
      `without JavaScript, the trainer marks ${wrong.name} signed on paper (303)`);
    ok(await text(plain.getByRole('status')) === 'La présence est enregistrée.', 'with the banner');
    got = await text(plain.locator(`#participant-${wrong.id} td`).first());
    ok(/^Présent\(e\) à .* \(Feuille papier\)$/.test(got), 'the row says so', got);

    // --- (5) the trainer marks the others and certifies, on the phone
    const certifying = journey('the trainer marks one absent, one present 15 min late, and certifies');
    await trainer.reload();
    got = await mark(plainSigner);
    ok(/\(Signature électronique\)$/.test(got), `${plainSigner.name}'s signature (JavaScript off) is there`, got);
    ok(await submit(certifying, trainer, trainer.getByRole('button', { name: `Absent : ${absentee.name}` })) === 303,
      `${absentee.name} marked absent (303)`);
    ok(await submit(certifying, trainer, trainer.getByRole('button', { name: `Présent : ${late.name}` })) === 303,
      `${late.name} marked present (303)`);
    const lateRow = trainer.locator(`#participant-${late.id}`);
    await click(certifying, lateRow.getByText('Retard, départ anticipé'));
    await type(certifying, lateRow.getByLabel('Minutes'), '15');
    ok(await submit(certifying, trainer, lateRow.getByRole('button', { name: 'Arrivé(e) en retard' })) === 303,
      'and 15 min late (303)');
    got = await Promise.all(facts.people.map(mark));
    const want = [
      /^Présent\(e\) à .* \(Signature électronique\)$/, /^Présent\(e\) à .* \(Signature électronique\)$/,
      /^Absent\(e\)$/, /^Présent\(e\) à .* \(Par le formateur\), arrivé\(e\) 15 min en retard$/,
      /^Présent\(e\) à .* \(Feuille papier\)$/,
    ];
    ok(want.every((w, k) => w.test(got[k])), 'each row gives its mark and its method', JSON.stringify(got));
    ok(await trainer.getByText(/^Anomalie/).count() === 0, 'no anomaly: each signature came from its own browser');
    ok(await submit(certifying, trainer, trainer.getByRole('button', { name: 'Certifier la demi-journée' })) === 303,
      'the trainer certifies the half-day (303)');
    banner = await text(trainer.getByRole('status'));
    ok(/^La demi-journée est certifiée : les présences ne changent plus/.test(banner), 'the banner says so', banner);
    // the signed paper sheet may still be attached: its form is the one left
    ok(await trainer.locator('main button:not(#feuilles button)').count() === 0 &&
        await trainer.locator('main details').count() === 0,
      'no action on the marks is left: no button, no form', await trainer.locator('main button').allInnerTexts());
    ok(await trainer.getByLabel('Feuille papier signée (PDF, JPEG ou PNG, 10 Mo au plus)').count() === 1,
      'but the scan of the signed sheet can still be attached');
    ok(await trainer.locator('#code').count() === 0 && await trainer.getByText('Certifiée', { exact: true }).isVisible(),
      'no code any more, the half-day says "Certifiée"');
    got = await Promise.all(facts.people.map(mark));
    ok(want.every((w, k) => w.test(got[k])), 'the marks stay', JSON.stringify(got));
    await check(trainer, 'the trainer\'s half-day page, certified');
    ok(consoleErrors.length === 0, 'the trainer\'s pages logged no console error', consoleErrors.join('\n'));

    // --- (6) the session page's grid, for the desk
    await logIn(journey('the desk logs in'), desk, base, facts.admin);
    await desk.goto(`${base}/intranet/sessions/${facts.session}`);
    const grid = desk.getByRole('table', { name: 'Présences par demi-journée' });
    ok(await grid.isVisible(), 'the session page has the grid of attendance');
    got = await grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
      [...tr.children].map((c) => c.textContent.trim().replace(/\s+/g, ' '))));
    ok(got.length === 5 && facts.people.every((p, k) => got.some((row) => row[0] === p.name && want[k].test(row[1]))),
      'one row per participant, with the half-day\'s mark', JSON.stringify(got));
    ok(await desk.locator('#emargement + p').getByText('certifiée').isVisible(), 'the half-day is said certified');
    await check(desk, 'the session page with the attendance grid');

    stepsReport();
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await Promise.all([trainerB, phoneB, plainB, deskB].map((b) => b.close()));
    done();
  }
})();
