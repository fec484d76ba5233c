#!/usr/bin/env bash
# The launcher and the metainfo, checked with the validators Flathub and the distributions
# use: desktop-file-validate (desktop-file-utils) and appstreamcli (appstream), installed
# from Debian/Ubuntu when missing. Run by .ci/run; fails on any error or warning.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || missing+=(appstream)
if ((${#missing[@]})); then
    command -v apt-get >/dev/null || {
        echo "validate: please install ${missing[*]} (not a Debian or Ubuntu system)" >&2
        exit 1
    }
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "validate: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

desktop-file-validate io.github.quietjournal.Journal.desktop
# --no-net: the screenshot and homepage addresses are not fetched (nothing here goes online).
appstreamcli validate --no-net io.github.quietjournal.Journal.metainfo.xml
# The metainfo's screenshots are the files kept beside it.
for image in $(sed -n 's|.*<image>.*/packaging/screenshots/\(.*\)</image>.*|\1|p' \
    io.github.quietjournal.Journal.metainfo.xml); do
    [ -f "screenshots/$image" ] || { echo "validate: screenshots/$image is missing" >&2; exit 1; }
done
echo "validate: launcher and metainfo pass desktop-file-validate and appstreamcli"
