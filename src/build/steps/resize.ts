// Resizing with sharp (libvips, shipped prebuilt in its npm package): loaded on first need; when
// it cannot be loaded on this machine the build keeps image dimensions and makes no variants.

/** The part of sharp the image step uses. */
export type Resizer = (input: Uint8Array) => {
  rotate(): ReturnType<Resizer>
  resize(o: { width: number; height: number; fit: 'fill' }): ReturnType<Resizer>
  jpeg(o: { quality: number; mozjpeg: boolean }): ReturnType<Resizer>
  png(o: { compressionLevel: number }): ReturnType<Resizer>
  webp(o: { quality: number }): ReturnType<Resizer>
  toBuffer(): Promise<Buffer>
}

/** sharp, or why it cannot be used here. */
export async function loadSharp(): Promise<Resizer | string> {
  try {
    const mod = (await import('sharp')) as unknown as {
      default: Resizer & { concurrency(n: number): void }
    }
    // Two cores are shared with page rendering: one libvips thread per image, two images at a time.
    mod.default.concurrency(1)
    return mod.default
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'it failed to load'
  }
}

/** Bytes of `input` resized to exactly width×height in `format` (EXIF orientation applied). */
export async function resizeImage(
  sharp: Resizer,
  input: Uint8Array,
  size: { width: number; height: number },
  format: string,
): Promise<Uint8Array> {
  const resized = sharp(input)
    .rotate()
    .resize({ ...size, fit: 'fill' })
  const encoded =
    format === 'webp'
      ? resized.webp({ quality: 80 })
      : format === 'png'
        ? resized.png({ compressionLevel: 9 })
        : resized.jpeg({ quality: 82, mozjpeg: true })
  return new Uint8Array(await encoded.toBuffer())
}
