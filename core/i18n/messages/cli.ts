import type { MessageTable } from './message-table.ts';

/**
 * Messages of the shared command-line runner (core/cli): usage errors and the one line a command
 * ends with when something outside it failed (a damaged catalog, a full disk …). Each says what
 * happened to the archive and what to do.
 */
export const CLI_MESSAGES = {
  // Usage: printed with the command's usage, exit status 2.
  'cli.unknown_option': { zh: '未知参数 {option}', en: 'unknown option {option}' },
  'cli.missing_value': { zh: '参数 {option} 需要一个值，例如 {option}=…', en: 'the option {option} needs a value, as in {option}=…' },
  'cli.takes_no_value': { zh: '参数 {option} 不带值', en: 'the option {option} takes no value' },
  'cli.unexpected_argument': { zh: '此命令不接受参数 “{argument}”', en: 'this command takes no argument such as "{argument}"' },
  'cli.bad_choice': { zh: '参数 {option} 应为 {choices} 之一，实际为 “{received}”', en: 'the option {option} must be one of {choices} but received "{received}"' },
  'cli.bad_usage': { zh: '参数错误：{detail}', en: 'bad option: {detail}' },
  'cli.usage_other_language': { zh: 'For English: add --lang=en', en: '中文说明：加上 --lang=zh' },
  'cli.bad_config': { zh: '配置无效（环境变量）：{detail}', en: 'invalid configuration (environment variables): {detail}' },

  // Faults: the command stops with one line (never a stack trace) and this exit status.
  'cli.catalog_empty_file': {
    zh: '目录文件 {file} 是空的（0 字节），不是新档案：它可能在写入时被截断。没有做任何改动。请从备份恢复（npm run restore），或确认不需要后删除该文件以新建档案',
    en: 'the catalog file {file} is empty (0 bytes), which no archive ever is: it was probably cut short while being written. Nothing was changed. Restore it from a backup (npm run restore), or delete it if you mean to start a new archive',
  },
  'cli.catalog_not_database': {
    zh: '{file} 不是档案的目录文件（不是 SQLite 数据库）。没有做任何改动。请检查 ARCHIVE_DATA_DIR，或从备份恢复（npm run restore）',
    en: '{file} is not an archive catalog (not an SQLite database). Nothing was changed. Check ARCHIVE_DATA_DIR, or restore the catalog from a backup (npm run restore)',
  },
  'cli.catalog_truncated': {
    zh: '目录文件 {file} 被截断（应有 {expected} 字节，实际 {actual} 字节）。没有做任何改动。请从备份恢复（npm run restore）',
    en: 'the catalog file {file} is truncated ({actual} of {expected} bytes). Nothing was changed. Restore it from a backup (npm run restore)',
  },
  'cli.catalog_corrupt': {
    zh: '目录文件 {file} 已损坏（{detail}）。没有做任何改动。请从备份恢复（npm run restore）',
    en: 'the catalog file {file} is damaged ({detail}). Nothing was changed. Restore it from a backup (npm run restore)',
  },
  'cli.catalog_too_new': {
    zh: '目录文件 {file} 由更新版本的档案程序写入（结构版本 {version}）。没有做任何改动。请先升级本程序再运行',
    en: 'the catalog file {file} was written by a newer release of the archive (schema version {version}). Nothing was changed. Upgrade this program first',
  },
  'cli.catalog_cannot_open': {
    zh: '无法打开目录文件 {file}：请确认其所在文件夹存在且可写（ARCHIVE_DATA_DIR）',
    en: 'cannot open the catalog file {file}: check that its folder exists and can be written (ARCHIVE_DATA_DIR)',
  },
  'cli.not_a_folder': {
    zh: '{file} 所在的路径中有一个文件挡住了文件夹：ARCHIVE_DATA_DIR（{dataDir}）应是一个文件夹',
    en: 'a file stands where a folder should be on the way to {file}: ARCHIVE_DATA_DIR ({dataDir}) must be a folder',
  },
  'cli.catalog_busy': {
    zh: '目录文件 {file} 正被另一个程序写入，等待超时。没有做任何改动。请等它完成后再运行此命令',
    en: 'another program kept writing to the catalog file {file} for too long. Nothing was changed. Run this command again once it has finished',
  },
  'cli.disk_full': {
    zh: '{file} 所在的磁盘已满。已提交的内容都保留着，未完成的一批没有写入。请释放磁盘空间（df -h 查看）后重新运行此命令，它会从中断处继续',
    en: 'the disk holding {file} is full. Everything committed is kept; the unfinished batch was not written. Free some space (see df -h) and run the command again: it continues where it stopped',
  },
  'cli.disk_error': {
    zh: '写入 {file} 时磁盘出错（{detail}）。已提交的内容都保留着。请检查磁盘（空间、dmesg）后重新运行此命令',
    en: 'the disk failed while writing {file} ({detail}). Everything committed is kept. Check the disk (free space, dmesg) and run the command again',
  },
  'cli.read_only': {
    zh: '无法写入 {file}：文件系统是只读的。没有做任何改动。请把 ARCHIVE_DATA_DIR 指向可写的文件夹，或以可写方式重新挂载',
    en: 'cannot write {file}: the file system is read-only. Nothing was changed. Point ARCHIVE_DATA_DIR at a folder that can be written, or remount it read-write',
  },
  'cli.permission_denied': {
    zh: '无权写入 {file}。没有做任何改动。请以拥有 ARCHIVE_DATA_DIR 的用户运行，或修改该文件夹的权限',
    en: 'no permission to write {file}. Nothing was changed. Run as the user who owns ARCHIVE_DATA_DIR, or change that folder’s permissions',
  },
  'cli.index_behind': {
    zh: '搜索引擎不可用（{detail}）。{count} 项更改已安全写入目录，并在队列中等待索引；它们暂时搜索不到。搜索引擎恢复后，下一次导入或 npm run reindex 会同步它们',
    en: 'the search engine is unavailable ({detail}). {count} {count:change is|changes are} safely in the catalog and queued for indexing, not yet searchable. Once the engine is back, the next import or npm run reindex syncs them',
  },
  'cli.port_in_use': {
    zh: '端口 {port}（{host}）已被另一个程序占用：请先停止它，或用 PORT 选择另一个端口',
    en: 'port {port} on {host} is already in use by another program: stop it, or choose another port with PORT',
  },
  'cli.cannot_listen': { zh: '无法在 {host} 的端口 {port} 上监听（{detail}）：请检查 HOST 与 PORT', en: 'cannot listen on port {port} of {host} ({detail}): check HOST and PORT' },
  'cli.internal_error': {
    zh: '意外错误：{detail}。详情见 {log}；如需帮助，请附上该文件报告此问题',
    en: 'unexpected error: {detail}. Details are in {log}; please report the problem with that file',
  },
  'cli.internal_error_no_log': { zh: '意外错误：{detail}', en: 'unexpected error: {detail}' },

  // `npm test`'s pre-check of the Debian packages the tests need (scripts/check-debian-packages.ts).
  'setup.missing': {
    zh: '测试所需的 Debian 软件包未安装：{packages}（见 {list}）。请运行：\n  {command}\n然后再运行 npm test',
    en: 'the tests need Debian packages that are not installed: {packages} (see {list}). Run:\n  {command}\nthen npm test again',
  },
  'setup.installing': { zh: '正在用 apt-get 安装测试所需的 Debian 软件包：{packages}', en: 'installing the Debian packages the tests need with apt-get: {packages}' },
  'setup.install_failed': {
    zh: 'apt-get 未能安装 {packages}；请查看上面的输出，修复后运行：\n  {command}',
    en: 'apt-get could not install {packages}; see its output above, fix the cause and run:\n  {command}',
  },
  'setup.not_debian': {
    zh: '这不是 Debian 系统（没有 dpkg-query）：请自行安装相应的软件包：{packages}；浏览器测试使用 /usr/bin/chromium',
    en: 'not a Debian system (no dpkg-query): install the equivalents of these packages yourself: {packages}; the browser tests use /usr/bin/chromium',
  },
} as const satisfies MessageTable;
