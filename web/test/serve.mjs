// `mosaic serve` over a store on a free port, for the browser scripts:
// resolves with its URL once it listens.
import { spawn } from 'node:child_process';

export function serve(mosaic, db, dist) {
  const server = spawn(mosaic, ['serve', '--db', db, '--port', '0', '--web', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/on (http:\/\/[^ ]+\/)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`mosaic serve exited with ${code}`)));
    setTimeout(() => reject(new Error('mosaic serve did not start')), 30000);
  });
  return { server, url };
}
