import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '@mutuals/identity';
import { MatchingService, MentoringRequestsService, MentorshipsService } from '@mutuals/matching';
import { DEMO_MENTEE_EMAIL, DEMO_MENTOR_EMAIL } from './demo-data';
import { DemoSeeder, type DemoWorld } from './demo-seeder';
import { Progress } from './progress';
import { SeededRandom } from './random';

const DAY = 24 * 60 * 60 * 1000;
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
 * Mentoring on top of the demo people: active pairs with goals and sessions, requests waiting for
 * an answer, and one closed pair with feedback. The demo mentee keeps her suggestions to explore.
 */
@Injectable()
export class MentoringDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly matching: MatchingService,
    private readonly requests: MentoringRequestsService,
    private readonly mentorships: MentorshipsService,
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
    for (const [index, mentee] of mentees.entries()) {
      const asMentee = actingAs(mentee.id);
      // The first pair goes to the demo mentor, so that his pages have a mentee and a request.
      const suggestions = await this.matching.suggestions(asMentee, 3);
      const mentorId = index < 2 && demoMentor && !suggestions.some((s) => s.mentor.id === demoMentor) ? demoMentor : suggestions[0]?.mentor.id;
      if (!mentorId) {
        progress.tick();
        continue;
      }
      const request = await this.requests.create(asMentee, {
        mentorId,
        message: 'We are a staff team planning to spin out and would value your experience of the journey.',
        goals: random.sample(GOALS, 2),
      });
      if (index % 3 !== 1) await this.grow(request.id, mentorId, mentee.id, index, random);
      progress.tick();
    }
  }

  /** Accept, then goals and sessions; the fourth pair also closes with feedback. */
  private async grow(requestId: string, mentorId: string, menteeId: string, index: number, random: SeededRandom): Promise<void> {
    const asMentor = actingAs(mentorId);
    const asMentee = actingAs(menteeId);
    let mentorship;
    try {
      mentorship = await this.requests.accept(asMentor, requestId);
    } catch {
      return; // the mentor is full: the request stays pending, which the demo also needs
    }
    for (const title of random.sample(GOALS, random.int(2, 3))) {
      const goal = await this.mentorships.addGoal(asMentee, mentorship.id, { title });
      if (random.next() < 0.5) await this.mentorships.updateGoal(asMentor, mentorship.id, goal.id, { status: random.pick(['in-progress', 'done'] as const) });
    }
    const sessions = random.int(1, 4);
    for (let s = 0; s < sessions; s++) {
      await this.mentorships.logSession(random.next() < 0.5 ? asMentor : asMentee, mentorship.id, {
        heldAt: new Date(Date.now() - (sessions - s) * 9 * DAY).toISOString(),
        durationMinutes: random.pick([45, 60, 60, 90]),
        notes: random.pick(NOTES),
        nextSteps: 'Share the revised draft before the next call.',
      });
    }
    await this.mentorships.answerFitCheck(asMentee, mentorship.id, { goodFit: true });
    if (index === 3) {
      await this.mentorships.close(asMentee, mentorship.id, {
        outcome: 'goals-met',
        rating: 5,
        feedback: 'Our business case was approved by the council; the TUPE advice saved us weeks.',
      });
    }
  }
}
