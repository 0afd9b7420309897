#!/usr/bin/env python3
"""Every cell of every opendata/*.csv and opendata/*.xlsx of a built site, as Excel would read it:
no text cell starts with «=», «+», «-», «@», a tab or a carriage return unless it is a number written
as a number, and no XLSX cell is a formula. In a workbook such a text is allowed only as a string cell
formatted as text («@»): Excel never runs a string cell, and a text-formatted one stays text when it
is edited (an apostrophe there would be shown as part of the name). Prints each offending cell; exit 1
when there is one.
Usage: formula_cells.py OUTPUT_DIR"""
import csv, glob, io, os, re, sys, zipfile
import xml.etree.ElementTree as ET

NUMBER = re.compile(r'^[+-]?[0-9]+([.,][0-9]+)?$')
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
bad, cells = [], 0

def check(where, text, as_text=False):
    global cells
    cells += 1
    if text and text[0] in '=+-@\t\r' and not NUMBER.match(text) and not as_text:
        bad.append('%s: %r' % (where, text[:80]))

out = sys.argv[1]
csvs = sorted(glob.glob(os.path.join(out, 'opendata', '**', '*.csv'), recursive=True))
books = sorted(glob.glob(os.path.join(out, 'opendata', '**', '*.xlsx'), recursive=True))
if not csvs or not books:
    sys.exit('no opendata/*.csv or opendata/*.xlsx in %s' % out)
for path in csvs:
    with open(path, encoding='utf-8-sig', newline='') as f:
        for r, row in enumerate(csv.reader(f, delimiter=';', quotechar='"'), 1):
            for c, cell in enumerate(row, 1):
                check('%s:%d:%d' % (os.path.relpath(path, out), r, c), cell)

def text_of(node):  # <si> or <is>: the <t> parts, rich runs included
    return ''.join(t.text or '' for t in node.iter(NS + 't'))

for path in books:
    name = os.path.relpath(path, out)
    with zipfile.ZipFile(path) as z:
        shared, text_styles = [], set()
        styles = ET.fromstring(z.read('xl/styles.xml'))
        custom = {f.get('numFmtId') for f in styles.iter(NS + 'numFmt') if f.get('formatCode') == '@'}
        xfs = styles.find(NS + 'cellXfs')
        for i, xf in enumerate(xfs if xfs is not None else []):
            if xf.get('numFmtId') == '49' or xf.get('numFmtId') in custom:
                text_styles.add(str(i))
        if 'xl/sharedStrings.xml' in z.namelist():
            shared = [text_of(si) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si')]
        for sheet in sorted(n for n in z.namelist() if n.startswith('xl/worksheets/sheet') and n.endswith('.xml')):
            for c in ET.fromstring(z.read(sheet)).iter(NS + 'c'):
                where = '%s %s %s' % (name, sheet, c.get('r'))
                if c.find(NS + 'f') is not None:
                    bad.append('%s: a formula' % where)
                kind, v = c.get('t'), c.find(NS + 'v')
                as_text = c.get('s', '0') in text_styles
                if kind == 's' and v is not None:
                    check(where, shared[int(v.text)], as_text)
                elif kind == 'inlineStr' and c.find(NS + 'is') is not None:
                    check(where, text_of(c.find(NS + 'is')), as_text)
                elif kind == 'str' and v is not None:
                    check(where, v.text or '')
                else:
                    cells += 1
for b in bad[:40]:
    print(b)
print('%d files, %d cells, %d starting like a formula' % (len(csvs) + len(books), cells, len(bad)))
sys.exit(1 if bad else 0)
