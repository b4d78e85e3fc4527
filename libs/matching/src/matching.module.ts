import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { AdminMatchingController } from './admin-matching.controller';
import { GoalEntity } from './entities/goal.entity';
import { MatchingRoundEntity } from './entities/matching-round.entity';
import { MentorLoadEntity } from './entities/mentor-load.entity';
import { MentoringRequestEntity } from './entities/mentoring-request.entity';
import { MentorshipEntity } from './entities/mentorship.entity';
import { SessionLogEntity } from './entities/session-log.entity';
import { MatchingService } from './matching.service';
import { MatchingMemberDataRepository } from './matching-member-data.repository';
import { MatchingMemberDataService } from './matching-member-data.service';
import { MentoringController } from './mentoring.controller';
import { MentoringPeople } from './mentoring-people';
import { MentoringRequestsService } from './mentoring-requests.service';
import { MentoringSweep } from './mentoring-sweep';
import { MentorshipsService } from './mentorships.service';

@Module({
  imports: [
    IdentityModule,
    ProfilesModule,
    TypeOrmModule.forFeature([
      MentorLoadEntity,
      MentoringRequestEntity,
      MentorshipEntity,
      GoalEntity,
      SessionLogEntity,
      MatchingRoundEntity,
    ]),
  ],
  controllers: [MentoringController, AdminMatchingController],
  providers: [
    MentoringPeople,
    MatchingService,
    MentoringRequestsService,
    MentorshipsService,
    MentoringSweep,
    MatchingMemberDataRepository,
    MatchingMemberDataService,
  ],
  exports: [MatchingService, MentoringRequestsService, MentorshipsService, MatchingMemberDataService],
})
export class MatchingModule {}
