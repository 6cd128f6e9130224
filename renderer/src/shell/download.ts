// Hands a file from the backend to the user as a download: a Blob URL and an <a download>
// click, because Electron blocks window.open and the file must not leave through a URL.
export function downloadBase64(file: { fileName: string; mime: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click hands the URL to the download before this runs; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
