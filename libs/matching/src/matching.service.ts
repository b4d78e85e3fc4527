import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, DomainEvents, toPage, type Page } from '@mutuals/core';
import type {
  AppliedRoundView,
  MatchingRoundResult,
  MatchingRoundSummaryView,
  MatchingRoundView,
  MatchingWeightsView,
  MentorAvailabilityView,
  MentoringPerson,
  RoundProposalView,
  MentorSuggestionView,
} from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { ProfilesService, type MatchingParticipant } from '@mutuals/profiles';
import type { DataSource } from 'typeorm';
import type { CreateRoundDto } from './dto/mentoring.dto';
import { buildPool, createMatchingContext, describeWeights, greedyRound, MATCHING_WEIGHTS, runRound, suggestMentors } from './engine';
import type { MatchingContext, MenteeCandidate, MentorCandidate, PairRef } from './engine';
import { MatchingErrors } from './matching.errors';
import { MentoringPeople } from './mentoring-people';
import { REQUEST_LIFETIME_DAYS } from './mentoring-requests.service';
import { MatchingRoundsRepository, type RoundRow } from './repositories/matching-rounds.repository';
import { MentoringRequestsRepository } from './repositories/mentoring-requests.repository';
import { MentorshipsRepository } from './repositories/mentorships.repository';

export interface RoundPlan {
  result: MatchingRoundResult;
  menteeCount: number;
  mentorCount: number;
}

const toMentee = (p: MatchingParticipant): MenteeCandidate => ({
  id: p.userId,
  organisationId: p.organisationId,
  sectors: p.sectors,
  needs: p.mentee.needs,
  stage: p.mentee.stage ?? '',
  region: p.region,
});

/**
 * Where the pure engine meets the data: profiles become candidates, this lib's history becomes
 * the excluded pairs, and rounds are stored as the coordinator saw them and applied as requests.
 */
