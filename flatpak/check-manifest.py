#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Statically check a Patella Flatpak manifest.

The runtime cannot be downloaded on the build machines, so the manifest is
never built there; this catches the mistakes that would otherwise only show
up on Flathub: a wrong app id, extra sandbox holes, an unpinned dependency.

Usage: check-manifest.py MANIFEST EXPECTED_APP_ID
"""

import json
import re
import sys

ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


def find_module(modules, name):
    for module in modules:
        if isinstance(module, dict) and module.get("name") == name:
            return module
    return None


def check(manifest, expected_id):
    errors = []

    app_id = manifest.get("app-id", manifest.get("id"))
    if app_id != expected_id:
        errors.append(f"app-id is {app_id!r}, expected {expected_id!r}")

    if manifest.get("command") != "patella":
        errors.append(f"command is {manifest.get('command')!r}, expected 'patella'")

    if manifest.get("runtime") != "org.gnome.Platform":
        errors.append(f"runtime is {manifest.get('runtime')!r}, expected 'org.gnome.Platform'")
    if manifest.get("sdk") != "org.gnome.Sdk":
        errors.append(f"sdk is {manifest.get('sdk')!r}, expected 'org.gnome.Sdk'")
    if not manifest.get("runtime-version"):
        errors.append("runtime-version is missing")

    finish_args = manifest.get("finish-args", [])
    if not isinstance(finish_args, list):
        errors.append("finish-args is not a list")
        finish_args = []
    extra = [arg for arg in finish_args if arg not in ALLOWED_FINISH_ARGS]
    if extra:
        errors.append(
            "finish-args not allowed: " + ", ".join(extra)
            + " (allowed: " + ", ".join(sorted(ALLOWED_FINISH_ARGS)) + ")"
        )

    modules = manifest.get("modules", [])
    if not isinstance(modules, list):
        errors.append("modules is not a list")
        modules = []

    libnotify = find_module(modules, "libnotify")
    if libnotify is None:
        errors.append("no libnotify module")
    else:
        git_sources = [s for s in libnotify.get("sources", [])
                       if isinstance(s, dict) and s.get("type") == "git"]
        if not git_sources:
            errors.append("libnotify module has no git source")
        for source in git_sources:
            if not source.get("tag"):
                errors.append("libnotify git source is not pinned to a tag")
            if not COMMIT_RE.match(str(source.get("commit", ""))):
                errors.append("libnotify git source has no 40-hex commit")

    patella = find_module(modules, "patella")
    if patella is None:
        errors.append("no patella module")
    else:
        if patella.get("buildsystem") != "meson":
            errors.append("patella module does not use the meson buildsystem")
        if patella.get("run-tests") is not True:
            errors.append("patella module does not set run-tests: true")
        profile = "development" if expected_id.endswith(".Devel") else "default"
        if f"-Dprofile={profile}" not in patella.get("config-opts", []):
            errors.append(f"patella module does not pass -Dprofile={profile} for {expected_id}")
        if modules and modules[-1] is not patella:
            errors.append("patella module is not the last module")

    return errors


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} MANIFEST EXPECTED_APP_ID", file=sys.stderr)
        return 2

    path, expected_id = argv[1], argv[2]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: cannot read manifest: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"{path}: manifest is not a JSON object", file=sys.stderr)
        return 1

    errors = check(manifest, expected_id)
    for error in errors:
        print(f"{path}: {error}", file=sys.stderr)
    if errors:
        return 1

    print(f"{path}: ok ({expected_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
