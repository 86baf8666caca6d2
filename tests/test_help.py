#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The user guide: its Mallard pages, English and the Arabic built from
help/ar/ar.po, are valid and link up; the Arabic translation is complete;
every page the app opens with F1 exists; each language has its own
screenshots."""
import os
import re
import subprocess
import tempfile

from taplib import build_root, check, run, source_root, test


def help_dir(*parts):
    return os.path.join(source_root(), 'help', *parts)


def pages(folder):
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if name.endswith('.page'))


@test
def english_pages_are_valid_mallard():
    files = pages(help_dir('C'))
    check(len(files) >= 8, files)
    r = subprocess.run(['yelp-check', 'validate', *files], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.strip() == '', r.stdout + r.stderr)
    r = subprocess.run(['yelp-check', 'links', *files], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.strip() == '', r.stdout + r.stderr)


@test
def arabic_pages_are_built_and_valid():
    built = os.path.join(build_root(), 'help', 'ar')
    files = pages(built)
    check([os.path.basename(f) for f in files] ==
          [os.path.basename(f) for f in pages(help_dir('C'))], files)
    r = subprocess.run(['yelp-check', 'validate', *files], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.strip() == '', r.stdout + r.stderr)
    with open(os.path.join(built, 'request-committee.page'), encoding='utf-8') as f:
        text = f.read()
    check('إيصال الطلب إلى لجنة البحث' in text, text[:2000])


@test
def arabic_translation_is_complete():
    r = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null',
                        help_dir('ar', 'ar.po')], capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    check('untranslated' not in r.stderr and 'fuzzy' not in r.stderr, r.stderr)
    # Every paragraph of the English pages is in the catalogue, translated.
    pot = os.path.join(tempfile.mkdtemp(prefix='sila-help-'), 'help.pot')
    r = subprocess.run(['itstool', '-o', pot, *pages(help_dir('C'))], capture_output=True,
                       text=True)
    check(r.returncode == 0, r.stderr)
    r = subprocess.run(['msgcmp', help_dir('ar', 'ar.po'), pot], capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)


@test
def pages_the_app_opens_exist():
    with open(os.path.join(source_root(), 'src', 'ui', 'sila-help.c'), encoding='utf-8') as f:
        source = f.read()
    named = set(re.findall(r'"([a-z-]+)" }', source))
    with open(os.path.join(source_root(), 'src', 'ui', 'sila-preferences-window.c'),
              encoding='utf-8') as f:
        named |= set(re.search(r'\? "([a-z-]+)" : "([a-z-]+)"', f.read()).groups())
    check({'open-file', 'request-committee', 'kiosk', 'board-report', 'preferences',
           'restore-backup'} <= named, named)
    for page in named | {'index', 'preferences', 'restore-backup'}:
        check(os.path.exists(help_dir('C', page + '.page')), page)


@test
def each_language_has_its_screenshots():
    media = set()
    for page in pages(help_dir('C')):
        with open(page, encoding='utf-8') as f:
            media |= set(re.findall(r'src="(figures/[^"]+)"', f.read()))
    check(len(media) >= 6, media)
    for name in media:
        for lang in ('C', 'ar'):
            check(os.path.exists(help_dir(lang, name)), f'{lang}/{name}')
    with open(help_dir('meson.build'), encoding='utf-8') as f:
        listed = set(re.findall(r"'(figures/[^']+)'", f.read()))
    check(listed == media, (listed, media))


run()
