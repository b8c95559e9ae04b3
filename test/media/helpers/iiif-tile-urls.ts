/**
 * The tile paths a IIIF Image API 3 level-0 client asks for, computed the way OpenSeadragon 6
 * does (IIIFTileSource.getTileUrl): one per tile at every scale factor of `info.tiles`.
 */
export interface IiifInfo {
  width: number;
  height: number;
  tiles: { width: number; height?: number; scaleFactors: number[] }[];
}

export function iiifTilePaths(info: IiifInfo): string[] {
  const tile = info.tiles[0]!;
  const tileWidth = tile.width;
  const tileHeight = tile.height ?? tile.width;
  const maxLevel = Math.max(...tile.scaleFactors.map((factor) => Math.round(Math.log2(factor))));
  const paths: string[] = [];
  for (let level = 0; level <= maxLevel; level++) {
    const scale = 0.5 ** (maxLevel - level);
    const levelWidth = Math.ceil(info.width * scale);
    const levelHeight = Math.ceil(info.height * scale);
    const sizeOf = (width: number, height: number) => (width === info.width && height === info.height ? 'max' : `${width},${height}`);
    if (levelWidth < tileWidth && levelHeight < tileHeight) {
      paths.push(`full/${sizeOf(levelWidth, levelHeight)}/0/default.jpg`);
      continue;
    }
    const regionWidth = Math.round(tileWidth / scale);
    const regionHeight = Math.round(tileHeight / scale);
    for (let x = 0; x < Math.ceil(levelWidth / tileWidth); x++) {
      for (let y = 0; y < Math.ceil(levelHeight / tileHeight); y++) {
        const left = x * regionWidth;
        const top = y * regionHeight;
        const width = Math.min(regionWidth, info.width - left);
        const height = Math.min(regionHeight, info.height - top);
        const region = left === 0 && top === 0 && width === info.width && height === info.height ? 'full' : `${left},${top},${width},${height}`;
        const size = sizeOf(Math.min(tileWidth, levelWidth - x * tileWidth), Math.min(tileHeight, levelHeight - y * tileHeight));
        paths.push(`${region}/${size}/0/default.jpg`);
      }
    }
  }
  return paths;
}
