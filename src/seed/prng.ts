/** mulberry32: a small, fast, seedable PRNG so every seed run produces the same data. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a key by weight: { a: 3, b: 1 } gives a three times as often as b. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  }

  /** A version-4-shaped UUID drawn from this generator (stable ids across reseeds). */
  uuid(): string {
    const hex = Array.from({ length: 16 }, () => this.int(0, 255).toString(16).padStart(2, '0'));
    hex[6] = ((parseInt(hex[6], 16) & 0x0f) | 0x40).toString(16).padStart(2, '0');
    hex[8] = ((parseInt(hex[8], 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** A valid BSN (11-test) drawn from the generator. */
export function randomBsn(rng: Prng): string {
  for (;;) {
    const d = Array.from({ length: 8 }, (_, i) => (i === 0 ? rng.int(1, 6) : rng.int(0, 9)));
    const sum = d.reduce((s, v, i) => s + (9 - i) * v, 0);
    const last = sum % 11;
    if (last <= 9) return d.join('') + String(last);
  }
}
