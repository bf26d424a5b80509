// Unpacks a ZIP archive with a hard cap on the bytes inflated. The sizes an archive
// declares are not trusted: each entry is inflated as a stream and the whole archive
// is abandoned as soon as the output passes the cap, so a bomb costs at most the cap.
import { createInflateRaw, crc32 } from 'node:zlib';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';

const LOCAL_HEADER = 0x04034b50;

export class ZipLimitError extends Error {
  constructor(
    readonly reason: 'too_large' | 'unreadable',
    /** Bytes inflated before giving up: at most the cap plus one zlib chunk. */
    readonly producedBytes: number,
  ) {
    super(reason === 'too_large' ? 'archive expands past the cap' : 'archive cannot be read');
    this.name = 'ZipLimitError';
  }
}

export interface UnpackedZip {
  files: Map<string, Buffer>;
  producedBytes: number;
}

/** Every entry's contents, inflating no more than maxBytes in total; throws ZipLimitError. */
export async function unpackZip(buf: Buffer, maxBytes: number): Promise<UnpackedZip> {
  const entries = readZipDirectory(buf);
  if (!entries) throw new ZipLimitError('unreadable', 0);
  const files = new Map<string, Buffer>();
  let produced = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    const data = entryData(buf, entry);
    if (!data || entry.flags & 1) throw new ZipLimitError('unreadable', produced);
    if (entry.method === 0) {
      produced += data.length;
      if (produced > maxBytes) throw new ZipLimitError('too_large', produced);
      files.set(entry.name, data);
    } else if (entry.method === 8) {
      const out = await inflateCapped(data, maxBytes - produced).catch((err: unknown) => {
        if (err instanceof ZipLimitError)
          throw new ZipLimitError(err.reason, produced + err.producedBytes);
        throw err;
      });
      produced += out.length;
      files.set(entry.name, out);
    } else {
      throw new ZipLimitError('unreadable', produced);
    }
  }
  return { files, producedBytes: produced };
}

/** The compressed bytes of an entry, bounded by the buffer whatever the sizes claim. */
function entryData(buf: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start > buf.length) return null;
  // 0xffffffff means ZIP64; the deflate stream ends by itself, so the rest of the buffer will do.
  const size = entry.compressedSize === 0xffffffff ? buf.length - start : entry.compressedSize;
  return buf.subarray(start, Math.min(buf.length, start + size));
}

function inflateCapped(data: Buffer, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    const chunks: Buffer[] = [];
    let produced = 0;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > cap) {
        inflate.destroy();
        reject(new ZipLimitError('too_large', produced));
        return;
      }
      chunks.push(chunk);
    });
    inflate.on('error', () => reject(new ZipLimitError('unreadable', produced)));
    inflate.on('end', () => resolve(Buffer.concat(chunks, produced)));
    inflate.end(data);
  });
}

/** An archive of the given files, stored uncompressed: a reader of it inflates nothing. */
export function storedZip(files: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
