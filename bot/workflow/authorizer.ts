import type { GraphGateway } from '../graph/gateway';

/** Who may change repair cases: helpdesk members only, decided on the server for every action. */
export interface Authorizer {
  canAct(actor: { id: string; aadObjectId?: string }): Promise<boolean>;
}

/**
 * Members of HELPDESK_GROUP_ID (direct membership, read through Graph and cached briefly) and the ids in
 * HELPDESK_USER_IDS. Without an Entra object id (not a signed-in Teams user) nobody may act.
 */
export class HelpdeskAuthorizer implements Authorizer {
  private readonly cache = new Map<string, { at: number; member: boolean }>();

  constructor(
    private readonly gateway: GraphGateway,
    private readonly options: {
      groupId: string | undefined;
      userIds: ReadonlySet<string>;
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  async canAct(actor: { id: string; aadObjectId?: string }): Promise<boolean> {
    const id = actor.aadObjectId?.toLowerCase();
    if (!id) return false;
    if (this.options.userIds.has(id)) return true;
    const groupId = this.options.groupId;
    if (!groupId) return false;
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(id);
    if (cached && now - cached.at < (this.options.ttlMs ?? 5 * 60_000)) return cached.member;
    const member = (await this.gateway.memberGroupIds(id)).includes(groupId);
    this.cache.set(id, { at: now, member });
    return member;
  }
}
