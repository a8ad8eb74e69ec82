// A locally drawn identicon: a 5×5 mirrored grid and a hue from a salted HMAC of the commenter's
// email key. Only the drawing leaves the server (cells and a colour), never a hash or the address.
export interface Identicon {
  hue: number;
  /** Filled cells as [column, row] of a 5×5 grid. */
  cells: Array<[number, number]>;
}

export function identiconOf(digest: Buffer): Identicon {
  const cells: Array<[number, number]> = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      const bit = row * 3 + col;
      if (((digest[bit >> 3] ?? 0) >> (bit & 7)) & 1) {
        cells.push([col, row]);
        if (col < 2) cells.push([4 - col, row]);
      }
    }
  }
  return { hue: ((digest[4] ?? 0) * 256 + (digest[5] ?? 0)) % 360, cells };
}
