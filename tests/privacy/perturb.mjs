// Changes, in place, every value of a site's data/*.csv that lies behind a figure sveden hides: a count
// or a score of a group smaller than min_group persons. Group sizes stay as they were (participants,
// graduates of grade 9, teachers, students), and so do the column checks of vocab/tables.yaml (marks
// add up to the participants, a part is not greater than its whole). Used by tests/e2e/privacy_property.sh:
// a site built from the changed data must be byte-identical to the one built from the original.
//
//   node perturb.mjs <site folder> <min_group> [«school/year» lines to leave as they are] [… to change the other way]
//                    [tables to change, «oge.csv,ege.csv»; all when absent or empty]
//
// The third argument keeps the perturbation within the same verdicts (tests/e2e/privacy_property.sh:
// the school-years whose decisions moved in a round are left unperturbed in the next).
// Untouched lines keep their bytes; a changed file keeps its encoding (UTF-8 with or without BOM, or
// Windows-1251), separator and line ends. Prints how many values it changed, by table.
import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv.mjs";

const [siteDir, minGroupArg, keepFile, flipFile, onlyArg] = process.argv.slice(2);
const only = new Set((onlyArg || "").split(",").filter(Boolean));
const lines = (file) => new Set(file && fs.existsSync(file) ? fs.readFileSync(file, "utf8").split(/\s+/).filter(Boolean) : []);
const keep = lines(keepFile), flip = lines(flipFile);
let down = false;  // this row changes the other way: one fewer rather than one more
const minGroup = Number(minGroupArg);
if (!siteDir || !(minGroup >= 1)) {
  console.error("usage: node perturb.mjs <site folder> <min_group>");
  process.exit(2);
}
// Years an olympiad share sums participants over (vocab/indicators.yaml, olympiad_share: window).
const kOlympiadWindow = 3;

// Header names as vocab/tables.yaml accepts them (the column id, its title and aliases), lower case.
const kColumns = {
  school_id: ["school_id", "код оо", "код школы"],
  year: ["year", "год", "учебный год"],
  students: ["students", "обучающихся", "численность обучающихся", "контингент"],
  grade9_graduates: ["grade9_graduates", "выпускников 9 класса", "выпускники 9"],
  grade10_continued: ["grade10_continued", "продолжили обучение в 10 классе", "поступили в 10 класс"],
  participants: ["participants", "участников", "число участников", "сдавали", "писали"],
  mean_score: ["mean_score", "средний балл", "средняя отметка", "средний тестовый балл"],
  below_min: ["below_min", "ниже минимума", "не преодолели минимальный порог", "получили «2»"],
  mark2: ["mark2", "отметка «2»", "«2»", "2", "отметка 2"],
  mark3: ["mark3", "отметка «3»", "«3»", "3", "отметка 3"],
  mark4: ["mark4", "отметка «4»", "«4»", "4", "отметка 4"],
  mark5: ["mark5", "отметка «5»", "«5»", "5", "отметка 5"],
  stage: ["stage", "этап"],
  teachers: ["teachers", "педагогов", "учителей", "численность педагогов"],
  pension_age: ["pension_age", "пенсионного возраста", "пенсионеров"],
  young_specialists: ["young_specialists", "молодых специалистов"],
  highest_category: ["highest_category", "с высшей категорией", "высшая категория"],
  first_category: ["first_category", "с первой категорией", "первая категория"],
  pd_completed: ["pd_completed", "прошли повышение квалификации за 3 года", "прошли пк", "пк за 3 года"],
};

// Windows-1251 both ways, from the decoder's own table.
const cp1251 = new TextDecoder("windows-1251");
const toCp1251 = new Map();
for (let b = 0; b < 256; ++b) toCp1251.set(cp1251.decode(Uint8Array.of(b)), b);

function readTable(file) {
  const bytes = fs.readFileSync(file);
  let encoding = "utf8", text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);  // drops a BOM
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = "utf8bom";
  } catch {
    encoding = "cp1251";
    text = cp1251.decode(bytes);
  }
  const lines = text.match(/[^\r\n]*(\r\n|\n|\r|$)/g).filter((l) => l.length > 0);
  const header = lines[0].replace(/[\r\n]+$/, "");
  const sep = (header.match(/;/g) || []).length >= (header.match(/,/g) || []).length ? ";" : ",";
  const names = split(header, sep).map((h) => h.trim().toLowerCase());
  const col = {};
  for (const [id, aliases] of Object.entries(kColumns)) {
    const k = names.findIndex((n) => aliases.includes(n));
    if (k >= 0) col[id] = k;
  }
  for (const id of ["school_id", "year"])
    if (col[id] === undefined) throw new Error(`${file}: no column ${id} among ${names.join(", ")}`);
  return { file, encoding, sep, lines, col, changed: 0 };
}

function writeTable(t) {
  if (t.changed === 0) return;
  const text = t.lines.join("");
  let bytes;
  if (t.encoding === "cp1251") {
    bytes = Buffer.from([...text].map((c) => {
      if (!toCp1251.has(c)) throw new Error(`${t.file}: «${c}» has no Windows-1251 byte`);
      return toCp1251.get(c);
    }));
  } else {
    bytes = Buffer.from((t.encoding === "utf8bom" ? "\ufeff" : "") + text, "utf8");
  }
  fs.writeFileSync(t.file, bytes);
}

// One line of RFC 4180 (the tables perturbed here have no line breaks inside cells).
const split = (line, sep) => parseCsv(line, sep)[0] || [""];

function join(cells, sep) {
  return cells.map((c) => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);
}

