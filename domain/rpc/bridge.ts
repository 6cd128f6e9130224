// The one bridge shape between renderer and backend: Electron's preload implements it over
// IPC, dev:web's client over loopback HTTP.
import type { Err, Ok } from '../result';
import type { Method, MethodInput, MethodOutput } from './contract';

export type RpcResult<M extends Method> = Ok<MethodOutput<M>> | Err;

export interface Bridge {
  invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<RpcResult<M>>;
}
