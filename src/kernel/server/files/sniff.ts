/**
 * The type of an uploaded file, decided by its first bytes and never by its name or the declared
 * content type: a file called `minutes.pdf` that is really an HTML page or a program is refused.
 * PDF and the common image formats cover what people send as evidence and documents.
 */
export const acceptedFileTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

export function sniffContentType(bytes: Buffer): string | null {
  const starts = (signature: readonly number[], offset = 0) =>
    signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}
