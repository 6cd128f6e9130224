// A "city" on https://127.0.0.1 whose certificate nobody vouches for: self-signed, made by
// openssl for this run. What a device sees when someone sits between it and the real city.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { tempDir } from './backend';

export interface UntrustedCity {
  url: string;
  /** The certificate, for a client that is told to trust it. */
  cert: Buffer;
  /** Every request that got through the TLS handshake. */
  requests: string[];
  close(): Promise<void>;
}

export async function startUntrustedCity(): Promise<UntrustedCity> {
  const dir = tempDir('xf-tls-');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' },
  );
  const cert = fs.readFileSync(certFile);
  const requests: string[] = [];
  // It answers every request as the health check does, so only the handshake can stop a client.
  const server = https.createServer({ key: fs.readFileSync(keyFile), cert }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cert,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** GET over https trusting only `ca`: proves the server itself answers. */
export function getTrusting(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}
