#!/usr/bin/env bash
# Loads the example ledger (seeds.ndjson: the figures of the two seed news texts) into a running
# POW Ledger server with one import, then prints a few of the statistics it gives.
#
#   TOKEN=... ./load-seeds.sh                 # server on http://127.0.0.1:8080
#   API=http://host:8080/api/v1 TOKEN=... ./load-seeds.sh
#
# TOKEN needs the write (or admin) scope: the admin token `serve` prints on its first start, or
#   java -jar bootstrap/target/powledger.jar token create seeds --scope write
# Loading again changes nothing: every record in the file carries its id.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=load-common.sh
. "$HERE/load-common.sh"

import_ledger "$HERE/seeds.ndjson"

# The unit statistics list every unit: keep the header and the units with someone returned.
units_with_someone() {
  awk -F, 'NR == 1 || $5 > 0'
}

show "Exchanges and people returned per year (2024: 11 exchanges, 1358 people, +356 on 2023)" \
  "/stats/yearly?format=csv"
show "The Azovstal garrison (1279 of about 2500 home, 455 of them Azov)" \
  "/stats/cohorts/azovstal"
echo
show "Units with someone returned for the first time in the \"1000 for 1000\" exchange (46)" \
  "/exchanges/ex_1000-for-1000-1/first-time-units?format=csv"
show "30 December 2024 by unit (Armed Forces 87 with Territorial Defence 17, National Guard 43, Border Guard 33, Navy 24)" \
  "/stats/units?from=2024-12-30&to=2024-12-30&format=csv" units_with_someone
show "Published figures against the ledger (all match)" \
  "/stats/reconciliation?format=csv"
