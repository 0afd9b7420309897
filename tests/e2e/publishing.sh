# Publishing as a department does it: a site in a subfolder of its host (GitHub Pages, /uo/ on the
# municipal server) gets a 404 page whose every link and stylesheet resolves under that subfolder; an
# --out that is a symbolic link (a web root) is written through and stays a link; a department that is
# an «отдел» is named so on its pages; contacts left empty print no empty labels.
source "$(dirname "$0")/lib.bash"
SITE="$SCRATCH/site"
copy_demo "$SITE"
sed -i 's|^base_url:.*|base_url: https://edu.example.ru/uo|' "$SITE/site.yaml"
sed -i 's|^  name: Управление образования.*|  name: Отдел образования администрации Озёрского муниципального округа|' "$SITE/site.yaml"
grep -q "^  name: Отдел образования" "$SITE/site.yaml" || fail "the fixture did not rename the department"
# A head and a unit with no phone and no e-mail, a school with no phone, e-mail or website.
sed -i 's|^  - {name: "Тихонов Денис Валерьевич", post: \(.*\), phone: "[^"]*", email: "[^"]*"}|  - {name: "Тихонов Денис Валерьевич", post: \1, phone: "", email: ""}|' \
  "$SITE/content/department.yaml"
sed -i 's|phone: "8 (40012) 2-10-05", email: "obr@ozersk-edu.example"|phone: "", email: ""|' "$SITE/content/department.yaml"
grep -q 'Тихонов Денис Валерьевич", post: .*, phone: "", email: ""' "$SITE/content/department.yaml" || fail "the fixture kept the head's contacts"

# A school missing from one year of one table: a warning, and a marked cell on the audit page.
sed -i '/^5403;2024;/d' "$SITE/data/contingent.csv"

# --out is a link to the web root, as on a municipal server.
mkdir -p "$SCRATCH/www"
ln -s www/uo "$SCRATCH/web"
for run in 1 2; do
  "$SVEDEN" build --site "$SITE" --out "$SCRATCH/web" > "$SCRATCH/build$run.txt" 2>&1 || { cat "$SCRATCH/build$run.txt" >&2; fail "build $run failed"; }
  [ -L "$SCRATCH/web" ] || fail "build $run replaced the link --out with a folder"
  [ "$(readlink "$SCRATCH/web")" = "www/uo" ] || fail "build $run changed the link's target: $(readlink "$SCRATCH/web")"
  [ -f "$SCRATCH/www/uo/index.html" ] || fail "build $run wrote nothing into the link's target"
done
ls -A "$SCRATCH" | grep -q "sveden-stage" && fail "a stage folder was left beside the link"
ls -A "$SCRATCH/www" | grep -q "sveden-stage" && fail "a stage folder was left beside the target"
OUT="$SCRATCH/www/uo"

# The 404 page is served at any depth under /uo/: every link and the stylesheet start with /uo/ (or are
# absolute addresses or anchors), and each names a file of the output.
links=$(grep -o '\(href\|src\)="[^"]*"' "$OUT/404.html" | sed 's/^[a-z]*="//; s/"$//')
[ -n "$links" ] || fail "404.html has no links"
while read -r link; do
  case "$link" in
    https://*|mailto:*|"#"*) ;;
    /uo/*) [ -f "$OUT/${link#/uo/}" ] || fail "404.html links to $link, which is not in the output" ;;
    *) fail "404.html has a link that breaks under a subfolder: $link" ;;
  esac
done <<< "$links"
grep -q 'href="/uo/assets/style.css"' "$OUT/404.html" || fail "404.html does not load the stylesheet from /uo/"
grep -q '<a href="/uo/schools/index.html">к списку школ</a>' "$OUT/404.html" || fail "404.html has no link to the list of schools"
# A school's own 404 page: links start at the path of the school's own site, and there is no empty link.
school404="$OUT/schools/sosh-1/404.html"
grep -q 'href=""' "$school404" && fail "a school's 404 page has an empty link"
grep -q "к списку школ" "$school404" && fail "a school's 404 page offers a list of schools it does not have"

# The department is an «отдел»: its page, the menu, the register and the schools' pages say so.
grep -q "<h1>Об отделе</h1>" "$OUT/department/index.html" || fail "the department page is not «Об отделе»"
grep -q ">Об отделе</a>" "$OUT/index.html" || fail "the menu does not say «Об отделе»"
grep -q "<p>Отделу подведомственны " "$OUT/department/index.html" || fail "the department page does not say «Отделу подведомственны»"
grep -q "Перечень организаций, подведомственных отделу:" "$OUT/schools/index.html" || fail "the register does not say «подведомственных отделу»"
grep -q "Статус в перечнях отдела образования" "$OUT/schools/sosh-1/kachestvo/index.html" || fail "the quality page does not name the отдел"
grep -q "кому: отдел образования" "$OUT"/reports/schools/*/index.html || fail "a recommendation to the department does not name the отдел"
for page in index.html department/index.html schools/index.html schools/sosh-1/index.html schools/sosh-1/kachestvo/index.html; do
  grep -q "Об управлении\|подведомственн[а-я]* управлению\|перечнях управления\|Кому: управление" "$OUT/$page" \
    && fail "$page still names the department an «управление»: $(grep -o '.\{40\}управлени.\{40\}' "$OUT/$page" | head -3)"
done

# Contacts left empty print no label: the head without phone and e-mail, the unit without them.
grep -q "<strong>Тихонов Денис Валерьевич</strong>" "$OUT/department/index.html" || fail "the head is missing"
sed 's/<li>/\n<li>/g' "$OUT/department/index.html" | grep "<li><strong>Тихонов Денис Валерьевич</strong>" | grep -q "Телефон:\|Электронная почта:" \
  && fail "a head without phone or e-mail gets empty labels"
for f in "$OUT/department/index.html" "$OUT/schools/index.html" "$OUT"/schools/*/index.html; do
  grep -q 'href=""\|href="mailto:"\|Телефон: </\|Электронная почта: </\|тел\.&nbsp;</' "$f" && fail "$f prints an empty contact"
done
# The completeness matrix of the audit page: the gap of 5403 in contingent.csv, and the count.
grep -q "data/contingent.csv: предупреждение: «МБОУ „Гимназия № 3“» (5403): нет строк за 2024${NB}г. (за 2023 и 2025${NB}гг. есть)" \
  "$SCRATCH/build1.txt" || fail "no warning about the gap in contingent.csv: $(grep contingent "$SCRATCH/build1.txt")"
grep -q '<h2 id="completeness-title">Полнота данных</h2>' "$OUT/audit/index.html" || fail "the audit page has no completeness matrix"
grep -q "в которых каждая школа должна быть за каждый год: 1${NB}пропуск — " "$OUT/audit/index.html" || fail "the matrix does not count one gap"
grep -q '<th scope="row"><a href="[^"]*">МБОУ «Гимназия № 3»</a></th><td class="gap"><strong>нет за 2024'"${NB}"'г.</strong></td>' "$OUT/audit/index.html" \
  || fail "the matrix does not mark 5403's missing 2024 in the contingent column"
[ "$(grep -o '<td class="gap">' "$OUT/audit/index.html" | wc -l)" = 1 ] || fail "the matrix marks more than the one gap"
grep -q "не требуется (ООШ)" "$OUT/audit/index.html" || fail "the matrix does not say that an ООШ has no ЕГЭ to give"
echo "ok"
