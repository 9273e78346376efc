#!/bin/sh
# Checks the systemd unit with `systemd-analyze verify`, its ExecStart pointed at the built kiosk.
# Usage: verify_unit.sh UNIT_FILE KIOSK_EXE WORK_DIR. Exit 77 (skipped) where systemd-analyze is missing.
unit="$1" exe="$2" work="$3"
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-analyze is not installed here: skipped"
  exit 77
fi
mkdir -p "$work" || exit 1
copy="$work/$(basename "$unit")"
sed "s|^ExecStart=/opt/solidarity-kiosk/build/kiosk |ExecStart=$exe |" "$unit" > "$copy" || exit 1
grep -q "^ExecStart=$exe " "$copy" || { echo "ExecStart did not name /opt/solidarity-kiosk/build/kiosk"; exit 1; }
out=$(systemd-analyze verify "$copy" 2>&1)
status=$?
echo "$out"
if [ $status -ne 0 ]; then
  echo "systemd-analyze verify failed with status $status"
  exit 1
fi
# Some problems are only printed: any line about our unit is one.
if echo "$out" | grep -q "$(basename "$unit")"; then
  echo "systemd-analyze verify reported problems with the unit"
  exit 1
fi
echo "the unit verifies"
