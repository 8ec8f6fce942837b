#!/usr/bin/env bash
# Loads the public record (public-record.ndjson: the exchanges March 2022 - March 2026 as public news
# reported them, with their sources, and the official tallies) into a running POW Ledger server with
# one import, then prints the statistics and where the ledger and the official figures disagree.
#
#   TOKEN=... ./load-public-record.sh                 # server on http://127.0.0.1:8080
#   API=http://host:8080/api/v1 TOKEN=... ./load-public-record.sh
#
# TOKEN needs the write (or admin) scope: the admin token `serve` prints on its first start, or
#   java -jar bootstrap/target/powledger.jar token create loader --scope write
# Loading again changes nothing: every record in the file carries its id. Load it into an empty
# ledger (or one of its own): its units share ids with seeds.ndjson but not their parents.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=load-common.sh
. "$HERE/load-common.sh"

import_ledger "$HERE/public-record.ndjson"

show "Exchanges and people returned per year (stages of one operation count once)" \
  "/stats/yearly?format=csv"
show "The official tallies against the ledger (largest gap first; see examples/README.md for why)" \
  "/stats/reconciliation?format=csv"
show "The Azovstal garrison" "/stats/cohorts/azovstal"
echo
