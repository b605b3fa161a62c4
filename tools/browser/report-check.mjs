// Opens validate's HTML report in Debian's chromium and prints, as one JSON line, what a person would see:
// the summary, the findings shown before and after each filter, and any request that left the page.
// Usage: node report-check.mjs REPORT.html SCREENSHOT.png
import { launchChromium } from './chromium.mjs';
import { pathToFileURL } from 'node:url';

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: node report-check.mjs REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(20000);
  const outside = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) outside.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(report).href);

  const visible = () => page.$$eval('.finding', (all) => all
    .filter((f) => f.offsetParent !== null).map((f) => f.dataset.rule + ' ' + f.dataset.kind));
  const result = {
    title: await page.title(),
    summary: (await page.textContent('#summary p')).trim(),
    // The summary is written last but shown first: its box is above the first request's.
    summaryAboveRequests: await page.evaluate(() => document.querySelector('#summary').getBoundingClientRect().top
      < document.querySelector('.request').getBoundingClientRect().top),
    all: await visible(),
    marks: await page.$$eval('mark', (all) => all.filter((m) => m.offsetParent !== null).length),
  };
  const rules = await page.$$eval('#rule-filter option', (all) => all.map((o) => o.value).filter((v) => v));
  result.rule = rules[0];
  await page.selectOption('#rule-filter', rules[0]);
  result.byRule = await visible();
  result.shownText = await page.textContent('#shown');
  await page.selectOption('#rule-filter', '');
  await page.selectOption('#kind-filter', 'warning');
  result.byKind = await visible();
  await page.selectOption('#kind-filter', '');
  // The rule link scrolls to the rule's entry.
  await page.click('.finding a.rule');
  result.hash = await page.evaluate(() => location.hash);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot });
  result.outside = outside;
  result.errors = errors;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
