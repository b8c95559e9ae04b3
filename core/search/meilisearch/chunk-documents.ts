/**
 * Document batches bounded by count and by size. A count alone is not enough here: a record may
 * carry 20,000 characters of description and its pair tokens, and Meilisearch refuses payloads
 * over 100 MB by default.
 */
export interface ChunkLimits {
  maxDocuments: number;
  /** Of the JSON payload, in UTF-16 code units: at most 3 UTF-8 bytes each, so 20 M stays under 100 MB. */
  maxChars: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxDocuments: 1000, maxChars: 20_000_000 };

/** Consecutive groups of `documents`, each within the limits (a single oversized document makes a group of one). */
export function chunkDocuments<T>(documents: readonly T[], limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const document of documents) {
    const size = JSON.stringify(document).length;
    if (current.length > 0 && (current.length >= limits.maxDocuments || chars + size > limits.maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(document);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
