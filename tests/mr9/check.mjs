// An independent checker of the «Сведения об образовательной организации» markup against
// Rosobrnadzor's methodological recommendations v9 (МР v9), like the robot of АИС «Мониторинг».
// It reads only tests/mr9/ruleset.json (written from OPENNESS.md §3–§6 and the public
// ftfour/sveden-checker ruleset), never vocab/sveden.yaml or the generator: a second opinion.
//
//   node tests/mr9/check.mjs [--summary] SITE_DIR [SITE_DIR…]
//
// SITE_DIR is one school's site root: sveden/common/index.html or, as wget saves it, sveden/common.html.
// Prints findings in Russian grouped by site and page, then a total; exits 1 on any finding, 2 on misuse.
// --summary adds the distinct findings with the number of sites that have each.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// parse5 lives with the other test tools (npm ci --prefix tests/tools), not next to this file.
const parse5Path = createRequire(path.join(here, '../tools/package.json')).resolve('parse5');
const { parse } = await import(pathToFileURL(parse5Path));
const RULES = JSON.parse(readFileSync(path.join(here, 'ruleset.json'), 'utf8'));

const MAX_ADDREF = 10; // МР v9 §3.1: «целесообразно не более 10»; the robot reads no more.
const ALLOWED_ABSENCE = RULES.absenceWords;
const ABSENCE_HINT = ALLOWED_ABSENCE.map((w) => `«${w}»`).join(', ').replace(/, (?=[^,]*$)/, ' или ');
// Other ways of saying «no data». МР and the clarifications allow only the four words above, so any
// of these where a value is absent is a finding («не применяются», «не предусмотрены», «—»…).
const ABSENCE_LIKE = [/^не(\s+\S+){1,2}$/, /^отсутству\S*$/, /^нет(\s+\S+)?$/, /^\S+\s+(нет|отсутству\S*)$/,
  /^(—|–|-|н\/д|нд|n\/a|пусто|не указано)$/];
// Ways to hide content that a visitor would not see (приказ 1493 п. 27: marked data must be visible).
const HIDDEN_CLASSES = ['hidden', 'd-none', 'sr-only', 'visually-hidden'];

// ---- HTML helpers over the parse5 tree ----
const attr = (el, name) => el.attrs?.find((a) => a.name === name)?.value;
const hasAttr = (el, name) => el.attrs?.some((a) => a.name === name) ?? false;
function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (!child.tagName) continue;
    yield child;
    yield* elements(child);
  }
}
function text(node) {
  if (node.nodeName === '#text') return node.value;
  if (node.tagName === 'script' || node.tagName === 'style') return '';
  return (node.childNodes ?? []).map(text).join('');
}
// Compares as a reader would: case, «ё», non-breaking spaces and a final full stop do not matter.
const norm = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е').replace(/[.;!]+$/, '');
const normTitle = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim().replace(/ё/g, 'е').replace(/Ё/g, 'Е');
function hiddenReason(el) {
  for (let n = el; n && n.tagName; n = n.parentNode) {
    if (['meta', 'link', 'template'].includes(n.tagName)) return `тег <${n.tagName}> не виден на странице`;
    if (hasAttr(n, 'hidden')) return 'атрибут hidden';
    const style = (attr(n, 'style') ?? '').toLowerCase();
    if (/display\s*:\s*none/.test(style)) return 'display:none';
    if (/visibility\s*:\s*hidden/.test(style)) return 'visibility:hidden';
    const cls = (attr(n, 'class') ?? '').split(/\s+/).find((c) => HIDDEN_CLASSES.includes(c));
    if (cls) return `класс «${cls}»`;
  }
  return null;
}

