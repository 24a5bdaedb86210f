/**
 * Saves data as a file through a Blob URL made in the page: nothing leaves the machine. In the browser this is a
 * download; in the desktop app Electron asks where to save it with its own save dialog.
 */
export function download(fileName: string, mediaType: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; revoking later leaves the browser time to read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the core sends as base64 (a pack, a submission), as the bytes download() saves. */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
