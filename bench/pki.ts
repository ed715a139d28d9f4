import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

const RUNS = 15;
const TIME = '/usr/bin/time';
const haveTime = fs.existsSync(TIME);

interface Sample { wall: number; cpu?: number; phases?: Phases }
/** Milliseconds since node's time origin at which each phase of bench/pki-process.ts ended. */
interface Phases { entered: number; loaded: number; keyed: number; signed: number }

/** Wall time by hrtime; CPU time (user+sys, children included) from /usr/bin/time when the system has it. */
function measure(cmd: string, args: string[]): Sample {
  const argv = haveTime ? [TIME, ['-f', '@@%U %S', cmd, ...args]] as const : [cmd, args] as const;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.toString()}`);
  const err = r.stderr.toString();
  const m = /@@([\d.]+) ([\d.]+)\s*$/.exec(err);
  const p = /@@phases (\{.*\})/.exec(err);
  return { wall, ...(m ? { cpu: (Number(m[1]) + Number(m[2])) * 1000 } : {}), ...(p ? { phases: JSON.parse(p[1]!) as Phases } : {}) };
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
  const nodeIdle: Sample[] = [];
  const natural: Sample[] = [];
  const described: Sample[] = [];
  measure(process.execPath, [script]); // warm the file cache once for both
  measure('openssl', ['version']);
  // Interleaved so that background load hits every side alike.
  for (let i = 0; i < RUNS; i++) {
    overlapped.push(measure(process.execPath, [script, '--overlap', '--phases']));
    sequential.push(measure(process.execPath, [script, '--phases']));
    openssl.push(measure('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=x', '-keyout', '/dev/null', '-out', '/dev/null']));
    nodeIdle.push(measure(process.execPath, ['-e', '0']));
    natural.push(measure(process.execPath, [script, '--overlap', '--phases', '--natural-exit']));
    described.push(measure(process.execPath, [script, '--overlap', '--phases', '--describe']));
  }
  console.log(`(${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  const o = summary('pki keygen+self-signed, node process (keygen overlapping module load)', overlapped);
  const s = summary('pki keygen+self-signed, node process (load, then keygen)', sequential);
  const b = summary('openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=x', openssl);
  const de = summary('pki keygen+self-signed+X509Certificate2 description (pkijs), overlapped', described);
  const ne = summary('pki keygen+self-signed, overlapped, natural exit (no process.exit)', natural);
  const n = summary('node -e 0 (the floor: start-up and exit of an empty node process)', nodeIdle);
  console.log(`wall ratio pki/openssl: ${(o.wall / b.wall).toFixed(2)} overlapped, ${(s.wall / b.wall).toFixed(2)} sequential (target <= 1.2); with pkijs description ${(de.wall / b.wall).toFixed(2)}; natural exit ${(ne.wall / b.wall).toFixed(2)}; node -e 0 alone: ${(n.wall / b.wall).toFixed(2)}`);
  if (o.cpu !== undefined && b.cpu !== undefined && s.cpu !== undefined) {
    console.log(`cpu ratio pki/openssl:  ${(o.cpu / b.cpu).toFixed(2)} overlapped, ${(s.cpu / b.cpu).toFixed(2)} sequential`);
  }
  for (const [label, xs] of [['overlapped', overlapped], ['sequential', sequential], ['overlapped, natural exit', natural], ['overlapped, with pkijs description', described]] as const) phaseReport(label, xs);
  // Inside a running shell (New-SelfSignedCertificate at the prompt) only key generation and the certificate remain.
  const { createSelfSignedCertificate } = await import('../pki/index.js');
  const warm: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = process.hrtime.bigint();
    const now = new Date();
    await createSelfSignedCertificate({ subject: 'CN=x', notBefore: now, notAfter: new Date(now.getTime() + 30 * 86_400_000) });
    if (i >= 2) warm.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  // Key generation alone, in-process: OpenSSL's RSA keygen (one call) against pki/'s parallel prime search.
  const { generateRsaKeyPair } = await import('../pki/rsa-primes.js');
  const { generateKeyPair: nodeKeyPair } = await import('node:crypto');
  const opensslKey = (bits: number) => new Promise<void>((res, rej) => nodeKeyPair('rsa', { modulusLength: bits }, (e) => (e ? rej(e) : res())));
  for (const [bits, n] of [[2048, RUNS], [3072, 7], [4096, 3]] as const) {
    const ours: number[] = [], theirs: number[] = [];
    for (let i = 0; i < n; i++) {
      let t0 = process.hrtime.bigint(); await opensslKey(bits); theirs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      t0 = process.hrtime.bigint(); await generateRsaKeyPair(bits); ours.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(`${`RSA-${bits} keygen in-process: crypto.generateKeyPair vs parallel primes`.padEnd(72)} median ${median(theirs).toFixed(0)} ms vs ${median(ours).toFixed(0)} ms, ratio ${(median(ours) / median(theirs)).toFixed(2)} (${n} runs)`);
  }
  const w = median(warm);
  console.log(`${'pki keygen+self-signed inside a running process (warm)'.padEnd(72)} wall median ${w.toFixed(1)} ms (${RUNS} runs); ratio to the openssl process ${(w / b.wall).toFixed(2)}`);
}

/** Where a node run's wall time goes: medians of each phase (boot = exec to the entry's first line). */
function phaseReport(label: string, xs: Sample[]): void {
  const ps = xs.filter((x) => x.phases);
  if (!ps.length) return;
  const part = (f: (x: Sample & { phases: Phases }) => number) => median(ps.map((x) => f(x as Sample & { phases: Phases }))).toFixed(1);
  console.log(`  ${label} phases (median ms): boot ${part((x) => x.phases.entered)}, module load ${part((x) => x.phases.loaded - x.phases.entered)}, `
    + `key wait after load ${part((x) => x.phases.keyed - x.phases.loaded)}, certificate+signing ${part((x) => x.phases.signed - x.phases.keyed)}, `
    + `exit+exec outside the time origin ${part((x) => x.wall - x.phases.signed)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