// Calls `change(row)` for each data line; `row.get(id)` reads a column as a number (null when empty),
// `row.set(id, value)` writes it back in the cell's own style.
function eachRow(t, change) {
  for (let k = 1; k < t.lines.length; ++k) {
    const eol = t.lines[k].match(/[\r\n]*$/)[0];
    const body = t.lines[k].slice(0, t.lines[k].length - eol.length);
    if (body.trim() === "") continue;
    const cells = split(body, t.sep);
    let changed = false;
    const row = {
      text: (id) => (t.col[id] === undefined ? "" : (cells[t.col[id]] || "").trim()),
      get(id) {
        const s = this.text(id).replace(/\s/g, "").replace(",", ".");
        return s === "" ? null : Number(s);
      },
      set(id, value) {
        const old = this.text(id);
        const decimals = (old.split(/[.,]/)[1] || "").length;
        let s = value.toFixed(decimals);
        if (old.includes(",")) s = s.replace(".", ",");
        if (s !== old) cells[t.col[id]] = s, (changed = true), ++t.changed;
      },
    };
    const at = `${row.text("school_id")}/${row.get("year")}`;
    if (keep.has(at) || (only.size && !only.has(path.basename(t.file)))) continue;
    down = flip.has(at);
    change(row);
    if (changed) t.lines[k] = join(cells, t.sep) + eol;
  }
}

const small = (n) => n !== null && n > 0 && n < minGroup;
// A part of a group of n: one more, or one fewer when it is the whole group already.
const nudge = (row, id, n) => {
  const v = row.get(id);
  // The other way: one fewer, or nothing at zero (a share of 0 % sits on the border of «нет молодых специалистов»).
  if (v !== null && down) row.set(id, v > 0 ? v - 1 : v);
  else if (v !== null) row.set(id, v < n ? v + 1 : v - 1);
};
// Moves one person from one mark to another (or back), so the marks still add up to the participants.
const move = (row, from, to) => {
  const a = row.get(from), b = row.get(to);
  if (a === null || b === null) return;
  if (down ? b === 0 && a > 0 : a > 0) row.set(from, a - 1), row.set(to, b + 1);
  else if (b > 0) row.set(from, a + 1), row.set(to, b - 1);
};
const data = (name) => path.join(siteDir, "data", name);

// contingent.csv: who of a small grade 9 went on to grade 10. Students of each school and year are
// kept for the olympiad shares below.
const students = new Map();
{
  const t = readTable(data("contingent.csv"));
  eachRow(t, (row) => {
    students.set(`${row.text("school_id")}/${row.get("year")}`, row.get("students"));
    const n = row.get("grade9_graduates");
    if (small(n)) nudge(row, "grade10_continued", n);
  });
  writeTable(t);
  console.log(`contingent.csv: ${t.changed}`);
}
// staff.csv: the shares of a small staff. One teacher moves between the categories, so their sum stays.
{
  const t = readTable(data("staff.csv"));
  eachRow(t, (row) => {
    const n = row.get("teachers");
    if (!small(n)) return;
    for (const id of ["pension_age", "young_specialists", "pd_completed"]) nudge(row, id, n);
    const high = row.get("highest_category"), first = row.get("first_category");
    if (high !== null && first !== null) move(row, "highest_category", "first_category");
    else if (high !== null) nudge(row, "highest_category", n);
  });
  writeTable(t);
  console.log(`staff.csv: ${t.changed}`);
}
// Exams: marks move between «2» and «3» and between «3» and «4», the number below the minimum and the
// mean score change; the participants stay.
for (const [name, ege] of [["oge.csv", false], ["ege.csv", true], ["vpr.csv", false]]) {
  if (!fs.existsSync(data(name))) continue;
  const t = readTable(data(name));
  eachRow(t, (row) => {
    const n = row.get("participants");
    if (!small(n)) return;
    move(row, "mark2", "mark3");
    move(row, "mark3", "mark4");
    nudge(row, "below_min", n);
    const mean = row.get("mean_score");
    // Marks (ОГЭ, ЕГЭ по базовой математике) move by a quarter, test scores by 7,5 points.
    const step = ege && mean > 5 ? 7.5 : 0.25, top = ege && mean > 5 ? 100 : 5;
    const low = ege && mean > 5 ? 0 : 2;
    if (mean !== null) row.set("mean_score", (down ? mean - step < low : mean + step <= top) ? mean + step : mean - step);
  });
  writeTable(t);
  console.log(`${name}: ${t.changed}`);
}
// olympiad.csv: participants count against all the school's students. The school stage of a year is
// hidden when that year's students are few; the regional and final stages enter the shares of the
// year and the two after it, so they change only if each of those is hidden or not computed.
{
  const t = readTable(data("olympiad.csv"));
  const hiddenOrAbsent = (school, year) => {
    const n = students.get(`${school}/${year}`);
    return n === undefined || n === null || n === 0 || small(n);
  };
  eachRow(t, (row) => {
    const school = row.text("school_id"), year = row.get("year"), stage = row.text("stage").toLowerCase();
    let free = hiddenOrAbsent(school, year);
    if (stage === "региональный" || stage === "заключительный")
      for (let y = year; y < year + kOlympiadWindow; ++y) free = free && hiddenOrAbsent(school, y);
    else if (stage !== "школьный") free = false;
    if (free && students.get(`${school}/${year}`)) {
      const v = row.get("participants");
      if (v !== null) row.set("participants", v + 1);
    }
  });
  writeTable(t);
  console.log(`olympiad.csv: ${t.changed}`);
}
