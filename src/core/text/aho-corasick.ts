// Aho–Corasick: every occurrence of many keys in one pass over a text, in time linear in the
// text plus the matches. Entity suggestion runs the whole alias dictionary of an edition over an
// article this way. Hand-written (about sixty lines): the npm packages for it are unmaintained or
// work on UTF-16 units, and this one works on code points, which Persian and Arabic need.

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Indexes into `keys` of the keys ending here, including those reached through fail links. */
  out: number[];
}

export interface AhoCorasickMatch<T> {
  /** Code-point offsets in the searched text: [start, end). */
  start: number;
  end: number;
  value: T;
}

export class AhoCorasick<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly keys: Array<{ length: number; value: T }> = [];
  private built = false;

  /** Adds a key (any string; empty keys are ignored) with the value its matches report. */
  add(key: string, value: T): this {
    const chars = Array.from(key);
    if (!chars.length) return this;
    let node = 0;
    for (const c of chars) {
      let child = this.nodes[node]!.next.get(c);
      if (child === undefined) {
        child = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
        this.nodes[node]!.next.set(c, child);
      }
      node = child;
    }
    this.nodes[node]!.out.push(this.keys.push({ length: chars.length, value }) - 1);
    this.built = false;
    return this;
  }

  private build(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) {
      this.nodes[child]!.fail = 0;
      queue.push(child);
    }
    for (let i = 0; i < queue.length; i++) {
      const node = this.nodes[queue[i]!]!;
      for (const [c, child] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        const fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child]!.fail = fail;
        this.nodes[child]!.out.push(...this.nodes[fail]!.out);
        queue.push(child);
      }
    }
    this.built = true;
  }

  /** Every occurrence of every key in `text`, overlapping ones included, in order of their end. */
  search(text: string): Array<AhoCorasickMatch<T>> {
    if (!this.built) this.build();
    const found: Array<AhoCorasickMatch<T>> = [];
    let node = 0;
    let position = 0;
    for (const c of text) {
      position += 1;
      while (node !== 0 && !this.nodes[node]!.next.has(c)) node = this.nodes[node]!.fail;
      node = this.nodes[node]!.next.get(c) ?? 0;
      for (const k of this.nodes[node]!.out) {
        const key = this.keys[k]!;
        found.push({ start: position - key.length, end: position, value: key.value });
      }
    }
    return found;
  }
}