// ---- Step 1–3 of the robot (МР v9 §5): the page, its itemprop tags, the nearest marked ancestor ----
function readPage(file) {
  const doc = parse(readFileSync(file, 'utf8'));
  const marks = new Map(); // element → { el, names, parent }
  const scoped = [];
  let h1 = null;
  let title = null;
  for (const el of elements(doc)) {
    if (el.tagName === 'h1' && h1 === null) h1 = text(el);
    if (el.tagName === 'title' && title === null) title = text(el);
    if (hasAttr(el, 'itemscope') || hasAttr(el, 'itemtype')) scoped.push(el);
    if (!hasAttr(el, 'itemprop')) continue;
    let parent = null;
    for (let n = el.parentNode; n && !parent; n = n.parentNode) parent = marks.get(n) ?? null;
    marks.set(el, { el, names: attr(el, 'itemprop').trim().split(/\s+/).filter(Boolean), parent });
  }
  return { file, marks: [...marks.values()], scoped, h1, title };
}

// ---- Where a subsection lives: exact-case /sveden/<id>/ (index.html) or wget's sveden/<id>.html ----
function listDir(dir) {
  try { return readdirSync(dir); } catch { return []; }
}
const isFile = (p) => { try { return statSync(p).isFile(); } catch { return false; } };
function findSectionPage(siteDir, id) {
  const svedenDir = path.join(siteDir, 'sveden');
  const entries = listDir(svedenDir); // readdir, not exists(): the file system may ignore case
  if (entries.includes(id) && listDir(path.join(svedenDir, id)).includes('index.html')) return { file: `sveden/${id}/index.html` };
  if (entries.includes(`${id}.html`)) return { file: `sveden/${id}.html` };
  const other = entries.find((e) => e.replace(/\.html$/, '').toLowerCase() === id.toLowerCase());
  return { other: other?.replace(/\.html$/, '') };
}

// Maps an addRef href to a file of this site. Root-relative paths may carry the site's own prefix on a
// portal (/schools/sosh-1/sveden/…): a prefix is dropped only when the site folder's path ends with it.
function resolveLocal(siteDir, pageRel, href) {
  let url;
  try { url = new URL(href, `http://site.invalid/${pageRel}`); } catch { return null; }
  if (!['http:', 'https:'].includes(url.protocol)) return null;
  const segs = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  const siteSegs = path.resolve(siteDir).split(path.sep).filter(Boolean);
  for (let i = 0; i <= segs.length; i++) {
    const prefix = segs.slice(0, i);
    if (i > 0 && prefix.join('/') !== siteSegs.slice(-i).join('/')) continue;
    const rest = segs.slice(i).join('/');
    for (const cand of [rest, path.posix.join(rest, 'index.html'), `${rest}.html`]) {
      if (cand && isFile(path.join(siteDir, cand))) return cand;
    }
  }
  return null;
}

