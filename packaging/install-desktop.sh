#!/bin/sh
# Install (or remove) Tradeoff's desktop integration for the current user on Linux:
# the menu entry, the icons, the matrix file type and the AppStream metainfo.
#
#   install-desktop.sh [--exec COMMAND] [--resources DIR]    install or update
#   install-desktop.sh --uninstall                            remove what was installed
#
# Files go under $XDG_DATA_HOME (default ~/.local/share), nothing outside it:
#   applications/org.tradeoff.Tradeoff.desktop
#   icons/hicolor/scalable/apps/org.tradeoff.Tradeoff.svg
#   icons/hicolor/NxN/apps/org.tradeoff.Tradeoff.png       (16 … 512)
#   mime/packages/org.tradeoff.Tradeoff.xml                (application/x-tradeoff-matrix)
#   metainfo/org.tradeoff.Tradeoff.metainfo.xml
#
# COMMAND is what the menu entry runs; by default the standalone build's Tradeoff
# when this script sits in it, else the checkout's .venv/bin/tradeoff-gui, else
# tradeoff-gui from PATH.
set -eu

APP_ID=org.tradeoff.Tradeoff
SIZES="16 32 48 64 128 256 512"
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}

usage() {
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
    echo "install-desktop.sh: $*" >&2
    exit 2
}

find_resources() {
    for dir in "$here/../resources" "$here/_internal/tradeoff/resources" "$here/resources"; do
        if [ -f "$dir/$APP_ID.desktop" ]; then
            (cd "$dir" && pwd)
            return 0
        fi
    done
    return 1
}

find_command() {
    if [ -x "$here/Tradeoff" ]; then
        echo "$here/Tradeoff"
    elif [ -x "$here/../.venv/bin/tradeoff-gui" ]; then
        echo "$(cd "$here/.." && pwd)/.venv/bin/tradeoff-gui"
    elif command -v tradeoff-gui >/dev/null 2>&1; then
        command -v tradeoff-gui
    else
        return 1
    fi
}

# Exec= takes a command line in which an argument holding a reserved character must be
# double-quoted, with " ` $ \ escaped inside the quotes, and every % doubled (Desktop Entry
# spec, "The Exec key"). Backslashes are doubled once more by the file's string escaping.
desktop_exec_quote() {
    escaped=$(printf '%s' "$1" | sed -e 's/%/%%/g')
    case $1 in
        *[[:space:]\"\`\$\\\'\>\<\~\|\&\;\*\?\#\(\)]*)
            escaped=$(printf '%s' "$escaped" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')
            printf '"%s"' "$escaped" ;;
        *) printf '%s' "$escaped" ;;
    esac
}

refresh_caches() {
    # Each tool is optional: without it the desktop picks the change up at next login.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data_home/icons/hicolor" ]; then
        gtk-update-icon-cache -q -f -t "$data_home/icons/hicolor" 2>/dev/null || true
    fi
}

installed_files() {
    echo "$data_home/applications/$APP_ID.desktop"
    echo "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        echo "$data_home/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    echo "$data_home/mime/packages/$APP_ID.xml"
    echo "$data_home/metainfo/$APP_ID.metainfo.xml"
}

uninstall() {
    installed_files | while IFS= read -r file; do
        if [ -e "$file" ]; then
            rm -f "$file"
            echo "removed $file"
        fi
    done
    refresh_caches
}

install_file() {  # source, target
    mkdir -p "$(dirname "$2")"
    # Write beside the target, then rename, so a failure never leaves half a file.
    cp "$1" "$2.tmp.$$"
    chmod 644 "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
    echo "installed $2"
}

install() {
    resources=$1
    command=$2
    [ -f "$resources/$APP_ID.desktop" ] || die "no $APP_ID.desktop in $resources"
    icons=$resources/icons
    for size in $SIZES; do
        [ -f "$icons/$APP_ID-$size.png" ] || die "missing icon $icons/$APP_ID-$size.png"
    done

    exec_line="Exec=$(desktop_exec_quote "$command") %f"
    tmp_desktop=$(mktemp)
    trap 'rm -f "$tmp_desktop"' EXIT
    sed "s|^Exec=.*|$(printf '%s' "$exec_line" | sed 's/[|&\\]/\\&/g')|" \
        "$resources/$APP_ID.desktop" >"$tmp_desktop"
    install_file "$tmp_desktop" "$data_home/applications/$APP_ID.desktop"
    install_file "$icons/$APP_ID.svg" "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        install_file "$icons/$APP_ID-$size.png" \
            "$data_home/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    install_file "$resources/$APP_ID-mime.xml" "$data_home/mime/packages/$APP_ID.xml"
    install_file "$resources/$APP_ID.metainfo.xml" "$data_home/metainfo/$APP_ID.metainfo.xml"
    refresh_caches
    echo "The menu entry runs: $command"
}

action=install
command=
resources=
while [ $# -gt 0 ]; do
    case $1 in
        --uninstall) action=uninstall ;;
        --exec) [ $# -ge 2 ] || die "--exec needs a command"; command=$2; shift ;;
        --resources) [ $# -ge 2 ] || die "--resources needs a folder"; resources=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
    shift
done

if [ "$action" = uninstall ]; then
    uninstall
    exit 0
fi
if [ -z "$resources" ]; then
    resources=$(find_resources) || die "cannot find Tradeoff's resources folder; give --resources DIR"
fi
if [ -z "$command" ]; then
    command=$(find_command) || die "cannot find Tradeoff; give --exec COMMAND"
fi
install "$resources" "$command"
