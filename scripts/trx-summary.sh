#!/usr/bin/env bash
# Sums the <Counters> of every .trx file in a directory and prints one line:
#   N passed, N failed, N skipped
# failed counts the outcomes failed, error, timeout and aborted; skipped is total - executed (xunit skips are
# "NotExecuted"). Exit status: 0 when no test failed, 1 when some did, 2 when there is no .trx file at all.
set -euo pipefail

dir="${1:?usage: $0 RESULTS_DIR}"
files=()
if [[ -d "$dir" ]]; then
  mapfile -t files < <(find "$dir" -type f -name '*.trx' | sort)
fi

if ((${#files[@]} == 0)); then
  echo "0 passed, 0 failed, 0 skipped"
  exit 2
fi

# A TRX file has one <Counters .../> element; join lines first in case a writer wraps its attributes.
for file in "${files[@]}"; do
  tr '\r\n' '  ' <"$file" | grep -o '<Counters [^>]*>' || true
done | awk '
  function count(line, name) {
    if (match(line, " " name "=\"[0-9]+\"")) return substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
    return 0
  }
  {
    total += count($0, "total"); executed += count($0, "executed"); passed += count($0, "passed")
    failed += count($0, "failed") + count($0, "error") + count($0, "timeout") + count($0, "aborted")
  }
  END {
    printf "%d passed, %d failed, %d skipped\n", passed, failed, total - executed
    exit (failed > 0 ? 1 : 0)
  }'