// ---- Step 4–6: follow addRef, then check every tag and every expected attribute ----
function checkSection(siteDir, sec, report) {
  const where = findSectionPage(siteDir, sec.id);
  if (!where.file) {
    const msg = where.other
      ? `нет подраздела по адресу «${sec.path}»: есть «/sveden/${where.other}», а регистр адреса важен (МР v9, табл. 3.1)`
      : `нет страницы подраздела «${sec.path}» («${sec.title}»)`;
    report(sec, 'sveden/', msg);
    return;
  }
  const main = readPage(path.join(siteDir, where.file));
  main.rel = where.file;
  const pages = [main];

  const h1 = main.h1 === null ? null : normTitle(main.h1);
  if (h1 === null) report(sec, main.rel, `нет заголовка <h1>; нужен «${sec.title}»`);
  else if (h1 !== normTitle(sec.title)) report(sec, main.rel, `заголовок <h1> «${h1}» вместо официального «${sec.title}»`);
  if (main.title !== null && !normTitle(main.title).includes(normTitle(sec.title))) {
    report(sec, main.rel, `<title> «${normTitle(main.title)}» без официального названия «${sec.title}»`);
  }

  // addRef: on the link itself or on an element around it (the robot accepts both).
  const refs = [];
  for (const m of main.marks.filter((x) => x.names.includes('addRef'))) {
    const a = m.el.tagName === 'a' ? m.el : [...elements(m.el)].find((e) => e.tagName === 'a' && attr(e, 'href'));
    if (a && attr(a, 'href')) refs.push(attr(a, 'href'));
  }
  const unique = [...new Set(refs)];
  if (unique.length > MAX_ADDREF) report(sec, main.rel, `ссылок addRef ${unique.length}: робот обходит не больше ${MAX_ADDREF}`);
  for (const href of unique.slice(0, MAX_ADDREF)) {
    const rel = resolveLocal(siteDir, main.rel, href);
    if (!rel) { report(sec, main.rel, `addRef «${href}»: страницы нет на этом сайте`); continue; }
    if (pages.some((p) => p.rel === rel)) continue;
    const page = readPage(path.join(siteDir, rel));
    page.rel = rel;
    pages.push(page);
  }

  const byName = new Map();
  for (const a of [...sec.attributes, ...RULES.everyPage]) byName.set(a.name, [...(byName.get(a.name) ?? []), a]);

  for (const page of pages) {
    const say = (msg) => report(sec, page.rel, msg);
    for (const el of page.scoped) {
      const which = ['itemscope', 'itemtype'].filter((n) => hasAttr(el, n)).join(' и ');
      say(`тег <${el.tagName}> с ${which}: в МР v9 их нет, иерархию задаёт только вложенность itemprop`);
    }
    for (const m of page.marks) {
      if (m.names.length > 1) say(`несколько имён в одном itemprop: «${m.names.join(' ')}»`);
      for (const name of m.names) checkTag(m, name, byName.get(name), sec, say);
    }
  }

  // Presence: every attribute the school must show, «*» ones too (they then carry an absence word).
  const all = pages.flatMap((p) => p.marks.map((m) => ({ ...m, page: p })));
  for (const a of sec.attributes.filter((x) => x.expected !== false)) {
    if (a.kind !== 'child') {
      if (!all.some((m) => m.names.includes(a.name))) report(sec, main.rel, `нет «${a.name}»${a.star ? ' (если сведений нет — слово отсутствия с этим itemprop)' : ''}`);
      continue;
    }
    for (const page of pages) {
      const rows = page.marks.filter((m) => m.names.includes(a.parent) && m.parent === null);
      rows.forEach((row, i) => {
        if (!page.marks.some((m) => m.parent === row && m.names.includes(a.name))) {
          report(sec, page.rel, `«${a.parent}»: нет дочернего «${a.name}» в строке ${i + 1}`);
        }
      });
    }
  }
}

// One tag under one of its names: known for this page, in the right place, visible, with a proper value.
function checkTag(m, name, placements, sec, say) {
  if (RULES.forbidden[name]) return say(`«${name}»: ${RULES.forbidden[name]}`);
  if (!placements) return say(`«${name}» нет в МР v9 для подраздела «${sec.title}»`);
  const parentNames = m.parent?.names ?? [];
  const fit = placements.find((p) => (p.kind === 'child' ? parentNames.includes(p.parent) : m.parent === null));
  if (!fit) {
    const rowsOf = placements.filter((p) => p.kind === 'child').map((p) => `«${p.parent}»`);
    if (rowsOf.length && !m.parent) say(`«${name}» вне строки: должен быть внутри ${rowsOf.join(' или ')}`);
    else if (rowsOf.length) say(`«${name}» внутри «${parentNames.join(' ')}», а должен быть внутри ${rowsOf.join(' или ')}`);
    else say(`«${name}» внутри «${parentNames.join(' ')}»: ${placements[0].kind === 'row' ? 'главный тег' : 'этот атрибут'} ставится вне других размеченных тегов`);
    return;
  }
  if (m.parent?.parent) {
    say(`«${name}» вложен глубже одного уровня («${m.parent.parent.names.join(' ')}» → «${parentNames.join(' ')}» → «${name}»): робот такое не учитывает`);
  }
  const tag = m.el.tagName;
  if (fit.kind === 'row' && ['table', 'thead', 'tbody', 'tfoot'].includes(tag)) {
    say(`главный тег «${name}» на <${tag}>: он ставится на каждую строку <tr> (одна сущность — одна строка)`);
  }
  if (fit.kind === 'child') {
    let inHead = tag === 'th';
    for (let n = m.el.parentNode; n; n = n.parentNode) inHead ||= n.tagName === 'thead';
    if (inHead) say(`дочерний «${name}» в ячейке заголовка таблицы: он ставится в строку данных`);
  }
  const hidden = hiddenReason(m.el);
  if (hidden) say(`«${name}» скрыт от посетителя (${hidden}): размеченные сведения должны быть видны`);
  if (fit.kind === 'row') return;

  const value = norm(text(m.el));
  const allowed = [...ALLOWED_ABSENCE, ...(fit.absenceAlso ?? [])].includes(value);
  const absenceLike = !allowed && ABSENCE_LIKE.some((re) => re.test(value));
  const isLink = fit.kind === 'link' || fit.link;
  const onLink = tag === 'a' && !!attr(m.el, 'href')?.trim();
  if (absenceLike) say(`«${name}»: «${value}» — вместо отсутствующих сведений пишут ${ABSENCE_HINT}`);
  else if (isLink && !onLink && !allowed) say(`«${name}» не на ссылке <a href>: документ даётся ссылкой, при отсутствии — словом ${ABSENCE_HINT}`);
  else if (!value && !onLink && !attr(m.el, 'content')) say(`«${name}» пустой: если сведений нет, пишут ${ABSENCE_HINT}`);
}

