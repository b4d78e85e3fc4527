import sharp from 'sharp';
import type { FilePurpose } from '@mutuals/contracts';

// Nothing is cached between images: each upload is decoded once, and memory stays flat.
sharp.cache(false);

/** How each use is shown by the client: avatars as squares, the rest within a box. */
const SHAPES: Record<FilePurpose, { width: number; height: number; fit: 'cover' | 'inside' }> = {
  avatar: { width: 256, height: 256, fit: 'cover' },
  logo: { width: 512, height: 512, fit: 'inside' },
  attachment: { width: 1600, height: 1600, fit: 'inside' },
  resource: { width: 1600, height: 1600, fit: 'inside' },
  cover: { width: 1600, height: 1600, fit: 'inside' },
};

export interface ProcessedImage {
  bytes: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
}

export class UnreadableImage extends Error {}
export class ImageTooLarge extends Error {}

/**
 * Decodes and re-encodes: what is stored is a fresh WebP made from pixels alone, so EXIF and GPS,
 * comments, trailing data and any other format hiding in the file (a polyglot) are gone. The pixel
 * limit is checked from the header, before decoding (a decompression bomb never expands).
 */
export async function processImage(input: Buffer, purpose: FilePurpose, maxPixels: number): Promise<ProcessedImage> {
  const shape = SHAPES[purpose];
  try {
    const { data, info } = await sharp(input, { limitInputPixels: maxPixels, failOn: 'error', animated: false })
      .rotate() // applies the EXIF orientation to the pixels before the metadata is dropped
      .resize({
        width: shape.width,
        height: shape.height,
        fit: shape.fit,
        position: 'attention',
        withoutEnlargement: shape.fit === 'inside',
      })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/webp', width: info.width, height: info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw new ImageTooLarge(message);
    throw new UnreadableImage(message);
  }
}
