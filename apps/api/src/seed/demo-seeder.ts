import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEMO_SEED_LOCK, InstanceStateRepository, runExclusively } from '@mutuals/core';
import { IdentityService } from '@mutuals/identity';
import { ProfilesService, STAGE_SLUGS } from '@mutuals/profiles';
import { DEMO_COORDINATORS, DEMO_PASSWORD, buildDemoWorld } from './demo-data';
import { DataSource } from 'typeorm';
import { Progress } from './progress';
import { SeededRandom } from './random';

const DAY = 86_400_000;

/**
 * The steps an organisation took to reach its stage: from where it joined the programme (exploring,
 * or a stage or two on), each step one to seven months after the last, the latest within the last
 * half year, so the console has journeys to count.
 */
function demoJourney(order: readonly string[], stage: string, random: SeededRandom): { stage: string; at: Date }[] {
  const end = Math.max(order.indexOf(stage), 0);
  const start = random.int(0, Math.min(end, 2));
  let at = Date.now() - random.int(5, 180) * DAY;
  const steps: { stage: string; at: Date }[] = [];
  for (let index = end; index >= start; index -= 1) {
    steps.unshift({ stage: order[index]!, at: new Date(at) });
    at -= random.int(30, 210) * DAY;
  }
  return steps;
}

/** instance_state key: 'loading' from the first row written, 'loaded' once the last step is done. */
const DEMO_SEED_KEY = 'demo-seed';

/** What a call to load the demo data did. */
export type DemoSeedOutcome = 'loaded' | 'already-loaded' | 'not-empty';

/** What later steps (forums, mentoring) get to build on: who was made. */
export interface DemoWorld {
  coordinatorIds: string[];
  /** Active members, by email. */
  members: Map<string, { id: string; organisationId: string | null; mentor: boolean; mentee: boolean }>;
}

export interface DemoSeedStep {
  name: string;
  run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void>;
}

@Injectable()
export class DemoSeeder {
  private readonly steps: DemoSeedStep[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instance: InstanceStateRepository,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
  ) {}

  /** Other areas add their demo content (threads, mentorships) on top of the people. */
  addStep(step: DemoSeedStep): void {
    this.steps.push(step);
  }

  /**
   * Loads the demo world into an empty database, all or nothing: a marker says 'loading' before
   * the first row and 'loaded' after the last, so a load that was killed half-way is found on the
   * next call, its partial rows cleared and the whole world loaded again. Replicas on one server
   * queue on an advisory lock; the embedded database has one process.
   */
  load(out: NodeJS.WriteStream = process.stdout): Promise<DemoSeedOutcome> {
    return runExclusively(this.dataSource, DEMO_SEED_LOCK, async () => {
      const state = await this.instance.get(DEMO_SEED_KEY);
      if (state === 'loaded') return 'already-loaded';
      if (state === 'loading') {
        // The marker is only written on an empty database, so every row since is partial demo data.
        out.write('The demo data was half loaded when the last start stopped: clearing it to load it again\n');
        await this.instance.emptyContentTables();
      } else if ((await this.identity.countUsers()) > 0) {
        return 'not-empty';
      } else {
        out.write('Loading the demo data (a minute or so, once)\n');
      }
      await this.instance.set(DEMO_SEED_KEY, 'loading');
      await this.seedWorld(out);
      await this.instance.set(DEMO_SEED_KEY, 'loaded');
      return 'loaded';
    });
  }

  private async seedWorld(out: NodeJS.WriteStream): Promise<DemoWorld> {
    const { organisations, people } = buildDemoWorld();
    const world: DemoWorld = { coordinatorIds: [], members: new Map() };

    const accounts = new Progress('Coordinators and members', DEMO_COORDINATORS.length + people.length, out);
    for (const coordinator of DEMO_COORDINATORS) {
      const user = await this.identity.createUser({ ...coordinator, password: DEMO_PASSWORD, role: 'coordinator', status: 'active' });
      await this.profiles.updateProfile(user.id, { jobTitle: coordinator.jobTitle, bio: 'Coordinator of the mentoring scheme and peer-support network.' });
      world.coordinatorIds.push(user.id);
      accounts.tick();
    }

    const organisationIds: (string | null)[] = organisations.map(() => null);
    for (const person of people) {
      const user = await this.identity.createUser({ email: person.email, displayName: person.displayName, password: DEMO_PASSWORD, role: 'member', status: person.status });
      const orgIndex = person.organisation;
      const existing = organisationIds[orgIndex];
      if (existing) {
        await this.profiles.addOrganisationMember(existing, user.id);
      } else {
        const org = organisations[orgIndex]!;
        organisationIds[orgIndex] = (await this.profiles.createOrganisation(user.id, org)).id;
      }
      await this.profiles.updateProfile(user.id, {
        jobTitle: person.jobTitle,
        bio: person.bio,
        region: person.region,
        sectors: person.sectors,
        ...(person.mentor && { mentor: { offers: true, ...person.mentor } }),
        ...(person.mentee && { mentee: { seeks: true, ...person.mentee } }),
      });
      if (person.status === 'active') {
        world.members.set(person.email, { id: user.id, organisationId: organisationIds[orgIndex] ?? null, mentor: !!person.mentor, mentee: !!person.mentee });
      }
      accounts.tick();
    }
    out.write(`Seeded ${organisations.length} organisations and ${people.length + DEMO_COORDINATORS.length} people\n`);
    const random = new SeededRandom(1796);
    for (const [index, id] of organisationIds.entries()) {
      if (id) await this.profiles.importJourney(id, demoJourney(STAGE_SLUGS, organisations[index]!.stage, random));
    }

    for (const step of this.steps) {
      out.write(`${step.name}...\n`);
      await step.run(world, out);
    }
    return world;
  }
}
