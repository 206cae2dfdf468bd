#!/bin/sh
# Distributes Madoguchi's tables on a Citus cluster (docs/scale.md "Citus"): runs distribute.sql on
# the coordinator that DATABASE_URL names, with psql, stopping at the first error.
set -eu
if [ -z "${DATABASE_URL:-}" ]; then
  echo "distribute.sh: set DATABASE_URL to the Citus coordinator's database (postgres://…), migrated by madoguchi first" >&2
  exit 2
fi
command -v psql >/dev/null 2>&1 || { echo "distribute.sh: psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
exec psql "$DATABASE_URL" --no-psqlrc --set ON_ERROR_STOP=1 --file "$(dirname "$0")/distribute.sql"
