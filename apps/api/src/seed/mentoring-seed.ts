import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '@mutuals/identity';
import {
  AgreementsService,
  CheckInsService,
  MatchingService,
  MeetingsService,
  MentoringRequestsService,
  MentorshipsService,
  PairHistoryService,
} from '@mutuals/matching';
import { DEMO_MENTEE_EMAIL, DEMO_MENTOR_EMAIL } from './demo-data';
import { DemoSeeder, type DemoWorld } from './demo-seeder';
import { Progress } from './progress';
import { SeededRandom } from './random';

const DAY = 24 * 60 * 60 * 1000;
/** The same day at 10:00 UTC. */
const atTen = (time: number) => {
  const day = new Date(time);
  day.setUTCHours(10, 0, 0, 0);
  return day.getTime();
};
const GOALS = [
  'Options appraisal signed off by the council',
  'Draft business plan for the board',
  'Staff consultation on the employee ownership model',
  'TUPE and pension plan agreed with the parent body',
  'First bid as an independent mutual',
  'Social value report for the commissioner',
];
const NOTES = [
  'Walked through how we handled the TUPE consultation and the pension admission agreement.',
  'Reviewed the draft business case; the cash-flow forecast needs a worse-case scenario.',
  'Talked about keeping staff engaged during mobilisation: monthly all-hands and a shadow board.',
  'Went through the commissioner negotiation: what to ask for in the first contract.',
];

/** The demo members acting through the same services the API uses. */
const actingAs = (id: string): AuthUser => ({ id, role: 'member', status: 'active', sessionId: 'demo-seed', via: 'bearer' });

/**
 * Mentoring on top of the demo people: active pairs that began weeks ago, with goals, held and
 * missed sessions, agreements, sessions planned ahead and check-in answers (one raising a concern);
 * requests waiting for an answer, and one closed pair with feedback. The demo mentee keeps her
 * suggestions to explore.
 */
