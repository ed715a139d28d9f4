/**
 * npm run bench: every area's benchmark, each printing its figures as ratios against a baseline
 * measured in the same run. `npm run bench -- shell pki` runs only those.
 */
const areas: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  shell: () => import('./shell.js'),
  pki: () => import('./pki.js'),
  tenant: () => import('./tenant.js'),
  connect: () => import('./connect.js'),
  format: () => import('./format.js'),
  language: () => import('./language.js'),
  'core-cmdlets': () => import('./core-cmdlets.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(areas)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stdout.write(`\n== ${name} ==\n`);
  try {
    await (await load()).run();
  } catch (e) {
    process.stdout.write(`${name}: failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
