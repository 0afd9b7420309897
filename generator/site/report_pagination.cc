#include "site/report_pagination.h"

#include <nlohmann/json.hpp>

namespace sveden {

// The ids given here («pg-…») are the printing's own: the report's HTML on the site has none of them.
std::string pagination_prepare_script() {
  return R"JS((() => {
  if (document.getElementById('pg-targets')) return false;
  const nav = document.createElement('nav');
  nav.id = 'pg-targets';
  nav.hidden = true;
  const link = (id) => { const a = document.createElement('a'); a.href = '#' + id; nav.appendChild(a); };
  for (const li of document.querySelectorAll('.toc li')) {
    const place = document.createElement('span');
    place.className = 'toc-page';
    li.appendChild(place);
  }
  for (const h of document.querySelectorAll('main h2[id]')) link(h.id);
  // A table cut into parts keeps its columns: their widths are fixed, as the automatic layout gives
  // them at the width of the printed page (A4 less the margins of report.css), before any cut.
  const body = document.body.getAttribute('style');
  document.body.style.cssText = 'max-width: none; margin: 0; padding: 0; width: 170mm';
  for (const box of document.querySelectorAll('.report-table')) {
    const table = box.querySelector('table');
    const head = table && (table.tHead || table.tBodies[0]);
    if (!head || !head.rows[0]) continue;
    const style = box.getAttribute('style');
    box.style.width = '100%';
    box.style.overflow = 'visible';
    const total = table.getBoundingClientRect().width;
    const widths = Array.from(head.rows[0].cells, (c) => c.getBoundingClientRect().width);
    if (style === null) box.removeAttribute('style'); else box.setAttribute('style', style);
    if (!total || widths.some((w) => !w)) continue;
    const cols = document.createElement('colgroup');
    for (const w of widths) {
      const col = document.createElement('col');
      col.style.width = (100 * w / total).toFixed(3) + '%';
      cols.appendChild(col);
    }
    table.insertBefore(cols, table.tHead || table.tBodies[0]);
    table.style.tableLayout = 'fixed';
    // The place of «Продолжение таблицы N», reserved from the first print on: a hidden first row of
    // the header, under the caption where the table begins (report.css), above the header that
    // Chromium repeats on the next page. A part's own caption takes its place later, so cutting a
    // table moves none of its rows.
    if (table.tHead) {
      const reserve = table.tHead.insertRow(0);
      reserve.className = 'pg-reserve';
      reserve.setAttribute('aria-hidden', 'true');
      const cell = document.createElement('th');
      cell.colSpan = widths.length;
      cell.textContent = 'Продолжение таблицы';
      reserve.appendChild(cell);
      table.classList.add('pg-reserved');
    }
  }
  if (body === null) document.body.removeAttribute('style'); else document.body.setAttribute('style', body);
  for (const box of document.querySelectorAll('.report-table')) {
    const table = box.querySelector('table');
    const caption = table && table.querySelector('caption');
    const number = caption && (caption.id.match(/^table-(\d+)-caption$/) || [])[1];
    if (!number || !table.tBodies[0]) continue;
    box.dataset.table = number;
    link(caption.id);
    let i = 0;
    for (const row of table.tBodies[0].rows) {
      row.id = `pg-t${number}-r${++i}`;
      link(row.id);
    }
  }
  document.body.appendChild(nav);
  return true;
})())JS";
}

std::string pagination_update_script(const std::map<std::string, int>& pages) {
  nlohmann::json landed(pages);
  return R"JS(((pages) => {
  let changed = false;
  for (const li of document.querySelectorAll('.toc li')) {
    const a = li.querySelector('a[href^="#"]');
    const place = li.querySelector('.toc-page');
    if (!a || !place) continue;
    const page = pages[a.getAttribute('href').slice(1)];
    const text = page ? String(page) : '';
    if (place.textContent !== text) { place.textContent = text; changed = true; }
  }
  // Each part of a table is a table of its own: a new part starts at a row printed on a later page
  // than the row before it, from a new page, under its own caption and the header again.
  // Cutting moves no row (the place of the line is reserved), but moving a caption to the next page
  // moves what follows it a little: the pages read for the tables after it are then stale, and
  // cutting them would leave a page with one row. They wait for the next print — those of the same
  // section only: a section that starts a new page (a school's in the report on all schools) is laid
  // out on its pages whatever comes before it, so each section moves one caption per print.
  const moved = new Set();
  for (const box of document.querySelectorAll('.report-table[data-table]')) {
    const section = box.closest('.new-page') || document.body;
    if (moved.has(section)) continue;
    // A caption and header left at the foot of a page without a row: the table, and the headings
    // right above it, start the next page.
    const first = box.querySelector('tbody tr');
    const caption = box.querySelector('caption');
    if (first && caption && pages[first.id] > pages[caption.id]) {
      let start = box;
      while (start.previousElementSibling && /^H[2-6]$/.test(start.previousElementSibling.tagName)) start = start.previousElementSibling;
      if (!start.classList.contains('pg-break')) { start.classList.add('pg-break'); changed = true; moved.add(section); continue; }
    }
    for (let part = box.querySelector('table'); part; part = part.nextElementSibling) {
      if (part.tagName !== 'TABLE' || !part.tBodies[0]) continue;
      const rows = Array.from(part.tBodies[0].rows);
      let cut = 0;
      for (let i = 1; i < rows.length && !cut; ++i)
        if (pages[rows[i].id] > pages[rows[i - 1].id]) cut = i;
      if (!cut) continue;
      const next = document.createElement('table');
      next.className = part.className;  // its kind («plan») and its reserved place, as the part it continues
      next.classList.add('continued');
      const caption = document.createElement('caption');
      caption.textContent = 'Продолжение таблицы ' + box.dataset.table;
      next.appendChild(caption);
      const cols = part.querySelector('colgroup');
      if (cols) next.appendChild(cols.cloneNode(true));
      next.style.tableLayout = part.style.tableLayout;
      if (part.tHead) next.appendChild(part.tHead.cloneNode(true));
      const body = document.createElement('tbody');
      for (const row of rows.slice(cut)) body.appendChild(row);
      next.appendChild(body);
      part.after(next);
      changed = true;
    }
  }
  return changed;
})()JS" + landed.dump() + ")";
}

}  // namespace sveden
