import { Module } from '@nestjs/common';
import { ChatModule } from '@mutuals/chat';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { CapabilitiesRepository } from './capabilities.repository';
import { CapabilitiesService } from './capabilities.service';
import { FitService } from './fit.service';
import { InterestsService } from './interests.service';
import { OpportunitiesRepository } from './opportunities.repository';
import { OpportunitiesService } from './opportunities.service';
import { PartnershipAccess } from './partnership-access';
import { PartnershipsAdminController, PartnershipsController } from './partnerships.controller';
import { PartnershipsSweep } from './partnerships-sweep';

@Module({
  imports: [ChatModule, IdentityModule, ProfilesModule],
  controllers: [PartnershipsController, PartnershipsAdminController],
  providers: [
    OpportunitiesRepository,
    CapabilitiesRepository,
    PartnershipAccess,
    FitService,
    OpportunitiesService,
    InterestsService,
    CapabilitiesService,
    PartnershipsSweep,
  ],
  exports: [OpportunitiesService, CapabilitiesService, InterestsService, PartnershipsSweep],
})
export class PartnershipsModule {}
