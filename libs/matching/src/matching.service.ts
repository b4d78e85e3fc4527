import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DomainEvents } from '@mutuals/core';
import type {
  AppliedRoundView,
  MatchingRoundResult,
  MatchingRoundView,
  MatchingWeightsView,
  MentorSuggestionView,
} from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { ProfilesService, type MatchingParticipant } from '@mutuals/profiles';
import { DataSource, Repository } from 'typeorm';
import type { CreateRoundDto } from './dto/mentoring.dto';
import { buildPool, describeWeights, greedyRound, MATCHING_WEIGHTS, runRound, suggestMentors } from './engine';
import type { MenteeCandidate, MentorCandidate, PairRef } from './engine';
import { MatchingRoundEntity } from './entities/matching-round.entity';
import { MatchingErrors } from './matching.errors';
import { MentoringPeople } from './mentoring-people';
import { REQUEST_LIFETIME_DAYS } from './mentoring-requests.service';
import { returning } from './sql';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MatchingRoundEntity) private readonly rounds: Repository<MatchingRoundEntity>,
    private readonly profiles: ProfilesService,
    private readonly people: MentoringPeople,
    private readonly events: DomainEvents,
  ) {}

  weights(): MatchingWeightsView {
    return { version: MATCHING_WEIGHTS.version, minimumScore: MATCHING_WEIGHTS.minimumScore, factors: describeWeights() };
  }

  /** The best mentors with a free place for the caller, skipping pairs already asked, matched, declined or closed. */
  async suggestions(caller: AuthUser, limit: number): Promise<MentorSuggestionView[]> {
    const participants = await this.profiles.matchingParticipants();
    const self = participants.find((p) => p.userId === caller.id);
    if (!self) return [];
    const [mentors, excludedPairs] = await Promise.all([this.mentorCandidates(participants), this.excludedPairs(caller.id)]);
    const pairs = suggestMentors(toMentee(self), buildPool(mentors), { limit, excludedPairs });
    const profiles = await this.profiles.getPublicProfiles(pairs.map((p) => p.mentorId));
    return pairs.map((p) => ({ mentor: profiles.get(p.mentorId)!, score: p.score, reasons: p.reasons, uncoveredNeeds: p.uncoveredNeeds }));
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
      const engaged = new Set(
        (
          (await this.dataSource.query(
            `SELECT mentee_id FROM mentorships WHERE status = 'active'
           UNION SELECT mentee_id FROM mentoring_requests WHERE status = 'pending'`,
          )) as { mentee_id: string }[]
        ).map((r) => r.mentee_id),
      );
      wanted = new Set(seeking.filter((p) => !engaged.has(p.userId)).map((p) => p.userId));
    }
    for (const pin of pinned) wanted.add(pin.menteeId);
    const mentees = seeking.filter((p) => wanted.has(p.userId)).map(toMentee);
    const [mentors, excludedPairs] = await Promise.all([this.mentorCandidates(participants), this.excludedPairs()]);
    const pool = buildPool(mentors);
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
    const round = await this.rounds.save(
      this.rounds.create({ createdBy: caller?.id ?? null, weightsVersion: result.weightsVersion, result, appliedAt: null }),
    );
    return this.toView(round);
  }

  async getRound(id: string): Promise<MatchingRoundView> {
    const round = await this.rounds.findOneBy({ id });
    if (!round) throw MatchingErrors.roundNotFound('No such matching round');
    return this.toView(round);
  }

  /** Each proposal becomes a pending request both sides see; the mentor still accepts. */
  async applyRound(id: string): Promise<AppliedRoundView> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const [round] = await returning<{ result: MatchingRoundResult; applied_at: Date }>(
        manager,
        'UPDATE matching_rounds SET applied_at = now() WHERE id = $1 AND applied_at IS NULL RETURNING result, applied_at',
        [id],
      );
      if (!round) {
        const exists = (await manager.query('SELECT 1 FROM matching_rounds WHERE id = $1', [id])).length > 0;
        throw exists
          ? MatchingErrors.roundAlreadyApplied('This round has already been applied')
          : MatchingErrors.roundNotFound('No such matching round');
      }
      const { proposals } = round.result;
      const rows = await returning<{ id: string; mentee_id: string; mentor_id: string }>(
        manager,
        `INSERT INTO mentoring_requests (mentee_id, mentor_id, message, expires_at, round_id)
         SELECT p.mentee_id, p.mentor_id, p.message, now() + make_interval(days => $4), $5
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS p(mentee_id, mentor_id, message)
         ON CONFLICT (mentee_id, mentor_id) WHERE status = 'pending' DO NOTHING
         RETURNING id, mentee_id, mentor_id`,
        [
          proposals.map((p) => p.menteeId),
          proposals.map((p) => p.mentorId),
          proposals.map(
            (p) => `Proposed by the programme's matching round (score ${p.score}): ${p.reasons.map((r) => r.label).join('; ')}.`,
          ),
          REQUEST_LIFETIME_DAYS,
          id,
        ],
      );
      return {
        appliedAt: round.applied_at,
        requests: rows.map((r) => ({ requestId: r.id, menteeId: r.mentee_id, mentorId: r.mentor_id })),
        skipped: proposals.length - rows.length,
      };
    });
    await this.events.emit('mentoring.round.applied', { roundId: id, proposals: applied.requests });
    return { roundId: id, appliedAt: applied.appliedAt.toISOString(), requests: applied.requests, skipped: applied.skipped };
  }

  private async mentorCandidates(participants: MatchingParticipant[]): Promise<MentorCandidate[]> {
    const active = new Map(
      (
        (await this.dataSource.query(
          `SELECT mentor_id, count(*)::int AS active FROM mentorships WHERE status = 'active' GROUP BY mentor_id`,
        )) as { mentor_id: string; active: number }[]
      ).map((r) => [r.mentor_id, r.active]),
    );
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
    const forMentee = menteeId ? 'AND mentee_id = $1' : '';
    const rows = (await this.dataSource.query(
      `SELECT mentee_id, mentor_id FROM mentoring_requests WHERE status IN ('declined', 'pending') ${forMentee}
       UNION SELECT mentee_id, mentor_id FROM mentorships WHERE true ${forMentee}`,
      menteeId ? [menteeId] : [],
    )) as { mentee_id: string; mentor_id: string }[];
    return rows.map((r) => ({ menteeId: r.mentee_id, mentorId: r.mentor_id }));
  }

  private async toView(round: MatchingRoundEntity): Promise<MatchingRoundView> {
    const ids = [...round.result.proposals.flatMap((p) => [p.menteeId, p.mentorId]), ...round.result.unmatched];
    const people = await this.people.byId(ids);
    return {
      id: round.id,
      createdAt: round.createdAt.toISOString(),
      appliedAt: round.appliedAt?.toISOString() ?? null,
      ...round.result,
      people: Object.fromEntries(people),
    };
  }
}
