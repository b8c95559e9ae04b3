import type { MessageTable } from './message-table.ts';

/**
 * Messages of curators' uploads and the import core beneath them: encodings (`file.*`),
 * workbooks, archives (`archive.*`), column mapping, import modes (`row.*`), dry-run previews
 * and import jobs (`upload.*`, `job.*`).
 */
export const UPLOAD_MESSAGES = {
  // Encodings.
  'file.damaged_utf8': {
    zh: '第 {line} 行不是有效的 UTF-8，而文件其余部分是 UTF-8：文件可能已损坏；请修正该行，或明确指定文件的编码（--encoding）',
    en: 'line {line} is not valid UTF-8 although the rest of the file is: the file may be damaged; fix that line, or name the file’s encoding (--encoding)',
  },
  'file.encoding_unknown': {
    zh: '第 {line} 行不是 UTF-8，也无法识别文件的编码；请另存为 UTF-8，或明确指定编码（--encoding gbk、big5、windows-1252、utf-16le 等）',
    en: 'line {line} is not UTF-8 and the file’s encoding cannot be recognised; save it as UTF-8 or name its encoding (--encoding gbk, big5, windows-1252, utf-16le …)',
  },
  'file.undecodable': {
    zh: '第 {line} 行含有 {encoding} 编码中不存在的字节：文件不是 {encoding} 编码；请选择正确的编码',
    en: 'line {line} holds bytes that are not {encoding}: the file is in another encoding; choose the right one',
  },
  'ingest.encoding_detected': { zh: '{file}：按 {encoding} 读取（自动识别，可信度 {confidence}%）；如有误请用 --encoding 指定', en: '{file}: read as {encoding} (detected, {confidence}% confident); if that is wrong, name it with --encoding' },
  'ingest.encoding_bom': { zh: '{file}：按 {encoding} 读取（文件开头的字节顺序标记）', en: '{file}: read as {encoding} (its byte-order mark)' },
  'ingest.encoding_given': { zh: '{file}：按指定的 {encoding} 读取', en: '{file}: read as {encoding}, as given' },
  'ingest.no_such_mapping': { zh: '没有名为 “{name}” 的列对应方案；已保存的有：{names}', en: 'no column mapping is saved as "{name}"; saved ones: {names}' },
  'ingest.no_mappings': { zh: '尚未保存任何列对应方案（在馆员工作台的上传预览页中保存）', en: 'no column mapping is saved yet (save one on the preview page of an upload in the curators’ workspace)' },
  'ingest.mapping_line': { zh: '{name}：{columns}（{by}，{at}）', en: '{name}: {columns} ({by}, {at})' },
  'ingest.emptying_updates': {
    zh: '{count} 条更新会清空文件中没有对应列的字段；若要保留这些字段，请使用 --mode=merge（只更新文件中有的列）',
    en: '{count} {count:update|updates} would empty fields the file has no column for; to keep them, use --mode=merge (updates only the columns the file has)',
  },
  'cli.bad_encoding': { zh: '--encoding 不支持 “{received}”；可用：{choices}', en: '--encoding does not know "{received}"; use one of: {choices}' },

  // Workbooks.
  'file.not_xlsx': { zh: '文件不是可读取的 Excel 工作簿（.xlsx）；旧的 .xls 格式请在 Excel 中另存为 .xlsx 或 CSV', en: 'the file is not a readable Excel workbook (.xlsx); save an old .xls file as .xlsx or CSV in Excel' },
  'file.too_many_cells': { zh: '工作簿的单元格超过 {maximum} 个的上限；这么大的表格请另存为 CSV 导入', en: 'the workbook holds more than {maximum} cells; import a sheet this large as CSV' },
  'file.no_such_sheet': { zh: '工作簿中没有名为 “{sheet}” 的工作表；现有：{sheets}', en: 'the workbook has no sheet named "{sheet}"; it has: {sheets}' },
  'file.no_sheet_with_id': { zh: '工作簿中没有表头含 id（编号）列的工作表；请选择工作表（--sheet）：{sheets}', en: 'no sheet of the workbook has an id column in its header; choose a sheet (--sheet): {sheets}' },
  'row.formula_value': { zh: '该单元格是公式；已导入公式上次计算的值（公式本身不导入）', en: 'this cell is a formula: its last computed value was imported (the formula itself never is)' },
  'row.formula_without_value': { zh: '第 {column} 列是没有保存计算结果的公式；请在 Excel 中打开并保存后再导入', en: 'column {column} holds a formula without a saved value: open and save the workbook in Excel, then import it again' },
  'row.cell_error': { zh: '第 {column} 列是错误值 {error}；请修正该单元格', en: 'column {column} holds the error value {error}: fix that cell' },

  // Archives (a ZIP of a record file and photographs; the inside of an XLSX).
  'archive.unreadable': { zh: '文件不是可读取的 ZIP 压缩包', en: 'the file is not a readable ZIP archive' },
  'archive.unreadable_entry': { zh: '压缩包中的 “{entry}” 无法解压（{detail}）', en: '"{entry}" in the archive cannot be extracted ({detail})' },
  'archive.unsafe_path': { zh: '压缩包中的 “{entry}” 指向压缩包之外（../ 或绝对路径）；整个压缩包被拒绝', en: '"{entry}" in the archive points outside it (../ or an absolute path); the whole archive is refused' },
  'archive.symlink': { zh: '压缩包中的 “{entry}” 是符号链接；整个压缩包被拒绝', en: '"{entry}" in the archive is a symbolic link; the whole archive is refused' },
  'archive.encrypted': { zh: '压缩包中的 “{entry}” 已加密；请上传未加密的压缩包', en: '"{entry}" in the archive is encrypted; upload an archive without a password' },
  'archive.duplicate_entry': { zh: '压缩包中 “{entry}” 出现了两次', en: 'the archive holds "{entry}" twice' },
  'archive.too_many_entries': { zh: '压缩包中的文件超过 {maximum} 个的上限', en: 'the archive holds more than {maximum} files' },
  'archive.too_large': { zh: '压缩包解压后超过 {maximum} 的上限', en: 'the archive would exceed {maximum} once extracted' },
  'archive.bomb': { zh: '压缩包中的 “{entry}” 解压后是压缩时的 {ratio} 倍（疑似压缩炸弹）；整个压缩包被拒绝', en: '"{entry}" in the archive would inflate {ratio} times (a zip bomb?); the whole archive is refused' },

  // Column mapping and import modes.
  'file.columns_same_field': { zh: '“{first}” 列与 “{second}” 列都对应字段 {field}；请只为该字段选择一列', en: 'the columns "{first}" and "{second}" both fill {field}; choose one column for it' },
  'row.not_in_archive': { zh: '档案中没有编号为 “{id}” 的记录；此导入方式只更新已有记录', en: 'the archive has no record "{id}"; this import mode only updates existing records' },
} satisfies MessageTable;
