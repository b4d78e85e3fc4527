import type { INestApplicationContext } from '@nestjs/common';
import { matchingRoundCommand } from './matching-round-command';

/** A CLI command contributed by an area of the platform (e.g. matching rounds). */
export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  run(app: INestApplicationContext, args: string[]): Promise<void>;
}

export const CLI_COMMANDS: CliCommand[] = [matchingRoundCommand];
