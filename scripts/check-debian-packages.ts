/**
 * `npm test`'s pre-check (the `pretest` script): the Debian packages the tests need, listed in
 * `.ci/debian-packages.txt`, must be installed. Run as root, it installs the missing ones with
 * apt-get (as CI does); otherwise it stops at once and prints the one command to run, rather
 * than letting the suite fail minutes later on a missing browser.
 *
 * `ARCHIVE_DEBIAN_PACKAGES` names another list (tests); `ARCHIVE_NO_APT=1` never runs apt-get.
 * Exit status: 0 everything is there (or this is not a Debian system: a warning), 1 something is missing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import { langFromLocale, translate } from '../core/i18n/translate.ts';

const list = process.env.ARCHIVE_DEBIAN_PACKAGES ?? path.join(PROJECT_ROOT, '.ci', 'debian-packages.txt');
const lang = langFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);

/** Package names, one a line; `#` starts a comment. */
function readPackageList(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** The packages dpkg does not report as installed; undefined when there is no dpkg (not Debian). */
function missingPackages(packages: readonly string[]): string[] | undefined {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], { encoding: 'utf8' });
  if (result.error) return undefined;
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]!.replace(/:.*/, '')),
  );
  return packages.filter((name) => !installed.has(name));
}

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** The list's path as the user can type it: relative when inside the working folder. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function main(): number {
  const packages = readPackageList(list);
  const missing = missingPackages(packages);
  if (missing === undefined) {
    console.warn(translate(lang, 'setup.not_debian', { packages: packages.join(' ') }));
    return 0;
  }
  if (missing.length === 0) return 0;
  const names = missing.join(' ');
  const isRoot = process.getuid?.() === 0;
  if (isRoot && process.env.ARCHIVE_NO_APT !== '1') {
    console.error(translate(lang, 'setup.installing', { packages: names }));
    if (aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing]) && missingPackages(missing)?.length === 0) return 0;
    console.error(translate(lang, 'setup.install_failed', { packages: names, command: `apt-get install -y ${names}` }));
    return 1;
  }
  console.error(translate(lang, 'setup.missing', { packages: names, list: shownPath(list), command: `${isRoot ? '' : 'sudo '}apt-get install -y ${names}` }));
  return 1;
}

process.exitCode = main();
