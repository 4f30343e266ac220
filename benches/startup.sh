#!/usr/bin/env bash
# Time to the first drawn frame: the app against a bare eframe window (examples/
# bare_window.rs, same window options and renderer), measured side by side in one run
# under Xvfb with software GL, N launches each, alternating. Prints the medians and
# their ratio:
#   startup: bare 1.02 s, synergies 1.10 s, ratio 1.08 (10 launches each)
#
#   bash benches/startup.sh [N] [SESSION.ron]
#
# How the first frame is detected: the Xvfb screen starts black and no window manager
# draws anything, so the screen stays black until the program's first frame is
# swapped in (egui clears to its panel colour). The script captures the screen with
# xwd every few milliseconds from the moment the process is started and stops at the
# first capture holding a non-black pixel. Each launch gets a fresh HOME and XDG
# folders, so no preferences or recent files carry over. Needs xvfb and x11-apps (xwd).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
session=${2:-sessions/atelier-exemple.ron}

cargo build --release --locked --bin synergies --example bare_window >/dev/null 2>&1 ||
  cargo build --release --locked --bin synergies --example bare_window
app=target/release/synergies
bare=target/release/examples/bare_window

display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1920x1080x24 -br -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 50); do xwd -root -silent >/dev/null 2>&1 && break; sleep 0.1; done

# Seconds from launch to the first non-black screen, for the command given.
first_frame() {
  local home
  home=$(mktemp -d)
  python3 - "$home" "$@" <<'PY'
import os, struct, subprocess, sys, time
home, command = sys.argv[1], sys.argv[2:]
env = dict(os.environ, HOME=home, XDG_DATA_HOME=home + "/data",
           XDG_CONFIG_HOME=home + "/config", XDG_CACHE_HOME=home + "/cache")
def painted():
    shot = subprocess.run(["xwd", "-root", "-silent"], capture_output=True).stdout
    if len(shot) < 100:
        return False
    header_size = struct.unpack(">I", shot[0:4])[0]
    colours = struct.unpack(">I", shot[76:80])[0]
    return shot[header_size + 12 * colours:].strip(b"\0") != b""
assert not painted(), "the screen is not black before the launch"
start = time.monotonic()
process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    while not painted():
        if time.monotonic() - start > 30 or process.poll() is not None:
            print("nan")
            break
        time.sleep(0.005)
    else:
        print(f"{time.monotonic() - start:.3f}")
finally:
    process.kill()
    process.wait()
PY
  rm -rf "$home"
  sleep 0.5
}

bare_times=() app_times=()
for i in $(seq "$runs"); do
  bare_times+=("$(first_frame "$bare")")
  app_times+=("$(first_frame "$app" "$session")")
  echo "launch $i: bare ${bare_times[-1]} s, synergies ${app_times[-1]} s" >&2
done
python3 - "${bare_times[*]}" "${app_times[*]}" "$runs" <<'PY'
import statistics, sys
bare = [float(x) for x in sys.argv[1].split()]
app = [float(x) for x in sys.argv[2].split()]
b, a = statistics.median(bare), statistics.median(app)
print(f"startup: bare {b:.2f} s, synergies {a:.2f} s, ratio {a / b:.2f} ({sys.argv[3]} launches each)")
PY
