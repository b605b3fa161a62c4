// Measures serve's dashboard (the page at /) in Debian's chromium under 10,000+ events: it opens the page,
// posts the requests of TRAFFIC (one JSON object a line: {"app": ..., "body": base64}) over loopback while the
// page is open, and reports as one JSON line how long the page takes to catch up, the long tasks
// (PerformanceObserver 'longtask') while the events arrive, and how long a filter change, the refused-only
// click, a free-text search and opening a detail take to be painted. Then it reloads the page with the full
// ring held and measures the backlog the same way.
// Usage: node dashboard-load-check.mjs BASE_URL TRAFFIC TRACE_DIR
// The arrival and the reload are also recorded as Chromium traces in TRACE_DIR (arrival.json, backlog.json; open
// them in the DevTools Performance panel to see what a task spent its time on), from which the script reports
// the main-thread CPU time of the longest task: a long task's wall time also counts the time the machine gave to
// other processes.
// The only connections are to BASE_URL, the loopback server the calling test started.
import { launchChromium } from './chromium.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The main-thread CPU time (ms) of each task of the page's renderer in a Chromium trace, longest first.
function taskCpu(file) {
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
    .map((e) => e.pid + ':' + e.tid));
  return events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(e.pid + ':' + e.tid))
    .map((e) => Math.round((e.tdur ?? e.dur) / 1000)).sort((a, b) => b - a);
}

const [base, trafficFile, traceDir] = process.argv.slice(2);
if (!base || !trafficFile || !traceDir) {
  console.error('usage: node dashboard-load-check.mjs BASE_URL TRAFFIC TRACE_DIR');
  process.exit(2);
}
const traffic = readFileSync(trafficFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Collects every long task (a main-thread task over 50 ms) from the page's first script on.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const t of list.getEntries()) window.__longTasks.push(t.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(base + '/');
  await page.waitForSelector('#live.on');

  // Arrival: post every request (4 at a time, each one once) while the page is open.
  await page.evaluate(() => { window.__longTasks.length = 0; });
  await browser.startTracing(page, { path: join(traceDir, 'arrival.json'), screenshots: false });
  const started = Date.now();
  let next = 0;
  const statuses = {};
  const worker = async () => {
    while (next < traffic.length) {
      const t = traffic[next++];
      const r = await fetch(base + '/v1/apps/' + encodeURIComponent(t.app) + '/events',
        { method: 'POST', body: Buffer.from(t.body, 'base64') });
      await r.arrayBuffer();
      statuses[r.status] = (statuses[r.status] || 0) + 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const postedMs = Date.now() - started;
  const journal = await (await fetch(base + '/_pinpoint-events/events?limit=0')).json();
  const last = journal.LastSequence;
  const caughtUp = () => page.waitForFunction((seq) => {
    const top = document.querySelector('tr.entry');
    return top && Number(top.dataset.seq) === seq;
  }, last, { polling: 'raf' });
  await caughtUp();
  const arrival = {
    requests: traffic.length, statuses, entries: last, postedMs, caughtUpMs: Date.now() - started,
    counts: await page.textContent('#counts'), shown: await page.textContent('#shown'),
    rows: await page.$$eval('tr.entry', (r) => r.length),
    longTasks: await page.evaluate(() => window.__longTasks.slice()),
  };
  await browser.stopTracing();
  arrival.taskCpuMs = taskCpu(join(traceDir, 'arrival.json')).slice(0, 5);

  // One interaction: do the named action in the page, then wait for the frame that draws its result and for that frame
  // to be painted (a task queued from requestAnimationFrame runs after the paint), and time it.
  // (The page's CSP forbids eval, so the actions are named here rather than passed as code.)
  const timed = (action, id, value) => page.evaluate(async ([action, id, value]) => {
    window.__longTasks.length = 0;
    const t0 = performance.now();
    const e = document.getElementById(id);
    const before = document.querySelectorAll('tr.entry').length;
    if (action === 'set') { e.value = value; e.dispatchEvent(new Event('input', { bubbles: true })); }
    else if (action === 'click') e.click();
    else if (action === 'scroll') e.scrollTop = e.scrollHeight;
    else document.querySelector(id).click();
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    await frame();
    // Scrolling draws its rows in the frame after the scroll event: wait for them (at most 300 frames).
    for (let i = 0; action === 'scroll' && i < 300 && document.querySelectorAll('tr.entry').length === before; i++) await frame();
    return { ms: Math.round(performance.now() - t0), rows: document.querySelectorAll('tr.entry').length,
      shown: document.getElementById('shown').textContent, longTasks: window.__longTasks.slice() };
  }, [action, id, value]);
  const setFilter = (id, value) => timed('set', id, value);
  const firstApp = await page.$eval('#f-app option:nth-child(2)', (o) => o.value);
  const interactions = {};
  interactions.filterApp = await setFilter('f-app', firstApp);
  interactions.filterAppRowsMatch = await page.$$eval('tr.entry', (r, app) => r.every((x) => x.cells[4].textContent === app), firstApp);
  interactions.filterAppOff = await setFilter('f-app', '');
  interactions.filterType = await setFilter('f-type', '_session.start');
  interactions.filterTypeRowsMatch = await page.$$eval('tr.entry', (r) => r.length > 0 && r.every((x) => x.cells[3].textContent === '_session.start'));
  interactions.filterTypeOff = await setFilter('f-type', '');
  interactions.refusedOnly = await timed('click', 'refused-only');
  interactions.refusedRowsMatch = await page.$$eval('tr.entry', (r) => r.length > 0 && r.every((x) => x.dataset.status !== '202'));
  interactions.refusedOff = await timed('click', 'refused-only');
  interactions.freeText = await setFilter('f-text', '_session.stop');
  interactions.freeTextOff = await setFilter('f-text', '');
  interactions.scrollMore = await timed('scroll', 'list');
  interactions.detail = await timed('query', 'tr.entry.kind-event');
  interactions.detailShown = await page.textContent('#detail h2');

  // Backlog: a reload gets the whole ring over the stream at once.
  await browser.startTracing(page, { path: join(traceDir, 'backlog.json'), screenshots: false });
  await page.reload();
  await page.waitForSelector('#live.on');
  await caughtUp();
  const backlog = {
    caughtUpMs: Math.round(await page.evaluate(() => performance.now())),
    counts: await page.textContent('#counts'),
    longTasks: await page.evaluate(() => window.__longTasks.slice()),
  };
  await browser.stopTracing();
  backlog.taskCpuMs = taskCpu(join(traceDir, 'backlog.json')).slice(0, 5);
  backlog.filterType = await setFilter('f-type', '_session.start');
  console.log(JSON.stringify({ arrival, interactions, backlog, errors }));
} finally {
  await browser.close();
}
