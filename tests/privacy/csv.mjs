// RFC 4180 as sveden writes and reads it: cells separated by `sep`, quoted cells may hold the
// separator, doubled quotes and line breaks. Shared by perturb.mjs (one line at a time, so that
// untouched lines keep their bytes) and verdict_diff.mjs (whole open-data files).
export function parseCsv(text, sep = ";") {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += '"', ++i;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") ++i;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell !== "" || row.length) row.push(cell), rows.push(row);
  return rows;
}
