/**
 * Saved column mappings ("profiles"): a curator maps a spreadsheet's columns once on the preview
 * page, saves the mapping under a name, and reuses it for the next file of the same shape — in
 * the browser or from the command line (`ingest --mapping NAME`).
 */
import type Database from 'better-sqlite3';
import { columnMappingSchema, type ColumnMapping } from '../schema/column-mapping.ts';

export interface MappingProfile {
  name: string;
  mapping: ColumnMapping;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

interface ProfileRow {
  name: string;
  body: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Letters of any script, digits, spaces and `._-()`, at most 80 characters. */
const PROFILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,79}$/u;

/** The profile name as stored, or undefined when `text` cannot be one. */
export function normalizeProfileName(text: string): string | undefined {
  const name = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return PROFILE_NAME.test(name) ? name : undefined;
}

/** The `mapping_profiles` table. */
export class MappingProfiles {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      get: db.prepare<[string], ProfileRow>('SELECT * FROM mapping_profiles WHERE name = ?'),
      list: db.prepare<[], ProfileRow>('SELECT * FROM mapping_profiles ORDER BY name'),
      save: db.prepare(
        `INSERT INTO mapping_profiles (name, body, created_at, created_by, updated_at, updated_by) VALUES (@name, @body, @now, @by, @now, @by)
         ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ),
      remove: db.prepare('DELETE FROM mapping_profiles WHERE name = ?'),
    };
  }

  get(name: string): MappingProfile | undefined {
    const row = this.#statements.get.get(name);
    return row && toProfile(row);
  }

  list(): MappingProfile[] {
    return this.#statements.list.all().map(toProfile);
  }

  /** Creates the profile, or replaces the mapping of the one with that name. */
  save(name: string, mapping: ColumnMapping, by: string): void {
    this.#statements.save.run({ name, body: JSON.stringify(mapping), now: new Date().toISOString(), by });
  }

  /** False when there was no such profile. */
  remove(name: string): boolean {
    return this.#statements.remove.run(name).changes > 0;
  }
}

function toProfile(row: ProfileRow): MappingProfile {
  return {
    name: row.name,
    // Checked on the way out too: a profile is read by the importer, which must not trust a hand-edited row.
    mapping: columnMappingSchema.parse(JSON.parse(row.body)),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
