import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StageChangeView } from '@mutuals/contracts';
import { AuthUser, CoordinatorOnly, CurrentUser } from '@mutuals/identity';
import { RecordStageChangeDto } from './dto/profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin/organisations')
export class AdminOrganisationsController {
  constructor(private readonly profiles: ProfilesService) {}

  /** Records a step of the organisation's journey, dated when it happened; answers the whole journey. */
  @Post(':id/stages')
  recordStage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordStageChangeDto,
  ): Promise<StageChangeView[]> {
    return this.profiles.recordStage(user, id, body);
  }
}
