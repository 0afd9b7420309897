// Self-test of check.mjs, so that it cannot pass vacuously: the hand-written compliant fixture must give
// no finding, and each one-defect variant of it (made here by a string replacement) exactly its findings.
//   node tests/mr9/self_test.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'compliant');
const ABSENCE = '«отсутствует», «нет», «не предусмотрено» или «0»';

// Each variant: edits [file, from, to, all?] (from must occur, exactly once unless all), or a rename;
// expect: every finding line `page: message`, in any order.
const variants = [
  { name: 'нет eduProf в строке eduAccred',
    edits: [['sveden/education.html', '<td itemprop="eduProf">Основная образовательная программа основного общего образования</td>',
      '<td>Основная образовательная программа основного общего образования</td>']],
    expect: ['sveden/education.html: «eduAccred»: нет дочернего «eduProf» в строке 2'] },
  { name: 'дочерний тег после своей строки, а не внутри',
    edits: [['sveden/budget.html', '<td itemprop="finRas">43 870,4</td></tr>', '</tr><tr><td itemprop="finRas">43 870,4</td></tr>']],
    expect: ['sveden/budget.html: «finRas» вне строки: должен быть внутри «volume»',
      'sveden/budget.html: «volume»: нет дочернего «finRas» в строке 2'] },
  { name: 'блок с разметкой скрыт через display:none',
    edits: [['sveden/objects.html', '<div class="bx-hostel">', '<div class="bx-hostel" style="display: none">']],
    expect: ['sveden/objects.html: «hostelInfo» скрыт от посетителя (display:none): размеченные сведения должны быть видны',
      'sveden/objects.html: «interInfo» скрыт от посетителя (display:none): размеченные сведения должны быть видны'] },
  { name: 'скрыт классом sr-only',
    edits: [['sveden/catering.html', '<p>Охрана здоровья:', '<p class="sr-only">Охрана здоровья:']],
    expect: ['sveden/catering.html: «health» скрыт от посетителя (класс «sr-only»): размеченные сведения должны быть видны'] },
  { name: '«не применяются» вместо слова отсутствия',
    edits: [['sveden/eduStandarts.html', '<span itemprop="eduFedTreb">нет</span>', '<span itemprop="eduFedTreb">Не применяются</span>']],
    expect: [`sveden/eduStandarts.html: «eduFedTreb»: «не применяются» — вместо отсутствующих сведений пишут ${ABSENCE}`] },
  { name: '«не предусмотрены» вместо «не предусмотрено»',
    edits: [['sveden/grants.html', '<dd itemprop="localActObSt">не предусмотрено</dd>', '<dd itemprop="localActObSt">не предусмотрены</dd>']],
    expect: [`sveden/grants.html: «localActObSt»: «не предусмотрены» — вместо отсутствующих сведений пишут ${ABSENCE}`] },
  { name: 'itemscope и itemtype',
    edits: [['sveden/common.html', '<div class="bx-founders">', '<div class="bx-founders" itemscope itemtype="https://schema.org/Organization">']],
    expect: ['sveden/common.html: тег <div> с itemscope и itemtype: в МР v9 их нет, иерархию задаёт только вложенность itemprop'] },
  { name: 'упразднённый copy',
    edits: [['sveden/common.html', '<h1 class="bx-title">Основные сведения</h1>',
      '<h1 class="bx-title">Основные сведения</h1><p><a href="/special/" itemprop="copy">Версия для слабовидящих</a></p>']],
    expect: ['sveden/common.html: «copy»: версия для слабовидящих упразднена: п. 21 приказа 1493 отменён приказом 1353 (OPENNESS.md §2.2, §6.1)'] },
  { name: 'устаревший genExperience',
    edits: [['sveden/employees.html', '<td itemprop="specExperience">15</td>', '<td itemprop="specExperience">15</td><td itemprop="genExperience">20</td>']],
    expect: ['sveden/employees.html: «genExperience»: устаревший атрибут (до приказа 1493); в МР v9 его нет (OPENNESS.md §6.7)'] },
  { name: 'два имени в одном itemprop',
    edits: [['sveden/common.html', '<span itemprop="telephone">', '<span itemprop="telephone fax">']],
    expect: ['sveden/common.html: несколько имён в одном itemprop: «telephone fax»',
      'sveden/common.html: «fax» нет в МР v9 для подраздела «Основные сведения»'] },
  { name: 'главный тег на <table>, дочерний в ячейке заголовка',
    edits: [['sveden/vacant.html', '<table class="bx-table">', '<table class="bx-table" itemprop="vacant">'],
      ['sveden/vacant.html', '<tr itemprop="vacant">', '<tr>', true],
      ['sveden/vacant.html', '<th>Наименование</th>', '<th itemprop="eduName">Наименование</th>']],
    expect: ['sveden/vacant.html: главный тег «vacant» на <table>: он ставится на каждую строку <tr> (одна сущность — одна строка)',
      'sveden/vacant.html: дочерний «eduName» в ячейке заголовка таблицы: он ставится в строку данных'] },
  { name: 'строки внутри строки: вложенность глубже одного уровня',
    edits: [['sveden/budget.html', '<table class="bx-table">', '<div itemprop="volume"><table class="bx-table">'],
      ['sveden/budget.html', '</table>', '</table></div>']],
    expect: ['sveden/budget.html: «volume» внутри «volume»: главный тег ставится вне других размеченных тегов (×2)',
      ...['finYear', 'finPost', 'finRas'].map((c) => `sveden/budget.html: «${c}» вложен глубже одного уровня («volume» → «volume» → «${c}»): робот такое не учитывает (×2)`),
      ...['finYear', 'finPost', 'finRas'].map((c) => `sveden/budget.html: «volume»: нет дочернего «${c}» в строке 1`)] },
  { name: 'документ не на ссылке',
    edits: [['sveden/document.html', '<a href="/upload/docs/ustav.pdf" itemprop="ustavDocLink">Устав (PDF)</a>', '<span itemprop="ustavDocLink">Устав</span>']],
    expect: [`sveden/document.html: «ustavDocLink» не на ссылке <a href>: документ даётся ссылкой, при отсутствии — словом ${ABSENCE}`] },
  { name: 'нет атрибута со звёздочкой',
    edits: [['sveden/objects.html', '<p>Доступ в общежитие, интернат: <span itemprop="hostelInterOvz">не предусмотрено</span></p>', '']],
    expect: ['sveden/objects.html: нет «hostelInterOvz» (если сведений нет — слово отсутствия с этим itemprop)'] },
  { name: 'addRef на страницу, которой нет: без неё нет и eduOp',
    edits: [['sveden/education.html', 'href="/sveden/education/op/"', 'href="/sveden/education/programs/"']],
    expect: ['sveden/education.html: addRef «/sveden/education/programs/»: страницы нет на этом сайте',
      'sveden/education.html: нет «eduOp»'] },
  { name: 'дочерний тег на addRef-странице',
    edits: [['sveden/education/op/index.html', '<span itemprop="eduProf">ООП ООО</span>', '<span>ООП ООО</span>']],
    expect: ['sveden/education/op/index.html: «eduOp»: нет дочернего «eduProf» в строке 2'] },
  { name: 'заголовок не официальный',
    edits: [['sveden/managers.html', '<h1 class="bx-title">Руководство</h1>', '<h1 class="bx-title">Руководство школы</h1>']],
    expect: ['sveden/managers.html: заголовок <h1> «Руководство школы» вместо официального «Руководство»'] },
  { name: 'адрес подраздела в другом регистре',
    rename: ['sveden/eduStandarts.html', 'sveden/edustandarts.html'],
    expect: ['sveden/: нет подраздела по адресу «/sveden/eduStandarts»: есть «/sveden/edustandarts», а регистр адреса важен (МР v9, табл. 3.1)'] },
];

