/** Photographs that take real work to derive: noise does not compress, so every derivative and tile is large. */
import path from 'node:path';
import sharp from 'sharp';

export async function writeNoiseImage(file: string, { width = 900, height = 700, seed = 1 } = {}): Promise<void> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < pixels.length; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    pixels[index] = state >>> 24;
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toFile(file);
}

/** `count` noise photographs in `dir` and a CSV naming one per record; returns the CSV's name. */
export async function writePhotoImport(dir: string, count: number, name = 'photos.csv'): Promise<string> {
  const { writeFileSync } = await import('node:fs');
  const lines = ['id,title_zh,images'];
  for (let index = 0; index < count; index++) {
    await writeNoiseImage(path.join(dir, `noise-${index}.png`), { seed: index + 1 });
    lines.push(`photo-${index},照片${index},noise-${index}.png`);
  }
  writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  return name;
}
