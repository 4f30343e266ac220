#!/usr/bin/env bash
# A real window under Xvfb: open (a copy of) the example session, press Ctrl+N, type a
# title, press Enter, and check that the autosave next to the file holds one more idea.
#
#   tests/gui/capture_under_xvfb.sh [path/to/synergies]
#
# Needs: Xvfb, xdotool, and the X11/GL libraries (installed by .ci/run).
set -euo pipefail
bin=$(realpath "${1:-target/debug/synergies}")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
cp "$root/sessions/atelier-exemple.ron" "$work/atelier.ron"
before=$("$bin" stats "$work/atelier.ron" --json | sed -n 's/.*"ideas": \([0-9]*\).*/\1/p')

display=:$(( 50 + RANDOM % 40 ))
Xvfb "$display" -screen 0 1920x1080x24 >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
cleanup() {
  kill "${app_pid:-}" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1
sleep 1

# A fresh HOME: no preferences or recent sessions of the machine's user.
HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config \
  "$bin" "$work/atelier.ron" >"$work/app.log" 2>&1 &
app_pid=$!

wid=""
for _ in $(seq 1 60); do
  wid=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -1 || true)
  [ -n "$wid" ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "the app exited:"; cat "$work/app.log"; exit 1; }
  sleep 0.5
done
[ -n "$wid" ] || { echo "no window appeared"; cat "$work/app.log"; exit 1; }
sleep 1
xdotool windowfocus --sync "$wid"
xdotool key ctrl+n
sleep 0.5
xdotool type --delay 40 "Palettes partagees entre voisins"
xdotool key Return

autosave="$work/.atelier.autosave.ron"
for _ in $(seq 1 40); do
  if [ -f "$autosave" ]; then
    after=$("$bin" stats "$autosave" --json | sed -n 's/.*"ideas": \([0-9]*\).*/\1/p')
    if [ "$after" = "$((before + 1))" ] && grep -q "Palettes partagees entre voisins" "$autosave"; then
      echo "ok: the autosave holds $after ideas (was $before), with the one typed"
      exit 0
    fi
  fi
  sleep 0.25
done
echo "FAILED: no autosave with one more idea after Ctrl+N, typing and Enter"
ls -la "$work"; cat "$work/app.log"
exit 1
