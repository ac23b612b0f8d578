/** Reads zip archives (a .docx, the Teams app package) in tests, through fflate. */
import { unzipSync } from 'fflate';

/** Every entry of the archive by its name, in the archive's order. Throws when it is not a zip. */
export function zipEntries(bytes: Uint8Array): Map<string, Buffer> {
  const files = unzipSync(bytes);
  return new Map(
    Object.entries(files).map(([name, data]) => [name, Buffer.from(data.buffer, data.byteOffset, data.byteLength)]),
  );
}

/** One entry of the archive as UTF-8 text; throws naming the entry when it is missing. */
export function zipText(bytes: Uint8Array, name: string): string {
  const entry = zipEntries(bytes).get(name);
  if (!entry) throw new Error(`${name} not in the archive`);
  return entry.toString('utf8');
}
