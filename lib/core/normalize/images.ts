import type { JsonRecord } from './guards';
import { arrayAt, fieldPath, isRecord, malformed, nullableNonNegativeIntegerAt, stringAt } from './guards';

/**
 * The url of the largest image (by area) in `parent[key]`, Spotify's `ImageObject[]`; null when the field is
 * missing, null or empty. Either side may be null (unknown): a square is assumed when one is known, and an image
 * with neither counts as smallest. Ties go to the first listed, since Spotify lists images widest first.
 */
export function largestImageUrlAt(parent: JsonRecord, key: string, parentPath: string): string | null {
  if (parent[key] === null || parent[key] === undefined) return null;
  const images = arrayAt(parent, key, parentPath);
  const arrayPath = fieldPath(parentPath, key);
  let bestUrl: string | null = null;
  let bestArea = -1;
  for (let index = 0; index < images.length; index += 1) {
    const image = images[index];
    const imagePath = `${arrayPath}[${index}]`;
    if (!isRecord(image)) return malformed(imagePath, 'an image object', image);
    const url = stringAt(image, 'url', imagePath);
    const width = nullableNonNegativeIntegerAt(image, 'width', imagePath);
    const height = nullableNonNegativeIntegerAt(image, 'height', imagePath);
    const area = (width ?? height ?? 0) * (height ?? width ?? 0);
    if (area > bestArea) {
      bestUrl = url;
      bestArea = area;
    }
  }
  return bestUrl;
}
