# Sourced by the load-*.sh scripts: what every loader does. Reads API (default
# http://127.0.0.1:8080/api/v1) and TOKEN (a token with the write or admin scope) from the environment.
API="${API:-http://127.0.0.1:8080/api/v1}"
TOKEN="${TOKEN:?set TOKEN to a token with the write scope (see the top of this script)}"

# Sends an NDJSON file in one POST /import (all or nothing) and prints the answer.
import_ledger() {
  echo "Importing $1 into $API"
  curl --silent --show-error --fail-with-body -X POST --data-binary "@$1" \
    -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $TOKEN" "$API/import"
  echo
}

# Prints a heading and what GET $API$2 answers; a third argument filters the answer.
show() {
  echo
  echo "== $1"
  curl --silent --show-error --fail-with-body "$API$2" | "${3:-cat}"
}
