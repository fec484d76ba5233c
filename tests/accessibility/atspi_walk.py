"""What a screen reader sees of one process: its AT-SPI tree, as Orca reads it.

Run with Debian's own Python (/usr/bin/python3: pyatspi is not on PyPI) inside the session
bus that the accessibility bus launcher joined. Prints one JSON list on standard output:
every node on screen (it and all above it showing) of the application with process id PID,
with its role, its name and where it is (its object path ends in Qt's accessibility id).

    /usr/bin/python3 atspi_walk.py PID
"""

import json
import sys

import pyatspi  # type: ignore[import-not-found]


def application(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def labels(node):
    """What Orca says before a combo box: on Linux, Qt names a combo box by the text it shows,
    and its label comes through the labelled-by relation (a QLabel's buddy)."""
    found = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for index in range(relation.getNTargets()):
                target = relation.getTarget(index)
                if target is not None and target.name:
                    found.append(target.name)
    return found


def walk(node, depth, parent, found):
    states = node.getState()
    if not states.contains(pyatspi.STATE_SHOWING):
        return
    name = node.name or ""
    role = node.getRoleName()
    found.append(
        {
            "id": str(node.path).rsplit("/", 1)[-1],
            "role": role,
            "name": name,
            "labels": labels(node) if role == "combo box" else [],
            "parent": parent["name"],
            "parent_id": parent["id"],
            "depth": depth,
            "focused": states.contains(pyatspi.STATE_FOCUSED),
            "checked": states.contains(pyatspi.STATE_CHECKED),
        }
    )
    here = {"name": name or parent["name"], "id": found[-1]["id"]}
    for child in node:
        if child is not None:
            walk(child, depth + 1, here, found)


def main():
    pid = int(sys.argv[1])
    app = application(pid)
    if app is None:
        print(f"no application with process id {pid} on the accessibility bus", file=sys.stderr)
        return 1
    found = []
    for window in app:
        if window is not None:
            walk(window, 0, {"name": "", "id": ""}, found)
    json.dump(found, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
