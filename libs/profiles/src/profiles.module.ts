import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@mutuals/identity';
import { OrganisationEntity, OrganisationMemberEntity } from './entities/organisation.entity';
import { ProfileEntity } from './entities/profile.entity';
import { AdminMembersController } from './admin-members.controller';
import { OrganisationJoinsController } from './organisation-joins.controller';
import { OrganisationJoinsRepository } from './organisation-joins.repository';
import { OrganisationJoinsService } from './organisation-joins.service';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([ProfileEntity, OrganisationEntity, OrganisationMemberEntity])],
  controllers: [ProfilesController, OrganisationJoinsController, AdminMembersController],
  providers: [ProfilesService, OrganisationJoinsService, OrganisationJoinsRepository],
  exports: [ProfilesService],
})
export class ProfilesModule {}