@Injectable()
export class MentoringDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly matching: MatchingService,
    private readonly requests: MentoringRequestsService,
    private readonly mentorships: MentorshipsService,
    private readonly history: PairHistoryService,
    private readonly meetings: MeetingsService,
    private readonly agreements: AgreementsService,
    private readonly checkIns: CheckInsService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'Mentoring requests and mentorships', run: (world, out) => this.run(world, out) });
  }

  private async run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void> {
    const random = new SeededRandom(3);
    const demoMentee = world.members.get(DEMO_MENTEE_EMAIL)?.id;
    const demoMentor = world.members.get(DEMO_MENTOR_EMAIL)?.id;
    const mentees = [...world.members.values()].filter((m) => m.mentee && m.id !== demoMentee).slice(0, 9);
    const progress = new Progress('Mentoring', mentees.length, out);
    const members = new Set<string>();
    for (const [index, mentee] of mentees.entries()) {
      const asMentee = actingAs(mentee.id);
      // The first pair goes to the demo mentor, so that his pages have a mentee and a request.
      const suggestions = await this.matching.suggestions(asMentee, 3);
      const mentorId =
        index < 2 && demoMentor && !suggestions.some((s) => s.mentor.id === demoMentor) ? demoMentor : suggestions[0]?.mentor.id;
      if (!mentorId) {
        progress.tick();
        continue;
      }
      const request = await this.requests.create(asMentee, {
        mentorId,
        message: 'We are a staff team planning to spin out and would value your experience of the journey.',
        goals: random.sample(GOALS, 2),
      });
      if (index % 3 !== 1 && (await this.grow(request.id, mentorId, mentee.id, index, random))) members.add(mentorId).add(mentee.id);
      progress.tick();
    }
    await this.answerCheckIns([...members], random);
  }

  /** The check-ins the pairs' start dates have made due, answered by most; one answer raises a concern. */
  private async answerCheckIns(members: string[], random: SeededRandom): Promise<void> {
    await this.checkIns.sweep();
    let concernRaised = false;
    for (const memberId of members) {
      for (const checkIn of await this.checkIns.pending(actingAs(memberId))) {
        if (random.next() < 0.2) continue;
        const concern: boolean = !concernRaised && random.next() < 0.3;
        concernRaised ||= concern;
        await this.checkIns.answer(actingAs(memberId), checkIn.id, {
          usefulness: concern ? 2 : random.int(4, 5),
          relationship: concern ? 2 : random.int(3, 5),
          wantsToContinue: concern ? 'unsure' : 'yes',
          ...(concern && { comment: 'We keep missing each other; our diaries never line up.', shareComment: true }),
        });
      }
    }
  }

  /** Accept, then its history; false when the mentor was full and the request stays pending. */
  private async grow(requestId: string, mentorId: string, menteeId: string, index: number, random: SeededRandom): Promise<boolean> {
    const asMentor = actingAs(mentorId);
    const asMentee = actingAs(menteeId);
    let mentorship;
    try {
      mentorship = await this.requests.accept(asMentor, requestId);
    } catch {
      return false; // the mentor is full: the request stays pending, which the demo also needs
    }
    for (const title of random.sample(GOALS, random.int(2, 3))) {
      const goal = await this.mentorships.addGoal(asMentee, mentorship.id, { title });
      if (random.next() < 0.5)
        await this.mentorships.updateGoal(asMentor, mentorship.id, goal.id, { status: random.pick(['in-progress', 'done'] as const) });
    }
    // The pair began weeks ago and has met about every three weeks since, at ten in the morning.
    const sessions = random.int(1, 4);
    const startedAt = atTen(Date.now() - (sessions * 21 + 12) * DAY);
    await this.history.startedOn(mentorship.id, new Date(startedAt));
    for (let s = 0; s < sessions; s++) {
      const startsAt = new Date(atTen(startedAt + (s * 21 + 7) * DAY));
      if (s === 1 && index % 2 === 0)
        await this.history.missed(mentorId, mentorship.id, {
          startsAt: new Date(startsAt.getTime() - 7 * DAY),
          durationMinutes: 60,
          format: 'video',
        });
      await this.history.held(random.next() < 0.5 ? asMentor : asMentee, mentorship.id, {
        startsAt,
        durationMinutes: random.pick([45, 60, 60, 90]),
        format: random.pick(['video', 'video', 'phone', 'in-person'] as const),
        notes: random.pick(NOTES),
        nextSteps: 'Share the revised draft before the next call.',
      });
    }
    await this.mentorships.answerFitCheck(asMentee, mentorship.id, { goodFit: true });
    const agreement = await this.agreements.save(asMentee, mentorship.id, {
      meetingFrequency: 'Every three weeks',
      meetingFormat: 'Video calls, with a visit to each other’s sites when we can',
      duration: 'Six months, reviewed at three',
      mentorExpectations: 'Honest challenge, and introductions to people who have done this before',
      menteeExpectations: 'Papers a few days before each call, and actions followed up',
      confidentiality: 'What we discuss stays between us unless we both agree to share it',
    });
    if (index !== 5) await this.agreements.confirm(asMentor, mentorship.id, { version: agreement.version });
    // The next session: booked, or (every third pair) proposed and waiting for an answer.
    const next = await this.meetings.propose(asMentor, mentorship.id, {
      startsAt: new Date(atTen(Date.now() + random.int(2, 9) * DAY)).toISOString(),
      durationMinutes: 60,
      format: 'video',
      location: 'Video link in the chat',
      agenda: 'Progress on the actions from last time',
    });
    if (index % 3 !== 2) await this.meetings.accept(asMentee, mentorship.id, next.id);
    if (index === 3) {
      await this.mentorships.close(asMentee, mentorship.id, {
        outcome: 'goals-met',
        rating: 5,
        feedback: 'Our business case was approved by the council; the TUPE advice saved us weeks.',
      });
    }
    return true;
  }
}
