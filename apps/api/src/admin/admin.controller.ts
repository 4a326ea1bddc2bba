import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeysService } from '../auth/api-keys.service';
import { ApiKeyGuard, RequireRole } from '../auth/guards';
import { HostTokensService } from '../auth/host-tokens.service';
import { ApiKeyDto, CreatedKeyDto, CreateKeyDto, RevokedTokensDto } from './admin.dto';

/** Key and token administration; the CLI uses these while the embedded API holds the store. */
@ApiTags('admin')
@ApiBearerAuth('apiKey')
@Controller('v1/admin')
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class AdminController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly tokens: HostTokensService,
  ) {}

  @Post('keys')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an API key (reader or admin); the key is in the answer, once' })
  @ApiResponse({ status: 201, type: CreatedKeyDto })
  async createKey(@Body() body: CreateKeyDto): Promise<CreatedKeyDto> {
    const { key, apiKey } = await this.keys.create(body.name, body.role);
    return { ...ApiKeyDto.of(apiKey), key };
  }

  @Get('keys')
  @ApiOperation({ summary: 'List API keys (never the keys themselves)' })
  @ApiResponse({ status: 200, type: [ApiKeyDto] })
  async listKeys(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(ApiKeyDto.of);
  }

  @Delete('keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiResponse({ status: 404, description: 'No active key with that id' })
  async revokeKey(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }

  @Post('hosts/:hostname/revoke-tokens')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke every token of a host; its agent must enrol again' })
  @ApiResponse({ status: 200, type: RevokedTokensDto })
  @ApiResponse({ status: 404, description: 'No host of that name' })
  async revokeTokens(@Param('hostname') hostname: string): Promise<RevokedTokensDto> {
    const result = await this.tokens.revoke(hostname);
    return { hostname, revoked: result.revoked };
  }
}
