/**
 * Taking an import back: records it created are deleted (tombstoned), records it updated return
 * to their state before it (photographs and visibility included), collections likewise — all in
 * one transaction, each change a new version, so the undo is itself in the history. A record
 * changed again after the import is a conflict: the undo is refused and names each later change,
 * unless `force`, which leaves those records as they are and undoes the rest.
 */
import type { CollectionStore } from './collection-store.ts';
import type { ImportEntry, ImportLog } from './import-log.ts';
import type { RecordHistory, RecordState, RecordVersion, WriteContext } from './record-history.ts';
import type { RecordWriter } from './record-writer.ts';

export interface LaterChange {
  /** A record id, or a collection id for `kind: 'collection'`. */
  id: string;
  kind: 'record' | 'collection';
  versionNo: number;
  at: string;
  actor: string;
}

export type UndoRefusal =
  | { reason: 'unknown_import'; importId: number }
  | { reason: 'already_undone'; importId: number; undoneAt: string }
  | { reason: 'still_running'; importId: number }
  | { reason: 'later_changes'; importId: number; changes: LaterChange[] };

export interface UndoOutcome {
  ok: true;
  importId: number;
  deleted: number;
  restored: number;
  collections: number;
  /** Records left as they are because they changed after the import (with `force`). */
  kept: LaterChange[];
}

interface UndoParts {
  imports: ImportLog;
  history: RecordHistory;
  writer: RecordWriter;
  collections: CollectionStore;
  transaction: <T>(fn: () => T) => T;
}

/** What each record looked like before the import, and the last version the import wrote of it. */
interface Target {
  recordId: string;
  before?: RecordState;
  lastVersionNo: number;
}

export function undoImport(parts: UndoParts, importId: number, context: WriteContext & { force?: boolean }): UndoOutcome | { ok: false; refusal: UndoRefusal } {
  const entry = parts.imports.get(importId);
  const refusal = refusalOf(entry, importId);
  if (refusal) return { ok: false, refusal };
  return parts.transaction(() => {
    const targets = targetsOf(parts.history.ofImport(importId));
    const recordConflicts = targets.flatMap((target) => laterChanges(parts.history, target));
    const collectionTargets = collectionTargetsOf(parts.collections, importId);
    const collectionConflicts = collectionTargets.flatMap((target) => target.later);
    const conflicts = [...recordConflicts, ...collectionConflicts];
    if (conflicts.length > 0 && !context.force) return { ok: false as const, refusal: { reason: 'later_changes' as const, importId, changes: conflicts } };
    const conflicted = new Set(conflicts.map((change) => `${change.kind}:${change.id}`));
    const note = `undo of import ${importId}`;
    let deleted = 0;
    let restored = 0;
    for (const target of targets) {
      if (conflicted.has(`record:${target.recordId}`)) continue;
      if (target.before) {
        if (parts.writer.restore(target.before, { ...context, action: 'undone', note }) !== 'unchanged') restored++;
      } else if (parts.writer.delete(target.recordId, note, { ...context, action: 'undone' })) {
        deleted++;
      }
    }
    let collections = 0;
    for (const target of collectionTargets) {
      if (conflicted.has(`collection:${target.id}`)) continue;
      parts.collections.revert(target.id, target.before, context);
      collections++;
    }
    parts.imports.markUndone(importId);
    return { ok: true as const, importId, deleted, restored, collections, kept: conflicts };
  });
}

function refusalOf(entry: ImportEntry | undefined, importId: number): UndoRefusal | undefined {
  if (!entry) return { reason: 'unknown_import', importId };
  if (entry.status === 'undone') return { reason: 'already_undone', importId, undoneAt: entry.undoneAt ?? '' };
  if (entry.status === 'running') return { reason: 'still_running', importId };
  return undefined;
}

/** Per record: the state before the import's first write of it, and its last write's number. */
function targetsOf(versions: readonly RecordVersion[]): Target[] {
  const byRecord = new Map<string, Target>();
  for (const version of versions) {
    const known = byRecord.get(version.recordId);
    if (known) known.lastVersionNo = version.versionNo;
    else byRecord.set(version.recordId, { recordId: version.recordId, ...(version.before && { before: version.before }), lastVersionNo: version.versionNo });
  }
  return [...byRecord.values()];
}

function laterChanges(history: RecordHistory, target: Target): LaterChange[] {
  return history
    .ofRecord(target.recordId)
    .filter((version) => version.versionNo > target.lastVersionNo)
    .map((version) => ({ id: target.recordId, kind: 'record', versionNo: version.versionNo, at: version.at, actor: version.actor }));
}

function collectionTargetsOf(collections: CollectionStore, importId: number) {
  const byId = new Map<string, { id: string; before?: ReturnType<CollectionStore['get']>; lastVersionNo: number }>();
  for (const version of collections.ofImport(importId)) {
    const known = byId.get(version.collectionId);
    if (known) known.lastVersionNo = version.versionNo;
    else byId.set(version.collectionId, { id: version.collectionId, before: version.before, lastVersionNo: version.versionNo });
  }
  return [...byId.values()].map((target) => ({
    ...target,
    later: collections.laterThan(target.id, target.lastVersionNo).map((version): LaterChange => ({ id: target.id, kind: 'collection', versionNo: version.versionNo, at: version.at, actor: version.actor })),
  }));
}
