import { Module } from '@nestjs/common';
import { ChatModule } from '@mutuals/chat';
import { FilesModule } from '@mutuals/files';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { AdminMatchingController } from './admin-matching.controller';
import { MatchingService } from './matching.service';
import { MatchingMemberDataRepository } from './repositories/member-data.repository';
import { MatchingMemberDataService } from './matching-member-data.service';
import { MentoringController } from './mentoring.controller';
import { MentoringPeople } from './mentoring-people';
import { MentoringRequestsService } from './mentoring-requests.service';
import { MentoringSweep } from './mentoring-sweep';
import { MentorshipsService } from './mentorships.service';
import { AgreementsService } from './pair-care/agreements.service';
import { CheckInsService } from './pair-care/check-ins.service';
import { MeetingsService } from './pair-care/meetings.service';
import { PairAccess } from './pair-care/pair-access';
import { PairCareAdminController, PairCareController } from './pair-care/pair-care.controller';
import { PairHistoryService } from './pair-care/pair-history.service';
import { PairRecordsService } from './pair-care/pair-records.service';
import { MatchingRoundsRepository } from './repositories/matching-rounds.repository';
import { MentoringRequestsRepository } from './repositories/mentoring-requests.repository';
import { MentorshipsRepository } from './repositories/mentorships.repository';
import { PairCareRepository } from './repositories/pair-care.repository';

@Module({
  imports: [ChatModule, FilesModule, IdentityModule, ProfilesModule],
  controllers: [MentoringController, AdminMatchingController, PairCareController, PairCareAdminController],
  providers: [
    MentoringPeople,
    MatchingService,
    MentoringRequestsService,
    MentorshipsService,
    MentoringSweep,
    MeetingsService,
    AgreementsService,
    CheckInsService,
    PairRecordsService,
    PairHistoryService,
    PairAccess,
    MatchingRoundsRepository,
    MentoringRequestsRepository,
    MentorshipsRepository,
    PairCareRepository,
    MatchingMemberDataRepository,
    MatchingMemberDataService,
  ],
  exports: [
    MatchingService,
    MentoringRequestsService,
    MentorshipsService,
    MeetingsService,
    AgreementsService,
    CheckInsService,
    PairHistoryService,
    MatchingMemberDataService,
  ],
})
export class MatchingModule {}
