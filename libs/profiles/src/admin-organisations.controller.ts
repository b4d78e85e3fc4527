import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StageChangeView } from '@mutuals/contracts';
import { Endpoint } from '@mutuals/core';
import { AuthUser, CoordinatorOnly, CurrentUser } from '@mutuals/identity';
import { RecordStageChangeDto } from './dto/profile.dto';
import { ProfilesErrors } from './profiles.errors';
import { ProfilesService } from './profiles.service';

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin/organisations')
export class AdminOrganisationsController {
  constructor(private readonly profiles: ProfilesService) {}

  /** Records a step of the organisation's journey, dated when it happened; answers the whole journey. */
  @Endpoint({
    summary: "Record a step of an organisation's journey, dated when it happened",
    response: 'StageChangeView[]',
    status: 201,
    errors: [ProfilesErrors.organisationNotFound, ProfilesErrors.stageUnchanged, ProfilesErrors.stageDateOutOfOrder],
  })
  @Post(':id/stages')
  recordStage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordStageChangeDto,
  ): Promise<StageChangeView[]> {
    return this.profiles.recordStage(user, id, body);
  }
}
