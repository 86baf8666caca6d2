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


def metainfo_copy():
    """appstream-util judges a file by its name: a copy whose name ends in
    .metainfo.xml, in a folder of its own."""
    import shutil
    import tempfile
    folder = tempfile.mkdtemp(prefix='sila-metainfo-')
    path = os.path.join(folder, APP_ID + '.metainfo.xml')
    shutil.copy(built(APP_ID + '.metainfo.xml'), path)
    return path


@test
def metainfo_passes_appstreamcli_pedantic():
    r = subprocess.run(['appstreamcli', 'validate', '--pedantic', '--no-net', '--explain',
                        built(APP_ID + '.metainfo.xml')], capture_output=True, text=True)
    check(r.returncode == 0, r.stdout + r.stderr)
    # The one pedantic note is the reverse-DNS ID's capital D, which an
    # installed app cannot change; anything else is a regression.
    notes = [line for line in r.stdout.splitlines() if line[:3] in ('E: ', 'W: ', 'I: ', 'P: ')]
    check(all('cid-contains-uppercase-letter' in line for line in notes), r.stdout)


@test
def metainfo_passes_appstream_util():
    path = metainfo_copy()
    r = subprocess.run(['appstream-util', 'validate', '--nonet', path],
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stdout + r.stderr)
    # Strict: Debian 12's appstream-util 0.8.2 predates <branding>, so that
    # tag is "unknown" to it; every other strict rule must hold.
    r = subprocess.run(['appstream-util', 'validate-strict', '--nonet', path],
                       capture_output=True, text=True)
    problems = [line for line in r.stdout.splitlines() if line.startswith('\u2022')]
    check(problems == ['\u2022 tag-invalid           : XML data contains unknown tag'],
          r.stdout + r.stderr)


@test
def metainfo_has_what_software_centres_show():
    root = ET.parse(built(APP_ID + '.metainfo.xml')).getroot()
    check(root.findtext('provides/binary') == 'sila')
    urls = {u.get('type'): u.text for u in root.findall('url')}
    for kind in ('homepage', 'help', 'bugtracker', 'vcs-browser'):
        check(urls.get(kind, '').startswith('https://'), urls)
    colours = root.findall('branding/color')
    check({c.get('scheme_preference') for c in colours} == {'light', 'dark'}, colours)
    shots = root.findall('screenshots/screenshot')
    check(len(shots) >= 2 and shots[0].get('type') == 'default', shots)
    for shot in shots:
        name = shot.findtext('image').rsplit('/', 1)[-1]
        # Each screenshot named is one the repository has, so it can be published.
        check(os.path.exists(data('screenshots', name)), name)
    check(root.findtext('developer_name'))
    check(root.find('content_rating').get('type') == 'oars-1.1')
    release = root.find('releases/release')
    check(release.get('version') and release.find('description/ul/li') is not None)


@test
def copying_is_the_gpl3():
    with open(os.path.join(source_root(), 'COPYING'), encoding='utf-8') as f:
        text = f.read()
    check('GNU GENERAL PUBLIC LICENSE' in text and 'Version 3, 29 June 2007' in text)
    check('(at your option) any later version' in text)


run()
