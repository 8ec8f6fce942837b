#!/usr/bin/env bash
# Checks the systemd units in this folder with `systemd-analyze verify` (run by .ci/run where systemd
# is installed). verify exits 0 even when it ignores a directive it cannot parse, so any message it
# prints fails the check. A copy with a planted mistake must fail too: the check cannot pass on nothing.
#
# systemd checks that the programs a unit starts exist: the units are checked as copies whose
# /usr/bin/java points at this machine's Java (CI images often keep it elsewhere); nothing else changes.
# The jar's path (/opt/powledger/powledger.jar) is an argument, which verify does not open.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java_bin="$(command -v java)"
units=(powledger.service powledger-backup.service powledger-backup.timer)

verify() { # prints what systemd-analyze verify says about the units in $1
  (cd "$1" && systemd-analyze verify --man=no "${units[@]/#/./}" 2>&1) || true
}

mkdir "$work/units" "$work/planted"
for unit in "${units[@]}"; do
  sed -e "s#/usr/bin/java #${java_bin} #g" "$here/$unit" > "$work/units/$unit"
  cp "$work/units/$unit" "$work/planted/$unit"
done
sed -i 's/^ProtectSystem=strict/ProtectSystem=stricter/' "$work/planted/powledger.service"

if [ -z "$(verify "$work/planted")" ]; then
  echo "systemd-analyze verify did not catch a planted mistake (ProtectSystem=stricter): cannot verify here"
  exit 1
fi
out="$(verify "$work/units")"
if [ -n "$out" ]; then
  echo "$out"
  echo "systemd-analyze verify FAILED for deploy/ (see above)"
  exit 1
fi
echo "systemd-analyze verify: deploy/${units[*]} are valid (and a planted mistake was caught)"
