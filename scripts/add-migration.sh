#!/usr/bin/env bash
# Adds a migration with the same name for every database provider (each owns its migrations).
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Infrastructure -v q -nologo  # fails loudly: no migration from a broken build
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" \
    --no-build \
    --project src/Infrastructure \
    --startup-project src/Infrastructure \
    --context "${provider}RiskPlatformDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
