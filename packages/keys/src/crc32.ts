const CRC32_IEEE_POLYNOMIAL = 0xedb88320;

/** Byte-indexed lookup table for the reflected IEEE polynomial, built once. */
const CRC32_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? CRC32_IEEE_POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (IEEE 802.3, the one zlib and PNG use) of an ASCII string, as an unsigned 32-bit integer.
 * Key text is ASCII only, so each character is one byte.
 *
 * @example crc32('123456789') // 0xcbf43926
 */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC32_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 of `text` as 8 lowercase hex characters, zero-padded. */
export function crc32Hex(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}
