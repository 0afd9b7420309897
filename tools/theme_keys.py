#!/usr/bin/env python3
"""Rewrites the «Ключи:» line of every template in docs/THEMES.md from themes/default/templates/*.mustache.

A template with no heading yet gets one with «(описание)» to be written by hand; tests/unit/template_keys_test.cc
checks the document against the templates and the render code. Run from the repository's root."""
import glob
import os
import re

TAG = re.compile(r'\{\{(\{?)\s*([#^/&>!]?)\s*([^}\s]+)\s*\}?\}\}')


def keys(text):
    out = set()
    for m in TAG.finditer(text):
        if m.group(2) in ('!', '/', '>') or m.group(3) == '.':
            continue
        out.add(m.group(3))
    return sorted(out)


doc_path = 'docs/THEMES.md'
doc = open(doc_path, encoding='utf-8').read()
for path in sorted(glob.glob('themes/default/templates/*.mustache')):
    name = os.path.basename(path)[:-len('.mustache')]
    line = 'Ключи: ' + ', '.join(f'`{k}`' for k in keys(open(path, encoding='utf-8').read())) + '.'
    heading = f'### `{name}.mustache`'
    if heading not in doc:
        doc = doc.rstrip('\n') + f'\n\n{heading}\n\n(описание).\n\n{line}\n'
        continue
    start = doc.index(heading)
    at = doc.index('Ключи: ', start)
    end = doc.index('\n', at)
    doc = doc[:at] + line + doc[end:]
open(doc_path, 'w', encoding='utf-8').write(doc)
