import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { MatchingService } from '@mutuals/matching';
import { ProfilesService } from '@mutuals/profiles';
import { Progress } from '../seed/progress';
import type { CliCommand } from './commands';

/** Runs a round for every seeking mentee without a mentor; stores and applies it unless --dry-run. */
export const matchingRoundCommand: CliCommand = {
  name: 'matching-round',
  usage: 'matching-round [--dry-run]',
  description: 'Proposes mentors for every unmatched mentee; without --dry-run, stores the round and sends the requests.',
  async run(app: INestApplicationContext, args: string[]): Promise<void> {
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } } });
    const matching = app.get(MatchingService);
    const started = Date.now();
    const { result, menteeCount, mentorCount } = await matching.planRound({});
    console.log(
      `Round over ${menteeCount} mentees and ${mentorCount} mentors, solved in ${Date.now() - started} ms (weights ${result.weightsVersion})`,
    );

    const profiles = await app
      .get(ProfilesService)
      .getPublicProfiles([...result.proposals.flatMap((p) => [p.menteeId, p.mentorId]), ...result.unmatched]);
    const name = (id: string) => profiles.get(id)?.displayName ?? id;
    const progress = new Progress('Proposals', result.proposals.length);
    for (const p of result.proposals) {
      const why = p.reasons.map((r) => `${r.label} (+${r.points})`).join('; ');
      process.stdout.write(`  ${name(p.menteeId)} -> ${name(p.mentorId)}  score ${p.score}${p.pinned ? ' (pinned)' : ''}: ${why}\n`);
      progress.tick();
    }
    for (const u of result.unmatchedReasons) console.log(`  unmatched ${name(u.menteeId)}: ${u.reason}`);
    const { fairness, needsCoverage } = result;
    const coveredShare = needsCoverage?.coveredShare == null ? '-' : `${Math.round(needsCoverage.coveredShare * 100)}%`;
    console.log(
      `Total score ${result.totalScore} (greedy ${result.greedyTotalScore}); ${result.proposals.length} proposals, ` +
        `${result.unmatched.length} unmatched; match rate ${Math.round(fairness.matchRate * 100)}%, ` +
        `worst ${fairness.worstScore ?? '-'}, 10th percentile ${fairness.p10Score ?? '-'}; ` +
        `needs covered ${coveredShare}, mentees with no need covered ${needsCoverage?.menteesWithNoneCovered ?? '-'}`,
    );
    if (values['dry-run']) {
      console.log('Dry run: nothing stored.');
      return;
    }
    const round = await matching.saveRound(null, result);
    const applied = await matching.applyRound(null, round.id);
    console.log(`Stored round ${round.id} and sent ${applied.requests.length} requests (${applied.skipped} skipped).`);
  },
};
