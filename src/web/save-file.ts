/** Saves a blob under `name` the way a link with `download` does. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by now; a later tick frees it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
