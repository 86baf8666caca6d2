#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the app's windows through AT-SPI as a screen reader does, in Arabic
and in English, and fails on any control a person can reach or operate that
has no name.

tests/sila-a11y-tour shows each view (the main window with every section, a
profile, the intake form, a request, the new-request window, the officer's
survey form, every page of Preferences, the kiosk, the audit trail) and waits; this script
walks the accessible tree of what is showing, then lets it go on. Each
language runs in its own dbus-run-session, so the accessibility bus is
private to the test. Needs a display and gir1.2-atspi-2.0."""
import os
import re
import subprocess
import sys
import tempfile

from taplib import Skip, check, run, test

# Containers: a screen reader announces their items, not them. GTK makes
# scrolled windows and list boxes focusable, but they are never what a
# person operates.
CONTAINER_ROLES = {'scroll pane', 'list', 'list box', 'panel', 'frame', 'filler', 'table',
                   'tree table', 'tree', 'page tab list', 'viewport', 'scroll bar',
                   'application', 'window', 'dialog', 'alert', 'layered pane', 'split pane',
                   'tool bar', 'menu bar', 'section', 'grouping', 'landmark'}
INTERACTIVE_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'text',
                     'password text', 'spin button', 'combo box', 'slider', 'link', 'menu item',
                     'check menu item', 'radio menu item', 'entry', 'switch', 'list item',
                     'table row', 'tree item', 'page tab', 'image'}
# Rows and cells may take their name from what they hold, as screen
# readers read them (ARIA's "name from content"); a button may not: an
# icon says nothing.
FROM_CONTENT_ROLES = {'list item', 'table cell', 'table row', 'tree item'}
# With no name, GTK 4.8 gives AT-SPI the widget's type name.
CLASS_NAME = re.compile(r'^(Gtk|Adw|Sila)[A-Za-z]*$')


def unnamed(name):
    name = (name or '').strip()
    return name == '' or CLASS_NAME.match(name) is not None


def content_text(obj, depth=0):
    """The text of the labels inside @obj, as a screen reader reads a row."""
    texts = []
    try:
        if obj.get_role_name() in ('label', 'image') and not unnamed(obj.get_name()):
            texts.append(obj.get_name())
        if depth < 8:
            for i in range(obj.get_child_count()):
                child = obj.get_child_at_index(i)
                if child is not None:
                    texts.extend(content_text(child, depth + 1))
    except Exception:  # noqa: BLE001 - an object gone while walking
        pass
    return texts


def walk(obj, atspi, path, problems, rows):
    try:
        role = obj.get_role_name()
        name = obj.get_name()
        states = obj.get_state_set()
    except Exception:  # noqa: BLE001 - an object gone while walking
        return
    # GTK 4.8 marks only windows SHOWING, and keeps a stack's hidden pages
    # VISIBLE: every built page is read, as a screen reader can reach it.
    if not states.contains(atspi.StateType.VISIBLE):
        return
    here = f'{path}/{role}'
    focusable = states.contains(atspi.StateType.FOCUSABLE)
    if role == 'label' or (role == 'image' and not focusable):
        pass  # text is read as it is; an icon beside a label is decoration
    elif role not in CONTAINER_ROLES and (focusable or role in INTERACTIVE_ROLES):
        if unnamed(name) and not (role in FROM_CONTENT_ROLES and content_text(obj)):
            problems.append(f'{here} "{name}"')
    if role in ('list item', 'label') and name and path.count('/') > 12:
        rows.append(name)
    for i in range(obj.get_child_count()):
        child = obj.get_child_at_index(i)
        if child is not None:
            walk(child, atspi, f'{here}[{i}]', problems, rows)


def find_app(atspi, pid, proc):
    import time
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        desktop = atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid and app.get_child_count():
                    return app
            except Exception:  # noqa: BLE001 - an application leaving the bus
                continue
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    raise AssertionError('the tour never appeared on the accessibility bus')


def inner(lang, db):
    """Runs inside dbus-run-session: prints one line per view, "ok VIEW" or
    "bad VIEW ROLE-PATH NAME", and "rows VIEW TEXT" for list rows."""
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi

    env = dict(os.environ)
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    env['SILA_TEST_LANG'] = lang
    proc = subprocess.Popen([os.environ['SILA_A11Y_TOUR'], db], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    app = None
    try:
        for line in proc.stdout:
            line = line.strip()
            if line == 'done':
                break
            if not line.startswith('view '):
                continue
            view = line[5:]
            if app is None:
                app = find_app(Atspi, proc.pid, proc)
            problems, rows = [], []
            for i in range(app.get_child_count()):
                walk(app.get_child_at_index(i), Atspi, '', problems, rows)
            for p in problems:
                print(f'bad {view} {p}', flush=True)
            for r in rows:
                print(f'row {view} {r}', flush=True)
            print(f'ok {view}', flush=True)
            proc.stdin.write('next\n')
            proc.stdin.flush()
    finally:
        proc.stdin.close()
        code = proc.wait(timeout=60)
    print(f'exit {code}', flush=True)


def tour(lang):
    if not os.environ.get('DISPLAY'):
        raise Skip('no display')
    try:
        import gi
        gi.require_version('Atspi', '2.0')
    except (ImportError, ValueError) as e:
        raise Skip(f'no AT-SPI bindings (gir1.2-atspi-2.0): {e}')
    with tempfile.TemporaryDirectory(prefix='sila-a11y-') as d:
        db = os.path.join(d, 'office.db')
        r = subprocess.run(['dbus-run-session', '--', sys.executable, __file__, '--inner', lang,
                            db], capture_output=True, text=True, timeout=600)
    lines = r.stdout.splitlines()
    views = [ln[3:] for ln in lines if ln.startswith('ok ')]
    bad = [ln[4:] for ln in lines if ln.startswith('bad ')]
    rows = [ln[4:] for ln in lines if ln.startswith('row ')]
    # A control is reported once, under the first view that showed it.
    seen, unique = set(), []
    for b in bad:
        view, where = b.split(' ', 1)
        if where not in seen:
            seen.add(where)
            # The end of the path is enough to find the control.
            unique.append(view + ' …/' + '/'.join(where.split('/')[-6:]))
    bad = unique
    print('# read: ' + ' '.join(views))
    check('exit 0' in lines, f'the tour failed: {r.stdout[-2000:]} {r.stderr[-3000:]}')
    # Every view was read: the main window's sections, the forms, Preferences, the kiosk.
    for v in ('main/dashboard', 'main/beneficiaries', 'main/requests', 'main/reports',
              'profile', 'intake-form', 'request', 'new-request', 'survey-form',
              'preferences/general', 'kiosk/welcome', 'kiosk/question', 'audit'):
        check(v in views, f'{v} was not read: {views}')
    check(not bad, 'controls without a name:\n' + '\n'.join(bad))
    return rows


def check_rows(rows, lang):
    # The beneficiary row says more than a number and a name: the file, the
    # ID, the status of consent or segment.
    listed = [r.split(' ', 1)[1] for r in rows if r.startswith('main/beneficiaries ')]
    word = 'File' if lang == 'en' else 'ملف'
    full = [r for r in listed if word in r and 'خديجة' in r]
    check(full, f'no beneficiary row with a full label: {listed[:20]}')
    id_word = 'ID' if lang == 'en' else 'الهوية'
    check(any(id_word in r for r in full), f'the row does not give the ID: {full}')


@test
def arabic_every_control_named():
    check_rows(tour('ar'), 'ar')


@test
def english_every_control_named():
    check_rows(tour('en'), 'en')


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--inner':
        inner(sys.argv[2], sys.argv[3])
    else:
        run()
