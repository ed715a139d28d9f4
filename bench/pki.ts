import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 15;

function wall(cmd: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

/** RSA-2048 key generation + self-signed certificate as a whole process: pki/ (node) against openssl req -x509. */
export async function run(): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pki-process.js');
  const ours: number[] = [];
  const sequential: number[] = [];
  const openssl: number[] = [];
  wall(process.execPath, [script]); // warm the file cache once for both
  wall('openssl', ['version']);
  // Interleave so background load hits both sides alike.
  for (let i = 0; i < RUNS; i++) {
    ours.push(wall(process.execPath, [script, '--overlap']));
    sequential.push(wall(process.execPath, [script]));
    openssl.push(wall('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=x', '-keyout', '/dev/null', '-out', '/dev/null']));
  }
  const mo = median(ours);
  const ms = median(sequential);
  const mb = median(openssl);
  console.log(`pki keygen+self-signed (node process, keygen overlapping module load): median ${mo.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`pki keygen+self-signed (node process, load then keygen):             median ${ms.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`openssl req -x509 -newkey rsa:2048 -nodes:                         median ${mb.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`ratio pki/openssl: ${(mo / mb).toFixed(2)} overlapped, ${(ms / mb).toFixed(2)} sequential (target <= 1.2)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
