import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { IDE_ASSETS, IDE_PAGE } from './ide.assets';
import { setIdeHeaders } from './ide.headers';

@ApiExcludeController()
@Controller('ide')
export class IdeController {
  @Get()
  page(@Res() response: Response): void {
    setIdeHeaders(response);
    response.type('html').send(IDE_PAGE);
  }

  @Get(':asset')
  asset(@Param('asset') name: string, @Res() response: Response): void {
    const asset = Object.hasOwn(IDE_ASSETS, name) ? IDE_ASSETS[name] : undefined;
    if (!asset) throw new DomainError('not_found', `no IDE asset ${name}`);
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // The files live under node_modules/.pnpm, a dot directory that sendFile refuses by default.
    response.type(asset.type).sendFile(asset.file, { dotfiles: 'allow' });
  }
}
