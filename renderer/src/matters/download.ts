// Saves a produced document (PDF) through the browser's own download: the same in Electron and
// in dev:web, and the renderer never touches the file system.
import { api } from '../api/client';
import { downloadBase64 } from '../shell/download';

/** Returns the backend's message when the document cannot be read, otherwise null. */
export async function downloadDocument(documentId: string): Promise<string | null> {
  const r = await api.invoke('documents.read', { documentId });
  if (!r.ok) return r.message;
  downloadBase64(r.value);
  return null;
}
