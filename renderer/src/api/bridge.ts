// `window.api`, present when the page runs inside Electron (exposed by the preload).
import type { Bridge } from '../../../domain/rpc/bridge';

declare global {
  interface Window {
    api?: Bridge;
  }
}
