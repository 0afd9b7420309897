# A real consumer reads the workbooks sveden writes itself (write/xlsx_table): LibreOffice (Debian's
# libreoffice-calc-nogui) opens every opendata/*.xlsx of the demo and saves each sheet as CSV, and every
# cell must be the cell of opendata/*.csv. One school's names carry what the writer escapes: «&», «<»,
# a text that reads «_x0041_», a name that starts like a formula.
source "$(dirname "$0")/lib.bash"
command -v soffice > /dev/null || fail "no soffice: install libreoffice-calc-nogui (make test-deps)"
copy_demo "$SCRATCH/site"
sed -i '2s/^5401;Муниципальное бюджетное общеобразовательное учреждение/5401;Школа _x0041_ \& <b>жирная<\/b> учреждение/; 2s/;МБОУ СОШ № 1;/;=1+1 СОШ № 1;/' "$SCRATCH/site/data/schools.csv"
grep -q '_x0041_ & <b>' "$SCRATCH/site/data/schools.csv" || fail "the school's names were not changed"
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/out" > "$SCRATCH/log" 2>&1 || { cat "$SCRATCH/log"; fail "the demo does not build"; }
grep -q '_x0041_ &amp; &lt;b&gt;' "$SCRATCH/out/opendata/organisations.csv" 2>/dev/null || grep -q '_x0041_ & <b>' "$SCRATCH/out/opendata/organisations.csv" ||
  fail "opendata/organisations.csv lacks the changed name"
mkdir -p "$SCRATCH/lo"
cp "$SCRATCH/out"/opendata/*.xlsx "$SCRATCH/lo/"
# A profile of its own: two tests may run soffice at once. Options of the CSV filter: «;», «"», UTF-8
# (76), from line 1, raw values rather than as shown, every sheet to its own file (-1).
(cd "$SCRATCH/lo" && timeout 600 soffice -env:UserInstallation="file://$SCRATCH/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1' ./*.xlsx > "$SCRATCH/soffice.log" 2>&1) ||
  { cat "$SCRATCH/soffice.log"; fail "LibreOffice could not convert the workbooks"; }
python3 "$REPO/tests/e2e/opendata_workbooks.py" "$SCRATCH/out/opendata" "$SCRATCH/lo" > "$SCRATCH/compare" ||
  { cat "$SCRATCH/compare" >&2; fail "a workbook as LibreOffice reads it differs from its CSV"; }
echo "ok: LibreOffice reads every opendata workbook as its CSV: $(tail -1 "$SCRATCH/compare")"
