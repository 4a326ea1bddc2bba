import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { sql, type Kysely } from 'kysely';
import { InjectKysely } from '../database/database.module';
import type { Schema } from '../database/schema';
import { DomainError } from '../errors/domain-error';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@InjectKysely() private readonly db: Kysely<Schema>) {}

  @Get('healthz')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up (says nothing about the database)' })
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOperation({ summary: 'The API can serve: its database answers' })
  @ApiResponse({ status: 200 })
  @ApiResponse({ status: 503, description: 'The database is unreachable' })
  async readyz(): Promise<{ status: 'ready' }> {
    try {
      await sql`select 1`.execute(this.db);
    } catch {
      throw new DomainError('database_unavailable', 'the database is not reachable');
    }
    return { status: 'ready' };
  }
}
