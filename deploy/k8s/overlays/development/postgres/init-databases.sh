#!/bin/sh
# Creates one database per TPM Hub service on the first start of an empty PostgreSQL data directory
# (the official image runs /docker-entrypoint-initdb.d/*.sh once, as POSTGRES_USER, before it listens on TCP).
# Each service owns its database; no service reads another's (docs/decisions/deployment.md).
#   TPMHUB_DATABASES   space-separated names (default: "requirements risk release")
#   TPMHUB_DB_OWNER    owner of the databases (default: $POSTGRES_USER)
# Safe to run again by hand: existing databases are left alone.
set -eu

databases="${TPMHUB_DATABASES:-requirements risk release}"
owner="${TPMHUB_DB_OWNER:-${POSTGRES_USER:-postgres}}"

for db in $databases; do
  case "$db" in
    *[!a-z0-9_]*|"") echo "init-databases: invalid database name '$db'" >&2; exit 1 ;;
  esac
  echo "init-databases: ensuring database '$db' owned by '$owner'"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
       --set db="$db" --set owner="$owner" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db')
\gexec
SQL
done
