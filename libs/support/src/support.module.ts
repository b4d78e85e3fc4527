import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry, FilesModule } from '@mutuals/files';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import {
  SupportAdviserEntity,
  SupportAllocationEntity,
  SupportApplicationEntity,
  SupportDeliverableEntity,
  SupportDeliveryLogEntity,
  SupportFundEntity,
  SupportPartnerEntity,
} from './entities/support.entity';
import { AdviserController, SupportAdminController, SupportController } from './support.controller';
import { SupportRepository } from './support.repository';
import { DELIVERABLE_KIND, SupportService } from './support.service';

@Module({
  imports: [
    IdentityModule,
    ProfilesModule,
    FilesModule,
    TypeOrmModule.forFeature([
      SupportFundEntity,
      SupportPartnerEntity,
      SupportAdviserEntity,
      SupportApplicationEntity,
      SupportAllocationEntity,
      SupportDeliveryLogEntity,
      SupportDeliverableEntity,
    ]),
  ],
  controllers: [SupportController, SupportAdminController, AdviserController],
  providers: [SupportRepository, SupportService],
  exports: [SupportService],
})
export class SupportModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly support: SupportService,
  ) {}

  onModuleInit(): void {
    // A deliverable is seen by whoever may see its application: the applicant, coordinators, the partner's advisers.
    this.fileAccess.register(DELIVERABLE_KIND, (viewer, applicationId) => this.support.mayViewApplication(viewer, applicationId));
  }
}
