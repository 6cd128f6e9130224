// Preload: exposes exactly one bridge, `window.api.invoke(method, input)`, through
// contextBridge. It satisfies the renderer's Bridge type, the same one dev:web implements.
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../domain/rpc/bridge';
import { RPC_CHANNEL_PREFIX } from '../main/security';

const bridge = {
  invoke: (method, input) => ipcRenderer.invoke(`${RPC_CHANNEL_PREFIX}${method}`, input),
} satisfies Bridge;

contextBridge.exposeInMainWorld('api', bridge);
