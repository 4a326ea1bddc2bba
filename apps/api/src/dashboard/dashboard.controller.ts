import { Controller, Get, Inject, Param, Redirect, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { BUILD_HINT, DashboardFiles } from './dashboard.files';
import { setDashboardHeaders } from './dashboard.headers';

@ApiExcludeController()
@Controller()
export class DashboardController {
  constructor(@Inject(DashboardFiles) private readonly files: DashboardFiles) {}

  @Get()
  @Redirect('/dashboard/', 302)
  root(): void {}

  @Get('dashboard')
  page(@Res() response: Response): void {
    this.send('index.html', response);
  }

  @Get('dashboard/:file')
  asset(@Param('file') name: string, @Res() response: Response): void {
    this.send(name, response);
  }

  private send(name: string, response: Response): void {
    const file = this.files.file(name);
    if (!file) throw new DomainError('not_found', `no dashboard file ${name}`);
    setDashboardHeaders(response);
    if (this.files.missing().length > 0) {
      response.status(503).type('text/plain').send(`${BUILD_HINT}\n`);
      return;
    }
    // dotfiles: the repository may sit below a dot directory; only the names above are ever served.
    response.type(file.type).sendFile(file.path, { dotfiles: 'allow' });
  }
}
