#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes a screenshot of Patella in a real window under Xvfb, to look at what a
# person sees.
#   build-aux/screenshot.sh OUTPUT.png [WIDTH [HEIGHT [light|dark [VIEW [DB]]]]]
# VIEW is journal, timers, shoes, or an app action such as preferences or
# about; DB defaults to a new, empty database.
set -euo pipefail
cd "$(dirname "$0")/.."

output="$(realpath -m "$1")"
width="${2:-1000}"
height="${3:-720}"
scheme="${4:-light}"
view="${5:-journal}"
work="$(mktemp -d)"
db="${6:-$work/patella.db}"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/config/glib-2.0/settings"
cat > "$work/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/patella/Patella]
window-width=$width
window-height=$height
welcome-shown=true
background-note-shown=true

[org/gnome/desktop/interface]
color-scheme='$([ "$scheme" = dark ] && echo prefer-dark || echo default)'
KEYFILE

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" PATELLA_DB="$db"
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GTK_USE_PORTAL=0
# The build's own translations: run with LANGUAGE=de to see the German.
export PATELLA_LOCALEDIR="$PWD/_build/po"
unset GTK_THEME

xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash -c '
  app_id=$(sed -n "s/^#define APP_ID \"\(.*\)\"/\1/p" _build/config.h)
  path="/$(echo "$app_id" | tr . /)"
  _build/src/patella & pid=$!
  sleep 3
  case "'"$view"'" in
    journal|timers|shoes) action=show-view; param="[<\"'"$view"'\">]" ;;
    *) action="'"$view"'"; param="[]" ;;
  esac
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.gtk.Actions.Activate "$action" "$param" "{}" >/dev/null || true
  sleep 1.5
  import -window root "'"$output"'"
  kill $pid
' 2>&1 | grep -v -e "dbus-daemon" -e "^$" || true
echo "$output"
