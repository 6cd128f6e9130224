// Worker thread entry: renders documents off the main process's event loop, one request per
// message (DESIGN.md §1: anything that can take more than ~50 ms runs in a worker).
import { parentPort } from 'node:worker_threads';
import type { DocumentKind } from '../../domain/documents/kinds';
import { renderDocument, type RenderOptions } from './render';

export interface RenderRequest {
  id: number;
  kind: DocumentKind;
  fields: Record<string, string | undefined>;
  options: RenderOptions;
}

parentPort?.on('message', (req: RenderRequest) => {
  void renderDocument(req.kind, req.fields, req.options).then(
    (result) => parentPort?.postMessage({ id: req.id, result }),
    (e: unknown) => parentPort?.postMessage({ id: req.id, result: { ok: false, code: 'pdf_render_failed', message: `文书生成失败：${String(e)}` } }),
  );
});
