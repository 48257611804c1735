/**
 * Pasted or dropped screenshots, read as data URLs in the webview. They are shown as chips and
 * go out with the next `send`; nothing is stored (not even in the view's saved state).
 */
export interface LocalImage {
  id: string;
  name: string;
  dataUrl: string;
}

/** The types xAI accepts as image input (and the host's schema allows). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** xAI's limit per image; the host re-checks the data URL's length. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** The protocol allows 10 images per message. */
export const MAX_IMAGES = 10;

let counter = 0;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(file);
  });
}

/** Reads the acceptable images among `files`; says why each other one was left out. */
export async function readImages(files: File[], room: number): Promise<{ images: LocalImage[]; rejected: string[] }> {
  const images: LocalImage[] = [];
  const rejected: string[] = [];
  for (const file of files) {
    const name = file.name || 'pasted image';
    if (!IMAGE_TYPES.includes(file.type)) rejected.push(`${name}: only PNG, JPEG, WebP and GIF images can be sent`);
    else if (file.size > MAX_IMAGE_BYTES) rejected.push(`${name}: larger than 20 MB`);
    else if (images.length >= room) rejected.push(`${name}: at most ${MAX_IMAGES} images per message`);
    else {
      try {
        images.push({ id: `image-${++counter}`, name, dataUrl: await readAsDataUrl(file) });
      } catch (error) {
        rejected.push(`${name}: ${(error as Error).message}`);
      }
    }
  }
  return { images, rejected };
}

/** Image files among pasted or dropped items (text pastes pass through untouched). */
export function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  return [...data.files].filter((file) => file.type.startsWith('image/'));
}
