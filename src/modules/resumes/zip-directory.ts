// Reads a ZIP archive's central directory without inflating anything, so an
// upload can be recognised as a DOCX and a decompression bomb refused before a
// parser expands it in memory.

export interface ZipEntry {
  name: string;
  /** As declared by the archive: a hint, never a bound (see zip-inflate.ts). */
  uncompressedSize: number;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  /** Bit 0: encrypted. */
  flags: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export const isZip = (buf: Buffer): boolean =>
  buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

/** The entries of a ZIP archive, or null when its directory cannot be read. */
export function readZipDirectory(buf: Buffer): ZipEntry[] | null {
  const end = findEndRecord(buf);
  if (end < 0) return null;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) return null;
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      uncompressedSize: buf.readUInt32LE(at + 24),
      method: buf.readUInt16LE(at + 10),
      flags: buf.readUInt16LE(at + 8),
      compressedSize: buf.readUInt32LE(at + 20),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(buf: Buffer): number {
  const stop = Math.max(0, buf.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let i = buf.length - END_RECORD_SIZE; i >= stop; i -= 1) {
    if (buf.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}
