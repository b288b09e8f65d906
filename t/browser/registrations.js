// The registrations in Chromium, through the real forms: the requester
// names participants on the tracking page, staff paste a list longer than
// the seats left (first with a wrong line: 422), a participant cancels on
// their page and the first waiting person takes the seat. axe-core checks
// every new page at 1280 px and 375 px (where the page must not scroll
// sideways: tables scroll in their own focusable regions), and a second
// Chromium with JavaScript off uses each new page's form once. The steps of
// each journey (clicks, fields typed) are printed as TAP comments.
// Arguments: base URL, the demo admin's email and password, and a JSON of
// facts from the wrapper: the session (confirmed, 6 seats, none taken), the
// tracking token of a demand for 3 participants answered with it, and the
// psql command line of the stack (to read a participant's private token,
// which only their mail carries).
'use strict';
const { execFileSync } = require('child_process');
const { ok, done, launch, login, journey, type, submit, stepsReport, checkPage } = require('./lib');

const check = checkPage;

const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim().replace(/\s+/g, ' ')));
const show = (got) => JSON.stringify(got);

(async () => {
  const [base, email, password, factsJson] = process.argv.slice(2);
  const facts = JSON.parse(factsJson);
  const sql = (query) => execFileSync(facts.psql[0], [...facts.psql.slice(1), query]).toString().trim();
  const tokenOf = (address) => sql('SELECT r.token FROM registration r JOIN participant p ON p.id = r.participant_id'
    + ` WHERE p.email = '${address}' AND r.session_id = ${facts.session}`);
  const trackingUrl = `${base}/demande/suivi/${facts.tracking}`;
  const sessionUrl = `${base}/intranet/sessions/${facts.session}`;
  const { browser, close } = await launch();
  const plain = await launch({ javaScriptEnabled: false });
  try {
    // --- (1) the requester names two of their three participants
    const naming = journey('the requester names 2 participants on the tracking page');
    const requester = await browser.newPage();
    await requester.goto(trackingUrl);
    ok(await requester.getByRole('heading', { name: 'Vos participants' }).isVisible(),
      'the tracking page of a demand answered with a session offers to name participants');
    const rows = requester.locator('fieldset');
    ok(await rows.count() === 3, 'one row per person asked (3)', await rows.count());
    await check(requester, 'the tracking page with its participant rows');
    const row = (n) => requester.getByRole('group', { name: `Participant ${n}`, exact: true });
    await type(naming, row(1).getByLabel('Nom', { exact: true }), 'Dupont');
    await type(naming, row(1).getByLabel('Prénom', { exact: true }), 'Léa');
    await type(naming, row(1).getByLabel('Adresse électronique'), 'lea.dupont@caf56.example.org');
    await type(naming, row(1).getByLabel('Fonction (facultatif)'), 'Conseillère');
    await type(naming, row(2).getByLabel('Nom', { exact: true }), 'Bernard');
    await type(naming, row(2).getByLabel('Prénom', { exact: true }), 'Paul');
    await type(naming, row(2).getByLabel('Adresse électronique'), 'paul.bernard@caf56.example.org');
    ok(await submit(naming, requester, requester.getByRole('button', { name: 'Inscrire ces participants' })) === 303,
      'two participants named, the third row left empty (303)');
    const banner = await requester.getByRole('status').innerText();
    ok(/^2 personne\(s\) inscrite\(s\)\. Chacune reçoit un courriel à son adresse, et vous une copie\.$/.test(banner),
      'the banner says 2 are registered and mailed', banner);
    const named = requester.locator('#participants ~ ul').first().locator('li');
    let got = await texts(named);
    ok(got.length === 2 && got.some((t) => /^Léa Dupont \(lea\.dupont@caf56\.example\.org\) — Confirmée/.test(t))
      && got.some((t) => /^Paul Bernard \(paul\.bernard@caf56\.example\.org\) — Confirmée/.test(t)),
      'the named people are listed with their status', show(got));
    ok(await named.locator('.tag.tag-confirmee').count() === 2, 'each with a "Confirmée" tag');
    ok(await rows.count() === 1, 'one row left for the third person');
    await check(requester, 'the tracking page with named participants');

    // --- the same form with JavaScript off: the third person
    const noscript = await plain.browser.newPage();
    await noscript.setContent('<p id="js">off</p><script>document.getElementById("js").textContent = "on"</script>');
    ok(await noscript.locator('#js').innerText() === 'off', 'the second Chromium runs no JavaScript');
    const plainRun = journey('(JavaScript off) the requester names the third participant');
    await noscript.goto(trackingUrl);
    const plainRow = noscript.getByRole('group', { name: 'Participant 1', exact: true });
    await type(plainRun, plainRow.getByLabel('Nom', { exact: true }), 'Guillou');
    await type(plainRun, plainRow.getByLabel('Prénom', { exact: true }), 'Marc');
    await type(plainRun, plainRow.getByLabel('Adresse électronique'), 'marc.guillou@caf56.example.org');
    ok(await submit(plainRun, noscript, noscript.getByRole('button', { name: 'Inscrire ces participants' })) === 303,
      'without JavaScript, the tracking page\'s form names the third person (303)');
    ok(/^1 personne\(s\) inscrite\(s\)/.test(await noscript.getByRole('status').innerText()), 'with the banner');
    ok(await noscript.locator('#participants ~ ul').first().locator('li').count() === 3
      && await noscript.locator('fieldset').count() === 0, 'three people named, no row left');

    // --- (2) staff paste a list of 5 for the 3 seats left, first with a wrong line
    const pasting = journey('staff log in (1 click, 2 fields) and paste a list of 5, one wrong line corrected');
    const staff = await browser.newPage();
    await login(staff, base, email, password);
    pasting.typed += 2; // the login helper types the address and the password
    pasting.clicks += 1; // and clicks "Se connecter"
    await staff.goto(sessionUrl);
    ok(/3 confirmé\(s\) sur 6 places/.test(await staff.locator('#inscrits + p').innerText()),
      'the session page counts the 3 named by the requester', await staff.locator('#inscrits + p').innerText());
    const list = staff.getByLabel(/^Une personne par ligne/);
    const lines = [
      'Le Goff;Nolwenn;nolwenn.legoff@caf56.example.org;Conseillère technique;Caf du Morbihan',
      'Tanguy;Erwan;erwan.tanguy@caf56.example.org;Agent;Caf du Morbihan',
      'Le Bris;Soizic;soizic.lebris@caf56;Agent;Caf du Morbihan',
      'Jaouen;Gwenaël;gwenael.jaouen@caf56.example.org;Agent;Caf du Morbihan',
      'Riou;Maëlle;maelle.riou@caf56.example.org;;Caf du Morbihan',
    ];
    await type(pasting, list, lines.join('\n'));
    const pasteButton = staff.getByRole('button', { name: 'Inscrire la liste' });
    ok(await submit(pasting, staff, pasteButton) === 422, 'a list with a wrong address is refused (422)');
    const refusal = staff.locator('.error-box', { hasText: 'Rien n\'est enregistré' });
    ok(await refusal.isVisible() && /1 ligne\(s\) sur 5/.test(await refusal.innerText()), 'saying 1 line of 5 is wrong',
      await refusal.innerText());
    ok(await refusal.getByRole('link', { name: 'Ligne 3' }).isVisible()
      && /soizic\.lebris@caf56;/.test(await refusal.innerText()), 'naming line 3 and showing it');
    ok(await list.inputValue() === lines.join('\n'), 'the list comes back as pasted');
    ok(await staff.locator('#table-inscrits tbody tr').count() === 3, 'nothing saved');
    await check(staff, 'the session page with a refused list');
    lines[2] = 'Le Bris;Soizic;soizic.lebris@caf56.example.org;Agent;Caf du Morbihan';
    await type(pasting, list, lines.join('\n'));
    ok(await submit(pasting, staff, pasteButton) === 303, 'the corrected list is registered (303)');
    const notice = await staff.getByRole('status').innerText();
    ok(/^5 personne\(s\) inscrite\(s\), dont 2 sur la liste d'attente \(la session est complète\)\./.test(notice),
      'the banner says 5 are registered, 2 of them waiting', notice);
    const confirmed = staff.locator('#table-inscrits tbody th');
    // each waiting row as "rank name"
    const waitingRows = staff.locator('#table-attente tbody tr');
    const waitingList = () => waitingRows.evaluateAll((trs) => trs.map((tr) =>
      `${tr.querySelector('td').textContent.trim()} ${tr.querySelector('th').textContent.trim()}`));
    got = await texts(confirmed);
    ok(got.length === 6 && ['Dupont', 'Bernard', 'Guillou', 'Le Goff', 'Tanguy', 'Le Bris'].every((n) =>
      got.some((t) => t.startsWith(`${n} `))), 'the 6 seats: the 3 named and the first 3 of the list', show(got));
    got = await waitingList();
    ok(got.length === 2 && /^1 Jaouen Gwenaël/.test(got[0]) && /^2 Riou Maëlle/.test(got[1]),
      'the waiting list in the order of the list', show(got));
    await check(staff, 'the session page with registrations and a waiting list');

    // --- a known person offered as staff type (templates/static/participants.js)
    await staff.getByLabel(/^Chercher une personne déjà connue/).pressSequentially('Le B', { delay: 30 });
    const offered = staff.locator('#trouves li', { hasText: 'Le Bris Soizic' });
    await offered.waitFor({ timeout: 5000 });
    ok(await offered.getByRole('button', { name: /^Inscrire/ }).count() === 1,
      'typing the start of a name offers the known person, with a button that registers her');
    ok(new URL(staff.url()).searchParams.get('personne') === null, 'without leaving the page');

    // --- (3) a confirmed participant cancels on their page
    const cancelling = journey('a participant cancels on their page');
    const participant = await browser.newPage();
    await participant.goto(`${base}/participant/${tokenOf('lea.dupont@caf56.example.org')}`);
    ok(/Votre page personnelle · Léa Dupont/.test(await participant.locator('main').innerText()),
      'the participant\'s page greets Léa Dupont');
    ok(await participant.locator('.tag.tag-confirmee').innerText() === 'Confirmée', 'her registration is confirmed');
    ok(await participant.getByText('Maison du test navigateur').isVisible(), 'the page gives the place');
    await check(participant, 'the participant\'s page');
    await type(cancelling, participant.getByLabel('Motif (facultatif)'), 'Un jury de recrutement ce jour-là.');
    ok(await submit(cancelling, participant, participant.getByRole('button', { name: 'Annuler ma participation' })) === 303,
      '"Annuler ma participation" with a reason (303)');
    const cancelled = await participant.getByRole('status').innerText();
    ok(/^Votre inscription est annulée : votre place est libérée/.test(cancelled), 'the banner says it is cancelled',
      cancelled);
    ok(await participant.locator('.tag.tag-annulee').isVisible()
      && await participant.getByRole('button', { name: 'Annuler ma participation' }).count() === 0,
      'her page says "Annulée" and offers no more cancellation');
    await check(participant, 'the participant\'s page, cancelled');

    // --- the participant's other form, JavaScript off: a need
    const needing = journey('(JavaScript off) a participant declares a need');
    await noscript.goto(`${base}/participant/${tokenOf('paul.bernard@caf56.example.org')}`);
    await type(needing, noscript.getByLabel('Votre besoin'), 'Des supports imprimés en gros caractères.');
    ok(await submit(needing, noscript, noscript.getByRole('button', { name: 'Envoyer au référent handicap' })) === 303,
      'without JavaScript, the participant\'s page sends a need (303)');
    ok(/^Votre besoin est transmis au référent handicap/.test(await noscript.getByRole('status').innerText()),
      'with the banner');

    // --- (4) staff: the first waiting person took the seat, the list closed up
    await staff.reload();
    got = await texts(confirmed);
    ok(got.length === 6 && got.some((t) => t.startsWith('Jaouen Gwenaël')) && !got.some((t) => t.startsWith('Dupont')),
      'Gwenaël Jaouen, first waiting, is now confirmed in Léa Dupont\'s seat', show(got));
    got = await waitingList();
    ok(got.length === 1 && /^1 Riou Maëlle/.test(got[0]), 'the waiting list closed up: Maëlle Riou is first', show(got));
    got = await texts(staff.locator('details', { hasText: 'Inscriptions annulées' }).locator('li'));
    ok(got.length === 1 && /^Dupont Léa — Annulée/.test(got[0]) && /Un jury de recrutement/.test(got[0]),
      'Léa Dupont is among the cancelled registrations, with her reason', show(got));
    await requester.reload();
    got = await texts(named);
    ok(got.some((t) => /^Léa Dupont .* — Annulée$/.test(t)), 'the requester sees her cancellation', show(got));

    // --- staff's forms, JavaScript off: one more person, on the waiting list
    const adding = journey('(JavaScript off) staff log in (1 click, 2 fields) and add one person');
    await login(noscript, base, email, password);
    adding.typed += 2;
    adding.clicks += 1;
    await noscript.goto(sessionUrl);
    const addForm = noscript.locator('form', { has: noscript.getByRole('button', { name: 'Inscrire', exact: true }) });
    await type(adding, addForm.getByLabel('Nom', { exact: true }), 'Kerhervé');
    await type(adding, addForm.getByLabel('Prénom', { exact: true }), 'Yannick');
    await type(adding, addForm.getByLabel(/^Adresse électronique/), 'yannick.kerherve@caf56.example.org');
    ok(await submit(adding, noscript, addForm.getByRole('button', { name: 'Inscrire', exact: true })) === 303,
      'without JavaScript, the session page\'s form registers a person (303)');
    const full = await noscript.getByRole('status').innerText();
    ok(/^La session est complète : Yannick Kerhervé est sur la liste d'attente, au rang 2/.test(full),
      'who waits, second', full);
    ok(await noscript.locator('#table-attente tbody tr').count() === 2, 'the waiting list has two people');

    stepsReport();
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await plain.close();
    await close();
    done();
  }
})();
