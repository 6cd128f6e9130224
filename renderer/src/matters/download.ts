// Saves a produced document (PDF) through the browser's own download: the same in Electron and
// in dev:web, and the renderer never touches the file system.
import { api } from '../api/client';

/** Returns the backend's message when the document cannot be read, otherwise null. */
export async function downloadDocument(documentId: string): Promise<string | null> {
  const r = await api.invoke('documents.read', { documentId });
  if (!r.ok) return r.message;
  const bytes = Uint8Array.from(atob(r.value.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = r.value.fileName;
  link.click();
  // The download has started from the URL by the next task; the object can go after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
