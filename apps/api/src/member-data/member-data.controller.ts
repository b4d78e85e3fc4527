import { Controller, Get, Header } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, NoApiTokens } from '@mutuals/identity';
import { MemberDataService } from './member-data.service';
import { Endpoint } from '@mutuals/core';

@ApiTags('accounts')
@Controller('me')
export class MemberDataController {
  constructor(private readonly memberData: MemberDataService) {}

  /** Everything held about the caller, as a JSON file to keep. */
  @Endpoint({ summary: 'Download everything held about you (a JSON file)', response: 'Record<string, unknown>', errors: [] })
  @NoApiTokens()
  @Get('export')
  @ApiProduces('application/json')
  @Header('Content-Disposition', 'attachment; filename="mutuals-network-my-data.json"')
  @Header('Cache-Control', 'no-store')
  export(@CurrentUser() user: AuthUser) {
    return this.memberData.export(user.id);
  }
}
