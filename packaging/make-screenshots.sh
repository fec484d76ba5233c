#!/usr/bin/env bash
# Screenshots for the metainfo, of MADE-UP entries in a throwaway journal, never a real one.
#
#   packaging/make-screenshots.sh [OUTPUT_DIR]      (default: packaging/screenshots)
#
# A journal is created and filled through the command line in a temporary HOME, the app is
# started on its own Xvfb display and driven with xdotool (a bare Xvfb has no window manager,
# so the window is focused by hand), and `import -window root` takes each picture, cropped
# to the window. The dark pictures set Qt's colour scheme before the window is built, as a
# desktop in dark mode would. Needs Debian's xvfb xdotool imagemagick and Qt's X11
# libraries (see README.md); RECOVERY_APP_PYTHON picks the Python (default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-packaging/screenshots}")
python=${RECOVERY_APP_PYTHON:-.venv/bin/python}
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "make-screenshots: $tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done

work=$(mktemp -d)
app_pid="" xvfb_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Nothing below may read or write the real home, its keyring or its journal.
mkdir -p "$work/home" "$work/runtime" && chmod 700 "$work/runtime"
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
export XDG_CACHE_HOME=$work/home/.cache XDG_STATE_HOME=$work/home/.local/state
export XDG_RUNTIME_DIR=$work/runtime PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring
unset QT_QPA_PLATFORM WAYLAND_DISPLAY RECOVERY_APP_DATA_DIR XDG_SESSION_TYPE
journal=$work/journal
password="made-up password for screenshots"

journal_cli() { "$python" -m recovery_app --data-dir "$journal" --password-stdin "$@" <<<"$password" >/dev/null; }
day() { date -d "$1 days ago" +%F; }
at() { date -d "$1 days ago $2" +%FT%H:%M; }

journal_cli init
journal_cli clock add "R." --since "$(day 47)" --allowed "school pick-ups"
journal_cli clock add "Old team" --since "$(day 12)"
journal_cli contact --clock "R." --kind them --at "$(at 9 19:40)" --channel message
journal_cli contact --clock "R." --kind unavoidable --at "$(at 3 08:15)" --channel in-person
journal_cli check-in --mood 4 --pull 3 --no-contact yes
for ago in 20 16 13 9 6 4 2; do
    journal_cli log-urge --intensity $(( (ago % 5) + 3 )) --trigger "evenings" --outcome passed \
        --minutes $(( 10 + ago )) --at "$(at "$ago" 21:30)"
done
journal_cli log-urge --intensity 6 --trigger "a song" --outcome passed --minutes 25 --at "$(at 1 13:05)"
journal_cli promise add "A walk before dinner"
journal_cli memory add --kind good --date "$(date -d '2 years ago' +%Y-%m)" --title "The lake weekend"
journal_cli memory add --kind harm --date "$(date -d '2 years ago' +%Y-%m)" --title "The drive home"

display=""
for number in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$number" ] || { display=":$number"; break; }
done
[ -n "$display" ] || { echo "make-screenshots: no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# The app as `recovery-app` starts it, with the colour scheme chosen first.
LAUNCH='
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
if sys.argv[1] == "dark":
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
from recovery_app.app import main
sys.exit(main(sys.argv[2:]))
'

start_app() {
    "$python" -c "$LAUNCH" "$1" --data-dir "$journal" >"$work/app.log" 2>&1 &
    app_pid=$!
    window=$(xdotool search --sync --onlyvisible --name '^Journal$' | head -1)
    xdotool windowsize --sync "$window" 1120 720 windowmove --sync "$window" 0 0
    xdotool windowfocus --sync "$window"
    sleep 1.5
}

stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

shoot() {
    sleep 1  # let the last key's repaint land
    eval "$(xdotool getwindowgeometry --shell "$window")"
    import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -strip "$out/$1.png"
    echo "make-screenshots: $out/$1.png"
}

pixel() {
    import -window root -crop "1x1+$1+$2" -depth 8 txt:- | tail -1 | awk '{print $3}'
}

unlock() {
    local before
    before=$(pixel 100 64)  # where the sidebar's first row will be
    xdotool type --delay 20 "$password"
    xdotool key Return
    # The real key derivation takes a second or more on a busy machine: wait for the change.
    for _ in $(seq 60); do
        sleep 0.5
        [ "$(pixel 100 64)" != "$before" ] && return
    done
    echo "make-screenshots: the journal did not open; see $work/app.log" >&2
    exit 1
}

mkdir -p "$out"
start_app light
shoot unlock
unlock
shoot today
xdotool key ctrl+6
shoot settings
if [ -n "${SCREENSHOT_ABOUT:-}" ]; then  # for review: it shows the throwaway folder's path
    xdotool key alt+j
    shoot about
    xdotool key Escape
fi
stop_app

# Dark only when asked: the app's style sheet is light-only for now, so a "dark" picture
# would show the light look under another name (SCREENSHOT_SCHEMES="light dark" to try).
for scheme in ${SCREENSHOT_SCHEMES:-light}; do
    [ "$scheme" = light ] && continue
    start_app "$scheme"
    unlock
    shoot "today-$scheme"
    stop_app
done
