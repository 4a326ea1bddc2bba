import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EXPOSITION_CONTENT_TYPE, render } from './exposition';
import { FleetMetricsService } from './fleet-metrics.service';
import { MetricsGuard } from './metrics.guard';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly fleet: FleetMetricsService,
  ) {}

  @Get()
  @UseGuards(MetricsGuard)
  @ApiBearerAuth('apiKey')
  @ApiOperation({ summary: 'Prometheus metrics: the API’s own health and fleet gauges (text format 0.0.4)' })
  @ApiResponse({ status: 200, description: 'The exposition, text/plain; version=0.0.4' })
  @ApiResponse({ status: 401, description: 'No valid API key (unless TCPFLEET_METRICS_PUBLIC=true)' })
  async scrape(@Res() response: Response): Promise<void> {
    const families = [...this.metrics.families(), ...(await this.fleet.families())];
    // Written as is: express's send() would reorder the content type's parameters.
    response.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE }).end(render(families));
  }
}
