# The demo's tables given as Excel workbooks build exactly the site their CSVs build: once as one
# workbook with a sheet per table, once as one .xlsx per table (inline strings, formulas).
source "$(dirname "$0")/lib.bash"
TO_XLSX="$(dirname "$SVEDEN")/sveden_csv_to_xlsx"
[ -x "$TO_XLSX" ] || fail "no $TO_XLSX: build the target sveden_csv_to_xlsx"
copy_demo "$SCRATCH/csv"
"$SVEDEN" build --site "$SCRATCH/csv" --out "$SCRATCH/out-csv" > "$SCRATCH/log-csv" 2>&1 || { cat "$SCRATCH/log-csv"; fail "the CSV demo does not build"; }

# One workbook: sheets named by the table's canonical name (oge, sveden_info…).
copy_demo "$SCRATCH/book"
sheets=()
for csv in "$SCRATCH/book"/data/*.csv "$SCRATCH/book"/data/sveden/*.csv; do
  name="$(basename "$csv" .csv)"
  case "$csv" in */data/sveden/*) name="sveden_$name" ;; esac
  sheets+=("$name=$csv")
done
"$TO_XLSX" "$SCRATCH/book/data/Данные.xlsx" "${sheets[@]}" || fail "could not write the workbook"
rm "$SCRATCH/book"/data/*.csv "$SCRATCH/book"/data/sveden/*.csv
"$SVEDEN" build --site "$SCRATCH/book" --out "$SCRATCH/out-book" > "$SCRATCH/log-book" 2>&1 || { cat "$SCRATCH/log-book"; fail "the demo in one workbook does not build"; }
diff -r "$SCRATCH/out-csv" "$SCRATCH/out-book" > "$SCRATCH/diff" || { head -40 "$SCRATCH/diff"; fail "the site built from one workbook differs from the CSV build"; }

# One .xlsx per table, in place of each CSV.
copy_demo "$SCRATCH/files"
for csv in "$SCRATCH/files"/data/*.csv "$SCRATCH/files"/data/sveden/*.csv; do
  "$TO_XLSX" "${csv%.csv}.xlsx" "Лист1=$csv" || fail "could not convert $csv"
  rm "$csv"
done
"$SVEDEN" build --site "$SCRATCH/files" --out "$SCRATCH/out-files" > "$SCRATCH/log-files" 2>&1 || { cat "$SCRATCH/log-files"; fail "the demo in one .xlsx per table does not build"; }
diff -r "$SCRATCH/out-csv" "$SCRATCH/out-files" > "$SCRATCH/diff" || { head -40 "$SCRATCH/diff"; fail "the site built from .xlsx files differs from the CSV build"; }
echo "ok: the demo given as one workbook and as one .xlsx per table builds byte-identical to its CSVs"
