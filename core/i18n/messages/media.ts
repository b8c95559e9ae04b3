import type { MessageTable } from './message-table.ts';

/** Messages of images (issue 4): media problems in import reports, image captions and credits on pages. */
export const MEDIA_MESSAGES = {
  // Problems with one image; the record is imported without it. `{path}` is the reference as written.
  'media.heic_not_supported': {
    zh: '“{path}” 是 HEIC 照片（HEVC 编码，iPhone 的默认格式），本档案无法解码；请转换为 JPEG 后重新导入（iPhone：设置 › 相机 › 格式 › 兼容性最佳；Mac：用“预览”打开 › 文件 › 导出 › JPEG）。记录已导入，但不含此图像',
    en: '"{path}" is an HEIC photo (HEVC, the iPhone default), which this archive cannot decode; convert it to JPEG and import again (iPhone: Settings › Camera › Formats › Most Compatible; Mac: open it in Preview › File › Export › JPEG). The record was imported without this image',
  },
  'media.svg_refused': {
    zh: '“{path}” 是 SVG 矢量图，可能含有脚本，不作为图像接受；请导出为 PNG',
    en: '"{path}" is an SVG drawing, which can carry scripts and is not accepted as an image; export it as PNG',
  },
  'media.pdf_refused': { zh: '“{path}” 是 PDF 文档，不是图像；请将页面导出为 JPEG 或 PNG', en: '"{path}" is a PDF document, not an image; export the page as JPEG or PNG' },
  'media.psd_refused': { zh: '“{path}” 是 Photoshop 文件；请导出为 JPEG、PNG 或 TIFF', en: '"{path}" is a Photoshop file; export it as JPEG, PNG or TIFF' },
  'media.text_refused': { zh: '“{path}” 是文本文件，不是图像（是否被改了扩展名？）', en: '"{path}" holds text, not an image (was it renamed?)' },
  'media.unknown_format': {
    zh: '“{path}” 不是可接受的图像格式；请使用 JPEG、PNG、WebP、TIFF、AVIF 或 GIF',
    en: '"{path}" is not in an accepted image format; use JPEG, PNG, WebP, TIFF, AVIF or GIF',
  },
  'media.extension_mismatch': {
    zh: '“{path}” 的扩展名是 .{extension}，内容却是 {type} 图像；请改名为 .{expected} 后重新导入',
    en: '"{path}" is named .{extension} but holds a {type} image; rename it to .{expected} and import again',
  },
  'media.too_many_pixels': {
    zh: '“{path}” 有 {width}×{height} 像素（{megapixels} 百万像素），超过 {limit} 百万像素的上限；未解码即拒绝',
    en: '"{path}" is {width}×{height} pixels ({megapixels} MP), over the limit of {limit} MP; refused without decoding',
  },
  'media.file_too_large': { zh: '“{path}” 大小为 {size} MB，超过 {limit} MB 的上限', en: '"{path}" is {size} MB, over the limit of {limit} MB' },
  'media.empty_file': { zh: '“{path}” 是空文件（0 字节）', en: '"{path}" is empty (0 bytes)' },
  'media.undecodable': {
    zh: '“{path}” 无法解码（{detail}）：文件已损坏或不完整；请重新导出或复制后再导入',
    en: '"{path}" could not be decoded ({detail}): the file is damaged or incomplete; export or copy it again',
  },
  'media.timed_out': {
    zh: '“{path}” 处理超过 {seconds} 秒，已跳过；请重试，或缩小图像后再导入',
    en: '"{path}" took longer than {seconds} s to process and was skipped; try again, or import a smaller version',
  },
  'media.unreadable': { zh: '无法读取 “{path}”（{detail}）', en: '"{path}" could not be read ({detail})' },

  // Warnings: the image was imported, with something to know.
  'media.metadata_unreadable': {
    zh: '“{path}” 的相机元数据无法读取（{detail}）；图像已导入，但不含这些信息',
    en: 'the camera metadata of "{path}" could not be read ({detail}); the image was imported without it',
  },
  'media.first_page_only': { zh: '“{path}” 有 {pages} 页或帧；只显示第一页（帧）', en: '"{path}" has {pages} pages or frames; only the first is shown' },
  'media.coordinates_from_photo': { zh: 'lat/lon 取自照片 “{path}” 的 GPS 位置', en: 'lat/lon taken from the GPS position of the photograph "{path}"' },

  // The ingest command.
  'media.progress': { zh: '图像', en: 'images' },
  'media.files_rebuilt': {
    zh: '图像 “{path}” 的文件不在媒体文件夹中（已被删除或没有随备份恢复），已根据原图重新生成',
    en: 'the files of image "{path}" were missing from the media folder (deleted, or not restored with a backup) and were made again from the original',
  },
  'media.files_missing': {
    zh: '媒体文件夹 {mediaDir} 中缺少 {count} 张图像的文件（例如 {example}），相应的记录页不会显示这些图像。请从备份恢复该文件夹，或重新导入引用这些图像的文件以重新生成',
    en: '{count} {count:image is|images are} missing from the media folder {mediaDir} (for example {example}), so record pages cannot show them. Restore that folder from a backup, or import the files that name them again to make them anew',
  },
  'media.summary': {
    zh: '图像：处理 {processed}，未变 {unchanged}，失败 {failed}（{rate} 张/秒）',
    en: 'images: {processed} processed, {unchanged} unchanged, {failed} failed ({rate}/s)',
  },
  'media.checked_summary': { zh: '图像：检查 {checked}，失败 {failed}（试运行，未生成任何文件）', en: 'images: {checked} checked, {failed} failed (dry run: no files written)' },
  'media.photo_folder': { zh: '{folder}（照片文件夹）', en: '{folder} (folder of photographs)' },

  // Record pages.
  'media.viewer_label': { zh: '可缩放图像：拖动以平移，滚轮或双指以缩放', en: 'Zoomable image: drag to pan, scroll or pinch to zoom' },
  'media.viewer_open': { zh: '查看大图', en: 'Open the large image' },
  'media.viewer_zoom_in': { zh: '放大', en: 'Zoom in' },
  'media.viewer_zoom_out': { zh: '缩小', en: 'Zoom out' },
  'media.viewer_home': { zh: '恢复原始大小', en: 'Show the whole image' },
  'media.viewer_full_page': { zh: '切换全屏', en: 'Toggle full page' },
  'media.captured': { zh: '拍摄于 {date}', en: 'Taken {date}' },
  'media.creator': { zh: '摄影：{name}', en: 'Photo: {name}' },
  'media.credit': { zh: '来源：{name}', en: 'Credit: {name}' },
  'media.image_position': { zh: '第 {index} 张，共 {count} 张', en: 'image {index} of {count}' },
  'media.coordinates_source_photograph': { zh: '位置取自照片的 GPS 信息', en: 'Location taken from the photograph’s GPS' },
} as const satisfies MessageTable;
