import { expect } from 'chai';
import { serve, type ServedTenant } from '../../tenant/index.js';
import { GraphHttpErrorRecord } from '../../cmdlets/graph/errors.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { DEFAULT_PASSWORD, GraphRig } from './harness.js';

describe('graph cmdlets: transports', function () {
  this.timeout(60_000);

  it('by default requests stay in-process even while `syncshell serve` runs on the same state', async () => {
    const r = new GraphRig();
    const served: ServedTenant = await serve({ port: 0, home: r.home, clock: r.clock, log: () => {} });
    try {
      await r.run('Connect-MgGraph -Scopes "User.Read" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
      const res = await r.run('Invoke-MgGraphRequest -Uri /v1.0/applications/0badc0de-0000-4000-8000-000000000001');
      expect((res.errors[0] as GraphHttpErrorRecord).message.split('\n')[0]).to.match(/^GET https:\/\/graph\.microsoft\.com\/v1\.0\//);
    } finally { await served.close(); r.dispose(); }
  });

  it('with preferServed the same cmdlets sign in and call Graph over HTTPS against the served tenant', async () => {
    const r = new GraphRig({ preferServed: true });
    const served: ServedTenant = await serve({ port: 0, home: r.home, clock: r.clock, log: () => {} });
    try {
      const c = await r.run('Connect-MgGraph -Scopes "User.Read" -NoWelcome', 'admin@contoso.onmicrosoft.com', DEFAULT_PASSWORD);
      expect(c.errors, c.errorText).to.have.length(0);
      const me = await r.run('Invoke-MgGraphRequest -Uri /v1.0/me');
      expect(me.errors, me.errorText).to.have.length(0);
      expect((me.objects[0] as PSHashtable).get('userPrincipalName')).to.equal('admin@contoso.onmicrosoft.com');
      const res = await r.run('Invoke-MgGraphRequest -Uri /v1.0/applications/0badc0de-0000-4000-8000-000000000001');
      expect((res.errors[0] as GraphHttpErrorRecord).message.split('\n')[0]).to.equal(`GET ${served.origin}/v1.0/applications/0badc0de-0000-4000-8000-000000000001`);
      // An absolute URI naming the served origin is accepted too.
      const abs = await r.run(`(Invoke-MgGraphRequest -Uri '${served.origin}/v1.0/me').id`);
      expect(abs.errors, abs.errorText).to.have.length(0);
    } finally { await served.close(); r.dispose(); }
  });
});
