#!/usr/bin/env python3
"""Every opendata/*.csv of a built site against its workbook as LibreOffice read it (LO_FOLDER: each
sheet saved by soffice as «<table>-<sheet>.csv», «;», UTF-8, raw values): the same rows, a table longer
than a sheet continued on the next sheets under the same header, and the same cells, numbers by value
(decimal comma in the CSV, point in LibreOffice's), texts to the byte without the CSV's guarding
apostrophe. Prints each difference; exit 1 when there is one.
Usage: opendata_workbooks.py OPENDATA_FOLDER LO_FOLDER"""
import csv, glob, os, sys, re

src, lo = sys.argv[1], sys.argv[2]
num = re.compile(r'^[+-]?[0-9]+(,[0-9]+)?$')
bad = 0; cells = 0
for path in sorted(glob.glob(os.path.join(src, '*.csv'))):
    stem = os.path.basename(path)[:-4]
    # «<table>-<sheet>.csv», then «<table>-<sheet> (2).csv»…, in the order of the sheets.
    number = lambda p: int(re.search(r' \(([0-9]+)\)\.csv$', p).group(1)) if re.search(r' \(([0-9]+)\)\.csv$', p) else 1
    parts = sorted(glob.glob(os.path.join(lo, glob.escape(stem) + '-*.csv')), key=number)
    with open(path, encoding='utf-8-sig', newline='') as f: a = list(csv.reader(f, delimiter=';'))
    b = []
    for i, p in enumerate(parts):
        with open(p, encoding='utf-8', newline='') as f: rows = list(csv.reader(f, delimiter=';'))
        b += rows if i == 0 else rows[1:]
    if not parts:
        print(stem, ': LibreOffice gave no sheet'); bad += 1; continue
    if len(a) != len(b):
        print(stem, ': rows', len(a), 'in the CSV,', len(b), 'in the workbook'); bad += 1; continue
    for r, (x, y) in enumerate(zip(a, b)):
        y = y + [''] * (len(x) - len(y))
        for c, (u, v) in enumerate(zip(x, y)):
            cells += 1
            if u.startswith("'") and len(u) > 1 and u[1] in '=+-@\t\r': u = u[1:]
            if u == v: continue
            if num.match(u) and v and abs(float(u.replace(',', '.')) - float(v)) <= 1e-12 * max(1, abs(float(v))): continue
            bad += 1
            if bad < 20: print('%s.csv line %d column %d: %r in the CSV, %r in the workbook' % (stem, r + 1, c + 1, u, v))
if cells == 0:
    sys.exit('no opendata/*.csv in %s' % src)
print('%d cells of %d tables compared, %d differ' % (cells, len(glob.glob(os.path.join(src, '*.csv'))), bad))
sys.exit(1 if bad else 0)
