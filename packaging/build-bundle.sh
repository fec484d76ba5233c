#!/usr/bin/env bash
# A one-folder bundle of the app for Linux desktops without Python, and a tar.gz of it.
#
#   packaging/build-bundle.sh [OUT_DIR]          (default: dist)
#
# Makes OUT_DIR/journal/ (run OUT_DIR/journal/recovery-app) and
# OUT_DIR/journal-VERSION-linux-ARCH.tar.gz, which also holds the launcher, the icons, the
# licence and a short README. Uses PyInstaller in the project's venv (RECOVERY_APP_PYTHON,
# default .venv/bin/python), installing it there when missing. The build is checked: a
# bundle without its Qt platform plugins (PyInstaller issue 8658) or its resources fails here,
# not on someone's desktop.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-dist}")
python=${RECOVERY_APP_PYTHON:-.venv/bin/python}
# PyInstaller is a build tool, not a dependency of the app: pinned here, not in pyproject.
pyinstaller_pin="pyinstaller>=6.10,<7"

"$python" -c "import PyInstaller" 2>/dev/null || "$python" -m pip install -q "$pyinstaller_pin"
version=$("$python" -c "import recovery_app; print(recovery_app.__version__)")
arch=$(uname -m)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$out" --workpath "$work/build" packaging/journal.spec

bundle=$out/journal
internal=$bundle/_internal
expected=(
    PySide6/Qt/plugins/platforms/libqxcb.so
    PySide6/Qt/plugins/platforms/libqwayland.so
    PySide6/Qt/plugins/platforms/libqoffscreen.so
    PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so
    PySide6/Qt/plugins/iconengines/libqsvgicon.so
    PySide6/Qt/plugins/imageformats/libqsvg.so
    PySide6/Qt/lib/libQt6XcbQpa.so.6
    PySide6/Qt/lib/libQt6Charts.so.6
    PySide6/Qt/lib/libQt6Pdf.so.6
    PySide6/Qt/lib/libQt6Svg.so.6
    PySide6/QtCharts.abi3.so
    PySide6/QtPdf.abi3.so
    PySide6/QtSvg.abi3.so
    recovery_app/resources/icons/journal.svg
    recovery_app/resources/texts/today.toml
    recovery_app/resources/exercises/reality_check.toml
    recovery_app/storage/migrations/env.py
    recovery_app/storage/migrations/script.py.mako
    recovery_app/storage/migrations/versions/0001_vault_info.py
)
for file in "${expected[@]}"; do
    [ -e "$internal/$file" ] || { echo "build-bundle: the bundle lacks $file" >&2; exit 1; }
done

# The tar.gz: the bundle, the launcher and icons as packages install them, the licence.
name=journal-$version-linux-$arch
stage=$work/$name
mkdir -p "$stage/share/applications" "$stage/share/icons/hicolor/scalable/apps" \
    "$stage/share/icons/hicolor/symbolic/apps" "$stage/share/metainfo"
cp -a "$bundle/." "$stage/"
cp packaging/io.github.quietjournal.Journal.desktop "$stage/share/applications/"
cp packaging/io.github.quietjournal.Journal.metainfo.xml "$stage/share/metainfo/"
cp resources/icons/io.github.quietjournal.Journal.svg "$stage/share/icons/hicolor/scalable/apps/"
cp resources/icons/io.github.quietjournal.Journal-symbolic.svg \
    "$stage/share/icons/hicolor/symbolic/apps/"
cp LICENSE "$stage/LICENSE"
cat >"$stage/README.txt" <<EOF
Journal $version for Linux ($arch)

Start it:                  ./recovery-app
Put it in your app menu:   ./recovery-app --install-desktop-entry
                           (and --remove-desktop-entry to take it out again)
Commands for the terminal: ./recovery-app --help

It needs a graphical desktop (X11 or Wayland) and a few of its usual libraries (libxcb1,
libx11-6, libegl1, libgl1, libfontconfig1 on Debian or Ubuntu). If one is missing, the app
says which one, and the command that installs it.

Your journal is not in this folder: it lives in ~/.local/share/quiet-journal, so this folder
can be replaced by a newer one. Free software under the GNU GPL, version 3 or later (LICENSE);
it bundles Python, Qt and PySide6 (LGPL-3.0) and SQLCipher, each under its own licence.
EOF
tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
echo "build-bundle: $bundle ($(du -sh "$bundle" | cut -f1)), $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"
