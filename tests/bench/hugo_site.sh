#!/usr/bin/env bash
# A Hugo site of PAGES pages comparable to sveden's: a layout with a header, a menu and a footer, and
# a body of ~BYTES bytes of Russian text (paragraphs) after a table. The bench finds BYTES for which a page
# weighs what a sveden page weighs (build_bench.sh, section 2). Usage: tests/bench/hugo_site.sh folder pages bytes
set -euo pipefail
DIR="$1"; PAGES="$2"; BYTES="${3:-15000}"
mkdir -p "$DIR/content/p" "$DIR/layouts/_default"
cat > "$DIR/config.toml" <<'TOML'
baseURL = "http://example.org/"
languageCode = "ru"
title = "Управление образования"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
TOML
cat > "$DIR/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">{{ .Site.Title }}</a>
<nav><ul>{{ range .Params.menu }}<li><a href="{{ . | urlize }}">{{ . }}</a></li>{{ end }}</ul></nav></header>
<main><h1>{{ .Title }}</h1>
<table>{{ range .Params.rows }}<tr><td>{{ .name }}</td><td>{{ .value }}</td><td>{{ .unit }}</td></tr>{{ end }}</table>
{{ .Content }}</main>
<footer>{{ .Site.Title }} · {{ .Params.school }}</footer></body></html>
HTML
cp "$DIR/layouts/_default/single.html" "$DIR/layouts/_default/list.html"
# Each page: front matter with a menu and 20 table rows, then paragraphs up to BYTES.
LC_ALL=C awk -v pages="$PAGES" -v bytes="$BYTES" -v dir="$DIR/content/p" 'BEGIN {
  para = "Средний балл ОГЭ по математике в школе выше муниципального значения; доля обучающихся, " \
         "получивших неудовлетворительные отметки, снизилась по сравнению с прошлым учебным годом. "
  for (i = 1; i <= pages; i++) {
    f = sprintf("%s/page%06d.md", dir, i)
    printf "---\ntitle: \"Страница %d\"\nschool: \"МБОУ СОШ № %d\"\nmenu: [\"Основные сведения\", \"Структура\", \"Документы\", \"Образование\", \"Руководство\", \"Кадры\"]\nrows:\n", i, i % 2000 > f
    for (r = 1; r <= 20; r++) printf "  - {name: \"Показатель %d\", value: \"%d,%d\", unit: \"%%\"}\n", r, (i * r) % 100, r % 10 > f
    printf "---\n" > f
    n = 0
    while (n < bytes) { printf "%s\n\n", para > f; n += length(para) + 2 }   # bytes: LC_ALL=C
    close(f)
  }
}'
