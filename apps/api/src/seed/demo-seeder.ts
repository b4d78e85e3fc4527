import { Injectable } from '@nestjs/common';
import { IdentityService } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { DEMO_COORDINATORS, DEMO_PASSWORD, buildDemoWorld } from './demo-data';
import { Progress } from './progress';

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
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
  ) {}

  /** Other areas add their demo content (threads, mentorships) on top of the people. */
  addStep(step: DemoSeedStep): void {
    this.steps.push(step);
  }

  async isSeeded(): Promise<boolean> {
    return (await this.identity.countUsers()) > 0;
  }

  async seed(out: NodeJS.WriteStream = process.stdout): Promise<DemoWorld> {
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

    for (const step of this.steps) {
      out.write(`${step.name}...\n`);
      await step.run(world, out);
    }
    return world;
  }
}
