#!/usr/bin/env bash
# RiskPlatform build entry point (build.ps1 is the PowerShell twin).
#
#   ./build.sh [build]            restore + build the solution (Debug; CONFIGURATION=Release to change)
#   ./build.sh test [ARGS...]     install/start the test services, build, run every test project, then print
#                                 one last line "N passed, N failed, N skipped"; exit non-zero when the build,
#                                 `dotnet test` or any test failed. ARGS go to `dotnet test` (e.g. --filter X).
#   ./build.sh run [ARGS...]      dotnet run --project src/Api
#   ./build.sh bench [ARGS...]    dotnet run -c Release --project bench/RiskPlatform.Benchmarks -- ARGS
#   ./build.sh services           install + start the test dependencies; prints the env exports, so
#                                 `eval "$(./build.sh services)"` prepares a shell for `dotnet test`
#   ./build.sh services-stop      stop the private PostgreSQL cluster (127.0.0.1:55432, data in
#                                 /tmp/riskplatform-pg-55432; `scripts/postgres.sh destroy` deletes it)
#   ./build.sh clean              dotnet clean + remove artifacts/
#
# Environment: CONFIGURATION (default Debug), RISKPLATFORM_SKIP_SERVICES=1 (test without installing/starting
# anything: PostgreSQL/SMTP/Redis tests then skip), RISKPLATFORM_PG_PORT (default 55432).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

readonly SOLUTION=RiskPlatform.sln
readonly CONFIGURATION="${CONFIGURATION:-Debug}"
readonly RESULTS_DIR=artifacts/test-results

usage() { sed -n '2,18s/^# \{0,1\}//p' "$0"; }

build() {
  dotnet build "$SOLUTION" -c "$CONFIGURATION" "$@"
}

test_all() {
  local exports build_exit=0 test_exit=0 summary_exit=0 summary
  if [[ "${RISKPLATFORM_SKIP_SERVICES:-}" != 1 ]]; then
    exports="$(scripts/test-services.sh start)"
    eval "$exports"
  fi

  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"

  build || build_exit=$?
  if ((build_exit != 0)); then
    echo "build failed (dotnet build exit code $build_exit): no tests were run" >&2
    exit "$build_exit"
  fi

  dotnet test "$SOLUTION" -c "$CONFIGURATION" --no-build \
    --logger trx --results-directory "$RESULTS_DIR" "$@" || test_exit=$?

  summary="$(scripts/trx-summary.sh "$RESULTS_DIR")" || summary_exit=$?
  if ((test_exit != 0 && summary_exit != 1)); then
    echo "dotnet test exited with code $test_exit although no test failed (crashed test host or bad arguments?)" >&2
  fi
  echo "$summary"
  if ((test_exit != 0)); then exit "$test_exit"; fi
  if ((summary_exit == 1)); then exit 1; fi
}

target="${1:-build}"
(($# > 0)) && shift

case "$target" in
  build) build "$@" ;;
  test) test_all "$@" ;;
  run) dotnet run --project src/Api "$@" ;;
  bench) dotnet run -c Release --project bench/RiskPlatform.Benchmarks -- "$@" ;;
  services) scripts/test-services.sh start ;;
  services-stop) scripts/test-services.sh stop ;;
  clean)
    dotnet clean "$SOLUTION" -c "$CONFIGURATION" -v quiet
    rm -rf artifacts
    ;;
  help | -h | --help) usage ;;
  *)
    usage >&2
    echo "unknown target: $target" >&2
    exit 2
    ;;
esac