function run(dir) {
  const r = spawnSync(process.execPath, [path.join(here, 'check.mjs'), dir], { encoding: 'utf8' });
  const findings = r.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
  return { status: r.status, findings, output: r.stdout + r.stderr };
}

let failed = 0;
const fail = (name, why, output) => {
  failed++;
  console.error(`FAIL: ${name}: ${why}\n${output}`);
};

const clean = run(fixture);
if (clean.status !== 0 || clean.findings.length) fail('образцовый сайт', `ожидалось 0 замечаний и код 0, код ${clean.status}`, clean.output);

const scratch = mkdtempSync(path.join(tmpdir(), 'mr9-self-test-'));
try {
  variants.forEach((v, i) => {
    const dir = path.join(scratch, String(i));
    cpSync(fixture, dir, { recursive: true });
    for (const [file, from, to, all] of v.edits ?? []) {
      const p = path.join(dir, file);
      const html = readFileSync(p, 'utf8');
      const count = html.split(from).length - 1;
      if (count === 0 || (count > 1 && !all)) throw new Error(`${v.name}: «${from}» встречается в ${file} ${count} раз`);
      writeFileSync(p, html.replaceAll(from, to));
    }
    if (v.rename) renameSync(path.join(dir, v.rename[0]), path.join(dir, v.rename[1]));
    const got = run(dir);
    const want = [...v.expect].sort();
    const have = [...got.findings].sort();
    if (got.status !== 1) fail(v.name, `код завершения ${got.status}, а не 1`, got.output);
    else if (JSON.stringify(want) !== JSON.stringify(have)) {
      fail(v.name, `ожидалось:\n  ${want.join('\n  ')}\nполучено:\n  ${have.join('\n  ')}`, '');
    }
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed) {
  console.error(`self-test: ${failed} из ${variants.length + 1} проверок не прошли`);
  process.exit(1);
}
console.log(`ok: образцовый сайт без замечаний, ${variants.length} вариантов с дефектом дают ровно свои замечания`);
