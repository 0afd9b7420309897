// The demo's pages in Debian's Chromium (playwright-core, no browser download) at the width of a
// desktop (1280 px) and of a phone (390 px), checked as a reader would look at them:
//   - no page scrolls sideways;
//   - the register of schools, the monitoring page, every indicator page and the roadmap show their
//     tables whole at 1280 px, and the register and monitoring page at 390 px too (cards or narrow);
//   - a school's site stands in the same centred column as the portal;
//   - the menu of «Сведения…» is folded on a phone (its summary names the subsection and the heading
//     is on the first screen) and shown open on a desktop.
//
//   node tests/layout/layout.mjs [--chromium /usr/bin/chromium] OUTPUT_DIR
//
// Prints every problem with its page and width; exit code 1 when there is any.
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'package.json'));
const { chromium } = require('playwright-core');

let executablePath = '/usr/bin/chromium';
const args = process.argv.slice(2);
if (args[0] === '--chromium') { executablePath = args[1]; args.splice(0, 2); }
const root = args[0];
if (!root) { console.error('usage: node layout.mjs [--chromium PATH] OUTPUT_DIR'); process.exit(2); }

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name === 'index.html') out.push(path.relative(root, p));
  }
  return out;
}
// The printed reports are laid out for paper (tests/e2e/pdf_reports.sh looks at them).
const pages = walk(root, []).filter((p) => !p.startsWith('reports/'));
const wholeAt1280 = (p) => p === 'schools/index.html' || p.startsWith('monitoring/') || p === 'support/roadmap/index.html';
const wholeAt390 = (p) => p === 'schools/index.html' || p === 'monitoring/index.html';
const sveden = /^schools\/[^/]+\/sveden\/[^/]+\/index\.html$/;

const problems = [];
const browser = await chromium.launch({ executablePath, headless: true });
for (const width of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 844 }, locale: 'ru-RU' });
  const page = await context.newPage();
  let portalLeft = null;
  for (const p of pages) {
    await page.goto(pathToFileURL(path.join(root, p)).href);
    const r = await page.evaluate(() => {
      const de = document.documentElement;
      const regions = [];
      for (const el of document.querySelectorAll('.table-scroll'))
        if (el.scrollWidth > el.clientWidth + 1)
          regions.push(`${(el.getAttribute('aria-label') || el.querySelector('caption, h2')?.textContent || el.querySelector('table')?.getAttribute('aria-labelledby') || '').trim().slice(0, 60)} (${el.scrollWidth} > ${el.clientWidth} px)`);
      const main = document.querySelector('main').getBoundingClientRect();
      const menu = document.querySelector('.sveden-menu');
      let sv = null;
      if (menu) {
        const links = [...menu.querySelectorAll('ol a')];
        const summary = menu.querySelector('summary');
        sv = {
          shown: links.filter((a) => a.checkVisibility()).length,
          links: links.length,
          summary: summary && summary.checkVisibility() ? summary.textContent.replace(/\s+/g, ' ').trim() : '',
          h1: document.querySelector('article h1').getBoundingClientRect().top,
          title: document.querySelector('article h1').textContent.trim(),
        };
      }
      return { sideways: de.scrollWidth - de.clientWidth, regions, left: Math.round(main.left), right: Math.round(main.right), sv };
    });
    const at = `${width} px ${p}`;
    if (r.sideways > 0) problems.push(`${at}: страница прокручивается вбок на ${r.sideways} px`);
    if ((width === 1280 && wholeAt1280(p)) || (width === 390 && wholeAt390(p)))
      for (const region of r.regions) problems.push(`${at}: таблица не помещается: ${region}`);
    if (p === 'index.html') portalLeft = r;
    if (width === 1280 && p.startsWith('schools/') && p !== 'schools/index.html' && portalLeft &&
        (r.left !== portalLeft.left || r.right !== portalLeft.right))
      problems.push(`${at}: содержание сайта школы в ${r.left}–${r.right} px, а портала — в ${portalLeft.left}–${portalLeft.right} px`);
    if (sveden.test(p)) {
      if (!r.sv) { problems.push(`${at}: нет меню раздела «Сведения…»`); continue; }
      if (r.sv.links !== 14) problems.push(`${at}: в меню ${r.sv.links} ссылок, а не 14`);
      if (width === 1280 && r.sv.shown !== r.sv.links) problems.push(`${at}: меню свёрнуто на широком экране (видно ${r.sv.shown} ссылок)`);
      if (width === 390) {
        if (r.sv.shown !== 0) problems.push(`${at}: меню раскрыто на телефоне (видно ${r.sv.shown} ссылок)`);
        if (!r.sv.summary.includes(r.sv.title)) problems.push(`${at}: в свёрнутом меню не назван подраздел: «${r.sv.summary}»`);
        if (r.sv.h1 > 844) problems.push(`${at}: заголовок подраздела не на первом экране (${Math.round(r.sv.h1)} px)`);
      }
    }
  }
  await context.close();
}
await browser.close();
for (const line of problems) console.log(line);
console.log(`${pages.length} страниц на ширине 1280 и 390 px: ${problems.length ? problems.length + ' замечаний' : 'без замечаний'}`);
process.exit(problems.length ? 1 : 0);
