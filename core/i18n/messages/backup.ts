import type { MessageTable } from './message-table.ts';

/**
 * Messages of `npm run backup` and `npm run restore` (issue 9). Every refusal says that nothing
 * was changed and what to do instead.
 */
export const BACKUP_MESSAGES = {
  'backup.usage': {
    zh: '用法：npm run backup -- 目标文件夹 [--lang=zh|en]\n把目录（SQLite 在线备份，服务器运行、导入进行时也可）和媒体库复制到一个新的或空的文件夹，并写入 manifest.json（各表行数与每个文件的 sha256）。用 npm run restore 恢复。',
    en: 'usage: npm run backup -- DEST [--lang=zh|en]\nCopies the catalog (SQLite online backup: safe while the server serves and an import writes) and the media store into a new or empty folder, with manifest.json (row counts of every table, sha256 of every file). Restore it with npm run restore.',
  },
  'backup.missing_destination': { zh: '请给出备份要写入的文件夹：npm run backup -- 目标文件夹', en: 'give the folder to write the backup to: npm run backup -- DEST' },
  'backup.too_many_arguments': { zh: '只能给出一个目标文件夹，实际给出了 {count} 个', en: 'give one destination folder, not {count}' },
  'backup.no_catalog': {
    zh: '{file} 处没有档案目录，无可备份；请把 ARCHIVE_DATA_DIR 设为档案的数据文件夹',
    en: 'there is no catalog at {file}, so nothing to back up; set ARCHIVE_DATA_DIR to the archive’s data directory',
  },
  'backup.destination_not_empty': {
    zh: '{dest} 已有内容（{entries}）；没有做任何改动。请备份到新的或空的文件夹',
    en: '{dest} already holds files ({entries}); nothing was changed. Back up into a new or empty folder',
  },
  'backup.destination_not_folder': { zh: '{dest} 是文件，不是文件夹；没有做任何改动', en: '{dest} is a file, not a folder; nothing was changed' },
  'backup.destination_inside_data': {
    zh: '{dest} 位于数据文件夹 {dataDir} 之内，数据丢失时备份会一同丢失；没有做任何改动。请选择数据文件夹之外的位置（最好在另一块磁盘上）',
    en: '{dest} is inside the data directory {dataDir}, so it would be lost with it; nothing was changed. Choose a folder outside it, ideally on another disk',
  },
  'backup.not_a_catalog': {
    zh: '{file} 不是档案目录（没有 records 表）；没有写入备份',
    en: '{file} is not an archive catalog (it has no records table); no backup was written',
  },
  'backup.catalog_damaged': {
    zh: '目录的副本未通过 SQLite 完整性检查（{detail}），目录本身可能已损坏；没有写入备份。请保留现有的备份，并从最近的完好备份恢复（npm run restore）',
    en: 'the copy of the catalog failed SQLite’s integrity check ({detail}), so the catalog itself may be damaged; no backup was written. Keep your existing backups and restore the latest good one (npm run restore)',
  },
  'backup.interrupted': {
    zh: '备份被中断；已删除 {dest} 中不完整的副本，档案本身没有改动',
    en: 'the backup was interrupted; the partial copy in {dest} was removed and the archive itself was not changed',
  },
  'backup.progress_catalog': { zh: '备份目录（MB）', en: 'backing up the catalog (MB)' },
  'backup.progress_files': { zh: '备份媒体文件与导入报告', en: 'backing up media files and import reports' },
  'backup.done': {
    zh: '备份已写入 {dest}：{records} 条记录，{tables} 个表，{files} 个媒体文件，共 {size}，用时 {seconds} 秒',
    en: 'backup written to {dest}: {records} {records:record|records}, {tables} tables, {files} media {files:file|files}, {size} in {seconds} s',
  },

  'restore.usage': {
    zh: '用法：npm run restore -- 备份文件夹 [--lang=zh|en]\n把 npm run backup 写出的备份恢复到空的数据文件夹（ARCHIVE_DATA_DIR），并校验：每个文件的 sha256、PRAGMA integrity_check、各表行数与 manifest 一致。之后运行 npm run reindex 重建搜索索引。',
    en: 'usage: npm run restore -- SRC [--lang=zh|en]\nRestores a backup written by npm run backup into an empty data directory (ARCHIVE_DATA_DIR) and verifies it: sha256 of every file, PRAGMA integrity_check, row counts of every table against the manifest. Then run npm run reindex to rebuild the search index.',
  },
  'restore.missing_source': { zh: '请给出要恢复的备份文件夹：npm run restore -- 备份文件夹', en: 'give the backup folder to restore: npm run restore -- SRC' },
  'restore.too_many_arguments': { zh: '只能给出一个备份文件夹，实际给出了 {count} 个', en: 'give one backup folder, not {count}' },
  'restore.source_not_found': { zh: '找不到备份文件夹 {src}；没有做任何改动', en: 'the backup folder {src} does not exist; nothing was changed' },
  'restore.not_a_backup': {
    zh: '{src} 不是 npm run backup 写出的备份（其中没有 manifest.json）；没有做任何改动。请给出备份文件夹本身',
    en: '{src} is not a backup written by npm run backup (it has no manifest.json); nothing was changed. Give the backup folder itself',
  },
  'restore.bad_manifest': {
    zh: '{src} 不是可用的备份：manifest.json 无效（{detail}）；没有做任何改动',
    en: '{src} is not a usable backup: its manifest.json is not valid ({detail}); nothing was changed',
  },
  'restore.newer_format': {
    zh: '{src} 是较新版本写出的备份（格式 {found}，本版本可读 {supported}）；没有做任何改动。请用写出它的版本恢复',
    en: '{src} was written by a newer version (backup format {found}; this version reads {supported}); nothing was changed. Restore it with the version that wrote it',
  },
  'restore.newer_schema': {
    zh: '{src} 中的目录结构版本为 {found}，比本版本的 {supported} 新（由 {version} 写出）；没有做任何改动。请用该版本或更新的版本恢复',
    en: 'the catalog in {src} has schema version {found}, newer than this version’s {supported} (it was written by {version}); nothing was changed. Restore it with that version or a later one',
  },
  'restore.corrupt': {
    zh: '备份 {src} 已损坏：{count} 个文件与 manifest 中的校验和不符，例如 {files}；没有做任何改动。请改用另一份备份',
    en: 'the backup {src} is damaged: {count} {count:file does|files do} not match the manifest’s checksums, e.g. {files}; nothing was changed. Use another backup',
  },
  'restore.catalog_damaged': {
    zh: '备份 {src} 中的目录与校验和一致，但未通过 SQLite 完整性检查（{detail}）：它在备份时就已损坏；没有做任何改动。请改用另一份备份',
    en: 'the catalog in {src} matches its checksum but fails SQLite’s integrity check ({detail}): it was damaged when the backup was made; nothing was changed. Use another backup',
  },
  'restore.counts_differ': {
    zh: '恢复的目录中各表行数与 manifest 不符（{detail}）；已撤销恢复，没有做任何改动。请改用另一份备份',
    en: 'the restored catalog’s row counts differ from the manifest ({detail}); the restore was undone and nothing was changed. Use another backup',
  },
  'restore.copy_not_verified': {
    zh: '恢复出的副本未通过校验（{count} 个文件不符，例如 {files}），磁盘可能有问题；已撤销恢复，没有做任何改动。请检查磁盘后重试',
    en: 'the restored copy did not verify ({count} {count:file differs|files differ}, e.g. {files}), so the disk may be failing; the restore was undone and nothing was changed. Check the disk and try again',
  },
  'restore.target_not_empty': {
    zh: '数据文件夹 {dir} 不是空的（{entries}）；没有做任何改动。请恢复到新的或空的文件夹（设置 ARCHIVE_DATA_DIR），确认无误后再替换现有的档案',
    en: 'the data directory {dir} is not empty ({entries}); nothing was changed. Restore into a new or empty directory (set ARCHIVE_DATA_DIR), check it, then swap it for the current archive',
  },
  'restore.target_not_folder': { zh: '数据文件夹 {dir} 是文件，不是文件夹；没有做任何改动', en: 'the data directory {dir} is a file, not a folder; nothing was changed' },
  'restore.interrupted': {
    zh: '恢复被中断；已删除写入 {dir} 的内容，没有做任何改动',
    en: 'the restore was interrupted; what it had written to {dir} was removed and nothing was changed',
  },
  'restore.progress_verify': { zh: '校验备份（MB）', en: 'verifying the backup (MB)' },
  'restore.progress_copy': { zh: '恢复文件（MB）', en: 'restoring files (MB)' },
  'restore.progress_check': { zh: '校验恢复的副本（MB）', en: 'verifying the restored copy (MB)' },
  'restore.done': {
    zh: '已把 {src} 恢复到 {dir}：{records} 条记录，{files} 个媒体文件，用时 {seconds} 秒。已校验：sha256 全部一致，integrity_check 为 ok，{tables} 个表的行数与 manifest 一致',
    en: 'restored {src} into {dir}: {records} {records:record|records}, {files} media {files:file|files} in {seconds} s. Verified: every sha256 matches, integrity_check is ok, the row counts of {tables} tables match the manifest',
  },
  'restore.next_step': {
    zh: '搜索索引由目录派生：请运行 npm run reindex 重建（使用 Meilisearch 时也可以导入 Meilisearch 自己的 dump）',
    en: 'the search index is derived from the catalog: run npm run reindex to rebuild it (with Meilisearch, loading a Meilisearch dump also works)',
  },
} satisfies MessageTable;
