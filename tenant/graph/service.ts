import type { Directory } from '../directory.js';
import { graph } from '../errors.js';
import { graphJson, noContent, type RequestContext, type TenantResponse } from '../http.js';
import type { ApplicationRecord, TenantDoc } from '../model.js';
import { parseAddress } from './address.js';
import { handleApplications } from './applications.js';
import { can, graphCaller, type Caller } from './caller.js';
import { contextUrl, parseBody } from './odata.js';
import { addKeyCredential, checkProof, keyCredentialView, removeKeyId } from './roll-key.js';
import { handleServicePrincipals } from './service-principals.js';
import { handleAudit, handleUsers } from './users.js';

/** The Graph v1.0 subset: one entry point, handlers per entity set. */
export class GraphService {
  constructor(readonly directory: Directory) {}

  handle(ctx: RequestContext, rest: string): TenantResponse {
    const doc = this.directory.read();
    const caller = graphCaller(doc, ctx);
    const addr = parseAddress(rest);
    if (doc.faults.graph) throw graph.unavailable();
    switch (addr.set) {
      case 'applications': return handleApplications(this, ctx, doc, caller, addr);
      case 'servicePrincipals': return handleServicePrincipals(this, ctx, doc, caller, addr);
      case 'users': case 'me': return handleUsers(this, ctx, doc, caller, addr);
      case 'auditLogs': return handleAudit(ctx, doc, caller, addr);
    }
  }

  rollKey(ctx: RequestContext, doc: TenantDoc, caller: Caller, app: ApplicationRecord, action: 'addKey' | 'removeKey'): TenantResponse {
    can.rollKey(caller, app);
    const body = parseBody(ctx);
    checkProof(ctx, app, body.proof);
    const target = [{ id: app.id, displayName: app.displayName, type: 'Application' }];
    if (action === 'addKey') {
      const rec = addKeyCredential(ctx, app, body);
      this.directory.update(caller.actor, (d, audit) => {
        const a = d.applications.find((x) => x.id === app.id);
        if (!a) throw graph.notFound(app.id);
        a.keyCredentials.push(rec);
        audit('Update application – Certificates and secrets management ', 'ApplicationManagement', target, { action: 'addKey', keyId: rec.keyId });
      });
      return graphJson(ctx, 200, { '@odata.context': contextUrl(ctx, 'microsoft.graph.keyCredential'), ...keyCredentialView(rec, false) });
    }
    const keyId = removeKeyId(body);
    if (!app.keyCredentials.some((k) => k.keyId === keyId)) throw graph.keyNotFound(keyId);
    if (doc.faults.removeKey) throw graph.unavailable();
    this.directory.update(caller.actor, (d, audit) => {
      const a = d.applications.find((x) => x.id === app.id);
      if (!a) throw graph.notFound(app.id);
      a.keyCredentials = a.keyCredentials.filter((k) => k.keyId !== keyId);
      audit('Update application – Certificates and secrets management ', 'ApplicationManagement', target, { action: 'removeKey', keyId });
    });
    return noContent(ctx);
  }
}
