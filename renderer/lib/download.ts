/** Saves text as a file through a Blob URL made in the page: nothing leaves the machine. */
export function download(fileName: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
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
