/**
 * The key that signs resumption tokens: random, made once per archive and kept in the catalog's
 * meta table, so tokens outlive a restart (and a backup restored elsewhere keeps them valid). If
 * the catalog cannot be written (a read-only data directory), this process signs with a key of its
 * own and says so: harvests still work, but their tokens end with the process.
 */
import { randomBytes } from 'node:crypto';
import type { Catalog } from '../../core/catalog/catalog.ts';
import type { Logger } from '../../core/log.ts';

const META_KEY = 'oai_token_key';

/** A function returning the key, read (or made) on first use. */
export function tokenKeySource(catalog: Catalog, logger: Logger): () => Buffer {
  let key: Buffer | undefined;
  return () => {
    key ??= readOrMakeKey(catalog, logger);
    return key;
  };
}

function readOrMakeKey(catalog: Catalog, logger: Logger): Buffer {
  const stored = catalog.getMeta(META_KEY);
  if (stored) return Buffer.from(stored, 'hex');
  const made = randomBytes(32).toString('hex');
  try {
    // One transaction, so two servers starting together agree on the key the first one wrote.
    const kept = catalog.transaction(() => {
      const existing = catalog.getMeta(META_KEY);
      if (existing) return existing;
      catalog.setMeta(META_KEY, made);
      return made;
    });
    return Buffer.from(kept, 'hex');
  } catch (error) {
    logger.warn({ err: error }, 'the OAI-PMH token key could not be stored in the catalog: resumption tokens last only until the server stops');
    return Buffer.from(made, 'hex');
  }
}
