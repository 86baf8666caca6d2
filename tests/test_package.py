#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Debian package: dpkg-buildpackage builds it from a copy of the tree,
lintian finds no error in it, it holds everything an office needs, and once
installed with apt-get the installed sila runs a command on a fresh database
with no build tree around. It is removed again at the end.

Cheap on purpose: no checks inside the package build (the suite is the
check), so the test suite and the benchmarks are not compiled, and ccache
serves the objects of the previous build."""
import glob
import os
import pwd
import shutil
import subprocess
import time

from taplib import Skip, build_root, check, run, source_root, tempdir, test

PACKAGE = 'sila-desk'
VERSION = '0.1.0'

state = {}


def package_env(tree=None):
    """A plain environment: none of the suite's GSettings, G_DEBUG or HOME
    settings leak into the package build or into the installed program."""
    home = pwd.getpwuid(os.getuid()).pw_dir
    env = {
        'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'HOME': home,
        'LANG': 'C.UTF-8',
        'DEBIAN_FRONTEND': 'noninteractive',
        'DEB_BUILD_OPTIONS': 'nocheck parallel=2',
        # Without the build folder in the compiler's flags, ccache (base_dir
        # /, hash_dir false here) serves the objects of a package built in any
        # other folder, a CI clone's included. The package is otherwise the
        # one debian/rules builds.
        'DEB_BUILD_MAINT_OPTIONS': 'hardening=+all reproducible=-fixfilepath,-fixdebugpath',
    }
    # The developer's ccache, not the suite's private HOME: a package built
    # before serves most objects.
    env['CCACHE_DIR'] = os.environ.get('SILA_CCACHE_DIR',
                                       os.path.join(home, '.cache', 'ccache'))
    if tree is not None:
        # Paths inside the tree hashed relative to it, system headers as they
        # are: the same sources hit in any folder, at any depth.
        env['CCACHE_BASEDIR'] = tree
    return env


def copy_tree(dest):
    """The files git knows (committed or not, but not ignored): what a
    fresh clone would have, plus the work in progress."""
    src = source_root()
    r = subprocess.run(['git', '-C', src, 'ls-files', '-z', '--cached', '--others',
                        '--exclude-standard'], capture_output=True)
    if r.returncode == 0:
        for name in r.stdout.decode().split('\0'):
            path = os.path.join(src, name)
            if not name or not os.path.isfile(path):
                continue  # deleted in the work tree
            os.makedirs(os.path.dirname(os.path.join(dest, name)), exist_ok=True)
            shutil.copy2(path, os.path.join(dest, name))
    else:  # not a git checkout: everything but build folders
        shutil.copytree(src, dest, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns('_build*', '.git', 'obj-*'))


def deb():
    return os.path.join(state['folder'], f'{PACKAGE}_{VERSION}_amd64.deb')


@test
def package_builds():
    if os.getuid() != 0:
        raise Skip('building and installing a package needs root (CI runs as root)')
    folder = os.path.join(build_root(), 'package')
    shutil.rmtree(folder, ignore_errors=True)
    tree = os.path.join(folder, f'{PACKAGE}-{VERSION}')
    copy_tree(tree)
    state['folder'] = folder
    started = time.monotonic()
    r = subprocess.run(['dpkg-buildpackage', '-us', '-uc', '-b'], cwd=tree, env=package_env(tree),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(f'# dpkg-buildpackage took {time.monotonic() - started:.0f} s', flush=True)
    check(r.returncode == 0, r.stdout[-6000:])
    check(os.path.exists(deb()), os.listdir(folder))
    # The debug symbols come for free, as their own package.
    check(os.path.exists(os.path.join(folder, f'{PACKAGE}-dbgsym_{VERSION}_amd64.deb')))


@test
def lintian_finds_no_error():
    if 'folder' not in state:
        raise Skip('no package was built')
    changes = glob.glob(os.path.join(state['folder'], '*.changes'))
    r = subprocess.run(['lintian', '--fail-on', 'error', *changes], capture_output=True,
                       text=True, env=package_env())
    check(r.returncode == 0, r.stdout + r.stderr)
    check(not any(line.startswith('E: ') for line in r.stdout.splitlines()), r.stdout)


@test
def package_holds_what_an_office_needs():
    if 'folder' not in state:
        raise Skip('no package was built')
    r = subprocess.run(['dpkg-deb', '--contents', deb()], capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    names = {line.split()[-1].lstrip('.') for line in r.stdout.splitlines()}
    for path in ('/usr/bin/sila',
                 '/usr/share/applications/sa.org.sila.Desk.desktop',
                 '/usr/share/metainfo/sa.org.sila.Desk.metainfo.xml',
                 '/usr/share/glib-2.0/schemas/sa.org.sila.Desk.gschema.xml',
                 '/usr/share/icons/hicolor/scalable/apps/sa.org.sila.Desk.svg',
                 '/usr/share/icons/hicolor/symbolic/apps/sa.org.sila.Desk-symbolic.svg',
                 '/usr/share/locale/ar/LC_MESSAGES/sila.mo',
                 '/usr/share/man/man1/sila.1.gz',
                 '/usr/share/bash-completion/completions/sila',
                 '/usr/share/help/C/sila/index.page',
                 '/usr/share/help/ar/sila/index.page',
                 '/usr/share/doc/sila-desk/copyright'):
        check(path in names, path)
    # The compiled schema cache is the system's, made by a dpkg trigger.
    check(not any(n.endswith('gschemas.compiled') for n in names))
    r = subprocess.run(['dpkg-deb', '--field', deb(), 'Depends'], capture_output=True,
                       text=True)
    for dep in ('libgtk-4-1', 'libadwaita-1-0', 'libsqlite3-0', 'fonts-noto-core',
                'fonts-hosny-amiri'):
        check(dep in r.stdout, r.stdout)


@test
def installed_package_runs_and_is_removed():
    if 'folder' not in state:
        raise Skip('no package was built')
    env = package_env()
    apt = ['apt-get', '-y', '-q', '-o', 'DPkg::Lock::Timeout=300']
    already = subprocess.run(['dpkg-query', '-W', '-f=${Status}', PACKAGE],
                             capture_output=True, text=True).stdout
    r = subprocess.run(apt + ['install', '--no-install-recommends', deb()], env=env,
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stdout[-4000:] + r.stderr)
    try:
        r = subprocess.run(['/usr/bin/sila', '--version'], env=env, capture_output=True,
                           text=True)
        check(r.returncode == 0 and r.stdout.strip() == f'sila {VERSION}', r.stdout + r.stderr)

        # A fresh database, from the installed path, with the installed
        # schema (no GSETTINGS_SCHEMA_DIR): the dpkg trigger compiled it.
        db = os.path.join(tempdir(), 'office.db')
        home = tempdir()
        run_env = dict(env, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
                       GSETTINGS_BACKEND='memory')
        r = subprocess.run(['/usr/bin/sila', '--database', db, 'settings', 'set',
                            'answer_window_days', '10'], env=run_env, capture_output=True,
                           text=True)
        check(r.returncode == 0, r.stderr)
        r = subprocess.run(['/usr/bin/sila', '--database', db, 'settings', 'get',
                            'answer_window_days'], env=run_env, capture_output=True, text=True)
        check(r.returncode == 0 and r.stdout.strip() == '10', r.stdout + r.stderr)
        # No --lang: the language comes from the installed settings schema,
        # Arabic by default.
        r = subprocess.run(['/usr/bin/sila', 'request', 'move', '--help'], env=run_env,
                           capture_output=True, text=True)
        check(r.returncode == 0 and 'الاستخدام' in r.stdout, r.stdout + r.stderr)
        r = subprocess.run(['man', '-w', 'sila'], env=env, capture_output=True, text=True)
        check(r.stdout.strip() == '/usr/share/man/man1/sila.1.gz', r.stdout + r.stderr)
    finally:
        if 'install ok installed' not in already:
            r = subprocess.run(apt + ['remove', '--purge', PACKAGE], env=env,
                               capture_output=True, text=True)
            check(r.returncode == 0, r.stdout[-4000:] + r.stderr)
            check(not os.path.exists('/usr/bin/sila'))


run()
