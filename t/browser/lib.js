// Helpers of the browser tests: Debian's Chromium, headless, a fresh
// profile, no network beyond loopback; results printed as TAP.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

let count = 0;
let failed = 0;

function ok(cond, name, diag) {
  count++;
  if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${count} - ${name}`);
  if (!cond && diag) console.log(String(diag).split('\n').map((l) => `#   ${l}`).join('\n'));
  return cond;
}

// A known bug, not fixed yet: printed as a TAP TODO, so the run passes
// while the failure stays in the output (prove says "TODO passed" once fixed).
function todo(cond, name, reason, diag) {
  count++;
  console.log(`${cond ? '' : 'not '}ok ${count} - ${name} # TODO ${reason}`);
  if (!cond && diag) console.log(String(diag).split('\n').map((l) => `#   ${l}`).join('\n'));
  return cond;
}

function done() {
  console.log(`1..${count}`);
  process.exitCode = failed ? 1 : 0;
}

// options: more context options (e.g. { javaScriptEnabled: false }).
async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'formations-chromium-'));
  // A persistent context is Playwright's way of passing --user-data-dir.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    bypassCSP: true, // axe-core is injected inline; the site's CSP forbids that, rightly
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
  const close = async () => {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

// Runs axe-core in the page; returns the violations of WCAG 2.x A and AA.
async function axe(page) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

// How wide the document is against the viewport: { scroll, client } of the
// root element (the page scrolls sideways when scroll > client), and what
// sticks out of the viewport, outermost first, for a diagnostic.
async function horizontalFit(page) {
  return page.evaluate(() => {
    const el = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > el.clientWidth + 0.5
        && e.parentElement.getBoundingClientRect().right <= el.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
        + `${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''}`
        + ` right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: el.scrollWidth, client: el.clientWidth, wide };
  });
}

// Logs a staff account in through the real login form and waits for the
// intranet home (where a login without "retour" leads).
async function login(page, base, email, password) {
  await page.goto(`${base}/intranet/connexion`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/intranet$/);
}

// --- the steps of a journey: each click and each field typed, printed as
// TAP comments by stepsReport()
const journeys = [];
function journey(name) {
  const j = { name, clicks: 0, typed: 0 };
  journeys.push(j);
  return j;
}
async function type(j, locator, value) {
  await locator.fill(value);
  j.typed++;
}
async function click(j, locator) {
  await locator.click();
  j.clicks++;
}
// Clicks a button that submits a form and waits for the page that answers;
// returns the status of the POST (303 when it went through).
async function submit(j, page, button) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    button.click(),
  ]);
  j.clicks++;
  return res.status();
}
function stepsReport() {
  for (const j of journeys)
    console.log(`# steps: ${j.name}: ${j.clicks} click(s), ${j.typed} field(s) typed, ${j.clicks + j.typed} in all`);
}

// The tables of the page that do not sit in a focusable region named by
// their caption (what keeps a 375 px page from scrolling sideways).
function looseTables(page) {
  return page.locator('main table').evaluateAll((tables) => tables.filter((t) => {
    const r = t.parentElement;
    const id = r.getAttribute('aria-labelledby');
    return !(r.classList.contains('table-scroll') && r.getAttribute('role') === 'region'
      && r.getAttribute('tabindex') === '0' && t.caption && t.caption.id === id
      && document.querySelectorAll(`[id="${id}"]`).length === 1);
  }).map((t) => t.id || t.className));
}

// When the page is wider than the screen: the blocks of main whose removal
// gives the width back (text that cannot wrap is not seen by the boxes).
function culprits(page) {
  return page.evaluate(() => {
    const el = document.documentElement;
    return [...document.querySelectorAll('main > *')].filter((e) => {
      const was = e.style.display;
      e.style.display = 'none';
      const fits = el.scrollWidth <= el.clientWidth;
      e.style.display = was;
      return fits;
    }).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className.split(' ').join('.') : ''}`
      + ` after #${(e.previousElementSibling || {}).id || '?'}`);
  });
}

// axe-core at a desktop's width, then at a phone's: no A/AA violation, and
// at 375 px no sideways scroll of the page and every table in its region;
// the page gets its size back.
async function checkPage(page, name) {
  const size = page.viewportSize();
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    let v = await axe(page);
    ok(v.length === 0, `${name}: axe-core, no A/AA violation at 1280 px`, v.join('\n'));
    await page.setViewportSize({ width: 375, height: 812 });
    const fit = await horizontalFit(page);
    ok(fit.client === 375 && fit.scroll <= fit.client,
      `${name}: no horizontal scroll at 375 px (scrollWidth ${fit.scroll}, clientWidth ${fit.client})`,
      fit.scroll > fit.client ? [...fit.wide, 'without it the page fits:', ...await culprits(page)].join('\n') : '');
    const loose = await looseTables(page);
    ok(loose.length === 0, `${name}: each table in a focusable region named by its caption`, loose.join('\n'));
    v = await axe(page);
    ok(v.length === 0, `${name}: axe-core, no A/AA violation at 375 px`, v.join('\n'));
  } finally {
    await page.setViewportSize(size);
  }
}

module.exports = { ok, todo, done, launch, axe, login, horizontalFit, journey, type, click, submit,
  stepsReport, looseTables, culprits, checkPage };