// ---- CLI ----
const plural = (n, one, few, many) => {
  const d = n % 10, h = n % 100;
  return `${n} ${d === 1 && h !== 11 ? one : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few : many}`;
};
const args = process.argv.slice(2);
const summary = args.includes('--summary');
const sites = args.filter((a) => a !== '--summary');
if (!sites.length || sites.some((s) => s.startsWith('-'))) {
  console.error('использование: node tests/mr9/check.mjs [--summary] ПАПКА_САЙТА [ПАПКА_САЙТА…]');
  process.exit(2);
}
let total = 0;
let sitesWithFindings = 0;
const distinct = new Map(); // subsection + message without the row number → sites
for (const siteDir of sites) {
  if (!statSync(siteDir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`нет папки сайта «${siteDir}»`);
    process.exit(2);
  }
  const byPage = new Map();
  const report = (sec, page, msg) => {
    const list = byPage.get(page) ?? byPage.set(page, new Map()).get(page);
    list.set(msg, (list.get(msg) ?? 0) + 1);
    const key = `${sec.path}\t${msg.replace(/ в строке \d+$/, ' в строках')}`;
    distinct.set(key, (distinct.get(key) ?? new Set()).add(siteDir));
  };
  for (const sec of RULES.sections) checkSection(siteDir, sec, report);
  const n = [...byPage.values()].reduce((s, l) => s + [...l.values()].reduce((a, b) => a + b, 0), 0);
  total += n;
  if (!n) continue;
  sitesWithFindings++;
  console.log(`\nСайт ${siteDir}: ${plural(n, 'замечание', 'замечания', 'замечаний')}`);
  for (const [page, list] of byPage) {
    for (const [msg, count] of list) console.log(`  ${page}: ${msg}${count > 1 ? ` (×${count})` : ''}`);
  }
}
if (summary && distinct.size) {
  console.log('\nРазные замечания (подраздел — замечание — сайтов):');
  for (const [key, set] of [...distinct].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [sec, msg] = key.split('\t');
    console.log(`  ${sec} — ${msg} — ${set.size}`);
  }
}
console.log(total
  ? `\nИтого: ${plural(total, 'замечание', 'замечания', 'замечаний')} по МР v9 на ${plural(sitesWithFindings, 'сайте', 'сайтах', 'сайтах')} из ${sites.length}`
  : `Итого: 0 замечаний по МР v9 (${plural(sites.length, 'сайт', 'сайта', 'сайтов')})`);
process.exit(total ? 1 : 0);
