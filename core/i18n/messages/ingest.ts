import type { MessageTable } from './message-table.ts';

/**
 * Messages of record validation and the ingest CLI: `problem.*` (a field of a record), `file.*`
 * (a whole import file), `row.*`, `media.*` (an image reference), `ingest.*`, `reindex.*`.
 */
export const INGEST_MESSAGES = {
  // Field problems. `{field}` is the column name as written in the template.
  'problem.required': { zh: '{field}：必填，但为空', en: '{field}: required but empty' },
  'problem.title_required': { zh: 'title_zh 与 title_en 至少需要填写一个', en: 'give a title: title_zh or title_en (at least one)' },
  'problem.wrong_type': { zh: '{field}：应为{expected}，实际为 “{received}”', en: '{field}: expected {expected} but received "{received}"' },
  'problem.too_long': { zh: '{field}：最多 {maximum} 个字符', en: '{field}: at most {maximum} characters allowed' },
  'problem.too_many_items': { zh: '{field}：最多 {maximum} 项', en: '{field}: at most {maximum} items allowed' },
  'problem.bad_visibility': {
    zh: '{field}：应为 public（公开）、hidden（隐藏）或禁止公开的截止日期（如 2030-01-01），实际为 “{received}”',
    en: '{field}: expected public, hidden or the date an embargo ends (such as 2030-01-01) but received "{received}"',
  },
  'problem.not_a_number': { zh: '{field}：应为数字，实际为 “{received}”', en: '{field}: expected a number but received "{received}"' },
  'problem.out_of_range': { zh: '{field}：应在 {minimum} 到 {maximum} 之间，实际为 {received}', en: '{field}: expected a number between {minimum} and {maximum} but received {received}' },
  'problem.year_unrecognised': {
    zh: '{field}：无法识别的年份 “{received}”；可写作 1990、-3300、3300 BCE 或 公元前3300年',
    en: '{field}: expected a year such as 1990, -3300, 3300 BCE or 公元前3300年 but received "{received}"',
  },
  'problem.year_zero': { zh: '{field}：没有公元0年；公元前1年写作 -1，公元1年写作 1', en: '{field}: there is no year 0; write -1 for 1 BCE or 1 for 1 CE' },
  'problem.year_out_of_range': { zh: '{field}：年份 “{received}” 超出范围（-100000 到 2100）', en: '{field}: year "{received}" is out of range (-100000 to 2100)' },
  'problem.start_after_end': { zh: 'start_year（{received}）晚于 end_year', en: 'start_year ({received}) is after end_year' },
  'problem.coordinates_incomplete': { zh: 'lat 与 lon 需同时填写或同时留空', en: 'give both lat and lon, or neither' },
  'problem.not_in_vocabulary': { zh: '{field}：“{received}” 不在受控词表中；可用：{options}', en: '{field}: "{received}" is not in the vocabulary; use one of: {options}' },
  'problem.invalid_reference': { zh: '{field}：“{received}” 不是有效的编号', en: '{field}: "{received}" is not a valid id' },
  'problem.id_mapped': { zh: 'id “{received}” 含有不允许的字符，已改为 “{id}”，原编号保存在 identifier', en: 'id "{received}" is not a safe id; stored as "{id}" with the original kept in identifier' },
  'problem.period_years_disagree': {
    zh: '年份 {received} 与时期 “{period}”（{span}）不符；已按原样导入，请核对',
    en: 'years {received} do not fall in the period "{period}" ({span}); imported as given, please check',
  },
  'problem.invalid_geometry': {
    zh: '{field}：应为 GeoJSON 几何（Point、LineString 或 MultiLineString，坐标为 [经度, 纬度]），实际为 “{received}”',
    en: '{field}: expected GeoJSON geometry (Point, LineString or MultiLineString with [longitude, latitude] positions) but received "{received}"',
  },
  'problem.invalid': { zh: '{field}：值无效 “{received}”', en: '{field}: invalid value "{received}"' },

  // Whole-file problems: the file is refused before anything from it is written.
  'file.not_found': { zh: '找不到文件：{file}', en: 'file not found: {file}' },
  'file.unsupported_format': { zh: '不支持的文件类型 {file}：请使用 .csv、.json 或 .jsonl', en: 'unsupported file type {file}: use .csv, .json or .jsonl' },
  'file.not_utf8': { zh: '第 {line} 行不是 UTF-8 编码；请另存为 UTF-8 后再导入', en: 'line {line} is not UTF-8; save the file as UTF-8 and import it again' },
  'file.looks_gbk': {
    zh: '第 {line} 行不是 UTF-8 编码，文件看起来是 GBK（中文 Excel 的默认编码）；请在 Excel 中另存为“CSV UTF-8”后再导入',
    en: 'line {line} is not UTF-8; the file looks like GBK (the default of Chinese Excel): save it as "CSV UTF-8" and import it again',
  },
  'file.empty': { zh: '文件中没有记录（{rows} 行数据）', en: 'no records in the file ({rows} data rows)' },
  'file.unterminated_quote': { zh: '第 {line} 行的引号没有闭合；请检查该行的双引号', en: 'the quote opened on line {line} is never closed; check the double quotes on that line' },
  'file.csv_malformed': { zh: '第 {line} 行 CSV 格式错误：{detail}', en: 'line {line}: malformed CSV: {detail}' },
  'file.record_too_large': { zh: '第 {line} 行的记录超过 {maximum} 个字符的上限', en: 'line {line}: the record exceeds the limit of {maximum} characters' },
  'file.too_large': { zh: '文件超过 {maximum} 的上限；JSON 文件请改用 JSONL（每行一条记录）', en: 'the file exceeds the limit of {maximum}; for JSON use JSONL instead (one record per line)' },
  'file.no_id_column': { zh: '表头缺少 id 列；请使用导入模板的列名', en: 'the header has no id column; use the column names of the import template' },
  'file.wrong_delimiter': { zh: '表头似乎用 “{delimiter}” 分隔；请使用英文逗号 “,” 分隔各列', en: 'the header seems to be separated by "{delimiter}"; separate columns with commas ","' },
  'file.duplicate_column': { zh: '表头中 “{column}” 列重复出现', en: 'the header repeats the column "{column}"' },
  'file.bad_json': { zh: '第 {line} 行第 {column} 列 JSON 格式错误：{detail}', en: 'line {line}, column {column}: invalid JSON: {detail}' },
  'file.json_root': { zh: 'JSON 文件的最外层应为记录数组 [ {…}, {…} ]', en: 'the JSON file must hold an array of records: [ {…}, {…} ]' },

  // Why a CSV or JSON text cannot be parsed: the `{detail}` of the messages above and below.
  'csv.quote_inside_cell': {
    zh: '不以双引号开头的单元格中出现了双引号；请把整个单元格放在双引号中，并把其中的每个双引号写成两个（""）',
    en: 'a double quote inside a cell that does not start with one: put the whole cell in double quotes and write each quote inside it twice ("")',
  },
  'csv.text_after_quote': {
    zh: '单元格的闭合双引号之后还有文字；请把整个单元格放在双引号中，并把其中的每个双引号写成两个（""）',
    en: 'text follows the closing quote of a cell: put the whole cell in double quotes and write each quote inside it twice ("")',
  },
  'csv.unreadable': { zh: '无法读取（{code}）', en: 'cannot be read ({code})' },
  'json.invalid_symbol': { zh: '意外的字符（JSON 只允许双引号字符串、数字、true、false、null、[ ] 与 { }）', en: 'an unexpected character (JSON allows only "strings", numbers, true, false, null, [ ] and { })' },
  'json.invalid_number': { zh: '数字的写法不符合 JSON（例如 1.5、-3、2e3）', en: 'a number not written as JSON allows (such as 1.5, -3, 2e3)' },
  'json.property_name_expected': { zh: '此处应为双引号中的属性名（对象末尾不能有逗号）', en: 'a property name in double quotes is expected here (no comma before a closing brace)' },
  'json.value_expected': { zh: '此处应有一个值', en: 'a value is expected here' },
  'json.colon_expected': { zh: '属性名之后缺少冒号 “:”', en: 'a colon ":" is missing after a property name' },
  'json.comma_expected': { zh: '两项之间缺少逗号 “,”', en: 'a comma "," is missing between two items' },
  'json.close_brace_expected': { zh: '缺少 “}”', en: 'a "}" is missing' },
  'json.close_bracket_expected': { zh: '缺少 “]”', en: 'a "]" is missing' },
  'json.end_of_file_expected': { zh: 'JSON 值结束后还有其他文字', en: 'more text follows the end of the JSON value' },
  'json.comment': { zh: 'JSON 中不允许注释', en: 'comments are not allowed in JSON' },
  'json.unterminated_string': { zh: '字符串没有用双引号闭合', en: 'a string is never closed with a double quote' },
  'json.invalid_unicode': { zh: '\\u 转义后应为四位十六进制数字', en: 'a \\u escape must be followed by four hexadecimal digits' },
  'json.invalid_escape': { zh: '字符串中有 JSON 不允许的转义（反斜杠 \\ 请写成 \\\\）', en: 'an escape JSON does not allow (write a backslash \\ as \\\\)' },
  'json.control_character': { zh: '字符串中有控制字符（如制表符或换行）；请写成 \\t 或 \\n', en: 'a control character (such as a tab or line break) inside a string: write it as \\t or \\n' },
  'json.invalid': { zh: '不是有效的 JSON', en: 'not valid JSON' },

  // Row-level problems found by the importer rather than the schema.
  'row.bad_json': { zh: '第 {column} 列 JSON 格式错误：{detail}；已跳过该行', en: 'invalid JSON at column {column}: {detail}; row skipped' },
  'row.not_json_object': { zh: '应为一个 JSON 对象 {…}；已跳过该行', en: 'expected a JSON object {…}; row skipped' },
  'row.json_too_deep': { zh: 'JSON 嵌套过深（最多 {maximum} 层）；已跳过该行', en: 'JSON nested too deeply (at most {maximum} levels); row skipped' },
  'row.wrong_column_count': { zh: '该行有 {found} 列，表头有 {expected} 列；已跳过该行', en: 'the row has {found} columns but the header has {expected}; row skipped' },
  'row.duplicate_in_file': { zh: 'id “{id}” 在本文件第 {line} 行已出现；已跳过该行', en: 'id "{id}" already appears on line {line} of this file; row skipped' },
  'row.exists_skipped': { zh: 'id “{id}” 已在档案中；按 --on-existing=skip 跳过', en: 'id "{id}" is already in the archive; skipped (--on-existing=skip)' },
  'row.exists_error': { zh: 'id “{id}” 已在档案中；按 --on-existing=error 拒绝', en: 'id "{id}" is already in the archive; refused (--on-existing=error)' },

  // Image references in the `images` column.
  'media.outside_folder': { zh: '图像路径 “{path}” 指向导入文件夹之外；已拒绝', en: 'image path "{path}" leads outside the import folder; refused' },
  'media.absolute_path': { zh: '图像路径 “{path}” 是绝对路径；请写相对于导入文件的路径', en: 'image path "{path}" is absolute; write it relative to the import file' },
  'media.remote_not_fetched': { zh: '不会下载远程图像 “{path}”；请下载后以本地文件引用', en: 'remote image "{path}" is not fetched; download it and reference the local file' },
  'media.not_found': {
    zh: '找不到图像文件 “{path}”；请检查 images 列中的路径（相对于导入文件所在的文件夹）以及该文件是否存在',
    en: 'image file "{path}" not found: check the path in the images column (relative to the import file\'s folder) and that the file is there',
  },

  // The ingest command.
  'ingest.no_input': { zh: '没有可导入的文件：{paths}', en: 'nothing to import in: {paths}' },
  'ingest.dry_run': { zh: '试运行：只校验，不写入档案', en: 'dry run: validated only, nothing written' },
  'ingest.file_summary': {
    zh: '{file}：新建 {created}，更新 {updated}，未变 {unchanged}，失败 {failed}',
    en: '{file}: {created} created, {updated} updated, {unchanged} unchanged, {failed} failed',
  },
  'ingest.total_summary': {
    zh: '合计：新建 {created}，更新 {updated}，未变 {unchanged}，失败 {failed}',
    en: 'total: {created} created, {updated} updated, {unchanged} unchanged, {failed} failed',
  },
  'ingest.nothing_changed': { zh: '档案没有任何变化', en: 'nothing changed in the archive' },
  'ingest.file_refused': { zh: '{file} 未导入：{reason}', en: '{file} was not imported: {reason}' },
  'ingest.report_written': { zh: '报告已写入 {path}', en: 'report written to {path}' },
  'ingest.problems_heading': { zh: '问题（{count} 项）：', en: 'problems ({count}):' },
  'ingest.problem_line': { zh: '{file} 第 {line} 行：{message}', en: '{file} line {line}: {message}' },
  'ingest.problem_no_line': { zh: '{file}：{message}', en: '{file}: {message}' },
  'ingest.more_problems': { zh: '……另有 {count} 项，见报告', en: '… and {count} more in the report' },
  'ingest.progress': { zh: '导入', en: 'importing' },
  'ingest.indexing': { zh: '索引', en: 'indexing' },
  'ingest.unknown_columns': { zh: '{file}：忽略未知列 {columns}', en: '{file}: ignored unknown columns {columns}' },
  'ingest.collections_loaded': { zh: '专题：{count} 个', en: 'collections: {count}' },
  'ingest.usage': {
    zh: [
      '用法：npm run ingest -- [文件或文件夹 …] [选项]',
      '导入记录文件（.csv、.json、.jsonl）、专题文件夹与照片文件夹；不带参数时导入 collections/ 下的全部专题。',
      '  --dry-run                           只校验并写报告，不写入档案',
      '  --on-existing=update|skip|error     档案中已有的编号：更新（默认）、跳过或拒绝',
      '  --imports                           列出导入历史（编号、时间、状态、数量）',
      '  --undo 导入编号 [--force]           撤销一次导入：删除其建立的记录，把其修改的记录恢复原样；之后又被修改的记录会使撤销被拒绝，--force 则保留它们的现状',
      '  --lang=zh|en                        提示语言（默认取自 LANG）',
      '  -h, --help                          显示本说明',
      '退出状态：0 全部导入；1 有内容被拒绝（见报告）；2 用法错误；3 已写入目录但搜索索引未同步；4 目录文件损坏；5 磁盘已满；6 数据目录不可写；7 目录被占用；70 程序错误',
    ].join('\n'),
    en: [
      'usage: npm run ingest -- [file-or-folder …] [options]',
      'Imports record files (.csv, .json, .jsonl), collection folders and folders of photographs; with no argument, every collection in collections/.',
      '  --dry-run                           validate and write the report, change nothing',
      '  --on-existing=update|skip|error     ids already in the archive: update them (default), skip them or refuse them',
      '  --imports                           list the import history (ids, times, status, counts)',
      '  --undo IMPORT_ID [--force]          take an import back: delete the records it created, restore those it updated; records changed since make it refuse, --force keeps them as they are',
      '  --lang=zh|en                        the language of messages (default from LANG)',
      '  -h, --help                          show this help',
      'Exit status: 0 everything imported; 1 something refused (see the report); 2 bad usage; 3 in the catalog but the search index is behind; 4 damaged catalog; 5 disk full; 6 data directory cannot be written; 7 catalog busy; 70 a bug',
    ].join('\n'),
  },
  'reindex.usage': {
    zh: [
      '用法：npm run reindex -- [--engine=embedded|meilisearch] [--lang=zh|en]',
      '从目录重建搜索索引；重建期间仍用旧索引回答搜索。',
      '  --engine=embedded|meilisearch       要重建的引擎（默认取自 ARCHIVE_ENGINE / MEILI_HOST）',
      '  --lang=zh|en                        提示语言（默认取自 LANG）',
      '  -h, --help                          显示本说明',
      '退出状态：0 完成；2 用法错误；3 搜索引擎不可用；4 目录文件损坏；5 磁盘已满；6 数据目录不可写；7 目录被占用；70 程序错误',
    ].join('\n'),
    en: [
      'usage: npm run reindex -- [--engine=embedded|meilisearch] [--lang=zh|en]',
      'Rebuilds the search index from the catalog; searches are answered from the old index meanwhile.',
      '  --engine=embedded|meilisearch       the engine to rebuild (default from ARCHIVE_ENGINE / MEILI_HOST)',
      '  --lang=zh|en                        the language of messages (default from LANG)',
      '  -h, --help                          show this help',
      'Exit status: 0 done; 2 bad usage; 3 search engine unavailable; 4 damaged catalog; 5 disk full; 6 data directory cannot be written; 7 catalog busy; 70 a bug',
    ].join('\n'),
  },
  'reindex.done': { zh: '已用 {engine} 引擎重建索引：{count} 条记录', en: 'reindexed {count} records into the {engine} engine' },
  'reindex.progress': { zh: '重建索引', en: 'reindexing' },
  'ingest.import_id': { zh: '本次导入编号：{id}（撤销：npm run ingest -- --undo {id}）', en: 'import id: {id} (to take it back: npm run ingest -- --undo {id})' },
  'catalog.waiting_for_writer': {
    zh: '另一个进程正在写入档案（{purpose}，进程 {pid}，始于 {since}）；等它完成后继续 …',
    en: 'another process is writing to the archive ({purpose}, pid {pid}, since {since}); waiting for it to finish …',
  },
  'collection.exists_skipped': { zh: '专题 “{id}” 已在档案中；按 --on-existing=skip 保持原样', en: 'collection "{id}" is already in the archive; kept as it was (--on-existing=skip)' },
  'collection.exists_error': { zh: '专题 “{id}” 已在档案中；按 --on-existing=error 拒绝', en: 'collection "{id}" is already in the archive; refused (--on-existing=error)' },
  'collection.invalid': { zh: '{file}：专题描述无效：{detail}', en: '{file}: invalid collection description: {detail}' },
} as const satisfies MessageTable;
