// Runs axe-core in Debian's Chromium (driven by playwright-core, no browser download) on the pages
// named on the command line and checks them against WCAG 2.1 A and AA.
//
//   node tests/a11y/axe.mjs [--chromium /usr/bin/chromium] [--jobs N] [--width PX] [--tags T,T…]
//                           [--incomplete] BASE_URL PAGE...
//
// PAGE is a path relative to BASE_URL (e.g. `schools/sosh-1/sveden/common/index.html`). Every
// violation is printed grouped by rule with its impact, the CSS selector of each element and the
// page; the exit code is 1 when any violation is of serious or critical impact (or a page fails to
// load), 0 otherwise. Moderate and minor ones are reported, not failed. --width sets the window's
// width (1280 by default; 375 is a phone), --tags replaces the WCAG tags (e.g. best-practice for a
// look beyond WCAG), --incomplete lists the elements axe could not decide, for a person to look at.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = require('axe-core/package.json').version;

let TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);
const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'];
const SHOWN_NODES = { critical: 50, serious: 50, moderate: 8, minor: 8 };

let executablePath = '/usr/bin/chromium';
let jobs = 2;
let width = 1280;
let listIncomplete = false;
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === '--chromium') executablePath = argv[++i];
  else if (argv[i] === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
  else if (argv[i] === '--width') width = Number(argv[++i]) || width;
  else if (argv[i] === '--tags') TAGS = argv[++i].split(',');
  else if (argv[i] === '--incomplete') listIncomplete = true;
  else positional.push(argv[i]);
}
const [base, ...pages] = positional;
if (!base || pages.length === 0) {
  console.error('usage: node axe.mjs [--chromium PATH] [--jobs N] [--width PX] [--tags T,T…] [--incomplete] BASE_URL PAGE...');
  process.exit(2);
}

const browser = await chromium.launch({ executablePath, headless: true });
const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
await context.addInitScript(axeSource);  // in every page before its own content: no injection per page
const byRule = new Map();      // rule id -> { impact, help, helpUrl, nodes: [{page, target, summary}] }
const incomplete = new Map();  // rule id -> number of elements axe could not decide (needs a person)
const loadErrors = [];

async function check(page, pagePath) {
  try {
    const url = new URL(pagePath, base).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      loadErrors.push(`${pagePath}: HTTP ${response ? response.status() : 'нет ответа'}`);
      return;
    }
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS);
    for (const v of result.violations) {
      if (!byRule.has(v.id)) byRule.set(v.id, { impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: [] });
      const rule = byRule.get(v.id);
      for (const node of v.nodes) {
        const impact = node.impact || v.impact;
        if (IMPACT_ORDER.indexOf(impact) < IMPACT_ORDER.indexOf(rule.impact)) rule.impact = impact;
        rule.nodes.push({ page: pagePath, target: node.target.join(' >>> '), impact,
                          summary: (node.failureSummary || '').split('\n').slice(1).join(' ').trim() });
      }
    }
    for (const v of result.incomplete) {
      incomplete.set(v.id, (incomplete.get(v.id) || 0) + v.nodes.length);
      if (listIncomplete) {
        for (const n of v.nodes) {
          const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).join(' ');
          console.log(`? ${v.id} ${pagePath}  ${n.target.join(' >>> ')}: ${why}`);
        }
      }
    }
  } catch (e) {
    loadErrors.push(`${pagePath}: ${e.message.split('\n')[0]}`);
  }
}

const started = Date.now();
const queue = [...pages];
await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, async () => {
  const page = await context.newPage();  // one tab per worker, reused: a new tab costs more than a page
  while (queue.length) await check(page, queue.shift());
  await page.close();
}));
await browser.close();

const rules = [...byRule.entries()].sort(([a, x], [b, y]) =>
  IMPACT_ORDER.indexOf(x.impact) - IMPACT_ORDER.indexOf(y.impact) || a.localeCompare(b));
let failing = 0;
for (const [id, rule] of rules) {
  const pagesHit = new Set(rule.nodes.map((n) => n.page)).size;
  if (FAILING.has(rule.impact)) failing += rule.nodes.filter((n) => FAILING.has(n.impact)).length;
  console.log(`\n[${rule.impact}] ${id}: ${rule.help} — ${rule.nodes.length} элем. на ${pagesHit} стр.`);
  console.log(`  ${rule.helpUrl}`);
  const shown = SHOWN_NODES[rule.impact] ?? 8;
  for (const n of rule.nodes.slice(0, shown)) {
    console.log(`  - ${n.page}  ${n.target}${n.impact !== rule.impact ? ` (${n.impact})` : ''}`);
    if (FAILING.has(n.impact) && n.summary) console.log(`      ${n.summary}`);
  }
  if (rule.nodes.length > shown) console.log(`  … и ещё ${rule.nodes.length - shown}`);
}
if (incomplete.size) {
  console.log('\naxe не решил сам (нужна проверка человеком): ' +
              [...incomplete.entries()].map(([id, n]) => `${id} ${n}`).join(', '));
}
for (const e of loadErrors) console.log(`\nстраница не проверена: ${e}`);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\naxe-core ${axeVersion}, ${TAGS.join(' ')}: ${pages.length} стр. за ${seconds} с; ` +
            `правил с нарушениями: ${rules.length}, серьёзных и критических элементов: ${failing}`);
process.exit(failing > 0 || loadErrors.length > 0 ? 1 : 0);
