/** Hand text to the browser as a file download (no request leaves the page). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Hand a blob (an image, say) to the browser as a file download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name that says what the run was: race-lab-blog-racy-2026-11-25T10-30-00.json */
export function traceFileName(preset: string, strategy: string, suffix = 'json'): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  return `race-lab-${preset}-${strategy}-${stamp}.${suffix}`;
}
