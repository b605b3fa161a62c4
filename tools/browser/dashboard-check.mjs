// Opens serve's dashboard (the page at /) in Debian's chromium and prints, as one JSON line, what a person sees
// while traffic arrives: rows appearing without a reload, each filter, the refused-only toggle, the detail of a
// refused event, the session view and clear. Saves screenshots into SCREENSHOT_DIR.
// Usage: node dashboard-check.mjs BASE_URL SCREENSHOT_DIR SESSION_ID
// The only connections are to BASE_URL, the loopback server the calling test started.
import { launchChromium } from './chromium.mjs';
import { join } from 'node:path';

const [base, shots, sessionId] = process.argv.slice(2);
if (!base || !shots || !sessionId) {
  console.error('usage: node dashboard-check.mjs BASE_URL SCREENSHOT_DIR SESSION_ID');
  process.exit(2);
}
const browser = await launchChromium();
const liveEvent = (id) => JSON.stringify({ BatchItem: { 'ep-live': { Endpoint: {}, Events: {
  [id]: { EventType: 'live.check', Timestamp: '2026-12-07T07:00:00.000Z' } } } } });
const post = (body) => fetch(base + '/v1/apps/app-live/events', { method: 'POST', body });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(20000);
  const outside = [];
  const errors = [];
  let loads = 0;
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:')) outside.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('load', () => { loads++; });
  await page.goto(base + '/');
  loads = 0;   // from here on, a load would be a reload
  await page.waitForSelector('#live.on');
  await page.waitForSelector('tr.entry');
  const rows = () => page.$$eval('tr.entry', (all) => all.map((r) => ({
    seq: Number(r.dataset.seq), status: Number(r.dataset.status), cells: [...r.cells].map((c) => c.textContent) })));
  const result = { title: await page.title() };
  const before = await rows();
  result.initialRows = before.length;
  result.newestFirst = before.every((r, i) => i === 0 || before[i - 1].seq > r.seq);

  // Live: an event sent now shows up at the top, without a reload.
  await post(liveEvent('live-1'));
  await page.waitForFunction(() => [...document.querySelectorAll('tr.entry td:nth-child(4)')]
    .some((td) => td.textContent === 'live.check'));
  const after = await rows();
  result.liveTop = after[0].cells[3];
  result.liveRowsAdded = after.filter((r) => !before.some((b) => b.seq === r.seq)).length;
  result.loads = loads;

  // An UpdateEndpoint arrives as a row of its own kind; the kind filter shows the endpoint calls only.
  const put = await fetch(base + '/v1/apps/app-phone/endpoints/ep-registered', { method: 'PUT',
    body: JSON.stringify({ ChannelType: 'GCM', Address: 'token-live', OptOut: 'ALL' }) });
  // Waits for this call's own row: the UpdateEndpoint of ep-phone made before the page opened is there already.
  await page.waitForFunction(() => [...document.querySelectorAll('tr.entry.kind-endpoint td')]
    .some((td) => td.textContent === 'ep-registered'));
  const top = (await rows())[0];
  result.endpointRow = { put: put.status, cells: top.cells, status: top.status };
  await page.screenshot({ path: join(shots, 'dashboard-live.png') });

  // Each filter: every row shown matches it, and the URL keeps it.
  const filter = async (selector, value) => {
    if ((await page.$eval(selector, (e) => e.tagName)) === 'SELECT') await page.selectOption(selector, value);
    else await page.fill(selector, value);
    await page.waitForTimeout(150);
    const shown = await rows();
    const url = await page.evaluate(() => location.search);
    if ((await page.$eval(selector, (e) => e.tagName)) === 'SELECT') await page.selectOption(selector, '');
    else await page.fill(selector, '');
    await page.waitForTimeout(100);
    return { shown, url };
  };
  const app = await filter('#f-app', 'app-live');
  result.byApp = { count: app.shown.length, all: app.shown.every((r) => r.cells[4] === 'app-live'), url: app.url };
  const ep = await filter('#f-endpoint', 'ep-live');
  result.byEndpoint = { count: ep.shown.length, all: ep.shown.every((r) => r.cells[5] === 'ep-live'), url: ep.url };
  const type = await filter('#f-type', '_session.start');
  result.byType = { count: type.shown.length, all: type.shown.every((r) => r.cells[3] === '_session.start'), url: type.url };
  const status = await filter('#f-status', '413');
  result.byStatus = { count: status.shown.length, all: status.shown.every((r) => r.status === 413), url: status.url };
  const session = await filter('#f-session', sessionId);
  result.bySession = { count: session.shown.length, all: session.shown.every((r) => r.cells[6] === sessionId), url: session.url };
  const kind = await filter('#f-kind', 'endpoint');
  result.byKind = { count: kind.shown.length, operations: kind.shown.map((r) => r.cells[3] + ' ' + r.status), url: kind.url };
  const text = await filter('#f-text', 'live-1');
  result.byText = { count: text.shown.length, url: text.url };

  // Refused only: one click, every row refused, in the URL; a reload keeps it.
  await page.click('#refused-only');
  await page.waitForTimeout(150);
  const refused = await rows();
  result.refusedOnly = { count: refused.length, all: refused.every((r) => r.status !== 202),
    pressed: await page.getAttribute('#refused-only', 'aria-pressed'), url: await page.evaluate(() => location.search) };
  await page.reload();
  loads = 0;
  await page.waitForSelector('tr.entry');
  result.refusedAfterReload = (await rows()).every((r) => r.status !== 202);

  // Detail of a refused event (by keyboard: focus the first row, Enter).
  const firstEvent = await page.$('tr.entry.kind-event');
  await firstEvent.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#detail .rule-id');
  result.detail = {
    heading: await page.textContent('#detail h2'),
    rule: await page.textContent('#detail .rule-id'),
    provenance: await page.textContent('#detail .provenance'),
    source: await page.textContent('#detail .source'),
    marked: await page.$$eval('#detail mark', (m) => m.map((x) => x.textContent)),
  };
  await page.screenshot({ path: join(shots, 'dashboard-refused.png') });
  await page.click('#refused-only');   // off again

  // Session view of the session the test sent, with its arithmetic.
  await page.fill('#f-session', sessionId);
  await page.waitForTimeout(150);
  await page.click('tr.entry');
  await page.click('#open-session');
  await page.waitForSelector('#session:not([hidden]) #session-facts');
  result.sessionView = {
    start: await page.textContent('#session-start'),
    stop: await page.textContent('#session-stop'),
    duration: await page.textContent('#session-duration'),
    arithmetic: await page.$$eval('#session-arith li', (l) => l.map((x) => x.textContent)),
    events: await page.$$eval('#session-events li', (l) => l.length),
    dots: await page.$$eval('#session .timeline .dot', (l) => l.length),
    url: await page.evaluate(() => location.search),
  };
  await page.screenshot({ path: join(shots, 'dashboard-session.png') });
  await page.keyboard.press('Escape');
  await page.fill('#f-session', '');

  // Export of what is shown.
  await page.click('#refused-only');
  await page.click('#export-button');
  const ndjson = await page.inputValue('#export-text');
  result.exportLines = ndjson.trim().split('\n').map((l) => JSON.parse(l).StatusCode);
  result.refusedShown = (await rows()).length;
  await page.click('#export-close');
  await page.click('#refused-only');

  // Clear: the server forgets, every open page empties.
  await page.click('#clear');
  await page.waitForFunction(() => document.querySelectorAll('tr.entry').length === 0);
  result.afterClear = await page.textContent('#rows');
  await post(liveEvent('live-2'));
  await page.waitForSelector('tr.entry');
  result.afterClearRows = (await rows()).length;
  result.outside = outside;
  result.errors = errors;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
