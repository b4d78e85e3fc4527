import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '@mutuals/chat';
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
import { MentoringController } from './mentoring.controller';
import { MentoringPeople } from './mentoring-people';
import { MentoringRequestsService } from './mentoring-requests.service';
import { MentoringSweep } from './mentoring-sweep';
import { MentorshipsService } from './mentorships.service';

@Module({
  imports: [
    ChatModule,
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
  providers: [MentoringPeople, MatchingService, MentoringRequestsService, MentorshipsService, MentoringSweep],
  exports: [MatchingService, MentoringRequestsService, MentorshipsService],
})
export class MatchingModule {}
