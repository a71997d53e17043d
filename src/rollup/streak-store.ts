import { ORG_TYPES, type OrgType } from '../recognise/vocabulary.js';

/**
 * Strings kept as UTF-8 bytes in one growing buffer, known by a number: 150,000 names of organisations take ~10 MB
 * there, and nothing of the JavaScript heap (as strings they took twice that, in the heap the collector walks and
 * lets grow to three or four times what it holds).
 */
export class Utf8Strings {
  /** Pieces of a fixed size, added and never copied (see SortedStore in check/key-index.ts for why). */
  private readonly chunks: Uint8Array[] = [];
  private used = CHUNK;
  /** Per string: its chunk, where it starts in it, and its length in bytes. */
  private at = new Uint32Array(1024 * 3);
  private count = 0;
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  add(text: string): number {
    // Room for the longest encoding (3 bytes a UTF-16 unit), in the last chunk or a new one.
    const most = text.length * 3;
    if (this.used + most > CHUNK) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK, most)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1] ?? new Uint8Array(0);
    const written = this.encoder.encodeInto(text, chunk.subarray(this.used)).written;
    if ((this.count + 1) * 3 > this.at.length) this.at = ensure(this.at, (this.count + 1) * 3);
    const i = this.count * 3;
    this.at[i] = this.chunks.length - 1;
    this.at[i + 1] = this.used;
    this.at[i + 2] = written;
    this.used += written;
    return this.count++;
  }

  get(id: number): string {
    const chunk = this.chunks[this.at[id * 3] ?? 0];
    const start = this.at[id * 3 + 1] ?? 0;
    return chunk ? this.decoder.decode(chunk.subarray(start, start + (this.at[id * 3 + 2] ?? 0))) : '';
  }
}

/** Bytes of a chunk of Utf8Strings. */
const CHUNK = 1 << 20;

function ensure<T extends Uint8Array | Uint32Array | Int32Array | Uint16Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const grown = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  grown.set(a);
  return grown;
}

/** A cell's committee, as an entry names it. */
export interface ParentRef {
  readonly code: string | undefined;
  readonly name: string | undefined;
}

/** What a streak keeps of one organisation, in arrays of numbers: the fields of its latest period's row. */
export class EntryTable {
  private code = new Int32Array(1024);
  private name = new Int32Array(1024);
  private type = new Uint8Array(1024);
  private latest = new Uint16Array(1024);
  /** Cells only (a committee named): few, kept as objects. */
  private readonly parents = new Map<number, ParentRef>();
  private readonly strings = new Utf8Strings();
  length = 0;

  push(code: string | undefined, name: string, type: OrgType | undefined, parent: ParentRef | undefined, latest: number): number {
    const id = this.length++;
    if (id >= this.code.length) {
      this.code = ensure(this.code, id + 1);
      this.name = ensure(this.name, id + 1);
      this.type = ensure(this.type, id + 1);
      this.latest = ensure(this.latest, id + 1);
    }
    this.code[id] = code === undefined ? -1 : this.strings.add(code);
    this.name[id] = this.strings.add(name);
    this.setType(id, type);
    this.setParent(id, parent);
    this.latest[id] = latest;
    return id;
  }

  codeOf(id: number): string | undefined {
    const c = this.code[id] ?? -1;
    return c < 0 ? undefined : this.strings.get(c);
  }

  setCode(id: number, code: string | undefined): void {
    this.code[id] = code === undefined ? -1 : this.strings.add(code);
  }

  nameOf(id: number): string {
    return this.strings.get(this.name[id] ?? 0);
  }

  setName(id: number, name: string): void {
    this.name[id] = this.strings.add(name);
  }

  typeOf(id: number): OrgType | undefined {
    const t = this.type[id] ?? 0;
    return t === 0 ? undefined : ORG_TYPES[t - 1];
  }

  setType(id: number, type: OrgType | undefined): void {
    this.type[id] = type === undefined ? 0 : ORG_TYPES.indexOf(type) + 1;
  }

  parentOf(id: number): ParentRef | undefined {
    return this.parents.get(id);
  }

  setParent(id: number, parent: ParentRef | undefined): void {
    if (parent) this.parents.set(id, parent);
    else this.parents.delete(id);
  }

  latestOf(id: number): number {
    return this.latest[id] ?? 0;
  }

  setLatest(id: number, latest: number): void {
    this.latest[id] = latest;
  }
}
