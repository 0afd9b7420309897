// Which schools' published decisions differ between two builds of a site: the verdict of every group
// (opendata/classification.csv) and of every rule (opendata/evidence.csv), and every risk level
// (opendata/risk_profile.csv). Used by tests/e2e/privacy_property.sh to keep the perturbation of
// hidden values within the same verdicts: the school-years it prints are left unperturbed in the next round.
//
//   node verdict_diff.mjs <output a> <output b>
//
// Prints «school/year» for every school and year whose decisions differ, and the two years before it,
// whose data the rules of that year may look at (a fall over two years, a window of three): one a
// line, nothing when no decision differs.
import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv.mjs";

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node verdict_diff.mjs <output a> <output b>");
  process.exit(2);
}

// The file's decisions, keyed by everything but the decision and its sentence.
function decisions(dir, file, decision) {
  const rows = parseCsv(fs.readFileSync(path.join(dir, "opendata", file), "utf8").replace(/^\ufeff/, ""));
  const header = rows[0], at = header.indexOf(decision), sentence = header.indexOf("explanation");
  const out = new Map();
  for (const row of rows.slice(1)) {
    if (row.length < header.length) continue;
    const key = row.filter((_, k) => k !== at && k !== sentence && header[k] !== "high_conditions").join("\u0001");
    // A risk level's conditions of «высокий» are decisions too (high_conditions), as is the level.
    const conditions = header.indexOf("high_conditions");
    const decided = conditions >= 0 ? `${row[at]}\u0001${row[conditions]}` : row[at];
    out.set(`${file}\u0001${key}`, { school: row[0], year: Number(row[header.indexOf("year")]), decision: decided });
  }
  return out;
}

const differ = new Set();
for (const [file, decision] of [["classification.csv", "verdict"], ["evidence.csv", "verdict"], ["risk_profile.csv", "level"]]) {
  const x = decisions(a, file, decision), y = decisions(b, file, decision);
  const moved = (d) => { for (let k = 0; k <= 2; ++k) differ.add(`${d.school}/${d.year - k}`); };
  for (const [key, d] of x) if (!y.has(key) || y.get(key).decision !== d.decision) moved(d);
  for (const [key, d] of y) if (!x.has(key)) moved(d);
}
for (const line of [...differ].sort()) console.log(line);
