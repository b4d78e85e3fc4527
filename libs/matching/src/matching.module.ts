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
import { MentoringController } from './mentoring.controller';
import { MentoringPeople } from './mentoring-people';
import { MentoringRequestsService } from './mentoring-requests.service';
import { MentoringSweep } from './mentoring-sweep';
import { MentorshipsService } from './mentorships.service';
import { AgreementEntity } from './entities/agreement.entity';
import { CheckInEntity } from './entities/check-in.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { MentorshipChangeEntity } from './entities/mentorship-change.entity';
import { AgreementsService } from './pair-care/agreements.service';
import { CheckInsService } from './pair-care/check-ins.service';
import { MeetingsService } from './pair-care/meetings.service';
import { PairAccess } from './pair-care/pair-access';
import { PairCareAdminController, PairCareController } from './pair-care/pair-care.controller';
import { PairCareRepository } from './pair-care/pair-care.repository';
import { PairRecordsService } from './pair-care/pair-records.service';

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
      MeetingEntity,
      AgreementEntity,
      CheckInEntity,
      MentorshipChangeEntity,
    ]),
  ],
  controllers: [MentoringController, AdminMatchingController, PairCareController, PairCareAdminController],
  providers: [
    MentoringPeople,
    MatchingService,
    MentoringRequestsService,
    MentorshipsService,
    MentoringSweep,
    PairCareRepository,
    PairAccess,
    MeetingsService,
    AgreementsService,
    CheckInsService,
    PairRecordsService,
  ],
  exports: [MatchingService, MentoringRequestsService, MentorshipsService, MeetingsService, CheckInsService],
})
export class MatchingModule {}
