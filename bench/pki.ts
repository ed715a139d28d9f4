import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 15;
const TIME = '/usr/bin/time';
const haveTime = fs.existsSync(TIME);

interface Sample { wall: number; cpu?: number }

/** Wall time by hrtime; CPU time (user+sys, children included) from /usr/bin/time when the system has it. */
function measure(cmd: string, args: string[]): Sample {
  const argv = haveTime ? [TIME, ['-f', '@@%U %S', cmd, ...args]] as const : [cmd, args] as const;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.toString()}`);
  const m = /@@([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString());
  return m ? { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000 } : { wall };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

function summary(label: string, xs: Sample[]): { wall: number; cpu?: number } {
  const wall = median(xs.map((x) => x.wall));
  const cpus = xs.map((x) => x.cpu).filter((c): c is number => c !== undefined);
  const cpu = cpus.length ? median(cpus) : undefined;
  console.log(`${label.padEnd(72)} wall median ${wall.toFixed(1)} ms${cpu !== undefined ? `, cpu median ${cpu.toFixed(0)} ms` : ''} (${xs.length} runs)`);
  return cpu !== undefined ? { wall, cpu } : { wall };
}

/** RSA-2048 key generation + self-signed certificate as a whole process: pki/ (node) against openssl req -x509. */
export async function run(): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pki-process.js');
  const overlapped: Sample[] = [];
  const sequential: Sample[] = [];
  const openssl: Sample[] = [];
  measure(process.execPath, [script]); // warm the file cache once for both
  measure('openssl', ['version']);
  // Interleaved so that background load hits every side alike.
  for (let i = 0; i < RUNS; i++) {
    overlapped.push(measure(process.execPath, [script, '--overlap']));
    sequential.push(measure(process.execPath, [script]));
    openssl.push(measure('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=x', '-keyout', '/dev/null', '-out', '/dev/null']));
  }
  const o = summary('pki keygen+self-signed, node process (keygen overlapping module load)', overlapped);
  const s = summary('pki keygen+self-signed, node process (load, then keygen)', sequential);
  const b = summary('openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=x', openssl);
  console.log(`wall ratio pki/openssl: ${(o.wall / b.wall).toFixed(2)} overlapped, ${(s.wall / b.wall).toFixed(2)} sequential (target <= 1.2)`);
  if (o.cpu !== undefined && b.cpu !== undefined && s.cpu !== undefined) {
    console.log(`cpu ratio pki/openssl:  ${(o.cpu / b.cpu).toFixed(2)} overlapped, ${(s.cpu / b.cpu).toFixed(2)} sequential`);
  }
  // Inside a running shell (New-SelfSignedCertificate at the prompt) only key generation and the certificate remain.
  const { createSelfSignedCertificate } = await import('../pki/index.js');
  const warm: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = process.hrtime.bigint();
    const now = new Date();
    await createSelfSignedCertificate({ subject: 'CN=x', notBefore: now, notAfter: new Date(now.getTime() + 30 * 86_400_000) });
    if (i >= 2) warm.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const w = median(warm);
  console.log(`${'pki keygen+self-signed inside a running process (warm)'.padEnd(72)} wall median ${w.toFixed(1)} ms (${RUNS} runs); ratio to the openssl process ${(w / b.wall).toFixed(2)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
