#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop file, AppStream metainfo, settings schema and icons are valid
and translated."""
import os
import subprocess
import xml.etree.ElementTree as ET

from taplib import build_root, check, run, source_root, test

APP_ID = 'sa.org.sila.Desk'


def data(*parts):
    return os.path.join(source_root(), 'data', *parts)


def built(name):
    return os.path.join(build_root(), 'data', name)


@test
def desktop_file_is_valid():
    path = built(APP_ID + '.desktop')
    r = subprocess.run(['desktop-file-validate', path], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.strip() == '', r.stdout + r.stderr)
    with open(path, encoding='utf-8') as f:
        text = f.read()
    check('Name[ar]=صلة — مكتب علاقات المستفيدين' in text, text)
    check(f'Icon={APP_ID}' in text)
    check('Exec=sila' in text)


@test
def metainfo_is_valid():
    path = built(APP_ID + '.metainfo.xml')
    r = subprocess.run(['appstreamcli', 'validate', '--no-net', '--explain', path],
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stdout + r.stderr)
    root = ET.parse(path).getroot()
    check(root.findtext('id') == APP_ID)
    names = {n.get('{http://www.w3.org/XML/1998/namespace}lang'): n.text
             for n in root.findall('name')}
    check(names.get('ar') == 'صلة — مكتب علاقات المستفيدين', names)
    launchable = root.find('launchable')
    check(launchable is not None and launchable.text == APP_ID + '.desktop')


@test
def schema_compiles_strictly():
    r = subprocess.run(['glib-compile-schemas', '--strict', '--dry-run', data()],
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)


@test
def schema_defaults():
    env = dict(os.environ, GSETTINGS_BACKEND='memory')
    def get(key):
        r = subprocess.run(['gsettings', '--schemadir', os.path.join(build_root(), 'data'),
                            'get', APP_ID, key], capture_output=True, text=True, env=env)
        check(r.returncode == 0, r.stderr)
        return r.stdout.strip()
    check(get('ui-language') == "'ar'")
    check(get('answer-window-days') == 'uint32 14')
    check(get('last-database') == "''")
    r = subprocess.run(['gsettings', '--schemadir', os.path.join(build_root(), 'data'),
                        'range', APP_ID, 'ui-language'], capture_output=True, text=True, env=env)
    check('ar' in r.stdout and 'en' in r.stdout, r.stdout)


@test
def icons_are_svg():
    for path in (data('icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
                 data('icons', 'hicolor', 'symbolic', 'apps', APP_ID + '-symbolic.svg')):
        root = ET.parse(path).getroot()
        check(root.tag == '{http://www.w3.org/2000/svg}svg', root.tag)
        check(root.get('viewBox') is not None, path)


run()
