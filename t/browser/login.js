// A staff member logs in through the real form in Chromium and reaches
// the intranet home; axe-core checks the login form and the home.
'use strict';
const { ok, done, launch, axe } = require('./lib');

(async () => {
  const [base, email, password] = process.argv.slice(2);
  const { browser, close } = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/intranet`);
    ok(/\/intranet\/connexion/.test(page.url()), 'the intranet sends to the login form', page.url());
    let v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the login form', v.join('\n'));
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    ok(await page.getByText('Adresse électronique ou mot de passe incorrect').isVisible(),
      'a wrong password shows the message');
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/intranet$/);
    ok(await page.getByRole('heading', { name: /Bonjour/ }).isVisible(), 'the intranet home greets');
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the intranet home', v.join('\n'));
    await page.getByRole('link', { name: 'Utilisateurs' }).first().click();
    await page.waitForURL(/utilisateurs/);
    v = await axe(page);
    ok(v.length === 0, 'axe-core: no A/AA violation on the accounts page', v.join('\n'));
    await page.getByRole('button', { name: /Se déconnecter/ }).click();
    await page.waitForURL(/connexion/);
    ok(await page.getByText('Vous êtes déconnecté(e).').isVisible(), 'logout returns to the form');
  } catch (e) {
    ok(false, 'browser run', e.stack);
  } finally {
    await close();
    done();
  }
})();