@Injectable()
export class MatchingService {
  /** The engine's compiled taxonomy and weights, made once from the profiles lib's vocabulary. */
  private readonly context: MatchingContext;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: MatchingRoundsRepository,
    private readonly requests: MentoringRequestsRepository,
    private readonly mentorships: MentorshipsRepository,
    private readonly profiles: ProfilesService,
    private readonly people: MentoringPeople,
    private readonly events: DomainEvents,
  ) {
    this.context = createMatchingContext(profiles.scoringTaxonomy());
  }

  weights(): MatchingWeightsView {
    return { version: MATCHING_WEIGHTS.version, minimumScore: MATCHING_WEIGHTS.minimumScore, factors: describeWeights() };
  }

  /** Whether a member mentors and has a place left, for their page's "Request mentoring". */
  async availability(mentorId: string): Promise<MentorAvailabilityView> {
    const [participant] = await this.profiles.matchingParticipants([mentorId]);
    const offers = participant?.mentor.offers ?? false;
    const capacity = offers ? participant!.mentor.capacity : 0;
    const activeMentorships = offers ? await this.mentorships.activeCountOf(mentorId) : 0;
    return { mentorId, offers, capacity, activeMentorships, placesLeft: Math.max(0, capacity - activeMentorships) };
  }

  /** The best mentors with a free place for the caller, skipping pairs already asked, matched, declined or closed. */
  async suggestions(caller: AuthUser, limit: number): Promise<MentorSuggestionView[]> {
    const participants = await this.profiles.matchingParticipants();
    const self = participants.find((p) => p.userId === caller.id);
    if (!self) return [];
    const [mentors, excludedPairs] = await Promise.all([this.mentorCandidates(participants), this.excludedPairs(caller.id)]);
    const pairs = suggestMentors(toMentee(self), buildPool(mentors, this.context), { limit, excludedPairs });
    const profiles = await this.profiles.getPublicProfiles(pairs.map((p) => p.mentorId));
    return pairs.map((p) => ({ mentor: profiles.get(p.mentorId)!, score: p.score, reasons: p.reasons, uncoveredNeeds: p.uncoveredNeeds }));
  }

  /** The best mentors with a free place for each of these members who seek mentoring, the pool loaded once for all (digests). */
  async suggestionsForMany(menteeIds: readonly string[], limit: number): Promise<Map<string, { mentorId: string; score: number }[]>> {
    const wanted = new Set(menteeIds);
    const participants = await this.profiles.matchingParticipants();
    const mentees = participants.filter((p) => wanted.has(p.userId) && p.mentee.seeks);
    if (mentees.length === 0) return new Map();
    const [mentors, excludedPairs] = await Promise.all([this.mentorCandidates(participants), this.excludedPairs()]);
    const pool = buildPool(mentors, this.context);
    return new Map(
      mentees.map((m) => [
        m.userId,
        suggestMentors(toMentee(m), pool, { limit, excludedPairs }).map((p) => ({ mentorId: p.mentorId, score: p.score })),
      ]),
    );
  }

  /**
   * Solves a round without storing it. By default it takes every seeking mentee who has neither
   * a mentor nor an open request; pinned mentees join the round whatever their state.
   */
  async planRound(input: CreateRoundDto): Promise<RoundPlan> {
    const participants = await this.profiles.matchingParticipants();
    const seeking = participants.filter((p) => p.mentee.seeks);
    const pinned = input.pinned ?? [];
    let wanted: Set<string>;
    if (input.menteeIds) {
      wanted = new Set(input.menteeIds);
      const known = new Set(seeking.map((p) => p.userId));
      const unknown = [...wanted].filter((id) => !known.has(id));
      if (unknown.length) {
        throw MatchingErrors.invalidRound('Every mentee of a round must be an active member seeking mentoring', [
          { field: 'menteeIds', message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not seeking mentoring` },
        ]);
      }
    } else {
      const engaged = new Set(await this.requests.engagedMentees());
      wanted = new Set(seeking.filter((p) => !engaged.has(p.userId)).map((p) => p.userId));
    }
    for (const pin of pinned) wanted.add(pin.menteeId);
    const mentees = seeking.filter((p) => wanted.has(p.userId)).map(toMentee);
    const [mentors, excludedPairs] = await Promise.all([this.mentorCandidates(participants), this.excludedPairs()]);
    const pool = buildPool(mentors, this.context);
    let optimal: ReturnType<typeof runRound>;
    try {
      optimal = runRound(mentees, pool, { excludedPairs, pinned });
    } catch (error) {
      if (error instanceof RangeError)
        throw MatchingErrors.invalidRound(`That pin cannot hold: ${error.message}`, [{ field: 'pinned', message: error.message }]);
      throw error;
    }
    const greedy = greedyRound(mentees, pool, { excludedPairs, pinned });
    return {
      menteeCount: mentees.length,
      mentorCount: mentors.length,
      result: {
        proposals: optimal.proposals.map((p) => ({
          menteeId: p.menteeId,
          mentorId: p.mentorId,
          score: p.score,
          reasons: p.reasons,
          uncoveredNeeds: p.uncoveredNeeds,
          pinned: p.pinned,
        })),
        totalScore: optimal.totalScore,
        unmatched: optimal.unmatched.map((u) => u.menteeId),
        unmatchedReasons: optimal.unmatched,
        fairness: optimal.fairness,
        needsCoverage: optimal.needsCoverage,
        pinned: pinned.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })),
        weightsVersion: optimal.weightsVersion,
        minimumScore: optimal.minimumScore,
        greedyTotalScore: greedy.totalScore,
      },
    };
  }

  async createRound(caller: AuthUser, input: CreateRoundDto): Promise<MatchingRoundView> {
    return this.saveRound(caller, (await this.planRound(input)).result);
  }

  /** Stores a planned round; a null caller is the command line. */
  async saveRound(caller: AuthUser | null, result: MatchingRoundResult): Promise<MatchingRoundView> {
    return this.toView(await this.rounds.insert({ created_by: caller?.id ?? null, weights_version: result.weightsVersion, result }));
  }

  async getRound(id: string): Promise<MatchingRoundView> {
    const round = await this.rounds.find(id);
    if (!round) throw MatchingErrors.roundNotFound('No such matching round');
    return this.toView(round);
  }

  /** Each proposal becomes a pending request both sides see; the mentor still accepts. */
  async applyRound(caller: AuthUser | null, id: string): Promise<AppliedRoundView> {
    // Names for the messages are read before the transaction: it holds the embedded database's one connection.
    const stored = await this.rounds.find(id);
    if (!stored) throw MatchingErrors.roundNotFound('No such matching round');
    const people = await this.people.byId(stored.result.proposals.flatMap((p) => [p.menteeId, p.mentorId]));
    const applied = await this.dataSource.transaction(async (manager) => {
      const round = await this.rounds.markApplied(id, caller?.id ?? null, manager);
      if (!round) {
        throw (await this.rounds.exists(id, manager))
          ? MatchingErrors.roundAlreadyApplied('This round has already been applied')
          : MatchingErrors.roundNotFound('No such matching round');
      }
      const { proposals } = round.result;
      const rows = await this.requests.insertProposals(
        proposals.map((p) => ({
          mentee_id: p.menteeId,
          mentor_id: p.mentorId,
          message: programmeMessage(p, people),
        })),
        id,
        REQUEST_LIFETIME_DAYS,
        manager,
      );
      return {
        appliedAt: round.applied_at!,
        requests: rows.map((r) => ({ requestId: r.id, menteeId: r.mentee_id, mentorId: r.mentor_id })),
        skipped: proposals.length - rows.length,
      };
    });
    await this.events.emit('mentoring.round.applied', { roundId: id, proposals: applied.requests });
    return { roundId: id, appliedAt: applied.appliedAt.toISOString(), requests: applied.requests, skipped: applied.skipped };
  }

  /** Every round, newest first: who ran it and when, whether and by whom it was applied, its totals. */
  async listRounds(query: { limit: number; cursor?: string }): Promise<Page<MatchingRoundSummaryView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.rounds.history(query.limit + 1, after);
    const people = await this.people.byId(rows.flatMap((r) => [r.created_by, r.applied_by].filter((id): id is string => id !== null)));
    return toPage(
      rows,
      query.limit,
      (r) => [r.at_key, r.id],
      (r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        createdBy: r.created_by ? people.get(r.created_by)! : null,
        appliedAt: r.applied_at?.toISOString() ?? null,
        appliedBy: r.applied_by ? people.get(r.applied_by)! : null,
        proposals: r.proposals,
        unmatched: r.unmatched,
        totalScore: r.total_score,
        requestsSent: r.requests_sent,
        requestsAccepted: r.requests_accepted,
      }),
    );
  }

  private async mentorCandidates(participants: MatchingParticipant[]): Promise<MentorCandidate[]> {
    const active = await this.mentorships.activeCounts();
    return participants
      .filter((p) => p.mentor.offers)
      .map((p) => ({
        id: p.userId,
        organisationId: p.organisationId,
        sectors: p.sectors,
        expertise: p.mentor.expertise,
        stageReached: p.mentor.stageReached ?? '',
        region: p.region,
        capacity: p.mentor.capacity,
        activeMentorships: active.get(p.userId) ?? 0,
      }));
  }

  /** Pairs never to propose again (declined, or a mentorship past or present) or already asked. */
  private async excludedPairs(menteeId?: string): Promise<PairRef[]> {
    const rows = await this.requests.excludedPairs(menteeId);
    return rows.map((r) => ({ menteeId: r.mentee_id, mentorId: r.mentor_id }));
  }

  private async toView(round: RoundRow): Promise<MatchingRoundView> {
    const ids = [...round.result.proposals.flatMap((p) => [p.menteeId, p.mentorId]), ...round.result.unmatched];
    const people = await this.people.byId(ids);
    return {
      id: round.id,
      createdAt: round.created_at.toISOString(),
      appliedAt: round.applied_at?.toISOString() ?? null,
      ...round.result,
      people: Object.fromEntries(people),
    };
  }
}

/**
 * The request a round sends reads as a word from the programme to both sides, naming the pair and
 * the strongest reasons for it, not as the engine's score sheet.
 */
function programmeMessage(proposal: RoundProposalView, people: Map<string, MentoringPerson>): string {
  const mentor = people.get(proposal.mentorId)?.displayName ?? 'this mentor';
  const mentee = people.get(proposal.menteeId);
  const menteeName = mentee ? `${mentee.displayName}${mentee.organisationName ? ` of ${mentee.organisationName}` : ''}` : 'this mentee';
  const strongest = proposal.reasons
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3)
    .map((r) => r.label.charAt(0).toLowerCase() + r.label.slice(1));
  const because = strongest.length ? `, because of ${strongest.join('; ')}` : '';
  return `The programme's coordinators suggest ${mentor} as a mentor for ${menteeName}${because}. ${mentor.split(' ')[0]}, please accept or decline within ${REQUEST_LIFETIME_DAYS} days; either of you can reply in the request.`;
}
