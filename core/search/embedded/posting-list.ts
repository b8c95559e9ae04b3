/**
 * A term's documents as a set of catalog seqs: a sorted list of seqs while it is sparse, a bitset
 * (bit s of word s/32 set when seq s holds the term) once that takes less room, which is from one
 * record in 32 on. A query combines them in a bitset of its own (`SeqBits`): OR for a clause's
 * alternatives, AND across clauses, a word at a time.
 */

export type PostingList = { kind: 'seqs'; seqs: Uint32Array } | { kind: 'bits'; words: Uint32Array };

const COMMA = 44;
const ZERO = 48;

/** The seqs of a comma-separated list (FTS5's `group_concat(rowid)`), in its order. */
export function parseSeqList(list: string): Uint32Array {
  // A seq is a digit at least and a comma: at most half the length, plus one.
  const seqs = new Uint32Array((list.length >> 1) + 1);
  let count = 0;
  for (let at = 0; at < list.length; at++) {
    let seq = 0;
    for (let code = list.charCodeAt(at); code !== COMMA && at < list.length; code = list.charCodeAt(++at)) seq = seq * 10 + code - ZERO;
    seqs[count++] = seq;
  }
  return seqs.slice(0, count);
}

/** The list of ascending `seqs`, none above `lastSeq`, in whichever form is smaller. */
export function postingListOf(seqs: Uint32Array, lastSeq: number): PostingList {
  const words = wordsFor(lastSeq);
  if (seqs.length <= words) return { kind: 'seqs', seqs };
  const bits = new Uint32Array(words);
  for (const seq of seqs) bits[seq >>> 5]! |= 1 << (seq & 31);
  return { kind: 'bits', words: bits };
}

export function bytesOf(list: PostingList): number {
  return list.kind === 'seqs' ? list.seqs.byteLength : list.words.byteLength;
}

/** The 32-bit words a bitset of seqs 0 to `lastSeq` takes. */
export function wordsFor(lastSeq: number): number {
  return (lastSeq >>> 5) + 1;
}

/** A query's working set of seqs 0 to `lastSeq`. */
export class SeqBits {
  readonly words: Uint32Array;

  constructor(lastSeq: number) {
    this.words = new Uint32Array(wordsFor(lastSeq));
  }

  /** Adds the list's seqs (those up to this set's last seq). */
  add(list: PostingList): this {
    const { words } = this;
    if (list.kind === 'bits') {
      const shared = Math.min(words.length, list.words.length);
      for (let i = 0; i < shared; i++) words[i]! |= list.words[i]!;
    } else {
      this.addSeqs(list.seqs);
    }
    return this;
  }

  addSeqs(seqs: ArrayLike<number>): this {
    const { words } = this;
    for (let i = 0; i < seqs.length; i++) {
      const seq = seqs[i]!;
      if (seq >>> 5 < words.length) words[seq >>> 5]! |= 1 << (seq & 31);
    }
    return this;
  }

  /** Keeps only the seqs `other` holds too. */
  keepShared(other: SeqBits): this {
    const { words } = this;
    for (let i = 0; i < words.length; i++) words[i]! &= other.words[i] ?? 0;
    return this;
  }

  delete(seq: number): void {
    if (seq >>> 5 < this.words.length) this.words[seq >>> 5]! &= ~(1 << (seq & 31));
  }

  /** How many seqs the set holds. */
  count(): number {
    let count = 0;
    for (const word of this.words) {
      let bits = word - ((word >>> 1) & 0x55555555);
      bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
      count += Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    return count;
  }

  /** Calls `visit` with each seq, ascending. */
  forEach(visit: (seq: number) => void): void {
    const { words } = this;
    for (let i = 0; i < words.length; i++) {
      let word = words[i]!;
      while (word !== 0) {
        const low = word & -word;
        visit((i << 5) + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  }
}
