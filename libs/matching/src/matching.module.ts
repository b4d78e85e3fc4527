import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { AdminMatchingController } from './admin-matching.controller';
import { MatchingService } from './matching.service';
import { MentoringController } from './mentoring.controller';
import { MentoringPeople } from './mentoring-people';
import { MentoringRequestsService } from './mentoring-requests.service';
import { MentoringSweep } from './mentoring-sweep';
import { MentorshipsService } from './mentorships.service';
import { MatchingRoundsRepository } from './repositories/matching-rounds.repository';
import { MentoringRequestsRepository } from './repositories/mentoring-requests.repository';
import { MentorshipsRepository } from './repositories/mentorships.repository';

@Module({
  imports: [IdentityModule, ProfilesModule],
  controllers: [MentoringController, AdminMatchingController],
  providers: [
    MentoringPeople,
    MatchingService,
    MentoringRequestsService,
    MentorshipsService,
    MentoringSweep,
    MatchingRoundsRepository,
    MentoringRequestsRepository,
    MentorshipsRepository,
  ],
  exports: [MatchingService, MentoringRequestsService, MentorshipsService],
})
export class MatchingModule {}
