import { Injectable } from '@nestjs/common';
import type {
  FitView,
  InterestView,
  OpportunityView,
  OrganisationSummary,
  Page,
  PartnershipFiguresRow,
  PartnershipFiguresView,
} from '@mutuals/contracts';
import { decodeCursor, DomainEvents, encodeCursor, toPage } from '@mutuals/core';
import { IdentityService, type AuthUser } from '@mutuals/identity';
import { ProfilesService, REGIONS, SECTORS, termName } from '@mutuals/profiles';
import { FitService } from './fit.service';
import { byFit, type FitCandidate } from './fit/fit';
import { OpportunitiesRepository, type OpportunityRow } from './opportunities.repository';
import { FINAL_STATES, TRANSITIONS } from './opportunity-status';
import { PartnershipAccess } from './partnership-access';
import { toInterestView, toOpportunityView, unknownOrganisation } from './partnership-views';
import { CreateOpportunityDto, OpportunityListDto, OpportunityStatusDto, UpdateOpportunityDto } from './partnerships.dto';
import { PartnershipsErrors } from './partnerships.errors';

/**
 * Opportunities: posted by a member for their organisation, whose members alone manage them;
 * the board shows every open one, those that fit the caller's organisation first, with reasons.
 */
@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly opportunities: OpportunitiesRepository,
    private readonly access: PartnershipAccess,
    private readonly fit: FitService,
    private readonly profiles: ProfilesService,
    private readonly identity: IdentityService,
    private readonly events: DomainEvents,
  ) {}

  /** What the member's "download my data" holds from this lib. */
  exportOf(userId: string) {
    return this.opportunities.exportOf(userId);
  }

  async post(caller: AuthUser, input: CreateOpportunityDto): Promise<OpportunityView> {
    const organisation = await this.access.requireOrganisation(caller.id, 'Posting an opportunity');
    const deadline = futureDeadline(input.deadline);
    const row = await this.opportunities.insert({
      organisation_id: organisation.id,
      posted_by: caller.id,
      title: input.title,
      commissioner: input.commissioner,
      description: input.description,
      sector: input.sector,
      region: input.region,
      value_band: input.valueBand,
      capabilities_sought: input.capabilitiesSought,
      deadline,
      publish: input.publish === true,
    });
    return toOpportunityView(row, { organisation, fit: null, canManage: true, myInterest: null });
  }

  async update(caller: AuthUser, id: string, change: UpdateOpportunityDto): Promise<OpportunityView> {
    await this.access.managed(caller, id);
    const row = await this.opportunities.update(id, {
      title: change.title,
      commissioner: change.commissioner,
      description: change.description,
      sector: change.sector,
      region: change.region,
      value_band: change.valueBand,
      capabilities_sought: change.capabilitiesSought,
      deadline: change.deadline === undefined ? undefined : futureDeadline(change.deadline),
    });
    if (!row) throw PartnershipsErrors.invalidTransition('Only a draft or an open opportunity can be edited');
    return this.view(caller, row, true);
  }

  async get(caller: AuthUser, id: string): Promise<OpportunityView> {
    const { opportunity, canManage } = await this.access.visible(caller, id);
    return this.view(caller, opportunity, canManage);
  }

  /** The board (open ones, fits first) or the caller's organisation's own (newest first). */
  async list(caller: AuthUser, query: OpportunityListDto): Promise<Page<OpportunityView>> {
    const organisation = await this.access.organisationOf(caller.id);
    if (query.scope === 'mine') {
      if (!organisation) return { items: [], nextCursor: null };
      const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
      const rows = await this.opportunities.ofOrganisation(organisation.id, after, query.limit + 1);
      const views = await this.views(caller, rows, organisation, null);
      return toPage(
        rows.map((row, i) => ({ row, view: views[i]! })),
        query.limit,
        ({ row }) => [row.at_key, row.id],
        ({ view }) => view,
      );
    }
    const rows = await this.opportunities.board({
      sector: query.sector,
      region: query.region,
      deadlineBefore: query.deadlineBefore === undefined ? undefined : endOfDayOrInstant(query.deadlineBefore),
    });
    const candidate = organisation && (await this.fit.candidateOf(organisation));
    const ranked = (await this.views(caller, rows, organisation, candidate)).sort(byFit);
    // The board is ranked in memory (fit is not SQL), so its cursor is the last card's place in that order.
    const after = decodeCursor(query.cursor, ['integer', 'timestamp', 'uuid']) as [number, string, string] | null;
    const start = after ? ranked.findIndex((view) => byFit(view, { fit: { score: after[0] }, deadline: after[1], id: after[2] }) > 0) : 0;
    const page = start < 0 ? [] : ranked.slice(start, start + query.limit);
    const last = page[page.length - 1];
    const more = start >= 0 && start + query.limit < ranked.length;
    return { items: page, nextCursor: more && last ? encodeCursor([last.fit?.score ?? 0, last.deadline, last.id]) : null };
  }

  /** Only the poster's organisation moves it, and only along TRANSITIONS (opportunity-status.ts). */
  async move(caller: AuthUser, id: string, input: OpportunityStatusDto): Promise<OpportunityView> {
    const current = await this.access.managed(caller, id);
    if (input.status === 'won' && input.valueWon === undefined) {
      throw PartnershipsErrors.invalid('Say what the contract is worth', [{ field: 'valueWon', message: 'is required when marking won' }]);
    }
    if (input.status !== 'won' && input.valueWon !== undefined) {
      throw PartnershipsErrors.invalid('Only a win has a value', [{ field: 'valueWon', message: 'is only for marking won' }]);
    }
    if (input.status === 'partnered' && (await this.opportunities.shortlistedMemberIds(id)).length === 0) {
      throw PartnershipsErrors.nothingShortlisted('Shortlist your partners before marking the opportunity partnered');
    }
    if (input.status === 'open' && current.deadline.getTime() <= Date.now()) {
      throw PartnershipsErrors.invalidTransition('The deadline has passed: move it before publishing');
    }
    const row = await this.events.transaction(async (unit) => {
      const moved = await this.opportunities.transition(id, TRANSITIONS[input.status], input.status, input.valueWon ?? null, unit.manager);
      if (!moved) throw PartnershipsErrors.invalidTransition(`An opportunity that is ${current.status} cannot become ${input.status}`);
      if (moved.status === 'partnered' || FINAL_STATES.includes(moved.status)) {
        // Through the transaction's manager, one after the other: on the embedded database (one
        // connection) a read on another connection here would wait for this transaction forever.
        const interested = await this.opportunities.interestedMemberIds(id, unit.manager);
        const posters = await this.profiles.activeMemberIds(moved.organisation_id, unit.manager);
        await unit.emit('partnerships.outcome', {
          opportunityId: id,
          title: moved.title,
          status: moved.status as 'partnered' | 'won' | 'lost' | 'withdrawn',
          valueWon: moved.value_won === null ? null : Number(moved.value_won),
          changedBy: caller.id,
          recipientIds: [...new Set([...interested, ...posters])].filter((userId) => userId !== caller.id),
        });
      }
      return moved;
    });
    return this.view(caller, row, true);
  }

  /** Partnerships formed and what they won, overall and by sector and region (the console's page). */
  async figures(): Promise<PartnershipFiguresView> {
    const [totals, bySector, byRegion] = await Promise.all([
      this.opportunities.totals(),
      this.opportunities.figuresBy('sector'),
      this.opportunities.figuresBy('region'),
    ]);
    const rows = (found: typeof bySector, names: typeof SECTORS): PartnershipFiguresRow[] =>
      found
        .map((r) => ({ slug: r.key, name: termName(names, r.key), formed: r.formed, won: r.won, valueWon: Number(r.value_won) }))
        .sort((a, b) => b.formed - a.formed || a.name.localeCompare(b.name));
    return {
      posted: totals.posted,
      open: totals.open,
      formed: totals.formed,
      won: totals.won,
      lost: totals.lost,
      valueWon: Number(totals.value_won),
      interests: totals.interests,
      bySector: rows(bySector, SECTORS),
      byRegion: rows(byRegion, REGIONS),
    };
  }

  private async view(caller: AuthUser, row: OpportunityRow, canManage: boolean): Promise<OpportunityView> {
    const organisation = await this.access.organisationOf(caller.id);
    const candidate = organisation && !canManage ? await this.fit.candidateOf(organisation) : null;
    const [view] = await this.views(caller, [row], organisation, candidate, canManage);
    return view!;
  }

  /** Views of many, with the poster organisations, the caller's fit and the caller's own interests read once. */
  private async views(
    caller: AuthUser,
    rows: OpportunityRow[],
    callerOrganisation: OrganisationSummary | null,
    candidate: FitCandidate | null,
    canManageOne?: boolean,
  ): Promise<OpportunityView[]> {
    if (rows.length === 0) return [];
    const [organisations, scorer, mine, me] = await Promise.all([
      this.profiles.organisationSummaries(rows.map((r) => r.organisation_id)),
      candidate ? this.fit.scorer() : null,
      this.opportunities.interestsOfMember(
        caller.id,
        rows.map((r) => r.id),
      ),
      this.identity.getUserSummaries([caller.id]),
    ]);
    return rows.map((row) => {
      const own = row.organisation_id === callerOrganisation?.id;
      const canManage = canManageOne ?? own;
      const fit: FitView | null = scorer && candidate && !own ? scorer(fitOpportunity(row), candidate) : null;
      const interest = mine.get(row.id);
      const myInterest: InterestView | null =
        interest && callerOrganisation
          ? toInterestView(interest, callerOrganisation, me.get(caller.id), fit ?? { score: 0, reasons: [], uncoveredCapabilities: [] })
          : null;
      return toOpportunityView(row, {
        organisation: organisations.get(row.organisation_id) ?? unknownOrganisation(row.organisation_id),
        fit,
        canManage,
        myInterest,
      });
    });
  }
}

export const fitOpportunity = (row: OpportunityRow) => ({
  sector: row.sector,
  region: row.region,
  capabilitiesSought: row.capabilities_sought,
});

/** A deadline must lie ahead when it is set. */
function futureDeadline(iso: string): Date {
  const deadline = new Date(iso);
  if (deadline.getTime() <= Date.now()) {
    throw PartnershipsErrors.invalid('The deadline must be in the future', [{ field: 'deadline', message: 'must be in the future' }]);
  }
  return deadline;
}

/** `2027-01-31` means the whole of that day; a full instant means itself. */
function endOfDayOrInstant(iso: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T23:59:59.999Z`) : new Date(iso);
}
