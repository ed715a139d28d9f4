/** `syncshell serve`: the emulated tenant over HTTPS on loopback until interrupted. */
export async function serveTenant(opts: { port?: number; host?: string; allowRemote: boolean }, home: string): Promise<number> {
  const { serve } = await import('../tenant/index.js');
  let server;
  try {
    server = await serve({ port: opts.port, host: opts.host, allowRemote: opts.allowRemote, home, log: (l) => process.stdout.write(l + '\n') });
  } catch (e) {
    process.stderr.write(`serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => { process.once('SIGINT', () => resolve()); process.once('SIGTERM', () => resolve()); });
  await server.close();
  return 0;
}
