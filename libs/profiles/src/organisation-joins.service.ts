import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@mutuals/core';
import type { OrganisationJoinRequestView, OrganisationSummary } from '@mutuals/contracts';
import { isCoordinator, type AuthUser } from '@mutuals/identity';
import { OrganisationJoinsRepository, type JoinRequestRow } from './organisation-joins.repository';
import { ProfilesErrors } from './profiles.errors';

const toView = (r: JoinRequestRow): OrganisationJoinRequestView => ({
  id: r.id,
  organisation: {
    id: r.organisation_id,
    name: r.organisation_name,
    kind: r.organisation_kind,
    sector: r.organisation_sector,
    stage: r.organisation_stage,
    region: r.organisation_region,
    logoUrl: r.organisation_logo_url,
  },
  member: { id: r.user_id, displayName: r.display_name, handle: r.handle, jobTitle: r.job_title },
  status: r.status,
  createdAt: r.created_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
});

/**
 * A new member finds their organisation and asks to join it; a current (active) member of it or
 * a coordinator approves or declines. Approval makes the membership in the same transaction.
 */
@Injectable()
export class OrganisationJoinsService {
  constructor(
    private readonly joins: OrganisationJoinsRepository,
    private readonly events: DomainEvents,
  ) {}

  search(q: string, limit: number): Promise<OrganisationSummary[]> {
    return this.joins.searchOrganisations(q, limit);
  }

  async ask(caller: AuthUser, organisationId: string): Promise<OrganisationJoinRequestView> {
    if (!(await this.joins.organisationExists(organisationId))) throw ProfilesErrors.organisationNotFound('No such organisation');
    if (await this.joins.organisationOf(caller.id)) {
      throw ProfilesErrors.alreadyInOrganisation('You already belong to an organisation');
    }
    const id = await this.joins.insert(organisationId, caller.id);
    if (!id) throw ProfilesErrors.joinRequestPending('You already asked to join an organisation; wait for an answer or withdraw it first');
    const row = (await this.joins.get(id))!;
    await this.events.emit('profiles.organisation.join-requested', {
      requestId: id,
      organisationId,
      organisationName: row.organisation_name,
      userId: caller.id,
      memberIds: await this.joins.activeMemberIds(organisationId),
    });
    return toView(row);
  }

  async list(caller: AuthUser, box: 'mine' | 'to-decide'): Promise<OrganisationJoinRequestView[]> {
    const rows =
      box === 'mine' ? await this.joins.listOfMember(caller.id) : await this.joins.listPendingFor(isCoordinator(caller) ? null : caller.id);
    return rows.map(toView);
  }

  async approve(caller: AuthUser, id: string): Promise<OrganisationJoinRequestView> {
    return this.decide(caller, id, true);
  }

  async decline(caller: AuthUser, id: string): Promise<OrganisationJoinRequestView> {
    return this.decide(caller, id, false);
  }

  async withdraw(caller: AuthUser, id: string): Promise<OrganisationJoinRequestView> {
    const request = await this.joins.get(id);
    if (!request || request.user_id !== caller.id) throw ProfilesErrors.joinRequestNotFound('No such request');
    const changed = await this.joins.transaction((manager) => this.joins.decide(manager, id, 'withdrawn', caller.id));
    if (!changed) throw ProfilesErrors.joinRequestDecided('This request has already been answered');
    return toView((await this.joins.get(id))!);
  }

  private async decide(caller: AuthUser, id: string, approved: boolean): Promise<OrganisationJoinRequestView> {
    const request = await this.joins.get(id);
    // Someone who may not decide does not learn that the request exists.
    const mayDecide = request && (isCoordinator(caller) || (await this.joins.isActiveMember(caller.id, request.organisation_id)));
    if (!request || !mayDecide) throw ProfilesErrors.joinRequestNotFound('No such request');
    await this.joins.transaction(async (manager) => {
      if (!(await this.joins.decide(manager, id, approved ? 'approved' : 'declined', caller.id))) {
        throw ProfilesErrors.joinRequestDecided('This request has already been answered');
      }
      if (approved) await this.joins.addMember(manager, request.organisation_id, request.user_id);
    });
    await this.events.emit('profiles.organisation.join-decided', {
      requestId: id,
      organisationId: request.organisation_id,
      organisationName: request.organisation_name,
      userId: request.user_id,
      decidedBy: caller.id,
      approved,
    });
    return toView((await this.joins.get(id))!);
  }
}
